// npm run packs: writes langs/index.ts, the list of the language packs found in langs/ (one folder
// each, with an index.ts). The CLI bundle and the browser playground cannot list a folder at run
// time, so the list is a module; test/lang/packs.test.ts checks it is up to date.

import {existsSync, readdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const langs = join(dirname(fileURLToPath(import.meta.url)), '..', 'langs')

/** The module listing the packs of `folder`: one import per pack folder, in code order. */
export function packIndex(folder = langs) {
  const codes = readdirSync(folder, {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort()
  const name = (code) => 'pack_' + code.replace(/[^A-Za-z0-9]/g, '_')
  return [
    '// Written by `npm run packs` (scripts/packs.js) from the folders of langs/: do not edit.',
    "import type {LanguagePack} from '../src/lang/pack.js'",
    ...codes.map((code) => `import ${name(code)} from './${code}/index.js'`),
    '',
    '/** The built-in language packs, one per folder of langs/. */',
    `export const packs: readonly LanguagePack[] = [${codes.map(name).join(', ')}]`,
    ''
  ].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(join(langs, 'index.ts'), packIndex())
  process.stderr.write('langs/index.ts written\n')
}
