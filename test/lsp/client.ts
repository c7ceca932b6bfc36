// An in-process LSP client for the tests: the server and the client talk JSON-RPC over two
// in-memory streams, exactly as over stdio.
import {PassThrough} from 'node:stream'
import {pathToFileURL} from 'node:url'
import lspNode from 'vscode-languageserver/node'
import {createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection} from 'vscode-languageserver-protocol/node'
import type {Diagnostic, TextEdit, WorkspaceEdit} from 'vscode-languageserver-protocol'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {startServer} from '../../src/lsp/server.js'

export interface Published {
  uri: string
  version?: number
  diagnostics: Diagnostic[]
}

export interface Client {
  connection: ProtocolConnection
  server: ReturnType<typeof startServer>
  /** Every diagnostics notification received, in order. */
  published: Published[]
  scores: Array<{uri: string; version: number; score: number; grade: string}>
  messages: string[]
  /** The next diagnostics for `uri` (at `version`, when given) received from now on, or already received. */
  diagnostics(uri: string, version?: number): Promise<Diagnostic[]>
  open(path: string, text: string, languageId?: string): Promise<{uri: string; document: TextDocument}>
  change(uri: string, edits: TextEdit[]): number
  close(): void
}

export async function startClient(root: string, capabilities: Record<string, unknown> = {}, debounce?: number, locale?: string): Promise<Client> {
  const toServer = new PassThrough()
  const toClient = new PassThrough()
  const server = startServer(lspNode.createConnection(new lspNode.StreamMessageReader(toServer), new lspNode.StreamMessageWriter(toClient)), {debounce})
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer))
  const published: Published[] = []
  const scores: Client['scores'] = []
  const messages: string[] = []
  const waiting: Array<{uri: string; version?: number; resolve(diagnostics: Diagnostic[]): void}> = []
  const documents = new Map<string, TextDocument>()
  connection.onNotification('textDocument/publishDiagnostics', (params: Published) => {
    published.push(params)
    for (const wait of [...waiting]) {
      if (wait.uri === params.uri && (wait.version === undefined || wait.version === params.version)) {
        waiting.splice(waiting.indexOf(wait), 1)
        wait.resolve(params.diagnostics)
      }
    }
  })
  connection.onNotification('cluelint/score', (params: Client['scores'][number]) => {
    scores.push(params)
  })
  connection.onNotification('window/showMessage', (params: {message: string}) => {
    messages.push(params.message)
  })
  connection.onRequest('window/showMessageRequest', (params: {message: string}) => {
    messages.push(params.message)
    return null
  })
  connection.onRequest('client/registerCapability', () => null)
  connection.onRequest('workspace/codeLens/refresh', () => null)
  connection.listen()
  await connection.sendRequest('initialize', {processId: null, rootUri: pathToFileURL(root).href, capabilities, workspaceFolders: null, ...(locale ? {locale} : {})})
  await connection.sendNotification('initialized', {})
  const version = 1
  return {
    connection,
    server,
    published,
    scores,
    messages,
    diagnostics(uri, atVersion) {
      const done = [...published].reverse().find((item) => item.uri === uri && (atVersion === undefined ? false : item.version === atVersion))
      if (done) return Promise.resolve(done.diagnostics)
      return new Promise((resolve) => waiting.push({uri, version: atVersion, resolve}))
    },
    async open(path, text, languageId = 'plaintext') {
      const uri = pathToFileURL(path).href
      const document = TextDocument.create(uri, languageId, version, text)
      documents.set(uri, document)
      await connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version, text}})
      return {uri, document}
    },
    change(uri, edits) {
      const document = documents.get(uri)!
      const next = TextDocument.create(uri, document.languageId, document.version + 1, TextDocument.applyEdits(document, edits))
      documents.set(uri, next)
      void connection.sendNotification('textDocument/didChange', {
        textDocument: {uri, version: next.version},
        // Applied one after the other, as the protocol says: from the end of the document backwards.
        contentChanges: [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character).map((edit) => ({range: edit.range, text: edit.newText}))
      })
      return next.version
    },
    close() {
      server.dispose()
      connection.dispose()
    }
  }
}

/** The edits of a workspace edit for one document. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  return edit?.changes?.[uri] ?? []
}

export function textOf(document: TextDocument, edits: TextEdit[]): string {
  return TextDocument.applyEdits(document, edits)
}
