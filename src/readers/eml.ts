import PostalMime, {decodeWords, type Address, type Email} from 'postal-mime'
import type {Draft} from '../types.js'
import {firstInvalidUtf8, InputError, MAX_BYTES} from './decode.js'
import {extractHtml} from './html.js'
import {decodeCharset, decodeTransfer, leaves, parseMime, unflow, type HeaderField, type MimePart} from './mime.js'
import {MappedText, offsetMap} from './offsets.js'

/**
 * An e-mail (.eml, RFC 5322 / MIME) as one draft: "Subject: <subject>", a
 * blank line, then the body: the text/plain part, or the prose of the
 * text/html part when there is no plain text. The display name of the first
 * To address becomes `meta.readerName` ("Dupont, Marie" reads "Marie Dupont").
 *
 * postal-mime reads the message (headers, encoded words, addresses,
 * transfer encodings, charsets, format=flowed). Positions come from mime.ts,
 * which decodes the same part again keeping, for each character, the byte of
 * the file it came from; when both readings agree (they do for ordinary
 * messages) positions are exact, to the column, in quoted-printable, 7bit
 * and 8bit bodies and in the Subject line. Inside a base64 body they cannot
 * be: findings there point at the first line of the part's body. When the
 * readings disagree (a body assembled from several inline parts, an attached
 * message), postal-mime's text is linted and findings point at the start of
 * the part's body.
 */
export async function draftsFromEml(bytes: Uint8Array, file: string, maxBytes = MAX_BYTES): Promise<Draft[]> {
  if (bytes.length > maxBytes) throw new InputError(file, `file too large (${Math.ceil(bytes.length / 1024)} KB, limit ${Math.ceil(maxBytes / 1024)} KB)`)
  if (bytes.includes(0)) throw new InputError(file, 'binary file (contains NUL bytes), not an e-mail')

  let email: Email
  try {
    email = await PostalMime.parse(bytes)
  } catch (error) {
    throw new InputError(file, `malformed e-mail: ${(error as Error).message}`)
  }
  const binary = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1')
  const root = parseMime(binary)
  if (root.headers.length === 0) throw new InputError(file, 'not an e-mail: no header fields (From:, To:, Subject:) before the body')

  const {source, toChar} = fileText(bytes)
  const out = new MappedText()

  const subject = (email.subject ?? '').trim()
  const subjectField = root.headers.find((header) => header.key === 'subject')
  if (subject && subjectField) {
    const mapped = subjectText(binary, subjectField, subject)
    const name = 'Subject:'
    for (let index = 0; index < name.length; index++) out.pushAt(name[index], Math.min(subjectField.start + index, subjectField.valueStart - 1))
    out.pushAt(' ', subjectField.valueStart)
    out.pushMapped(mapped.text, mapped.offsets)
    out.pushAt('\n\n', subjectField.end)
  }

  const body = bodyText(binary, root, email)
  if (typeof body === 'string') throw new InputError(file, body)
  if (!body) throw new InputError(file, 'no text/plain or text/html body to lint in this e-mail')
  out.pushMapped(body.text, body.offsets)

  const text = out.toString()
  if (text.trim() === '') throw new InputError(file, 'empty e-mail, nothing to lint')
  const readerName = displayName(email.to)
  return [{text, source, map: offsetMap(out.offsets, toChar), file, name: file, meta: readerName ? {readerName} : {}}]
}

/**
 * The file as text (UTF-8, or windows-1252 when it is not valid UTF-8, as an
 * 8bit latin-1 message is) and the byte offset to text offset conversion.
 */
function fileText(bytes: Uint8Array): {source: string; toChar: (byte: number) => number} {
  let ascii = true
  for (const byte of bytes) {
    if (byte >= 0x80) {
      ascii = false
      break
    }
  }
  try {
    const source = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    if (ascii) return {source, toChar: (byte) => byte}
    // The UTF-16 index of each byte: lead bytes start a character (two units past U+FFFF).
    const table = new Uint32Array(bytes.length + 1)
    let units = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? -1 : 0
    for (let index = 0; index < bytes.length; index++) {
      const byte = bytes[index]
      if ((byte & 0xc0) !== 0x80) {
        table[index] = Math.max(0, units)
        units += byte >= 0xf0 ? 2 : 1
      } else {
        table[index] = table[index - 1]
      }
    }
    table[bytes.length] = Math.max(0, units)
    return {source, toChar: (byte) => table[Math.max(0, Math.min(byte, bytes.length))]}
  } catch {
    return {source: new TextDecoder('windows-1252').decode(bytes), toChar: (byte) => byte}
  }
}

const ENCODED_WORD = /=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=/g

/**
 * The Subject value with the byte each character came from: folding line
 * breaks dropped, an RFC 2047 encoded word's characters mapped to its `=?`,
 * raw UTF-8 mapped byte for byte. Checked against postal-mime's reading;
 * if they differ, every character maps to the start of the value.
 */
function subjectText(binary: string, field: HeaderField, expected: string): {text: string; offsets: number[]} {
  const chars: string[] = []
  const bytes: number[] = []
  for (let index = field.valueStart; index < field.end; index++) {
    const char = binary[index]
    if (char === '\r' || char === '\n') continue
    chars.push(char)
    bytes.push(index)
  }
  const raw = chars.join('')
  const text: string[] = []
  const offsets: number[] = []
  const plain = (from: number, to: number) => {
    const decoded = decodeCharset({bytes: Uint8Array.from(raw.slice(from, to), (char) => char.charCodeAt(0)), offsets: Int32Array.from(bytes.slice(from, to)), exact: true}, 'utf-8')
    text.push(decoded.text)
    for (const offset of decoded.offsets) offsets.push(offset) // not push(...offsets): a long Subject overflows the stack
  }
  let last = 0
  let previousWord = false
  for (const match of raw.matchAll(ENCODED_WORD)) {
    const gap = raw.slice(last, match.index)
    if (!(previousWord && /^[ \t]*$/.test(gap))) plain(last, match.index)
    const decoded = decodeWords(match[0])
    text.push(decoded)
    for (let unit = 0; unit < decoded.length; unit++) offsets.push(bytes[match.index])
    last = match.index + match[0].length
    previousWord = true
  }
  plain(last, raw.length)
  let joined = text.join('')
  let start = 0
  while (start < joined.length && /\s/.test(joined[start])) start++
  let end = joined.length
  while (end > start && /\s/.test(joined[end - 1])) end--
  joined = joined.slice(start, end)
  if (joined === expected) return {text: joined, offsets: offsets.slice(start, end)}
  return {text: expected, offsets: Array.from(expected, () => bytes[0] ?? field.valueStart)}
}

/**
 * Why a text part's bytes are not text (NUL bytes, or invalid UTF-8 in a
 * base64 part that says UTF-8 or says no charset), or undefined when they are text.
 * A base64 part named text/plain can hold anything: an image, a PDF.
 */
function notText(binary: string, part: MimePart): string | undefined {
  const {bytes} = decodeTransfer(binary, part)
  const encoded = part.encoding === 'base64' ? `${part.encoding} ` : ''
  const zero = bytes.indexOf(0)
  if (zero !== -1) return `its ${part.type} part is not text (${encoded}data with NUL bytes, the first at byte ${zero} of the part)`
  const charset = (part.params.charset ?? 'utf-8').trim().toLowerCase()
  // Only base64 is checked for UTF-8: a mislabelled 8bit Latin-1 body is read as before.
  if (part.encoding === 'base64' && (charset === 'utf-8' || charset === 'utf8' || charset === 'us-ascii')) {
    const at = firstInvalidUtf8(bytes)
    if (at !== -1) return `its ${part.type} part is not text (${encoded}data with invalid UTF-8 at byte ${at} of the part)`
  }
  return undefined
}

/**
 * The body text and, per character, its byte in the file; a string saying
 * why when the only body is a part that is not text (binary data).
 */
function bodyText(binary: string, root: MimePart, email: Email): {text: string; offsets: number[]} | string | undefined {
  const parts = leaves(root).filter((part) => part.disposition !== 'attachment')
  const plain = parts.find((part) => part.type === 'text/plain')
  const html = parts.find((part) => part.type === 'text/html')
  // A text part holding binary data is skipped: the other body is read, else the e-mail is refused in one line.
  const plainFault = plain ? notText(binary, plain) : undefined
  const htmlFault = html ? notText(binary, html) : undefined
  if (email.text !== undefined && email.text.trim() !== '' && !plainFault && !email.text.includes('\u0000')) {
    const decoded = plain ? decodePart(binary, plain) : undefined
    if (decoded && decoded.text === email.text) return trimEnd(decoded)
    return trimEnd({text: email.text, offsets: Array.from(email.text, () => (plain ?? root).bodyStart)})
  }
  if (email.html !== undefined && email.html.trim() !== '' && !htmlFault && !email.html.includes('\u0000')) {
    const decoded = html ? decodePart(binary, html) : undefined
    const exact = decoded !== undefined && decoded.text === email.html
    const extracted = extractHtml(email.html)
    const at = (html ?? root).bodyStart
    return {text: extracted.text, offsets: extracted.offsets.map((offset) => (exact ? decoded.offsets[offset] ?? at : at))}
  }
  const fault = plainFault ?? htmlFault ?? (email.text?.includes('\u0000') || email.html?.includes('\u0000') ? 'its body is not text (it holds NUL characters)' : undefined)
  return fault ? `${fault}: skipped, no other text body to lint` : undefined
}

function decodePart(binary: string, part: MimePart): {text: string; offsets: number[]} {
  const decoded = decodeCharset(decodeTransfer(binary, part), part.params.charset)
  if (part.type === 'text/plain' && /^flowed$/i.test(part.params.format ?? '')) {
    return unflow(decoded.text, decoded.offsets, /^yes$/i.test(part.params.delsp ?? ''))
  }
  return decoded
}

function trimEnd(body: {text: string; offsets: number[]}): {text: string; offsets: number[]} {
  let end = body.text.length
  while (end > 0 && /\s/.test(body.text[end - 1])) end--
  return {text: body.text.slice(0, end), offsets: body.offsets.slice(0, end)}
}

/** The first To address's display name, "Last, First" turned to "First Last". */
function displayName(addresses: Address[] | undefined): string | undefined {
  const first = addresses?.[0]
  const mailbox = first?.group ? first.group[0] : first
  const name = mailbox?.name?.trim().replace(/^["']|["']$/g, '').trim()
  if (!name || name.includes('@')) return undefined
  const swapped = /^([^,]+),([^,]+)$/.exec(name)
  return swapped ? `${swapped[2].trim()} ${swapped[1].trim()}` : name
}
