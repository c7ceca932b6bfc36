import {describe, expect, it} from 'vitest'
import {progressBar, PROGRESS_MIN_DRAFTS} from '../src/progress.js'

function stream(isTTY: boolean) {
  const writes: string[] = []
  return {writes, isTTY, write: (text: string) => writes.push(text)}
}

describe('progress bar', () => {
  it('stays silent when stderr is not a terminal', () => {
    const err = stream(false)
    const bar = progressBar(err, 100)
    bar.tick(50, 5000)
    bar.clear()
    expect(err.writes).toEqual([])
  })

  it('waits for a few dozen drafts, then redraws at most ten times a second, and erases itself', () => {
    const err = stream(true)
    let clock = 0
    const bar = progressBar(err, 4, () => clock)
    bar.tick(1, PROGRESS_MIN_DRAFTS - 1)
    expect(err.writes).toEqual([])
    clock = 1000
    bar.tick(2, 40)
    clock = 1050
    bar.tick(2, 41) // too soon
    bar.tick(4, 80) // the last file is always drawn
    expect(err.writes).toEqual([
      '\r\u001b[2K[============            ] 2/4 files · 40 drafts',
      '\r\u001b[2K[========================] 4/4 files · 80 drafts'
    ])
    bar.clear()
    expect(err.writes.at(-1)).toBe('\r\u001b[2K')
  })
})
