import {createReadStream} from 'node:fs'
import type {Draft, DraftMeta} from '../types.js'
import {fileError, InputError} from './decode.js'
import {findFields} from './fields.js'
import {offsetMap} from './offsets.js'
import {lineIndex} from '../text/lines.js'
import jsonc from 'jsonc-parser'

/** A JSON string as written: what it says, and where each unit of what it says comes from. */
interface JsonString {
  value: string
  /** Offset in the scanned text of each unit of `value` (an escape maps to its backslash). */
  offsets: number[]
}

/** One campaign item: a string, or an object with its string fields. */
type Item = {kind: 'string'; body: JsonString} | {kind: 'object'; keys: string[]; values: Array<JsonString | undefined>} | {kind: 'other'; type: string}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string
  ) {
    super(message)
  }
}

/** Deeper values are refused: the parser recurses once per level. */
const MAX_DEPTH = 256

/** What each of jsonc-parser's error codes means, for the one line printed. */
const ERRORS: Record<string, string> = {
  InvalidSymbol: 'expected a value',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a field name in quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':' after a field name",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}' or ',' after a field",
  CloseBracketExpected: "expected ']' or ',' after an item",
  EndOfFileExpected: 'unexpected text after the value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfNumber: 'invalid number'
}

function found(text: string, offset: number): string {
  return offset >= text.length ? 'the end of the file' : `'${text[offset]}'`
}

/**
 * Offsets of the units of a JSON string token (quotes included) at `start`:
 * a copied character maps to itself, an escape (`\n`, `\u00e9`) to its backslash.
 */
function stringOffsets(text: string, start: number, end: number): number[] {
  const offsets: number[] = []
  for (let index = start + 1; index < end - 1; ) {
    offsets.push(index)
    index += text.charCodeAt(index) !== 0x5c ? 1 : text[index + 1] === 'u' ? 6 : 2
  }
  return offsets
}

const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])

/** The first fault in the string token opened at `start`. */
function stringError(text: string, start: number): JsonSyntaxError {
  for (let index = start + 1; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x22) break
    if (code === 0x0a || code === 0x0d) return new JsonSyntaxError(index, 'a line break inside a string (write it as \\n)')
    if (code < 0x20) return new JsonSyntaxError(index, 'a control character inside a string (write it as \\t or \\u00XX)')
    if (code !== 0x5c) continue
    const escape = text[index + 1] ?? ''
    if (escape === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) return new JsonSyntaxError(index, 'invalid \\u escape (expected 4 hexadecimal digits)')
      index += 5
    } else if (ESCAPES.has(escape)) index++
    else return new JsonSyntaxError(index, `invalid escape '\\${escape}' in a string`)
  }
  return new JsonSyntaxError(start, 'a string is never closed (missing ")')
}

const TYPES: Record<string, string> = {string: 'a string', number: 'a number', boolean: 'a boolean', object: 'null'}

/**
 * Reads `text` with jsonc-parser's visitor in strict JSON mode (no comments,
 * no trailing commas), keeping the campaign items found at `itemDepth`
 * (1: the items of a top-level array; 0: the value itself, one JSON Lines
 * item): strings with the offset of every unit, objects with their string
 * fields. Throws JsonSyntaxError at the first error.
 */
function scanItems(text: string, itemDepth: 0 | 1): Item[] {
  const items: Item[] = []
  let depth = 0
  let object: Extract<Item, {kind: 'object'}> | undefined
  let key = ''
  // Whether each open container is an array: a missing comma is said in its terms.
  const arrays: boolean[] = []
  const enter = (offset: number, type: string) => {
    if (depth >= MAX_DEPTH) throw new JsonSyntaxError(offset, 'values nested too deep')
    if (itemDepth === 1 && depth === 0 && type !== 'an array') throw new JsonSyntaxError(-1, 'not a campaign file: expected an array of drafts')
    if (depth === itemDepth) {
      if (type === 'an object') items.push((object = {kind: 'object', keys: [], values: []}))
      else items.push({kind: 'other', type})
    } else if (object && depth === itemDepth + 1) {
      object.keys.push(key)
      object.values.push(undefined)
    }
    arrays.push(type === 'an array')
    depth++
  }
  // Set once the top-level value is read: any error past it is text after it.
  let complete = false
  const leave = () => {
    arrays.pop()
    depth--
    if (depth === 0) complete = true
    if (depth === itemDepth) object = undefined
  }
  jsonc.visit(
    text,
    {
      onObjectBegin: (offset) => enter(offset, 'an object'),
      onObjectEnd: leave,
      onArrayBegin: (offset) => enter(offset, 'an array'),
      onArrayEnd: leave,
      onObjectProperty: (property: string) => {
        key = property
      },
      onLiteralValue: (value: unknown, offset, length) => {
        if (itemDepth === 1 && depth === 0) throw new JsonSyntaxError(-1, 'not a campaign file: expected an array of drafts')
        if (depth === 0) complete = true
        const string = typeof value === 'string' ? {value, offsets: stringOffsets(text, offset, offset + length)} : undefined
        if (depth === itemDepth) items.push(string ? {kind: 'string', body: string} : {kind: 'other', type: TYPES[typeof value]})
        else if (object && depth === itemDepth + 1) {
          object.keys.push(key)
          object.values.push(string)
        }
      },
      onError: (code, offset) => {
        const name = jsonc.printParseErrorCode(code)
        // The parser reports a bad string at its opening quote: point at the bad character.
        if (name === 'InvalidEscapeCharacter' || name === 'InvalidUnicode' || name === 'InvalidCharacter' || name === 'UnexpectedEndOfString') {
          throw stringError(text, offset)
        }
        let message = ERRORS[name] ?? name
        if (name === 'CommaExpected') message = arrays[arrays.length - 1] ? ERRORS.CloseBracketExpected : ERRORS.CloseBraceExpected
        if (name === 'EndOfFileExpected' || (complete && !name.startsWith('Close'))) message = `unexpected ${found(text, offset)} after ${itemDepth === 1 ? 'the array' : 'the item (one item per line)'}`
        else if (!name.startsWith('Invalid') && !name.startsWith('UnexpectedEnd')) message += `, found ${found(text, offset)}`
        throw new JsonSyntaxError(offset, message)
      }
    },
    {disallowComments: true, allowTrailingComma: false, allowEmptyContent: false}
  )
  return items
}

function syntaxError(file: string, text: string, error: unknown, lineBase?: number): never {
  if (!(error instanceof JsonSyntaxError)) throw error
  if (error.offset === -1) throw new InputError(file, error.message)
  const place = lineBase === undefined ? lineIndex(text).toPoint(error.offset) : {line: lineBase, column: error.offset + 1}
  throw new InputError(file, `JSON syntax error at line ${place.line}, column ${place.column}: ${error.message}`)
}

export interface JsonOptions {
  /** Name of the body field (else the usual names: body, message, text...). */
  column?: string
}

export interface JsonLinesOptions extends JsonOptions {
  /**
   * The text read is a part of the file that starts at this line (a shard of
   * a big export, piped on standard input): lines, and item numbers, count
   * from there, as in the whole file (which has no blank lines before it).
   */
  firstLine?: number
  /** Read these bytes instead of the file (standard input). */
  input?: AsyncIterable<Buffer>
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
  let items: Item[]
  try {
    items = scanItems(text, 1)
  } catch (error) {
    syntaxError(file, text, error)
  }

  const {starts, toPoint} = lineIndex(text)
  const drafts: Draft[] = []
  items.forEach((item, index) => {
    const located = itemDraft(item, options, `item ${index + 1}`)
    if (typeof located === 'string') throw new InputError(file, located)
    if (!located) return
    // The draft's source: the lines its body is on.
    const first = toPoint(located.offsets[0]).line
    const last = toPoint(located.offsets[located.offsets.length - 1]).line
    const from = starts[first - 1]
    const to = last < starts.length ? starts[last] : text.length
    drafts.push({
      text: located.text,
      source: text.slice(from, to),
      map: offsetMap(located.offsets, (offset) => offset - from),
      origin: {offset: from, line: first},
      file,
      name: `${file}#${index + 1}`,
      meta: located.meta
    })
  })
  return drafts
}

/**
 * JSON Lines: one item per line (a string or an object, as in a JSON
 * array), streamed line by line so a large file runs in bounded memory.
 * Blank lines are skipped. Drafts are named `file.jsonl#N`, N counting
 * the items (non-blank lines). Read from a file, or from `input`
 * (standard input) in the same way.
 */
export async function* jsonlDrafts(file: string, options: JsonLinesOptions = {}): AsyncGenerator<Draft> {
  const firstLine = options.firstLine ?? 1
  let count = firstLine - 1
  for await (const {text, offset, line} of readLines(file, options.input, firstLine)) {
    if (text.trim() === '') continue
    count++
    let item: Item
    try {
      item = scanItems(text, 0)[0]
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
export async function* readLines(file: string, input?: AsyncIterable<Buffer>, firstLine = 1): AsyncGenerator<{text: string; offset: number; line: number}> {
  const decoder = new TextDecoder('utf-8', {fatal: true})
  let pending = ''
  let offset = 0
  let line = firstLine
  const stream = input ? undefined : createReadStream(file)
  try {
    let first = true
    for await (const chunk of (input ?? stream) as AsyncIterable<Buffer>) {
      if (chunk.includes(0)) throw new InputError(file, `binary file (contains NUL bytes, near line ${line}), not a JSON Lines file`)
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
    stream?.destroy()
  }
}
