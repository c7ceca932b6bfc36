import type {Analysis} from '../../src/text/analysis.js'
import {wordUnits, type Unit} from '../../src/text/counting.js'
import {defineRule, exampleTexts} from '../../src/rule.js'
import type {Channel, Lang, Severity} from '../../src/types.js'
import en from './en.json' with {type: 'json'}
import fr from './fr.json' with {type: 'json'}
import defaults from './limits.json' with {type: 'json'}
import messages from './messages.json' with {type: 'json'}
import examples from './examples.json' with {type: 'json'}

interface Data {
  /**
   * Word limits are multiplied by this: French says the same thing in about
   * 10% more words than English, even with "j'ai" counted as one word.
   * Character limits are the platform's and are never scaled.
   */
  wordScale: number
}

type Measure = 'words' | 'characters'

/** A threshold pair: past `warn` a warning, past `error` an error (either may be left out). */
interface Threshold {
  warn?: number
  error?: number
}

/**
 * Default limits per channel (rules/length/limits.json), overridable in the
 * config under `length`, e.g. `{"email": {"words": {"warn": 120}}}`:
 *   email             warning past 150 words, error past 300
 *   follow-up         warning past 100 words, error past 200
 *   linkedin-note     warning past 200 characters (free accounts), error past 300 (LinkedIn's limit)
 *   linkedin-message  warning past 120 words or 800 characters, error past 250 words or 1,900 characters
 * Words are counted in the body only: not the "Subject:" line, the greeting,
 * the sign-off or the signature under it. Characters are counted over the
 * whole message, as the platform counts them.
 */
type Options = Record<string, Partial<Record<Measure, Threshold>>>

/** The channels whose wording messages.json has (`<channel>.warn.words`…); others read as an email. */
const WORDING: ReadonlySet<string> = new Set<Channel>(['email', 'follow-up', 'linkedin-note', 'linkedin-message'])

const MEASURES: Measure[] = ['words', 'characters']
const SIGN_OFF = 'signOff'

/** The channel's limits, the config's values over the defaults, field by field. */
function limitsFor(options: Options, channel: Channel): Partial<Record<Measure, Threshold>> {
  const base = (defaults as Options)[channel] ?? (defaults as Options).email
  const own = options[channel] ?? {}
  const merged: Partial<Record<Measure, Threshold>> = {}
  for (const measure of MEASURES) {
    if (base[measure] || own[measure]) merged[measure] = {...base[measure], ...own[measure]}
  }
  return merged
}

/** The index of the first sentence after a "Subject:" / "Objet :" line, or 0 when there is none. */
function afterSubject(analysis: Analysis): number {
  const first = analysis.sentences[0]
  if (!first || analysis.bodySentence === 0) return 0
  const head = analysis.tokens[first.words[0]]
  if (!/^(subject|objet|re)$/.test(head.fold) || !/^\s*:/.test(analysis.text.slice(head.end))) return 0
  const lineEnd = analysis.text.indexOf('\n', first.start)
  if (lineEnd === -1) return analysis.sentences.length
  let index = 1
  while (index < analysis.sentences.length && analysis.sentences[index].start < lineEnd) index++
  return index
}

/**
 * The body's last sentence, leaving out a signature block the sign-off
 * finder did not catch: up to four short lines at the end with no closing
 * punctuation ("Alex Martin", "Head of Sales, Acme", "[Your Name]").
 */
function bodyEnd(analysis: Analysis): number {
  const {sentences, text} = analysis
  let end = analysis.closingSentence
  for (let dropped = 0; dropped < 4 && end > analysis.bodySentence + 1; dropped++) {
    const sentence = sentences[end - 1]
    const line = text.slice(sentence.start, sentence.end).trim()
    // `[^\S\n]`: white space up to the next line break only, so the pattern stays linear (test/robustness).
    const ownLine = /\n[^\S\n]*$/.test(text.slice(Math.max(0, sentence.start - 2), sentence.start)) || sentence.start === 0
    if (!ownLine || sentence.words.length > 4 || endsLikeProse(line)) break
    end--
  }
  return end
}

/** Does the line end with closing punctuation ("Thanks again.", "Talk soon!"), quotes and brackets aside? */
function endsLikeProse(line: string): boolean {
  let index = line.length - 1
  while (index >= 0 && !/[\p{L}\p{N}]/u.test(line[index])) {
    if ('.!?…:;'.includes(line[index])) return true
    index--
  }
  return false
}

interface Overshoot {
  measure: Measure
  severity: Severity
  limit: number
  /** The warning limit, when the error limit was crossed: what to aim for. */
  target?: number
  count: number
  start: number
}

export default defineRule({
  id: 'length',
  summary: 'A draft too long for its channel (cold email, follow-up, LinkedIn note or message) to be read on a phone',
  rationale:
    'Most outreach is first read on a phone, where one screen holds about 150 words under the header. Boomerang\'s study of ' +
    'some 40 million emails (2016) found replies peaked for messages of 50 to 125 words; past that, the ask slides below the ' +
    'fold and the reader files the message for later, which means never. Defaults: a cold email warns past 150 words and errs ' +
    'past 300 (two screens); a follow-up, a nudge, warns past 100 and errs past 200; a LinkedIn message warns past 120 words or ' +
    '800 characters, the height of the phone app\'s chat view, and errs past 250 words or 1,900 characters (the InMail limit); a ' +
    'LinkedIn connection note errs past 300 characters, where LinkedIn cuts it, and warns past 200, the limit for free accounts. ' +
    'Only the body counts: the subject line, greeting, sign-off and signature are not what the reader has to get through. ' +
    'French word limits are 10% higher, since French says the same thing in more words. Set the channel per draft ' +
    '(`channel` in a sidecar or campaign column); the limits are options.',
  category: 'form',
  languages: ['en', 'fr'],
  severity: 'warning',
  weight: 8,
  messages,
  options: defaults as Options,
  data: {en, fr} satisfies Record<Lang, Data>,
  examples: exampleTexts(examples),
  check({analysis, data, options, channel, report}) {
    const limits = limitsFor(options, channel)
    const {sentences, text} = analysis
    if (sentences.length === 0) return
    const overshoots: Overshoot[] = []

    // Words: the body only.
    let body: Unit[] = []
    if (limits.words) {
      const last = bodyEnd(analysis)
      if (last > analysis.bodySentence) body = wordUnits(analysis, sentences[analysis.bodySentence].first, sentences[last - 1].last)
      const over = exceeded(limits.words, body.length, data.wordScale)
      if (over) overshoots.push({measure: 'words', ...over, count: body.length, start: body[over.limit].start})
    }

    // Characters: the whole message as the platform counts it (no subject line).
    if (limits.characters) {
      const from = sentences[afterSubject(analysis)]
      if (from) {
        const start = from.start
        const end = sentences[sentences.length - 1].end
        const chars = Array.from(text.slice(start, end).replace(/\r\n/g, '\n'))
        const over = exceeded(limits.characters, chars.length, 1)
        if (over) {
          const offset = start + chars.slice(0, over.limit).join('').length
          // The offset of the first character past the limit: the start of the word it falls in.
          let at = offset
          for (const unit of wordUnits(analysis, from.first, sentences[sentences.length - 1].last)) {
            if (unit.end <= offset) continue
            if (unit.start <= offset) at = unit.start
            break
          }
          while (at < text.length && /\s/.test(text[at])) at++
          overshoots.push({measure: 'characters', ...over, count: chars.length, start: at})
        }
      }
    }
    if (overshoots.length === 0) return

    // One finding a draft: the most severe overshoot, then the largest.
    overshoots.sort((a, b) => rank(b.severity) - rank(a.severity) || b.count / b.limit - a.count / a.limit)
    const worst = overshoots[0]
    // Message ids: `<channel>.<warn|error>.<measure>` (why the limit matters) and `<channel>.keep`.
    const wording = WORDING.has(channel) ? channel : 'email'
    const reason = {messageId: `${wording}.${worst.severity === 'error' ? 'error' : 'warn'}.${worst.measure}`, data: {limit: worst.limit}}
    const cut = worst.count - worst.limit
    const aim = worst.target === undefined ? '' : {messageId: 'aim', data: {target: worst.target}}
    const end = worst.measure === 'characters' ? sentences[sentences.length - 1].end : body[body.length - 1].end
    // Over by the sign-off alone: on LinkedIn the reader already sees who wrote.
    const last = bodyEnd(analysis)
    const keep = {messageId: worst.measure === 'characters' && last > analysis.bodySentence && worst.start >= sentences[last - 1].end ? SIGN_OFF : `${wording}.keep`}
    report({
      start: worst.start,
      end: Math.max(end, worst.start),
      messageId: worst.severity === 'error' ? 'overError' : 'over',
      data: {count: worst.count, measure: {messageId: worst.measure}, reason, cut, aim, keep},
      expected: [],
      severity: worst.severity
    })
  }
})

function rank(severity: Severity): number {
  return severity === 'error' ? 2 : severity === 'warning' ? 1 : 0
}

/** The highest threshold `count` is past, with the limit it crossed. */
function exceeded(threshold: Threshold, count: number, scale: number): {severity: Severity; limit: number; target?: number} | undefined {
  const warn = threshold.warn === undefined ? undefined : Math.round(threshold.warn * scale)
  const error = threshold.error === undefined ? undefined : Math.round(threshold.error * scale)
  if (error !== undefined && count > error) return {severity: 'error', limit: error, target: warn !== undefined && warn < error ? warn : undefined}
  if (warn !== undefined && count > warn) return {severity: 'warning', limit: warn}
  return undefined
}
