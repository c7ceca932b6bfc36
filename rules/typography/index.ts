import {defineRule, exampleTexts} from '../../src/rule.js'
import type {Lang} from '../../src/types.js'
import en from './en.json' with {type: 'json'}
import fr from './fr.json' with {type: 'json'}
import messages from './messages.json' with {type: 'json'}
import examples from './examples.json' with {type: 'json'}

/**
 * Spacing and punctuation, as data per language: what goes before `! ? ; :` (French: a no-break
 * space, U+202F or U+00A0, added when there is none; English: none, the spaces removed), the marks
 * one of which is enough ("!!!"), and words after which `:` is not punctuation (`Re:`, `https:`).
 */
interface Data {
  spaceBefore: string
  /** The space each mark takes in `add` languages ("" in `remove` ones). */
  marks: Record<string, string>
  repeated: string[]
  notBefore: string[]
}

/** The name of each space, as a message id. */
const NAMES: Record<string, string> = {'\u202f': 'narrowNoBreakSpace', '\u00a0': 'noBreakSpace'}

const isSpace = (char: string | undefined) => char === ' ' || char === '\t' || char === '\u00a0' || char === '\u202f'
const isLetterOrDigit = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char)
/** What may close a word before a mark: a letter, a digit, a closing quote or bracket. */
const closesWord = (char: string | undefined) => isLetterOrDigit(char) || (char !== undefined && '"”’»)]'.includes(char))
/** A mark is punctuation when what follows ends the phrase: a space, the end, a closing quote, another mark. */
const endsPhrase = (char: string | undefined, mark: string) =>
  char === undefined || /[\s"”’».,!?;:…]/u.test(char) || ((char === ')' || char === ']') && mark !== ':' && mark !== ';') // ":)" is no colon

/** The word that ends at `end` (letters and digits), lower-cased. */
function wordBefore(text: string, end: number): string {
  let start = end
  while (start > 0 && isLetterOrDigit(text[start - 1])) start--
  return text.slice(start, end).toLowerCase()
}

export default defineRule<Data, Record<string, never>>({
  id: 'typography',
  summary: 'Spacing and punctuation: French no-break space before ! ? ; :, none in English, "!!!" for "!", doubled spaces. Every finding has a safe fix (`cluelint --fix`).',
  rationale:
    'A draft with "Merci!!!", "Really ?" or two spaces between words looks typed in a hurry, and the reader notices the form before the words. ' +
    'French puts a no-break space before `!`, `?`, `;` (narrow, U+202F) and `:` (U+00A0), so the mark never starts a line on its own; English puts none. One `!` says as much as three. ' +
    'These are the only findings cluelint fixes on its own (`cluelint --fix`, or "fix all" in the editor): the fix cannot change what the draft says. ' +
    'Times, links and emoticons ("10:30", "https://", ":-)") are left alone, and so is a plain space a French writer typed before a mark. A note, it costs little.',
  category: 'form',
  languages: ['en', 'fr'],
  severity: 'info',
  weight: 1,
  messages,
  options: {},
  data: {en, fr} satisfies Record<Lang, Data>,
  examples: exampleTexts(examples),
  check({analysis, data, report}) {
    const {text} = analysis
    const notBefore = new Set(data.notBefore)
    // The signature, from the sign-off on: spaces there line up a phone and an address.
    const signature = analysis.closingSentence < analysis.sentences.length ? analysis.sentences[analysis.closingSentence].start : text.length
    const marks = markCodes(data)
    for (let index = 0; index < text.length; index++) {
      // Only a space or a mark starts anything below: most characters are skipped here, by code.
      const code = text.charCodeAt(index)
      if (code !== 32 && !marks.has(code)) continue
      const char = text[index]
      if (char === ' ') {
        // Two spaces or more between words (not indentation, not before a line break).
        if (text[index + 1] !== ' ' || index === 0 || /\s/.test(text[index - 1])) continue
        // Nor columns: in the signature, or after a label that starts its line ("Phone:   +44…").
        if (index >= signature || alignsValue(text, index)) {
          while (text[index + 1] === ' ') index++
          continue
        }
        let end = index + 2
        while (text[end] === ' ') end++
        const next = text[end]
        if (next === undefined || /\s/.test(next)) {
          index = end - 1
          continue
        }
        // English spaces before a mark are one finding (below).
        if (!(data.spaceBefore === 'remove' && next in data.marks && endsPhrase(text[end + 1], next))) {
          report({start: index, end, messageId: 'spaces', data: {count: end - index}, fix: {start: index, end, text: ' '}})
        }
        index = end - 1
        continue
      }
      // "l'adresse?Merci": a sentence glued to the next one (not in an address: "?ref=", "a@b!C").
      if (char in data.marks && data.repeated.includes(char) && closesWord(text[index - 1]) && /\p{Lu}/u.test(text[index + 1] ?? '') && !inAddress(text, index)) {
        const before = data.spaceBefore === 'remove' ? '' : data.marks[char]
        report({start: index, end: index + 1, messageId: 'glued', data: {char}, fix: {start: index, end: index + 1, text: before + char + ' '}})
        continue
      }
      if (!(char in data.marks) || !endsPhrase(text[index + 1], char)) continue
      if (text[index - 1] === char) continue // inside a run, reported with its first mark
      let run = index + 1
      while (text[run] === char) run++
      if (run - index > 1 && data.repeated.includes(char)) {
        const marks = text.slice(index, run)
        report({start: index, end: run, messageId: 'repeated', data: {marks, char}, fix: {start: index, end: run, text: char}})
      }
      if (char === ':' && notBefore.has(wordBefore(text, index))) continue
      if (data.spaceBefore !== 'remove') {
        if (!closesWord(text[index - 1])) continue
        const space = data.marks[char]
        report({
          start: index - 1,
          end: index + 1,
          messageId: 'frenchSpace',
          data: {space: {messageId: NAMES[space] ?? 'noBreakSpace'}, char},
          fix: {start: index, end: index, text: space}
        })
      } else {
        let start = index
        while (start > 0 && isSpace(text[start - 1])) start--
        if (start === index || !closesWord(text[start - 1])) continue
        report({start, end: index + 1, messageId: 'englishSpace', data: {char}, fix: {start, end: index, text: ''}})
      }
    }
  }
})

/** The character codes of the language's marks (`! ? ; :`), built once per data object. */
const markCodesOf = new WeakMap<Data, Set<number>>()
function markCodes(data: Data): Set<number> {
  let codes = markCodesOf.get(data)
  if (!codes) markCodesOf.set(data, (codes = new Set(Object.keys(data.marks).map((mark) => mark.charCodeAt(0)))))
  return codes
}

/** Spaces after a short label that starts its line ("Phone:", "Tél. :"): they line up a value. */
function alignsValue(text: string, index: number): boolean {
  if (text[index - 1] !== ':') return false
  const start = text.lastIndexOf('\n', index - 1) + 1
  return index - start <= 24 && !/[.!?]\s/.test(text.slice(start, index))
}

/** Is the mark at `index` inside a run of non-space characters that is a URL, a path or an e-mail address? */
function inAddress(text: string, index: number): boolean {
  let start = index
  while (start > 0 && !/\s/.test(text[start - 1]) && index - start < 200) start--
  let end = index
  while (end < text.length && !/\s/.test(text[end]) && end - index < 200) end++
  return /:\/\/|www\.|@|\/|=/.test(text.slice(start, end))
}
