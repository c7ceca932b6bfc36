/**
 * One big campaign file on every core: the main thread reads the rows of a
 * CSV, JSON or JSON Lines file (streamed, as on one thread), worker threads
 * (src/lint-worker.ts) lint them in batches, and the reports come back in
 * row order, exactly as one thread gives them. Only a few batches per worker
 * are in flight at a time, and the file is read no faster than they come
 * back, so memory stays bounded whatever the number of rows.
 */
import {lintDraft, type LintOptions} from './engine.js'
import {inFlight, startLane, type Lane, type Linted} from './parallel.js'
import {InputError} from './readers/decode.js'
import {offsetMap} from './readers/offsets.js'
import type {Draft} from './types.js'

/** Drafts of one file read before workers are used: below, a file is linted on the main thread (a worker takes a cold start to load). */
export const ROWS_FROM = 300
/** Rows per message: each message wakes the other thread; a batch is some 30 ms of linting. */
const ROW_BATCH = 32
/**
 * Batches sent to a worker before it answers: three, so that the worker still has work queued
 * while this thread lints a batch of its own (with two it ran dry a tenth of the time, profiled).
 */
const IN_FLIGHT = 3

/** A draft as it crosses to a worker: its offset map as a table (a function cannot be sent). */
export interface WireDraft extends Omit<Draft, 'map'> {
  offsets?: Int32Array
}

/** What the main thread sends a worker: rows to lint, in order. */
export interface RowsMessage {
  rows: number
  options: LintOptions
  drafts: WireDraft[]
}

/** A draft's report, or why it could not be linted (the file's other drafts still are). */
export type RowLinted = Linted | {error: {file: string; reason: string}}

/**
 * What a worker sends back: one report per row of the batch, in its order, without the text the
 * reporters quote (this thread still has it: it is not copied back).
 */
export interface RowsResult {
  rows: number
  linted: Array<Omit<Linted, 'source'> | {error: {file: string; reason: string}}>
  fatal?: string
}

export function toWire(draft: Draft): WireDraft {
  const {map, ...rest} = draft
  if (!map) return rest
  const offsets = new Int32Array(draft.text.length)
  for (let index = 0; index < offsets.length; index++) offsets[index] = map(index)
  return {...rest, offsets}
}

export function fromWire(wire: WireDraft): Draft {
  const {offsets, ...rest} = wire
  return offsets ? {...rest, map: offsetMap(offsets)} : rest
}

export function lintHere(draft: Draft, options: LintOptions): RowLinted {
  try {
    return {report: lintDraft(draft, options), source: draft.source ?? draft.text, line: draft.origin?.line}
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    return {error: {file: error.file, reason: error.reason}}
  }
}

/** Drafts linted on this thread, one at a time. */
export async function* lintInThread(drafts: AsyncIterable<Draft>, options: LintOptions): AsyncGenerator<RowLinted> {
  for await (const draft of drafts) yield lintHere(draft, options)
}

/**
 * Worker threads for the rows of campaign files, started when a file has
 * more than ROWS_FROM drafts and reused for the next ones; `close` ends them.
 */
export class RowPool {
  private lanes: Lane[] | undefined
  private batches = 0
  /** Drafts linted by the workers and by this thread, so far (tests count them). */
  readonly linted = {workers: 0, here: 0}

  /**
   * `threads` may be a function, asked when a file first has enough rows to spread: the thread
   * budget reads the machine's load (milliseconds), which a run on small files never needs.
   */
  constructor(
    private threads: number | (() => number),
    private readonly workerUrl: URL
  ) {}

  /** The drafts' reports, in their order; an error of the reader is thrown after the drafts read before it. */
  async *lint(drafts: AsyncIterable<Draft>, options: LintOptions): AsyncGenerator<RowLinted> {
    const iterator = drafts[Symbol.asyncIterator]()
    const head: Draft[] = []
    let readError: unknown
    let ended = false
    try {
      while (head.length < ROWS_FROM) {
        const next = await iterator.next()
        if (next.done) {
          ended = true
          break
        }
        head.push(next.value)
      }
    } catch (error) {
      readError = error
      ended = true
    }
    if (!ended && typeof this.threads === 'function') this.threads = this.threads()
    if (ended || (this.threads as number) < 2) {
      this.linted.here += head.length
      for (const draft of head) yield lintHere(draft, options)
      if (readError !== undefined) throw readError
      if (ended) return
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        this.linted.here++
        yield lintHere(next.value, options)
      }
      return
    }
    yield* this.spread(head, iterator, options)
  }

  async close(): Promise<void> {
    const lanes = this.lanes
    this.lanes = undefined
    if (lanes) await Promise.all(lanes.map((lane) => lane.worker.terminate()))
  }

  private async start(): Promise<Lane[]> {
    if (this.lanes) {
      for (const lane of this.lanes) lane.worker.ref()
      return this.lanes
    }
    // Loaded here: a run without a big campaign file never starts a worker.
    const {Worker} = await import('node:worker_threads')
    // This thread lints too (see `send`): one worker fewer to start and warm up.
    this.lanes = Array.from({length: Math.max(1, (this.threads as number) - 1)}, () => startLane(Worker, this.workerUrl))
    return this.lanes
  }

  private async *spread(head: Draft[], iterator: AsyncIterator<Draft>, options: LintOptions): AsyncGenerator<RowLinted> {
    const lanes = await this.start()
    const results = new Map<number, RowLinted[]>()
    /** The text of each row of the batches in a worker, to go with their reports. */
    const sources = new Map<number, string[]>()
    const first = this.batches // batch ids are unique over the pool's life
    let sent = first
    let next = first
    let failure: Error | undefined
    let wake: (() => void) | undefined
    const signal = () => {
      const resolve = wake
      wake = undefined
      resolve?.()
    }
    const wait = () => new Promise<void>((resolve) => (wake = resolve))
    const listeners = lanes.map(({worker}) => {
      const onMessage = (message: RowsResult) => {
        if (message.fatal) failure ??= new Error(message.fatal)
        const texts = sources.get(message.rows) ?? []
        sources.delete(message.rows)
        results.set(
          message.rows,
          message.linted.map((linted, index) => ('error' in linted ? linted : {...linted, source: texts[index]}))
        )
        signal()
      }
      const onError = (error: Error) => {
        failure ??= error
        signal()
      }
      worker.on('message', onMessage)
      worker.on('error', onError)
      return {worker, onMessage, onError}
    })

    const send = (batch: Draft[]) => {
      // Batches a worker has answered count as done here, whether or not the answer has reached this thread (see `Lane`).
      if (!lanes.some((lane) => inFlight(lane) < IN_FLIGHT)) {
        // Every worker has its batches: this thread lints this one meanwhile (it reads, sends and
        // prints otherwise, which leaves it most of a core).
        results.set(sent++, batch.map((draft) => lintHere(draft, options)))
        this.linted.here += batch.length
        this.batches = sent
        return
      }
      let lane = lanes[0]
      for (const other of lanes) if (inFlight(other) < inFlight(lane)) lane = other
      lane.sent++
      sources.set(sent, batch.map((draft) => draft.source ?? draft.text))
      const drafts = batch.map(toWire)
      const transfer = drafts.flatMap((draft) => (draft.offsets ? [draft.offsets.buffer as ArrayBuffer] : []))
      lane.worker.postMessage({rows: sent++, options, drafts} satisfies RowsMessage, transfer)
      this.linted.workers += batch.length
      this.batches = sent
    }
    // The reports waiting for an earlier batch stay few (one slow batch does not let the others pile up).
    const hasRoom = () => sent - next < (lanes.length + 1) * IN_FLIGHT * 2
    // Reports of the batches back so far, in order; with `all`, waits for every batch sent.
    async function* ready(all: boolean): AsyncGenerator<RowLinted> {
      while (next < sent) {
        if (failure) throw failure
        const linted = results.get(next)
        if (!linted) {
          if (!all) return
          await wait()
          continue
        }
        results.delete(next++)
        yield* linted
      }
      if (failure) throw failure
    }
    async function* dispatch(batch: Draft[]): AsyncGenerator<RowLinted> {
      while (!hasRoom()) {
        yield* ready(false)
        if (failure) throw failure
        if (!hasRoom()) await wait()
      }
      send(batch)
    }

    let clean = false
    try {
      const batch = head
      let readError: unknown
      try {
        for (;;) {
          while (batch.length >= ROW_BATCH) yield* dispatch(batch.splice(0, ROW_BATCH))
          yield* ready(false)
          const item = await iterator.next()
          if (item.done) break
          batch.push(item.value)
        }
      } catch (error) {
        if (failure) throw failure
        readError = error
      }
      // Rows read before a reader error still count.
      if (batch.length > 0) yield* dispatch(batch.splice(0))
      yield* ready(true)
      clean = true
      if (readError !== undefined) throw readError
    } finally {
      for (const {worker, onMessage, onError} of listeners) {
        worker.off('message', onMessage)
        worker.off('error', onError)
      }
      // Stopped midway (a worker failed, or the reader of the reports stopped): batches still in
      // flight would answer the next file, so these workers are not reused.
      if (!clean) await this.close()
      // Idle workers never keep the process alive (a run that stops on an error without `close`).
      else for (const lane of lanes) lane.worker.unref()
    }
  }
}
