/**
 * `cluelint lsp --stdio`: the language server editors talk to (vscode-languageserver).
 *
 * - Diagnostics on open and on every change (debounced), for text, Markdown, e-mail and HTML
 *   documents: the CLI's readers, config cascade, ignore patterns and inline directives, so the
 *   editor and CI agree. Cleared when a document closes; a config change re-lints every document.
 * - Hover: the message, the rule's rationale, one bad → good example in the draft's language.
 * - Code actions: the rule's suggestions, its safe fix, "disable for this line" (the inline
 *   directive), "allow this phrase" (written to the nearest config file), and
 *   `source.fixAll.cluelint` (every safe fix).
 * - The score: a code lens on the first line, and a `cluelint/score` notification.
 *
 * State is per open document (its last lint) and is dropped when it closes; the engine keeps a
 * bounded number of rule configurations, so a long session stays flat.
 */
import {basename, extname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import lspNode from 'vscode-languageserver/node'
import type {
  CodeAction,
  CodeLens,
  Connection,
  Diagnostic,
  Hover,
  InitializeParams,
  InitializeResult,
  Range,
  TextEdit,
  WorkspaceEdit
} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {ConfigError, ConfigResolver, type Settings} from '../config/index.js'
import {customRules, getRule, lintDraft, processorCount, ruleUrl} from '../engine.js'
import {fixText, isFixable} from '../fix.js'
import {InputError} from '../readers/decode.js'
import {readerOf} from '../readers/registry.js'
import {DIRECTIVE_RULE} from '../directives.js'
import {formatMessage, localeFromEnv, localeFromTag, type Locale, type MessageData} from '../i18n.js'
import type {Draft, Finding, Lang} from '../types.js'
import {allowPhrase, configFormat} from './allow.js'

const {createConnection, TextDocuments, TextDocumentSyncKind, DiagnosticSeverity, CodeActionKind, ProposedFeatures, FileChangeType, DidChangeWatchedFilesNotification} = lspNode

export const FIX_ALL_KIND = 'source.fixAll.cluelint'
export const ALLOW_COMMAND = 'cluelint.allowPhrase'
export const SCORE_COMMAND = 'cluelint.showScore'
export const SCORE_NOTIFICATION = 'cluelint/score'
export const STATS_REQUEST = 'cluelint/stats'

/** Files whose change re-reads the config (see src/config/index.ts). */
const CONFIG_NAMES = new Set(['.cluelintrc', '.cluelintrc.json', '.cluelintrc.yaml', '.cluelintrc.yml', 'cluelint.config.js', 'cluelint.config.mjs', 'cluelint.config.cjs', 'package.json', '.cluelintignore'])

export interface ServerOptions {
  /** Milliseconds between the last change and the lint (default 150). */
  debounce?: number
}

/** The last lint of one open document. */
interface Linted {
  version: number
  lang?: Lang
  score?: number
  grade?: string
  findings: Finding[]
  settings?: Settings
  /** The config file "allow this phrase" writes to (absolute), or where a new one goes. */
  configPath?: string
}

/** The reader a document needs, from its file name, else from its language id. */
function formatOf(document: TextDocument, path: string): '.txt' | '.md' | '.html' | '.eml' | undefined {
  const extension = extname(path).toLowerCase()
  const reader = readerOf(path)
  if (reader === 'markdown') return '.md'
  if (reader === 'html') return '.html'
  if (reader === 'eml') return '.eml'
  if (reader === 'csv' || reader === 'jsonl' || reader === 'json') return undefined // campaign files: the CLI's job
  if (extension === '.txt') return '.txt'
  switch (document.languageId) {
    case 'markdown':
      return '.md'
    case 'html':
      return '.html'
    case 'mail':
    case 'email':
    case 'eml':
      return '.eml'
    default:
      return '.txt'
  }
}

function pathOf(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri)
    } catch {
      // fall through: an odd file URI is linted as an untitled document
    }
  }
  const query = uri.search(/[?#]/)
  return basename(query === -1 ? uri : uri.slice(0, query)) || 'untitled'
}

/** The drafts of a document, read the way the CLI reads a file of its kind. */
async function draftsOfDocument(text: string, file: string, format: '.txt' | '.md' | '.html' | '.eml'): Promise<Draft[]> {
  const named = format === extname(file).toLowerCase() ? file : file + format
  if (format === '.eml') {
    const {draftsFromEml} = await import('../readers/eml.js')
    const drafts = await draftsFromEml(Buffer.from(text, 'utf8'), file)
    // The e-mail reader decodes the file as bytes; its positions are this text's when it reads it back the same.
    return drafts.filter((draft) => draft.source === undefined || draft.source === text)
  }
  const {draftsOf} = await import('../readers/stream.js')
  return (await draftsOf(text, named)).map((draft) => ({...draft, file, name: file}))
}

const SEVERITY = {error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information} as const

function rangeOf(document: TextDocument, start: number, end: number): Range {
  return {start: document.positionAt(start), end: document.positionAt(end)}
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character)
  return !before(a.end, b.start) && !before(b.end, a.start)
}

/** Runs the server over a connection (stdio in `cluelint lsp --stdio`, streams in the tests). */
export function startServer(connection: Connection, options: ServerOptions = {}): {stats(): {documents: number; timers: number; linted: number}; dispose(): void} {
  const debounce = options.debounce ?? 150
  const documents = new TextDocuments(TextDocument)
  const linted = new Map<string, Linted>()
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  let root = process.cwd()
  let resolver: ConfigResolver | undefined
  let configProblem: string | undefined
  let watchRegistration = false
  let codeLensRefresh = false
  /** The client's language (`initialize` params `locale`): it wins over the config's `locale` and the environment's. */
  let clientLocale: Locale | undefined
  /** The server's own words (code action titles, hover, lens) for a document, in its findings' locale. */
  const say = (state: Linted | undefined, id: string, data?: MessageData) => formatMessage(undefined, state?.settings?.options.locale ?? clientLocale ?? localeFromEnv(process.env) ?? 'en', id, data)

  const newResolver = () => {
    try {
      resolver = new ConfigResolver(root, {locale: clientLocale, envLocale: localeFromEnv(process.env)})
      configProblem = undefined
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      resolver = undefined
      configProblem = error.message
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri
    if (folder?.startsWith('file:')) root = fileURLToPath(folder)
    else if (params.rootPath) root = params.rootPath
    watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
    codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true
    clientLocale = localeFromTag(params.locale)
    newResolver()
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        hoverProvider: true,
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll]},
        codeLensProvider: {resolveProvider: false},
        executeCommandProvider: {commands: [ALLOW_COMMAND, SCORE_COMMAND]}
      },
      serverInfo: {name: 'cluelint', version: '0.1.0'}
    }
  })

  connection.onInitialized(() => {
    if (watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [...CONFIG_NAMES].map((name) => ({globPattern: `**/${name}`}))
      })
    }
  })

  /** Re-reads every config and re-lints every open document. */
  const reload = () => {
    newResolver()
    for (const document of documents.all()) schedule(document, 0)
  }

  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((change) => CONFIG_NAMES.has(basename(pathOf(change.uri))) && change.type !== undefined && change.type >= FileChangeType.Created)) reload()
  })
  connection.onDidChangeConfiguration(() => reload())

  /** Where a rule is documented: a built-in rule's README, else the url of the config's own rule. */
  function helpOf(id: string, settings?: Settings): string | undefined {
    return ruleUrl(getRule(id) ?? (settings && customRules(settings.options)?.rules.find((rule) => rule.id === id)) ?? {id})
  }

  async function lint(document: TextDocument): Promise<void> {
    const {uri, version} = document
    const file = pathOf(uri)
    const format = formatOf(document, file)
    const text = document.getText()
    let result: Linted = {version, findings: []}
    const diagnostics: Diagnostic[] = []
    if (configProblem || !resolver) newResolver()
    try {
      if (configProblem) throw new ConfigError('config', configProblem)
      if (format) {
        const settings = await resolver!.forFile(file)
        const ignored = file !== basename(file) && resolver!.ignoredBy(file, settings) !== undefined
        result.settings = settings
        result.configPath = settings.configFile !== undefined ? resolve(root, settings.configFile) : undefined
        if (!ignored && text.trim() !== '') {
          const findings: Finding[] = []
          let score = 100
          let grade = 'A'
          let lang: Lang | undefined
          for (const draft of await draftsOfDocument(text, file, format)) {
            const report = lintDraft(draft, settings.options)
            for (const finding of report.findings) findings.push(finding)
            lang ??= report.lang
            if (report.score <= score) ({score, grade} = report)
          }
          result = {...result, findings, score, grade, lang}
        }
      }
    } catch (error) {
      if (error instanceof ConfigError || error instanceof InputError) {
        const reason = error instanceof ConfigError ? error.message : error.reason
        diagnostics.push({range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, severity: DiagnosticSeverity.Error, source: 'cluelint', message: `cluelint: ${reason}`})
      } else {
        connection.console.error(`cluelint: internal error on ${file}: ${(error as Error).stack ?? error}`)
      }
    }
    // A newer edit arrived while this one was linted: its own lint publishes.
    if (documents.get(uri)?.version !== version) return
    linted.set(uri, result)
    for (const finding of result.findings) {
      const diagnostic: Diagnostic = {
        range: rangeOf(document, finding.offset, finding.endOffset),
        severity: SEVERITY[finding.severity],
        code: finding.rule,
        source: 'cluelint',
        message: finding.message
      }
      // A built-in rule's README, or the page a team's rule names (none when it names none).
      const href = finding.rule === DIRECTIVE_RULE.id ? undefined : helpOf(finding.rule, result.settings)
      if (href) diagnostic.codeDescription = {href}
      diagnostics.push(diagnostic)
    }
    await connection.sendDiagnostics({uri, version, diagnostics})
    if (result.score !== undefined) {
      await connection.sendNotification(SCORE_NOTIFICATION, {uri, version, score: result.score, grade: result.grade, lang: result.lang, findings: result.findings.length})
    }
    if (codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined)
  }

  function schedule(document: TextDocument, delay: number) {
    const previous = timers.get(document.uri)
    if (previous) clearTimeout(previous)
    const timer = setTimeout(() => {
      timers.delete(document.uri)
      const current = documents.get(document.uri)
      if (current) void lint(current)
    }, delay)
    timers.set(document.uri, timer)
  }

  documents.onDidOpen((event) => schedule(event.document, 0))
  documents.onDidChangeContent((event) => {
    if (linted.has(event.document.uri) || timers.has(event.document.uri)) schedule(event.document, debounce)
  })
  documents.onDidSave((event) => {
    if (CONFIG_NAMES.has(basename(pathOf(event.document.uri)))) reload()
  })
  documents.onDidClose((event) => {
    const {uri} = event.document
    const timer = timers.get(uri)
    if (timer) clearTimeout(timer)
    timers.delete(uri)
    linted.delete(uri)
    void connection.sendDiagnostics({uri, diagnostics: []})
  })

  /** The findings of a document at its current version, linting now when the last lint is older. */
  async function current(uri: string): Promise<{document: TextDocument; state: Linted} | undefined> {
    const document = documents.get(uri)
    if (!document) return undefined
    let state = linted.get(uri)
    if (!state || state.version !== document.version) {
      const timer = timers.get(uri)
      if (timer) clearTimeout(timer)
      timers.delete(uri)
      await lint(document)
      state = linted.get(uri)
    }
    return state ? {document, state} : undefined
  }

  connection.onHover(async (params): Promise<Hover | null> => {
    const found = await current(params.textDocument.uri)
    if (!found) return null
    const {document, state} = found
    const offset = document.offsetAt(params.position)
    const here = state.findings.filter((finding) => finding.offset <= offset && offset <= Math.max(finding.endOffset, finding.offset + 1))
    if (here.length === 0) return null
    const parts = here.map((finding) => {
      const rule = getRule(finding.rule)
      const lines = [`**cluelint** \`${finding.rule}\` (${finding.severity}): ${finding.message}`]
      if (rule) {
        lines.push('', rule.rationale)
        const lang = state.lang ?? 'en'
        const examples = rule.examples[lang]
        if (examples?.bad[0] && examples.good[0]) lines.push('', say(state, 'insteadOf', {text: examples.bad[0]}), '', say(state, 'write', {text: examples.good[0]}))
        lines.push('', `[${finding.rule}](${helpOf(finding.rule)})`)
      } else if (finding.rule === DIRECTIVE_RULE.id) {
        lines.push('', DIRECTIVE_RULE.rationale)
      }
      return lines.join('\n')
    })
    const first = here[0]
    return {contents: {kind: 'markdown', value: parts.join('\n\n---\n\n')}, range: rangeOf(document, first.offset, first.endOffset)}
  })

  connection.onCodeAction(async (params): Promise<CodeAction[]> => {
    const found = await current(params.textDocument.uri)
    if (!found) return []
    const {document, state} = found
    const {uri} = document
    const only = params.context.only
    const wants = (kind: string) => !only || only.some((asked) => kind === asked || kind.startsWith(asked + '.'))
    const actions: CodeAction[] = []
    const edit = (edits: TextEdit[]): WorkspaceEdit => ({changes: {[uri]: edits}})
    const file = pathOf(uri)
    const format = formatOf(document, file)

    if (wants(CodeActionKind.QuickFix)) {
      for (const finding of state.findings) {
        const range = rangeOf(document, finding.offset, finding.endOffset)
        if (!overlaps(range, params.range)) continue
        const diagnostic = params.context.diagnostics.find((item) => item.code === finding.rule && item.range.start.line === range.start.line && item.range.start.character === range.start.character)
        const diagnostics = diagnostic ? [diagnostic] : undefined
        if (finding.fix) {
          actions.push({title: say(state, 'lspFix', {message: finding.message}), kind: CodeActionKind.QuickFix, diagnostics, isPreferred: true, edit: edit([{range: rangeOf(document, finding.fix.range[0], finding.fix.range[1]), newText: finding.fix.text}])})
        }
        finding.suggestions.forEach((suggestion, index) => {
          actions.push({title: suggestion.desc, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: index === 0 && !finding.fix, edit: edit([{range: rangeOf(document, suggestion.fix.range[0], suggestion.fix.range[1]), newText: suggestion.fix.text}])})
        })
        if (finding.rule === DIRECTIVE_RULE.id) continue
        actions.push({title: say(state, 'lspDisable', {rule: finding.rule}), kind: CodeActionKind.QuickFix, diagnostics, edit: edit([disableLine(document, range.start.line, finding.rule, format)])})
        const rule = getRule(finding.rule)
        const phrase = finding.excerpt.replace(/\s+/g, ' ').trim()
        const target = state.configPath ?? join(root, '.cluelintrc.yaml')
        if (rule?.extend && state.lang && phrase && phrase.length <= 80 && configFormat(target) !== 'js') {
          actions.push({
            title: say(state, 'lspAllow', {phrase, rule: finding.rule, file: basename(target)}),
            kind: CodeActionKind.QuickFix,
            diagnostics,
            command: {title: 'Allow this phrase', command: ALLOW_COMMAND, arguments: [{uri, rule: finding.rule, phrase: phrase.toLowerCase(), lang: state.lang, config: target}]}
          })
        }
      }
    }
    if ((wants(FIX_ALL_KIND) || wants(CodeActionKind.SourceFixAll)) && format && (format === '.txt' || format === '.md') && state.settings) {
      const text = document.getText()
      const named = isFixable(file) ? file : file + format
      const {output, fixed} = fixText(text, named, state.settings.options)
      if (fixed > 0) {
        actions.push({title: say(state, 'lspFixAll', {count: fixed}), kind: FIX_ALL_KIND, edit: edit([{range: {start: document.positionAt(0), end: document.positionAt(text.length)}, newText: output}])})
      }
    }
    return actions
  })

  connection.onExecuteCommand(async (params) => {
    if (params.command === SCORE_COMMAND) return null
    if (params.command !== ALLOW_COMMAND) return null
    const [args] = (params.arguments ?? []) as Array<{uri: string; rule: string; phrase: string; lang: Lang; config: string}>
    if (!args || !getRule(args.rule)?.extend) return null
    try {
      const written = allowPhrase(args.config, args.rule, args.lang, args.phrase)
      connection.window.showInformationMessage(`cluelint: “${args.phrase}” allowed for ${args.rule} in ${written}`)
    } catch (error) {
      connection.window.showErrorMessage(`cluelint: could not write ${args.config}: ${(error as Error).message}`)
    }
    reload()
    return null
  })

  connection.onCodeLens(async (params): Promise<CodeLens[]> => {
    const found = await current(params.textDocument.uri)
    if (!found || found.state.score === undefined) return []
    const {state} = found
    const count = state.findings.length
    const title = say(state, 'lens', {score: state.score ?? 0, grade: state.grade ?? '', findings: {messageId: count === 1 ? 'oneFinding' : 'findings', data: {count}}})
    return [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, command: {title, command: SCORE_COMMAND, arguments: [params.textDocument.uri]}}]
  })

  // What the server holds and its memory (bench/lsp.js); the heap is collected first when `node --expose-gc` runs it.
  connection.onRequest(STATS_REQUEST, () => {
    ;(globalThis as {gc?: () => void}).gc?.()
    return {documents: documents.all().length, timers: timers.size, linted: linted.size, processors: processorCount(), memory: process.memoryUsage()}
  })

  documents.listen(connection)
  connection.listen()
  return {
    /** What the server holds, for the tests: open documents, pending lints, kept lints. */
    stats: () => ({documents: documents.all().length, timers: timers.size, linted: linted.size}),
    dispose() {
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
      linted.clear()
    }
  }
}

/** "Disable for this line": the directive the CLI reads, on a line of its own above, indented alike. */
function disableLine(document: TextDocument, line: number, rule: string, format: string | undefined): TextEdit {
  const text = document.getText({start: {line, character: 0}, end: {line: line + 1, character: 0}})
  const indent = /^[ \t]*/.exec(text)![0]
  const eol = document.getText().includes('\r\n') ? '\r\n' : '\n'
  const directive = format === '.md' || format === '.html' ? `<!-- cluelint-disable-next-line ${rule} -->` : `cluelint-disable-next-line ${rule}`
  return {range: {start: {line, character: 0}, end: {line, character: 0}}, newText: indent + directive + eol}
}

/** `cluelint lsp --stdio`: the server on standard input and output. */
export function listen(options: ServerOptions = {}): void {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout)
  startServer(connection, options)
}
