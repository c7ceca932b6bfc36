// The CLI as one script compiled from a code cache (see tsup.config.ts and scripts/code-cache.js):
// Node 20 compiles an ES module anew on every run, a script it can compile from V8's cache.
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname} from 'node:path'
import {fileURLToPath} from 'node:url'
import vm from 'node:vm'

export const SCRIPT = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url))
export const CACHE = `${SCRIPT}.cache`

/**
 * The script's first line names its build (`//# build <hash>`), and a cache starts with the build it
 * was made for: V8 checks only that the source has the same length.
 */
const buildOf = (text) => (text.startsWith('//# build ') ? text.slice(10, text.indexOf('\n')) : undefined)

/** The CLI's `main`, and whether it came from the cache. A missing or stale cache only costs time. */
export function compileCli({cache = true} = {}) {
  const source = readFileSync(SCRIPT, 'utf8')
  const cachedData = cache ? readCache(buildOf(source)) : undefined
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __cluelintImport) {${source}\n})`, {filename: SCRIPT, cachedData})
  const module = {exports: {}}
  // A script run by `vm` has no `import()` of its own (Node 20 gives it one only under an experimental
  // flag): the build made its `await import(…)` ask this module's (scripts/code-cache.js).
  const load = (specifier) => import(specifier)
  script.runInThisContext()(module.exports, createRequire(SCRIPT), module, SCRIPT, dirname(SCRIPT), load)
  return {main: module.exports.main, script, cached: cachedData !== undefined && !script.cachedDataRejected}
}

/** The cache of the build named, if that is the build it was made for. */
export function readCache(build) {
  if (build === undefined) return undefined
  let data
  try {
    data = readFileSync(CACHE)
  } catch {
    return undefined
  }
  const end = data.indexOf(10)
  return end > 0 && data.toString('latin1', 0, end) === build ? data.subarray(end + 1) : undefined
}
