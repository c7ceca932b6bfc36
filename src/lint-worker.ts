/**
 * A worker thread of the CLI: lints the files it is sent, a batch of files
 * per message (src/parallel.ts), or the rows of a big campaign file, a
 * batch of rows per message (src/rows.ts), and posts back each draft's
 * report with the text the reporters quote, one message per batch.
 */
import {parentPort} from 'node:worker_threads'
import {lintDraft} from './engine.js'
import {asInputError, InputError} from './readers/decode.js'
import {streamDrafts} from './readers/stream.js'
import type {BatchMessage, BatchResult} from './parallel.js'
import {fromWire, lintHere, type RowsMessage, type RowsResult} from './rows.js'

function lintRows(message: RowsMessage): RowsResult {
  try {
    // The text each report quotes stays on the main thread (it sent it): not copied back.
    const linted = message.drafts.map((draft) => {
      const result = lintHere(fromWire(draft), message.options)
      return 'error' in result ? result : {report: result.report, line: result.line}
    })
    return {rows: message.rows, linted}
  } catch (error) {
    return {rows: message.rows, linted: [], fatal: (error as Error).stack ?? String(error)}
  }
}

parentPort!.on('message', async (message: BatchMessage | RowsMessage) => {
  if ('rows' in message) {
    parentPort!.postMessage(lintRows(message))
    return
  }
  const results: BatchResult['results'] = []
  for (const job of message.jobs) {
    const drafts: BatchResult['results'][number]['drafts'] = []
    const skipped: Array<{file: string; reason: string}> = []
    try {
      for await (const draft of streamDrafts(job.file, {column: message.column})) {
        // A draft that cannot be linted is reported (lintDraft throws an InputError); the others still are.
        try {
          drafts.push({report: lintDraft(draft, job.options), source: draft.source ?? draft.text, line: draft.origin?.line})
        } catch (error) {
          if (!(error instanceof InputError)) throw error
          skipped.push({file: error.file, reason: error.reason})
        }
      }
      results.push({drafts, skipped})
    } catch (error) {
      // Whatever stopped the reading of this file is its one line: the run goes on.
      const failure = asInputError(job.file, error)
      results.push({drafts, skipped, error: {file: failure.file, reason: failure.reason}})
    }
  }
  parentPort!.postMessage({batch: message.batch, results} satisfies BatchResult)
})
