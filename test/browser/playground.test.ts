// End-to-end: the playground page (`cluelint playground`) opened from disk in headless Chromium
// (Debian's `chromium`, driven by playwright-core), as test/browser/html-report.test.ts does.
// The page lints in the browser with the bundle `npm run build` makes (dist/playground.js); what it
// shows is compared with lintText, from the same sources, run here in Node.
import {existsSync, mkdirSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {lintText, type LintOptions} from '../../src/engine.js'
import {root, runCli, tempFiles} from '../helpers.js'

// The callbacks given to page.evaluate run in the page; the test compiles without relying on the DOM library.
declare const document: any
declare const window: any
declare function getComputedStyle(element: any): any

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((path): path is string => Boolean(path))
const executablePath = CANDIDATES.find((path) => existsSync(path))
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const OUT = join(root, 'test', '.tmp')
const BUNDLE = join(root, 'dist', 'playground.js')

if (!executablePath) console.warn(`test/browser/playground: SKIPPED, no Chromium at ${CANDIDATES.join(' or ')} (install it: apt-get install -y chromium; .ci/run does)`)
else if (!existsSync(BUNDLE)) console.warn('test/browser/playground: SKIPPED, dist/playground.js is missing (run npm run build; npm test does)')

/** What a message reads as in the page (`code` spans lose their backticks). */
const shown = (message: string) => message.replace(/`([^`\n]+)`/g, '$1')

/** Drafts typed into the page: the fixtures of both languages (bad and good, a spread) and a busy one. */
function drafts(): string[] {
  const picked: string[] = []
  for (const lang of ['en', 'fr']) {
    for (const kind of ['bad', 'good']) {
      const folder = join(root, 'fixtures', lang, kind)
      const files = readdirSync(folder).filter((name) => name.endsWith('.txt')).sort()
      for (let index = 0; index < files.length; index += Math.ceil(files.length / 3)) picked.push(readFileSync(join(folder, files[index]), 'utf8').replace(/\r\n?/g, '\n'))
    }
  }
  picked.push(BUSY)
  return picked
}

const BUSY =
  'Hi {{first_name}},\n\nI hope this email finds you well. I came across your profile and I am a huge fan of your incredible journey. ' +
  'Our best-in-class solution is seamless and our empathy is authentic, our empathy is real.\n\nCan we jump on a call Monday? Send me your calendar link.\n\nBest,\nJo\n'

interface Shown {
  index: number
  rule: string
  severity: string
  start: number
  end: number
  message: string
  suggestions: string[]
  marked: string
  markStart: number
}

describe.skipIf(!executablePath || !existsSync(BUNDLE))('playground page in Chromium', () => {
  let browser: Browser
  let pagePath: string
  let configuredPath: string
  const requests: string[] = []
  const errors: string[] = []
  const configured: LintOptions = {rules: {flattery: 'off', 'marketing-speak': 'error'}, channel: 'linkedin-note'}

  beforeAll(async () => {
    mkdirSync(OUT, {recursive: true})
    pagePath = join(OUT, 'playground.html')
    configuredPath = join(OUT, 'playground-configured.html')
    expect((await runCli(['playground', '-o', pagePath])).code).toBe(0)
    const folder = tempFiles({'.cluelintrc.json': JSON.stringify({channel: 'linkedin-note', rules: {flattery: 'off', 'marketing-speak': 'error'}})})
    const run = await runCli(['playground', '-c', join(folder, '.cluelintrc.json'), '-o', configuredPath])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const {chromium} = await import('playwright-core')
    browser = await chromium.launch({executablePath, headless: true, args: FLAGS})
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
  })

  async function open(path = pagePath, options: {colorScheme?: 'light' | 'dark'} = {}): Promise<Page> {
    // A context per page: each test starts with empty local storage (a reload keeps it).
    const context = await browser.newContext({viewport: {width: 1300, height: 900}, colorScheme: options.colorScheme ?? 'light'})
    const page = await context.newPage()
    page.on('close', () => void context.close())
    const url = pathToFileURL(path).href
    page.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url())
    })
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(url)
    await page.waitForSelector('html[data-ready]')
    return page
  }

  /** Waits until the page has linted exactly what the writing area holds. */
  async function settled(page: Page, before: number): Promise<void> {
    await page.waitForFunction(
      (count) => {
        const timing = document.getElementById('timing')
        return Number(timing.dataset.lints) > count && Number(timing.dataset.chars) === document.getElementById('draft').value.length
      },
      before,
      {timeout: 10_000}
    )
  }

  const lintCount = (page: Page) => page.evaluate(() => Number(document.getElementById('timing').dataset.lints))

  /** Puts a draft in the writing area: all but its last characters pasted, the rest typed key by key. */
  async function write(page: Page, text: string, typed = 12): Promise<void> {
    const before = await lintCount(page)
    const cut = Math.max(0, text.length - typed)
    await page.fill('#draft', text.slice(0, cut))
    await page.focus('#draft')
    await page.evaluate(() => {
      const area = document.getElementById('draft')
      area.setSelectionRange(area.value.length, area.value.length)
    })
    await page.keyboard.type(text.slice(cut))
    expect(await page.inputValue('#draft')).toBe(text)
    await settled(page, before)
  }

  /** The findings as the page shows them, with the text their highlights cover. */
  function read(page: Page): Promise<{findings: Shown[]; score: number | null; grade: string | null}> {
    return page.evaluate(() => {
      const layer = document.getElementById('layer')
      const starts = new Map()
      let offset = 0
      for (const node of Array.from(layer.childNodes) as any[]) {
        starts.set(node, offset)
        offset += node.textContent.length
      }
      const findings = (Array.from(document.querySelectorAll('li.finding')) as any[]).map((item) => {
        const id = item.id
        const marks = (Array.from(layer.querySelectorAll('.hl')) as any[]).filter((mark) => mark.dataset.ids.split(' ').includes(id))
        return {
          index: Number(item.dataset.index),
          rule: item.dataset.rule,
          severity: item.dataset.severity,
          start: Number(item.dataset.start),
          end: Number(item.dataset.end),
          message: item.querySelector('.msg').textContent,
          suggestions: (Array.from(item.querySelectorAll('button.apply')) as any[]).map((button) => button.dataset.text),
          marked: marks.map((mark) => mark.textContent).join(''),
          markStart: marks.length > 0 ? starts.get(marks[0]) : -1
        }
      })
      findings.sort((a, b) => a.index - b.index)
      const gauge = document.getElementById('score')
      return {findings, score: gauge ? Number(gauge.dataset.score) : null, grade: gauge ? gauge.dataset.grade : null}
    })
  }

  /** The page shows exactly lintText's findings, each highlighted on its own words. */
  async function expectSame(page: Page, text: string, options: LintOptions): Promise<number> {
    const expected = lintText(text, options)
    const got = await read(page)
    const where = text.slice(0, 60)
    expect(got.findings.map(({index, marked, markStart, ...finding}) => finding), where).toEqual(
      expected.findings.map((finding) => ({
        rule: finding.rule,
        severity: finding.severity,
        start: finding.offset,
        end: finding.endOffset,
        message: shown(finding.message),
        suggestions: finding.suggestions.map((suggestion) => suggestion.fix.text)
      }))
    )
    for (const finding of got.findings) {
      if (finding.end === finding.start) continue
      expect(finding.marked, `${where} ${finding.rule}`).toBe(text.slice(finding.start, finding.end))
      expect(finding.markStart, `${where} ${finding.rule}`).toBe(finding.start)
    }
    if (text.trim() !== '') {
      expect(got.score, where).toBe(expected.score)
      expect(got.grade, where).toBe(expected.grade)
    }
    return expected.findings.length
  }

  it('typing a draft shows the same findings, score and grade as lintText, each highlighted on its words', async () => {
    const page = await open()
    let findings = 0
    const all = drafts()
    for (const text of all) {
      await write(page, text)
      findings += await expectSame(page, text, {channel: 'email'})
    }
    expect(all.length).toBeGreaterThan(10)
    expect(findings).toBeGreaterThan(20)
    await page.close()
  }, 120_000)

  it('an edit that removes a problem removes its highlight', async () => {
    const page = await open()
    await write(page, BUSY)
    expect((await read(page)).findings.some((finding) => finding.rule === 'unfilled-merge-field')).toBe(true)
    expect(await page.locator('#layer .hl', {hasText: '{{first_name}}'}).count()).toBeGreaterThan(0)
    // Select the merge field from the keyboard and type a name over it.
    const start = BUSY.indexOf('{{first_name}}')
    await page.focus('#draft')
    await page.evaluate((at) => document.getElementById('draft').setSelectionRange(at, at + '{{first_name}}'.length), start)
    const before = await lintCount(page)
    await page.keyboard.type('Claire')
    await settled(page, before)
    const text = BUSY.replace('{{first_name}}', 'Claire')
    expect(await page.inputValue('#draft')).toBe(text)
    expect((await read(page)).findings.some((finding) => finding.rule === 'unfilled-merge-field')).toBe(false)
    expect(await page.locator('#layer .hl', {hasText: '{{'}).count()).toBe(0)
    await expectSame(page, text, {})
    await page.close()
  }, 60_000)

  it('a suggestion applied rewrites the words in the text (and Ctrl+Z takes it back)', async () => {
    const page = await open()
    await write(page, BUSY)
    const expected = lintText(BUSY)
    const target = expected.findings.findIndex((finding) => finding.suggestions.length > 0)
    expect(target).toBeGreaterThanOrEqual(0)
    const finding = expected.findings[target]
    const button = page.locator(`#f-${target} button.apply`).first()
    // From the keyboard: the list is open when the finding is past the first three.
    if (!(await button.isVisible())) await page.click('#more summary')
    await button.focus()
    const before = await lintCount(page)
    await page.keyboard.press('Enter')
    await settled(page, before)
    const {range, text: replacement} = finding.suggestions[0].fix
    const rewritten = BUSY.slice(0, range[0]) + replacement + BUSY.slice(range[1])
    expect(await page.inputValue('#draft')).toBe(rewritten)
    await expectSame(page, rewritten, {})
    expect(await page.locator('#status').textContent()).toContain(replacement)
    const undo = await lintCount(page)
    await page.focus('#draft')
    await page.keyboard.press('Control+z')
    await settled(page, undo)
    expect(await page.inputValue('#draft')).toBe(BUSY)
    await page.close()
  }, 60_000)

  it('shows a finding’s message on hover and with the cursor in it; “Show in the text” selects its words', async () => {
    const page = await open()
    await write(page, BUSY)
    const report = lintText(BUSY)
    const checked = new Set<string>()
    for (const [index, finding] of report.findings.entries()) {
      if (finding.endOffset === finding.offset || checked.has(finding.rule)) continue
      checked.add(finding.rule)
      // Hover: the middle of the finding's first highlighted box.
      const box = await page.evaluate((id) => {
        const mark = (Array.from(document.querySelectorAll('#layer .hl')) as any[]).find((element) => element.dataset.ids.split(' ').includes(id))
        const rect = mark.getClientRects()[0]
        return {x: rect.left + rect.width / 2, y: rect.top + rect.height / 2}
      }, `f-${index}`)
      await page.mouse.move(box.x, box.y)
      await expect.poll(() => page.locator('#tip').isVisible()).toBe(true)
      expect(await page.locator('#tip').textContent(), finding.rule).toContain(shown(finding.message))
      await page.mouse.move(1, 1)
      // Keyboard: the cursor moved into the words.
      await page.focus('#draft')
      await page.keyboard.press('Control+Home')
      const place = finding.offset + 1
      await page.evaluate((at) => document.getElementById('draft').setSelectionRange(at - 1, at - 1), place)
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => page.locator('#at-cursor').textContent()).toContain(shown(finding.message))
      expect(await page.locator('#tip').isVisible()).toBe(true)
      await page.keyboard.press('Escape')
      expect(await page.locator('#tip').isVisible()).toBe(false)
    }
    expect(checked.size).toBeGreaterThan(3)
    // "Show in the text", from the keyboard.
    const first = report.findings[0]
    await page.locator('#f-0 button.goto').focus()
    await page.keyboard.press('Enter')
    const selection = await page.evaluate(() => {
      const area = document.getElementById('draft')
      return {focused: document.activeElement === area, start: area.selectionStart, end: area.selectionEnd}
    })
    expect(selection).toEqual({focused: true, start: first.offset, end: first.endOffset})
    // The rule link opens its explanation in the page.
    await page.locator(`#f-0 a[data-rule-link]`).click()
    expect(await page.locator(`#rule-${first.rule}`).getAttribute('open')).not.toBeNull()
    await page.close()
  }, 60_000)

  it('language override and channel lint as lintText does with the same options', async () => {
    const page = await open()
    const text = readFileSync(join(root, 'fixtures', 'fr', 'bad', readdirSync(join(root, 'fixtures', 'fr', 'bad')).find((name) => name.startsWith('length') && name.endsWith('.txt'))!), 'utf8').replace(/\r\n?/g, '\n')
    await write(page, text)
    expect(await page.locator('#detected').getAttribute('data-lang')).toBe('fr')
    await expectSame(page, text, {})
    let before = await lintCount(page)
    await page.selectOption('#lang', 'en')
    await settled(page, before)
    await expectSame(page, text, {lang: 'en'})
    before = await lintCount(page)
    await page.selectOption('#channel', 'linkedin-note')
    await settled(page, before)
    await expectSame(page, text, {lang: 'en', channel: 'linkedin-note'})
    expect((await read(page)).findings.some((finding) => finding.rule === 'length')).toBe(true)
    await page.close()
  }, 60_000)

  it('a page made with -c uses that config’s rule severities and channel', async () => {
    const page = await open(configuredPath)
    expect(await page.locator('#channel').inputValue()).toBe('linkedin-note')
    await write(page, BUSY)
    await expectSame(page, BUSY, configured)
    const rules = (await read(page)).findings.map((finding) => finding.rule)
    expect(rules).not.toContain('flattery')
    expect((await read(page)).findings.find((finding) => finding.rule === 'marketing-speak')?.severity).toBe('error')
    expect(await page.locator('#settings').textContent()).toContain('flattery')
    await page.close()
  }, 60_000)

  it('keeps the draft, language and channel over a reload; the interface switches to French and back', async () => {
    const page = await open()
    await write(page, BUSY)
    await page.selectOption('#channel', 'follow-up')
    await page.click('#ui-lang')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr')
    expect(await page.locator('#draft-label').textContent()).toBe('Votre brouillon')
    expect(await page.locator('#fix-title').textContent()).toBe('À corriger d’abord')
    expect(await page.inputValue('#draft')).toBe(BUSY)
    await page.reload()
    await page.waitForSelector('html[data-ready]')
    expect(await page.inputValue('#draft')).toBe(BUSY)
    expect(await page.locator('#channel').inputValue()).toBe('follow-up')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr')
    // The messages follow the interface's language (the draft stays English).
    await expectSame(page, BUSY, {channel: 'follow-up', locale: 'fr'})
    // Each message is marked as written in the interface's language (screen readers voice it so), and
    // the language menu names each language in its own words.
    expect(new Set(await page.locator('.msg').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('lang'))))).toEqual(new Set(['fr']))
    expect(await page.locator('#lang option').allTextContents()).toEqual(['Détecter', 'English', 'Français'])
    await page.click('#ui-lang')
    expect(await page.locator('#draft-label').textContent()).toBe('Your draft')
    await expectSame(page, BUSY, {channel: 'follow-up'})
    await page.close()
  }, 60_000)

  it('copies the draft out unchanged', async () => {
    const page = await open()
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    const text = BUSY + '  trailing spaces and a tab\t\n'
    await write(page, text)
    await page.click('#copy')
    await expect.poll(() => page.locator('#status').textContent()).toBe('Draft copied.')
    expect(await page.evaluate(() => window.navigator.clipboard.readText())).toBe(text)
    await page.close()
  }, 60_000)

  for (const scheme of ['light', 'dark'] as const) {
    it(`is readable in the ${scheme} scheme (text contrast at least 4.5:1) and at 360 px; screenshots`, async () => {
      const page = await open(pagePath, {colorScheme: scheme})
      await write(page, BUSY)
      await page.click('#more summary')
      await page.locator('#rules details').first().evaluate((details: any) => (details.open = true))
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
        const ratio = (foreground: number[], back: number[]) => {
          const [a, b] = [luminance(foreground), luminance(back)]
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
        }
        const problems: string[] = []
        const selectors = ['body', 'h1', 'h2', 'h3', '.meta', '.sub', '.hint', 'label', 'select', '.btn', '.sev', '.msg', 'a.rule', '.pos', '.legend li', 'summary', '.ex li', 'footer']
        for (const selector of selectors) {
          for (const element of (Array.from(document.querySelectorAll(selector)) as any[]).slice(0, 30)) {
            const value = ratio(parse(getComputedStyle(element).color).rgb, background(element))
            if (value < 4.5) problems.push(`${selector} ${value.toFixed(2)}:1 "${element.textContent.slice(0, 30)}"`)
          }
        }
        // The draft's text is the textarea's colour over each highlight's background (the layer is behind it).
        const area = parse(getComputedStyle(document.getElementById('draft')).color).rgb
        for (const mark of Array.from(document.querySelectorAll('#layer .hl')) as any[]) {
          const value = ratio(area, background(mark))
          if (value < 4.5) problems.push(`highlight ${value.toFixed(2)}:1 "${mark.textContent.slice(0, 30)}"`)
        }
        return problems
      })
      expect(low).toEqual([])
      await page.evaluate(() => window.scrollTo(0, 0))
      const mark = await page.evaluate(() => {
        const rect = document.querySelector('#layer .hl').getClientRects()[0]
        return {x: rect.left + rect.width / 2, y: rect.top + rect.height / 2}
      })
      await page.mouse.move(mark.x, mark.y)
      await expect.poll(() => page.locator('#tip').isVisible()).toBe(true)
      await page.screenshot({path: join(OUT, `playground-${scheme}.png`)})
      await page.setViewportSize({width: 360, height: 780})
      // Nothing wider than the screen: no sideways scrolling.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      await page.focus('#draft')
      await page.screenshot({path: join(OUT, `playground-360-${scheme}.png`)})
      await page.locator('#fix').scrollIntoViewIfNeeded()
      await page.screenshot({path: join(OUT, `playground-360-results-${scheme}.png`)})
      await page.close()
    }, 60_000)
  }

  it('measures the lint time per keystroke on a 150-word draft (reported, not asserted)', async () => {
    const page = await open()
    const sentences = readFileSync(join(root, 'fixtures', 'en', 'good', readdirSync(join(root, 'fixtures', 'en', 'good')).find((name) => name.endsWith('.txt'))!), 'utf8')
    let text = ''
    while (text.split(/\s+/).filter(Boolean).length < 150) text += sentences.trim() + '\n\n'
    text = text.split(/(\s+)/).slice(0, 299).join('')
    expect(text.split(/\s+/).filter(Boolean).length).toBe(150)
    await write(page, text, 0)
    const first = Number(await page.locator('#timing').getAttribute('data-ms'))
    const times: number[] = []
    for (let key = 0; key < 12; key++) {
      const before = await lintCount(page)
      await page.keyboard.press(key % 2 === 0 ? 'x' : 'Backspace')
      await settled(page, before)
      times.push(Number(await page.locator('#timing').getAttribute('data-ms')))
    }
    expect(times.every((time) => Number.isFinite(time) && time >= 0)).toBe(true)
    const sorted = [...times].sort((a, b) => a - b)
    console.log(`playground: lint per keystroke, 150 words: median ${sorted[sorted.length >> 1].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms (first lint ${first.toFixed(0)} ms)`)
    await page.close()
  }, 60_000)

  it('made no network request and logged no error', () => {
    expect(requests).toEqual([])
    expect(errors).toEqual([])
  })

})
