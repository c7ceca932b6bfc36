// One campaign file on every core: `node bench/threads.js [rows] [pairs]` (after `npm run build`).
//
// Lints one seeded CSV campaign (bench/corpus.js, 20,000 rows by default) with CLUELINT_THREADS=1
// and with the machine's threads (CLUELINT_THREADS=N, default every core), interleaved (1, N, 1, N…,
// default 3 pairs) so that load from other jobs falls on both alike, checks that the two JSON
// reports are byte-identical, and prints the wall time, CPU time and peak memory of each run, the
// ratio of each pair and their spread. Wall time is what the target is about (at most 0.7x on two
// cores); on a shared machine it is noisy, hence the pairs. Not run by the tests.

import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import {join} from 'node:path'
import {makeCsv, OUT} from './corpus.js'

const rows = Number(process.argv[2] ?? 20000)
const pairs = Number(process.argv[3] ?? 3)
const threads = Number(process.env.THREADS ?? os.availableParallelism())
const root = join(import.meta.dirname, '..')
const bin = join(root, 'bin', 'cluelint.js')

mkdirSync(OUT, {recursive: true})
const file = join(OUT, `campaign-${rows}.csv`)
if (!existsSync(file)) writeFileSync(file, makeCsv(rows))

function run(count) {
  const load = os.loadavg()[0]
  const output = join(OUT, `threads-${count}.json`)
  const started = performance.now()
  // /usr/bin/time gives the child's CPU time and peak RSS; without it, wall time only.
  const time = existsSync('/usr/bin/time')
  const command = time ? '/usr/bin/time' : process.execPath
  const args = time ? ['-f', '%U %S %M', process.execPath, bin, file, '--format', 'json', '-o', output] : [bin, file, '--format', 'json', '-o', output]
  const child = spawnSync(command, args, {env: {...process.env, CLUELINT_THREADS: String(count)}, encoding: 'utf8', maxBuffer: 1 << 30})
  const wall = (performance.now() - started) / 1000
  if (child.status !== 0 && child.status !== 1) throw new Error(`cluelint exited ${child.status}: ${child.stderr}`)
  const [user, system, rss] = time ? child.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN]
  return {wall, cpu: user + system, rssMb: rss / 1024, output, load}
}

const fmt = (value, digits = 2) => value.toFixed(digits)
console.log(`${rows}-row CSV, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg().map((value) => fmt(value)).join(' ')}`)
const ratios = []
for (let pair = 0; pair < pairs; pair++) {
  const one = run(1)
  const many = run(threads)
  const same = readFileSync(one.output, 'utf8') === readFileSync(many.output, 'utf8')
  const ratio = many.wall / one.wall
  ratios.push(ratio)
  // CPU time per row (user + sys): what a loaded machine distorts least.
  const perRow = (result) => `cpu ${fmt(result.cpu)} s = ${fmt((result.cpu / rows) * 1000)} ms/row, ${fmt(result.rssMb, 0)} MB, load ${fmt(result.load)}`
  console.log(`pair ${pair + 1}: threads=1 ${fmt(one.wall)} s (${perRow(one)}); threads=${threads} ${fmt(many.wall)} s (${perRow(many)}); ratio ${fmt(ratio)}; reports ${same ? 'identical' : 'DIFFER'}`)
  if (!same) process.exitCode = 1
}
ratios.sort((a, b) => a - b)
console.log(`ratio threads=${threads} / threads=1: median ${fmt(ratios[ratios.length >> 1])}, min ${fmt(ratios[0])}, max ${fmt(ratios[ratios.length - 1])} (target: at most 0.70 on 2 cores); load average now ${os.loadavg().map((value) => fmt(value)).join(' ')}`)
