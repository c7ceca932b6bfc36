/**
 * The words phrase matchers know, numbered: a draft's words are looked up once per draft
 * (`draftIndex`), and each matcher reads an array of ids. A processor gets its language's lexicon
 * when it is built (`lexiconFor`), and every draft it analyses points at it. The lexicon holds only
 * words: each list keeps what was compiled from it for a lexicon (src/text/phrases.ts), so a
 * configuration's lists, and their matchers, go with its processor.
 */
export class Lexicon {
  readonly vocabulary = new Map<string, number>()
  /** The ids of each set of forms (the sets belong to a list's `parsed`: they go with it). */
  readonly ids = new WeakMap<Set<string>, Set<number>>()

  wordId(form: string): number {
    let id = this.vocabulary.get(form)
    if (id === undefined) this.vocabulary.set(form, (id = this.vocabulary.size))
    return id
  }
}

/**
 * Lexicons in use, one per language. Module-level on purpose: the rules' own lists are the same for
 * every configuration, and compiling them once per language (not once per processor) is what keeps
 * a process with many configurations small. Bounded: a configuration's added words join the
 * vocabulary, so once it holds MAX_WORDS words the language starts a new lexicon (processors built
 * before keep theirs until they are dropped; the old one goes with the last of them).
 */
const lexicons = new Map<string, Lexicon>()
export const MAX_WORDS = 200_000

/** The lexicon a processor for `lang` is built with. */
export function lexiconFor(lang: string): Lexicon {
  let lexicon = lexicons.get(lang)
  if (!lexicon || lexicon.vocabulary.size >= MAX_WORDS) lexicons.set(lang, (lexicon = new Lexicon()))
  return lexicon
}

/** Words the current lexicons know (counted by tests: bounded by MAX_WORDS per language). */
export function lexiconWords(): number {
  let words = 0
  for (const lexicon of lexicons.values()) words += lexicon.vocabulary.size
  return words
}
