import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import pkg from '../../package.json' with {type: 'json'}
import {ConfigResolver} from '../config/index.js'
import type {Lang, SeveritySetting} from '../types.js'
import {playgroundPage} from './page.js'
import type {PlaygroundSettings} from './settings.js'

export interface PlaygroundFlags {
  output?: string
  config?: string
  lang?: Lang | 'auto'
  rule?: Record<string, SeveritySetting>
  template?: boolean
}

/** `cluelint playground` failed in a way the user can fix: one line, exit 2. */
export class PlaygroundError extends Error {}

/**
 * The browser bundle, built by `npm run build` beside the CLI's chunks (dist/playground.js).
 * Run from the sources (tests), this module is in src/playground/ and the bundle in dist/.
 */
function readBundle(): string {
  const candidates = [new URL('./playground.js', import.meta.url), new URL('../../dist/playground.js', import.meta.url)]
  const found = candidates.find((url) => url.protocol === 'file:' && existsSync(fileURLToPath(url)))
  if (!found) throw new PlaygroundError("the playground's browser bundle (dist/playground.js) is missing: run 'npm run build'")
  return readFileSync(found, 'utf8')
}

/**
 * Writes the playground page: the bundle, with the rule settings of `-c` (or of
 * the config found from the current folder) and of `--rule` baked in.
 */
export async function runPlayground(flags: PlaygroundFlags, io: {cwd: string; stdout: {write(text: string): unknown}}): Promise<void> {
  const resolver = new ConfigResolver(io.cwd, {lang: flags.lang, rules: flags.rule, template: flags.template}, flags.config)
  const resolved = await resolver.forFile()
  const {rules, ruleOptions, channel, template, lang, customRules} = resolved.options
  const settings: PlaygroundSettings = {
    version: pkg.version,
    configFile: resolved.configFile,
    options: JSON.parse(JSON.stringify({rules, ruleOptions, channel, template, lang, customRules}))
  }
  const html = playgroundPage(readBundle(), settings)
  if (flags.output === undefined) {
    io.stdout.write(html)
    return
  }
  try {
    writeFileSync(flags.output, html)
  } catch (error) {
    throw new PlaygroundError(`--output ${flags.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}
