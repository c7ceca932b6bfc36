/**
 * Standard input: JSON Lines are streamed (a shard of a big export piped
 * through `cluelint --format jsonl -`), anything else is read whole as one
 * draft (or the drafts of the format its `--stdin-filename` names), up to
 * the size limit of a file.
 */
import {readerOf} from './registry.js'
import {readStreamBounded} from './bounded.js'

export type StdinInput = {kind: 'jsonl'; chunks: AsyncIterable<Buffer>} | {kind: 'whole'; bytes: Uint8Array}

/** Bytes looked at to tell JSON Lines from a draft: the first line, up to this many bytes. */
const SNIFF_BYTES = 64 * 1024

const toBuffer = (chunk: unknown) => (typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))

/**
 * Reads standard input as JSON Lines when its name (`--stdin-filename`) ends
 * in `.jsonl` or `.ndjson`, or, unnamed, when its first line is a JSON
 * object (a draft never is); else whole.
 */
export async function readStdinInput(stdin: AsyncIterable<unknown>, name: string | undefined): Promise<StdinInput> {
  const iterator = stdin[Symbol.asyncIterator]()
  const head: Buffer[] = []
  let size = 0
  let ended = false
  const named = name !== undefined && readerOf(name) === 'jsonl'
  if (!named) {
    // The first line (or SNIFF_BYTES of it), to look at.
    while (size < SNIFF_BYTES) {
      const next = await iterator.next()
      if (next.done) {
        ended = true
        break
      }
      const chunk = toBuffer(next.value)
      head.push(chunk)
      size += chunk.length
      if (chunk.includes(0x0a)) break
    }
  }
  // What was looked at, then the rest: one stream again.
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      yield* head
      if (ended) return
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield toBuffer(next.value)
    } finally {
      // Stopped early (too large, an error): standard input is read no further.
      await iterator.return?.()
    }
  }
  if (named || (name === undefined && startsWithJsonObject(Buffer.concat(head)))) return {kind: 'jsonl', chunks: chunks()}
  return {kind: 'whole', bytes: await readStreamBounded(chunks(), name ?? '<stdin>')}
}

/** The first non-blank line parses as a JSON object. */
function startsWithJsonObject(bytes: Buffer): boolean {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '').trimStart()
  if (!text.startsWith('{')) return false
  const end = text.indexOf('\n')
  try {
    const value: unknown = JSON.parse(end === -1 ? text : text.slice(0, end))
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    return false
  }
}
