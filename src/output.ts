/**
 * `-o FILE`: the report is streamed to a temporary file beside FILE, renamed
 * to FILE once complete, so that an interrupted or failed run leaves no half
 * report (and no temporary file: SIGINT and SIGTERM remove it). Never a file
 * the run reads: an output that is one of the inputs (the same path, a link
 * to it) is refused before anything is written.
 */
import {closeSync, openSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'

/** An output problem: one line on stderr, exit 2. */
export class OutputError extends Error {}

/** Short words for the system errors an output meets. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  const known: Record<string, string> = {
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such folder',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'is a folder',
    EROFS: 'read-only file system',
    EIO: 'input/output error',
    EFBIG: 'file too large for the file system'
  }
  return code && known[code] ? `${known[code]} (${code})` : code ?? (error as Error).message
}

/**
 * Throws OutputError when `output` is one of `inputs` (same file: same path,
 * a symbolic or hard link to it). Paths that do not exist are not inputs.
 */
export function refuseInputAsOutput(output: string, inputs: Iterable<string>, option = '--output'): void {
  let target
  try {
    target = statSync(output)
  } catch {
    return // nothing there yet: it cannot be an input
  }
  for (const input of inputs) {
    let info
    try {
      info = statSync(input)
    } catch {
      continue
    }
    if (info.ino === target.ino && info.dev === target.dev) {
      throw new OutputError(`${option} ${output}: is ${input === output ? 'an input' : `the input ${input}`} of this run; cluelint never writes over what it reads (choose another file)`)
    }
  }
}

export interface Output {
  write(text: string): void
  /** Renames the temporary file to the output: the report is complete. */
  finish(): void
  /** Removes the temporary file (an error, an interrupted run). Safe to call twice. */
  abort(): void
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/** The longest the event loop (and so a signal) waits between two drafts, in milliseconds. */
const TURN_MS = 50

/**
 * Linting is synchronous, and a signal is only heard when the event loop turns: with a report
 * file, call the function this returns between drafts, so that Ctrl-C (which removes the
 * temporary file) is heard during a long run, not once the report is written. It gives the loop a
 * turn when TURN_MS have passed since the last; counted in time, not in drafts (a run of 40 slow
 * drafts, under a count of 64, heard Ctrl-C only at its end).
 */
export function signalTurns(): () => Promise<void> {
  let last = performance.now()
  return async () => {
    if (performance.now() - last < TURN_MS) return
    await new Promise((resolve) => setImmediate(resolve))
    last = performance.now()
  }
}

/** A report written to `target` through a temporary file in the same folder. */
export function fileOutput(target: string, option = '--output'): Output {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`)
  let fd: number | undefined
  try {
    fd = openSync(temporary, 'wx')
  } catch (error) {
    throw new OutputError(`${option} ${target}: ${describeError(error)}`)
  }
  let open = true
  const onSignal = (signal: NodeJS.Signals) => {
    abort()
    // Dies of the signal, as it would have without this handler (exit status 128 + n for the shell).
    process.kill(process.pid, signal)
  }
  for (const signal of SIGNALS) process.once(signal, onSignal)
  const release = () => {
    open = false
    for (const signal of SIGNALS) process.removeListener(signal, onSignal)
    if (fd !== undefined) {
      try {
        closeSync(fd)
      } catch {
        // already closed
      }
      fd = undefined
    }
  }
  const abort = () => {
    if (!open) return
    release()
    try {
      unlinkSync(temporary)
    } catch {
      // already gone
    }
  }
  return {
    write(text) {
      if (!open || text.length === 0) return
      const bytes = Buffer.from(text)
      try {
        for (let done = 0; done < bytes.length; ) done += writeSync(fd!, bytes, done, bytes.length - done)
      } catch (error) {
        abort()
        throw new OutputError(`${option} ${target}: ${describeError(error)}`)
      }
    },
    finish() {
      if (!open) return
      release()
      try {
        renameSync(temporary, target)
      } catch (error) {
        try {
          unlinkSync(temporary)
        } catch {
          // already gone
        }
        throw new OutputError(`${option} ${target}: ${describeError(error)}`)
      }
    },
    abort
  }
}
