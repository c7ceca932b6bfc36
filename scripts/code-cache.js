// Writes dist/cli.cjs.cache, V8's code cache of the CLI's script (bin/cli-script.js), after a build
// (tsup.config.ts, onSuccess): stamps the script with its build (a hash of its text), then runs it
// once in a child process on an English and a French draft, so that the cache holds the functions
// a run compiles, not only the script's top level. The child runs with Node's default flags, as
// `cluelint` does: V8 rejects a cache made under other flags.
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const {CACHE, SCRIPT, compileCli} = await import('../bin/cli-script.js')
const DRAFTS = ['en/bad/merge-field.txt', 'fr/bad/unfilled-merge-field-1.txt'].map((name) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)))

if (process.argv[2] === '--run') {
  const {main, script} = compileCli({cache: false})
  // 1: the drafts have findings, as they should; 2: the run failed, and a cache of it is no use.
  if ((await main([process.argv[0], 'cluelint', ...DRAFTS])) === 2) process.exit(2)
  const build = readFileSync(SCRIPT, 'utf8').split('\n', 1)[0].slice('//# build '.length)
  writeFileSync(CACHE, Buffer.concat([Buffer.from(`${build}\n`, 'latin1'), script.createCachedData()]))
  process.exitCode = 0
} else {
  rmSync(CACHE, {force: true})
  // `import()` in a script run by `vm` needs an experimental flag: each goes through the loader's.
  let text = readFileSync(SCRIPT, 'utf8').replace(/^\/\/# build .*\n/, '')
  text = text.replaceAll('await import(', 'await __cluelintImport(')
  const left = text.match(/(?<![$.{]|typeof\s+)\bimport\(/)
  if (left) throw new Error(`code-cache: an import() that is not awaited is left in ${SCRIPT}: ${text.slice(left.index - 40, left.index + 40)}`)
  writeFileSync(SCRIPT, `//# build ${createHash('sha256').update(text).digest('hex').slice(0, 16)}\n${text}`)
  // The run's own report and summary are not the build's output; its errors are.
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--run'], {stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8'})
  if (child.status !== 0) {
    process.stderr.write(child.stderr)
    console.error(`code-cache: the CLI's run failed (${child.status ?? child.signal}); no cache written, cluelint compiles its script on each run`)
    process.exitCode = 1
  }
}
