import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintDraft} from '../../src/engine.js'
import {cellText, csvDrafts, guessDelimiter, type CsvOptions} from '../../src/readers/csv.js'
import {InputError} from '../../src/readers/decode.js'
import {lineIndex} from '../../src/text/lines.js'
import type {Draft} from '../../src/types.js'
import {root, tempFiles} from '../helpers.js'

async function read(content: string | Buffer, options: CsvOptions = {}): Promise<{drafts: Draft[]; file: string; text: string}> {
  const directory = tempFiles({'campaign.csv': content})
  const file = join(directory, 'campaign.csv')
  const drafts: Draft[] = []
  for await (const draft of csvDrafts(file, options)) drafts.push(draft)
  return {drafts, file, text: readFileSync(file, 'utf8').replace(/^\ufeff/, '')}
}

async function failure(content: string, options: CsvOptions = {}): Promise<string> {
  try {
    await read(content, options)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as InputError).reason
  }
  throw new Error('expected an InputError')
}

/** Every unit of every draft maps to the same character of the file (a doubled quote to its first `"`). */
function expectFaithful(drafts: Draft[], text: string) {
  for (const draft of drafts) {
    for (let index = 0; index < draft.text.length; index++) {
      const offset = draft.origin!.offset + draft.map!(index)
      expect(text[offset], `${draft.name} unit ${index}`).toBe(draft.text[index])
      expect(draft.source![draft.map!(index)]).toBe(draft.text[index])
    }
  }
}

/** Line and column in the file of `needle` in the draft. */
function placeOf(draft: Draft, text: string, needle: string) {
  const at = draft.text.indexOf(needle)
  expect(at).toBeGreaterThanOrEqual(0)
  return lineIndex(text).toPoint(draft.origin!.offset + draft.map!(at))
}

describe('CSV reader', () => {
  it('reads one draft per row, with reader name and company, named file#row', async () => {
    const {drafts, file, text} = await read(readFileSync(join(root, 'test', 'fixtures-inputs', 'campaign-fr.csv')))
    expect(drafts.map((draft) => [draft.name, draft.text, draft.meta])).toEqual([
      [`${file}#1`, 'Bonjour Marie,\nmerci pour votre "retour" sur [Entreprise].\nPaul', {readerName: 'Marie', company: 'Acme'}],
      [`${file}#2`, 'Bonjour {{first_name}}, merci pour votre temps.', {readerName: 'Jean', company: 'Globex'}]
    ])
    expectFaithful(drafts, text)
    expect(placeOf(drafts[0], text, '[Entreprise]')).toEqual({line: 3, column: 33})
    expect(placeOf(drafts[1], text, '{{first_name}}')).toEqual({line: 6, column: 21})
  })

  it('reports findings at the line and column of the CSV file, quotes and doubled quotes counted', async () => {
    const {drafts} = await read('name,body\nAna,"Hi Ana,\n""Quick"" one: [Company]\nSam"\nBo,"Hi {{first_name}}"\n')
    const places = drafts.map((draft) =>
      lintDraft(draft, {lang: 'en'})
        .findings.filter((finding) => finding.rule === 'unfilled-merge-field')
        .map((finding) => [finding.excerpt, finding.line, finding.column, finding.endLine, finding.endColumn, finding.offset])
    )
    expect(places).toEqual([[['[Company]', 3, 16, 3, 25, 38]], [['{{first_name}}', 5, 8, 5, 22, 60]]])
  })

  it('cuts rows the same whatever the chunks the file is read in', async () => {
    const content = '\ufeffprénom;société;texte\r\nZoé;Café Crème;"Merci Zoé,\r\nà ""bientôt"" ; [Entreprise]"\r\n\r\nLéo;Ô;Bonjour [Prénom]\r\n'
    const whole = await read(content)
    for (const chunkSize of [1, 2, 3, 5, 7, 16]) {
      const {drafts, text} = await read(content, {chunkSize})
      expect(drafts.map((draft) => [draft.text, draft.origin, draft.meta])).toEqual(whole.drafts.map((draft) => [draft.text, draft.origin, draft.meta]))
      expectFaithful(drafts, text)
    }
    expect(whole.drafts.map((draft) => draft.meta)).toEqual([
      {readerName: 'Zoé', company: 'Café Crème'},
      {readerName: 'Léo', company: 'Ô'}
    ])
    expect(placeOf(whole.drafts[1], whole.text, '[Prénom]')).toEqual({line: 5, column: 15})
  })

  it('guesses comma, semicolon or tab from the header line', () => {
    const bytes = (text: string) => new TextEncoder().encode(text)
    expect(guessDelimiter(bytes('name,body\nA;B,C'))).toBe(',')
    expect(guessDelimiter(bytes('nom;entreprise;corps\n'))).toBe(';')
    expect(guessDelimiter(bytes('name\tbody\n'))).toBe('\t')
    expect(guessDelimiter(bytes('"a;b",body\n'))).toBe(',')
    expect(guessDelimiter(bytes('body\n'))).toBe(',')
  })

  it('finds the body column by name, any case, or by --column', async () => {
    expect((await read('ID,Message,First Name\n1,Hello Ana,Ana\n')).drafts.map((draft) => [draft.text, draft.meta])).toEqual([['Hello Ana', {readerName: 'Ana'}]])
    expect((await read('Corps;Nom\nBonjour Léa;Martin\n')).drafts.map((draft) => [draft.text, draft.meta])).toEqual([['Bonjour Léa', {readerName: 'Martin'}]])
    expect((await read('note,email_copy\nx,Hi Bo\n', {column: 'Email_Copy'})).drafts.map((draft) => draft.text)).toEqual(['Hi Bo'])
  })

  it('skips rows with an empty body but keeps their numbers', async () => {
    const {drafts, file} = await read('body\nfirst\n""\n   \nfourth\n')
    expect(drafts.map((draft) => draft.name)).toEqual([`${file}#1`, `${file}#4`])
  })

  it('says what is wrong, on one line, with the line number', async () => {
    expect(await failure('id,subject\n1,Hello\n')).toBe('no body column: expected one of body, message, text, content, corps, texte (or give one with --column); columns found: "id", "subject"')
    expect(await failure('id,body\n1,Hello\n', {column: 'copy'})).toBe('no column named "copy" (--column); columns found: "id", "body"')
    expect(await failure('name,body\nAna,Hi\nBo,"Hello\nthere\n')).toMatch(/^malformed CSV: the quoted cell opened on line 3 is never closed/)
    expect(await failure('name,body\nAna,Hi\nBo,Hello "you"\n')).toMatch(/^malformed CSV at line 3: a quote inside an unquoted cell/)
    expect(await failure('name,body\nAna,Hi\nBo,Hello,extra\n')).toMatch(/^malformed CSV at line 3: this row has 3 cells, the header has 2/)
    expect(await failure('name,body\nAna,"Hi" there\n')).toMatch(/^malformed CSV at line 2: text after a closing quote/)
    expect(await failure(Buffer.from([0x62, 0x6f, 0x64, 0x79, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]) as unknown as string)).toMatch(/^invalid UTF-8 on line 2/)
    expect(await failure('\n\n')).toBe('empty CSV file: no header row')
  })

  it('a NUL byte anywhere in the file, not only in its head: binary, the rows before it handed out', async () => {
    const content = 'body\n' + 'Hello Ana\n'.repeat(10_000) + 'Hi \u0000 Bo\n'
    const directory = tempFiles({'c.csv': content})
    const seen: string[] = []
    await expect(
      (async () => {
        for await (const draft of csvDrafts(join(directory, 'c.csv'))) seen.push(draft.text)
      })()
    ).rejects.toThrow(`binary file (contains NUL bytes, the first at byte ${content.indexOf('\u0000')}), not a CSV file`)
    expect(content.indexOf('\u0000')).toBeGreaterThan(64 * 1024)
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((text) => text === 'Hello Ana')).toBe(true)
  })

  it('hands out the rows read before a malformed one', async () => {
    const directory = tempFiles({'c.csv': 'body\nHello Ana\nHi "Bo"\n'})
    const seen: string[] = []
    await expect(
      (async () => {
        for await (const draft of csvDrafts(join(directory, 'c.csv'))) seen.push(draft.text)
      })()
    ).rejects.toThrow(/line 3/)
    expect(seen).toEqual(['Hello Ana'])
  })

  it('locates a cell in a row, with its quotes', () => {
    expect(cellText('a,"b ""c"" d",e', ',', 1, 'b "c" d')).toEqual({text: 'b "c" d', offsets: [3, 4, 5, 7, 8, 10, 11]})
    expect(cellText('a;;x', ';', 2, 'x')).toEqual({text: 'x', offsets: [3]})
    // A value the scanner does not find as csv-parse read it: every unit at the cell's start.
    expect(cellText('a,b', ',', 1, 'zz')).toEqual({text: 'zz', offsets: [2, 2]})
  })
})
