import type {Root, Sentence as SentenceNode} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Lang} from '../types.js'
import {perPack} from '../lang/packs.js'
import {findFields, type Field} from './field-patterns.js'
import {foldWord, normalizeWord} from './normalize.js'
import {lexiconFor, type Lexicon} from './lexicon.js'

export type TokenKind = 'word' | 'punctuation' | 'symbol' | 'whitespace'

export interface Token {
  kind: TokenKind
  /** As written. */
  value: string
  /** Lower case, NFC, straight apostrophes. */
  norm: string
  /** `norm` without diacritics: the key word lists are compared on. */
  fold: string
  start: number
  end: number
  /** Index into `Analysis.sentences`. */
  sentence: number
}

export interface Sentence {
  start: number
  end: number
  /** Indices into `Analysis.tokens` of its word tokens. */
  words: number[]
  /** Index of its first and one-past-last token. */
  first: number
  last: number
  /** Ends with "?". */
  question: boolean
}

export interface Greeting {
  start: number
  end: number
  /** The name right after the greeting word ("Hi John," gives John), if any. */
  name?: {value: string; start: number; end: number}
  /** The merge field standing for the name ("Hi {{first_name}}," gives `{{first_name}}`), if any. */
  field?: {value: string; start: number; end: number}
}

export interface Analysis {
  text: string
  lang: Lang
  tokens: Token[]
  /** Indices of word tokens, in order. */
  words: number[]
  sentences: Sentence[]
  greeting?: Greeting
  /** Index into `sentences` of the first sentence of the body (after greeting and subject). */
  bodySentence: number
  /** Index into `sentences` where the sign-off starts ("Best,", "Cordialement"), or sentences.length. */
  closingSentence: number
  /** Ranges [start, end) of text between quotation marks: words mentioned, not used. */
  quoted: Array<[number, number]>
  /** The words phrase matchers know, numbered: the lexicon of the processor that analysed the draft (src/text/phrases.ts). */
  lexicon: Lexicon
  /** The courtesy lists the processor was configured with (config `courtesy`), when they are not its pack's own. */
  courtesyLists?: object
  /**
   * What is derived from the analysis for several rules (see src/text/derived.ts), computed on first use
   * and kept here, on the draft (the analysis lives in the draft's `file.data`): no module-level
   * per-draft cache. Tokens, sentences, quotations and the frame (greeting, sign-off) are computed
   * by `analyze` itself: the frame splits the greeting off its sentence, so the sentences are only
   * final then.
   */
  derived: Map<object, unknown>
}

const OPEN_QUOTES = new Set(['"', '“', '«', '„', '‘'])
const CLOSE_QUOTES: Record<string, string> = {'"': '"', '“': '”', '«': '»', '„': '“', '‘': '’'}
/** The language's greetings and sign-offs (langs/<code>/frame.json), split into folded words. */
const frameWords = perPack(({frame}) => ({
  greetings: foldPhrases(frame.greetings),
  closings: foldPhrases(frame.closings),
  openEnds: new Set((frame.openEnds ?? []).map((word) => foldWord(word))),
  starters: new Set((frame.starters ?? []).map((word) => foldWord(word))),
  formalClosings: foldPhrases(frame.formalClosings ?? [])
}))

function foldPhrases(phrases: string[]): string[][] {
  return phrases.map((phrase) => phrase.split(' ').map((part) => foldWord(part)))
}

/**
 * Flattens the nlcst tree into tokens with offsets, and splits it into
 * sentences as a reader reads them: retext's sentences (punctuation), cut
 * where the layout makes a line a unit of its own (greeting, sign-off, list
 * items, a line ended by punctuation, the subject line), and not where a
 * hard wrap cut a sentence (see `layoutBreak`): a draft wrapped at 60 columns
 * has the same sentences as the unwrapped one. A sentence mark glued to the
 * next sentence ("bien?Je", "mai.Le") ends a sentence too.
 */
export function analyze(tree: Root, text: string, lang: Lang, lexicon: Lexicon = lexiconFor(lang)): Analysis {
  const tokens: Token[] = []
  const sentences: Sentence[] = []
  let current: Sentence | undefined
  const width = wrapWidth(text)
  const {openEnds, starters} = frameWords(lang)

  const close = () => {
    if (current && current.words.length > 0) {
      current.last = tokens.length
      sentences.push(current)
    }
    current = undefined
  }

  // parse-latin reads "365." as an ordinal word ("Microsoft 365. Avez-vous…" stays one sentence):
  // a number ending in "." inside a sentence, then a capitalised word, ends the sentence. It reads
  // "h.", "etc.", "cap." as abbreviations: then the next word must also be one a sentence starts on
  // ("ouvre à 8 h. Je suis…", "budgets, etc. I am…": `frame.starters`), not a name ("M. Dupont").
  let afterDot: 'number' | 'abbreviation' | undefined
  const push = (kind: TokenKind | 'end', value: string, start: number, end: number) => {
    if (kind === 'end') {
      close()
      return
    }
    if (kind === 'whitespace') {
      if (value.includes('\n') && layoutBreak(text, start, end, width, openEnds)) close()
      tokens.push({kind, value, norm: value, fold: value, start, end, sentence: sentences.length})
      return
    }
    if (afterDot && kind === 'word' && /^\p{Lu}/u.test(value) && tokens[tokens.length - 1]?.kind === 'whitespace' && (afterDot === 'number' || starters.has(foldWord(value)))) close()
    const dotted = kind === 'word' && value.length > 1 && value.endsWith('.') && current !== undefined && current.words.length > 0
    afterDot = !dotted ? undefined : /^\p{N}+\.$/u.test(value) ? 'number' : 'abbreviation'
    if (!current) {
      current = {start, end, words: [], first: tokens.length, last: tokens.length, question: false}
    }
    const norm = normalizeWord(value)
    const token: Token = {kind, value, norm, fold: kind === 'word' ? foldWord(value) : norm, start, end, sentence: sentences.length}
    if (kind === 'word') current.words.push(tokens.length)
    current.end = end
    if (kind === 'punctuation' && norm.includes('?')) current.question = true
    else if (kind === 'word') current.question = false
    tokens.push(token)
  }

  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') {
      addLeaf(paragraph, push, text)
      continue
    }
    for (const sentence of paragraph.children) {
      if (sentence.type === 'SentenceNode') {
        addSentence(sentence, push, text)
        close()
      } else {
        addLeaf(sentence, push, text)
      }
    }
    close()
  }
  close()

  const words: number[] = []
  for (let index = 0; index < tokens.length; index++) if (tokens[index].kind === 'word') words.push(index)

  const analysis: Analysis = {
    text,
    lang,
    tokens,
    words,
    sentences,
    bodySentence: 0,
    closingSentence: sentences.length,
    quoted: findQuoted(tokens),
    lexicon,
    derived: new Map()
  }
  findFrame(analysis)
  return analysis
}

type Push = (kind: TokenKind | 'end', value: string, start: number, end: number) => void

/** A sentence mark between a lower-case letter and a capital starting a word ("bien?Je", "plan?I", "May.The"). */
const GLUED_END = /(?<=\p{Ll})(?:[?!…]+|\.)(?=\p{Lu}(?:\p{Ll}|'|’|$))/gu

/** A line that starts a list item: "- ", "• ", "* ", "1. ", "2) ". */
const LIST_ITEM = /^[ \t]*(?:[-•*–·▪◦→]|\d{1,2}[.)])[ \t]/u
const LINE_END_MARK = /[.!?…]["'”’»)\]]*$/u
const SUBJECT_LINE = /^\s*(?:subject|objet|re|tr|fwd?)\s*:/iu
/** Hard-wrapped mail wraps at 60 to 78 columns: a draft whose longest line is outside these bounds is not wrapped. */
const MIN_WRAP = 40
const MAX_WRAP = 100
/** A line holding a run this long without a space (a URL) is left out of the wrap width. */
const LONG_RUN = /\S{40,}/u

/**
 * The width a draft was hard-wrapped at: its longest line (URL lines left out), or 0 when some line
 * is longer than any mail client wraps (the draft is not hard-wrapped). One pass over the text.
 */
function wrapWidth(text: string): number {
  let width = 0
  let from = 0
  while (from <= text.length) {
    let to = text.indexOf('\n', from)
    if (to === -1) to = text.length
    const length = to - from - (text[to - 1] === '\r' ? 1 : 0)
    if (length > width && !LONG_RUN.test(text.slice(from, to))) {
      if (length > MAX_WRAP) return 0
      width = length
    }
    from = to + 1
  }
  return width < MIN_WRAP ? 0 : width
}

/**
 * Does the line break in the white space [start, end) end a unit? A blank line, a line ended by
 * punctuation, a short line ended by a comma ("Hi Sam,", "Best regards,"), the subject line and the
 * line before a list item do. A line that is no unit of its own was cut by a hard wrap: it ends on
 * a word no sentence ends on ("à", "the"), the next line starts in lower case, or, in a hard-wrapped
 * draft, its first word would not have fitted on this line. Each break looks at its two lines only:
 * linear over the draft.
 */
function layoutBreak(text: string, start: number, end: number, width: number, openEnds: ReadonlySet<string>): boolean {
  const whiteSpace = text.slice(start, end)
  if (whiteSpace.indexOf('\n') !== whiteSpace.lastIndexOf('\n')) return true // a blank line
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const line = text.slice(lineStart, start).trimEnd()
  if (line.length === 0 || LINE_END_MARK.test(line) || SUBJECT_LINE.test(line)) return true
  const nextEnd = text.indexOf('\n', end)
  const next = text.slice(end, nextEnd === -1 ? text.length : nextEnd)
  if (LIST_ITEM.test(next) || next.trim().length === 0) return true
  const words = line.trim().split(/\s+/).length
  if (line.endsWith(',') && words <= 4) return true
  if (words > 1 && openEnds.has(foldWord(line.slice(Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t')) + 1)))) return false
  if (/^\p{Ll}/u.test(next)) return false
  if (width === 0 || words < 4) return true
  const firstWord = /^\S*/u.exec(next)![0]
  return line.length + 1 + firstWord.length <= width
}

function addSentence(sentence: SentenceNode, push: Push, text: string) {
  for (const child of sentence.children) addLeaf(child, push, text)
}

function addLeaf(node: any, push: Push, text: string) {
  const start = node.position?.start?.offset
  const end = node.position?.end?.offset
  if (start === undefined || end === undefined) return
  switch (node.type) {
    case 'WordNode': {
      // The tree is lossless: a word's text is its slice of the draft (cheaper than joining its children).
      const value = text.slice(start, end)
      GLUED_END.lastIndex = 0
      if (!GLUED_END.test(value)) {
        push('word', value, start, end)
        return
      }
      // "bien?Je", "May.The": a sentence mark with no space after it, between a lower-case letter and
      // a capital, ends a sentence (parse-latin reads the whole as one word).
      let from = 0
      GLUED_END.lastIndex = 0
      for (let match = GLUED_END.exec(value); match; match = GLUED_END.exec(value)) {
        push('word', value.slice(from, match.index), start + from, start + match.index)
        push('punctuation', match[0], start + match.index, start + match.index + match[0].length)
        push('end', '', start + match.index + match[0].length, start + match.index + match[0].length)
        from = match.index + match[0].length
      }
      push('word', value.slice(from), start + from, end)
      return
    }
    case 'WhiteSpaceNode':
      push('whitespace', node.value, start, end)
      return
    case 'PunctuationNode':
      push('punctuation', node.value, start, end)
      return
    case 'SymbolNode':
    case 'SourceNode':
    case 'TextNode':
      push('symbol', node.value ?? toString(node), start, end)
      return
    default:
      if (Array.isArray(node.children)) for (const child of node.children) addLeaf(child, push, text)
  }
}

/** Spans between matching quotation marks in one sentence (mentions, not uses). */
function findQuoted(tokens: Token[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let open: {mark: string; start: number; sentence: number} | undefined
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    // A quotation does not run past its paragraph, nor past a few sentences (a stray mark would
    // swallow the rest of the draft). « Est-ce compris ? Et pouvez-vous m'envoyer le contrat ? » is one
    // quotation, and so is "You're on for 9am. Can't make it? Reply NO." in straight marks.
    if (open && token.sentence - open.sentence > 3) open = undefined
    if (open && token.kind === 'whitespace' && /\n[^\S\n]*\n/.test(token.value)) open = undefined
    if (token.kind !== 'punctuation' && token.kind !== 'symbol') continue
    const {value} = token
    for (let at = 0; at < value.length; at++) {
      const char = value[at]
      if (char === '"') {
        // A straight mark opens and closes alike: it opens after a space or the start ('said: "We'),
        // it closes before one or a mark ('sub." Could'); an inch mark (5") does neither. Past its
        // sentence, a mark that opens starts the quotation again: the first one was stray.
        const before = at > 0 ? value[at - 1] : tokens[index - 1]?.value.at(-1) ?? ''
        const after = at + 1 < value.length ? value[at + 1] : tokens[index + 1]?.value[0] ?? ''
        const opens = !WORD_CHAR.test(before) && after !== '' && !/\s/u.test(after)
        const closes = before !== '' && !/\s/u.test(before) && !WORD_CHAR.test(after)
        if (open?.mark === '"' && closes) {
          ranges.push([open.start, token.end])
          open = undefined
        } else if (opens && (!open || (open.mark === '"' && token.sentence !== open.sentence))) {
          open = {mark: char, start: token.start, sentence: token.sentence}
        }
      } else if (open && char === CLOSE_QUOTES[open.mark]) {
        ranges.push([open.start, token.end])
        open = undefined
      } else if (!open && OPEN_QUOTES.has(char)) {
        open = {mark: char, start: token.start, sentence: token.sentence}
      }
    }
  }
  return ranges
}

/** A letter or a digit: a straight '"' beside one on that side is no opening (or closing) mark. */
const WORD_CHAR = /[\p{L}\p{N}]/u

export function isQuoted(analysis: Analysis, start: number, end: number): boolean {
  // The ranges are in order and do not overlap (one quotation is open at a time): binary search for
  // the last one starting at or before `start` (rules ask for every word: a scan was quadratic on long drafts).
  const {quoted} = analysis
  let low = 0
  let high = quoted.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (quoted[middle][0] <= start) {
      found = middle
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  return found !== -1 && end <= quoted[found][1]
}

/**
 * Finds the frame of the draft: a leading "Subject:" line, the greeting
 * ("Hi John," / "Bonjour Marie,") and the sign-off ("Best," / "Cordialement").
 */
function findFrame(analysis: Analysis) {
  const {sentences, tokens, lang} = analysis
  const {greetings, closings, formalClosings} = frameWords(lang)
  let index = 0

  // "Subject: ..." / "Objet : ..." line.
  const first = sentences[0]
  if (first) {
    const head = tokens[first.words[0]].fold
    if ((head === 'subject' || head === 'objet' || head === 're') && /^\s*:/.test(analysis.text.slice(tokens[first.words[0]].end))) {
      index = 1
      // "Subject: Merci, Marie. Sincèrement." is one line cut into several sentences: skip them all.
      const lineEnd = analysis.text.indexOf('\n', first.start)
      while (lineEnd !== -1 && index < sentences.length && sentences[index].start < lineEnd) index++
    }
  }

  const sentence = sentences[index]
  if (sentence) {
    const fields = findFields(analysis.text.slice(sentence.start, sentence.end)).map((field) => ({...field, start: field.start + sentence.start, end: field.end + sentence.start}))
    const greeting = matchLead(analysis, sentence, greetings)
    // Where the name would start: after "Hi" / "Bonjour", or at the start of a line that only names the reader ("Wayne --").
    const lead = greeting !== undefined ? tokens[sentence.words[greeting - 1]].end : sentence.start
    const field = fields.find((item) => item.start >= lead && /^\s*$/.test(analysis.text.slice(lead, item.start)))
    // The greeting ends at the first comma, "!", ":" or dash ("Hi Sam - quick one") or line end after it.
    let end = lead
    let cut = -1
    for (let t = sentence.first; t < sentence.last; t++) {
      const token = tokens[t]
      if (token.start < lead || (field && token.start < field.end)) continue
      if (token.kind === 'punctuation' && (/[,!:]/.test(token.value) || DASH.test(token.value))) {
        end = token.end
        cut = t
        break
      }
    }
    const words = cut === -1 ? sentence.words.length : sentence.words.filter((w) => w < cut).length
    // A merge field counts as one word: "Bonjour [Nom de l'Artisan]," is a greeting.
    const shown = countWords(tokens, sentence.words.slice(0, words), fields)
    const nameToken = sentence.words.map((w) => tokens[w]).find((token) => token.start >= lead)
    // The name is a real name, not the first word of a merge field ("[First Name]").
    const name = nameToken && /^\p{Lu}/u.test(nameToken.value) && !(field && nameToken.start < field.end) ? {value: nameToken.value, start: nameToken.start, end: nameToken.end} : undefined
    const accepted = greeting !== undefined ? shown <= 4 : isVocative(analysis, sentence, fields, cut, shown, field)
    if (accepted && cut !== -1 && words < sentence.words.length) {
      // "Hi John, I am ..." on one line: split the greeting off its sentence.
      let from = cut + 1
      while (from < sentence.last && tokens[from].kind === 'whitespace') from++
      const rest: Sentence = {...sentence, start: tokens[from].start, words: sentence.words.slice(words), first: cut + 1}
      sentence.end = end
      sentence.last = cut + 1
      sentence.words = sentence.words.slice(0, words)
      sentence.question = false
      sentences.splice(index + 1, 0, rest)
      for (let t = rest.first; t < tokens.length; t++) tokens[t].sentence += 1
      analysis.greeting = {start: sentence.start, end, name, field: field && fieldSpan(field)}
      index += 1
    } else if (accepted) {
      analysis.greeting = {start: sentence.start, end: sentence.end, name, field: field && fieldSpan(field)}
      index += 1
    }
  }
  analysis.bodySentence = Math.min(index, sentences.length)

  // Sign-off: the last sentence that is a closing formula, and what follows.
  analysis.closingSentence = sentences.length
  for (let s = sentences.length - 1; s >= analysis.bodySentence; s--) {
    const words = sentences[s].words.length
    // "Veuillez agréer, Madame, l'expression de mes salutations distinguées.": a formula of any length.
    if (formalClosings.length > 0 && matchLead(analysis, sentences[s], formalClosings) !== undefined) {
      analysis.closingSentence = s
      break
    }
    const lead = words <= SIGN_OFF_WORDS ? matchLead(analysis, sentences[s], closings) : undefined
    // "Best regards", or a longer line on a closing word ended by a comma: "Merci de votre lecture,".
    if (lead === words || (lead !== undefined && endsWithComma(analysis, sentences[s]))) {
      analysis.closingSentence = s
      break
    }
  }
}

const DASH = /^(?:-{1,2}|[–—])$/u
/** A sign-off line has at most this many words ("Thank you for your time,"). */
const SIGN_OFF_WORDS = 6

/** Does the sentence end with a comma after its last word ("Merci de votre lecture,")? */
function endsWithComma(analysis: Analysis, sentence: Sentence): boolean {
  const {tokens} = analysis
  const last = sentence.words[sentence.words.length - 1]
  for (let t = last + 1; t < sentence.last; t++) if (tokens[t].kind === 'punctuation') return tokens[t].value === ','
  return false
}

function fieldSpan(field: Field) {
  return {value: field.value, start: field.start, end: field.end}
}

/** Words as a reader sees them: the words of a merge field count as one. */
function countWords(tokens: Token[], words: number[], fields: Field[]): number {
  let count = 0
  let inField: Field | undefined
  for (const w of words) {
    const token = tokens[w]
    if (inField && token.start < inField.end) continue
    inField = fields.find((field) => field.start <= token.start && token.end <= field.end)
    count += 1
  }
  return count
}

/**
 * A line that only names the reader, ended by a comma or a dash: one to
 * three capitalised words ("Wayne --") or a merge field ("[THEIR_NAME],").
 * Only a merge field may be followed by more on the same line
 * ("[NAME] - saw you're hiring"): "Thanks, ..." or "Yes - ..." are not names.
 */
function isVocative(analysis: Analysis, sentence: Sentence, fields: Field[], cut: number, shown: number, field: Field | undefined): boolean {
  const {tokens} = analysis
  if (cut === -1 || shown === 0 || shown > 3) return false
  const mark = tokens[cut].value
  if (mark !== ',' && !DASH.test(mark)) return false
  const alone = !sentence.words.some((w) => w > cut)
  if (!alone && !(field && field.start === sentence.start && tokens.slice(sentence.first, cut).every((token) => token.kind === 'whitespace' || token.start < field.end))) return false
  const {greetings, closings} = frameWords(analysis.lang)
  if (matchLead(analysis, sentence, closings) !== undefined || matchLead(analysis, sentence, greetings) !== undefined) return false
  for (let t = sentence.first; t < cut; t++) {
    const token = tokens[t]
    if (token.kind === 'whitespace' || fields.some((item) => item.start <= token.start && token.end <= item.end)) continue
    if (token.kind !== 'word' || !/^\p{Lu}/u.test(token.value)) return false
  }
  return true
}

/** When the sentence starts with one of `phrases` (folded words), the number of words matched. */
function matchLead(analysis: Analysis, sentence: Sentence, phrases: string[][]): number | undefined {
  let best: number | undefined
  for (const parts of phrases) {
    if (parts.length > sentence.words.length) continue
    let ok = true
    for (let i = 0; i < parts.length && ok; i++) ok = analysis.tokens[sentence.words[i]].fold === parts[i]
    if (ok && (best === undefined || parts.length > best)) best = parts.length
  }
  return best
}
