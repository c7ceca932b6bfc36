import {createReadStream} from 'node:fs'
import type {Draft, DraftMeta} from '../types.js'
import {fileError, InputError, MAX_BYTES, tooLarge} from './decode.js'
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
  /** A line longer than this many bytes is skipped (default: the 16 MB limit of a draft). */
  maxLineBytes?: number
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
 * the items (non-blank lines). A line that cannot be read (a syntax error,
 * invalid UTF-8, larger than a draft may be, not a string or an object) is
 * skipped and the others are read; once they are, the first such line and
 * how many there were are thrown as one InputError. Read from a file, or
 * from `input` (standard input) in the same way.
 */
export async function* jsonlDrafts(file: string, options: JsonLinesOptions = {}): AsyncGenerator<Draft> {
  const firstLine = options.firstLine ?? 1
  let count = firstLine - 1
  let broken: string | undefined
  const brokenLines: number[] = []
  const skip = (line: number, reason: string) => {
    broken ??= reason
    brokenLines.push(line)
    // Only the first few line numbers are kept: a file of broken lines does not fill memory.
    if (brokenLines.length > MAX_LISTED + 1) brokenLines.length = MAX_LISTED + 1
  }
  let skipped = 0
  for await (const {text, offset, line, fault} of readLines(file, options)) {
    if (fault) {
      count++
      skipped++
      skip(line, fault)
      continue
    }
    if (text.trim() === '') continue
    count++
    let item: Item
    try {
      item = scanItems(text, 0)[0]
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error
      skipped++
      skip(line, error.offset === -1 ? error.message : `JSON syntax error at line ${line}, column ${error.offset + 1}: ${error.message}`)
      continue
    }
    const located = itemDraft(item, options, `line ${line}`)
    if (typeof located === 'string') {
      skipped++
      skip(line, located)
      continue
    }
    if (!located) continue
    yield {text: located.text, source: text, map: offsetMap(located.offsets), origin: {offset, line}, file, name: `${file}#${count}`, meta: located.meta}
  }
  if (broken !== undefined) {
    const others = brokenLines.slice(1, MAX_LISTED + 1).join(', ') + (skipped > MAX_LISTED + 1 ? ', …' : '')
    throw new InputError(file, skipped === 1 ? `${broken}; the other lines were linted` : `${broken}; ${skipped - 1} more line${skipped === 2 ? '' : 's'} skipped (${others}); the other lines were linted`)
  }
}

/** Broken JSON Lines listed by number in the one line that reports them. */
const MAX_LISTED = 5

/** One line of a file: its text, where it starts, and why it could not be read, if so. */
export interface Line {
  text: string
  /** Offset in UTF-16 units from the start of the file (BOM not counted). */
  offset: number
  /** 1-based line number. */
  line: number
  /** Set when the line is not read (invalid UTF-8, larger than the limit); its text is then empty. */
  fault?: string
}

/**
 * The lines of a UTF-8 file, streamed, each with its offset (UTF-16 units
 * from the start of the file, BOM not counted) and 1-based number. The
 * line break is not part of the line's text. A line of more than
 * `maxLineBytes` bytes is not kept (memory stays bounded whatever the
 * file): it comes with a `fault`, as does a line of invalid UTF-8. A NUL
 * byte anywhere makes the file binary: InputError. Read from `input`
 * (standard input) instead of the file when given; lines count from
 * `firstLine`.
 */
export async function* readLines(file: string, options: {input?: AsyncIterable<Buffer>; firstLine?: number; maxLineBytes?: number} = {}): AsyncGenerator<Line> {
  const maxLineBytes = options.maxLineBytes ?? MAX_BYTES
  // A line break byte is never inside a UTF-8 sequence: lines are cut in bytes, each decoded apart.
  let decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})
  let parts: string[] = []
  let units = 0 // UTF-16 units of the current line, kept or not
  let bytes = 0 // its bytes
  let invalid = false
  const lenient = new TextDecoder('utf-8', {ignoreBOM: true})
  let offset = 0
  let line = options.firstLine ?? 1
  let read = 0
  const add = (piece: Uint8Array, last: boolean) => {
    bytes += piece.length
    if (invalid) {
      // The rest of a line that is not UTF-8 is only counted, as a replacing decoder reads it.
      units += lenient.decode(piece, {stream: !last}).length
      return
    }
    let text: string
    try {
      text = decoder.decode(piece, {stream: !last})
    } catch {
      invalid = true
      decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})
      units += lenient.decode(piece, {stream: !last}).length
      return
    }
    units += text.length
    if (bytes > maxLineBytes) parts = []
    else parts.push(text)
  }
  const finish = (): Line => {
    let text = parts.join('')
    let fault: string | undefined
    if (invalid) fault = `invalid UTF-8 on line ${line}; save the file as UTF-8`
    else if (bytes > maxLineBytes) fault = `line ${line} is larger than a draft may be (${tooLarge(bytes, maxLineBytes).replace(/^file too large \((.*)\)$/, '$1')})`
    if (fault) text = ''
    else if (text.endsWith('\r')) text = text.slice(0, -1)
    const result: Line = fault ? {text, offset, line, fault} : {text, offset, line}
    offset += units + 1
    line++
    parts = []
    units = 0
    bytes = 0
    invalid = false
    return result
  }
  const stream = options.input ? undefined : createReadStream(file)
  try {
    for await (const chunk of (options.input ?? stream) as AsyncIterable<Buffer>) {
      const zero = chunk.indexOf(0)
      if (zero !== -1) {
        let at = line
        for (let newline = chunk.indexOf(0x0a); newline !== -1 && newline < zero; newline = chunk.indexOf(0x0a, newline + 1)) at++
        throw new InputError(file, `binary file (contains NUL bytes, the first at byte ${read + zero}, line ${at}), not a JSON Lines file`)
      }
      let start = read === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0
      read += chunk.length
      for (let newline = chunk.indexOf(0x0a, start); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
        add(chunk.subarray(start, newline), true)
        yield finish()
        start = newline + 1
      }
      if (start < chunk.length) add(chunk.subarray(start), false)
    }
    add(new Uint8Array(0), true)
    if (bytes > 0 || units > 0 || invalid) yield finish()
  } catch (error) {
    if (error instanceof InputError) throw error
    if ((error as NodeJS.ErrnoException).code) throw fileError(file, error as Error)
    throw error
  } finally {
    stream?.destroy()
  }
}
