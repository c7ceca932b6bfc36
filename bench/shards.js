// The README's GNU parallel recipe on a 100,000-row JSON Lines export: `node bench/shards.js [rows]`
// (after `npm run build`; needs GNU parallel: Debian `apt-get install parallel`). Too slow for the
// test suite on two cores (test/cli/shards.test.ts runs the same check on 800 rows).
//
// Writes a seeded export (bench/corpus.js drafts, one JSON object per line), lints it in one
// process (`cluelint --format jsonl export.jsonl`) and sharded (`parallel --pipe -k -N 10000 …`),
// and checks that the merged draft lines equal the single-process ones line for line (fix ranges,
// offsets in what each shard read, placed in the whole file first) and that the shards' summaries add up. Prints both wall times. Exit 1 when they differ.

import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {makeDraft, OUT, random, SEED} from './corpus.js'

const rows = Number(process.argv[2] ?? 100000)
const per = Math.max(1, Math.ceil(rows / 10))
const root = join(import.meta.dirname, '..')
const bin = join(root, 'bin', 'cluelint.js')
if (spawnSync('parallel', ['--version']).status !== 0) {
  console.log('GNU parallel not found (Debian: apt-get install parallel): nothing measured')
  process.exit(0)
}
mkdirSync(OUT, {recursive: true})
const file = join(OUT, `export-${rows}.jsonl`)
if (!existsSync(file)) {
  const rand = random(SEED + 23)
  const lines = []
  for (let index = 0; index < rows; index++) {
    const lang = index % 2 === 0 ? 'en' : 'fr'
    lines.push(JSON.stringify({id: index + 1, lang, body: makeDraft(rand, lang).trimEnd()}))
  }
  writeFileSync(file, lines.join('\n') + '\n')
}

function sh(command) {
  const started = performance.now()
  const child = spawnSync('bash', ['-c', command], {cwd: OUT, encoding: 'utf8', maxBuffer: 1 << 30, env: {...process.env, NO_COLOR: ''}})
  return {seconds: (performance.now() - started) / 1000, code: child.status, stderr: child.stderr}
}
const node = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)}`
const name = `export-${rows}.jsonl`
const single = sh(`${node} --format jsonl ${name} > single.jsonl`)
const sharded = sh(`parallel --will-cite --pipe -k -N ${per} '${node} --format jsonl --stdin-filename ${name} --stdin-line {= $_=(seq()-1)*${per}+1 =} -' < ${name} > sharded.jsonl`)
const read = (path) => readFileSync(join(OUT, path), 'utf8').trimEnd().split('\n')
const isSummary = (line) => line.startsWith('{"summary":')
const one = read('single.jsonl')
const many = read('sharded.jsonl')
const drafts = (lines) => lines.filter((line) => !isSummary(line))
// Fix ranges are offsets in what a shard read: placed in the whole file (UTF-16 offset of the shard's first line).
const starts = [0]
for (const line of readFileSync(file, 'utf8').trimEnd().split('\n')) starts.push(starts[starts.length - 1] + line.length + 1)
function shifted(line, offset) {
  if (offset === 0) return line
  const draft = JSON.parse(line)
  for (const finding of draft.findings) {
    for (const fix of [finding.fix, ...finding.suggestions.map((suggestion) => suggestion.fix)]) if (fix) fix.range = fix.range.map((at) => at + offset)
  }
  return JSON.stringify(draft)
}
const a = drafts(one)
// Every row gives a draft line (no blank body in this export), so line index = row index.
const b = drafts(many).map((line, index) => shifted(line, starts[index - (index % per)]))
let differ = a.length !== b.length ? Math.min(a.length, b.length) : -1
for (let index = 0; differ === -1 && index < a.length; index++) if (a[index] !== b[index]) differ = index
const whole = JSON.parse(one[one.length - 1]).summary
const parts = many.filter(isSummary).map((line) => JSON.parse(line).summary)
const sum = (key) => parts.reduce((total, part) => total + part[key], 0)
const adds = ['drafts', 'findings', 'errors', 'warnings'].every((key) => sum(key) === whole[key]) && Math.min(...parts.map((part) => part.minScore)) === whole.minScore
console.log(`${rows} rows: one process ${single.seconds.toFixed(1)} s (exit ${single.code}); ${parts.length} shards of ${per} lines with GNU parallel ${sharded.seconds.toFixed(1)} s (exit ${sharded.code}; stderr: ${JSON.stringify(sharded.stderr.slice(0, 200))})`)
console.log(differ === -1 ? `draft lines: ${a.length} identical, in order` : `draft lines DIFFER from line ${differ + 1} (${a.length} against ${b.length})`)
console.log(`summaries ${adds ? 'add up' : 'DO NOT add up'} to the single one (${JSON.stringify(whole)})`)
if (differ !== -1 || !adds) process.exitCode = 1
