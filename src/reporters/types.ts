import type {DraftReport, Report} from '../types.js'

/** What the report does not hold about the run. */
export interface RunOutcome {
  inputErrors: number
}

export interface ReporterOptions {
  /** chalk colour level: 0 = none. */
  color: 0 | 1 | 2 | 3
  /** Terminal width for wrapping, when known. */
  width?: number
  /** Rule weights, for "fix first". */
  weights: ReadonlyMap<string, number>
}

/**
 * A reporter renders text. Streaming formats print each draft as soon as
 * it is linted (`draft`); the others print the whole report at the end.
 */
export interface Reporter {
  /** `firstLine`: the line of the file `source` starts at (1, or a CSV row's first line: only that row's text is kept). */
  draft?(draft: DraftReport, source: string, firstLine?: number): string
  /** `run.inputErrors`: inputs that could not be read (the run exits 2: no success mark then). */
  done(report: Report, run?: RunOutcome): string
  /**
   * Prints everything about a draft in `draft` and needs only the summary in
   * `done`: the CLI then keeps no drafts in memory (`done` gets `drafts: []`),
   * so a 100,000-row campaign runs in bounded memory.
   */
  streaming?: boolean
}
