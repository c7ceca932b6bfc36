/**
 * Fixes and suggestions (ESLint's split). A *fix* is safe to apply unattended: it cannot change
 * what the draft says (typography). A *suggestion* needs a person: a plainer word, a stock
 * sentence deleted, an order rewritten as a question. Rules report them with offsets into the
 * text they read; the engine moves them into the file (`placeEdit`) and drops any that would
 * not land on the same characters there (Markdown markup, HTML entities). `applyFixes` applies
 * a set of fixes to a text, as `cluelint --fix` and the editor's "fix all" do.
 */
import type {RuleSuggestion, SuggestContext, TextEdit} from './rule.js'
import type {Analysis, Sentence} from './text/analysis.js'
import {escapeRegExp} from './text/normalize.js'
import type {Fix} from './types.js'

/** `replacement` written in the case of `written`: all capitals, or a capital first letter. */
export function sameCase(replacement: string, written: string): string {
  const letters = written.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase()
  const first = written.match(/\p{L}/u)?.[0]
  if (first && first !== first.toLowerCase()) return capitalize(replacement)
  return replacement
}

export function capitalize(text: string): string {
  const at = text.search(/\p{L}/u)
  return at === -1 ? text : text.slice(0, at) + text[at].toUpperCase() + text.slice(at + 1)
}

/** The default suggestions: each of `expected` replaces the excerpt (those with `<...>` to fill in last). */
export function replacements(context: Pick<SuggestContext<unknown>, 'start' | 'end' | 'expected' | 'analysis'>): RuleSuggestion[] {
  const written = context.analysis.text.slice(context.start, context.end)
  const usable = context.expected.filter((text) => text.trim() !== '')
  // Plain words first; one with `<...>` to fill in after them (the placeholder then shows as a field left in).
  const ordered = [...usable.filter((text) => !/[<>]/.test(text)), ...usable.filter((text) => /[<>]/.test(text))]
  return ordered.map((text) => {
    // The rule's words, with a capital when the excerpt starts with one ("Seamless" → "Simple").
    const replacement = /^\p{Lu}/u.test(written) ? capitalize(text) : text
    const messageId = /[<>]/.test(text) ? 'replaceFill' : 'replace'
    return {messageId, data: {text: replacement}, start: context.start, end: context.end, text: replacement}
  })
}

/** The sentence holding `offset` (binary search), or undefined between sentences. */
export function sentenceAt(analysis: Analysis, offset: number): Sentence | undefined {
  const {sentences} = analysis
  let low = 0
  let high = sentences.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const sentence = sentences[middle]
    if (offset < sentence.start) high = middle - 1
    else if (offset >= sentence.end) low = middle + 1
    else return sentence
  }
  return undefined
}

/**
 * Deletes `text[start, end)` as a writer would: the spaces after it go too (or the ones before
 * it, at the end of a line), a line left empty goes with its line break, and the word that now
 * opens a sentence gets its capital.
 */
export function deletion(text: string, start: number, end: number, recapitalise: boolean): TextEdit {
  let to = end
  while (to < text.length && (text[to] === ' ' || text[to] === '\t')) to++
  let from = start
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const atLineEnd = to === text.length || text[to] === '\n' || text[to] === '\r'
  if (atLineEnd) {
    while (from > lineStart && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--
    if (from === lineStart) {
      // The whole line goes: with its line break.
      if (text.startsWith('\r\n', to)) to += 2
      else if (to < text.length) to++
    }
  }
  let replacement = ''
  if (recapitalise && !atLineEnd) {
    const next = /^\p{Ll}/u.exec(text.slice(to, to + 1))
    if (next) {
      replacement = next[0].toUpperCase()
      to += 1
    }
  }
  return {start: from, end: to, text: replacement}
}

/**
 * Applies fixes to `text`: sorted by position, a fix overlapping one already applied is left for
 * the next pass (as ESLint does). Returns the new text and the fixes applied.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): {text: string; applied: Fix[]} {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
  const applied: Fix[] = []
  let out = ''
  let last = 0
  for (const fix of sorted) {
    const [start, end] = fix.range
    if (start < last || end < start || end > text.length) continue
    out += text.slice(last, start) + fix.text
    last = end
    applied.push(fix)
  }
  return {text: out + text.slice(last), applied}
}

/** Folded key of a phrase, for "allow this phrase": lower case, accents and spacing ignored. */
export function phraseKey(phrase: string): string {
  return phrase
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘ʼ]/g, "'")
    .toLowerCase()
    .trim()
    .split(/\s+/)
    .join(' ')
}

/**
 * "Merci de me rappeler." → "Pourriez-vous me rappeler ? Merci.": the rule's rewrite of the order
 * as a question (the clause kept word for word), then the thanks, over the rest of the sentence.
 */
export function askAsQuestion(context: SuggestContext<unknown>, thanks: string | undefined): RuleSuggestion[] {
  const rewrite = context.expected.find((text) => /\?\s*$/.test(text) && !/[<>]/.test(text))
  if (!rewrite || !thanks) return []
  const {text} = context.analysis
  const sentence = sentenceAt(context.analysis, context.start)
  const written = text.slice(context.start, Math.max(context.end, sentence?.end ?? context.end)).trimEnd()
  // The sentence's own full stop (or "!", "…") is kept after the thanks, as a plain full stop.
  const stop = '.!…'.includes(written.at(-1) ?? ' ') ? '.' : ''
  const replacement = `${rewrite.trim()} ${thanks}${stop}`
  return [{messageId: 'askThenThank', data: {text: replacement}, start: context.start, end: context.start + written.length, text: replacement}]
}

/**
 * Deletes a stock line: the whole sentence when it is nothing else, or an opening clause ("J'espère
 * que vous allez bien, je reviens…" → "Je reviens…") when a comma, colon, dash or one of
 * `connectors` ("and", "et") joins it to the rest; the next word gets its capital.
 */
/** What joins a stock opening to the rest of its sentence: a comma, a colon, a dash, or a connector ("and", "et"). */
export function connectorPattern(connectors: readonly string[]): RegExp {
  // Without connectors (a language whose rule data has none), punctuation alone joins.
  if (connectors.length === 0) return /^\s*[,;:—–]\s*/u
  return new RegExp(`^(?:\\s*[,;:—–]\\s*|\\s+(?:${connectors.map(escapeRegExp).join('|')})\\s+)`, 'iu')
}

export function deleteStockLine(context: SuggestContext<unknown>, connectors: readonly string[]): RuleSuggestion[] {
  const {analysis, start, end} = context
  const {text} = analysis
  const sentence = sentenceAt(analysis, start)
  if (!sentence) return []
  const greeting = analysis.greeting
  const lead = greeting && greeting.end <= start && greeting.end > sentence.start ? greeting.end : sentence.start
  if (!/^[\s,;:—–-]*$/.test(text.slice(lead, start))) return [] // the stock words are inside a sentence
  const after = text.slice(end, Math.max(end, sentence.end))
  const opening = start === lead || /^[\s,;:—–-]*$/.test(text.slice(sentence.start, start))
  if (/^[\s.!?…]*$/.test(after)) {
    const edit = deletion(text, start, Math.max(end, sentence.end), false)
    return [{messageId: 'deleteStockSentence', ...edit}]
  }
  const join = connectorPattern(connectors).exec(after)
  if (!join) return []
  const edit = deletion(text, start, end + join[0].length, opening)
  return [{messageId: 'deleteStockOpening', data: {words: text.slice(start, end).replace(/\s+/g, ' ')}, ...edit}]
}

/** English "a" / "an" for the word that follows. */
function article(written: string, next: string): string {
  const an = /^[aeiou]/i.test(next) && !/^(?:uni|use|usu|one|eu)/i.test(next)
  const word = an ? 'an' : 'a'
  return written[0] === written[0].toUpperCase() ? capitalize(word) : word
}

/**
 * Drops the praise adjective of a compliment ("your incredible journey" → "your journey",
 * "votre parcours impressionnant" → "votre parcours"), when it stands by its noun (not after
 * a verb in `copulas`: "your profile is amazing" has no short form). English "an" follows.
 */
export function dropAdjective(context: SuggestContext<unknown>, isAdjective: (fold: string) => boolean, copulas: ReadonlySet<string>): RuleSuggestion[] {
  const {analysis, start, end, lang} = context
  const {tokens, text} = analysis
  // The words of the compliment: from the first word at or after `start` (binary search).
  let low = 0
  let high = analysis.words.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (tokens[analysis.words[middle]].start < start) low = middle + 1
    else high = middle
  }
  const first = low
  const words: number[] = []
  for (let w = first; w < analysis.words.length && tokens[analysis.words[w]].end <= end; w++) words.push(analysis.words[w])
  const at = words.findIndex((index) => isAdjective(tokens[index].fold))
  if (at === -1) return []
  const adjective = tokens[words[at]]
  const beforeNoun = at < words.length - 1
  const afterNoun = at === words.length - 1 && words.length === 3 && !copulas.has(tokens[words[1]].fold)
  if (!beforeNoun && !afterNoun) return []
  let from = adjective.start
  let to = adjective.end
  let replacement = ''
  if (beforeNoun) {
    while (text[to] === ' ') to++
  } else {
    while (from > 0 && text[from - 1] === ' ') from--
  }
  if (lang === 'en' && beforeNoun) {
    // "an incredible journey" → "a journey"
    const previous = at > 0 ? tokens[words[at - 1]] : first > 0 ? tokens[analysis.words[first - 1]] : undefined
    if (previous && /^an?$/i.test(previous.value) && text.slice(previous.end, adjective.start).trim() === '') {
      const fixed = article(previous.value, text.slice(to))
      if (fixed !== previous.value) {
        from = previous.start
        replacement = fixed + ' '
      }
    }
  }
  return [{messageId: 'dropWord', data: {word: adjective.value}, start: from, end: to, text: replacement}]
}
