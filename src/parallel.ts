/**
 * Many files, every core: the CLI hands files to worker threads
 * (src/lint-worker.ts), lints some itself while they work, and reports the
 * drafts in the order of the files, exactly as one thread would. Worth it
 * from a few hundred files on (a worker takes a cold start to load).
 * Campaign files (CSV, JSON Lines) are read on the main thread, in bounded
 * memory, and their rows spread over the workers (src/rows.ts).
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {availableParallelism, loadavg} from 'node:os'
import {isStreamed} from './readers/registry.js'
import {fileURLToPath} from 'node:url'
import {lintDraft, type LintOptions} from './engine.js'
import {asInputError, InputError} from './readers/decode.js'
import {streamDrafts} from './readers/stream.js'
import type {DraftReport} from './types.js'

/** From this many files on, the CLI lints in parallel (below, starting workers costs more than it saves). */
export const PARALLEL_FROM = 300
/**
 * Files go to a worker, and come back, in batches of up to this many: each message wakes the
 * other thread, and one message per file cost a fifth of a worker's time on 2 cores (profiled).
 */
const BATCH = 32
/**
 * Batches sent to a worker before it answers: three, so that it still has work queued while this
 * thread lints a batch of its own (as src/rows.ts); memory stays bounded.
 */
const IN_FLIGHT = 3

export interface Linted {
  report: DraftReport
  source: string
  /** First line of the draft in its file (CSV rows and the like), when not 1. */
  line?: number
}

export interface FileResult {
  file: string
  drafts: Linted[]
  /** Drafts of the file that could not be linted (the others were). */
  skipped: InputError[]
  /** Why the file could not be read (to the end). */
  error?: InputError
}

export interface Job {
  file: string
  options: LintOptions
}

/** What the main thread sends a worker: files to lint, in order (the same options object is cloned once per batch). */
export interface BatchMessage {
  batch: number
  jobs: Job[]
  column?: string
}

/** What a worker sends back: one result per file of the batch, in its order. */
export interface BatchResult {
  batch: number
  results: Array<{drafts: Linted[]; skipped?: Array<{file: string; reason: string}>; error?: {file: string; reason: string}; fatal?: string}>
}

/**
 * A worker and the number of batches it has answered, which it raises as soon as each answer is
 * posted (src/lint-worker.ts). This thread reads it to keep the worker fed: an answer only reaches
 * this thread's 'message' handler when its event loop turns, and while it lints a batch of its own and
 * reads the next rows (promises, no turn of the loop) it took the worker for busy when it was waiting
 * (profiled, a campaign file on 2 threads: the worker idle a ninth of the time, this thread linting
 * four batches in a row meanwhile).
 */
export interface Lane {
  worker: import('node:worker_threads').Worker
  answered: Int32Array
  /** Batches sent to it so far. */
  sent: number
}

/**
 * Young generation of a worker's heap, in MB: twice V8's default (its semi-spaces of 32 MB instead of
 * 16). Linting a draft allocates its syntax tree and analysis and drops them when done: with the
 * default, scavenges copied the tree of the draft being linted over and over, and a draft cost a sixth
 * more CPU (measured: 4,800 drafts linted in a worker, 7.2 s of CPU against 8.9 s; in the main thread,
 * `--max-semi-space-size=32` gives the same, but a running process cannot change its own).
 */
export const WORKER_YOUNG_MB = 96

/** Starts a worker on `script` with its count of answers. */
export function startLane(Worker: typeof import('node:worker_threads').Worker, script: URL): Lane {
  const answered = new Int32Array(new SharedArrayBuffer(4))
  return {worker: new Worker(script, {workerData: {answered}, resourceLimits: {maxYoungGenerationSizeMb: WORKER_YOUNG_MB}}), answered, sent: 0}
}

/** Batches sent to the lane's worker that it has not answered yet. */
export function inFlight(lane: Lane): number {
  return lane.sent - Atomics.load(lane.answered, 0)
}

/** The worker script, next to this module once built (dist/); absent when running from sources. */
export const workerUrl = new URL('./lint-worker.js', import.meta.url)

/** `CLUELINT_THREADS` above this many threads per core is capped: each worker holds a whole pipeline (1e9 ran V8 out of memory). */
export const THREADS_PER_CORE = 4

/**
 * Threads to use for these files: 1 when parallel linting does not apply.
 * `warn` hears, once, why `CLUELINT_THREADS` was not taken as given (capped, or not a whole number).
 */
export function threadsFor(files: readonly string[], env: Record<string, string | undefined> = process.env, warn: (text: string) => void = () => {}, cores = availableParallelism()): number {
  const wanted = wantedThreads(env.CLUELINT_THREADS, cores, warn)
  if (files.length < PARALLEL_FROM) return 1
  if (files.some(isStreamed)) return 1
  return threadBudget(env, warn, cores, wanted)
}

/**
 * Threads the CLI may use: `CLUELINT_THREADS` (capped), else the cores other processes leave idle
 * (`defaultThreads`); 1 when the worker script is missing (running from sources). The rows of a big
 * campaign file use them too (src/rows.ts).
 */
export function threadBudget(env: Record<string, string | undefined> = process.env, warn: (text: string) => void = () => {}, cores = availableParallelism(), wanted = wantedThreads(env.CLUELINT_THREADS, cores, warn)): number {
  const threads = wanted ?? defaultThreads(cores, busyElsewhere())
  if (threads < 2 || workerUrl.protocol !== 'file:' || !existsSync(fileURLToPath(workerUrl))) return 1
  return threads
}

/**
 * Threads when `CLUELINT_THREADS` is not set: every core (up to 8) but those other processes keep
 * busy (`busyElsewhere`), as `make -l` and GNU parallel's `--load` do. On a busy shared machine a
 * second thread gets no core of its own (Linux shares the CPU between sessions first): it only adds
 * the cost of a worker and of its copy of the pipeline (measured: 1.5x slower).
 */
export function defaultThreads(cores: number, load: number): number {
  return Math.max(1, Math.min(cores, 8) - Math.floor(Number.isFinite(load) ? Math.max(0, load) : 0))
}

/**
 * How many cores other processes keep busy now. On Linux, the runnable tasks the kernel counts at
 * this instant (`/proc/loadavg`, fourth field) less those of this process (`ownRunning`), the fewest
 * of a few readings a couple of milliseconds apart, so that a short-lived process does not count.
 * This process's own threads are not only the one reading: V8's helper threads (optimizing compiler,
 * garbage collector) are busy right after the configs of thousands of files were read, and counted as
 * another process's they kept a run on an idle machine on one thread (seen: 2 to 4 running tasks, all
 * this process's, in every reading). Not the 1-minute load average: it still counts a minute of work
 * that has ended (a build or an `npm ci` just before the run, the passes of `npm run bench` before its
 * CLI runs), and a run that followed one used a single thread on idle cores. Elsewhere, the 1-minute
 * load average. `read`, `average` and `own` are for tests.
 */
export function busyElsewhere(read: () => string = () => readFileSync('/proc/loadavg', 'latin1'), samples = 5, average = () => loadavg()[0], own: () => number = ownRunning): number {
  let fewest = Number.POSITIVE_INFINITY
  try {
    const pause = new Int32Array(new SharedArrayBuffer(4))
    for (let sample = 0; sample < samples; sample++) {
      if (sample > 0) Atomics.wait(pause, 0, 0, 2)
      // This process's running threads just before and just after the count: the fewer of the two,
      // so that a helper thread that stops in between is not taken off another process's count.
      const before = own()
      const running = Number(/^\S+ \S+ \S+ (\d+)\//.exec(read())?.[1])
      if (!Number.isInteger(running)) throw new Error('no count of running tasks')
      fewest = Math.min(fewest, running - Math.max(1, Math.min(before, own())))
    }
  } catch {
    return average()
  }
  return Math.max(0, fewest)
}

/**
 * Threads of this process that are running now (state R in `/proc/self/task/<id>/stat`), this one
 * included; 1 (this one) when they cannot be read.
 */
export function ownRunning(): number {
  let running = 0
  try {
    for (const task of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${task}/stat`, 'latin1')
        // The state follows the command name, which is in parentheses and may hold any character.
        if (stat.charCodeAt(stat.lastIndexOf(')') + 2) === 82 /* R */) running++
      } catch {
        // A thread that ended meanwhile.
      }
    }
  } catch {
    return 1
  }
  return Math.max(1, running)
}

/** `CLUELINT_THREADS` as a number of threads, capped; undefined when not set or not a whole number from 1. */
export function wantedThreads(value: string | undefined, cores: number, warn: (text: string) => void): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const wanted = Number(value)
  if (!Number.isInteger(wanted) || wanted < 1) {
    warn(`CLUELINT_THREADS=${value} is not a whole number from 1: ignored`)
    return undefined
  }
  const cap = Math.max(1, cores) * THREADS_PER_CORE
  if (wanted > cap) {
    warn(`CLUELINT_THREADS=${value} capped at ${cap} (${THREADS_PER_CORE} per core, ${cores} core${cores === 1 ? '' : 's'})`)
    return cap
  }
  return wanted
}

/** Lints a batch of files, each draft on its own (a worker's job, and this thread's: see `lintInParallel`). */
export async function lintBatch(jobs: readonly Job[], column?: string): Promise<BatchResult['results']> {
  const results: BatchResult['results'] = []
  for (const job of jobs) {
    const drafts: Linted[] = []
    const skipped: Array<{file: string; reason: string}> = []
    try {
      for await (const draft of streamDrafts(job.file, {column})) {
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
  return results
}

/**
 * Lints the files on `threads` threads: `threads - 1` workers and this one, which lints a batch
 * whenever every worker has its batches queued (it only reads their results and prints otherwise,
 * which leaves it most of a core: with as many workers as cores, three threads shared two cores
 * and each draft cost a third more CPU). Yields each file's drafts in the order of `jobs`.
 */
export async function* lintInParallel(jobs: readonly Job[], threads: number, column?: string, {script = workerUrl, counts = {workers: 0, here: 0}}: {script?: URL; counts?: {workers: number; here: number}} = {}): AsyncGenerator<FileResult> {
  // Loaded here: a run on a few files never starts a worker.
  const {Worker} = await import('node:worker_threads')
  const lanes = Array.from({length: Math.max(1, threads - 1)}, () => startLane(Worker, script))
  // Small runs still give every thread several batches, so they finish together.
  const size = Math.max(1, Math.min(BATCH, Math.ceil(jobs.length / (threads * 4))))
  const batches = Math.ceil(jobs.length / size)
  const results = new Map<number, BatchResult['results']>()
  let failure: Error | undefined
  let wake: (() => void) | undefined
  let next = 0
  /** The batch whose results are printed next. */
  let printing = 0
  // Batches sent or linted ahead of the one printed next stay few (a slow worker does not let them pile up).
  const room = () => next - printing < (lanes.length + 1) * IN_FLIGHT * 2

  const send = (lane: Lane) => {
    while (inFlight(lane) < IN_FLIGHT && next < batches && room()) {
      const batch = next++
      lane.sent++
      const message: BatchMessage = {batch, jobs: jobs.slice(batch * size, (batch + 1) * size), column}
      lane.worker.postMessage(message)
      counts.workers += message.jobs.length
    }
  }
  for (const lane of lanes) {
    lane.worker.on('message', (message: BatchResult) => {
      for (const result of message.results) if (result.fatal) failure ??= new Error(result.fatal)
      results.set(message.batch, message.results)
      send(lane)
      wake?.()
    })
    lane.worker.on('error', (error) => {
      failure ??= error
      wake?.()
    })
    send(lane)
  }

  try {
    for (let batch = 0; batch < batches; batch++) {
      printing = batch
      while (!results.has(batch)) {
        if (failure) throw failure
        // Workers that answered meanwhile (their answers may not have reached this thread yet) are fed first.
        for (const lane of lanes) send(lane)
        if (next < batches && room() && lanes.every((lane) => inFlight(lane) >= IN_FLIGHT)) {
          const here = next++
          const batchJobs = jobs.slice(here * size, (here + 1) * size)
          results.set(here, await lintBatch(batchJobs, column))
          counts.here += batchJobs.length
          // The workers' answers that came meanwhile are taken in before this thread takes another batch.
          await new Promise<void>((resolve) => setImmediate(resolve))
          continue
        }
        await new Promise<void>((resolve) => (wake = resolve))
      }
      if (failure) throw failure
      const batchResults = results.get(batch)!
      results.delete(batch)
      for (const [offset, result] of batchResults.entries()) {
        const error = result.error ? new InputError(result.error.file, result.error.reason) : undefined
        const skipped = (result.skipped ?? []).map((item) => new InputError(item.file, item.reason))
        yield {file: jobs[batch * size + offset].file, drafts: result.drafts, skipped, error}
      }
    }
  } finally {
    await Promise.all(lanes.map((lane) => lane.worker.terminate()))
  }
}
