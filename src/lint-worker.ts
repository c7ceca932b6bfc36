/**
 * A worker thread of the CLI (see src/parallel.ts): lints the files it is
 * sent, a batch of files per message, and posts back each draft's report
 * with the text the reporters quote, one message per batch.
 */
import {parentPort} from 'node:worker_threads'
import {lintDraft} from './engine.js'
import {InputError} from './readers/decode.js'
import {streamDrafts} from './readers/stream.js'
import type {BatchMessage, BatchResult} from './parallel.js'

parentPort!.on('message', async (message: BatchMessage) => {
  const results: BatchResult['results'] = []
  for (const job of message.jobs) {
    const drafts: BatchResult['results'][number]['drafts'] = []
    try {
      for await (const draft of streamDrafts(job.file, {column: message.column})) {
        drafts.push({report: lintDraft(draft, job.options), source: draft.source ?? draft.text, line: draft.origin?.line})
      }
      results.push({drafts})
    } catch (error) {
      if (error instanceof InputError) results.push({drafts, error: {file: error.file, reason: error.reason}})
      else results.push({drafts, fatal: (error as Error).stack ?? String(error)})
    }
  }
  parentPort!.postMessage({batch: message.batch, results} satisfies BatchResult)
})
