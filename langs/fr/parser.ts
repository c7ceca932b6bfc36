/**
 * French natural-language parser for unified/retext: the counterpart of
 * `retext-english` / `parse-english`.
 *
 * `ParseFrench` extends `ParseLatin` (which already tokenizes Latin-script
 * text well) and adds a few French-specific transforms:
 *
 * - elisions (`j'ai`, `L’humain`, `qu'il`, `jusqu'à`) are split into two
 *   WordNodes: `j'` (TextNode + PunctuationNode) and `ai`;
 * - a closing guillemet separated by a space (`« Salut ! »`) stays with the
 *   sentence it closes instead of opening the next one;
 * - common French abbreviations (`Mme.`, `Dr.`, `cf.`, `tél.`) do not end a
 *   sentence.
 *
 * The rest is parse-latin's behaviour, which already copes with French
 * spacing: U+00A0 / U+202F are white space, and since sentences are cut
 * *after* a terminal marker, `temps !` keeps its `!` even with a space before.
 *
 * Every transform only moves existing leaf nodes around, so positions stay
 * exact and `toString(tree) === input` holds.
 */

import type {Paragraph, Root, Sentence, Word} from 'nlcst'
import type {Position} from 'unist'
import {toString} from 'nlcst-to-string'
import {ParseLatin} from 'parse-latin'
import type {Plugin, Processor} from 'unified'
// Type-only: brings in retext's `nlcst*Extensions` keys of unified's `Data`.
import type {} from 'retext-latin'

/** Elided forms, lower case, without their apostrophe. */
const elisions = new Set([
  'c',
  'd',
  'j',
  'l',
  'm',
  'n',
  's',
  't',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu'
])

/** Straight and typographic (U+2019) apostrophes. */
const apostrophes = new Set(["'", '\u2019'])

/** Closing quotes that French typography separates with a (no-break) space. */
const closingQuotes = new Set(['\u00BB', '\u203A', '\u201D'])

/**
 * Abbreviations that, followed by `.`, do not end a sentence (lower case).
 * Single letters (`M.`) and `etc.` are already handled by parse-latin.
 * Words that often end a sentence for real (`min`, `max`, `sept`) are left
 * out on purpose.
 */
const abbreviations = new Set([
  'mm',
  'mme',
  'mmes',
  'mlle',
  'mlles',
  'mgr',
  'me',
  'mr',
  'dr',
  'pr',
  'st',
  'ste',
  'sté',
  'cie',
  'cf',
  'env',
  'ex',
  'réf',
  'ref',
  'tél',
  'av',
  'bd',
  'fig',
  'vol',
  'chap',
  'art',
  'coll',
  'éd',
  'nb',
  'vs',
  'pp',
  'approx'
])

/**
 * Create a new parser.
 *
 * `ParseFrench` extends `ParseLatin`; see `parse-latin` for the API.
 */
export class ParseFrench extends ParseLatin {}

ParseFrench.prototype.tokenizeSentencePlugins = [
  // Runs after parse-latin's own plugins: by then `J’ai` has been merged into
  // one WordNode (Text `J`, Punctuation `’`, Text `ai`) that we can split.
  ...ParseLatin.prototype.tokenizeSentencePlugins,
  splitElisions
]

ParseFrench.prototype.tokenizeParagraphPlugins = [
  // Both must run before parse-latin's `mergeInitialLowerCaseLetterSentences`
  // (so that `« Salut ! » dit-il` can be merged back into one sentence) and
  // before `makeInitialWhiteSpaceSiblings`.
  mergeClosingQuotes,
  mergeFrenchAbbreviations,
  ...ParseLatin.prototype.tokenizeParagraphPlugins
]

/**
 * Split `j'ai` (one WordNode) into `j'` and `ai` (two adjacent WordNodes),
 * and `qu'l'ai` into `qu'`, `l'` and `ai`. Also turn an elided form followed
 * by an apostrophe but no word (`jusqu' à`, a frequent typo, or
 * `l'« humain »`) into the WordNode `jusqu'`.
 *
 * One pass that builds the new list of children: no splice, no copy of what
 * is left of a word per elision, so the cost is linear in the sentence even
 * for `l'l'l'l'…` (each split used to copy the rest of the word).
 */
function splitElisions(sentence: Sentence): undefined {
  const children = sentence.children
  const out: Sentence['children'] = []
  let changed = false

  for (let index = 0; index < children.length; index++) {
    const node = children[index]
    if (node.type !== 'WordNode') {
      out.push(node)
      continue
    }

    // `[j][’][ai]` → `[j’]` + `[ai]`, for as many elisions as the word starts with.
    const parts = node.children
    let cursor = 0
    while (parts.length - cursor > 2) {
      const head = parts[cursor]
      const mark = parts[cursor + 1]
      if (head.type !== 'TextNode' || !elisions.has(head.value.toLowerCase()) || mark.type !== 'PunctuationNode' || !apostrophes.has(mark.value)) break
      out.push({type: 'WordNode', children: [head, mark], position: span(head.position, mark.position)})
      cursor += 2
    }
    let word: Word = node
    if (cursor > 0) {
      const rest = parts.slice(cursor)
      word = {type: 'WordNode', children: rest, position: span(rest[0].position, node.position)}
      changed = true
    }
    out.push(word)

    // `jusqu` `'` ` ` → `jusqu'` ` ` (and `l'«`, `l'` at the end).
    const [head] = word.children
    if (word.children.length !== 1 || head.type !== 'TextNode' || !elisions.has(head.value.toLowerCase())) continue
    const before = out[out.length - 2]
    const next = children[index + 1]
    const after = children[index + 2]
    if (
      // Not a quoted letter: `'d'`.
      !(before?.type === 'PunctuationNode' && apostrophes.has(before.value)) &&
      next?.type === 'PunctuationNode' &&
      apostrophes.has(next.value) &&
      after?.type !== 'WordNode'
    ) {
      word.children.push(next)
      word.position = span(word.position, next.position)
      index++
      changed = true
    }
  }

  if (changed) replaceChildren(children, out)
  return undefined
}

/**
 * parse-latin cuts `Il a dit « Salut ! » puis…` after `!`, so the next
 * sentence would start with ` »`. Move that space and closing quote back to
 * the sentence it closes. (With no space, `!»`, parse-latin's
 * `mergeAffixSymbol` already does it.) One pass, linear.
 */
function mergeClosingQuotes(paragraph: Paragraph): undefined {
  const children = paragraph.children
  const out: Paragraph['children'] = []
  let changed = false

  for (const sentence of children) {
    const previous = out[out.length - 1]
    if (sentence.type === 'SentenceNode' && previous?.type === 'SentenceNode') {
      const [space, quote] = sentence.children
      if (space?.type === 'WhiteSpaceNode' && quote?.type === 'PunctuationNode' && closingQuotes.has(quote.value)) {
        previous.children.push(space, quote)
        previous.position = span(previous.position, quote.position)
        sentence.children.splice(0, 2)
        changed = true
        if (sentence.children.length === 0) continue
        sentence.position = span(sentence.children[0].position, sentence.position)
      }
    }
    out.push(sentence)
  }

  if (changed) replaceChildren(children, out)
  return undefined
}

/**
 * Merge a sentence ending in `Mme.` (etc.) with the next one, like
 * parse-english does for `Mr.`: the period joins the abbreviation's WordNode.
 * One pass, linear: the merged sentence is checked again (it may end in an
 * abbreviation too) and takes the next sentence's children one by one.
 */
function mergeFrenchAbbreviations(paragraph: Paragraph): undefined {
  const children = paragraph.children
  const out: Paragraph['children'] = []
  /** The last sentence kept, when it ended in an abbreviation: the next sentence joins it. */
  let open: Sentence | undefined
  let changed = false

  for (const child of children) {
    let sentence: Sentence
    if (open && child.type === 'SentenceNode') {
      for (const node of child.children) open.children.push(node)
      open.position = span(open.position, child.position)
      sentence = open
      changed = true
    } else {
      out.push(child)
      open = undefined
      if (child.type !== 'SentenceNode') continue
      sentence = child
    }
    open = foldAbbreviation(sentence) ? sentence : undefined
  }

  if (changed) replaceChildren(children, out)
  return undefined
}

/** `Mme` `.` at the end of a sentence → `Mme.`; true when done. */
function foldAbbreviation(sentence: Sentence): boolean {
  const period = sentence.children[sentence.children.length - 1]
  const word = sentence.children[sentence.children.length - 2]
  if (
    period?.type !== 'PunctuationNode' ||
    period.value !== '.' ||
    word?.type !== 'WordNode' ||
    !abbreviations.has(toString(word).toLowerCase())
  ) {
    return false
  }
  word.children.push(period)
  word.position = span(word.position, period.position)
  sentence.children.pop()
  return true
}

/** Puts `items` in place of `list`'s content (parse-latin holds on to the array), without spreading. */
function replaceChildren<T>(list: T[], items: readonly T[]): void {
  list.length = 0
  for (const item of items) list.push(item)
}

/**
 * A new position from the start of `from` to the end of `to`. New objects:
 * parse-latin shares point objects between a word and its first TextNode,
 * so mutating them in place would move other nodes too.
 */
function span(
  from: Position | undefined,
  to: Position | undefined
): Position | undefined {
  if (!from || !to) return undefined
  return {start: {...from.start}, end: {...to.end}}
}

/**
 * unified plugin: use French as the parser, like `retext-english`.
 *
 * Honours the `nlcstParagraphExtensions`, `nlcstRootExtensions` and
 * `nlcstSentenceExtensions` processor data, as retext-english does.
 */
function retextFrench(this: Processor): undefined {
  // eslint-disable-next-line @typescript-eslint/no-this-alias
  const self = this

  self.parser = function (value: string): Root {
    const parser = new ParseFrench()
    add(parser.tokenizeParagraphPlugins, self.data('nlcstParagraphExtensions'))
    add(parser.tokenizeRootPlugins, self.data('nlcstRootExtensions'))
    add(parser.tokenizeSentencePlugins, self.data('nlcstSentenceExtensions'))
    return parser.parse(value)
  }

  return undefined
}

function add<T>(list: T[], values: T[] | undefined): void {
  // Prepended in order: the last value first.
  for (let index = (values?.length ?? 0) - 1; index >= 0; index--) list.unshift(values![index])
}

// Typed like retext-english's export, so that `unified().use(retextFrench)`
// is a `Processor<Root>` and `.parse()` returns an nlcst `Root`.
export default retextFrench as Plugin<[], string, Root>
