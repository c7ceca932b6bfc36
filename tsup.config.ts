import {defineConfig} from 'tsup'
import type {Plugin} from 'esbuild'

/**
 * Node built-ins imported by ES modules are reached through `require` instead. An `import` of a
 * built-in makes Node build an ES module facade that reads every export once: for `process` that
 * creates standard input and output streams, for `fs` its streams and promises (profiled: a twentieth
 * of the cold start on one draft). Through `require`, esbuild reads each export when it is used.
 */
const builtinsByRequire: Plugin = {
  name: 'builtins-by-require',
  setup(build) {
    const builtins = /^(node:)?(fs|fs\/promises|os|path|process|tty|url|worker_threads|crypto)$/
    // One shim per importing module, so that it goes into the importer's chunk: shared, each shim
    // was a chunk of its own, and every chunk is a module file to resolve and load. The path ends
    // with the built-in's name: ending with the importer's `.mjs`, the shim would be read as ESM.
    build.onResolve({filter: builtins}, (args) =>
      args.kind === 'import-statement' ? {path: `${args.importer}:${args.path.replace(/^node:/, '')}`, namespace: 'builtin-by-require'} : undefined
    )
    build.onLoad({filter: /.*/, namespace: 'builtin-by-require'}, (args) => ({contents: `module.exports = require('node:${args.path.split(':').pop()}')`, loader: 'js'}))
    lazyChildProcess.setup(build)
  }
}

/**
 * commander requires child_process (a few milliseconds to load) for executable subcommands, which
 * cluelint has none of: it is loaded if ever used.
 */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({filter: /^node:child_process$/}, (args) => (args.kind === 'require-call' ? {path: 'child_process', namespace: 'lazy-builtin'} : undefined))
    build.onLoad({filter: /.*/, namespace: 'lazy-builtin'}, (args) => ({
      contents: `let loaded; module.exports = new Proxy({}, {get: (_, key) => (loaded ??= require('${args.path}'))[key]})`,
      loader: 'js'
    }))
  }
}

/**
 * chalk detects colour support when loaded (loading `tty` for it); cluelint always tells it the level
 * (`colorLevel` in src/cli.ts), so the detection is left out of the bundle.
 */
const noColorDetection: Plugin = {
  name: 'no-color-detection',
  setup(build) {
    build.onResolve({filter: /^#supports-color$/}, () => ({path: 'supports-color', namespace: 'no-color-detection'}))
    build.onLoad({filter: /.*/, namespace: 'no-color-detection'}, () => ({contents: 'export default {stdout: false, stderr: false}', loader: 'js'}))
  }
}

/**
 * Our JSON word lists (src/, rules/, langs/) go into the bundle as `JSON.parse('…')`: V8 reads a string literal and parses
 * JSON much faster than it compiles the same data as a JavaScript object literal (cold start).
 */
const jsonAsString: Plugin = {
  name: 'json-as-string',
  setup(build) {
    build.onLoad({filter: /[\\/](?:src|rules|langs)[\\/].*\.json$/}, async (args) => {
      const {readFile} = await import('node:fs/promises')
      const data = JSON.parse(await readFile(args.path, 'utf8'))
      return {contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(data))})`, loader: 'js'}
    })
  }
}

/**
 * The playground page's bundle runs in a browser: a module that needs Node has a browser twin beside it
 * (`name.browser.ts`, the same exports), used instead. Today: src/text/tagger.ts, which loads compromise
 * with `require` on first need; in the page, compromise is bundled.
 */
const browserTwins: Plugin = {
  name: 'browser-twins',
  setup(build) {
    build.onResolve({filter: /^\.{1,2}\/.*\.js$/}, async (args) => {
      const {existsSync} = await import('node:fs')
      const {join} = await import('node:path')
      const twin = join(args.resolveDir, args.path.replace(/\.js$/, '.browser.ts'))
      return existsSync(twin) ? {path: twin} : undefined
    })
  }
}

/** Node's Node-only modules must not reach the browser bundle: a clear build error instead of a broken page. */
const noNodeBuiltins: Plugin = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({filter: /^node:|^(fs|path|os|module|url|crypto|worker_threads|child_process|process|tty|stream)$/}, (args) => ({
      errors: [{text: `${args.path} is a Node module, imported by ${args.importer}: the playground runs in a browser (give the importer a .browser.ts twin)`}]
    }))
  }
}

/**
 * Dependencies stay external (npm installs them; JSON word lists are bundled), except the small ones
 * every run loads: resolving and reading some 90 module files was a third of the cold start on one
 * draft. Heavy or optional ones (compromise, parse5, postal-mime, csv-parse, zod, yaml, handlebars)
 * stay external and are imported on demand.
 */
const bundled = [
  'unified', 'bail', 'devlop', 'extend', 'is-plain-obj', 'trough',
  'vfile', 'vfile-location', 'vfile-message', /^unist-util-/,
  'retext-english', 'retext-latin', 'parse-english', 'parse-latin', 'nlcst-to-string', 'array-iterate',
  'commander', 'chalk', 'syllable', 'pluralize', 'normalize-strings',
  'lilconfig', 'ignore', 'tinyglobby', 'fdir', 'picomatch'
]

export default defineConfig([{
  // lint-worker: the CLI's worker threads for many files (src/parallel.ts).
  entry: {index: 'src/index.ts', cli: 'src/cli.ts', 'lint-worker': 'src/lint-worker.ts'},
  format: ['esm'],
  // Not 'node20': esbuild then rewrites every /\p{…}/u literal into `new RegExp(…)`, compiled anew on
  // each call (profiled: a sixth of the lint time). Node 20 runs ES2022 as is.
  target: 'es2022',
  platform: 'node',
  dts: {entry: {index: 'src/index.ts'}},
  // The playground bundle and the CLI's script (built beside this one, in parallel) are not ours to remove.
  clean: ['!playground.js', '!cli.cjs', '!cli.cjs.cache'],
  sourcemap: false,
  splitting: true,
  noExternal: bundled,
  esbuildPlugins: [builtinsByRequire, noColorDetection, jsonAsString],
  // tsup's own plugin would otherwise claim every `node:` import before ours.
  removeNodeProtocol: false,
  // Bundled CommonJS modules (commander, ignore, lilconfig…) require Node built-ins.
  banner: {js: "import {createRequire as __cluelintRequire} from 'node:module'; const require = __cluelintRequire(import.meta.url);"}
}, {
  // What bin/cluelint.js runs: the CLI as one script, which Node can compile from a code cache made
  // at build time (bin/cli-script.js, scripts/code-cache.js) where an ES module is compiled anew on
  // every run (Node 20 has no compile cache for modules). Modules the CLI imports on demand are
  // inside it, run when first imported; dependencies stay external as above.
  entry: {cli: 'src/cli.ts'},
  format: ['cjs'],
  outExtension: () => ({js: '.cjs'}),
  target: 'es2022',
  platform: 'node',
  // `import.meta.url` (the worker's and the fixtures' paths) from the script's own file name.
  shims: true,
  clean: false,
  dts: false,
  sourcemap: false,
  splitting: false,
  noExternal: bundled,
  esbuildPlugins: [lazyChildProcess, noColorDetection, jsonAsString],
  removeNodeProtocol: false,
  onSuccess: 'node scripts/code-cache.js'
}, {
  // `cluelint playground`: the whole linter for the browser, one script inlined in the page (src/playground/).
  entry: {playground: 'src/playground/app.ts'},
  format: ['iife'],
  platform: 'browser',
  target: 'es2022',
  outExtension: () => ({js: '.js'}),
  minify: true,
  clean: false,
  dts: false,
  sourcemap: false,
  splitting: false,
  noExternal: [/./],
  esbuildPlugins: [browserTwins, noNodeBuiltins, jsonAsString]
}])
