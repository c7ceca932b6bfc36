import {describe, expect, it} from 'vitest'
import {decodeText, InputError} from '../../src/readers/decode.js'

const bytes = (...values: number[]) => Uint8Array.from(values)

describe('decodeText', () => {
  it('decodes UTF-8 and drops the BOM', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFBonjour Zoë'), 'a.txt')).toBe('Bonjour Zoë')
  })
  it('keeps CRLF', () => {
    expect(decodeText(new TextEncoder().encode('a\r\nb'), 'a.txt')).toBe('a\r\nb')
  })
  const errors: Array<[string, Uint8Array, string]> = [
    ['NUL bytes', bytes(0x68, 0x00, 0x69), 'a.txt: binary file (contains NUL bytes, the first at byte 1), not a text draft'],
    ['Latin-1', bytes(0x63, 0x61, 0x66, 0xe9), 'a.txt: invalid UTF-8 at byte 3; save the draft as UTF-8'],
    ['a truncated sequence', bytes(0x61, 0xe2, 0x82), 'a.txt: invalid UTF-8 at byte 1; save the draft as UTF-8'],
    ['nothing', bytes(), 'a.txt: empty file, nothing to lint'],
    ['only a BOM and spaces', bytes(0xef, 0xbb, 0xbf, 0x20, 0x0a), 'a.txt: empty file, nothing to lint']
  ]
  for (const [name, input, message] of errors) {
    it(`refuses ${name}`, () => {
      expect(() => decodeText(input, 'a.txt')).toThrow(InputError)
      expect(() => decodeText(input, 'a.txt')).toThrow(message)
    })
  }
  it('refuses a file over the limit, with its size', () => {
    expect(() => decodeText(new Uint8Array(3 * 1024 * 1024).fill(0x61), 'big.txt', 2 * 1024 * 1024)).toThrow('big.txt: file too large (3.0 MB, limit 2.0 MB)')
  })
})
