/**
 * A worker thread of the CLI (see src/parallel.ts): lints the files it is
 * sent, one message per file, and posts back each draft's report with the
 * text the reporters quote.
 */
import {parentPort} from 'node:worker_threads'
import {lintDraft, type LintOptions} from './engine.js'
import {InputError} from './readers/decode.js'
import {streamDrafts} from './readers/stream.js'
import type {Linted} from './parallel.js'

interface Job {
  id: number
  file: string
  options: LintOptions
  column?: string
}

parentPort!.on('message', async (job: Job) => {
  const drafts: Linted[] = []
  try {
    for await (const draft of streamDrafts(job.file, {column: job.column})) {
      drafts.push({report: lintDraft(draft, job.options), source: draft.source ?? draft.text, line: draft.origin?.line})
    }
    parentPort!.postMessage({id: job.id, drafts})
  } catch (error) {
    if (error instanceof InputError) parentPort!.postMessage({id: job.id, drafts, error: {file: error.file, reason: error.reason}})
    else parentPort!.postMessage({id: job.id, drafts, fatal: (error as Error).stack ?? String(error)})
  }
})
