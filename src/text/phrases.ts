import type {Lang} from '../types.js'
import type {Analysis} from './analysis.js'
import {derivation, derive} from './derived.js'
import type {Lexicon} from './lexicon.js'
import {inflect} from './inflect.js'
import {perPack} from '../lang/packs.js'
import {foldWord, phraseWords} from './normalize.js'

/**
 * Tolerant phrase matching over a draft's words, driven by data.
 *
 * Pattern syntax, one pattern a string:
 *   `came|stumbled`  alternatives       `just?`  optional word
 *   `*`              any one word       `=us`    exact (no inflection)
 * Words longer than three letters also match their inflected forms
 * (`src/text/data/inflection.json`), case and diacritics are ignored,
 * punctuation between words is skipped ("Moi, je" matches `moi je`), and
 * so are filler words given to the matcher ("I just came across").
 * A match never crosses a sentence boundary.
 */
export interface Match<T> {
  entry: T
  /** Indices into `analysis.tokens` of the first and last matched words. */
  first: number
  last: number
  start: number
  end: number
}

interface Step {
  forms: Set<string> | undefined // undefined: any word
  optional: boolean
}

interface Compiled<T> {
  entry: T
  /** The steps up to the first that must match a listed word: all the index needs. */
  head: Step[]
  /** The words of the pattern after `head`, compiled with it into `steps` on first use (see `stepsOf`). */
  rest: string[]
  lang: Lang
  steps?: Step[]
  /** The forms its first matched word can take; undefined when it may start on any word. */
  firsts: Set<string> | undefined
  /** Of two matches of one length, the lower rank wins (see `compileNow`). */
  rank: number
  /** The search round (see `walk`) that last found where this pattern ends. */
  round: number
}

export interface PhraseMatcher<T> {
  find(analysis: Analysis, from?: number, to?: number): Array<Match<T>>
}

/**
 * A phrase list as a rule declares it, and what is compiled from it, kept with it: the rule's own
 * lists live as long as the rule, a configured copy (config `words`) as long as the processor built
 * for that configuration, and what was compiled from a list goes with it. Its patterns are parsed
 * and inflected once (`parsed`); each lexicon that searches with it numbers their words and
 * builds its own tries (`compiled`).
 */
interface PhraseList<T> {
  entries: readonly T[]
  lang: Lang
  pattern: (entry: T) => string | string[]
  fillers: readonly string[]
  parsed?: Parsed<T>
  compiled: WeakMap<Lexicon, CompiledMatcher<T>>
}

interface Parsed<T> {
  compiled: Array<Compiled<T>>
  /** Folded filler words. */
  filler: Set<string>
}

/** Matchers compiled so far, counted (tests check that a lint with a known configuration compiles none). */
export const compiles = {count: 0}

interface CompiledMatcher<T> {
  find(analysis: Analysis, from?: number, to?: number): Array<Match<T>>
}

/**
 * A phrase list, to search drafts with. It is compiled on its first search, by the lexicon of the
 * draft's analysis (the processor's), which keeps the compiled form: rules declare their lists
 * once, and what a configuration compiles goes away with its processor.
 */
export function compilePhrases<T>(
  entries: readonly T[],
  lang: Lang,
  pattern: (entry: T) => string | string[] = (entry) => entry as unknown as string,
  fillers: readonly string[] = []
): PhraseMatcher<T> {
  const list: PhraseList<T> = {entries, lang, pattern, fillers, compiled: new WeakMap()}
  return {find: (analysis, from, to) => matcherFor(list, analysis.lexicon).find(analysis, from, to)}
}

/** The list's matcher for a lexicon, compiled on its first search and kept with the list. */
function matcherFor<T>(list: PhraseList<T>, lexicon: Lexicon): CompiledMatcher<T> {
  let matcher = list.compiled.get(lexicon)
  if (!matcher) {
    list.compiled.set(lexicon, (matcher = compileNow(list, lexicon)))
    compiles.count++
  }
  return matcher
}

/** Parses and inflects a list's patterns, once per list (see `PhraseList.parsed`). */
function parse<T>(list: PhraseList<T>): Parsed<T> {
  if (list.parsed) return list.parsed
  const {entries, lang, pattern, fillers} = list
  const compiled: Array<Compiled<T>> = []
  for (const entry of entries) {
    const patterns = pattern(entry)
    for (const source of Array.isArray(patterns) ? patterns : [patterns]) {
      compiled.push({entry, ...compileHead(source, lang), lang, firsts: undefined, rank: 0, round: 0})
    }
  }
  // Index by the folded forms the first matched word can take: the first step's forms, and
  // while leading steps are optional, the next step's forms (and filler words, which may come
  // before a step once an optional head is skipped). Only a pattern that can start on any
  // word (a leading `*`) is tried at every word. Of two matches of one length, the one the
  // unindexed version found first wins: fixed-head patterns, then the others, in list order.
  const filler = new Set(fillers.map((word) => foldWord(word)))
  compiled.forEach((item, order) => {
    const head = item.head[0]
    const fixed = head !== undefined && !head.optional && head.forms !== undefined
    item.rank = (fixed ? 0 : compiled.length) + order
    if (fixed) {
      // Most patterns start on one listed word: its forms, shared with the step (never changed).
      item.firsts = head.forms
      return
    }
    const firsts = new Set<string>()
    let any = item.head.length === 0
    for (const step of item.head) {
      if (!step.forms) {
        any = true
        break
      }
      for (const form of step.forms) firsts.add(form)
      if (!step.optional) break
      for (const form of filler) firsts.add(form)
    }
    if (item.rest.length === 0 && item.head.every((step) => step.optional)) any = true
    item.firsts = any ? undefined : firsts
  })
  return (list.parsed = {compiled, filler})
}

function compileNow<T>(list: PhraseList<T>, lexicon: Lexicon): CompiledMatcher<T> {
  const {compiled, filler} = parse(list)
  // Indexed by word id (see `vocabulary`): a small-integer key, not a string looked up in a large map.
  const heads = new Map<number, Array<Compiled<T>>>()
  const anyFirst: Array<Compiled<T>> = []
  for (const item of compiled) {
    if (!item.firsts) {
      anyFirst.push(item)
      continue
    }
    for (const form of item.firsts) {
      const id = lexicon.wordId(form)
      const list = heads.get(id)
      if (list) list.push(item)
      else heads.set(id, [item])
    }
  }
  const fillerIds = new Set([...filler].map((form) => lexicon.wordId(form)))
  // Patterns that may start on any word are tried at every word; the others only where the
  // draft's index (see `draftIndex`) says one of their first words stands.
  let starts: StartSet | undefined
  if (anyFirst.length === 0) {
    let highest = -1
    for (const id of heads.keys()) if (id > highest) highest = id
    const isHead = new Uint8Array(highest + 1)
    for (const id of heads.keys()) isHead[id] = 1
    starts = {isHead}
  }

  // The patterns that may start on each word, as a trie (built on first use): patterns sharing
  // their first steps ("i came across", "i came upon") test those steps once (profiled).
  // Patterns are compiled whole only there, so a run on one draft compiles the few whose first
  // word it has (profiled: compiling every list was a third of the cold start).
  const tries = new Map<number, TrieNode<T>>()
  let anyTrie: TrieNode<T> | undefined
  const trieAt = (id: number): TrieNode<T> | undefined => {
    if (id < 0) return undefined
    let trie = tries.get(id)
    if (trie === undefined) {
      const items = heads.get(id)
      if (!items) return undefined
      tries.set(id, (trie = buildTrie(items, lexicon)))
    }
    return trie
  }

  return {
    find(analysis, from = 0, to = analysis.sentences.length) {
      const matches: Array<Match<T>> = []
      if (to > analysis.sentences.length) to = analysis.sentences.length
      if (from >= to) return matches
      let index = draftIndex(analysis)
      // Build the tries this search needs first: compiling patterns adds words to the vocabulary,
      // and the draft's index must know them before matching starts.
      if (anyFirst.length > 0) {
        anyTrie ??= buildTrie(anyFirst, lexicon)
        for (let at = index.sentenceStart[from]; at < index.sentenceStart[to]; at++) trieAt(index.ids[at])
      } else {
        const positions = candidates(index, starts!)
        const high = index.sentenceStart[to]
        for (let n = firstAtOrAfter(positions, index.sentenceStart[from]); n < positions.length && positions[n] < high; n++) trieAt(index.ids[positions[n]])
      }
      index = draftIndex(analysis)
      const {ids, words, sentenceStart} = index
      const {tokens} = analysis
      const low = sentenceStart[from]
      const high = sentenceStart[to]
      const positions = starts && candidates(index, starts)
      // A search over a few sentences (a question, say) starts at its first candidate, not the draft's.
      const first = positions ? firstAtOrAfter(positions, low) : 0
      const count = positions ? positions.length : high - low
      let skip = low
      const best: {item?: Compiled<T>; end: number} = {end: -1}
      const search: Search<T> = {ids, start: 0, end: 0, filler: fillerIds, best, round: 0}
      for (let n = first; n < count; n++) {
        searchWork.positions++
        const at = positions ? positions[n] : low + n
        if (at < skip) continue
        if (at >= high) break
        best.item = undefined
        best.end = -1
        const end = sentenceStart[index.sentenceOf[at] + 1]
        const id = ids[at]
        search.start = at
        search.end = end
        search.round = ++rounds
        const trie = trieAt(id)
        if (trie) walk(trie, 0, at, search)
        if (anyTrie) walk(anyTrie, 0, at, search)
        const found = best.item as Compiled<T> | undefined
        if (found) {
          const first = words[at]
          const last = words[best.end - 1]
          matches.push({entry: found.entry, first, last, start: tokens[first].start, end: tokens[last].end})
          skip = best.end
        }
      }
      return matches
    }
  }
}

/** The first words of a matcher whose patterns all start on a listed word: `isHead[id]` is 1 for each. */
interface StartSet {
  isHead: Uint8Array
}

/** A draft's words, flattened across sentences, as word ids of its lexicon; computed once per analysis. */
interface DraftIndex {
  /** Word id of each word (-1: no matcher knows it). */
  ids: Int32Array
  /** Token index of each word. */
  words: Int32Array
  /** Index of the first word of each sentence, and the word count at the end. */
  sentenceStart: Int32Array
  sentenceOf: Int32Array
  /** Vocabulary size when computed: a matcher compiled later may know more words. */
  known: number
  /** Positions where each matcher's patterns may start, found on its first search of the draft. */
  starts: Map<StartSet, number[]>
}

/**
 * Sentences are final once rules run, so the index is built on first use and kept on the analysis
 * (rebuilt when a matcher compiled since taught the lexicon more words).
 */
function draftIndex(analysis: Analysis): DraftIndex {
  const {vocabulary} = analysis.lexicon
  const holder = derive(analysis, INDEX)
  let index = holder.current
  if (index && index.known === vocabulary.size) return index
  const {sentences, tokens} = analysis
  let total = 0
  for (const sentence of sentences) total += sentence.words.length
  const ids = new Int32Array(total)
  const words = new Int32Array(total)
  const sentenceOf = new Int32Array(total)
  const sentenceStart = new Int32Array(sentences.length + 1)
  let at = 0
  for (let s = 0; s < sentences.length; s++) {
    sentenceStart[s] = at
    for (const word of sentences[s].words) {
      ids[at] = vocabulary.get(tokens[word].fold) ?? -1
      words[at] = word
      sentenceOf[at] = s
      at++
    }
  }
  sentenceStart[sentences.length] = at
  holder.current = index = {ids, words, sentenceStart, sentenceOf, known: vocabulary.size, starts: new Map()}
  return index
}

const INDEX = derivation('word index', (): {current?: DraftIndex} => ({}))

/** Index of the first of the sorted `positions` that is `at` or after it (binary search). */
function firstAtOrAfter(positions: number[], at: number): number {
  let low = 0
  let high = positions.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (positions[middle] < at) low = middle + 1
    else high = middle
  }
  return low
}

/** Where in the draft a matcher's patterns may start: one pass over its word ids per draft and matcher. */
function candidates(index: DraftIndex, set: StartSet): number[] {
  let positions = index.starts.get(set)
  if (!positions) {
    positions = []
    const {ids} = index
    const {isHead} = set
    // Ids outside the table (-1 for a word no matcher knows, or words learnt since it was built) are no head.
    const size = isHead.length
    for (let at = 0; at < ids.length; at++) {
      const id = ids[at]
      if (id >= 0 && id < size && isHead[id] === 1) positions.push(at)
    }
    index.starts.set(set, positions)
  }
  return positions
}

/** The pattern's first steps, up to the first that must match a listed word (or a `*`), and its other words. */
function compileHead(source: string, lang: Lang): {head: Step[]; rest: string[]} {
  const words = source.trim().split(/\s+/)
  const head: Step[] = []
  let next = 0
  while (next < words.length) {
    const steps = compileWord(words[next++], lang)
    for (const step of steps) head.push(step)
    if (steps.some((step) => !step.optional || !step.forms)) break
  }
  return {head, rest: words.slice(next)}
}

/** Every step of a pattern: compiled on first use. */
function stepsOf<T>(item: Compiled<T>): Step[] {
  if (!item.steps) item.steps = item.head.concat(item.rest.flatMap((word) => compileWord(word, item.lang)))
  return item.steps
}

/**
 * The steps of one pattern word, made once per language pack and shared by every list (never
 * changed): the lists of one language repeat words ("you", "your", "merci", "je"), and a run on one
 * draft made each anew (2,785 words compiled, 1,019 of them different, on the bench's draft).
 * Steps with the same words share their forms, so they share a trie path and their word ids
 * (`idsOf`). Bounded: a configuration's own words join the memo, which starts over past MEMO_WORDS.
 */
const wordSteps = perPack(() => ({steps: new Map<string, Step[]>(), forms: new Map<string, Set<string>>()}))
const MEMO_WORDS = 100_000

function compileWord(raw: string, lang: Lang): Step[] {
  const memo = wordSteps(lang)
  let steps = memo.steps.get(raw)
  if (steps === undefined) {
    if (memo.steps.size >= MEMO_WORDS) memo.steps.clear()
    memo.steps.set(raw, (steps = compileWordNow(raw, lang, memo.forms)))
  }
  return steps
}

function compileWordNow(raw: string, lang: Lang, cache: Map<string, Set<string>>): Step[] {
  const optional = raw.endsWith('?') && raw.length > 1
  const body = optional ? raw.slice(0, -1) : raw
  if (body === '*') return [{forms: undefined, optional}]
  // An elided alternative ("j'ai|je") can span two parser words: expand per alternative.
  const alternatives = body.split('|').map((alt) => (alt.startsWith('=') ? ['=' + phraseWords(alt.slice(1), lang).join(' ')] : phraseWords(alt, lang)))
  const width = alternatives.reduce((max, alt) => Math.max(max, alt.length), -Infinity)
  if (width === 1) {
    return [{forms: formsOf(alternatives.map((alt) => alt[0]), lang, cache), optional}]
  }
  // "j'ai" → two steps; only allowed when every alternative has the same width.
  return alternatives[0].map((_, position) => ({
    forms: formsOf(alternatives.map((alt) => alt[position] ?? alt[alt.length - 1]), lang, cache),
    optional
  }))
}

/** A step's forms, built once per set of words and language pack (see `wordSteps`). */
function formsOf(words: string[], lang: Lang, cache: Map<string, Set<string>>): Set<string> {
  const key = words.join('\u0000')
  let forms = cache.get(key)
  if (!forms) {
    if (cache.size >= MEMO_WORDS) cache.clear()
    cache.set(key, (forms = buildForms(words, lang)))
  }
  return forms
}

function idsOf(forms: Set<string>, lexicon: Lexicon): Set<number> {
  let ids = lexicon.ids.get(forms)
  if (!ids) lexicon.ids.set(forms, (ids = new Set([...forms].map((form) => lexicon.wordId(form)))))
  return ids
}

function buildForms(words: string[], lang: Lang): Set<string> {
  const forms = new Set<string>()
  for (const word of words) {
    if (word.startsWith('=') || foldWord(word).length <= 3) forms.add(foldWord(word.replace(/^=/, '')))
    else for (const form of inflect(word, lang)) forms.add(form)
  }
  return forms
}

/** Patterns sharing their first steps share a path: `done` lists those that end at a node. */
interface TrieNode<T> {
  done: Array<Compiled<T>>
  /**
   * The steps out of this node by the word ids they take, one of three ways (see `finish`): for a
   * node with few word ids, the ids, scanned, and their steps; for a node with few steps taking
   * many words, those steps, each asked for the word; else a map from word id to steps.
   */
  keys?: Int32Array
  keyed?: Array<Array<TrieEdge<T>>>
  scan?: Array<TrieEdge<T>>
  byId?: Map<number, Array<TrieEdge<T>>>
  /** Steps that take any word (`*`). */
  any: Array<TrieEdge<T>>
  /** Optional steps, which may also be skipped. */
  optional: Array<TrieEdge<T>>
  edges: Array<TrieEdge<T>>
}

interface TrieEdge<T> {
  step: Step
  /** The step's forms as word ids; undefined for `*`. */
  ids: Set<number> | undefined
  child: TrieNode<T>
  /** The node visit (see `walk`) that took this step last. */
  visit: number
}

const newNode = <T>(): TrieNode<T> => ({done: [], any: [], optional: [], edges: [], keys: undefined, keyed: undefined, scan: undefined, byId: undefined})

/** Up to this many word ids out of a node, a scan of an integer array beats a map lookup. */
const SCAN = 16
/**
 * Up to this many steps out of a node that take listed words, asking each step's set beats building
 * a map of every form of every step (a step can take hundreds of inflected forms).
 */
const SCAN_STEPS = 2

/** Sets how a node finds its steps for a word (see `TrieNode`), once its steps are all known. */
function finish<T>(node: TrieNode<T>) {
  if (node.edges.length === 0) return // a leaf: `walk` looks for no step out of it
  const listed = node.edges.filter((edge) => edge.ids !== undefined)
  let total = 0
  for (const edge of listed) total += edge.ids!.size
  if (total > SCAN && listed.length <= SCAN_STEPS) {
    node.scan = listed
  } else {
    const byId = new Map<number, Array<TrieEdge<T>>>()
    for (const edge of listed) for (const id of edge.ids!) (byId.get(id) ?? byId.set(id, []).get(id)!).push(edge)
    if (byId.size <= SCAN) {
      node.keys = Int32Array.from(byId.keys())
      node.keyed = [...byId.values()]
    } else {
      node.byId = byId
    }
  }
  for (const edge of node.edges) finish(edge.child)
}

function buildTrie<T>(items: ReadonlyArray<Compiled<T>>, lexicon: Lexicon): TrieNode<T> {
  const root = newNode<T>()
  for (const item of items) {
    let node = root
    for (const step of stepsOf(item)) {
      // Steps with the same words share their id set (see `formsOf`, `idsOf`).
      const ids = step.forms && idsOf(step.forms, lexicon)
      let edge = node.edges.find((other) => other.ids === ids && other.step.optional === step.optional)
      if (!edge) {
        edge = {step, ids, child: newNode<T>(), visit: 0}
        node.edges.push(edge)
        if (step.optional) node.optional.push(edge)
        if (!ids) node.any.push(edge)
      }
      node = edge.child
    }
    node.done.push(item)
  }
  finish(root)
  return root
}

interface Search<T> {
  ids: Int32Array
  /** Where the match starts, and the end of its sentence (a match never crosses it). */
  start: number
  end: number
  filler: Set<number>
  /** The longest match so far; of two of one length, the lower rank. */
  best: {item?: Compiled<T>; end: number}
  round: number
}

/** Node visits, numbered (see `TrieEdge.visit`): a counter that only has to grow, shared by every matcher. */
let visits = 0

/**
 * Depth first through the trie, taking a step before skipping it when it is optional: for each
 * pattern, the order in which it would try its ways to match if searched alone. A pattern's
 * match is the first arrival at its end (later arrivals are other ways it could match).
 * Filler words may sit between two words of a pattern, not before its first: a step is
 * taken at the first word it accepts, looking past fillers it does not accept.
 */
function walk<T>(node: TrieNode<T>, depth: number, at: number, search: Search<T>): void {
  const {done} = node
  for (let n = 0; n < done.length; n++) {
    const item = done[n]
    if (item.round === search.round) continue
    item.round = search.round
    const {best} = search
    if (at > search.start && (at > best.end || (at === best.end && item.rank < best.item!.rank))) {
      best.item = item
      best.end = at
    }
  }
  if (node.edges.length === 0) return
  const {ids, end, filler} = search
  const visit = ++visits
  for (let position = at; position < end; position++) {
    const id = ids[position]
    let edges: Array<TrieEdge<T>> | undefined
    const {keys, scan} = node
    if (keys) {
      for (let k = 0; k < keys.length; k++) {
        if (keys[k] === id) {
          edges = node.keyed![k]
          break
        }
      }
    } else if (scan) {
      // The steps in the order they were added, as the map would list them.
      for (let n = 0; n < scan.length; n++) {
        const edge = scan[n]
        if (edge.visit === visit || !edge.ids!.has(id)) continue
        edge.visit = visit
        walk(edge.child, depth + 1, position + 1, search)
      }
    } else {
      edges = node.byId!.get(id)
    }
    if (edges) {
      for (let n = 0; n < edges.length; n++) {
        const edge = edges[n]
        if (edge.visit === visit) continue
        edge.visit = visit
        walk(edge.child, depth + 1, position + 1, search)
      }
    }
    const passes = depth > 0 && filler.has(id)
    // `*` takes the first word that is not a filler.
    if (!passes) for (const edge of node.any) walk(edge.child, depth + 1, position + 1, search)
    if (!passes) break
  }
  for (const edge of node.optional) walk(edge.child, depth + 1, at, search)
}

/** Positions the searches looked at, counted (tests check that a search's work follows its range, not the draft): one number. */
export const searchWork = {positions: 0}

/** Search rounds, numbered: a pattern found in the current round is not counted twice (a counter that only has to grow). */
let rounds = 0
