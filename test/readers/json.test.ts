import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintDraft} from '../../src/engine.js'
import {decodeText, InputError} from '../../src/readers/decode.js'
import {draftsFromText} from '../../src/readers/index.js'
import {jsonDrafts, jsonlDrafts, readLines} from '../../src/readers/json.js'
import {lineIndex} from '../../src/text/lines.js'
import type {Draft} from '../../src/types.js'
import {tempFiles} from '../helpers.js'

function reason(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as InputError).reason
  }
  throw new Error('expected an InputError')
}

/** Each unit comes from the same character of the file, or from an escape (its backslash). */
function expectFaithful(drafts: Draft[], file: string) {
  for (const draft of drafts) {
    for (let index = 0; index < draft.text.length; index++) {
      const from = file[draft.origin!.offset + draft.map!(index)]
      expect(draft.source![draft.map!(index)]).toBe(from)
      if (from !== draft.text[index]) expect(from, `${draft.name} unit ${index}`).toBe('\\')
    }
  }
}

function placeOf(draft: Draft, file: string, needle: string) {
  const at = draft.text.indexOf(needle)
  expect(at).toBeGreaterThanOrEqual(0)
  return lineIndex(file).toPoint(draft.origin!.offset + draft.map!(at))
}

async function collect(generator: AsyncGenerator<Draft>): Promise<Draft[]> {
  const drafts: Draft[] = []
  for await (const draft of generator) drafts.push(draft)
  return drafts
}

describe('JSON reader', () => {
  const file = [
    '[',
    '  "Hi Ana,\\nthanks for the \\"demo\\" of {{product}}.",',
    '  {"first_name": "Léa", "company": "Acme", "Body": "Bonjour L\\u00e9a, merci \\ud83d\\ude4f [Entreprise]", "tags": ["a", {"b": null}]},',
    '  {"message": "  "},',
    '  {',
    '    "name": "Bo",',
    '    "text": "Hello\\tBo \\/ [Company]"',
    '  }',
    ']'
  ].join('\n')

  it('reads strings and objects with a body field, named file#item', () => {
    const drafts = jsonDrafts(file, 'c.json')
    expect(drafts.map((draft) => [draft.name, draft.text, draft.meta])).toEqual([
      ['c.json#1', 'Hi Ana,\nthanks for the "demo" of {{product}}.', {}],
      ['c.json#2', 'Bonjour Léa, merci 🙏 [Entreprise]', {readerName: 'Léa', company: 'Acme'}],
      ['c.json#4', 'Hello\tBo / [Company]', {readerName: 'Bo'}]
    ])
    expectFaithful(drafts, file)
  })

  it('maps escapes back to the file, exactly', () => {
    const [first, second, fourth] = jsonDrafts(file, 'c.json')
    expect(placeOf(first, file, '{{product}}')).toEqual({line: 2, column: 40})
    expect(placeOf(second, file, '[Entreprise]')).toEqual({line: 3, column: 90})
    expect(placeOf(fourth, file, '[Company]')).toEqual({line: 7, column: 27})
    expect(fourth.origin).toEqual({offset: file.indexOf('    "text"'), line: 7})
    const report = lintDraft(second, {lang: 'fr'})
    expect(report.findings.find((finding) => finding.rule === 'unfilled-merge-field')).toMatchObject({excerpt: '[Entreprise]', line: 3, column: 90, endColumn: 102})
  })

  it('takes --column as the body field', () => {
    expect(jsonDrafts('[{"copy": "Hi", "body": "no"}]', 'c.json', {column: 'copy'}).map((draft) => draft.text)).toEqual(['Hi'])
  })

  it('refuses what is not a campaign, with the reason and the place', () => {
    expect(reason(() => jsonDrafts('{"name": "cluelint", "version": "1.0.0"}', 'package.json'))).toBe('not a campaign file: expected an array of drafts')
    expect(reason(() => jsonDrafts('"just a string"', 'x.json'))).toBe('not a campaign file: expected an array of drafts')
    expect(reason(() => jsonDrafts('[\n  "a",\n  "b"\n  "c"\n]', 'x.json'))).toBe("JSON syntax error at line 4, column 3: expected ']' or ',' after an item, found '\"'")
    expect(reason(() => jsonDrafts('["a", ]', 'x.json'))).toBe('JSON syntax error at line 1, column 7: expected a value, found \']\'')
    expect(reason(() => jsonDrafts('["a\\x"]', 'x.json'))).toBe("JSON syntax error at line 1, column 4: invalid escape '\\x' in a string")
    expect(reason(() => jsonDrafts('["line\nbreak"]', 'x.json'))).toMatch(/^JSON syntax error at line 1, column 7: a line break/)
    expect(reason(() => jsonDrafts('["a"', 'x.json'))).toBe("JSON syntax error at line 1, column 5: expected ']' or ',' after an item, found the end of the file")
    expect(reason(() => jsonDrafts('["a"] x', 'x.json'))).toBe("JSON syntax error at line 1, column 7: unexpected 'x' after the array")
    expect(reason(() => jsonDrafts('["a", /* note */ "b"]', 'x.json'))).toBe('JSON syntax error at line 1, column 7: comments are not allowed in JSON')
    expect(reason(() => jsonDrafts('["a\\u12"]', 'x.json'))).toBe('JSON syntax error at line 1, column 4: invalid \\u escape (expected 4 hexadecimal digits)')
    expect(reason(() => jsonDrafts('["a\tb"]', 'x.json'))).toMatch(/^JSON syntax error at line 1, column 4: a control character/)
    // The parser recurses once per level: deep nesting is refused before the stack runs out.
    expect(reason(() => jsonDrafts('['.repeat(100_000), 'x.json'))).toBe('JSON syntax error at line 1, column 257: values nested too deep')
    expect(reason(() => jsonDrafts('["a", 42]', 'x.json'))).toBe('item 2 is a number: expected a string or an object with a body field')
    expect(reason(() => jsonDrafts('[{"subject": "Hi", "to": "a@b.c"}]', 'x.json'))).toBe(
      'item 1: no body field: expected one of body, message, text, content, corps, texte (or give one with --column); fields found: "subject", "to"'
    )
    expect(reason(() => jsonDrafts('[{"body": 3}]', 'x.json'))).toBe('item 1: the field "body" is not a string')
  })

  it('is what draftsFromText does with a .json file', () => {
    expect(draftsFromText('["Hi"]', 'a.json').map((draft) => draft.name)).toEqual(['a.json#1'])
  })
})

describe('JSON Lines reader', () => {
  it('streams one item per line, positions into the file', async () => {
    const content = '{"name": "Ana", "body": "Hi Ana, \\"quick\\" one: [Company]"}\r\n\r\n"Bonjour {{pr\\u00e9nom}}"\n'
    const directory = tempFiles({'c.jsonl': content})
    const path = join(directory, 'c.jsonl')
    const drafts = await collect(jsonlDrafts(path))
    expect(drafts.map((draft) => [draft.name, draft.text, draft.meta, draft.origin])).toEqual([
      [`${path}#1`, 'Hi Ana, "quick" one: [Company]', {readerName: 'Ana'}, {offset: 0, line: 1}],
      [`${path}#2`, 'Bonjour {{prénom}}', {}, {offset: content.indexOf('"Bonjour'), line: 3}]
    ])
    expectFaithful(drafts, content)
    expect(placeOf(drafts[0], content, '[Company]')).toEqual({line: 1, column: 49})
    expect(placeOf(drafts[1], content, '{{prénom}}')).toEqual({line: 3, column: 10})
  })

  it('says which line is wrong', async () => {
    const directory = tempFiles({'bad.jsonl': '"ok"\n{"body": "x",}\n', 'num.jsonl': '"ok"\n12\n'})
    await expect(collect(jsonlDrafts(join(directory, 'bad.jsonl')))).rejects.toThrow('JSON syntax error at line 2, column 14: expected a field name in quotes, found \'}\'; the other lines were linted')
    await expect(collect(jsonlDrafts(join(directory, 'num.jsonl')))).rejects.toThrow('line 2 is a number: expected a string or an object with a body field; the other lines were linted')
  })

  /** The drafts read from a JSON Lines file, and the one error thrown once they are all read. */
  async function readAll(path: string, options = {}): Promise<{texts: string[]; names: string[]; lines: number[]; reason: string}> {
    const drafts: Draft[] = []
    let reason = ''
    try {
      for await (const draft of jsonlDrafts(path, options)) drafts.push(draft)
    } catch (error) {
      expect(error).toBeInstanceOf(InputError)
      reason = (error as InputError).reason
    }
    return {texts: drafts.map((draft) => draft.text), names: drafts.map((draft) => draft.name!.slice(path.length)), lines: drafts.map((draft) => draft.origin!.line), reason}
  }

  it('a broken line does not drop the rest of the file: the others are read, the first broken one is said once, with how many', async () => {
    const directory = tempFiles({'c.jsonl': '"Hi Ana"\n{"body": "x",}\n"Hi Bo"\n12\n\n{"body": "Hi Cy"}\n[\n'})
    const read = await readAll(join(directory, 'c.jsonl'))
    expect(read.texts).toEqual(['Hi Ana', 'Hi Bo', 'Hi Cy'])
    // Item numbers still count the broken lines: #3 is the third item of the file.
    expect(read.names).toEqual(['#1', '#3', '#5'])
    expect(read.lines).toEqual([1, 3, 6])
    expect(read.reason).toBe("JSON syntax error at line 2, column 14: expected a field name in quotes, found '}'; 2 more lines skipped (4, 7); the other lines were linted")
  })

  it('many broken lines: one line that lists the first few', async () => {
    const directory = tempFiles({'c.jsonl': '"Hi Ana"\n' + '{\n'.repeat(1000) + '"Hi Bo"\n'})
    const read = await readAll(join(directory, 'c.jsonl'))
    expect(read.texts).toEqual(['Hi Ana', 'Hi Bo'])
    expect(read.reason).toMatch(/^JSON syntax error at line 2, column 2: .*; 999 more lines skipped \(3, 4, 5, 6, 7, …\); the other lines were linted$/)
  })

  it('a line larger than a draft may be (the same 16 MB as a .json file) is skipped, not kept: the others are read', async () => {
    const huge = '"' + 'Hi Sam, thanks. '.repeat(1_075_000) + '"'
    expect(huge.length).toBeGreaterThan(16 * 1024 * 1024)
    const directory = tempFiles({'c.jsonl': `"Hi Ana"\n${huge}\n"Hi Bo"\n`})
    const read = await readAll(join(directory, 'c.jsonl'))
    expect(read.texts).toEqual(['Hi Ana', 'Hi Bo'])
    expect(read.reason).toBe(`line 2 is larger than a draft may be (${(huge.length / 1024 / 1024).toFixed(1)} MB, limit 16.0 MB); the other lines were linted`)
    // The same text as a .json file is refused as well: one limit.
    expect(reason(() => decodeText(Buffer.from(`[${huge}]`), 'c.json'))).toMatch(/^file too large \(16\.4 MB, limit 16\.0 MB\)$/)
    // Counted in bytes while reading: a line over a small limit is dropped the same way.
    const small = await readAll(join(directory, 'c.jsonl'), {maxLineBytes: 8})
    expect(small.texts).toEqual(['Hi Ana', 'Hi Bo'])
  }, 30_000)

  it('a line of invalid UTF-8 is skipped; the next lines keep their places', async () => {
    const content = Buffer.concat([Buffer.from('"Hi Ana"\n"caf'), Buffer.from([0xe9]), Buffer.from('"\n"Bonjour {{prénom}}"\n')])
    const directory = tempFiles({'c.jsonl': content})
    const path = join(directory, 'c.jsonl')
    const drafts: Draft[] = []
    await expect(
      (async () => {
        for await (const draft of jsonlDrafts(path)) drafts.push(draft)
      })()
    ).rejects.toThrow('invalid UTF-8 on line 2; save the file as UTF-8; the other lines were linted')
    expect(drafts.map((draft) => draft.text)).toEqual(['Hi Ana', 'Bonjour {{prénom}}'])
    // Offsets in the file as a replacing decoder reads it (one unit for the bad byte).
    const text = new TextDecoder().decode(content)
    expect(text.slice(drafts[1].origin!.offset, drafts[1].origin!.offset + 9)).toBe('"Bonjour ')
  })

  it('a NUL byte anywhere, past the first chunks too: binary, with the rows before it read', async () => {
    const directory = tempFiles({'c.jsonl': '"Hi Ana"\n'.repeat(20_000) + '"\u0000"\n'})
    const drafts: Draft[] = []
    await expect(
      (async () => {
        for await (const draft of jsonlDrafts(join(directory, 'c.jsonl'))) drafts.push(draft)
      })()
    ).rejects.toThrow('binary file (contains NUL bytes, the first at byte 180001, line 20001), not a JSON Lines file')
    expect(drafts.length).toBeGreaterThan(0)
  })

  it('cuts lines across chunks, counting offsets in characters', async () => {
    const directory = tempFiles({'l.txt': '\ufeffé\r\nà b\n\nlast'})
    const lines = []
    for await (const line of readLines(join(directory, 'l.txt'))) lines.push(line)
    expect(lines).toEqual([
      {text: 'é', offset: 0, line: 1},
      {text: 'à b', offset: 3, line: 2},
      {text: '', offset: 7, line: 3},
      {text: 'last', offset: 8, line: 4}
    ])
  })
})
