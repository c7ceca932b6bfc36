import {defineConfig} from 'tsup'

export default defineConfig({
  // lint-worker: the CLI's worker threads for many files (src/parallel.ts).
  entry: {index: 'src/index.ts', cli: 'src/cli.ts', 'lint-worker': 'src/lint-worker.ts'},
  format: ['esm'],
  // Not 'node20': esbuild then rewrites every /\p{…}/u literal into `new RegExp(…)`, compiled anew on
  // each call (profiled: a sixth of the lint time). Node 20 runs ES2022 as is.
  target: 'es2022',
  platform: 'node',
  dts: {entry: {index: 'src/index.ts'}},
  clean: true,
  sourcemap: false,
  splitting: true,
  // Dependencies stay external (npm installs them; JSON word lists are bundled), except the small
  // ones every run loads: resolving and reading some 90 module files was a third of the cold start
  // on one draft. Heavy or optional ones (compromise, parse5, postal-mime, csv-parse, zod, yaml,
  // handlebars) stay external and are imported on demand.
  noExternal: [
    'unified', 'bail', 'devlop', 'extend', 'is-plain-obj', 'trough',
    'vfile', 'vfile-location', 'vfile-message', /^unist-util-/,
    'retext-english', 'retext-latin', 'parse-english', 'parse-latin', 'nlcst-to-string', 'array-iterate',
    'commander', 'chalk', 'syllable', 'pluralize', 'normalize-strings',
    'lilconfig', 'ignore', 'tinyglobby', 'fdir', 'picomatch'
  ],
  // Bundled CommonJS modules (commander, ignore, lilconfig…) require Node built-ins.
  banner: {js: "import {createRequire as __cluelintRequire} from 'node:module'; const require = __cluelintRequire(import.meta.url);"}
})
