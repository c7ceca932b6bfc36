/**
 * A worker thread of the CLI: lints the files it is sent, a batch of files
 * per message (src/parallel.ts), or the rows of a big campaign file, a
 * batch of rows per message (src/rows.ts), and posts back each draft's
 * report with the text the reporters quote, one message per batch.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {lintBatch, type BatchMessage, type BatchResult} from './parallel.js'
import {fromWire, lintHere, type RowsMessage, type RowsResult} from './rows.js'

/** Batches answered so far, raised once each answer is posted: the main thread reads it to keep this worker fed (`Lane` in src/parallel.ts). */
const answered = (workerData as {answered?: Int32Array} | null)?.answered

function answer(message: BatchResult | RowsResult): void {
  parentPort!.postMessage(message)
  if (answered) Atomics.add(answered, 0, 1)
}

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
    answer(lintRows(message))
    return
  }
  const results = await lintBatch(message.jobs, message.column)
  answer({batch: message.batch, results} satisfies BatchResult)
})
