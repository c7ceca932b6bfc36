import type {DraftReport, Report} from '../types.js'

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
  draft?(draft: DraftReport, source: string): string
  done(report: Report): string
}
