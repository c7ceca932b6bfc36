import type {MessageRef} from '../../src/i18n.js'
import {defineRule, exampleTexts, perList} from '../../src/rule.js'
import {isQuoted, type Analysis, type Token} from '../../src/text/analysis.js'
import {draftFields, fieldAt, fieldKey, type Field} from '../../src/text/fields.js'
import {foldWord} from '../../src/text/normalize.js'
import type {Lang} from '../../src/types.js'
import en from './en.json' with {type: 'json'}
import fr from './fr.json' with {type: 'json'}
import messages from './messages.json' with {type: 'json'}
import examples from './examples.json' with {type: 'json'}

interface Data {
  /** Words that may join the names of a greeting to several people ("and", "et", "bonjour"). */
  groupJoiners: string[]
  /** How the messages name the reader in this language ("you" / "vous", "your team" / "votre équipe", "you" / "chez vous"). */
  messageWords: {you: string; yourTeam: string; atYou: string}
  /** Merge-field labels standing for the reader's company ("company name", "nom de l'entreprise"). */
  companyFields: string[]
  /** "at" / "chez": a capitalised name after it, with a reader word just before, is the reader's company. */
  cue: string[]
  readerWords: string[]
  /** A name after the cue starting with one of these is not taken ("at the office"). */
  notCompany: string[]
  /** Skipped before a name: "Dear Ms Smith", "Bonjour Madame Durand". */
  titles: string[]
  /** Dropped from the end of a configured company name: "Acme Inc". */
  legalSuffixes: string[]
  /** The reader's first name right after one of these is a place or a thing: "to Sydney", "de Nancy". */
  notReaderBefore: string[]
  /** ...and right after one of these, or one of these and a lower-case word: "the (first) Sydney payroll". */
  determiners: string[]
}

interface Options extends Record<string, unknown> {
  /** Times the reader's name may appear in a short draft (the greeting is one). */
  nameUses: number
  /** Times the reader's company may appear in a short draft. */
  companyUses: number
  /** Each this many words allow one more use of each. */
  wordsPerExtraUse: number
}

interface Prepared {
  companyFields: Set<string>
  cue: Set<string>
  readerWords: Set<string>
  notCompany: Set<string>
  titles: Set<string>
  legalSuffixes: Set<string>
  notReaderBefore: Set<string>
  determiners: Set<string>
  groupJoiners: Set<string>
}

const prepare = perList(
  (data: Data): Prepared => ({
    companyFields: new Set(data.companyFields.map((label) => fieldKey(`[${label}]`))),
    cue: new Set(data.cue.map(foldWord)),
    readerWords: new Set(data.readerWords.map(foldWord)),
    notCompany: new Set(data.notCompany.map(foldWord)),
    titles: new Set(data.titles.map(foldWord)),
    legalSuffixes: new Set(data.legalSuffixes.map(foldWord)),
    notReaderBefore: new Set(data.notReaderBefore.map(foldWord)),
    determiners: new Set(data.determiners.map(foldWord)),
    groupJoiners: new Set(data.groupJoiners.map(foldWord))
  })
)

interface Use {
  start: number
  end: number
}

/** A word without its possessive ("Sarah's" → "sarah") and trailing dots ("Inc." → "inc"). */
function bare(fold: string): string {
  // `(?<!\.)`: the run of dots is tried from its first dot only (linear on long runs, test/robustness).
  return fold.replace(/['’]s$/, '').replace(/(?<!\.)\.+$/, '')
}

/** Folded words of a name, titles and legal suffixes dropped: "Ms. Ana Ruiz" → ["ana", "ruiz"]. */
function nameWords(name: string, prepared: Prepared, suffixes: boolean): string[] {
  const words = name
    .split(/[\s,]+/)
    .map((word) => bare(foldWord(word)))
    .filter((word) => word.length > 0)
  while (words.length > 1 && prepared.titles.has(words[0])) words.shift()
  while (suffixes && words.length > 1 && prepared.legalSuffixes.has(words[words.length - 1])) words.pop()
  return words
}

/**
 * Where the words `name` come, in order, as capitalised words outside merge
 * fields and quotations. A name that is also a common word ("Will", "Rose":
 * the draft has it in lower case too) counts at the start of a sentence only
 * when a comma follows ("Will, thanks").
 */
function findName(analysis: Analysis, name: string[], fields: Field[], person?: Person): Use[] {
  const {tokens, words, sentences} = analysis
  const uses: Use[] = []
  if (name.length === 0) return uses
  // `bare` only strips an ending: a word that does not start with the name cannot be it (checked first: every word goes through here).
  const is = (fold: string, part: string) => fold.startsWith(part) && bare(fold) === part
  const common = words.some((w) => is(tokens[w].fold, name[0]) && tokens[w].value === tokens[w].value.toLowerCase())
  for (let i = 0; i + name.length <= words.length; i++) {
    let ok = true
    for (let k = 0; k < name.length && ok; k++) {
      const token = tokens[words[i + k]]
      ok = is(token.fold, name[k]) && /^\p{Lu}/u.test(token.value) && (k === 0 || token.sentence === tokens[words[i]].sentence)
    }
    if (!ok) continue
    const first = tokens[words[i]]
    const last = tokens[words[i + name.length - 1]]
    if (fieldAt(fields, first.start) || isQuoted(analysis, first.start, last.end)) continue
    if (common && sentences[first.sentence].words[0] === words[i] && tokens[words[i] + 1]?.value !== ',') continue
    if (person && !designatesReader(analysis, i, i + name.length - 1, person, fields)) continue
    uses.push({start: first.start, end: last.end})
    i += name.length - 1
  }
  return uses
}

/** What tells the reader's first name from a namesake: the reader's surname, if known, and the rule's word lists. */
interface Person {
  surname?: string
  prepared: Prepared
}

/**
 * Does the first name at `analysis.words[from..to]` designate the reader?
 * Not when another surname follows ("my colleague Sydney Park", when the
 * reader is not Sydney Park), nor when a place preposition or a determiner
 * comes right before ("to Sydney", "à Nancy", "the Sydney office", "the
 * first Sydney payroll run"): that is a city or a thing named like them.
 */
function designatesReader(analysis: Analysis, from: number, to: number, person: Person, fields: Field[]): boolean {
  const {tokens, words, text} = analysis
  const first = tokens[words[from]]
  const last = tokens[words[to]]
  const joined = (a: Token, b: Token) => a.sentence === b.sentence && /^[^\S\n]*$/.test(text.slice(a.end, b.start))
  const next = tokens[words[to + 1]]
  if (next && joined(last, next) && /^\p{Lu}\p{Ll}/u.test(next.value) && !fieldAt(fields, next.start) && bare(next.fold) !== person.surname) return false
  const before = tokens[words[from - 1]]
  if (!before || !joined(before, first)) return true
  if (person.prepared.notReaderBefore.has(before.fold) || person.prepared.determiners.has(before.fold)) return false
  const earlier = tokens[words[from - 2]]
  return !(earlier && joined(earlier, before) && before.value === before.norm && person.prepared.determiners.has(earlier.fold))
}

/** The reader's name from the greeting, titles skipped: "Dear Ms Smith," → "Smith", "Hi Ana Ruiz," → "Ana Ruiz". */
function greetingName(analysis: Analysis, prepared: Prepared): string | undefined {
  const greeting = analysis.greeting
  if (!greeting?.name) return undefined
  const {tokens} = analysis
  const name: string[] = []
  for (const w of analysis.words) {
    const token = tokens[w]
    if (token.start < greeting.name.start) continue
    if (token.end > greeting.end || name.length === 2) break
    if (name.length === 0 && prepared.titles.has(bare(token.fold))) continue
    if (!/^\p{Lu}/u.test(token.value)) break
    name.push(token.value)
  }
  if (name.length === 0 || greetsSeveral(analysis, prepared, greeting.name.start)) return undefined
  return name.join(' ')
}

/**
 * The greeting names several people ("Hi Omar and Priya,", "Bonjour Omar, bonjour Priya,"): an
 * introduction or a group. Each name then addresses one of them, not the reader again like a mail
 * merge: no single reader's name is counted. Names are runs of capitalised words (titles skipped:
 * "Ana Ruiz" is one), joined only by the words of `groupJoiners` ("and", "et", "bonjour") on the
 * greeting's line; any other word ends the greeting ("Hi Sam, thanks for the intro to Dana").
 */
function greetsSeveral(analysis: Analysis, prepared: Prepared, from: number): boolean {
  const {tokens, text} = analysis
  const lineEnd = text.indexOf('\n', from)
  const end = lineEnd === -1 ? text.length : lineEnd
  const names = new Set<string>()
  let current = ''
  for (const w of analysis.words) {
    const token = tokens[w]
    if (token.start < from) continue
    if (token.end > end) break
    if (/^\p{Lu}/u.test(token.value) && !prepared.titles.has(bare(token.fold))) {
      current = current ? current + ' ' + token.fold : token.fold
      continue
    }
    if (current) names.add(current)
    current = ''
    if (!prepared.groupJoiners.has(token.fold)) break
  }
  if (current) names.add(current)
  return names.size >= 2
}

/**
 * The reader's company named after "at" / "chez" with a reader word among the
 * four words before ("your team at Acme", "vous dirigez l'IT chez Acme"): up
 * to three capitalised words right after the cue.
 */
function cuedCompany(analysis: Analysis, prepared: Prepared, fields: Field[]): string[] | undefined {
  const {tokens, words, text} = analysis
  for (let i = 1; i < words.length - 1; i++) {
    const cue = tokens[words[i]]
    if (!prepared.cue.has(cue.fold)) continue
    let reader = false
    for (let k = Math.max(0, i - 4); k < i && !reader; k++) reader = prepared.readerWords.has(tokens[words[k]].fold) && tokens[words[k]].sentence === cue.sentence
    // Or the cue opens its sentence (after a vocative: "Sophie, chez Bioline, vous…") and the reader
    // follows the name: "Chez Bioline, vous…", "At Acme, you…".
    const position = analysis.sentences[cue.sentence]?.words.indexOf(words[i]) ?? -1
    const opens = position === 0 || position === 1
    if (!reader && !opens) continue
    const name: string[] = []
    let end = cue.end
    let k = i + 1
    for (; k < words.length && name.length < 3; k++) {
      const token = tokens[words[k]]
      if (!/^\s+$/.test(text.slice(end, token.start)) || !/^\p{Lu}/u.test(token.value) || fieldAt(fields, token.start)) break
      name.push(bare(token.fold))
      end = token.end
      if (token.fold !== bare(token.fold)) {
        k++
        break // "Acme's": the name ends here
      }
    }
    if (!reader) for (let after = k; after < Math.min(words.length, k + 2) && !reader; after++) reader = prepared.readerWords.has(tokens[words[after]].fold) && tokens[words[after]].sentence === cue.sentence
    if (reader && name.length > 0 && !prepared.notCompany.has(name[0])) return name
  }
  return undefined
}

const ORDINALS = ['ordinalTh', 'ordinalSt', 'ordinalNd', 'ordinalRd']
/** "3rd" in English, "3e" in French: a message of messages.json (`ordinalSt`…). */
function ordinal(n: number): MessageRef {
  const tens = n % 100
  return {messageId: tens >= 11 && tens <= 13 ? 'ordinalTh' : ORDINALS[n % 10] ?? 'ordinalTh', data: {n}}
}

export default defineRule({
  id: 'name-repetition',
  summary: "The reader's name or company comes back so often the draft reads like a mail merge",
  rationale:
    'People use a name to get attention: once, in the greeting. Sequencing tools use it to prove the message is "personalized": in the subject, the greeting, the second line and the P.S. ' +
    'The reader hears the template. "Personal is human. Personalized isn\'t." (Cluetrain, thesis 62). ' +
    'Name them once, then write to them: "you", "your team". ' +
    'The reader\'s name comes from the greeting ("Hi Sarah,"; a merge field there, like {{first_name}}, is counted as such) or from the campaign file; ' +
    'their company from the campaign file, from company merge fields ({{company}}, [Company Name], [Nom de l\'entreprise]) or from "your team at Acme" / "votre équipe chez Acme". ' +
    'By default each may appear twice in a draft (the greeting counts), once more per 150 words (options nameUses, companyUses, wordsPerExtraUse); every use beyond that is reported.',
  category: 'personalization',
  languages: ['en', 'fr'],
  severity: 'warning',
  weight: 10,
  messages,
  options: {nameUses: 2, companyUses: 2, wordsPerExtraUse: 150} as Options,
  data: {en, fr} satisfies Record<Lang, Data>,
  examples: exampleTexts(examples),
  check({analysis, data, options, meta, report}) {
    const prepared = prepare(data)
    const fields = draftFields(analysis)
    const {tokens, words} = analysis
    let length = fields.length
    for (const w of words) if (!fieldAt(fields, tokens[w].start)) length++
    const extra = Math.floor(length / options.wordsPerExtraUse)

    const flag = (uses: Use[], allowed: number, messageId: string, words: Record<string, string>) => {
      if (uses.length <= allowed) return
      uses.sort((a, b) => a.start - b.start)
      uses.slice(allowed).forEach((use, index) => {
        const data = {written: analysis.text.slice(use.start, use.end), ordinal: ordinal(allowed + index + 1), length, allowed, ...words}
        report({start: use.start, end: use.end, messageId, data, expected: []})
      })
    }

    // The reader's name: a merge field in the greeting, the greeting's name, the campaign file's.
    const nameUses = new Map<number, Use>()
    const greetingField = analysis.greeting?.field
    if (greetingField) {
      const key = fieldKey(greetingField.value)
      for (const field of fields) if (field.key === key && !isQuoted(analysis, field.start, field.end)) nameUses.set(field.start, field)
    }
    for (const name of [greetingField ? undefined : greetingName(analysis, prepared), meta.readerName]) {
      if (!name) continue
      // A full name is counted by its first name ("Ana Ruiz" is written "Ana"), where it designates the reader.
      const [first, surname] = nameWords(name, prepared, false)
      for (const use of findName(analysis, first ? [first] : [], fields, {surname, prepared})) nameUses.set(use.start, use)
    }
    const nameAllowed = options.nameUses + extra
    flag([...nameUses.values()], nameAllowed, 'name', {you: data.messageWords.you})

    // The reader's company: the campaign file's, company merge fields, or "your team at X".
    // A company field also found in the sign-off ("L'équipe [Entreprise]") is the writer's company.
    const writers = new Set<string>()
    const {sentences} = analysis
    const from = Math.min(analysis.closingSentence, sentences.length - 1)
    for (let s = Math.max(from, 0); s < Math.min(from + 4, sentences.length); s++) {
      const sentence = sentences[s]
      if (/^P\.?\s?S\b/i.test(analysis.text.slice(sentence.start, sentence.start + 4))) break // a P.S. is body again
      // A signature line is short and is no sentence: "L'équipe [Entreprise]", not "Would it help [Company]?".
      if (sentence.words.length > 5 || /[.?!…]\s*$/.test(analysis.text.slice(sentence.start, sentence.end))) continue
      for (const field of fields) if (field.start >= sentence.start && field.end <= sentence.end) writers.add(field.key)
    }
    const companyUses = new Map<number, Use>()
    for (const field of fields) {
      if (prepared.companyFields.has(field.key) && !writers.has(field.key) && !isQuoted(analysis, field.start, field.end)) companyUses.set(field.start, field)
    }
    const company = meta.company ? nameWords(meta.company, prepared, true) : cuedCompany(analysis, prepared, fields)
    if (company) for (const use of findName(analysis, company, fields)) companyUses.set(use.start, use)
    const companyAllowed = options.companyUses + extra
    flag([...companyUses.values()], companyAllowed, 'company', {team: data.messageWords.yourTeam, you: data.messageWords.atYou})
  }
})
