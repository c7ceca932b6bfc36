// A long-running process that lints with ever-changing configs (an editor server, a web service):
// `npm run bench:configs` (builds, then runs this file with --expose-gc).
//
// Through the library (dist/index.js, `lintText`): the time per draft of a default lint over the
// same drafts, and the heap, before and after 3,000 lints each with distinct `words` options (one
// new config each), then the default lint again. A process that keeps what each config built has
// a larger heap and a slower default lint afterwards; one whose caches are bounded does not.
// Options: --configs N (default 3000), --drafts N (default 200).

import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {makeDrafts} from './corpus.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const {lintText} = await import(pathToFileURL(join(root, 'dist', 'index.js')).href)

const argument = (name, fallback) => {
  const at = process.argv.indexOf(name)
  return at === -1 ? fallback : Number(process.argv[at + 1])
}
const CONFIGS = argument('--configs', 3000)
const DRAFTS = argument('--drafts', 200)

const drafts = [...makeDrafts(DRAFTS / 2, 'en'), ...makeDrafts(DRAFTS / 2, 'fr')].map((draft) => draft.text ?? draft)
const gc = () => {
  globalThis.gc?.()
  globalThis.gc?.()
}
const heapMB = () => {
  gc()
  return process.memoryUsage().heapUsed / 1e6
}

/** Median over 5 passes of the CPU time per draft of a default lint, in ms. */
function defaultLint() {
  const times = []
  for (let pass = 0; pass < 5; pass++) {
    gc()
    const started = process.cpuUsage()
    for (const text of drafts) lintText(text)
    const used = process.cpuUsage(started)
    times.push((used.user + used.system) / 1000 / drafts.length)
  }
  times.sort((a, b) => a - b)
  return times[2]
}

// Warm-up: every rule's lists compiled for both languages.
for (const text of drafts) lintText(text)
const before = {ms: defaultLint(), heap: heapMB()}

const started = process.cpuUsage()
for (let n = 0; n < CONFIGS; n++) {
  const text = drafts[n % drafts.length]
  const words = {en: {add: [`zorblax${n}`, `quandry widget ${n}`]}, fr: {add: [`zorblax${n}`, `machin truc ${n}`]}}
  lintText(text, {ruleOptions: {'buzzword-overuse': {words}, 'marketing-speak': {words}, 'canned-personalization': {words}}})
}
const used = process.cpuUsage(started)
const configMs = (used.user + used.system) / 1000 / CONFIGS

const after = {ms: defaultLint(), heap: heapMB()}
const fmt = (value) => value.toFixed(2)
const lines = [
  `drafts: ${drafts.length} (en + fr, bench/corpus.js), configs: ${CONFIGS}, node ${process.version}`,
  `default lint, per draft:        ${fmt(before.ms)} ms before → ${fmt(after.ms)} ms after ${CONFIGS} configs`,
  `heap used (after gc):           ${fmt(before.heap)} MB before → ${fmt(after.heap)} MB after`,
  `lint with a new config, per draft: ${fmt(configMs)} ms`
]
process.stdout.write(lines.join('\n') + '\n')
