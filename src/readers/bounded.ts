/**
 * Reading a draft without trusting what the path names: a character device
 * (/dev/zero), a FIFO or a file that grows is never read past the size limit,
 * and what is not a regular file is refused before a byte is read (a FIFO is
 * opened without blocking, so one with no writer does not hang the run).
 */
import {closeSync, constants, fstatSync, openSync, readSync, type Stats} from 'node:fs'
import {fileError, InputError, MAX_BYTES, tooLarge} from './decode.js'

/** What a path is, for a file that is not a regular file (`null` for a regular file or a folder). */
export function specialKind(info: Stats): string | null {
  if (info.isFile() || info.isDirectory()) return null
  if (info.isFIFO()) return 'a named pipe (FIFO)'
  if (info.isCharacterDevice()) return 'a character device'
  if (info.isBlockDevice()) return 'a block device'
  if (info.isSocket()) return 'a socket'
  return 'not a regular file'
}

/** The one-line reason for skipping a special file. */
export function notRegular(kind: string): string {
  return `${kind}, not a regular file: skipped (use '-' to read standard input)`
}

/** A regular file's bytes, at most `maxBytes` of them: InputError for anything else. */
export function readDraftFile(file: string, maxBytes = MAX_BYTES): Uint8Array {
  let fd: number
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once (it is then refused below).
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    throw fileError(file, error as Error)
  }
  try {
    const info = fstatSync(fd)
    if (info.isDirectory()) throw new InputError(file, 'is a directory')
    const kind = specialKind(info)
    if (kind) throw new InputError(file, notRegular(kind))
    if (info.size > maxBytes) throw new InputError(file, tooLarge(info.size, maxBytes))
    // The size said by stat may be stale (a file being written): read until the end, never past the limit.
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(info.size, 4096) + 1))
    let length = 0
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw new InputError(file, tooLarge(undefined, maxBytes))
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2))
        buffer.copy(bigger, 0, 0, length)
        buffer = bigger
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null)
      if (read === 0) break
      length += read
    }
    if (length > maxBytes) throw new InputError(file, tooLarge(undefined, maxBytes))
    return buffer.subarray(0, length)
  } catch (error) {
    if (error instanceof InputError) throw error
    throw fileError(file, error as Error)
  } finally {
    closeSync(fd)
  }
}

/** A stream's bytes (standard input), stopping at `maxBytes` + 1: InputError past the limit. */
export async function readStreamBounded(stream: AsyncIterable<unknown>, name: string, maxBytes = MAX_BYTES): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    chunks.push(bytes)
    length += bytes.length
    // Leaving the loop destroys the stream: /dev/zero on stdin is read no further.
    if (length > maxBytes) throw new InputError(name, tooLarge(undefined, maxBytes))
  }
  return Buffer.concat(chunks, length)
}
