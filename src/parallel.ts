/**
 * Many files, every core: the CLI hands files to worker threads
 * (src/lint-worker.ts) and reports their drafts in the order of the files,
 * exactly as one thread would. Worth it from a few hundred files on (a
 * worker takes a cold start to load); campaign files (CSV, JSON Lines)
 * always stream on the main thread, in bounded memory.
 */
import {existsSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {extname} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {LintOptions} from './engine.js'
import {InputError} from './readers/decode.js'
import type {DraftReport} from './types.js'

/** From this many files on, the CLI lints in parallel (below, starting workers costs more than it saves). */
export const PARALLEL_FROM = 300
/** Files sent to a worker before its results come back: keeps every core busy, memory bounded. */
const IN_FLIGHT = 24

export interface Linted {
  report: DraftReport
  source: string
  /** First line of the draft in its file (CSV rows and the like), when not 1. */
  line?: number
}

export interface FileResult {
  file: string
  drafts: Linted[]
  error?: InputError
}

export interface Job {
  file: string
  options: LintOptions
}

/** The worker script, next to this module once built (dist/); absent when running from sources. */
const workerUrl = new URL('./lint-worker.js', import.meta.url)

/** Threads to use for these files: 1 when parallel linting does not apply. */
export function threadsFor(files: readonly string[], env: Record<string, string | undefined> = process.env): number {
  if (files.length < PARALLEL_FROM) return 1
  if (files.some((file) => ['.csv', '.jsonl', '.ndjson'].includes(extname(file).toLowerCase()))) return 1
  const wanted = Number(env.CLUELINT_THREADS)
  const threads = Number.isInteger(wanted) && wanted >= 1 ? wanted : Math.min(availableParallelism(), 8)
  if (threads < 2 || workerUrl.protocol !== 'file:' || !existsSync(fileURLToPath(workerUrl))) return 1
  return threads
}

/** Lints the files on `threads` workers; yields each file's drafts in the order of `jobs`. */
export async function* lintInParallel(jobs: readonly Job[], threads: number, column?: string): AsyncGenerator<FileResult> {
  // Loaded here: a run on a few files never starts a worker.
  const {Worker} = await import('node:worker_threads')
  const workers = Array.from({length: threads}, () => new Worker(workerUrl))
  const results = new Map<number, FileResult>()
  let failure: Error | undefined
  let wake: (() => void) | undefined
  const pending = new Array<number>(threads).fill(0)
  let next = 0

  const send = (worker: number) => {
    while (pending[worker] < IN_FLIGHT && next < jobs.length) {
      const id = next++
      pending[worker]++
      workers[worker].postMessage({id, file: jobs[id].file, options: jobs[id].options, column})
    }
  }
  workers.forEach((worker, index) => {
    worker.on('message', (message: {id: number; drafts: Linted[]; error?: {file: string; reason: string}; fatal?: string}) => {
      pending[index]--
      if (message.fatal) failure ??= new Error(message.fatal)
      const error = message.error ? new InputError(message.error.file, message.error.reason) : undefined
      results.set(message.id, {file: jobs[message.id].file, drafts: message.drafts, error})
      send(index)
      wake?.()
    })
    worker.on('error', (error) => {
      failure ??= error
      wake?.()
    })
    send(index)
  })

  try {
    for (let id = 0; id < jobs.length; id++) {
      while (!results.has(id)) {
        if (failure) throw failure
        await new Promise<void>((resolve) => (wake = resolve))
      }
      if (failure) throw failure
      const result = results.get(id)!
      results.delete(id)
      yield result
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}
