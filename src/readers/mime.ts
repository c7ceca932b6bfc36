/**
 * Just enough MIME to know where things are: the header fields and the body
 * parts of a message, as byte offsets into the .eml file, and the decoding
 * of one text part with, for each decoded character, the byte it came from.
 * Reading the message (headers, addresses, charsets) is postal-mime's job
 * (see eml.ts); this module only finds positions, and eml.ts checks that
 * both agree on the text before trusting the positions.
 *
 * The file is handled as a "binary string": one character per byte
 * (latin1), so string indices are byte offsets.
 */

export interface HeaderField {
  /** Lower-case name. */
  key: string
  /** Byte offset of the name, of the first byte after the colon, and of the end of the field (before its line break). */
  start: number
  valueStart: number
  end: number
}

export interface MimePart {
  headers: HeaderField[]
  /** `type/subtype`, lower case; `text/plain` when absent. */
  type: string
  params: Record<string, string>
  encoding: string
  disposition: string
  bodyStart: number
  bodyEnd: number
  children: MimePart[]
}

const MAX_DEPTH = 50

/** Parses the structure of a message held as a binary string. */
export function parseMime(binary: string): MimePart {
  return parsePart(binary, 0, binary.length, 0, 'text/plain')
}

function lineEnd(binary: string, from: number, end: number): number {
  const index = binary.indexOf('\n', from)
  return index === -1 || index >= end ? end : index
}

function parsePart(binary: string, start: number, end: number, depth: number, defaultType: string): MimePart {
  const headers: HeaderField[] = []
  let position = start
  let bodyStart = end
  while (position < end) {
    const eol = lineEnd(binary, position, end)
    const content = trimLineEnd(binary, position, eol)
    if (content === position) {
      bodyStart = Math.min(end, eol + 1)
      break
    }
    const first = binary.charCodeAt(position)
    if ((first === 0x20 || first === 0x09) && headers.length > 0) {
      headers[headers.length - 1].end = content
    } else {
      const colon = binary.indexOf(':', position)
      if (colon !== -1 && colon < content) {
        headers.push({key: binary.slice(position, colon).trim().toLowerCase(), start: position, valueStart: colon + 1, end: content})
      }
    }
    position = eol + 1
  }

  const value = (key: string) => {
    const field = headers.find((header) => header.key === key)
    return field ? unfold(binary.slice(field.valueStart, field.end)) : ''
  }
  const contentType = parseStructured(value('content-type'))
  const type = contentType.value.includes('/') ? contentType.value : defaultType
  const part: MimePart = {
    headers,
    type,
    params: contentType.params,
    encoding: value('content-transfer-encoding').trim().toLowerCase(),
    disposition: parseStructured(value('content-disposition')).value,
    bodyStart,
    bodyEnd: end,
    children: []
  }
  const boundary = contentType.params.boundary
  if (type.startsWith('multipart/') && boundary && depth < MAX_DEPTH) {
    const childType = type === 'multipart/digest' ? 'message/rfc822' : 'text/plain'
    let childStart = -1
    let position = bodyStart
    while (position < end) {
      const eol = lineEnd(binary, position, end)
      const kind = boundaryLine(binary, position, trimLineEnd(binary, position, eol), boundary)
      if (kind !== 0) {
        if (childStart !== -1) part.children.push(parsePart(binary, childStart, position, depth + 1, childType))
        childStart = kind === 1 ? Math.min(end, eol + 1) : -1
        if (kind === 2) break
      }
      position = eol + 1
    }
    if (childStart !== -1 && childStart < end) part.children.push(parsePart(binary, childStart, end, depth + 1, childType))
  }
  return part
}

/** End of a line's content: before its CR/LF run (as postal-mime reads lines). */
function trimLineEnd(binary: string, start: number, eol: number): number {
  let end = eol
  while (end > start && (binary.charCodeAt(end - 1) === 0x0d || binary.charCodeAt(end - 1) === 0x0a)) end--
  return end
}

/** 0: not a boundary; 1: `--boundary`; 2: `--boundary--`. Trailing blanks allowed (RFC 2046). */
function boundaryLine(binary: string, start: number, end: number, boundary: string): 0 | 1 | 2 {
  if (binary.charCodeAt(start) !== 0x2d || binary.charCodeAt(start + 1) !== 0x2d) return 0
  if (!binary.startsWith(boundary, start + 2)) return 0
  let position = start + 2 + boundary.length
  let kind: 1 | 2 = 1
  if (binary.startsWith('--', position)) {
    kind = 2
    position += 2
  }
  for (; position < end; position++) {
    const code = binary.charCodeAt(position)
    if (code !== 0x20 && code !== 0x09) return 0
  }
  return kind
}

function unfold(value: string): string {
  return value.replace(/\r?\n(?=[ \t])/g, '')
}

/** `text/plain; charset="utf-8"; format=flowed` to its value and parameters. */
export function parseStructured(header: string): {value: string; params: Record<string, string>} {
  const params: Record<string, string> = {}
  const semicolon = header.indexOf(';')
  const value = (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase()
  if (semicolon === -1) return {value, params}
  const pattern = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g
  for (let match = pattern.exec(header); match; match = pattern.exec(header)) {
    const key = match[1].toLowerCase().replace(/\*$/, '')
    let param = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3].trim()
    if (match[1].endsWith('*')) param = decodeExtended(param)
    params[key] = param
  }
  return {value, params}
}

/** RFC 2231 `utf-8''%E2%82%AC`: only the value matters here (boundary, charset). */
function decodeExtended(value: string): string {
  const parts = value.split("'")
  const text = parts.length >= 3 ? parts.slice(2).join("'") : value
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** The leaf parts, depth first, in document order. */
export function leaves(part: MimePart): MimePart[] {
  if (part.children.length === 0) return [part]
  return part.children.flatMap(leaves)
}

export interface DecodedBytes {
  bytes: Uint8Array
  /** For each decoded byte, the byte offset in the file it came from. */
  offsets: Int32Array
  /** False when positions inside the part cannot be known (base64): all point at the part's start. */
  exact: boolean
}

const HEX = /^[0-9A-Fa-f]{2}$/

/**
 * Decodes a part's transfer encoding the way postal-mime does, line by
 * line (a line is read up to its CR/LF run; each hard line ends with LF).
 * Quoted-printable: `=XX` gives one byte mapped to its `=`, a trailing `=`
 * is a soft line break (no byte). 7bit/8bit/binary: bytes as they are.
 * Base64: decoded bytes all map to the first byte of the part's body.
 */
export function decodeTransfer(binary: string, part: MimePart): DecodedBytes {
  const {bodyStart, bodyEnd} = part
  if (part.encoding === 'base64') {
    const bytes = Buffer.from(binary.slice(bodyStart, bodyEnd).replace(/[^A-Za-z0-9+/=]/g, ''), 'base64')
    return {bytes: new Uint8Array(bytes), offsets: new Int32Array(bytes.length).fill(bodyStart), exact: false}
  }
  const qp = part.encoding === 'quoted-printable'
  const bytes: number[] = []
  const offsets: number[] = []
  let position = bodyStart
  while (position < bodyEnd) {
    const eol = lineEnd(binary, position, bodyEnd)
    let end = trimLineEnd(binary, position, eol)
    const soft = qp && end > position && binary.charCodeAt(end - 1) === 0x3d
    if (soft) end--
    for (let index = position; index < end; index++) {
      if (qp && binary.charCodeAt(index) === 0x3d && index + 2 < end && HEX.test(binary.slice(index + 1, index + 3))) {
        bytes.push(parseInt(binary.slice(index + 1, index + 3), 16))
        offsets.push(index)
        index += 2
        continue
      }
      bytes.push(binary.charCodeAt(index))
      offsets.push(index)
    }
    if (!soft) {
      bytes.push(0x0a)
      offsets.push(trimLineEnd(binary, position, eol))
    }
    position = eol + 1
  }
  return {bytes: Uint8Array.from(bytes), offsets: Int32Array.from(offsets), exact: true}
}

/**
 * Bytes to text in `charset`, with for each UTF-16 unit the offset of the
 * first byte of its character. Bytes are fed one at a time to a streaming
 * TextDecoder, so this is exact for any charset the runtime knows
 * (multi-byte and stateful ones included).
 */
export function decodeCharset(decoded: DecodedBytes, charset: string | undefined): {text: string; offsets: number[]} {
  const decoder = textDecoder(charset)
  const chunks: string[] = []
  const offsets: number[] = []
  let pending = -1
  const one = new Uint8Array(1)
  for (let index = 0; index < decoded.bytes.length; index++) {
    if (pending === -1) pending = index
    one[0] = decoded.bytes[index]
    const text = decoder.decode(one, {stream: true})
    if (text.length === 0) continue
    chunks.push(text)
    for (let unit = 0; unit < text.length; unit++) offsets.push(decoded.offsets[pending])
    pending = -1
  }
  const rest = decoder.decode()
  if (rest) {
    chunks.push(rest)
    const at = decoded.offsets[pending === -1 ? decoded.bytes.length - 1 : pending] ?? 0
    for (let unit = 0; unit < rest.length; unit++) offsets.push(at)
  }
  return {text: chunks.join(''), offsets}
}

/** A decoder for a MIME charset label; unknown labels read as UTF-8. */
export function textDecoder(charset: string | undefined): InstanceType<typeof TextDecoder> {
  const label = (charset || 'utf-8').trim().toLowerCase()
  for (const candidate of [label, label.replace(/^(x-|cs)/, ''), label.replace(/^(iso)[-_]?(\d+)[-_](\d+)$/, '$1-$2-$3'), label.replace(/^cp[-_]?(\d+)$/, 'windows-$1')]) {
    try {
      return new TextDecoder(candidate)
    } catch {
      // try the next spelling
    }
  }
  return new TextDecoder('utf-8')
}

/**
 * RFC 3676 format=flowed, as postal-mime unwraps it: a line ending with a
 * space continues on the next (delsp=yes also drops that space), a leading
 * space is stuffing, "-- " stays a line of its own. Offsets follow the text.
 */
export function unflow(text: string, offsets: number[], delsp: boolean): {text: string; offsets: number[]} {
  const outText: string[] = []
  const outOffsets: number[] = []
  let lineStart = 0
  let position = 0
  for (let index = 0; position <= text.length; index++) {
    let eol = text.indexOf('\n', position)
    if (eol === -1) eol = text.length
    let start = position
    const end = eol < text.length && eol > start && text[eol - 1] === '\r' ? eol - 1 : eol
    if (text[start] === ' ' && start < end) start++
    if (index > 0) {
      const signature = outText.length - lineStart === 3 && outText.slice(lineStart).join('') === '-- '
      if (outText[outText.length - 1] === ' ' && !signature) {
        if (delsp) {
          outText.pop()
          outOffsets.pop()
        }
      } else {
        outText.push('\n')
        outOffsets.push(offsets[position - 1] ?? 0)
        lineStart = outText.length
      }
    }
    for (let unit = start; unit < end; unit++) {
      outText.push(text[unit])
      outOffsets.push(offsets[unit])
    }
    position = eol + 1
  }
  return {text: outText.join(''), offsets: outOffsets}
}
