/**
 * A text built piece by piece from a larger source, remembering for each of
 * its UTF-16 units the offset in the source it came from. Readers that
 * decode (entities, quoted-printable, JSON escapes, CSV quotes) or drop
 * (tags, headers) build the draft's text with it, so findings point into
 * the original file.
 */
export class MappedText {
  private readonly chunks: string[] = []
  readonly offsets: number[] = []

  get length(): number {
    return this.offsets.length
  }

  /** Appends `text`, every unit of it coming from `offset` (an escape, a tag, an inserted break). */
  pushAt(text: string, offset: number): void {
    this.chunks.push(text)
    for (let index = 0; index < text.length; index++) this.offsets.push(offset)
  }

  /** Appends `text` copied as is from the source at `offset`. */
  pushCopy(text: string, offset: number): void {
    this.chunks.push(text)
    for (let index = 0; index < text.length; index++) this.offsets.push(offset + index)
  }

  /** Appends `text` whose units come from `offsets[i]`. */
  pushMapped(text: string, offsets: ArrayLike<number>): void {
    this.chunks.push(text)
    for (let index = 0; index < text.length; index++) this.offsets.push(offsets[index])
  }

  /** The last unit, or '' when empty. */
  last(): string {
    for (let index = this.chunks.length - 1; index >= 0; index--) {
      const chunk = this.chunks[index]
      if (chunk.length > 0) return chunk[chunk.length - 1]
    }
    return ''
  }

  /** Removes the last unit (a collapsed space before a line break). */
  pop(): void {
    for (let index = this.chunks.length - 1; index >= 0; index--) {
      const chunk = this.chunks[index]
      if (chunk.length === 0) continue
      this.chunks[index] = chunk.slice(0, -1)
      this.offsets.pop()
      return
    }
  }

  toString(): string {
    const text = this.chunks.join('')
    this.chunks.length = 0
    if (text) this.chunks.push(text)
    return text
  }
}

/**
 * The `Draft.map` function for offsets: offset in the text to offset in the
 * source. Past the end it answers one past the last unit's source offset.
 */
export function offsetMap(offsets: ArrayLike<number>, translate?: (offset: number) => number): (offset: number) => number {
  const length = offsets.length
  const table = new Int32Array(length)
  if (translate) for (let index = 0; index < length; index++) table[index] = translate(offsets[index])
  else table.set(offsets)
  return (offset) => {
    if (length === 0) return 0
    if (offset < 0) return table[0]
    return offset < length ? table[offset] : table[length - 1] + 1
  }
}
