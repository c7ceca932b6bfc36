/**
 * Spans of a text already reported, so that a rule skips a match that
 * overlaps one of them. A mark per character: asking about a span costs its
 * length, not the number of spans taken so far (a list searched with `some`
 * made a draft of many matches quadratic).
 */
export class TakenSpans {
  private readonly taken: Uint8Array

  constructor(length: number) {
    this.taken = new Uint8Array(Math.max(0, length))
  }

  /** Does [start, end) share a character with a span taken? */
  overlaps(start: number, end: number): boolean {
    const stop = Math.min(end, this.taken.length)
    for (let index = Math.max(0, start); index < stop; index++) if (this.taken[index] === 1) return true
    return false
  }

  take(start: number, end: number): void {
    this.taken.fill(1, Math.max(0, start), Math.min(end, this.taken.length))
  }
}
