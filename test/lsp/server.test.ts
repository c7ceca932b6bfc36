// The language server, driven by an in-process client over streams (the protocol as an editor speaks it).
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {CodeAction, CodeLens, Hover} from 'vscode-languageserver-protocol'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {afterEach, describe, expect, it} from 'vitest'
import {processorCount} from '../../src/engine.js'
import {tempFiles} from '../helpers.js'
import {editsFor, startClient, textOf, type Client} from './client.js'

const FR = 'Bonjour Marie,\n\nNotre solution clé en main est prête!!! Merci de me rappeler.\n\nAlex\n'

let client: Client | undefined
afterEach(() => {
  client?.close()
  client = undefined
})

async function codeActions(uri: string, line: number, character: number, only?: string[]): Promise<CodeAction[]> {
  const position = {line, character}
  return client!.connection.sendRequest('textDocument/codeAction', {textDocument: {uri}, range: {start: position, end: position}, context: {diagnostics: [], ...(only ? {only} : {})}})
}

describe('cluelint lsp', () => {
  it("speaks the client's locale (initialize params), over the config's, whatever the draft's language", async () => {
    const EN = 'Hi Sam,\n\nOur turnkey platform is ready. Call me tomorrow.\n\nAlex\n'
    const root = tempFiles({'a.txt': EN, '.cluelintrc.json': JSON.stringify({locale: 'en'})})
    client = await startClient(root, {}, undefined, 'fr-FR')
    const {uri} = await client.open(join(root, 'a.txt'), EN)
    const jargon = (await client.diagnostics(uri, 1)).find((diagnostic) => diagnostic.code === 'marketing-speak')!
    expect(jargon.message).toBe('`turnkey` est du jargon commercial\u00a0: dites-le simplement, par exemple «\u00a0ready to use\u00a0»')
    const titles = (await codeActions(uri, 2, 6)).map((action) => action.title)
    expect(titles).toContain('Remplacer par «\u00a0ready to use\u00a0»')
    expect(titles).toContain('Désactiver marketing-speak pour cette ligne')
    const hover: Hover = await client.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 2, character: 6}})
    expect((hover.contents as {value: string}).value).toContain('Plutôt que\u00a0: ')
  })

  it('publishes diagnostics on open: exact ranges, rule id as code, link to the rule, severity, source', async () => {
    const root = tempFiles({'drafts/a.txt': FR})
    client = await startClient(root)
    const {uri, document} = await client.open(join(root, 'drafts/a.txt'), FR)
    const diagnostics = await client.diagnostics(uri, 1)
    const text = document.getText()
    const byRule = new Map(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic]))
    expect([...byRule.keys()].sort()).toEqual(['ask-without-thanks', 'marketing-speak', 'self-centred-opening', 'typography'])
    const jargon = byRule.get('marketing-speak')!
    expect(text.slice(document.offsetAt(jargon.range.start), document.offsetAt(jargon.range.end))).toBe('solution clé en main')
    expect(jargon).toMatchObject({severity: 2, source: 'cluelint', codeDescription: {href: expect.stringMatching(/rules\/marketing-speak\/README\.md$/)}})
    expect(byRule.get('typography')!.severity).toBe(3)
    // The score: a code lens on the first line, and a notification (sent before the lens's answer).
    const lenses: CodeLens[] = await client.connection.sendRequest('textDocument/codeLens', {textDocument: {uri}})
    expect(client.scores.at(-1)).toMatchObject({uri, version: 1, score: expect.any(Number), grade: expect.stringMatching(/^[A-F]$/)})
    expect(lenses).toHaveLength(1)
    expect(lenses[0].range.start.line).toBe(0)
    expect(lenses[0].command!.title).toBe(`cluelint: ${client.scores.at(-1)!.score}/100 ${client.scores.at(-1)!.grade} · ${diagnostics.length} findings`)
  })

  it('debounces changes: a burst of edits is linted once, at its last version; closing clears', async () => {
    const root = tempFiles({})
    client = await startClient(root)
    const {uri} = await client.open(join(root, 'b.txt'), 'Hi Sam,\n\n')
    await client.diagnostics(uri, 1)
    const before = client.published.length
    let version = 1
    const words = 'Our best-in-class platform is seamless!!! Call me ?'.split('')
    words.forEach((char, index) => {
      version = client!.change(uri, [{range: {start: {line: 2, character: index}, end: {line: 2, character: index}}, newText: char}])
    })
    const diagnostics = await client.diagnostics(uri, version)
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('marketing-speak')
    // One lint per pause, not per keystroke (counted, no clock).
    expect(client.published.length - before).toBeLessThan(words.length / 4)
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
    expect(await client.diagnostics(uri)).toEqual([])
    expect(client.server.stats()).toEqual({documents: 0, timers: 0, linted: 0})
  })

  it('hover: the message, the rationale, and an example in the draft language', async () => {
    const root = tempFiles({})
    client = await startClient(root)
    const {uri} = await client.open(join(root, 'c.txt'), FR)
    await client.diagnostics(uri, 1)
    const hover: Hover = await client.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 2, character: 10}})
    const value = (hover.contents as {value: string}).value
    expect(value).toContain('`marketing-speak`')
    expect(value).toContain('is sales jargon')
    expect(value).toContain('Jargon like "best-in-class"')
    // The labels speak the user's language (English here), the example the draft's.
    expect(value).toContain('Instead of: Notre solution clé en main va booster votre ROI.')
    const none: Hover | null = await client.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 2}})
    expect(none).toBeNull()
  })

  it('code actions: the suggestion, disable for this line (the CLI directive), and fix all', async () => {
    const root = tempFiles({})
    client = await startClient(root)
    const {uri, document} = await client.open(join(root, 'd.txt'), FR)
    await client.diagnostics(uri, 1)
    const line = FR.split('\n')[2]
    const actions = await codeActions(uri, 2, line.indexOf('Merci de') + 2)
    const titles = actions.map((action) => action.title)
    expect(titles).toContain('Ask with a question, then thank: “Pourriez-vous me rappeler ? Merci.”')
    expect(titles).toContain('Disable ask-without-thanks for this line')
    const suggestion = actions.find((action) => action.title.startsWith('Ask with a question'))!
    expect(textOf(document, editsFor(suggestion.edit, uri))).toBe(FR.replace('Merci de me rappeler.', 'Pourriez-vous me rappeler ? Merci.'))

    // Disabling writes the directive the CLI reads: the finding goes.
    const disable = actions.find((action) => action.title === 'Disable marketing-speak for this line') ?? (await codeActions(uri, 2, 8)).find((action) => action.title === 'Disable marketing-speak for this line')!
    const disabled = editsFor(disable.edit, uri)
    expect(textOf(document, disabled)).toBe(FR.replace('Notre solution', 'cluelint-disable-next-line marketing-speak\nNotre solution'))
    const version = client.change(uri, disabled)
    expect((await client.diagnostics(uri, version)).map((diagnostic) => diagnostic.code)).not.toContain('marketing-speak')

    // source.fixAll.cluelint: every safe fix, and only those.
    const [fixAll] = await codeActions(uri, 0, 0, ['source.fixAll.cluelint'])
    expect(fixAll.kind).toBe('source.fixAll.cluelint')
    const current = TextDocument.create(uri, 'plaintext', version, textOf(document, disabled))
    expect(textOf(current, editsFor(fixAll.edit, uri))).toBe(current.getText().replace('prête!!!', 'prête\u202f!'))
  })

  it('allow this phrase: written to a new .cluelintrc.yaml, then to the existing JSON config, and the finding goes', async () => {
    const root = tempFiles({'e.txt': FR})
    client = await startClient(root)
    const {uri} = await client.open(join(root, 'e.txt'), FR)
    await client.diagnostics(uri, 1)
    const allow = (await codeActions(uri, 2, 8)).find((action) => action.title.startsWith('Allow') && action.title.includes('marketing-speak'))!
    expect(allow.title).toBe('Allow “solution clé en main” for marketing-speak in .cluelintrc.yaml')
    const next = client.diagnostics(uri)
    await client.connection.sendRequest('workspace/executeCommand', allow.command)
    expect((await next).map((diagnostic) => diagnostic.code)).not.toContain('marketing-speak')
    expect(readFileSync(join(root, '.cluelintrc.yaml'), 'utf8')).toBe('rules:\n  marketing-speak:\n    - warn\n    - words:\n        fr:\n          remove:\n            - solution clé en main\n')

    // A JSON config keeps its layout and its other settings.
    const json = tempFiles({'.cluelintrc.json': '{\n    "lang": "fr",\n    "rules": {"flattery": "info"}\n}\n', 'f.txt': FR})
    client.close()
    client = await startClient(json)
    const opened = await client.open(join(json, 'f.txt'), FR)
    await client.diagnostics(opened.uri, 1)
    const allowJson = (await codeActions(opened.uri, 2, 8)).find((action) => action.title.startsWith('Allow') && action.title.includes('marketing-speak'))!
    expect(allowJson.title).toBe('Allow “solution clé en main” for marketing-speak in .cluelintrc.json')
    const after = client.diagnostics(opened.uri)
    await client.connection.sendRequest('workspace/executeCommand', allowJson.command)
    expect((await after).map((diagnostic) => diagnostic.code)).not.toContain('marketing-speak')
    const written = JSON.parse(readFileSync(join(json, '.cluelintrc.json'), 'utf8'))
    expect(written).toEqual({lang: 'fr', rules: {flattery: 'info', 'marketing-speak': ['warn', {words: {fr: {remove: ['solution clé en main']}}}]}})
    expect(readFileSync(join(json, '.cluelintrc.json'), 'utf8')).toMatch(/^\{\n {4}"lang": "fr",\n/)
  })

  it('reloads a changed config, keeps its severities, and obeys the ignore file', async () => {
    const root = tempFiles({'.cluelintrc.yaml': 'rules:\n  typography: error\n', '.cluelintignore': 'archive/\n', 'g.txt': FR, 'archive/old.txt': FR})
    client = await startClient(root)
    const {uri} = await client.open(join(root, 'g.txt'), FR)
    const first = await client.diagnostics(uri, 1)
    expect(first.find((diagnostic) => diagnostic.code === 'typography')!.severity).toBe(1)
    writeFileSync(join(root, '.cluelintrc.yaml'), 'rules:\n  typography: "off"\n  marketing-speak: "off"\n')
    const next = client.diagnostics(uri)
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(join(root, '.cluelintrc.yaml')).href, type: 2}]})
    const codes = (await next).map((diagnostic) => diagnostic.code)
    expect(codes).not.toContain('typography')
    expect(codes).not.toContain('marketing-speak')
    expect(codes).toContain('ask-without-thanks')
    const ignored = await client.open(join(root, 'archive/old.txt'), FR)
    expect(await client.diagnostics(ignored.uri, 1)).toEqual([])
    // A broken config: one diagnostic saying so, no crash.
    writeFileSync(join(root, '.cluelintrc.yaml'), 'rules:\n  flattery: loud\n')
    const broken = client.diagnostics(uri)
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(join(root, '.cluelintrc.yaml')).href, type: 2}]})
    expect((await broken).map((diagnostic) => diagnostic.message)).toEqual([expect.stringMatching(/^cluelint: \.cluelintrc\.yaml: rules\.flattery: expected one of/)])
  })

  it('Markdown, HTML and e-mail documents: ranges point into the document', async () => {
    const root = tempFiles({})
    client = await startClient(root)
    const cases: Array<[string, string, string, string]> = [
      ['h.md', 'markdown', '# Hello\n\nOur **best-in-class** platform, see [docs](https://x.y).\n', 'best-in-class'],
      ['i.html', 'html', '<p>Our <b>best-in-class</b> platform &amp; more.</p>', 'best-in-class'],
      ['j.eml', 'plaintext', 'From: a@b.c\r\nTo: Sam <s@b.c>\r\nSubject: Hello\r\n\r\nOur best-in-class platform helps.\r\n', 'best-in-class']
    ]
    for (const [name, languageId, text, excerpt] of cases) {
      const {uri, document} = await client.open(join(root, name), text, languageId)
      const diagnostics = await client.diagnostics(uri, 1)
      const jargon = diagnostics.find((diagnostic) => diagnostic.code === 'marketing-speak')
      expect(jargon, name).toBeDefined()
      expect(document.getText(jargon!.range), name).toBe(excerpt)
    }
    // An untitled Markdown buffer: known by its language id; the directive is a comment there.
    const untitled = 'untitled:Untitled-1'
    await client.connection.sendNotification('textDocument/didOpen', {textDocument: {uri: untitled, languageId: 'markdown', version: 1, text: 'Our best-in-class platform.\n'}})
    expect((await client.diagnostics(untitled, 1)).map((diagnostic) => diagnostic.code)).toContain('marketing-speak')
    const actions = await codeActions(untitled, 0, 6)
    const disable = actions.find((action) => action.title === 'Disable marketing-speak for this line')!
    expect(editsFor(disable.edit, untitled)[0].newText).toBe('<!-- cluelint-disable-next-line marketing-speak -->\n')
  })

  it('stays flat over many edits with changing configs (counted: documents, timers, processors)', async () => {
    const root = tempFiles({'k.txt': FR})
    client = await startClient(root, {}, 0)
    const {uri} = await client.open(join(root, 'k.txt'), FR)
    await client.diagnostics(uri, 1)
    let version = 1
    for (let round = 0; round < 40; round++) {
      writeFileSync(join(root, '.cluelintrc.yaml'), `rules:\n  length:\n    - warn\n    - email: {words: {warn: ${100 + round}}}\n`)
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(join(root, '.cluelintrc.yaml')).href, type: 2}]})
      version = client.change(uri, [{range: {start: {line: 4, character: 0}, end: {line: 4, character: 0}}, newText: round % 2 ? 'x' : ''}])
      await client.diagnostics(uri, version)
    }
    expect(client.server.stats()).toEqual({documents: 1, timers: 0, linted: 1})
    expect(processorCount()).toBeLessThanOrEqual(32)
  }, 120_000)
})
