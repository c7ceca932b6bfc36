import type {Plugin} from 'unified'
import type {ReplyMarkers} from '../text/replies.js'

/**
 * Everything cluelint knows about one language, in one folder (`langs/<code>/`): its parser, the
 * words that detect it, its greetings and sign-offs, its inflection, its negators, its courtesy
 * lists and its inclusive "we". Rules keep their own per-language data beside them
 * (`rules/<id>/<code>.json`); a pack may also carry rule data (`rules`) for a rule whose folder
 * has none for its language. Adding a language is adding a pack: `langs/index.ts` lists the packs
 * found in `langs/` (written by `npm run packs`), and `registerPack` adds one at run time.
 */
export interface LanguagePack {
  /** The language's code (ISO 639-1), as drafts and configs name it: `en`, `fr`. */
  code: string
  /** Its name, in English. */
  name: string
  /** The unified parser plugin that turns a draft into an nlcst tree (retext-english, retext-latin, …). */
  parser: Plugin<any, any, any>
  /** Frequent function words, lower case with straight apostrophes (see src/lang/detect.ts). */
  detection: {
    words: string[]
    /** Letters that weakly hint at this language on a word that is in no list. */
    accents?: string
    /** The weight of that hint. */
    accentWeight?: number
  }
  /**
   * Greetings and sign-offs: the frame of a draft (src/text/analysis.ts); and what marks text the
   * writer did not write for this reader (quoted reply, forwarded message, signature, legal footer:
   * src/text/replies.ts).
   */
  frame: {
    greetings: string[]
    closings: string[]
    /** Words no sentence ends on ("the", "à", "de"): a line ending on one was cut by a hard wrap, whatever starts the next. */
    openEnds?: string[]
    /** Words a sentence starts on ("I", "We", "Je", "Nous"): after a word parse-latin took for an abbreviation ("8 h.", "etc."), one of them starts a sentence. */
    starters?: string[]
    /** Formal sign-offs of any length, by their first words, as the parser splits them ("veuillez agréer", "je vous prie d' agréer"). */
    formalClosings?: string[]
    replies?: ReplyMarkers
  }
  /** Suffix rules [remove, add] that make the inflected forms of a list's words (src/text/inflect.ts). */
  inflection: {suffixes: Array<[string, string]>}
  /** Elided words that join the next word ("j'", "l'", "qu'"): one word for a reader, two for the parser. */
  elisions?: string[]
  /** Negators, endings that make a word a negator ("n't"), and the words that make a negator "not only" (src/text/negation.ts). */
  negation: {negators: string[]; notOnly: string[]; endings?: string[]; joiners?: string[]}
  /** Speech acts: thanks, asks, offers, gifts, questions (src/text/courtesy.ts). */
  courtesy: unknown
  /** Inclusive "we": markers of a sentence about writer and reader together, and the plural first-person words. */
  inclusive: {markers: string[]; plural: string[]; followers?: string[]}
  /**
   * The offsets, in `text` (one sentence or part of one), of the words that are verbs in their base
   * form (infinitive, imperative): what starts a further order after "and" / "et" (src/text/chains.ts).
   */
  baseVerbs?: (text: string) => Set<number>
  /** Syllables of a word, for readability; a rule falls back to its own count without it. */
  syllables?: (word: string) => number
  /** Rule data for rules that have none of their own for this language, by rule id. */
  rules?: Record<string, unknown>
}

/** Checks a pack's shape when it is defined (a typed identity). */
export function definePack(pack: LanguagePack): LanguagePack {
  return pack
}
