import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintDraft} from '../../src/engine.js'
import {InputError} from '../../src/readers/decode.js'
import {draftsFromEml} from '../../src/readers/eml.js'
import {lineIndex} from '../../src/text/lines.js'
import type {Draft} from '../../src/types.js'
import {root} from '../helpers.js'

const fixture = join(root, 'test', 'fixtures-inputs', 'prospect-fr.eml')

async function one(eml: string | Buffer): Promise<Draft> {
  const drafts = await draftsFromEml(typeof eml === 'string' ? Buffer.from(eml) : eml, 'test.eml')
  expect(drafts).toHaveLength(1)
  return drafts[0]
}

/** Where `needle` (found in the draft's text) lands in the file: its line and column. */
function placeOf(draft: Draft, needle: string) {
  const at = draft.text.indexOf(needle)
  expect(at, `"${needle}" in the draft`).toBeGreaterThanOrEqual(0)
  return lineIndex(draft.source!).toPoint(draft.map!(at))
}

/** Every unit of the text comes from the same character in the file, or from an escape starting with `escape`. */
function expectFaithful(draft: Draft, escape: string) {
  for (let index = 0; index < draft.text.length; index++) {
    const char = draft.text[index]
    const from = draft.source![draft.map!(index)]
    if (char === '\n') expect(['\r', '\n', ':', ' ', '=']).toContain(from)
    else if (from !== char) expect(from, `unit ${index} ${JSON.stringify(char)}`).toBe(escape)
  }
}

const crlf = (lines: string[]) => lines.join('\r\n')

describe('e-mail reader', () => {
  it('reads a quoted-printable French e-mail: subject, body, reader name', async () => {
    const draft = await one(readFileSync(fixture))
    expect(draft.text).toBe(
      'Subject: Une idée pour {{company}}\n\nBonjour Marie,\n\n' +
        "J'ai lu votre article sur l'intégration des nouveaux commerciaux, et la partie sur le mentorat m'a parlé : c'est ce que vit [Entreprise] depuis janvier.\n\n" +
        'Merci pour ce partage, {{prénom}} !\nPaul'
    )
    expect(draft.meta).toEqual({readerName: 'Marie Dupont'})
    expect(draft.source).toBe(readFileSync(fixture, 'utf8'))
    expectFaithful(draft, '=')
  })

  it('maps positions through soft line breaks and =XX escapes to the line and column of the .eml', async () => {
    const draft = await one(readFileSync(fixture))
    // Decoded on one line; in the file after two soft line breaks, at the start of line 13.
    expect(placeOf(draft, '[Entreprise]')).toEqual({line: 13, column: 1})
    expect(placeOf(draft, 'parlé')).toEqual({line: 12, column: 31})
    expect(placeOf(draft, 'intégration')).toEqual({line: 11, column: 29})
    // After an =C3=A9 escape on the same line: the column counts the escape as written.
    expect(placeOf(draft, '{{prénom}}')).toEqual({line: 15, column: 24})
    expect(placeOf(draft, '{{company}}')).toEqual({line: 3, column: 41})
  })

  it('reports findings at the right place of the .eml file', async () => {
    const report = lintDraft(await one(readFileSync(fixture)), {lang: 'fr'})
    const fields = report.findings.filter((finding) => finding.rule === 'unfilled-merge-field')
    expect(fields.map((finding) => [finding.excerpt, finding.line, finding.column, finding.endLine, finding.endColumn])).toEqual([
      ['{{company}}', 3, 41, 3, 52],
      ['[Entreprise]', 13, 1, 13, 13],
      ['{{prénom}}', 15, 24, 15, 39]
    ])
  })

  it('maps a base64 body to the first line of the body part', async () => {
    const body = Buffer.from('Hello Anna,\nthanks for the call. Here is {{link}}.\n').toString('base64')
    const eml = crlf(['To: Anna Berg <anna@example.com>', 'Subject: Notes', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', body.slice(0, 40), body.slice(40), ''])
    const draft = await one(eml)
    expect(draft.text).toBe('Subject: Notes\n\nHello Anna,\nthanks for the call. Here is {{link}}.')
    expect(draft.meta).toEqual({readerName: 'Anna Berg'})
    expect(placeOf(draft, '{{link}}')).toEqual({line: 6, column: 1})
    expect(placeOf(draft, 'Notes')).toEqual({line: 2, column: 10})
  })

  it('prefers text/plain in multipart/alternative, and reads a charset other than UTF-8', async () => {
    const eml = crlf([
      'To: marie@example.fr',
      'Subject: Bonjour',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      'preamble',
      '--b1',
      'Content-Type: text/plain; charset=iso-8859-1',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Merci pour la d=E9mo, [Pr=E9nom].',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>HTML version</p>',
      '--b1--',
      ''
    ])
    const draft = await one(eml)
    expect(draft.text).toBe('Subject: Bonjour\n\nMerci pour la démo, [Prénom].')
    expect(draft.meta).toEqual({})
    expect(placeOf(draft, '[Prénom]')).toEqual({line: 11, column: 23})
    expectFaithful(draft, '=')
  })

  it('reads the prose of a text/html body when there is no plain text', async () => {
    const eml = crlf([
      'To: "Jean Roux" <jean@example.fr>',
      'Subject: Suite',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<html><head><style>p {color: red}</style></head><body>',
      '<p>Bonjour Jean,</p><p>Merci pour votre temps, <b>[Pr=C3=A9nom]</b>&nbsp;!</p>',
      '</body></html>',
      ''
    ])
    const draft = await one(eml)
    expect(draft.text).toBe('Subject: Suite\n\nBonjour Jean,\n\nMerci pour votre temps, [Prénom]\u00a0!')
    expect(draft.meta).toEqual({readerName: 'Jean Roux'})
    expect(placeOf(draft, '[Prénom]')).toEqual({line: 7, column: 51})
    expect(placeOf(draft, 'Bonjour')).toEqual({line: 7, column: 4})
  })

  it('unwraps format=flowed text, keeping positions', async () => {
    const eml = crlf(['To: a@example.com', 'Subject: Hi', 'Content-Type: text/plain; charset=utf-8; format=flowed', '', 'Hi Ana, thanks for ', 'the demo of {{product}}.', '-- ', 'Sam', ''])
    const draft = await one(eml)
    expect(draft.text).toBe('Subject: Hi\n\nHi Ana, thanks for the demo of {{product}}.\n-- \nSam')
    expect(placeOf(draft, '{{product}}')).toEqual({line: 6, column: 13})
  })

  it('reads 8bit UTF-8 headers and bodies, counting columns in characters', async () => {
    const eml = ['To: Zoé <zoe@example.fr>', 'Subject: Café pour [Entreprise]', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', 'Chère Zoé, voilà {{lien}}.', ''].join('\n')
    const draft = await one(eml)
    expect(draft.text).toBe('Subject: Café pour [Entreprise]\n\nChère Zoé, voilà {{lien}}.')
    expect(draft.meta).toEqual({readerName: 'Zoé'})
    expect(placeOf(draft, '[Entreprise]')).toEqual({line: 2, column: 20})
    expect(placeOf(draft, '{{lien}}')).toEqual({line: 6, column: 18})
    expectFaithful(draft, '=')
  })

  it('refuses what is not an e-mail, or has nothing to lint', async () => {
    await expect(draftsFromEml(Buffer.from('\r\njust text, no headers'), 'x.eml')).rejects.toThrow(/not an e-mail/)
    await expect(draftsFromEml(Buffer.from('To: a@b.c\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n'), 'x.eml')).rejects.toThrow(
      /no text\/plain or text\/html body/
    )
    await expect(draftsFromEml(Buffer.from([0x54, 0x6f, 0x3a, 0x00, 0x01]), 'x.eml')).rejects.toBeInstanceOf(InputError)
  })
})
