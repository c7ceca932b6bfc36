import {defineRule, perList} from '../../src/rule.js'
import {foldWord} from '../../src/text/normalize.js'
import type {Lang} from '../../src/types.js'
import en from './en.json' with {type: 'json'}
import fr from './fr.json' with {type: 'json'}
import table from './syntaxes.json' with {type: 'json'}

interface Data {
  fields: string[]
  notFields: string[]
  htmlTags: string[]
}

interface Syntax {
  name: string
  regex: string
  needsFieldLike?: boolean
  bracket?: boolean
  angle?: boolean
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
  notFields: new Set(data.notFields.map(foldWord)),
  tags: new Set(data.htmlTags)
}))

/**
 * Is the inside of `[...]`, `{...}`, `%...%` or `<...>` a placeholder?
 * Known field names always are; otherwise it must look like one: a
 * capitalised or upper-case label, or words joined by `_`.
 */
function isFieldLike(inner: string, syntax: Syntax, sets: ReturnType<typeof prepare>): boolean {
  const label = inner.trim()
  const key = foldWord(label)
  if (!/\p{L}/u.test(label) || sets.notFields.has(key)) return false
  if (syntax.angle && sets.tags.has(label.toLowerCase().split(/\s/)[0])) return false
  if (sets.fields.has(key) || sets.fields.has(key.replace(/[_.-]/g, ' '))) return true
  if (/^[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+$/u.test(label)) return true // first_name, company_name
  if (/^\p{Lu}[\p{Lu}\p{N}_ ]*$/u.test(label) && label.length >= 2) return true // FNAME, PRÉNOM
  if (syntax.bracket) {
    // [Your Name], [Nom de l'entreprise], [observation spécifique : ...]: a label, not a citation like [1] or [x].
    return /^\p{Lu}/u.test(label) || label.includes(' ')
  }
  if (syntax.angle) return /^\p{Lu}[\p{L}' -]*$/u.test(label) // <Prénom>
  return /^\p{Lu}?[\p{L}]+(?:\.[\p{L}_]+)*$/u.test(label) && /\p{Lu}/u.test(label) // {FirstName}, {contact.Name}
}

export default defineRule({
  id: 'unfilled-merge-field',
  summary: 'A merge field is still in the draft: {{first_name}}, [Company], %FIRSTNAME%, <Prénom>…',
  rationale:
    'A merge field left in a message tells the reader, in the first line, that nobody wrote to them: a machine filled a blank and missed. ' +
    '"Personal is human. Personalized isn\'t." (Cluetrain, thesis 62). Fill the field with what you know of this reader, or, when the file is a template, lint it with --template.',
  category: 'personalization',
  languages: ['en', 'fr'],
  severity: 'error',
  weight: 40,
  options: {},
  data: {en, fr} satisfies Record<Lang, Data>,
  examples: {
    en: {
      bad: ['Hi {{first_name}},\n\nLoved your post about hiring.', 'Hello [Name], I saw that [Company] is hiring.', 'Dear %FIRSTNAME%, quick note.', 'Hey *|FNAME|*, thanks for the reply.'],
      good: ['Hi Sam,\n\nThanks for your post about hiring SDRs in Lyon.', 'See [the report](https://example.com) we discussed.', 'Thanks Sam, the figures are in the deck [1].']
    },
    fr: {
      bad: ['Bonjour {{prénom}},\n\nMerci pour votre message.', 'Bonjour <Prénom>, j\'ai vu que [Nom de l\'entreprise] recrute.', 'Bonjour {FirstName}, merci pour votre temps.'],
      good: ['Bonjour Marie,\n\nMerci pour votre message sur le recrutement à Lyon.', 'Voici [le rapport](https://example.com) dont nous avons parlé, merci encore.']
    }
  },
  check({analysis, data, report}) {
    const sets = prepare(data)
    const text = analysis.text
    const taken: Array<[number, number]> = []
    for (const syntax of syntaxes) {
      if (!text.includes(syntax.opener)) continue
      syntax.pattern.lastIndex = 0
      for (const match of text.matchAll(syntax.pattern)) {
        const start = match.index
        const end = start + match[0].length
        if (taken.some(([from, to]) => start < to && end > from)) continue
        if (syntax.needsFieldLike && !isFieldLike(match[0].slice(syntax.name === 'Mailchimp' ? 2 : 1, -1), syntax, sets)) continue
        taken.push([start, end])
        report({
          start,
          end,
          message: `Unfilled merge field \`${match[0]}\`: write what you know about this reader instead, or lint templates with --template`,
          expected: []
        })
      }
    }
  }
})
