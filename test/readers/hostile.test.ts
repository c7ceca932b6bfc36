import {describe, expect, it} from 'vitest'
import {decodeText, InputError} from '../../src/readers/decode.js'
import {draftsFromEml} from '../../src/readers/eml.js'
import {prettyReporter, visible} from '../../src/reporters/pretty.js'
import {lintText} from '../../src/engine.js'

const reason = (fn: () => unknown): string => {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as InputError).reason
  }
  throw new Error('no error')
}

describe('bytes that are not a UTF-8 draft', () => {
  it('a NUL byte anywhere in the file, not only in its first 8 KB', () => {
    const bytes = new TextEncoder().encode('Hi Sam, thanks. '.repeat(1000) + '\u0000' + 'more')
    expect(bytes.indexOf(0)).toBeGreaterThan(8192)
    expect(reason(() => decodeText(bytes, 'late.txt'))).toBe(`binary file (contains NUL bytes, the first at byte ${bytes.indexOf(0)}), not a text draft`)
  })

  it('an e-mail with a NUL byte past its first 8 KB', async () => {
    const eml = new TextEncoder().encode('From: a@example.com\nTo: b@example.com\nSubject: hi\n\n' + 'Thanks. '.repeat(2000) + '\u0000\n')
    await expect(draftsFromEml(eml, 'late.eml')).rejects.toThrow('binary file (contains NUL bytes), not an e-mail')
  })

  it('UTF-16 with a byte order mark is decoded, little- and big-endian', () => {
    const text = 'Bonjour Zoë,\r\nmerci pour votre retour.'
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()])
    expect(decodeText(le, 'notepad.txt')).toBe(text)
    expect(decodeText(be, 'mac.txt')).toBe(text)
    expect(reason(() => decodeText(new Uint8Array([0xff, 0xfe, 0x41]), 'odd.txt'))).toBe('invalid UTF-16LE (it starts with a UTF-16 byte order mark); save the draft as UTF-8')
  })
})

describe('the pretty report shows control characters, it does not pass them to the terminal', () => {
  it('escapes, OSC set-title and clear screen, as \\x1b', () => {
    expect(visible('a\u001b]0;pwned\u0007b\u001b[2Jc\u009bd\te')).toBe('a\\x1b]0;pwned\\x07b\\x1b[2Jc\\x9bd\te')
    const source = 'Hi {{first_name}} \u001b]0;owned\u0007 \u001b[2J thanks.'
    const report = lintText(source, {lang: 'en'})
    for (const color of [0, 1] as const) {
      const out = prettyReporter({color, weights: new Map()}).draft!({...report, name: 'a\u001b[2J.txt'}, source)
      expect(out).not.toContain('\u001b]')
      expect(out).not.toContain('\u001b[2J')
      expect(out).not.toContain('\u0007')
      expect(out).toContain('\\x1b]0;owned\\x07')
      expect(out).toContain('a\\x1b[2J.txt')
    }
  })
})
