import {defineRule, exampleTexts, perList} from '../../src/rule.js'
import {isQuoted} from '../../src/text/analysis.js'
import {foldWord} from '../../src/text/normalize.js'
import {TakenSpans} from '../../src/text/spans.js'
import type {Lang} from '../../src/types.js'
import en from './en.json' with {type: 'json'}
import fr from './fr.json' with {type: 'json'}
import table from './syntaxes.json' with {type: 'json'}
import messages from './messages.json' with {type: 'json'}
import examples from './examples.json' with {type: 'json'}

interface Data {
  /** Labels that are placeholders in any brackets: [link], [durée], [X], (company name). */
  fields: string[]
  /** Words that make a bracket an editorial note: [PDF attached], [sic], [see 1], [emphasis added]. */
  editorial: string[]
  /** A bracket starting with one of these is a note to the writer: <insert case study>, [ajouter un chiffre]. */
  instructions: string[]
  /** A parenthesis naming the reader's role is a placeholder: (nom de l'entreprise du prospect). */
  readerRoles: string[]
  /** A parenthesis holding only one of these words is a placeholder: "Bonjour (prénom),", "Hi (name),". */
  parenFields?: string[]
  htmlTags: string[]
  /** A bracket right after one of these labels at a line start is a subject tag ("Subject: [EXTERNAL] Re: …", "Objet : [Devis] …"). */
  subjectLabels?: string[]
}

interface Syntax {
  name: string
  regex: string
  needsFieldLike?: boolean
  bracket?: boolean
  angle?: boolean
  paren?: boolean
  /** `$first_name`: a label joined by `_`, in camel case, or a known field. */
  dollar?: boolean
}

// `opener`: the literal character every match starts with; a text without it is not searched (most drafts).
const syntaxes = (table.syntaxes as Syntax[]).map((syntax) => ({
  ...syntax,
  pattern: new RegExp(syntax.regex, 'gu'),
  opener: literalStart(syntax.regex)
}))

/** The literal character a regex starts with (`\\{` or `%`), or '' when it starts with a class, group or other syntax. */
function literalStart(regex: string): string {
  if (regex[0] === '\\') return /[\p{P}\p{S}]/u.test(regex[1] ?? '') ? regex[1] : ''
  return /[\\^$.|?*+()[\]{}]/.test(regex[0] ?? '^') ? '' : regex[0]
}

const prepare = perList((data: Data) => ({
  fields: new Set(data.fields.map(foldWord)),
  editorial: new Set(data.editorial.map(foldWord)),
  instructions: new Set(data.instructions.map(foldWord)),
  roles: new Set(data.readerRoles.map(foldWord)),
  parenFields: new Set((data.parenFields ?? []).map(foldWord)),
  tags: new Set(data.htmlTags),
  subjectLabels: new Set((data.subjectLabels ?? []).map(foldWord))
}))

type Sets = ReturnType<typeof prepare>

/** Folded words of a label, elisions split off without their apostrophe: "nom de l'entreprise" → nom, de, l, entreprise. */
function labelWords(key: string): string[] {
  return key.match(/[\p{L}\p{N}]+(?:['’](?!\p{L}))?/gu) ?? []
}

/** Does a known field label start the label: "nom de l'entreprise du prospect" starts with "nom de l'entreprise". */
function startsWithField(words: string[], sets: Sets): boolean {
  let prefix = ''
  for (let i = 0; i < Math.min(words.length, 4); i++) {
    prefix = i === 0 ? words[0] : prefix.endsWith("'") ? prefix + words[i] : prefix + ' ' + words[i]
    if (sets.fields.has(prefix)) return true
  }
  return false
}

/**
 * Is the inside of `[...]`, `{...}`, `%...%`, `<...>` or `(...)` a placeholder
 * left for the writer, or an editorial bracket / prose? Decided from the
 * content, with each language's data: a known field label ([link], [durée],
 * [X]) or an instruction (<insert case study>) is a placeholder; a bracket with
 * an editorial word ([PDF attached], [sic], [see 1]) or no letter ([1], […]) is
 * not. Otherwise square brackets hold a placeholder unless they start in lower
 * case inside a quotation (an editor's insertion) or hold one lower-case letter
 * (a footnote); other brackets must look like a label:
 * capitalised or upper case, or words joined by `_`; a parenthesis only when it
 * names a field of the reader ("(nom de l'entreprise du prospect)").
 */
function isFieldLike(inner: string, syntax: Syntax, sets: Sets, quoted: boolean): boolean {
  const label = inner.trim()
  if (!/\p{L}/u.test(label) || label.startsWith('^')) return false // [1], […], [^1] (a footnote)
  const key = foldWord(label)
  const spaced = key.replace(/[_.-]+/g, ' ').replace(/\s+/g, ' ').trim()
  const words = labelWords(spaced)
  if (syntax.angle && sets.tags.has(label.toLowerCase().split(/\s/)[0])) return false
  if (syntax.dollar) return sets.fields.has(spaced) || label.includes('_') || /^\p{Ll}+\p{Lu}/u.test(label) // $first_name, $firstName, $company
  const upper = /^\p{Lu}[\p{Lu}\p{N}_ ]*$/u.test(label) && label.length >= 2 // FNAME, PRÉNOM
  if (syntax.paren) {
    // Prose most of the time: "(CEO)", "(see the attached)". A placeholder names a field of the reader.
    if (sets.instructions.has(words[0])) return true
    if (sets.fields.has(spaced)) return words.length >= 2 || upper || sets.parenFields.has(spaced)
    return startsWithField(words, sets) && words.some((word) => sets.roles.has(word.replace(/['’]s?$/, '')))
  }
  if (sets.fields.has(key) || sets.fields.has(spaced) || startsWithField(words, sets)) return true // [link], [Link to the case study]
  if (sets.instructions.has(words[0])) return true
  if (words.some((word) => sets.editorial.has(word))) return false // [PDF attached], [sic], [see 1]
  // A figure filled in, or a reference: [2 min], [version 2024], [cid:image001.png@01DA…] (a
  // capitalised label numbered is a blank of a template: [Benefit 2], [Update 2]).
  if (syntax.bracket && /\p{N}/u.test(label) && !/^\p{Lu}/u.test(label)) return false
  if (/^[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+$/u.test(label)) return true // first_name, company_name
  if (upper) return true
  if (syntax.bracket) {
    // An editor's insertion in a quotation ("they [the board] agreed"), a footnote letter ([a]): not placeholders.
    // Capitalised, it is a label even there: « [Témoignage court] », from [A] to [B].
    return !((quoted || label.length === 1) && /^\p{Ll}/u.test(label))
  }
  if (syntax.angle) return /^\p{Lu}[\p{L}' -]*$/u.test(label) // <Prénom>
  return /^\p{L}+(?:\.[\p{L}_]+)*$/u.test(label) && /\p{Lu}/u.test(label) // {FirstName}, {contact.Name}
}

/** Is `text[start, end)` all there is on its line, but spaces? */
function isRuleLine(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  let lineEnd = text.indexOf('\n', end)
  if (lineEnd < 0) lineEnd = text.length
  return text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === ''
}

/**
 * A tag at the start of a subject line, after its label and reply prefixes: "Subject: [EXTERNAL] Re:
 * pilot", "Objet : [Devis] Rénovation" (a mail gateway's or the writer's category, not a blank).
 */
function isSubjectTag(text: string, start: number, sets: Sets): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  if (start - lineStart > 60) return false
  const before = text.slice(lineStart, start)
  const labels = before.split(/[:\s]+/u).filter((part) => part !== '')
  return labels.length > 0 && before.trimEnd().endsWith(':') && labels.every((part) => sets.subjectLabels.has(foldWord(part)))
}

/** A Markdown task-list box ("- [x] done") or the second half of a reference link ("[text][ref]"). */
function isMarkup(text: string, start: number, end: number): boolean {
  if (text[start - 1] === ']') return true
  if (end - start !== 3) return false
  // A list marker is a few characters after the line start: look no further back (a long line of `[x]` stays linear).
  const before = text.slice(Math.max(0, start - 40), start)
  const newline = before.lastIndexOf('\n')
  if (newline === -1 && start > 40) return false
  return /^\s*(?:[-*+]|\d{1,2}[.)])\s+$/.test(before.slice(newline + 1))
}

export default defineRule({
  id: 'unfilled-merge-field',
  summary: 'A merge field is still in the draft: {{first_name}}, [Company], %FIRSTNAME%, <Prénom>…',
  rationale:
    'A merge field left in a message tells the reader, in the first line, that nobody wrote to them: a machine filled a blank and missed. ' +
    '"Personal is human. Personalized isn\'t." (Cluetrain, thesis 62). Fill the field with what you know of this reader, or, when the file is a template, lint it with --template. ' +
    'Placeholders left for the writer count too, whatever their case or brackets: [link], [durée], [X], XXX, <insert case study>, (nom de l\'entreprise du prospect). ' +
    'Editorial brackets do not: [sic], […], [1], (see [1]), [PDF attached], an insertion inside a quotation, Markdown links and task boxes. The bracket\'s content decides, with word lists per language.',
  category: 'personalization',
  languages: ['en', 'fr'],
  severity: 'error',
  weight: 40,
  messages,
  options: {},
  data: {en, fr} satisfies Record<Lang, Data>,
  examples: exampleTexts(examples),
  check({analysis, data, report}) {
    const sets = prepare(data)
    const text = analysis.text
    const taken = new TakenSpans(text.length)
    for (const syntax of syntaxes) {
      if (!text.includes(syntax.opener)) continue
      syntax.pattern.lastIndex = 0
      for (const match of text.matchAll(syntax.pattern)) {
        const start = match.index
        const end = start + match[0].length
        if (taken.overlaps(start, end)) continue
        // A line of underscores alone separates (a signature, a forwarded message): not a blank to fill.
        if (syntax.name === 'Underscores' && isRuleLine(text, start, end)) continue
        if (syntax.needsFieldLike) {
          if (syntax.bracket && (isMarkup(text, start, end) || (isSubjectTag(text, start, sets) && !sets.fields.has(foldWord(match[0].slice(1, -1).trim()))))) continue
          if (!isFieldLike(syntax.dollar ? match[0].slice(1) : match[0].slice(1, -1), syntax, sets, isQuoted(analysis, start, end))) continue
        }
        taken.take(start, end)
        const shown = match[0].replace(/\r?\n/g, ' ') // "{{first_\nname}}", cut by a hard wrap, on one line
        report({
          start,
          end,
          messageId: syntax.name === 'Blank' || syntax.name === 'Underscores' || syntax.paren ? 'placeholder' : 'mergeField',
          data: {field: shown},
          expected: []
        })
      }
    }
  }
})
