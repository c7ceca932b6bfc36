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
 * Split `j'ai` (one WordNode) into `j'` and `ai` (two adjacent WordNodes).
 * Also turn an elided form followed by an apostrophe but no word (`jusqu' à`,
 * a frequent typo, or `l'« humain »`) into the WordNode `jusqu'`.
 */
function splitElisions(sentence: Sentence): undefined {
  const children = sentence.children
  let index = -1

  while (++index < children.length) {
    const node = children[index]
    if (node.type !== 'WordNode') continue

    const [head, mark] = node.children
    if (
      head?.type !== 'TextNode' ||
      !elisions.has(head.value.toLowerCase())
    ) {
      continue
    }

    if (
      mark?.type === 'PunctuationNode' &&
      apostrophes.has(mark.value) &&
      node.children.length > 2
    ) {
      // `[j][’][ai]` → `[j’]` + `[ai]`. The rest is looked at again on the
      // next iteration (it is not an elision in practice, but that is cheap).
      const rest = node.children.slice(2)
      const first: Word = {
        type: 'WordNode',
        children: [head, mark],
        position: span(head.position, mark.position)
      }
      const second: Word = {
        type: 'WordNode',
        children: rest,
        position: span(rest[0].position, node.position)
      }
      children.splice(index, 1, first, second)
    } else if (node.children.length === 1) {
      // `jusqu` `'` ` ` → `jusqu'` ` ` (and `l'«`, `l'` at the end).
      const before = children[index - 1]
      const next = children[index + 1]
      const after = children[index + 2]
      if (
        // Not a quoted letter: `'d'`.
        !(before?.type === 'PunctuationNode' && apostrophes.has(before.value)) &&
        next?.type === 'PunctuationNode' &&
        apostrophes.has(next.value) &&
        after?.type !== 'WordNode'
      ) {
        node.children.push(next)
        node.position = span(node.position, next.position)
        children.splice(index + 1, 1)
      }
    }
  }

  return undefined
}

/**
 * parse-latin cuts `Il a dit « Salut ! » puis…` after `!`, so the next
 * sentence would start with ` »`. Move that space and closing quote back to
 * the sentence it closes. (With no space, `!»`, parse-latin's
 * `mergeAffixSymbol` already does it.)
 */
function mergeClosingQuotes(paragraph: Paragraph): undefined {
  const children = paragraph.children
  let index = 0

  while (++index < children.length) {
    const sentence = children[index]
    const previous = children[index - 1]
    if (sentence.type !== 'SentenceNode' || previous.type !== 'SentenceNode') {
      continue
    }

    const [space, quote] = sentence.children
    if (
      space?.type !== 'WhiteSpaceNode' ||
      quote?.type !== 'PunctuationNode' ||
      !closingQuotes.has(quote.value)
    ) {
      continue
    }

    previous.children.push(...sentence.children.splice(0, 2))
    previous.position = span(previous.position, quote.position)

    if (sentence.children.length === 0) {
      children.splice(index, 1)
      index--
    } else {
      sentence.position = span(sentence.children[0].position, sentence.position)
    }
  }

  return undefined
}

/**
 * Merge a sentence ending in `Mme.` (etc.) with the next one, like
 * parse-english does for `Mr.`: the period joins the abbreviation's WordNode.
 */
function mergeFrenchAbbreviations(paragraph: Paragraph): undefined {
  const children = paragraph.children
  let index = -1

  while (++index < children.length) {
    const sentence = children[index]
    if (sentence.type !== 'SentenceNode') continue

    const period = sentence.children[sentence.children.length - 1]
    const word = sentence.children[sentence.children.length - 2]
    if (
      period?.type !== 'PunctuationNode' ||
      period.value !== '.' ||
      word?.type !== 'WordNode' ||
      !abbreviations.has(toString(word).toLowerCase())
    ) {
      continue
    }

    // `Mme` `.` → `Mme.`
    word.children.push(period)
    word.position = span(word.position, period.position)
    sentence.children.pop()

    const next = children[index + 1]
    if (next?.type === 'SentenceNode') {
      sentence.children.push(...next.children)
      sentence.position = span(sentence.position, next.position)
      children.splice(index + 1, 1)
      // Look at the merged sentence again: it may end in an abbreviation too.
      index--
    }
  }

  return undefined
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
  if (values) list.unshift(...values)
}

// Typed like retext-english's export, so that `unified().use(retextFrench)`
// is a `Processor<Root>` and `.parse()` returns an nlcst `Root`.
export default retextFrench as Plugin<[], string, Root>
