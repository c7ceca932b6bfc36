// cluelint benchmark: `npm run bench` (builds, then runs this file).
//
// Generates the seeded corpus (bench/corpus.js, written under bench/out/), then measures side by
// side, in this one run, on that same corpus:
//   - cluelint in-process (all rules) against a bare retext parse of the same drafts (the floor);
//   - the cost of each rule alone over parse + analysis;
//   - cost against the number of drafts (1,000 vs 10,000) and against draft length (50 KB vs 1 MB);
//   - the CLI end to end over 10,000 files, over 1,000 English files against alex, and on one draft
//     (cold start) against `node -e ''`;
//   - the CLI on a 100,000-row CSV: time and peak memory (RSS) against a 10,000-row one.
// Prints a table of medians and ratios and writes it to bench/RESULTS.md with the machine's description.
// Options: --quick (fewer runs), --wall (in-process wall-clock instead of CPU time), --no-alex,
// --no-csv, --no-write. Timings are never asserted in tests: this is the only place they are looked at.

import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import {dirname, join, relative} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {buildCorpus, SEED} from './corpus.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'bin', 'cluelint.js')
const alexBin = join(root, 'node_modules', 'alex', 'cli.js')
const flags = new Set(process.argv.slice(2))
const quick = flags.has('--quick')
const WALL = flags.has('--wall')
const RUNS = quick ? 1 : 5
const CLI_RUNS = quick ? 1 : 3
const COLD_RUNS = quick ? 5 : 21
/** A child that runs longer than this is stopped (and reported): the bench never hangs. */
const CHILD_TIMEOUT = 30 * 60 * 1000

const cluelint = await import(pathToFileURL(join(root, 'dist', 'index.js')).href)
const {unified} = await import('unified')
const {default: retextEnglish} = await import('retext-english')

const log = (...parts) => process.stderr.write(parts.join(' ') + '\n')
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const now = () => performance.now()
const fmt = (value, digits = 0) =>
  value === undefined || Number.isNaN(value) ? 'n/a' : value.toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits})
const seconds = (ms) => `${fmt(ms / 1000, ms < 1000 ? 3 : 2)} s`
const rate = (count, ms) => (count * 1000) / ms

/**
 * Milliseconds for `fn` over every draft: CPU time of this process (user + system), which a busy
 * machine disturbs much less than wall-clock time (other jobs share the cores); `--wall` for wall-clock.
 */
function pass(drafts, fn) {
  // Each pass starts with a collected heap (`npm run bench` runs node with --expose-gc), so none pays
  // for the garbage of the pass before it.
  globalThis.gc?.()
  if (WALL) {
    const started = now()
    for (const draft of drafts) fn(draft)
    return now() - started
  }
  const started = process.cpuUsage()
  for (const draft of drafts) fn(draft)
  const used = process.cpuUsage(started)
  return (used.user + used.system) / 1000
}

/**
 * Several passes of each function, interleaved (so drift hits them alike), each run starting one
 * function later (a pass pays for the garbage of the one before it: the order must not favour one);
 * median ms per function.
 */
function sideBySide(drafts, fns, runs = RUNS) {
  for (const fn of Object.values(fns)) pass(drafts.slice(0, 200), fn) // warm-up (JIT, processors)
  const entries = Object.entries(fns)
  const times = Object.fromEntries(entries.map(([name]) => [name, []]))
  for (let run = 0; run < runs; run++) {
    for (let k = 0; k < entries.length; k++) {
      const [name, fn] = entries[(run + k) % entries.length]
      times[name].push(pass(drafts, fn))
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]))
}

// A preload that writes the child's CPU time and peak RSS when it exits.
const hookDir = mkdtempSync(join(os.tmpdir(), 'cluelint-bench-'))
const hook = join(hookDir, 'usage.cjs')
writeFileSync(
  hook,
  "process.on('exit',()=>{const u=process.resourceUsage();require('node:fs').writeFileSync(process.env.CLUELINT_BENCH_USAGE,JSON.stringify({cpu:(u.userCPUTime+u.systemCPUTime)/1000,rssKb:u.maxRSS}))})\n"
)
let usageCount = 0

/** A child process: wall time (ms), CPU time (ms), peak RSS (KB), exit code; stdout discarded. */
function spawnTimed(command, args, {cwd = root, usage = true} = {}) {
  const env = {...process.env, NO_COLOR: '1', FORCE_COLOR: ''}
  const usageFile = join(hookDir, `usage-${usageCount++}.json`)
  if (usage) {
    env.CLUELINT_BENCH_USAGE = usageFile
    args = ['--require', hook, ...args]
  }
  const started = now()
  const result = spawnSync(command, args, {cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024, timeout: CHILD_TIMEOUT})
  const out = {ms: now() - started, code: result.status, stderr: String(result.stderr ?? ''), timedOut: result.error?.code === 'ETIMEDOUT'}
  if (usage) {
    try {
      Object.assign(out, JSON.parse(readFileSync(usageFile, 'utf8')))
    } catch {}
    rmSync(usageFile, {force: true})
  }
  return out
}

function cli(args, options) {
  const result = spawnTimed(process.execPath, [bin, ...args], options)
  if (result.code !== 0 && result.code !== 1) throw new Error(`cluelint ${args.join(' ')} exited ${result.code}${result.timedOut ? ' (timed out)' : ''}: ${result.stderr.slice(0, 500)}`)
  return result
}

function machine() {
  const cpus = os.cpus()
  let commit = 'unknown'
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: root, encoding: 'utf8'}).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {cwd: root, encoding: 'utf8'}).trim()
    if (dirty) commit += ' (+ uncommitted changes)'
  } catch {}
  return {
    cpu: `${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus.length} logical core${cpus.length === 1 ? '' : 's'}`,
    memory: `${fmt(os.totalmem() / 1024 ** 3, 1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    commit
  }
}

const loadavg = () => os.loadavg().map((value) => fmt(value, 1)).join(' / ')

// ---------------------------------------------------------------------------

const started = now()
const loadBefore = loadavg()
log('cluelint bench: building the corpus (seed ' + SEED + ')…')
const corpus = buildCorpus()
const rules = cluelint.rules.map((rule) => rule.id)
log(`${rules.length} rule(s): ${rules.join(', ')}`)

const englishParser = unified().use(retextEnglish).freeze()
const frenchParser = unified().use(cluelint.retextFrench).freeze()
const bareParse = (draft) => (draft.lang === 'fr' ? frenchParser : englishParser).parse(draft.text)
const lint = (draft) => cluelint.lintText(draft.text)
const rows = []
const row = (measure, result, target = '', ok = undefined) => rows.push({measure, result, target, verdict: ok === undefined ? '' : ok ? 'met' : '**missed**'})
const pending = (measure, why, target = '') => rows.push({measure, result: `pending: ${why}`, target, verdict: ''})

// 1. In-process, all rules, against the bare parse (mixed en/fr, 1,000 drafts).
log('in-process: 1,000 drafts (en+fr), cluelint vs bare parse…')
const mixed = sideBySide(corpus.mixed1k, {cluelint: lint, floor: bareParse})
const mixedRate = rate(corpus.mixed1k.length, mixed.cluelint)
const floorRate = rate(corpus.mixed1k.length, mixed.floor)
row('In-process, all rules, 1,000 drafts (en+fr)', `${fmt(mixedRate)} drafts/s`)
row('Bare retext parse of the same drafts (floor)', `${fmt(floorRate)} drafts/s`)
row('cluelint / floor', fmt(mixedRate / floorRate, 2), '≥ 0.50', mixedRate / floorRate >= 0.5)

log('in-process: 1,000 English drafts, cluelint vs bare retext-english…')
const english = sideBySide(corpus.en1k, {cluelint: lint, floor: (draft) => englishParser.parse(draft.text)})
const enRate = rate(corpus.en1k.length, english.cluelint)
const enFloor = rate(corpus.en1k.length, english.floor)
row('In-process, 1,000 English drafts / bare retext-english', `${fmt(enRate)} / ${fmt(enFloor)} drafts/s = ${fmt(enRate / enFloor, 2)}`, '≥ 0.50', enRate / enFloor >= 0.5)

// 2. Per rule: the cost of each rule alone over parse + analysis.
log('in-process: cost of each rule…')
const allOff = Object.fromEntries(rules.map((id) => [id, 'off']))
const ruleFns = {none: (draft) => cluelint.lintText(draft.text, {rules: allOff})}
for (const id of rules) {
  const only = {...allOff}
  delete only[id]
  ruleFns[id] = (draft) => cluelint.lintText(draft.text, {rules: only})
}
const perRule = sideBySide(corpus.mixed1k, ruleFns, quick ? 1 : 3)
const perDraftUs = (ms) => (ms * 1000) / corpus.mixed1k.length
const ruleCosts = rules.map((id) => ({id, us: perDraftUs(perRule[id]) - perDraftUs(perRule.none)})).sort((a, b) => b.us - a.us)

// 3. Number of drafts: 10,000 against 1,000.
log('in-process: 10,000 drafts…')
const tenK = median(Array.from({length: quick ? 1 : 3}, () => pass(corpus.mixed10k, lint)))
const tenKRate = rate(corpus.mixed10k.length, tenK)
row('In-process, all rules, 10,000 drafts (en+fr)', `${fmt(tenKRate)} drafts/s (${fmt(tenKRate / mixedRate, 2)}x the 1,000-draft rate)`, 'linear: ≈ 1x', tenKRate / mixedRate >= 0.8)

// 4. Draft length: 1 MB against 50 KB (20x the size).
log('in-process: long drafts…')
const longTimes = {}
for (const key of ['en50k', 'en1m', 'fr50k', 'fr1m']) {
  const text = corpus.long[key]
  const lang = key.slice(0, 2)
  cluelint.lintText(text.slice(0, 60 * 1024), {lang})
  longTimes[key] = median(Array.from({length: key.endsWith('1m') ? (quick ? 1 : 3) : quick ? 3 : 7}, () => pass([text], () => cluelint.lintText(text, {lang}))))
}
for (const lang of ['en', 'fr']) {
  const small = longTimes[lang + '50k']
  const large = longTimes[lang + '1m']
  const ratio = large / small
  const size = corpus.long[lang + '1m'].length / corpus.long[lang + '50k'].length
  row(`One ${lang} draft of 1 MB vs 50 KB (${fmt(size, 1)}x the text)`, `${seconds(large)} vs ${seconds(small)} = ${fmt(ratio, 1)}x`, '≤ ≈ 20x', ratio <= 20 * 1.15)
}
log('bare parse of one 1 MB draft, whole vs in 4 KB parts…')
{
  const text = corpus.long.en1m
  const parts = []
  for (let index = 0; index < text.length; index += 4 * 1024) parts.push(text.slice(index, index + 4 * 1024))
  const whole = median(Array.from({length: quick ? 1 : 3}, () => pass([text], (value) => englishParser.parse(value))))
  const split = median(Array.from({length: quick ? 1 : 3}, () => pass(parts, (value) => englishParser.parse(value))))
  row('Bare retext-english parse of 1 MB: whole vs in 4 KB parts', `${seconds(whole)} vs ${seconds(split)} = ${fmt(whole / split, 1)}x`, '(why long drafts are parsed in blocks)')
}

// 5. CLI end to end over 10,000 files.
log('CLI: 10,000 files…')
const tenKRuns = Array.from({length: CLI_RUNS}, () => cli([relative(root, corpus.dirs.mixed10k)]))
const cliTenK = median(tenKRuns.map((run) => run.ms))
const cliRate = rate(10000, cliTenK)
row('CLI end to end, 10,000 files (pretty report)', `${seconds(cliTenK)} = ${fmt(cliRate)} drafts/s (CPU ${seconds(median(tenKRuns.map((run) => run.cpu)))})`, '> 1,500 drafts/s', cliRate > 1500)

// 6. Cold start on one draft against `node -e ''` (interleaved).
log('CLI: cold start…')
const coldCluelint = []
const coldNode = []
for (let run = 0; run < COLD_RUNS; run++) {
  coldNode.push(spawnTimed(process.execPath, ['-e', ''], {usage: false}).ms)
  coldCluelint.push(cli([relative(root, corpus.files.one)], {usage: false}).ms)
}
const cold = median(coldCluelint)
const nodeCold = median(coldNode)
row('CLI cold start, one draft', seconds(cold), '< 0.2 s', cold < 200)
row("`node -e ''`", seconds(nodeCold))
row("cold start / `node -e ''`", fmt(cold / nodeCold, 2), '< 2.6', cold / nodeCold < 2.6)

// 7. alex (devDependency) on the same 1,000 English files.
if (!flags.has('--no-alex')) {
  log('alex vs cluelint: 1,000 English files (CLI), cold start…')
  const enDir = relative(root, corpus.dirs.en1k)
  const alexTimes = []
  const ourTimes = []
  for (let run = 0; run < CLI_RUNS; run++) {
    ourTimes.push(cli([enDir]).ms)
    alexTimes.push(spawnTimed(process.execPath, [alexBin, '--text', '--quiet', enDir]).ms)
  }
  const alexRate = rate(1000, median(alexTimes))
  const ourRate = rate(1000, median(ourTimes))
  row('alex CLI, the 1,000 English files', `${fmt(alexRate)} drafts/s`)
  row('cluelint CLI, the same 1,000 files', `${fmt(ourRate)} drafts/s`)
  row('cluelint / alex (CLI, same files)', fmt(ourRate / alexRate, 1) + 'x')
  const alexCold = median(Array.from({length: quick ? 1 : 5}, () => spawnTimed(process.execPath, [alexBin, '--text', relative(root, corpus.files.one)], {usage: false}).ms))
  row('alex cold start, one draft', `${seconds(alexCold)} (cluelint ${fmt(alexCold / cold, 1)}x faster)`)
}

// 8. CSV: 100,000 rows in bounded memory.
if (!flags.has('--no-csv')) {
  log('CLI: CSV campaigns…')
  // Is there a CSV reader? A 3-row campaign must give 3 drafts.
  const probeFile = join(hookDir, 'probe.csv')
  writeFileSync(probeFile, 'first_name,body\nAnn,"Hi Ann, thanks for the talk."\nBob,"Hi Bob, thanks for the note."\nCy,"Hi Cy, thanks for the call."\n')
  const probe = spawnSync(process.execPath, [bin, '--format', 'json', probeFile], {cwd: root, encoding: 'utf8', timeout: 60_000})
  let rowsRead = 0
  try {
    rowsRead = JSON.parse(probe.stdout).summary.drafts
  } catch {}
  if (rowsRead !== 3) {
    pending('CLI, 100,000-row CSV', `no CSV reader yet (a 3-row CSV gave ${rowsRead} draft(s))`, 'bounded memory')
  } else {
    const small = cli([relative(root, corpus.files.csv10k)])
    const large = cli([relative(root, corpus.files.csv100k)])
    const growth = large.rssKb / small.rssKb
    row('CLI, 10,000-row CSV (8 MB)', `${seconds(small.ms)} = ${fmt(rate(10000, small.ms))} rows/s, peak RSS ${fmt(small.rssKb / 1024)} MB`)
    row('CLI, 100,000-row CSV (83 MB)', `${seconds(large.ms)} = ${fmt(rate(100000, large.ms))} rows/s, peak RSS ${fmt(large.rssKb / 1024)} MB (${fmt(growth, 2)}x for 10x the rows)`, 'bounded memory', growth < 1.5)
  }
}

// ---------------------------------------------------------------------------

rmSync(hookDir, {recursive: true, force: true})
const info = machine()
const table = ['| Measure | Result | Target | |', '|---|---|---|---|', ...rows.map((r) => `| ${r.measure} | ${r.result} | ${r.target} | ${r.verdict} |`)].join('\n')
const ruleTable = [
  '| Rule | µs per draft over parse + analysis |',
  '|---|---|',
  `| (parse + language detection + analysis, no rule) | ${fmt(perDraftUs(perRule.none))} |`,
  ...ruleCosts.map((cost) => `| ${cost.id} | ${fmt(cost.us)} |`)
].join('\n')
const text = `# cluelint benchmark

Generated by \`npm run bench\` (bench/run.js); do not edit by hand. Every figure below was measured in the
same run on the same seeded corpus (bench/corpus.js, seed ${SEED}: English and French outreach drafts of 80 to
180 words; 1,000 and 10,000 drafts; 50 KB and 1 MB documents; 10,000- and 100,000-row CSV campaigns).
Medians of ${RUNS} in-process passes (${WALL ? 'wall-clock' : 'CPU time of the process'}), ${CLI_RUNS} CLI runs (wall-clock) and
${COLD_RUNS} cold starts${quick ? ' (--quick)' : ''}. Ratios compare figures taken side by side, interleaved (in-process: the order rotated each run, each pass on a collected heap).

- Machine: ${info.cpu}, ${info.memory} RAM, ${info.os}
- Node ${info.node}; cluelint ${info.commit}; ${rules.length} rule(s): ${rules.join(', ')}
- Load average (1 / 5 / 15 min) before and after: ${loadBefore} and ${loadavg()}
- Date: ${info.date}; the run took ${fmt((now() - started) / 60000, 1)} min

${table}

Cost of each rule alone (1,000 drafts, en+fr; rules sharing work, such as the three courtesy rules, each pay it here):

${ruleTable}
`
process.stdout.write('\n' + table + '\n\n' + ruleTable + '\n')
if (!flags.has('--no-write')) {
  writeFileSync(join(root, 'bench', 'RESULTS.md'), text)
  log(`\nwritten to bench/RESULTS.md in ${fmt((now() - started) / 1000)} s`)
}
