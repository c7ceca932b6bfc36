import {existsSync, readFileSync, statSync} from 'node:fs'
import {homedir} from 'node:os'
import {dirname, extname, isAbsolute, join, relative, resolve, sep} from 'node:path'
import {pathToFileURL} from 'node:url'
import type ignore from 'ignore'
import type {Ignore} from 'ignore'
import type {Loader} from 'lilconfig'
import type {LintOptions} from '../engine.js'
import type {DataRuleSpec} from '../kinds.js'
import {DEFAULT_LOCALE, type Locale} from '../i18n.js'
import {lineIndex} from '../text/lines.js'
import type {Channel, Lang, SeveritySetting} from '../types.js'
import type {CluelintConfig} from './schema.js'

export type {CluelintConfig, RuleEntry, WordsOption} from './schema.js'
export {editList, ruleData} from './words.js'

/** A config that cannot be used: shown as `cluelint: file: reason`, exit 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string
  ) {
    super(`${file}: ${reason}`)
    this.name = 'ConfigError'
  }
}

/** Looked up in this order in each folder, from the linted file's folder upward. */
export const CONFIG_FILES = [
  '.cluelintrc',
  '.cluelintrc.json',
  '.cluelintrc.yaml',
  '.cluelintrc.yml',
  'cluelint.config.js',
  'cluelint.config.mjs',
  'cluelint.config.cjs',
  'package.json'
] as const

export const IGNORE_FILE = '.cluelintignore'

/** What the command line says; it wins over any config file. */
export interface Overrides {
  lang?: Lang | 'auto'
  /** `--locale`: wins over the config's `locale`. */
  locale?: Locale
  /** The environment's locale (LC_ALL, LC_MESSAGES, LANG): used when neither the flag nor the config sets one. */
  envLocale?: Locale
  rules?: Record<string, SeveritySetting>
  channel?: Channel
  template?: boolean
  minScore?: number
  maxWarnings?: number
  quiet?: boolean
}

/** Everything that applies to the drafts of one folder. */
export interface Settings {
  options: LintOptions & {template?: boolean}
  minScore?: number
  maxWarnings?: number
  /** The config file these come from (as shown to the user), if any. */
  configFile?: string
  /** The config's `ignore` patterns, relative to its folder. */
  ignore?: {base: string; matcher: Ignore}
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim()
}

const jsonLoader: Loader = (file, content) => {
  try {
    return JSON.parse(content.replace(/^\uFEFF/, ''))
  } catch (error) {
    const message = (error as Error).message
    const at = /at position (\d+)/.exec(message)
    if (!at) throw new ConfigError(file, `invalid JSON: ${firstLine(message)}`)
    const {line, column} = lineIndex(content.replace(/^\uFEFF/, '')).toPoint(Number(at[1]))
    throw new ConfigError(file, `invalid JSON at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d.*$/, '')}`)
  }
}

// yaml and zod (the schema) load only when there is a config file: most runs have none,
// and together they were a quarter of the cold start.
const yamlLoader: Loader = async (file, content) => {
  const {parse: parseYaml} = await import('yaml')
  try {
    return parseYaml(content.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new ConfigError(file, `invalid YAML: ${firstLine((error as Error).message).replace(/:$/, '')}`)
  }
}

/**
 * ESM first. A `cluelint.config.js` with `export default` in a folder whose
 * package.json is not `"type": "module"` cannot be imported as a file by
 * Node 20, so its text is imported as a module instead (it then cannot
 * import relative files: use `.mjs` for that).
 */
const jsLoader: Loader = async (file, content) => {
  try {
    const module = await import(pathToFileURL(file).href)
    return module.default
  } catch (error) {
    if (error instanceof SyntaxError && /\bexport\b|import statement/.test(error.message)) {
      try {
        const module = await import(`data:text/javascript;charset=utf-8,${encodeURIComponent(content)}`)
        return module.default
      } catch (inner) {
        throw new ConfigError(file, `cannot load: ${firstLine((inner as Error).message)}`)
      }
    }
    throw new ConfigError(file, `cannot load: ${firstLine((error as Error).message)}`)
  }
}

const loaders: Record<string, Loader> = {'.json': jsonLoader, '.yaml': yamlLoader, '.yml': yamlLoader, noExt: yamlLoader, '.js': jsLoader, '.mjs': jsLoader, '.cjs': jsLoader}

/** Where the upward search stops, as lilconfig did: the home folder (or the root, outside it). */
const STOP_DIRECTORY = resolve(homedir())

// `ignore` loads when there are patterns (a .cluelintignore, a config file), lilconfig only for
// `--config`: most runs have neither (cold start).
let ignoreModule: typeof ignore | undefined
async function loadIgnore(): Promise<typeof ignore> {
  return (ignoreModule ??= (await import('ignore')).default)
}

interface Found {
  filepath: string
  config: unknown
}

/**
 * Finds, loads, validates and caches the configuration for each folder, and
 * says which files are ignored. One instance per run.
 */
export class ConfigResolver {
  private readonly byDirectory = new Map<string, Promise<Settings>>()
  /** The nearest config file from each folder looked in (and its parents) upward. */
  private readonly foundFrom = new Map<string, Promise<Found | undefined>>()
  /** Per config file; the entry `''` is for folders with no config. */
  private readonly byFile = new Map<string, Settings>()
  /** The own rules of each config file, read once per run. */
  private readonly customByFile = new Map<string, Promise<DataRuleSpec[]>>()
  private explicit?: Promise<Settings>
  /** `.cluelintignore` in the cwd: its text is read at once (a read error stops the run), its matcher built on first use. */
  private readonly ignoreText?: {path: string; text: string}
  private ignoreFile?: Ignore
  private ignoreReady?: Promise<void>

  constructor(
    readonly cwd: string,
    private readonly overrides: Overrides = {},
    /** `-c, --config`: used for every draft, no lookup. */
    private readonly configPath?: string
  ) {
    const ignorePath = resolve(cwd, IGNORE_FILE)
    if (existsSync(ignorePath)) {
      try {
        this.ignoreText = {path: ignorePath, text: readFileSync(ignorePath, 'utf8')}
      } catch (error) {
        throw new ConfigError(this.show(ignorePath), firstLine((error as Error).message))
      }
    }
  }

  private async loadIgnoreFile(): Promise<void> {
    if (!this.ignoreText) return
    const ignore = await loadIgnore()
    try {
      this.ignoreFile = ignore().add(this.ignoreText.text)
    } catch (error) {
      throw new ConfigError(this.show(this.ignoreText.path), firstLine((error as Error).message))
    }
  }

  /** A path as the user sees it: relative to the cwd when inside it. */
  show(path: string): string {
    const relativePath = relative(this.cwd, path)
    return relativePath && !outside(relativePath) ? relativePath : path
  }

  /** Settings for a file (from its folder upward), or for standard input (from the cwd). */
  forFile(file?: string): Promise<Settings> {
    if (this.configPath !== undefined) return (this.explicit ??= this.withIgnoreFile(this.loadExplicit(this.configPath)))
    const directory = file === undefined ? this.cwd : dirname(resolve(this.cwd, file))
    let settings = this.byDirectory.get(directory)
    if (!settings) {
      settings = this.withIgnoreFile(this.search(directory))
      this.byDirectory.set(directory, settings)
    }
    return settings
  }

  /** `ignoredBy` is synchronous: the .cluelintignore matcher is ready once any settings are. */
  private async withIgnoreFile(settings: Promise<Settings>): Promise<Settings> {
    await (this.ignoreReady ??= this.loadIgnoreFile())
    return settings
  }

  /** Which file ignores `file`: `.cluelintignore` (in the cwd) or its config (`ignore`); undefined if none. */
  ignoredBy(file: string, settings: Settings): string | undefined {
    const absolute = resolve(this.cwd, file)
    if (this.ignoreFile && matches(this.ignoreFile, this.cwd, absolute)) return IGNORE_FILE
    if (settings.ignore !== undefined && matches(settings.ignore.matcher, settings.ignore.base, absolute)) return settings.configFile
    return undefined
  }

  private async search(directory: string): Promise<Settings> {
    const found = await this.lookUp(directory).catch((error) => this.rethrow(error))
    if (found) await Promise.all([loadSchema(), loadIgnore()])
    return found ? this.settings(found.filepath, found.config, await this.customRules(found.filepath, found.config)) : this.settings(undefined, {})
  }

  /**
   * The nearest config from `directory` upward, as lilconfig searched it (which this replaces for
   * the lookup: it loaded on every run, and checked each place with an asynchronous call): in
   * each folder, the first of CONFIG_FILES that exists, skipping empty files and a package.json
   * with no `cluelint` key. Each folder is looked in once per run.
   */
  private lookUp(directory: string): Promise<Found | undefined> {
    let found = this.foundFrom.get(directory)
    if (!found) {
      found = this.lookIn(directory)
      this.foundFrom.set(directory, found)
    }
    return found
  }

  private async lookIn(directory: string): Promise<Found | undefined> {
    for (const place of CONFIG_FILES) {
      const filepath = join(directory, place)
      // A folder that happens to bear the name is not a config file.
      if (!statSync(filepath, {throwIfNoEntry: false})?.isFile()) continue
      const content = readFileSync(filepath, 'utf8')
      if (place === 'package.json') {
        const config = (jsonLoader(filepath, content) as {cluelint?: unknown} | null)?.cluelint
        if (config != null) return {filepath, config}
        continue
      }
      if (content.trim() === '') continue
      return {filepath, config: await loaders[extname(place) || 'noExt'](filepath, content)}
    }
    const parent = dirname(directory)
    return directory === STOP_DIRECTORY || parent === directory ? undefined : this.lookUp(parent)
  }

  private async loadExplicit(path: string): Promise<Settings> {
    const absolute = resolve(this.cwd, path)
    const stats = statSync(absolute, {throwIfNoEntry: false})
    if (!stats) throw new ConfigError(path, 'no such config file')
    if (!stats.isFile()) throw new ConfigError(path, 'is a folder, not a config file')
    const extension = extname(absolute)
    if (extension !== '' && !(extension in loaders)) {
      throw new ConfigError(path, `unknown config format '${extension}' (use .json, .yaml, .yml, .js, .mjs, .cjs or no extension)`)
    }
    // Bundled into dist/ (tsup.config.ts), the CommonJS module's exports are its default export only.
    const loaded = (await import('lilconfig')) as typeof import('lilconfig') & {default?: typeof import('lilconfig')}
    const lilconfig = loaded.lilconfig ?? loaded.default!.lilconfig
    const explorer = lilconfig('cluelint', {packageProp: 'cluelint', loaders})
    const found = await explorer.load(absolute).catch((error) => this.rethrow(error))
    await Promise.all([loadSchema(), loadIgnore()])
    if (found && found.config === null && absolute.endsWith(`${sep}package.json`)) throw new ConfigError(this.show(absolute), "no 'cluelint' key")
    return this.settings(absolute, found?.config, await this.customRules(absolute, found?.config))
  }

  /**
   * The config's own rules (`customRules`): rule files (JSON or YAML, relative to the config's
   * folder) and inline rules, each checked against the data rule schema. A rule that cannot be
   * used stops the run with one line naming its file (or the config, for an inline rule).
   */
  private customRules(file: string, raw: unknown): Promise<DataRuleSpec[]> {
    let specs = this.customByFile.get(file)
    if (!specs) this.customByFile.set(file, (specs = this.readCustomRules(file, raw)))
    return specs
  }

  private async readCustomRules(file: string, raw: unknown): Promise<DataRuleSpec[]> {
    const list = (raw as {customRules?: unknown} | null | undefined)?.customRules
    if (!Array.isArray(list)) return [] // the config's schema says what is wrong with it
    const specs: DataRuleSpec[] = []
    const where: string[] = []
    for (const [index, item] of list.entries()) {
      let value: unknown = item
      let shown = this.show(file)
      let base: PropertyKey[] = ['customRules', index]
      if (typeof item === 'string' && item.trim() !== '') {
        const path = resolve(dirname(file), item)
        shown = this.show(path)
        base = []
        const extension = extname(path).toLowerCase()
        if (!['.json', '.yaml', '.yml'].includes(extension)) throw new ConfigError(shown, `unknown rule file format '${extension || 'none'}' (use .json, .yaml or .yml)`)
        const stats = statSync(path, {throwIfNoEntry: false})
        if (!stats) throw new ConfigError(shown, `no such rule file (customRules[${index}] in ${this.show(file)})`)
        if (!stats.isFile()) throw new ConfigError(shown, 'is a folder, not a rule file')
        let content: string
        try {
          content = readFileSync(path, 'utf8')
        } catch (error) {
          throw new ConfigError(shown, `cannot read: ${firstLine((error as Error).message)}`)
        }
        value = await loaders[extension === '.json' ? '.json' : '.yaml'](shown, content)
      } else if (typeof item !== 'object' || item === null || Array.isArray(item)) continue // the config's schema says what is wrong with it
      const spec = validateRule(value ?? {}, shown, base)
      const clash = specs.findIndex((other) => other.id === spec.id)
      if (clash >= 0) throw new ConfigError(shown, `${base.length > 0 ? formatRulePath(base) + '.' : ''}id: "${spec.id}" is also the id of the rule in ${where[clash]}`)
      specs.push(spec)
      where.push(shown)
    }
    return specs
  }

  private rethrow(error: unknown): never {
    if (error instanceof ConfigError) throw new ConfigError(this.show(error.file), error.reason)
    throw error
  }

  private settings(file: string | undefined, raw: unknown, custom: DataRuleSpec[] = []): Settings {
    const cached = this.byFile.get(file ?? '')
    if (cached) return cached
    const config = file === undefined ? {} : validate(raw ?? {}, this.show(file), custom)
    const {overrides} = this
    const rules: Record<string, SeveritySetting> = {}
    const ruleOptions: Record<string, Record<string, unknown>> = {}
    for (const [id, entry] of Object.entries(config.rules ?? {})) {
      if (typeof entry === 'string') rules[id] = entry
      else {
        rules[id] = entry[0]
        if (entry[1]) ruleOptions[id] = entry[1]
      }
    }
    Object.assign(rules, overrides.rules)
    const settings: Settings = {
      options: {
        lang: overrides.lang ?? config.lang ?? 'auto',
        locale: overrides.locale ?? config.locale ?? overrides.envLocale ?? DEFAULT_LOCALE,
        rules,
        ruleOptions,
        channel: overrides.channel ?? config.channel,
        template: overrides.template ?? config.template,
        quiet: overrides.quiet,
        ...(custom.length > 0 ? {customRules: custom} : {}),
        ...(config.courtesy ? {courtesy: config.courtesy} : {})
      },
      minScore: overrides.minScore ?? config.minScore,
      maxWarnings: overrides.maxWarnings ?? config.maxWarnings,
      configFile: file === undefined ? undefined : this.show(file),
      // loadIgnore() has run: a config file was found.
      ignore: file !== undefined && config.ignore?.length ? {base: dirname(file), matcher: ignoreModule!().add(config.ignore)} : undefined
    }
    this.byFile.set(file ?? '', settings)
    return settings
  }
}

let schema: typeof import('./schema.js') | undefined

/** Loads the config schema (and zod): before `validate`. */
export async function loadSchema(): Promise<void> {
  schema ??= await import('./schema.js')
}

/**
 * Validates a loaded config; the first problem becomes a one-line ConfigError. Call `loadSchema()`
 * first. `custom`: the config's own rules, already read and checked (their ids are rule ids).
 */
export function validate(raw: unknown, file: string, custom: DataRuleSpec[] = []): CluelintConfig {
  if (!schema) throw new Error('cluelint: loadSchema() must run before validate()')
  const result = schema.configSchema(custom).safeParse(raw, {reportInput: true})
  if (result.success) return result.data
  throw new ConfigError(file, schema.describeIssue(result.error.issues[0]))
}

function matches(matcher: Ignore, base: string, absolute: string): boolean {
  const path = relative(base, absolute)
  if (!path || outside(path)) return false
  return matcher.ignores(path.split(sep).join('/'))
}

function outside(relativePath: string): boolean {
  return relativePath === '..' || relativePath.startsWith(`..${sep}`) || isAbsolute(relativePath)
}

/** `customRules[2]` */
function formatRulePath(path: readonly PropertyKey[]): string {
  return schema ? schema.formatPath(path) : path.join('.')
}

/**
 * Checks a rule written as data (a rule file, or an inline rule at `base` in the config): the
 * first problem becomes a one-line ConfigError naming `file`. A rule may not take a built-in id.
 */
export function validateRule(raw: unknown, file: string, base: readonly PropertyKey[] = []): DataRuleSpec {
  if (!schema) throw new Error('cluelint: loadSchema() must run before validateRule()')
  const result = schema.dataRuleSchema().safeParse(raw, {reportInput: true})
  if (!result.success) throw new ConfigError(file, schema.describeIssue(result.error.issues[0], base))
  if (schema.isBuiltInRule(result.data.id)) throw new ConfigError(file, `${base.length > 0 ? formatRulePath(base) + '.' : ''}id: "${result.data.id}" is a built-in rule (choose another id)`)
  return result.data
}
