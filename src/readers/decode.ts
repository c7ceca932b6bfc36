/** Why a file could not be read as a draft: shown to the user as `file: reason`. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string
  ) {
    super(`${file}: ${reason}`)
    this.name = 'InputError'
  }
}

/** Past this size a file is refused: outreach drafts are a few kilobytes. */
export const MAX_BYTES = 16 * 1024 * 1024

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})

/**
 * Bytes to text, or an InputError: binary content (NUL bytes), invalid
 * UTF-8, a file too large, or one with no text. The BOM is dropped (editors
 * do not count it as a column); CRLF is kept, so positions match the file.
 */
export function decodeText(bytes: Uint8Array, file: string, maxBytes = MAX_BYTES): string {
  if (bytes.length > maxBytes) {
    throw new InputError(file, `file too large (${formatBytes(bytes.length)}, limit ${formatBytes(maxBytes)})`)
  }
  const head = bytes.subarray(0, 8192)
  if (head.includes(0)) throw new InputError(file, 'binary file (contains NUL bytes), not a text draft')
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    const at = firstInvalidUtf8(bytes)
    throw new InputError(file, `invalid UTF-8${at === -1 ? '' : ` at byte ${at}`}; save the draft as UTF-8`)
  }
  if (text.trim() === '') throw new InputError(file, 'empty file, nothing to lint')
  return text
}

function formatBytes(size: number): string {
  return size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(size / 1024)} KB`
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const probe = new TextDecoder('utf-8', {fatal: true})
  // Binary search on the longest valid prefix (a cut may split one code point: allow 3 bytes).
  let low = 0
  let high = bytes.length
  while (low < high) {
    const middle = (low + high + 1) >> 1
    try {
      probe.decode(bytes.subarray(0, middle), {stream: true})
      low = middle
    } catch {
      high = middle - 1
    }
  }
  return low < bytes.length ? low : -1
}
