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

  describe('a base64 e-mail part that holds binary data is not linted as text', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8])
    const base64 = (bytes: Buffer) => bytes.toString('base64').replace(/.{1,76}/g, '$&\r\n')
    const eml = (parts: string[]) =>
      Buffer.from(['From: a@example.com', 'To: Sam <sam@example.com>', 'Subject: hi', 'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="b"', '', ...parts.flatMap((part) => ['--b', part]), '--b--', ''].join('\r\n'))
    const part = (type: string, body: string) => `Content-Type: ${type}\r\nContent-Transfer-Encoding: base64\r\n\r\n${body}`

    it('NUL bytes in the only text part: one line, the e-mail skipped', async () => {
      await expect(draftsFromEml(eml([part('text/plain; charset=utf-8', base64(png))]), 'image.eml')).rejects.toThrow(
        'image.eml: its text/plain part is not text (base64 data with NUL bytes, the first at byte 8 of the part): skipped, no other text body to lint'
      )
    })

    it('invalid UTF-8 in a part that says UTF-8', async () => {
      const latin = Buffer.from('Merci Zo\xeb, \xe0 bient\xf4t', 'latin1')
      await expect(draftsFromEml(eml([part('text/plain; charset=utf-8', base64(latin))]), 'latin.eml')).rejects.toThrow('its text/plain part is not text (base64 data with invalid UTF-8 at byte 8 of the part)')
      // The same bytes said to be Latin-1 are text.
      const [draft] = await draftsFromEml(eml([part('text/plain; charset=iso-8859-1', base64(latin))]), 'latin.eml')
      expect(draft.text).toBe('Subject: hi\n\nMerci Zoë, à bientôt')
    })

    it('a binary text/plain part beside a text/html one: the HTML is read', async () => {
      const html = base64(Buffer.from('<p>Hi Sam, thanks for the notes.</p>'))
      const [draft] = await draftsFromEml(eml([part('text/plain', base64(png)), part('text/html; charset=utf-8', html)]), 'both.eml')
      expect(draft.text).toBe('Subject: hi\n\nHi Sam, thanks for the notes.')
      expect(draft.text).not.toContain('\u0000')
    })
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
