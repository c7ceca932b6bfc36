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
    throw new InputError(file, tooLarge(bytes.length, maxBytes))
  }
  // UTF-16 with a byte order mark (Windows Notepad's "Unicode"): decoded, it is text like any other.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined
  if (utf16) {
    let text: string
    try {
      text = new TextDecoder(utf16, {fatal: true}).decode(bytes)
    } catch {
      throw new InputError(file, `invalid ${utf16.toUpperCase()} (it starts with a UTF-16 byte order mark); save the draft as UTF-8`)
    }
    if (text.includes('\u0000')) throw new InputError(file, 'binary file (contains NUL characters), not a text draft')
    if (text.trim() === '') throw new InputError(file, 'empty file, nothing to lint')
    return text
  }
  // The whole file, not its first kilobytes: a NUL byte anywhere means binary.
  if (bytes.includes(0)) throw new InputError(file, `binary file (contains NUL bytes, the first at byte ${bytes.indexOf(0)}), not a text draft`)
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

/**
 * "file too large (…)": the size in MB, or in bytes when it rounds to the limit (one byte over
 * is not "16.0 MB, limit 16.0 MB"); `size` undefined when reading stopped at the limit.
 */
export function tooLarge(size: number | undefined, maxBytes: number): string {
  if (size === undefined) return `file too large (more than ${formatBytes(maxBytes)}, the limit)`
  const [shown, limit] = [formatBytes(size), formatBytes(maxBytes)]
  if (shown !== limit) return `file too large (${shown}, limit ${limit})`
  const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`
  return `file too large (${bytes(size)}, limit ${bytes(maxBytes)})`
}

/** Index of the first byte that starts an invalid or truncated UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index]
    if (byte < 0x80) {
      index++
      continue
    }
    // Lead byte: sequence length and the allowed range of the second byte (no overlongs, no surrogates).
    let length = 0
    let low = 0x80
    let high = 0xbf
    if (byte >= 0xc2 && byte <= 0xdf) length = 2
    else if (byte >= 0xe0 && byte <= 0xef) {
      length = 3
      if (byte === 0xe0) low = 0xa0
      if (byte === 0xed) high = 0x9f
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      length = 4
      if (byte === 0xf0) low = 0x90
      if (byte === 0xf4) high = 0x8f
    } else return index
    if (index + length > bytes.length) return index
    for (let next = 1; next < length; next++) {
      const continuation = bytes[index + next]
      if (next === 1 ? continuation < low || continuation > high : continuation < 0x80 || continuation > 0xbf) return index
    }
    index += length
  }
  return -1
}

/**
 * Any error met while reading or linting `file` as an InputError: one line
 * for the user, and the run goes on. An InputError is returned as is; any
 * other (a parser giving up on input too deep or too odd, a bug) keeps its
 * name and message, without the stack.
 */
export function asInputError(file: string, error: unknown, doing = 'read'): InputError {
  if (error instanceof InputError) return error
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return new InputError(file, `could not be ${doing} (${reason.split('\n')[0]})`)
}

/** A file system error as an InputError with a short reason. */
export function fileError(file: string, error: Error): InputError {
  const code = (error as NodeJS.ErrnoException).code
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : code === 'ELOOP' ? 'too many levels of symbolic links (a link to itself?)' : String(error.message)
  return new InputError(file, reason)
}
