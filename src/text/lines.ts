/** Offset → 1-based line and column, by binary search over line starts. */
export interface LineIndex {
  toPoint(offset: number): {line: number; column: number}
}

export function lineIndex(text: string): LineIndex {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return {
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
