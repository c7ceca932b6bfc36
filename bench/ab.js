// Two builds of cluelint side by side: the in-process lint of the same bench drafts
// (bench/corpus.js), passes interleaved (A, B, A, B, …) so that a busy machine disturbs both alike.
//
//   node --expose-gc bench/ab.js <checkout A> <checkout B> [--drafts 1000] [--rounds 7]
//
// Each checkout must be built (its dist/index.js is imported). Prints the median CPU time per draft
// of each and the ratio B / A.

import {join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {makeDrafts} from './corpus.js'

const [a, b] = process.argv.slice(2, 4)
if (!a || !b) {
  process.stderr.write('usage: node --expose-gc bench/ab.js <checkout A> <checkout B> [--drafts N] [--rounds N]\n')
  process.exit(2)
}
const argument = (name, fallback) => {
  const at = process.argv.indexOf(name)
  return at === -1 ? fallback : Number(process.argv[at + 1])
}
const DRAFTS = argument('--drafts', 1000)
const ROUNDS = argument('--rounds', 7)

const load = async (checkout) => (await import(pathToFileURL(join(resolve(checkout), 'dist', 'index.js')).href)).lintText
const builds = [
  {name: a, lint: await load(a), times: []},
  {name: b, lint: await load(b), times: []}
]
const drafts = makeDrafts(DRAFTS, 'mixed').map((draft) => draft.text)

function pass(lint) {
  globalThis.gc?.()
  const started = process.cpuUsage()
  for (const text of drafts) lint(text)
  const used = process.cpuUsage(started)
  return (used.user + used.system) / 1000 / drafts.length
}

for (const build of builds) pass(build.lint) // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (const build of round % 2 === 0 ? builds : [...builds].reverse()) build.times.push(pass(build.lint))
}
const median = (values) => [...values].sort((x, y) => x - y)[values.length >> 1]
for (const build of builds) process.stdout.write(`${build.name}: ${median(build.times).toFixed(3)} ms per draft (median of ${ROUNDS} passes over ${DRAFTS} drafts)\n`)
process.stdout.write(`ratio B / A: ${(median(builds[1].times) / median(builds[0].times)).toFixed(3)}\n`)
