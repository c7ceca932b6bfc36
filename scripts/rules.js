// npm run rules: writes rules/index.ts, the registry of the rules found in rules/ (one folder
// each): a folder with an index.ts is a rule written in TypeScript; a folder with a rule.json is
// a rule written as data (src/kinds.ts), with its per-language data (<lang>.json), messages.json
// and examples.json beside it. A rule in TypeScript gets the <lang>.json files its index.ts does
// not import (a language added after it was written: `withLanguages`), so adding a language is
// adding data files, not editing the rule's code. The CLI bundle and the browser playground cannot list a folder at
// run time, so the registry is a module; test/rules/registry.test.ts checks it is up to date.

import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const rulesFolder = join(dirname(fileURLToPath(import.meta.url)), '..', 'rules')

/** The order `cluelint rules`, SARIF and the playground list the rules in; any other rule comes after, by id. */
const ORDER = [
  'buzzword-overuse',
  'missing-thanks',
  'self-centred-opening',
  'reader-focus',
  'unfilled-merge-field',
  'canned-personalization',
  'name-repetition',
  'ask-without-thanks',
  'flattery',
  'marketing-speak',
  'length',
  'readability',
  'multiple-asks',
  'typography'
]

const rank = (id) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length)

/** The registry module for the rule folders of `folder`. */
export function ruleIndex(folder = rulesFolder) {
  const ids = readdirSync(folder, {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && (existsSync(join(folder, entry.name, 'index.ts')) || existsSync(join(folder, entry.name, 'rule.json'))))
    .map((entry) => entry.name)
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
  const name = (id) => 'rule_' + id.replace(/[^A-Za-z0-9]/g, '_')
  const json = (id, file, as) => `import ${as} from './${id}/${file}' with {type: 'json'}`
  const imports = []
  const built = []
  const languageFiles = (id) =>
    readdirSync(join(folder, id))
      .filter((file) => /^[a-z]{2,3}\.json$/.test(file))
      .map((file) => file.slice(0, -'.json'.length))
      .sort()
  let extended = false
  let asData = false
  for (const id of ids) {
    if (existsSync(join(folder, id, 'index.ts'))) {
      const code = readFileSync(join(folder, id, 'index.ts'), 'utf8')
      const added = languageFiles(id).filter((lang) => !code.includes(`from './${lang}.json'`))
      if (added.length === 0) {
        imports.push(`import ${name(id)} from './${id}/index.js'`)
        continue
      }
      extended = true
      imports.push(`import ${name(id)}_code from './${id}/index.js'`)
      for (const lang of added) imports.push(json(id, `${lang}.json`, `${name(id)}_${lang}`))
      built.push(`const ${name(id)} = withLanguages(${name(id)}_code, {${added.map((lang) => `${lang}: ${name(id)}_${lang}`).join(', ')}})`)
      continue
    }
    asData = true
    const langs = languageFiles(id)
    imports.push(json(id, 'rule.json', `${name(id)}_rule`))
    for (const lang of langs) imports.push(json(id, `${lang}.json`, `${name(id)}_${lang}`))
    imports.push(json(id, 'messages.json', `${name(id)}_messages`))
    if (existsSync(join(folder, id, 'examples.json'))) imports.push(json(id, 'examples.json', `${name(id)}_examples`))
    const examples = existsSync(join(folder, id, 'examples.json')) ? `, examples: ${name(id)}_examples` : ''
    built.push(
      `const ${name(id)} = dataRule({...(${name(id)}_rule as Omit<DataRuleSpec, 'data' | 'messages'>), data: {${langs.map((lang) => `${lang}: ${name(id)}_${lang}`).join(', ')}}, messages: ${name(id)}_messages${examples}})`
    )
  }
  return [
    '// Written by `npm run rules` (scripts/rules.js) from the folders of rules/: do not edit.',
    extended ? "import {withLanguages, type Rule} from '../src/rule.js'" : "import type {Rule} from '../src/rule.js'",
    ...(asData ? ["import {dataRule, type DataRuleSpec} from '../src/kinds.js'"] : []),
    ...imports,
    '',
    ...built,
    ...(built.length > 0 ? [''] : []),
    '/** Every rule cluelint knows, in the order `cluelint rules` lists them. */',
    `export const rules: ReadonlyArray<Rule<any, any>> = [${ids.map(name).join(', ')}]`,
    ''
  ].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(join(rulesFolder, 'index.ts'), ruleIndex())
  process.stderr.write('rules/index.ts written\n')
}
