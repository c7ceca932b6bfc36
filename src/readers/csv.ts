import {createReadStream} from 'node:fs'
import {open} from 'node:fs/promises'
import {parse, type CsvError, type InfoRecord} from 'csv-parse'
import type {Draft, DraftMeta} from '../types.js'
import {fileError, InputError} from './decode.js'
import {findFields, type FieldIndexes} from './fields.js'
import {MappedText, offsetMap} from './offsets.js'

/** A row longer than this is an error (most likely a quote never closed). */
const MAX_RECORD_BYTES = 1024 * 1024
const DELIMITERS = [',', ';', '\t']

export interface CsvOptions {
  /** Name of the body column (else the usual names: body, message, text...). */
  column?: string
  /** Bytes read at a time (tests use tiny chunks to cut rows anywhere). */
  chunkSize?: number
}

/**
 * A campaign CSV, one draft per data row, streamed: the file is read in
 * chunks and each row is handed on as soon as it is parsed, so memory stays
 * bounded whatever the number of rows (only the current row's bytes are
 * kept). The first row names the columns. Drafts are named `file.csv#N`,
 * N being the data row number (1 = the first row after the header; blank
 * lines do not count; a row whose cells span several lines counts once).
 *
 * Positions point into the file: csv-parse (which validates the file and
 * splits the rows) reports the byte where each row ends; the row's text is
 * kept and its body cell located in it, quotes and doubled `""` included.
 * The draft's `source` is the row's text, `origin` where it starts in the
 * file. Comma, semicolon (French spreadsheets) or tab is guessed from the
 * header line.
 */
export async function* csvDrafts(file: string, options: CsvOptions = {}): AsyncGenerator<Draft> {
  const head = await readHead(file)
  if (head.includes(0)) throw new InputError(file, binaryReason(head.indexOf(0)))
  const delimiter = guessDelimiter(head)

  // csv-parse splits and validates; `on_record` hands each row over synchronously (nothing goes
  // through the stream's buffer), so rows parsed before an error are still linted, in order.
  const rows: Array<{record: string[]; info: InfoRecord}> = []
  let failure: Error | undefined
  const parser = parse({
    delimiter,
    bom: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    on_record: (record: string[], info: InfoRecord) => {
      rows.push({record, info})
      return null
    }
  })
  parser.on('error', (error) => {
    failure ??= error
  })
  parser.resume()

  const window = new ByteWindow()
  const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})
  const utf8Keep = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})
  let consumed = 0 // bytes of the file handed out as rows so far
  let offset = 0 // the same, in UTF-16 units of the decoded file
  let line = 1
  let row = 0
  let header = 0
  let fields: FieldIndexes | undefined

  function* takeRows(): Generator<Draft> {
    for (const {record, info} of rows.splice(0)) {
      const bytes = window.take(consumed, info.bytes)
      let text: string
      try {
        text = (consumed === 0 ? utf8 : utf8Keep).decode(bytes)
      } catch {
        throw new InputError(file, `invalid UTF-8 on line ${line + countLeadingLines(bytes)}; save the file as UTF-8 (in a spreadsheet: "CSV UTF-8")`)
      }
      consumed = info.bytes
      // Blank lines skipped by the parser come with the next row.
      let start = 0
      while (start < text.length && (text[start] === '\n' || text[start] === '\r')) {
        if (text[start] === '\n') line++
        start++
      }
      const rowOffset = offset + start
      const rowLine = line
      offset += text.length
      for (let index = start; index < text.length; index++) if (text[index] === '\n') line++

      if (!fields) {
        const found = findFields(record, options.column, 'column')
        if (typeof found === 'string') throw new InputError(file, found)
        fields = found
        header = record.length
        continue
      }
      row++
      const value = record[fields.body] ?? ''
      if (value.trim() === '') continue
      const source = text.slice(start)
      const body = cellText(source, delimiter, fields.body, value)
      const meta: DraftMeta = {}
      const name = fields.name === -1 ? '' : (record[fields.name] ?? '').trim()
      const company = fields.company === -1 ? '' : (record[fields.company] ?? '').trim()
      if (name) meta.readerName = name
      if (company) meta.company = company
      yield {text: value, source, map: offsetMap(body.offsets), origin: {offset: rowOffset, line: rowLine}, file, name: `${file}#${row}`, meta}
    }
  }
  const settle = async () => {
    // The parser reports an error on a later tick: once per chunk, let it.
    await new Promise((resolve) => setImmediate(resolve))
    if (failure) throw new InputError(file, csvReason(failure as CsvError, line, header))
  }

  const stream = createReadStream(file, options.chunkSize ? {highWaterMark: options.chunkSize} : {})
  try {
    let read = 0
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      // Every chunk, not only the head: a NUL byte anywhere means binary (rows before it stand).
      const zero = chunk.indexOf(0)
      if (zero !== -1) throw new InputError(file, binaryReason(read + zero))
      read += chunk.length
      window.append(chunk)
      if (!parser.destroyed) parser.write(chunk)
      yield* takeRows()
      await settle()
    }
    if (!parser.closed) {
      await new Promise<void>((resolve) => {
        parser.once('close', resolve)
        parser.end()
      })
    }
    yield* takeRows()
    await settle()
  } catch (error) {
    if (error instanceof InputError) throw error
    if ((error as NodeJS.ErrnoException).code?.startsWith('E')) throw fileError(file, error as Error)
    throw error
  } finally {
    stream.destroy()
    parser.destroy()
  }
  if (!fields) throw new InputError(file, 'empty CSV file: no header row')
}

function binaryReason(at: number): string {
  return `binary file (contains NUL bytes, the first at byte ${at}), not a CSV file`
}

async function readHead(file: string): Promise<Buffer> {
  let handle
  try {
    handle = await open(file, 'r')
    const buffer = Buffer.alloc(64 * 1024)
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0)
    if (bytesRead === 0) throw new InputError(file, 'empty file, nothing to lint')
    return buffer.subarray(0, bytesRead)
  } catch (error) {
    if (error instanceof InputError) throw error
    throw fileError(file, error as Error)
  } finally {
    await handle?.close()
  }
}

/** The delimiter seen most often (outside quotes) in the header line; comma on a tie. */
export function guessDelimiter(head: Uint8Array): string {
  const text = new TextDecoder().decode(head)
  const counts = new Map(DELIMITERS.map((delimiter) => [delimiter, 0]))
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1)
  }
  let best = ','
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter
  return best
}

/**
 * The text of cell `column` of a row, with each unit's offset in the row:
 * quotes around the cell skipped, a doubled `""` read as one quote mapped
 * to its first `"`. Checked against csv-parse's value; if they differ
 * (a dialect this scanner does not know), every unit maps to the cell start.
 */
export function cellText(row: string, delimiter: string, column: number, expected: string): {text: string; offsets: number[]} {
  let position = 0
  for (let cell = 0; ; cell++) {
    const start = position
    let end: number
    const quoted = row[position] === '"'
    if (quoted) {
      position++
      for (;;) {
        const quote = row.indexOf('"', position)
        if (quote === -1) {
          position = row.length
          break
        }
        if (row[quote + 1] === '"') {
          position = quote + 2
          continue
        }
        position = quote + 1
        break
      }
      end = position
    } else {
      end = position
      while (end < row.length && !row.startsWith(delimiter, end) && row[end] !== '\n' && row[end] !== '\r') end++
      position = end
    }
    if (cell === column) {
      const out = new MappedText()
      if (quoted) {
        const close = row[end - 1] === '"' && end - 1 > start ? end - 1 : end
        // Runs between doubled quotes are copied whole; each `""` gives one quote.
        let run = start + 1
        for (let quote = row.indexOf('"', run); quote !== -1 && quote < close; quote = row.indexOf('"', run)) {
          out.pushCopy(row.slice(run, quote + 1), run)
          run = quote + (row[quote + 1] === '"' ? 2 : 1)
        }
        if (run < close) out.pushCopy(row.slice(run, close), run)
      } else {
        out.pushCopy(row.slice(start, end), start)
      }
      const text = out.toString()
      if (text === expected) return {text, offsets: out.offsets}
      return {text: expected, offsets: Array.from(expected, () => start)}
    }
    if (!row.startsWith(delimiter, position)) return {text: expected, offsets: Array.from(expected, () => 0)}
    position += delimiter.length
  }
}

function countLeadingLines(bytes: Uint8Array): number {
  let lines = 0
  for (const byte of bytes) {
    if (byte === 0x0a) lines++
    else if (byte !== 0x0d) break
  }
  return lines
}

/** csv-parse's error as one line: what is wrong, where, how to fix it. */
function csvReason(error: CsvError, rowLine: number, header: number): string {
  const at = (error as {lines?: number}).lines
  const line = typeof at === 'number' && at > 0 ? at : rowLine
  switch (error.code.replace(/^CSV_/, '')) {
    case 'QUOTE_NOT_CLOSED':
      return `malformed CSV: the quoted cell opened on line ${rowLine} is never closed (a missing ")`
    case 'INVALID_OPENING_QUOTE':
      return `malformed CSV at line ${line}: a quote inside an unquoted cell (quote the whole cell and double the quotes in it: "")`
    case 'INVALID_CLOSING_QUOTE':
    case 'NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `malformed CSV at line ${line}: text after a closing quote (double the quotes inside a quoted cell: "")`
    case 'RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'RECORD_DONT_MATCH_COLUMNS_LENGTH': {
      const record = (error as {record?: unknown[]}).record
      return `malformed CSV at line ${line}: this row has ${Array.isArray(record) ? record.length : 'a different number of'} cells, the header has ${header}`
    }
    case 'MAX_RECORD_SIZE':
      return `malformed CSV at line ${rowLine}: a row larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB (a quote never closed?)`
    default:
      return `malformed CSV at line ${line}: ${error.message.split(/[:,]/)[0]}`
  }
}

/**
 * The bytes read from the file and not yet handed out as rows. Chunks are
 * dropped as soon as the rows they hold are taken.
 */
class ByteWindow {
  private chunks: Buffer[] = []
  private base = 0

  append(chunk: Buffer): void {
    this.chunks.push(chunk)
  }

  /** Bytes [start, end) of the file; forgets everything before `end`. */
  take(start: number, end: number): Buffer {
    const parts: Buffer[] = []
    let position = this.base
    for (const chunk of this.chunks) {
      const from = Math.max(start, position)
      const to = Math.min(end, position + chunk.length)
      if (from < to) parts.push(chunk.subarray(from - position, to - position))
      position += chunk.length
    }
    const taken = parts.length === 1 ? Buffer.from(parts[0]) : Buffer.concat(parts)
    while (this.chunks.length > 0 && this.base + this.chunks[0].length <= end) {
      this.base += this.chunks[0].length
      this.chunks.shift()
    }
    return taken
  }
}
