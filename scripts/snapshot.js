// Dumps the JSON report of every fixture draft (fixtures/**/*.txt) and of every draft of the shared
// corpus (CLUELINT_CORPUS, else ../shared/corpus; `--template` mode, the corpus being templates) to
// one file, so that a refactoring can be checked to keep the findings byte for byte:
//
//   npm run build && node scripts/snapshot.js /tmp/before.json
//   ...change...
//   npm run build && node scripts/snapshot.js /tmp/after.json && diff /tmp/before.json /tmp/after.json
//
// Runs the built CLI (dist/), as a user does. Without the corpus, only the fixtures are dumped
// (and a line on stderr says so).

import {execFileSync} from 'node:child_process'
import {existsSync, readdirSync, writeFileSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = process.argv[2]
if (!out) {
  process.stderr.write('usage: node scripts/snapshot.js <output.json>\n')
  process.exit(2)
}

function files(folder, extension) {
  const found = []
  for (const entry of readdirSync(folder, {withFileTypes: true})) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) found.push(...files(path, extension))
    else if (entry.name.endsWith(extension)) found.push(path)
  }
  return found.sort()
}

function report(paths, flags) {
  // Exit 1 (findings at error severity) is a normal outcome here; the report is on stdout either way.
  let stdout
  try {
    stdout = execFileSync(process.execPath, [join(root, 'bin', 'cluelint.js'), '--format', 'json', ...flags, ...paths], {cwd: root, maxBuffer: 1 << 28, encoding: 'utf8'})
  } catch (error) {
    if (error.status !== 1) throw error
    stdout = error.stdout
  }
  const parsed = JSON.parse(stdout)
  for (const draft of parsed.drafts) draft.file = relative(root, draft.file)
  return parsed
}

const snapshot = {fixtures: report(files(join(root, 'fixtures'), '.txt'), [])}
const corpus = process.env.CLUELINT_CORPUS ?? join(root, '..', 'shared', 'corpus')
if (existsSync(corpus)) snapshot.corpus = report(files(corpus, '.txt'), ['--template'])
else process.stderr.write(`snapshot: no corpus at ${corpus}: fixtures only\n`)
writeFileSync(out, JSON.stringify(snapshot, null, 1) + '\n')
process.stderr.write(`snapshot: ${snapshot.fixtures.drafts.length} fixtures, ${snapshot.corpus?.drafts.length ?? 0} corpus drafts → ${out}\n`)
