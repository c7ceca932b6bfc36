import type {Analysis} from './analysis.js'

/**
 * A result derived from a draft's analysis that several rules read, declared by the module that
 * computes it: the merge fields (src/text/fields.ts), links and fields as counted words
 * (counting.ts), the word index for phrase matching (phrases.ts), the speech acts (courtesy.ts),
 * the inclusive "we" (inclusive.ts). `derive` computes it on first use, once per draft.
 */
export interface Derivation<T> {
  /** What it is, for a reader of the code and a debugger. */
  readonly name: string
  compute(analysis: Analysis): T
}

export function derivation<T>(name: string, compute: (analysis: Analysis) => T): Derivation<T> {
  return {name, compute}
}

/** The draft's `derivation`, computed on first use and kept on the analysis. */
export function derive<T>(analysis: Analysis, derivation: Derivation<T>): T {
  let value = analysis.derived.get(derivation) as T | undefined
  if (value === undefined) analysis.derived.set(derivation, (value = derivation.compute(analysis)))
  return value
}
