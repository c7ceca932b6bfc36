/**
 * Offset → 1-based line and column, by binary search over line starts: the
 * project's one line index (readers, engine, reports). Lines end at "\n";
 * a "\r" before it belongs to the line.
 */
export interface LineIndex {
  /** Offset where each line starts: line 1 at index 0. */
  readonly starts: readonly number[]
  /** The line and column of `offset` (clamped to the text). */
  toPoint(offset: number): {line: number; column: number}
}

export function lineIndex(text: string): LineIndex {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return {
    starts,
    toPoint(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length))
      let low = 0
      let high = starts.length - 1
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if (starts[middle] <= clamped) low = middle
        else high = middle - 1
      }
      return {line: low + 1, column: clamped - starts[low] + 1}
    }
  }
}
