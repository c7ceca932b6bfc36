// End-to-end: the HTML report and the demo page opened from disk in headless
// Chromium (Debian's `chromium` package, driven by playwright-core). One
// browser for the whole file. Screenshots go to test/.tmp/ (git-ignored).
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {BrowserContext, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {root, runCli, tempFiles} from '../helpers.js'

// The callbacks given to page.evaluate run in the page; the project compiles without the DOM library.
declare const document: any
declare const window: any
declare const NodeFilter: any
declare function getComputedStyle(element: any): any

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((path): path is string => Boolean(path))
const executablePath = CANDIDATES.find((path) => existsSync(path))
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const OUT = join(root, 'test', '.tmp')

if (!executablePath) {
  console.warn(`test/browser: SKIPPED, no Chromium at ${CANDIDATES.join(' or ')} (install it: apt-get install -y chromium; .ci/run does)`)
}

interface JsonFinding {
  rule: string
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  excerpt: string
}
interface JsonDraft {
  file: string
  name: string
  score: number
  findings: JsonFinding[]
}

/** Offset of a 1-based line and column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0
  for (let current = 1; current < line; current++) offset = text.indexOf('\n', offset) + 1
  return offset + column - 1
}

/**
 * The drafts the hover and keyboard tests go through (one by one, they take
 * a few tens of milliseconds each): the hostile one, the ones with the most
 * findings (where findings overlap) and a few spread over the report.
 */
function sample(all: readonly JsonDraft[]): number[] {
  const busiest = all
    .map((draft, index) => ({index, count: draft.findings.length}))
    .sort((a, b) => b.count - a.count)
    .slice(0, 3)
    .map((item) => item.index)
  const spread = all.map((_, index) => index).filter((index) => index % Math.max(1, Math.floor(all.length / 4)) === 0)
  return [...new Set([all.length - 1, ...busiest, ...spread])].filter((index) => all[index].findings.length > 0).sort((a, b) => a - b)
}

/** What a message reads as in the page (`code` spans lose their backticks). */
const shown = (message: string) => message.replace(/`([^`\n]+)`/g, '$1')

describe.skipIf(!executablePath)('HTML report in Chromium', () => {
  let context: BrowserContext
  let userDataDir: string
  let reportPath: string
  let demoPath: string
  let drafts: JsonDraft[]
  const requests: string[] = []
  const errors: string[] = []

  beforeAll(async () => {
    mkdirSync(OUT, {recursive: true})
    // The fixture set, plus a hostile draft: markup, a script and a fetch in the text, overlapping findings.
    const hostile = tempFiles({
      'hostile.txt':
        'Hi {{first_name}}, <img src="https://example.com/x.png" onerror="window.pwned=1"><script>window.pwned=2;fetch("https://example.com")</script>\n\n' +
        'I hope this email finds you well. Our empathy, our empathy and our empathy are best-in-class. Can we talk on Monday?\n'
    })
    const inputs = ['fixtures/**/*.txt', join(hostile, 'hostile.txt')]
    reportPath = join(OUT, 'report.html')
    demoPath = join(OUT, 'demo.html')
    await runCli([...inputs, '--format', 'html', '-o', reportPath])
    drafts = JSON.parse((await runCli([...inputs, '--format', 'json'])).stdout).drafts
    await runCli(['demo', '--format', 'html', '-o', demoPath])

    const {chromium} = await import('playwright-core')
    userDataDir = mkdtempSync(join(tmpdir(), 'cluelint-chromium-'))
    context = await chromium.launchPersistentContext(userDataDir, {executablePath, headless: true, args: FLAGS, viewport: {width: 1400, height: 900}})
  }, 120_000)

  afterAll(async () => {
    await context?.close()
    if (userDataDir) rmSync(userDataDir, {recursive: true, force: true})
  })

  async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const page = await context.newPage()
    const url = pathToFileURL(path).href
    page.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url())
    })
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await page.emulateMedia({colorScheme})
    await page.goto(url)
    return page
  }

  it('highlights every finding on its own words, inside the text', async () => {
    const page = await open(reportPath)
    expect(drafts.length).toBeGreaterThan(1)
    let checked = 0
    for (const [index, draft] of drafts.entries()) {
      const source = readFileSync(draft.file, 'utf8')
      const expected = draft.findings.map((finding, number) => {
        const start = offsetOf(source, finding.line, finding.column)
        const end = offsetOf(source, finding.endLine, finding.endColumn)
        return {id: `d${index + 1}-f${number + 1}`, start, end, text: source.slice(start, end)}
      })
      const found = await page.evaluate(
        ({prefix, ids}) => {
          const container = document.getElementById(`${prefix}-text`)!
          const box = container.getBoundingClientRect()
          // Offset of every text node in the draft's text.
          const starts = new Map<unknown, number>()
          const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
          let offset = 0
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            starts.set(node, offset)
            offset += node.textContent!.length
          }
          const startOf = (element: any) => {
            const walk = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
            const first = walk.nextNode()
            return first ? starts.get(first)! : -1
          }
          return ids.map((id) => {
            const marks: any[] = Array.from(container.querySelectorAll(`.hl[aria-describedby~="${id}"]`))
            const rects: any[] = marks.flatMap((mark) => Array.from(mark.getClientRects()))
            return {
              id,
              count: marks.length,
              start: marks.length > 0 ? startOf(marks[0]) : -1,
              text: marks.map((mark) => mark.textContent).join(''),
              contiguous: marks.every((mark, at) => at === 0 || startOf(mark) === startOf(marks[at - 1]) + marks[at - 1].textContent!.length),
              // Drawn (an empty line inside a finding gives an empty box) and inside the draft's text.
              visible: rects.some((rect) => rect.width > 0 && rect.height > 0) && rects.every((rect) => rect.left >= box.left - 1 && rect.right <= box.right + 1 && rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1),
              focusable: marks[0]?.getAttribute('tabindex') === '0',
              describedBy: (marks[0]?.getAttribute('aria-describedby') ?? '').split(' '),
              textLength: container.textContent!.length
            }
          })
        },
        {prefix: `d${index + 1}`, ids: expected.map((item) => item.id)}
      )
      for (const [number, item] of expected.entries()) {
        const got = found[number]
        const where = `${draft.name} ${draft.findings[number].rule} "${item.text}"`
        expect(got.count, where).toBeGreaterThan(0)
        expect(got.start, where).toBe(item.start)
        expect(got.text, where).toBe(item.text)
        expect(got.contiguous, where).toBe(true)
        expect(got.visible, where).toBe(true)
        expect(got.focusable, where).toBe(true)
        expect(got.describedBy, where).toContain(item.id)
        expect(got.textLength, draft.name).toBe(source.replace(/\r/g, '').length)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(10)
    // The hostile draft's markup is text: nothing ran, nothing was fetched.
    expect(await page.evaluate(() => (window as unknown as {pwned?: number}).pwned)).toBeUndefined()
    expect(await page.locator('main img').count()).toBe(0)
    await page.close()
  }, 120_000)

  it('shows each finding’s message on hover', async () => {
    const page = await open(reportPath)
    let hovered = 0
    for (const index of sample(drafts)) {
      const draft = drafts[index]
      for (const [number, finding] of draft.findings.entries()) {
        const id = `d${index + 1}-f${number + 1}`
        await page.hover(`.hl[tabindex][aria-describedby~="${id}"]`)
        const tip = await page.evaluate(() => {
          const element = document.getElementById('tip')!
          return element.hidden || element.getBoundingClientRect().height === 0 ? null : element.textContent
        })
        expect(tip, `${draft.name} ${id}`).toContain(shown(finding.message))
        hovered++
      }
    }
    expect(hovered).toBeGreaterThan(5)
    await page.keyboard.press('Escape')
    expect(await page.locator('#tip').isVisible()).toBe(false)
    await page.close()
  }, 120_000)

  it('reaches every finding with the keyboard and shows its message on focus', async () => {
    const page = await open(reportPath)
    let reached = 0
    for (const index of sample(drafts)) {
      const draft = drafts[index]
      const prefix = `d${index + 1}`
      const messages = new Map(draft.findings.map((finding, number) => [`${prefix}-f${number + 1}`, shown(finding.message)]))
      const seen = new Set<string>()
      // Start from the draft's heading and Tab through its text.
      await page.evaluate((id) => {
        const heading = document.getElementById(id)!
        heading.tabIndex = -1
        heading.focus()
      }, `${prefix}-title`)
      for (let step = 0; step <= messages.size; step++) {
        await page.keyboard.press('Tab')
        const state = await page.evaluate((text) => {
          const active = document.activeElement
          const tip = document.getElementById('tip')!
          return {
            ids: active?.matches('.hl') && active.closest(`#${text}`) ? (active.getAttribute('aria-describedby') ?? '') : null,
            tip: tip.hidden ? null : tip.textContent
          }
        }, `${prefix}-text`)
        if (state.ids === null) break
        expect(state.tip).not.toBeNull()
        for (const id of state.ids.split(' ')) {
          expect(state.tip, `${draft.name} ${id}`).toContain(messages.get(id))
          seen.add(id)
        }
      }
      expect([...messages.keys()].filter((id) => !seen.has(id)), draft.name).toEqual([])
      reached += seen.size
    }
    expect(reached).toBeGreaterThan(5)
    await page.close()
  }, 120_000)

  it('sorts the drafts table by score, both ways, and says so', async () => {
    const page = await open(reportPath)
    const scores = () => page.$$eval('#drafts-table tbody tr', (rows) => rows.map((row) => Number(row.getAttribute('data-score'))))
    const header = page.locator('#drafts-table th', {has: page.locator('button[data-sort="score"]')})
    expect(await scores()).toEqual(drafts.map((draft) => draft.score))
    await page.click('button[data-sort="score"]')
    const ascending = [...drafts.map((draft) => draft.score)].sort((a, b) => a - b)
    expect(await scores()).toEqual(ascending)
    expect(await header.getAttribute('aria-sort')).toBe('ascending')
    expect(await page.locator('#status').textContent()).toContain('ascending')
    await page.screenshot({path: join(OUT, 'report-sorted-light.png')})
    await page.keyboard.press('Enter') // the button keeps the focus: sort again from the keyboard
    expect(await scores()).toEqual([...ascending].reverse())
    expect(await header.getAttribute('aria-sort')).toBe('descending')
    await page.click('button[data-sort="name"]')
    const names = await page.$$eval('#drafts-table tbody tr', (rows) => rows.map((row) => row.getAttribute('data-name')!))
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))
    expect(await header.getAttribute('aria-sort')).toBe('none')
    await page.close()
  }, 60_000)

  for (const scheme of ['light', 'dark'] as const) {
    it(`is readable in the ${scheme} scheme: text contrast at least 4.5:1; screenshots`, async () => {
      const page = await open(reportPath, scheme)
      const low = await page.evaluate(() => {
        const parse = (color: string) => {
          const parts = color.match(/[\d.]+/g)!.map(Number)
          return {rgb: parts.slice(0, 3), alpha: parts.length > 3 ? parts[3] : 1}
        }
        const luminance = (rgb: number[]) => {
          const [r, g, b] = rgb.map((value) => {
            const channel = value / 255
            return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
          })
          return 0.2126 * r + 0.7152 * g + 0.0722 * b
        }
        const background = (element: any): number[] => {
          for (let node = element; node; node = node.parentElement) {
            const {rgb, alpha} = parse(getComputedStyle(node).backgroundColor)
            if (alpha > 0.5) return rgb
          }
          return parse(getComputedStyle(document.body).backgroundColor).rgb
        }
        const selectors = ['body', 'h1', 'h2', '.meta', '.sub', '.hl', '.sev', '.rule', '.pos', '.pill', 'main a', 'th button', '.histogram .x', '.histogram .n', '.hbars .label', '.fix .msg', 'footer']
        const problems: string[] = []
        for (const selector of selectors) {
          for (const element of (Array.from(document.querySelectorAll(selector)) as any[]).slice(0, 40)) {
            const foreground = parse(getComputedStyle(element).color).rgb
            const [a, b] = [luminance(foreground), luminance(background(element))]
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
            if (ratio < 4.5) problems.push(`${selector} ${ratio.toFixed(2)}:1 "${element.textContent!.slice(0, 30)}"`)
          }
        }
        return problems
      })
      expect(low).toEqual([])
      await page.screenshot({path: join(OUT, `report-overview-${scheme}.png`)})
      // A draft with a highlight hovered: the tooltip over the text.
      const mark = page.locator('#d2 .hl[tabindex]').first()
      await mark.scrollIntoViewIfNeeded()
      await page.evaluate(() => window.scrollBy(0, -120))
      await mark.hover()
      await expect.poll(() => page.locator('#tip').isVisible()).toBe(true)
      await page.screenshot({path: join(OUT, `report-tooltip-${scheme}.png`)})
      // The hostile draft (last), focused from the keyboard.
      await page.locator(`#d${drafts.length} .hl[tabindex]`).first().focus()
      await page.evaluate((id) => document.getElementById(id)!.scrollIntoView(), `d${drafts.length}`)
      await page.screenshot({path: join(OUT, `report-overlap-${scheme}.png`)})
      await page.close()

      const demo = await open(demoPath, scheme)
      expect(await demo.locator('section.pair').count()).toBeGreaterThan(0)
      await demo.locator('#p1').scrollIntoViewIfNeeded()
      await demo.screenshot({path: join(OUT, `demo-${scheme}.png`)})
      await demo.close()
    }, 60_000)
  }

  it('made no network request and logged no error', () => {
    expect(requests).toEqual([])
    expect(errors).toEqual([])
  })
})
