/**
 * A one-line progress bar on stderr for long runs: shown only when stderr is
 * a terminal and the run has passed a few dozen drafts, redrawn at most ten
 * times a second, and erased before anything else is written to stderr.
 */
export interface Progress {
  /** A file is done, with this many drafts linted in all so far. */
  tick(files: number, drafts: number): void
  /** Erases the bar (before another stderr line, and at the end). */
  clear(): void
}

export const PROGRESS_MIN_DRAFTS = 36
const WIDTH = 24

export function progressBar(stream: {write(text: string): unknown; isTTY?: boolean}, totalFiles: number, now: () => number = Date.now): Progress {
  let shown = false
  let last = 0
  // Asked only once the run is long enough: a short run never creates the stderr stream.
  let tty: boolean | undefined
  return {
    tick(files, drafts) {
      if (drafts < PROGRESS_MIN_DRAFTS || (now() - last < 100 && files < totalFiles)) return
      if (!(tty ??= Boolean(stream.isTTY))) return
      last = now()
      const filled = Math.round((files / Math.max(1, totalFiles)) * WIDTH)
      stream.write(`\r\u001b[2K[${'='.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${files}/${totalFiles} files · ${drafts.toLocaleString('en')} drafts`)
      shown = true
    },
    clear() {
      if (shown) stream.write('\r\u001b[2K')
      shown = false
    }
  }
}
