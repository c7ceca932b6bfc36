// The language server over a long session: `node bench/lsp.js` (after `npm run build`).
//
// Starts the built `cluelint lsp --stdio` (under `node --expose-gc`, so that `cluelint/stats`
// reports the heap after a collection) and talks to it as an editor does, over its stdio:
//   1. latency: single edits at the default 150 ms pause; the time from sending the change to
//      receiving its diagnostics (the pause included), median and 95th percentile;
//   2. 10,000 edits with --debounce 0 (every edit linted: the worst case), the config file
//      rewritten and announced every 100 edits (100 rule configurations); heap, RSS and time per
//      1,000 edits, to see that memory and time stay flat.
// Writes bench/LSP-RESULTS.md. Options: --edits N (default 10000), --no-write.
// Never run by the tests: timings are only looked at here.

import {spawn} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import protocol from 'vscode-languageserver-protocol/node'

const {createProtocolConnection, StreamMessageReader, StreamMessageWriter} = protocol

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'bin', 'cluelint.js')
const args = process.argv.slice(2)
const EDITS = Number(args[args.indexOf('--edits') + 1]) || 10_000
const WRITE = !args.includes('--no-write')
const LATENCY_SAMPLES = 60

const DRAFT = [
  'Bonjour Marie,',
  '',
  "Merci pour votre article sur l'accueil des commerciaux : nous avons repris votre liste de contrôle.",
  "Notre solution clé en main a réduit l'intégration de six à deux semaines chez Acme!!! Votre parcours impressionnant m'a marqué.",
  'Pourriez-vous me dire qui suit ce sujet chez vous ? Je peux vous envoyer nos chiffres de mardi.',
  '',
  'Alex',
  ''
].join('\n')

async function startServer(workspace, debounce) {
  const child = spawn(process.execPath, ['--expose-gc', bin, 'lsp', '--stdio', ...(debounce === undefined ? [] : ['--debounce', String(debounce)])], {stdio: ['pipe', 'pipe', 'inherit']})
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const waiting = new Map()
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const wait = waiting.get(params.version)
    if (wait) {
      waiting.delete(params.version)
      wait(params.diagnostics)
    }
  })
  connection.onRequest('client/registerCapability', () => null)
  connection.onRequest('window/showMessageRequest', () => null)
  connection.listen()
  await connection.sendRequest('initialize', {processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: {}, workspaceFolders: null})
  await connection.sendNotification('initialized', {})
  const uri = pathToFileURL(join(workspace, 'draft.txt')).href
  const diagnostics = (version) => new Promise((resolve) => waiting.set(version, resolve))
  let version = 1
  const first = diagnostics(1)
  await connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'plaintext', version, text: DRAFT}})
  await first
  return {
    child,
    connection,
    /** Sends one edit and resolves with its diagnostics. */
    async edit(index) {
      version++
      const got = diagnostics(version)
      // Typing and deleting a word on line 4, at a place that moves along the line.
      const character = 10 + (index % 40)
      const change = index % 2 === 0 ? {range: {start: {line: 4, character}, end: {line: 4, character}}, text: 'vraiment '} : {range: {start: {line: 4, character: 10 + ((index - 1) % 40)}, end: {line: 4, character: 10 + ((index - 1) % 40) + 9}}, text: ''}
      await connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [change]})
      return got
    },
    stats: () => connection.sendRequest('cluelint/stats'),
    async stop() {
      await connection.sendRequest('shutdown')
      await connection.sendNotification('exit')
      connection.dispose()
      child.kill()
    }
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1)

const started = Date.now()
const loadBefore = os.loadavg()
const workspace = mkdtempSync(join(os.tmpdir(), 'cluelint-lsp-bench-'))
writeFileSync(join(workspace, 'draft.txt'), DRAFT)

// 1. Latency at the default pause.
const interactive = await startServer(workspace)
const latencies = []
for (let index = 0; index < LATENCY_SAMPLES; index++) {
  const start = performance.now()
  await interactive.edit(index)
  latencies.push(performance.now() - start)
}
await interactive.stop()

// 2. A long session: every edit linted, a new config every 100 edits.
const session = await startServer(workspace, 0)
const rows = []
const config = (round) => `rules:\n  length:\n    - warn\n    - email: {words: {warn: ${120 + (round % 100)}}}\n  flattery: ${round % 2 ? 'info' : 'warn'}\n`
let stats = await session.stats()
rows.push({edits: 0, heap: stats.memory.heapUsed, rss: stats.memory.rss, ms: 0, processors: stats.processors})
let lap = performance.now()
for (let index = 0; index < EDITS; index++) {
  if (index % 100 === 0) {
    writeFileSync(join(workspace, '.cluelintrc.yaml'), config(index / 100))
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(join(workspace, '.cluelintrc.yaml')).href, type: 2}]})
  }
  await session.edit(index)
  if ((index + 1) % 1000 === 0) {
    const ms = performance.now() - lap
    stats = await session.stats()
    rows.push({edits: index + 1, heap: stats.memory.heapUsed, rss: stats.memory.rss, ms, processors: stats.processors, linted: stats.linted, timers: stats.timers})
    console.log(`${index + 1} edits: heap ${mb(stats.memory.heapUsed)} MB, RSS ${mb(stats.memory.rss)} MB, ${(ms / 1000).toFixed(2)} ms per edit, ${stats.processors} processors`)
    lap = performance.now()
  }
}
await session.stop()
rmSync(workspace, {recursive: true, force: true})

const loadAfter = os.loadavg()
const lines = [
  '# cluelint lsp: latency and memory over a long session',
  '',
  'Generated by `node bench/lsp.js` (after `npm run build`); do not edit by hand. The server is the built',
  '`cluelint lsp --stdio` under `node --expose-gc`, driven over its stdio by a protocol client, on a French draft',
  'of about 90 words with findings of several rules. The heap is measured after a collection (`cluelint/stats`).',
  '',
  `- Machine: ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${os.cpus().length} logical cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`,
  `- Node ${process.version}; load average (1 min) before and after: ${loadBefore[0].toFixed(1)} and ${loadAfter[0].toFixed(1)}`,
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; the run took ${((Date.now() - started) / 60000).toFixed(1)} min`,
  '',
  `Change → diagnostics at the default 150 ms pause (${LATENCY_SAMPLES} single edits): median ${median(latencies).toFixed(0)} ms, 95th percentile ${percentile(latencies, 0.95).toFixed(0)} ms (the pause included: the lint and the round trip are the rest).`,
  '',
  `${EDITS.toLocaleString('en')} edits, each linted (--debounce 0), a new config every 100 edits:`,
  '',
  '| Edits | Heap after GC | RSS | Time per edit (last 1,000) | Processors kept |',
  '|---|---|---|---|---|',
  ...rows.map((row) => `| ${row.edits.toLocaleString('en')} | ${mb(row.heap)} MB | ${mb(row.rss)} MB | ${row.edits === 0 ? '' : `${(row.ms / 1000).toFixed(2)} ms`} | ${row.processors} |`),
  ''
]
const text = lines.join('\n')
console.log(text)
if (WRITE) writeFileSync(join(root, 'bench', 'LSP-RESULTS.md'), text)
