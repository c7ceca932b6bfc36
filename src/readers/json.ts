import {createReadStream} from 'node:fs'
import type {Draft, DraftMeta} from '../types.js'
import {fileError, InputError} from './decode.js'
import {findFields} from './fields.js'
import {offsetMap} from './offsets.js'

/** A JSON string as written: where it is, what it says, and where each unit of what it says comes from. */
interface JsonString {
  start: number
  end: number
  value: string
  /** Offset in the scanned text of each unit of `value` (an escape maps to its backslash). */
  offsets: number[]
}

/** One campaign item: a string, or an object with its string fields. */
type Item = {kind: 'string'; body: JsonString} | {kind: 'object'; keys: string[]; values: Array<JsonString | undefined>; start: number} | {kind: 'other'; type: string; start: number}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string
  ) {
    super(message)
  }
}

const MAX_DEPTH = 256
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y
const ESCAPES: Record<string, string> = {'"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t'}

/** A strict JSON (RFC 8259) scanner that keeps positions, which JSON.parse does not give. */
class Scanner {
  position = 0
  constructor(readonly text: string) {}

  fail(message: string, at = this.position): never {
    throw new JsonSyntaxError(at, message)
  }

  space() {
    const text = this.text
    while (this.position < text.length) {
      const char = text.charCodeAt(this.position)
      if (char === 0x20 || char === 0x0a || char === 0x0d || char === 0x09) this.position++
      else break
    }
  }

  peek(): string {
    return this.text[this.position] ?? ''
  }

  what(): string {
    return this.position >= this.text.length ? 'the end of the file' : `'${this.text[this.position]}'`
  }

  expect(char: string, context: string) {
    if (this.text[this.position] !== char) this.fail(`expected '${char}' ${context}, found ${this.what()}`)
    this.position++
  }

  string(): JsonString {
    const text = this.text
    const start = this.position
    this.position++
    const chunks: string[] = []
    const offsets: number[] = []
    let run = this.position
    const flush = (end: number) => {
      if (end > run) {
        chunks.push(text.slice(run, end))
        for (let index = run; index < end; index++) offsets.push(index)
      }
    }
    for (;;) {
      if (this.position >= text.length) this.fail('a string is never closed (missing ")', start)
      const code = text.charCodeAt(this.position)
      if (code === 0x22) {
        flush(this.position)
        this.position++
        return {start, end: this.position, value: chunks.join(''), offsets}
      }
      if (code < 0x20) this.fail('a line break or control character inside a string (write it as \\n)')
      if (code !== 0x5c) {
        this.position++
        continue
      }
      flush(this.position)
      const at = this.position
      const escape = text[at + 1]
      if (escape === 'u') {
        const hex = text.slice(at + 2, at + 6)
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape (expected 4 hexadecimal digits)', at)
        chunks.push(String.fromCharCode(parseInt(hex, 16)))
        offsets.push(at)
        this.position = at + 6
      } else if (escape !== undefined && escape in ESCAPES) {
        chunks.push(ESCAPES[escape])
        offsets.push(at)
        this.position = at + 2
      } else {
        this.fail(`invalid escape '\\${escape ?? ''}' in a string`, at)
      }
      run = this.position
    }
  }

  /** Skips any value (validating it); returns its type. */
  value(depth: number): string {
    if (depth > MAX_DEPTH) this.fail('values nested too deep')
    const char = this.peek()
    if (char === '"') {
      this.string()
      return 'a string'
    }
    if (char === '{') {
      this.object(depth, () => this.value(depth + 1))
      return 'an object'
    }
    if (char === '[') {
      this.position++
      this.space()
      if (this.peek() === ']') {
        this.position++
        return 'an array'
      }
      for (;;) {
        this.space()
        this.value(depth + 1)
        this.space()
        if (this.peek() === ',') {
          this.position++
          continue
        }
        this.expect(']', 'or \',\' after an array item')
        return 'an array'
      }
    }
    for (const [word, type] of [['true', 'a boolean'], ['false', 'a boolean'], ['null', 'null']] as const) {
      if (this.text.startsWith(word, this.position)) {
        this.position += word.length
        return type
      }
    }
    NUMBER.lastIndex = this.position
    const number = NUMBER.exec(this.text)
    if (number && number[0] !== '-') {
      this.position += number[0].length
      return 'a number'
    }
    return this.fail(`expected a value, found ${this.what()}`)
  }

  /** Scans `{...}`, calling `member` for each value after its key. */
  object(depth: number, member: (key: string) => void) {
    this.position++
    this.space()
    if (this.peek() === '}') {
      this.position++
      return
    }
    for (;;) {
      this.space()
      if (this.peek() !== '"') this.fail(`expected a field name in quotes, found ${this.what()}`)
      const key = this.string().value
      this.space()
      this.expect(':', 'after a field name')
      this.space()
      member(key)
      this.space()
      if (this.peek() === ',') {
        this.position++
        continue
      }
      this.expect('}', "or ',' after a field")
      return
    }
  }

  /** A campaign item: a string, or an object whose string fields are kept. */
  item(): Item {
    const start = this.position
    const char = this.peek()
    if (char === '"') return {kind: 'string', body: this.string()}
    if (char === '{') {
      const keys: string[] = []
      const values: Array<JsonString | undefined> = []
      this.object(1, (key) => {
        keys.push(key)
        if (this.peek() === '"') values.push(this.string())
        else {
          this.value(2)
          values.push(undefined)
        }
      })
      return {kind: 'object', keys, values, start}
    }
    return {kind: 'other', type: this.value(1), start}
  }
}

function lineAndColumn(text: string, offset: number): string {
  let line = 1
  let start = 0
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++
    start = index + 1
  }
  return `line ${line}, column ${offset - start + 1}`
}

function syntaxError(file: string, text: string, error: unknown, lineBase?: number): never {
  if (!(error instanceof JsonSyntaxError)) throw error
  const place = lineBase === undefined ? lineAndColumn(text, error.offset) : `line ${lineBase}, column ${error.offset + 1}`
  throw new InputError(file, `JSON syntax error at ${place}: ${error.message}`)
}

export interface JsonOptions {
  /** Name of the body field (else the usual names: body, message, text...). */
  column?: string
}

interface Located {
  text: string
  offsets: number[]
  meta: DraftMeta
}

/** What an item says: its body (with offsets in the scanned text) and meta; undefined when the body is blank. */
function itemDraft(item: Item, options: JsonOptions, where: string): Located | string | undefined {
  if (item.kind === 'other') return `${where} is ${item.type}: expected a string or an object with a body field`
  if (item.kind === 'string') return item.body.value.trim() === '' ? undefined : {text: item.body.value, offsets: item.body.offsets, meta: {}}
  const found = findFields(item.keys, options.column, 'field')
  if (typeof found === 'string') return `${where}: ${found}`
  const body = item.values[found.body]
  if (!body) return `${where}: the field "${item.keys[found.body]}" is not a string`
  if (body.value.trim() === '') return undefined
  const meta: DraftMeta = {}
  const name = found.name === -1 ? undefined : item.values[found.name]?.value.trim()
  const company = found.company === -1 ? undefined : item.values[found.company]?.value.trim()
  if (name) meta.readerName = name
  if (company) meta.company = company
  return {text: body.value, offsets: body.offsets, meta}
}

/**
 * A campaign as a JSON array: each item a string (the body) or an object
 * with a body field (same names as CSV columns, or `--column`), and
 * optionally name and company fields. Drafts are named `file.json#N`, N the
 * 1-based item number. Anything but an array is refused ("not a campaign
 * file"): a directory's package.json or tsconfig.json is not a campaign.
 * Positions are exact: JSON escapes are mapped back to their backslash.
 * Each draft's `source` is the lines its body is on (`origin` says where).
 */
export function jsonDrafts(text: string, file: string, options: JsonOptions = {}): Draft[] {
  const scanner = new Scanner(text)
  const items: Item[] = []
  try {
    scanner.space()
    if (scanner.peek() !== '[') {
      if (scanner.peek() === '{' || scanner.peek() === '"') throw new InputError(file, 'not a campaign file: expected an array of drafts')
      scanner.value(0)
      throw new InputError(file, 'not a campaign file: expected an array of drafts')
    }
    scanner.position++
    scanner.space()
    if (scanner.peek() === ']') scanner.position++
    else {
      for (;;) {
        scanner.space()
        items.push(scanner.item())
        scanner.space()
        if (scanner.peek() === ',') {
          scanner.position++
          continue
        }
        scanner.expect(']', "or ',' after an item")
        break
      }
    }
    scanner.space()
    if (scanner.position < text.length) scanner.fail(`unexpected ${scanner.what()} after the array`)
  } catch (error) {
    if (error instanceof InputError) throw error
    syntaxError(file, text, error)
  }

  const starts = lineStarts(text)
  const drafts: Draft[] = []
  items.forEach((item, index) => {
    const located = itemDraft(item, options, `item ${index + 1}`)
    if (typeof located === 'string') throw new InputError(file, located)
    if (!located) return
    // The draft's source: the lines its body is on.
    const first = lineOf(starts, located.offsets[0])
    const last = lineOf(starts, located.offsets[located.offsets.length - 1])
    const from = starts[first]
    const to = last + 1 < starts.length ? starts[last + 1] : text.length
    drafts.push({
      text: located.text,
      source: text.slice(from, to),
      map: offsetMap(located.offsets, (offset) => offset - from),
      origin: {offset: from, line: first + 1},
      file,
      name: `${file}#${index + 1}`,
      meta: located.meta
    })
  })
  return drafts
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return starts
}

/** 0-based line of `offset`. */
function lineOf(starts: number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle] <= offset) low = middle
    else high = middle - 1
  }
  return low
}

/**
 * JSON Lines: one item per line (a string or an object, as in a JSON
 * array), streamed line by line so a large file runs in bounded memory.
 * Blank lines are skipped. Drafts are named `file.jsonl#N`, N counting
 * the items (non-blank lines).
 */
export async function* jsonlDrafts(file: string, options: JsonOptions = {}): AsyncGenerator<Draft> {
  let count = 0
  for await (const {text, offset, line} of readLines(file)) {
    if (text.trim() === '') continue
    count++
    const scanner = new Scanner(text)
    let item: Item
    try {
      scanner.space()
      item = scanner.item()
      scanner.space()
      if (scanner.position < text.length) scanner.fail(`unexpected ${scanner.what()} after the item (one item per line)`)
    } catch (error) {
      syntaxError(file, text, error, line)
    }
    const located = itemDraft(item, options, `line ${line}`)
    if (typeof located === 'string') throw new InputError(file, located)
    if (!located) continue
    yield {text: located.text, source: text, map: offsetMap(located.offsets), origin: {offset, line}, file, name: `${file}#${count}`, meta: located.meta}
  }
}

/**
 * The lines of a UTF-8 file, streamed, each with its offset (UTF-16 units
 * from the start of the file, BOM not counted) and 1-based number. The
 * line break is not part of the line's text.
 */
export async function* readLines(file: string): AsyncGenerator<{text: string; offset: number; line: number}> {
  const decoder = new TextDecoder('utf-8', {fatal: true})
  let pending = ''
  let offset = 0
  let line = 1
  const stream = createReadStream(file)
  try {
    let first = true
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (first && chunk.subarray(0, 8192).includes(0)) throw new InputError(file, 'binary file (contains NUL bytes), not a JSON Lines file')
      first = false
      let decoded: string
      try {
        decoded = decoder.decode(chunk, {stream: true})
      } catch {
        throw new InputError(file, `invalid UTF-8 after line ${line}; save the file as UTF-8`)
      }
      pending += decoded
      let start = 0
      for (let index = pending.indexOf('\n'); index !== -1; index = pending.indexOf('\n', start)) {
        const end = index > start && pending[index - 1] === '\r' ? index - 1 : index
        yield {text: pending.slice(start, end), offset, line}
        offset += index + 1 - start
        line++
        start = index + 1
      }
      pending = pending.slice(start)
    }
    try {
      pending += decoder.decode()
    } catch {
      throw new InputError(file, `invalid UTF-8 on line ${line}; save the file as UTF-8`)
    }
    if (pending.length > 0) yield {text: pending.endsWith('\r') ? pending.slice(0, -1) : pending, offset, line}
  } catch (error) {
    if (error instanceof InputError) throw error
    if ((error as NodeJS.ErrnoException).code) throw fileError(file, error as Error)
    throw error
  } finally {
    stream.destroy()
  }
}
