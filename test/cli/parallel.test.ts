import {existsSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {busyElsewhere, defaultThreads, inFlight, lintBatch, lintInParallel, ownRunning, PARALLEL_FROM, startLane, threadsFor, type BatchMessage, type BatchResult} from '../../src/parallel.js'
import {spawnCli, tempFiles} from '../helpers.js'

const TEMPLATES = [
  'Hi {name},\n\nThank you for the talk on onboarding. Could we book a call on Tuesday?\n\nBest,\nSam\n',
  'Bonjour {name},\n\nJe suis responsable commercial. Notre solution clé en main est la meilleure. Merci de me rappeler.\n\nCordialement,\nPierre\n',
  'Hi {{first_name}},\n\nI came across your profile and I am a huge fan. We leverage synergy with empathy.\n',
  'Hello {name},\n\nYour question about renewals was a good one; here is the one-page checklist we use.\n\nThanks again,\nNora\n'
]

describe('CLI over many files, on several threads', () => {
  it('prints the same report, in the same order, as one thread', () => {
    const directory = tempFiles({})
    const count = PARALLEL_FROM + 20
    for (let index = 0; index < count; index++) {
      const text = TEMPLATES[index % TEMPLATES.length].replace('{name}', `Reader${index}`)
      writeFileSync(join(directory, `d${String(index).padStart(4, '0')}.txt`), text)
    }
    writeFileSync(join(directory, 'broken.txt'), Buffer.from([0x68, 0x00, 0x69, 0xff])) // binary: a NUL byte
    for (const format of ['pretty', 'json']) {
      const one = spawnCli([directory, '--format', format], {env: {CLUELINT_THREADS: '1'}})
      const two = spawnCli([directory, '--format', format], {env: {CLUELINT_THREADS: '2'}})
      expect(one.code).toBe(2) // the unreadable file
      expect(two.code).toBe(one.code)
      expect(two.stdout).toBe(one.stdout)
      expect(two.stderr).toBe(one.stderr)
      expect(one.stdout).toContain('d0300.txt')
    }
    // Three workers: batches come back out of order, the report does not.
    const three = spawnCli([directory], {env: {CLUELINT_THREADS: '3'}})
    const one = spawnCli([directory], {env: {CLUELINT_THREADS: '1'}})
    expect(three.stdout).toBe(one.stdout)
    expect(three.stderr).toBe(one.stderr)
    // Six runs of the binary over 320 files: minutes on a loaded machine.
  }, 300_000)

  const worker = join(import.meta.dirname, '..', '..', 'dist', 'lint-worker.js')
  it.skipIf(!existsSync(worker))('shares the files between the workers and this thread, which lints while they work; same results, in order', async () => {
    const directory = tempFiles({})
    const jobs = Array.from({length: 400}, (_, index) => {
      const file = join(directory, `d${String(index).padStart(4, '0')}.txt`)
      writeFileSync(file, TEMPLATES[index % TEMPLATES.length].replace('{name}', `Reader${index}`))
      return {file, options: {}}
    })
    const counts = {workers: 0, here: 0}
    const spread: string[] = []
    for await (const result of lintInParallel(jobs, 2, undefined, {script: pathToFileURL(worker), counts})) spread.push(JSON.stringify([result.file, result.drafts.map((linted) => linted.report)]))
    const alone = (await lintBatch(jobs)).map((result, index) => JSON.stringify([jobs[index].file, result.drafts.map((linted) => linted.report)]))
    expect(spread).toEqual(alone)
    // One worker for two threads: this thread lints too.
    expect(counts.workers).toBeGreaterThan(0)
    expect(counts.here).toBeGreaterThan(0)
    expect(counts.workers + counts.here).toBe(jobs.length)
  }, 120_000)

  it.skipIf(!existsSync(worker))('counts the batches a worker has answered as soon as it posts each answer, before its message is read', async () => {
    const directory = tempFiles({})
    const file = join(directory, 'one.txt')
    writeFileSync(file, TEMPLATES[0].replace('{name}', 'Ann'))
    const {Worker} = await import('node:worker_threads')
    const lane = startLane(Worker, pathToFileURL(worker))
    try {
      const answer = new Promise<BatchResult>((resolve) => lane.worker.once('message', resolve))
      for (let batch = 0; batch < 2; batch++) {
        lane.worker.postMessage({batch, jobs: [{file, options: {}}]} satisfies BatchMessage)
        lane.sent++
      }
      expect(inFlight(lane)).toBeGreaterThan(0)
      // Waiting without turning this thread's event loop: the count moves, the messages stay unread.
      const until = Date.now() + 60_000
      while (inFlight(lane) > 0 && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5)
      expect(inFlight(lane)).toBe(0)
      expect((await answer).results[0].drafts[0].report.name).toBe(file)
    } finally {
      await lane.worker.terminate()
    }
  }, 120_000)

  it('stays on one thread for few files and for campaign files', () => {
    const few = Array.from({length: PARALLEL_FROM - 1}, (_, index) => `d${index}.txt`)
    const many = Array.from({length: PARALLEL_FROM}, (_, index) => `d${index}.txt`)
    expect(threadsFor(few, {CLUELINT_THREADS: '4'})).toBe(1)
    expect(threadsFor([...many, 'campaign.csv'], {CLUELINT_THREADS: '4'})).toBe(1)
    expect(threadsFor(many, {CLUELINT_THREADS: '1'})).toBe(1)
  })

  it('by default, uses the cores other processes leave idle (the load average), at least one, at most 8', () => {
    expect(defaultThreads(2, 0)).toBe(2)
    expect(defaultThreads(2, 0.9)).toBe(2)
    expect(defaultThreads(2, 1.2)).toBe(1)
    expect(defaultThreads(2, 16)).toBe(1)
    expect(defaultThreads(8, 3.5)).toBe(5)
    expect(defaultThreads(16, 0)).toBe(8)
    expect(defaultThreads(4, Number.NaN)).toBe(4)
  })

  it('counts the cores busy now, not over the last minute: the fewest running tasks of a few readings, less this process', () => {
    const readings = (...lines: string[]) => {
      let at = 0
      return () => lines[Math.min(at++, lines.length - 1)]
    }
    const alone = () => 1
    // A 1-minute average of 1.9 on an idle machine (a build just ended): no core is busy now.
    expect(busyElsewhere(readings('1.90 0.80 0.40 1/120 4242'), 3, undefined, alone)).toBe(0)
    // Two other tasks run the whole time; a passing one is left out.
    expect(busyElsewhere(readings('0.10 0.10 0.10 4/120 4242', '0.10 0.10 0.10 3/120 4242', '0.10 0.10 0.10 3/121 4243'), 3, undefined, alone)).toBe(2)
    expect(defaultThreads(2, busyElsewhere(readings('2.00 2.00 2.00 3/120 4242'), 2, undefined, alone))).toBe(1)
    expect(defaultThreads(2, busyElsewhere(readings('2.00 2.00 2.00 1/120 4242'), 2, undefined, alone))).toBe(2)
  })

  it("does not count this process's own busy threads (compiler, garbage collector) as another process's", () => {
    const readings = (...lines: string[]) => {
      let at = 0
      return () => lines[Math.min(at++, lines.length - 1)]
    }
    const counts = (...values: number[]) => {
      let at = 0
      return () => values[Math.min(at++, values.length - 1)]
    }
    // Three running tasks in every reading, all this process's: no other process is busy.
    expect(busyElsewhere(readings('2.00 2.00 2.00 3/120 4242'), 2, undefined, () => 3)).toBe(0)
    expect(defaultThreads(2, busyElsewhere(readings('2.00 2.00 2.00 3/120 4242', '2.00 2.00 2.00 2/120 4242'), 2, undefined, counts(3, 3, 2, 2)))).toBe(2)
    // A helper thread of ours that stops between the two looks at our threads is not taken off the others' count.
    expect(busyElsewhere(readings('2.00 2.00 2.00 3/120 4242'), 1, undefined, counts(2, 1))).toBe(2)
    // Another process busy all along still counts.
    expect(busyElsewhere(readings('2.00 2.00 2.00 4/120 4242'), 3, undefined, () => 3)).toBe(1)
  })

  it.skipIf(process.platform !== 'linux')('reads how many of its threads are running: at least the one asking', () => {
    expect(ownRunning()).toBeGreaterThanOrEqual(1)
  })

  it('falls back to the 1-minute load average where the kernel does not count running tasks', () => {
    const unreadable = () => {
      throw new Error('ENOENT')
    }
    expect(busyElsewhere(unreadable, 5, () => 1.5)).toBe(1.5)
    expect(busyElsewhere(() => 'not a load line', 5, () => 0.25)).toBe(0.25)
  })
})
