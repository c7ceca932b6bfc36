import {readFileSync, writeFileSync} from 'node:fs'
import {relative} from 'node:path'
import {Chalk} from 'chalk'
import {Command, CommanderError, InvalidArgumentError, Option} from 'commander'
import {rules} from '../rules/index.js'
import {ConfigError, ConfigResolver, type Settings} from './config/index.js'
import type {DemoFlags} from './demo.js'
import type {PlaygroundFlags} from './playground/command.js'
import {customRules, lintDraft, unknownRules, weights, type LintOptions} from './engine.js'
import {DEFAULT_LOCALE, LOCALES, localeFromEnv, type Locale} from './i18n.js'
import {expandPaths} from './files.js'
import {languages} from './lang/packs.js'
import {lintInParallel, threadBudget, threadsFor, workerUrl} from './parallel.js'
import {progressBar, type Progress} from './progress.js'
import {lintInThread, RowPool} from './rows.js'
// Not readers/index.js: stream.js loads each reader only for the files that need it (cold start).
import {readStdinInput} from './readers/stdin.js'
import {draftsOf, streamDrafts} from './readers/stream.js'
import {readStreamBounded} from './readers/bounded.js'
import {asInputError, decodeText, fileError, InputError} from './readers/decode.js'
import {fileOutput, OutputError, refuseInputAsOutput, signalTurns} from './output.js'
import {prettyReporter} from './reporters/pretty.js'
import type {Reporter} from './reporters/types.js'
import type {Rule} from './rule.js'
import {summaryCounter} from './summary.js'
import type {Draft, DraftReport, Lang, SeveritySetting} from './types.js'

/** Exit codes, written down once (SPEC). */
export const EXIT = {ok: 0, lintFailure: 1, fatal: 2} as const

/** Where the CLI reads and writes: process streams by default, buffers in tests. */
export interface Io {
  stdout: {write(chunk: string): unknown; isTTY?: boolean; columns?: number}
  stderr: {write(chunk: string): unknown; isTTY?: boolean}
  stdin: NodeJS.ReadableStream & {isTTY?: boolean}
  env: Record<string, string | undefined>
  cwd: string
}

const FORMATS = ['pretty', 'json', 'jsonl', 'sarif', 'github', 'html'] as const
type Format = (typeof FORMATS)[number]
const SEVERITIES: SeveritySetting[] = ['off', 'info', 'warn', 'warning', 'error']

class UsageError extends Error {}

function integer(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string) => {
    const number = Number(value)
    if (!/^\d+$/.test(value.trim()) || number < min || number > max) {
      throw new InvalidArgumentError(`${name} expects an integer from ${min}${max === Number.MAX_SAFE_INTEGER ? '' : ` to ${max}`}, got '${value}'.`)
    }
    return number
  }
}

function ruleSetting(value: string, previous: Record<string, SeveritySetting> = {}) {
  const match = /^([a-z0-9-]+)=([a-z]+)$/.exec(value.trim())
  if (!match) throw new InvalidArgumentError(`--rule expects id=off|info|warn|error, got '${value}'.`)
  const [, id, severity] = match
  if (!SEVERITIES.includes(severity as SeveritySetting)) throw new InvalidArgumentError(`--rule ${id}: unknown severity '${severity}' (expected off, info, warn or error).`)
  return {...previous, [id]: severity as SeveritySetting}
}

/** chalk level from flags and environment: --no-color, NO_COLOR, FORCE_COLOR, then the TTY. */
export function colorLevel(flag: boolean, env: Io['env'], isTTY: boolean | undefined): 0 | 1 | 2 | 3 {
  if (!flag) return 0
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0
  const force = env.FORCE_COLOR
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0
    const level = Number(force)
    return Number.isInteger(level) && level >= 1 && level <= 3 ? (level as 1 | 2 | 3) : 1
  }
  if (!isTTY) return 0
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3
  return /256/.test(env.TERM ?? '') ? 2 : 1
}

interface LintFlags {
  /** Drafts are templates: unfilled-merge-field off. */
  template?: boolean
  /** CSV column / JSON field holding the body. */
  column?: string
  /** The name standard input's drafts get (its extension says how to read it). */
  stdinFilename?: string
  /** Standard input starts at this line of that file (a shard of it). */
  stdinLine?: number
  /** Undefined when not given, so a config's `lang` applies. */
  lang?: Lang | 'auto'
  /** The language of messages; undefined: the config's `locale`, else the environment's. */
  locale?: Locale
  config?: string
  format: Format
  output?: string
  minScore?: number
  maxWarnings?: number
  rule?: Record<string, SeveritySetting>
  quiet?: boolean
  color: boolean
  /** Apply safe fixes in place (text and Markdown drafts). */
  fix?: boolean
  /** Print the diff `--fix` would write, write nothing. */
  fixDryRun?: boolean
}

async function runLint(paths: string[], flags: LintFlags, io: Io): Promise<number> {
  // An id no rule has: checked once the configs are read (their own rules have ids too).
  const unknown = unknownRules({rules: flags.rule ?? {}})
  // Config files (from each file's folder upward, or --config), with the flags over them.
  const configs = new ConfigResolver(io.cwd, {lang: flags.lang, locale: flags.locale, envLocale: localeFromEnv(io.env), rules: flags.rule, minScore: flags.minScore, maxWarnings: flags.maxWarnings, quiet: flags.quiet, template: flags.template}, flags.config)

  const useStdin = paths.length === 0 || paths.includes('-')
  if (paths.length === 0 && io.stdin.isTTY) throw new UsageError("no input: give files, directories or globs, or pipe a draft on standard input (see 'cluelint --help')")

  const toFile = flags.output !== undefined
  const level = colorLevel(flags.color, io.env, toFile ? false : io.stdout.isTTY)

  let inputErrors = 0
  let progress: Progress = {tick() {}, clear() {}}
  const fail = (error: InputError) => {
    inputErrors++
    progress.clear()
    io.stderr.write(`cluelint: ${error.message}\n`)
  }

  // Every config is read before any output, so a broken one stops the run cleanly.
  const stdinSettings = useStdin ? await configs.forFile() : undefined
  const {files, errors} = await expandPaths(paths.filter((path) => path !== '-'))
  const targets: Array<[string, Settings]> = []
  let ignored = 0
  for (const file of files) {
    const settings = await configs.forFile(file)
    const ignoredBy = configs.ignoredBy(file, settings)
    if (ignoredBy === undefined) targets.push([file, settings])
    else {
      ignored++
      if (paths.includes(file)) io.stderr.write(`cluelint: ${file}: skipped (matches an ignore pattern in ${ignoredBy})\n`)
    }
  }
  // The configs' own rules (customRules): the first of each id, for the report's rule list and weights.
  const own = new Map<string, Rule<any, any>>()
  for (const settings of [stdinSettings, ...targets.map(([, settings]) => settings)]) {
    for (const rule of (settings && customRules(settings.options)?.rules) ?? []) if (!own.has(rule.id)) own.set(rule.id, rule)
  }
  const stranger = unknown.find((id) => !own.has(id))
  if (stranger !== undefined) throw new UsageError(`unknown rule id '${stranger}' in --rule (run 'cluelint rules' for the list)`)
  const runRules = own.size > 0 ? {rules: [...rules, ...own.values()], weights: new Map([...weights, ...[...own.values()].map((rule) => [rule.id, rule.weight] as const)])} : {rules, weights}
  // The report's own words (SARIF's rule messages) in the flag's locale, else the config's of the first draft.
  const locale = (stdinSettings ?? targets[0]?.[1])?.options.locale ?? flags.locale ?? localeFromEnv(io.env) ?? DEFAULT_LOCALE
  const reporter = await createReporter(flags.format, level, io, locale, runRules)
  // The report never goes over an input (ignored ones included: they are drafts all the same).
  if (toFile) refuseInputAsOutput(flags.output!, files)
  const output = toFile ? fileOutput(flags.output!) : undefined
  try {
    const emit = output ? (text: string) => output.write(text) : (text: string) => void io.stdout.write(text)
    const code = await lintTargets()
    output?.finish()
    return code

    async function lintTargets(): Promise<number> {
      const reports: DraftReport[] = []
      const counter = summaryCounter()
      const used = new Set<Settings>()
      let below: {score: number; name: string; settings: Settings} | undefined // the lowest draft under its minScore
      let draftsWithErrors = 0
      const lintOne = (draft: Parameters<typeof lintDraft>[0], source: string, settings: Settings) => record(lintDraft(draft, settings.options), source, settings, draft.origin?.line)
      let draftsLinted = 0 // drafts so far, for the progress bar (cheaper than building the summary per draft)
      const record = (report: DraftReport, source: string, settings: Settings, firstLine: number | undefined) => {
        // A streaming reporter has printed the draft: only its counts are kept (bounded memory for big campaigns).
        if (!reporter.streaming) reports.push(report)
        counter.add(report)
        draftsLinted++
        if (report.findings.some((finding) => finding.severity === 'error')) draftsWithErrors++
        used.add(settings)
        if (settings.minScore !== undefined && report.score < settings.minScore && report.score < (below?.score ?? Infinity)) below = {score: report.score, name: report.name, settings}
        if (reporter.draft) emit(reporter.draft(report, source, firstLine))
      }
      // With a report file, Ctrl-C (which removes its temporary file) is heard between drafts.
      const turn = output ? signalTurns() : async () => undefined

      if (flags.fix || flags.fixDryRun) {
        if (flags.fix && flags.fixDryRun) throw new UsageError('--fix and --fix-dry-run: give one of them')
        if (flags.fix && useStdin) throw new UsageError('--fix writes files and cannot write standard input: use --fix-dry-run to see the diff')
        const {fixText, isFixable} = await import('./fix.js')
        const {createTwoFilesPatch} = flags.fixDryRun ? await import('diff') : {createTwoFilesPatch: undefined}
        let fixed = 0
        let files = 0
        const fixOne = (name: string, text: string, settings: Settings, write?: (output: string) => void) => {
          const result = fixText(text, name, settings.options)
          if (result.output === text) return
          fixed += result.fixed
          files++
          if (write) return write(result.output)
          const shown = name === '<stdin>' ? name : relative(io.cwd, name) || name
          emit(createTwoFilesPatch!(`a/${shown}`, `b/${shown}`, text, result.output, undefined, undefined, {context: 3}).replace(/^=+\n/, ''))
        }
        if (stdinSettings) {
          try {
            fixOne('<stdin>', decodeText(await readStreamBounded(io.stdin, '<stdin>'), '<stdin>'), stdinSettings)
          } catch (error) {
            if (!(error instanceof InputError)) throw error
            fail(error)
          }
        }
        for (const error of errors) fail(error)
        for (const [file, settings] of targets) {
          if (!isFixable(file)) {
            fail(new InputError(file, `not fixed: ${flags.fix ? '--fix' : '--fix-dry-run'} works on text and Markdown drafts only (.txt, .md), not on campaign files, e-mails or HTML`))
            continue
          }
          try {
            const bytes = readFileSync(file)
            const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
            const text = decodeText(bytes, file)
            fixOne(file, text, settings, flags.fix ? (output) => writeFileSync(file, (bom ? '\uFEFF' : '') + output) : undefined)
          } catch (error) {
            if (error instanceof InputError) fail(error)
            else if ((error as NodeJS.ErrnoException).code) fail(fileError(file, error as Error))
            else throw error
          }
        }
        if (flags.fixDryRun) {
          return inputErrors > 0 ? EXIT.fatal : EXIT.ok
        }
        if (fixed > 0) io.stderr.write(`cluelint: --fix: ${fixed} fix${fixed === 1 ? '' : 'es'} applied in ${files} file${files === 1 ? '' : 's'}\n`)
        // The report that follows is of the fixed files; the errors above are counted once.
        errors.length = 0
      }

      // Hundreds of files: linted on every core, reported in the same order (src/parallel.ts).
      const threads = threadsFor(targets.map(([file]) => file), io.env, (text) => io.stderr.write(`cluelint: ${text}\n`))
      // One file at a time; the rows of a big campaign file (CSV, JSON, JSON Lines, JSON Lines on standard input) on every core (src/rows.ts).
      const pool = threads > 1 ? undefined : rowPool(io.env)
      const lintAll = (drafts: AsyncIterable<Draft>, settings: Settings) => (pool ? pool.lint(drafts, settings.options) : lintInThread(drafts, settings.options))
      try {
        if (stdinSettings) {
          const name = flags.stdinFilename ?? '<stdin>'
          try {
            const input = await readStdinInput(io.stdin, flags.stdinFilename)
            if (input.kind === 'jsonl') {
              // Streamed: a shard of a big export piped through `cluelint --format jsonl -`.
              const {jsonlDrafts} = await import('./readers/json.js')
              const drafts = jsonlDrafts(name, {column: flags.column, input: input.chunks, firstLine: flags.stdinLine})
              for await (const linted of lintAll(drafts, stdinSettings)) {
                // A draft that cannot be linted is reported; the others still are.
                if ('error' in linted) fail(new InputError(linted.error.file, linted.error.reason))
                else record(linted.report, linted.source, stdinSettings, linted.line)
                await turn()
              }
            } else {
              if (/\.csv$/i.test(name)) throw new InputError(name, 'CSV is not read on standard input: give the file, or pipe it as JSON Lines')
              const text = decodeText(input.bytes, name)
              for (const draft of await draftsOf(text, name, {column: flags.column})) {
                try {
                  lintOne(draft, draft.source ?? draft.text, stdinSettings)
                } catch (error) {
                  if (!(error instanceof InputError)) throw error
                  fail(error)
                }
              }
            }
          } catch (error) {
            fail(asInputError(name, error))
          }
        }
        for (const error of errors) fail(error)
        // stderr is only looked at once the bar may show (see processIo).
        progress = progressBar({write: (text) => io.stderr.write(text), get isTTY() { return io.stderr.isTTY }}, targets.length)
        let filesDone = 0
        if (threads > 1) {
          const jobs = targets.map(([file, settings]) => ({file, options: settings.options}))
          let index = 0
          for await (const result of lintInParallel(jobs, threads, flags.column)) {
            const settings = targets[index++][1]
            for (const linted of result.drafts) record(linted.report, linted.source, settings, linted.line)
            for (const skipped of result.skipped) fail(skipped)
            if (result.error) fail(result.error)
            progress.tick(++filesDone, draftsLinted)
          }
        }
        for (const [file, settings] of threads > 1 ? [] : targets) {
          try {
            for await (const linted of lintAll(streamDrafts(file, {column: flags.column}), settings)) {
              // A draft that cannot be linted is reported; the file's other drafts still are.
              if ('error' in linted) fail(new InputError(linted.error.file, linted.error.reason))
              else record(linted.report, linted.source, settings, linted.line)
              progress.tick(filesDone, draftsLinted)
              await turn()
            }
          } catch (error) {
            fail(asInputError(file, error))
          }
          progress.tick(++filesDone, draftsLinted)
          await turn()
        }
      } finally {
        await pool?.close()
      }
      progress.clear()

      const report = {version: 1 as const, drafts: reports, summary: counter.summary()}
      if (draftsLinted === 0 && inputErrors === 0) {
        // Nothing linted and nothing said why: every file was ignored, or a campaign file held no rows.
        const where = paths.filter((path) => path !== '-')
        fail(new InputError(where.join(' ') || '<stdin>', `no drafts found${ignored > 0 ? ` (${ignored} file${ignored === 1 ? '' : 's'} skipped by ignore patterns)` : ''}`))
      }
      emit(reporter.done(report, {inputErrors}))

      if (inputErrors > 0) return EXIT.fatal
      // Every reason to fail, on one line: a CI log shows it whatever the report format.
      const reasons: string[] = []
      const {summary} = report
      if (summary.errors > 0) reasons.push(`${summary.errors} error${summary.errors === 1 ? '' : 's'} in ${draftsWithErrors} draft${draftsWithErrors === 1 ? '' : 's'}`)
      if (below) {
        const where = flags.minScore !== undefined ? '--min-score' : `minScore (${below.settings.configFile})`
        reasons.push(`lowest score ${below.score} (${below.name}) is below ${where} ${below.settings.minScore}`)
      }
      // --max-warnings, else the strictest maxWarnings of the configs that applied.
      let strictest: number | undefined
      for (const settings of used) if (settings.maxWarnings !== undefined && !(settings.maxWarnings >= (strictest ?? Infinity))) strictest = settings.maxWarnings
      const maxWarnings = flags.maxWarnings ?? strictest
      if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
        const where = flags.maxWarnings !== undefined ? '--max-warnings' : 'maxWarnings (config)'
        reasons.push(`${summary.warnings} warnings exceed ${where} ${maxWarnings}`)
      }
      if (reasons.length === 0) return EXIT.ok
      // A report that could not be written to stdout (a full disk) is heard first: exit 2 and its line, not this one.
      if (!output) await new Promise((resolve) => setImmediate(resolve))
      io.stderr.write(`cluelint: ${reasons.join('; ')}\n`)
      return EXIT.lintFailure
    }
  } finally {
    // Any error, or an exception out of a reader: no half report is left behind.
    output?.abort()
  }
}

/**
 * Workers for the rows of campaign files, when there are several threads to use: the budget is
 * read, and the workers started, on the first big file (a run on one draft reads no load average).
 */
function rowPool(env: Io['env']): RowPool {
  return new RowPool(() => threadBudget(env), workerUrl)
}

/**
 * The reporter of a format. Only the default (pretty) is loaded with the CLI:
 * the others (the HTML report with its style and script, SARIF and its
 * hashes) load when asked for, so a run on one draft does not compile them.
 */
async function createReporter(format: Format, level: 0 | 1 | 2 | 3, io: Io, locale: Locale, run: {rules: ReadonlyArray<Rule<any, any>>; weights: ReadonlyMap<string, number>}): Promise<Reporter> {
  const {weights} = run
  switch (format) {
    case 'json':
      return (await import('./reporters/json.js')).jsonReporter()
    case 'jsonl':
      return (await import('./reporters/jsonl.js')).jsonlReporter()
    case 'sarif':
      return (await import('./reporters/sarif.js')).sarifReporter({cwd: io.cwd, locale, rules: run.rules})
    case 'github':
      return (await import('./reporters/github.js')).githubReporter({cwd: io.cwd})
    case 'html':
      return (await import('./reporters/html.js')).htmlReporter({weights})
    default:
      return prettyReporter({color: level, weights, width: io.stdout.columns})
  }
}

// `rules` and `explain` load the terminal renderer (and the HTML report's segmenter) on demand.
/**
 * The settings of a command that lints no files of the user's (rules, explain): the config of the
 * current folder, for its locale and its own rules. A config that cannot be used is one line on
 * stderr (`failed` is set: exit 2) and the command goes on with the built-in rules.
 */
async function commandSettings(io: Io, failed: () => void): Promise<LintOptions> {
  try {
    return (await new ConfigResolver(io.cwd, {envLocale: localeFromEnv(io.env)}).forFile()).options
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    io.stderr.write(`cluelint: ${error.message} (its own rules are left out)\n`)
    failed()
    return {locale: localeFromEnv(io.env) ?? DEFAULT_LOCALE}
  }
}

/** The built-in rules, then the config's own. */
function knownRules(options: LintOptions): ReadonlyArray<Rule<any, any>> {
  const custom = customRules(options)
  return custom ? [...rules, ...custom.rules] : rules
}

async function listRules(format: string, io: Io, color: boolean, options: LintOptions): Promise<void> {
  const known = knownRules(options)
  if (format === 'json') {
    const list = known.map((rule) => ({id: rule.id, languages: rule.languages, severity: rule.severity, weight: rule.weight, category: rule.category, summary: rule.summary}))
    io.stdout.write(JSON.stringify(list, null, 2) + '\n')
    return
  }
  if (format !== 'pretty') throw new UsageError(`unknown format '${format}' for rules (expected pretty or json)`)
  const {renderRules, textWidth} = await import('./reporters/terminal.js')
  const c = new Chalk({level: colorLevel(color, io.env, io.stdout.isTTY)})
  io.stdout.write(renderRules(known, c, textWidth(io.stdout.columns)))
}

const localeOption = () => new Option('--locale <locale>', 'language of the messages (default: the config\'s locale, else LC_ALL, LC_MESSAGES or LANG, else en)').choices([...LOCALES])

/** The locale of a command that lints no files of the user's: the flag, else the config of the current folder, else the environment. */
async function commandLocale(flag: Locale | undefined, io: Io): Promise<Locale> {
  if (flag) return flag
  try {
    return (await new ConfigResolver(io.cwd, {envLocale: localeFromEnv(io.env)}).forFile()).options.locale ?? DEFAULT_LOCALE
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return localeFromEnv(io.env) ?? DEFAULT_LOCALE
  }
}

async function explain(id: string, io: Io, color: boolean, locale: Locale, options: LintOptions): Promise<void> {
  const rule = knownRules(options).find((known) => known.id === id)
  if (!rule) throw new UsageError(`unknown rule id '${id}' (run 'cluelint rules' for the list)`)
  const {renderExplain, textWidth} = await import('./reporters/terminal.js')
  const c = new Chalk({level: colorLevel(color, io.env, io.stdout.isTTY)})
  io.stdout.write(renderExplain(rule, c, textWidth(io.stdout.columns), locale, {customRules: options.customRules}))
}

/** Runs the CLI; returns the exit code. The bin sets `process.exitCode` from it. */
export async function main(argv: string[] = process.argv, io: Io = processIo()): Promise<number> {
  let code: number = EXIT.ok
  const program = new Command('cluelint')
  program
    .description('Lint sales outreach drafts (French and English): personal, not personalized.')
    .version('0.1.0', '-v, --version')
    .exitOverride()
    .configureOutput({writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text)})
    .showSuggestionAfterError()
    .enablePositionalOptions()

  program
    .argument('[paths...]', "files, directories and globs; '-' for standard input")
    .addOption(new Option('-l, --lang <lang>', 'language of the drafts (default: auto, or the config\'s lang)').choices(['auto', ...languages()]))
    .addOption(new Option('--locale <locale>', 'language of the messages (default: the config\'s locale, else LC_ALL, LC_MESSAGES or LANG, else en)').choices([...LOCALES]))
    .addOption(new Option('-f, --format <name>', 'report format').choices([...FORMATS]).default('pretty'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--min-score <n>', 'fail when any draft scores below n', integer('--min-score', 0, 100))
    .option('--max-warnings <n>', 'fail when warnings exceed n', integer('--max-warnings', 0))
    .option('--rule <id=severity>', 'set a rule to off, info, warn or error (repeatable)', ruleSetting)
    .option('-c, --config <file>', 'config file (default: .cluelintrc* or cluelint.config.js looked up from each file\'s folder)')
    .option('--quiet', 'report errors only')
    .option('--template', 'the drafts are templates: merge fields are expected (unfilled-merge-field off, every other rule on)')
    .option('--column <name>', 'CSV column or JSON field holding the body (default: body, message, text, content, corps or texte)')
    .option('--fix', 'apply safe fixes (spacing, "!!!") in place, then report what is left (text and Markdown drafts only)')
    .option('--fix-dry-run', 'print the diff --fix would apply, and write nothing')
    .option('--stdin-filename <name>', 'name of the drafts read on standard input; its extension says how to read them (.jsonl: JSON Lines; without it, a first line that is a JSON object means JSON Lines)')
    .option('--stdin-line <n>', 'standard input is a shard of that file starting at line n (JSON Lines): names and lines count from there', integer('--stdin-line', 1))
    .option('--no-color', 'no colour (also: NO_COLOR, non-TTY output)')
    .action(async (paths: string[], flags: LintFlags) => {
      code = await runLint(paths, flags, io)
    })

  program
    .command('rules')
    .description('list the rules: id, languages, default severity, summary')
    .addOption(new Option('-f, --format <name>', 'pretty or json').default('pretty'))
    .option('--no-color', 'no colour')
    .action(async (flags: {format: string; color: boolean}) => {
      const options = await commandSettings(io, () => (code = EXIT.fatal))
      await listRules(flags.format, io, flags.color, options)
    })

  program
    .command('explain')
    .description('why a rule exists, with bad and good examples in French and English')
    .argument('<rule>', 'rule id')
    .addOption(localeOption())
    .option('--no-color', 'no colour')
    .action(async (id: string, flags: {color: boolean; locale?: Locale}) => {
      const options = await commandSettings(io, () => (code = EXIT.fatal))
      await explain(id, io, flags.color, flags.locale ?? options.locale ?? DEFAULT_LOCALE, options)
    })

  program
    .command('demo')
    .description('walk through the built-in fixtures: a bad draft, its rewrite, the scores and why (one pair per key press)')
    .addOption(new Option('-l, --lang <lang>', 'only the pairs in this language').choices(languages()))
    .option('--all', 'print every pair at once (also when the input or output is not a terminal)')
    .addOption(new Option('-f, --format <name>', 'pretty, or html: the whole demo as one page').choices(['pretty', 'html']).default('pretty'))
    .option('-o, --output <file>', 'write the demo to a file instead of stdout')
    .addOption(localeOption())
    .option('--no-color', 'no colour')
    .action(async (flags: DemoFlags) => {
      const {runDemo} = await import('./demo.js')
      code = await runDemo({...flags, locale: await commandLocale(flags.locale, io)}, io, colorLevel(flags.color, io.env, io.stdout.isTTY), weights)
    })

  program
    .command('playground')
    .description('write one self-contained HTML page that lints drafts as they are typed, in the browser (nothing is sent anywhere)')
    .option('-o, --output <file>', 'write the page to a file instead of stdout (e.g. cluelint.html)')
    .option('-c, --config <file>', 'bake this config\'s rule settings and channel into the page (default: the config looked up from the current folder)')
    .addOption(new Option('-l, --lang <lang>', 'the page\'s default language for drafts').choices(['auto', ...languages()]))
    .option('--rule <id=severity>', 'set a rule to off, info, warn or error in the page (repeatable)', ruleSetting)
    .option('--template', 'drafts are templates: merge fields are expected')
    .action(async (flags: PlaygroundFlags) => {
      const unknown = unknownRules({rules: flags.rule ?? {}})
      if (unknown.length > 0) throw new UsageError(`unknown rule id '${unknown[0]}' in --rule (run 'cluelint rules' for the list)`)
      // Loaded on demand: reads the browser bundle and builds the page.
      const {runPlayground, PlaygroundError} = await import('./playground/command.js')
      try {
        await runPlayground(flags, io)
      } catch (error) {
        if (error instanceof PlaygroundError) throw new UsageError(error.message)
        throw error
      }
    })

  program
    .command('campaign')
    .description('a whole campaign: personal, or only personalized? (template + --contacts, or written drafts)')
    .argument('<inputs...>', 'a template (with --contacts), or drafts: folders, CSV, JSON Lines')
    .option('--contacts <file>', 'contacts CSV: render the template once per row')
    .addOption(new Option('-f, --format <name>', 'report format').choices(['pretty', 'json']).default('pretty'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('-l, --lang <lang>', 'language of the drafts').choices(['auto', ...languages()]).default('auto'))
    .option('--column <name>', 'CSV column or JSON field holding the body (drafts mode)')
    .option('--free-text <columns>', 'template mode: columns written per contact as free text, comma-separated (icebreaker, note, accroche… are known)')
    .option('--threshold <n>', 'similarity from which drafts are near-identical (0..1, default 0.7)', (value: string) => {
      const number = Number(value)
      if (!(number > 0 && number <= 1)) throw new InvalidArgumentError(`--threshold expects a number in (0, 1], got '${value}'.`)
      return number
    })
    .option('--no-color', 'no colour')
    .action(async (inputs: string[], flags: {contacts?: string; format: 'pretty' | 'json'; output?: string; lang: Lang | 'auto'; column?: string; threshold?: number; freeText?: string; color: boolean}) => {
      // Loaded on demand: a single-draft run never pays for the template engine.
      const {runCampaign} = await import('./campaign/command.js')
      try {
        code = await runCampaign(inputs, flags, {lang: flags.lang}, {
          write: (text) => io.stdout.write(text),
          error: (text) => io.stderr.write(text),
          color: colorLevel(flags.color, io.env, flags.output ? false : io.stdout.isTTY)
        })
      } catch (error) {
        if (!(error instanceof InputError)) throw error
        io.stderr.write(`cluelint: ${error.file}: ${error.reason}\n`)
        code = EXIT.fatal
      }
    })

  program
    .command('lsp')
    .description('language server for editors, on standard input and output: diagnostics, hover, code actions, the score')
    .option('--stdio', 'talk over standard input and output (the only transport)')
    .option('--debounce <ms>', 'pause after the last change before linting (default 150)', integer('--debounce', 0, 10_000))
    .action(async (flags: {debounce?: number}) => {
      // Loaded on demand: linting never pays for the protocol library.
      const {listen} = await import('./lsp/server.js')
      listen({debounce: flags.debounce})
      // The server runs until the editor closes the connection (it exits the process then).
      await new Promise(() => undefined)
    })

  try {
    await program.parseAsync(argv)
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok
      return EXIT.fatal // commander already wrote its one-line reason to stderr
    }
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof OutputError) {
      io.stderr.write(`cluelint: ${error.message}\n`)
      return EXIT.fatal
    }
    io.stderr.write(`cluelint: internal error: ${(error as Error).stack ?? error}\n`)
    return EXIT.fatal
  }
  return code
}

function processIo(): Io {
  return {
    stdout: process.stdout,
    // Created when first used: creating a stream costs a few milliseconds, and most runs
    // write nothing to stderr and read nothing from stdin.
    get stderr() {
      return process.stderr
    },
    get stdin() {
      return process.stdin
    },
    env: process.env,
    cwd: process.cwd()
  }
}
