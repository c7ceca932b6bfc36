/// <reference lib="dom" />
/**
 * The playground page's script (`cluelint playground`): the whole linter,
 * bundled for the browser (tsup.config.ts), and the page around it. It is
 * built from the same sources as the CLI: engine, rules, word lists, scoring.
 * Nothing leaves the page: no fetch, and the page's Content-Security-Policy
 * forbids any; the draft is kept in the page's own local storage.
 *
 * The writing area is a plain <textarea> (native editing, undo, spelling,
 * IME); the highlights are drawn in a layer behind it with the same text,
 * font and wrapping. Hovering a highlight, or putting the cursor in it,
 * shows its message; every finding is also in the list beside the text,
 * reachable with the keyboard, with its rule's explanation and, where the
 * rule suggests one, a one-click rewrite.
 */
import {rules} from '../../rules/index.js'
import {customRules, lintText, weights as builtInWeights, type LintOptions} from '../engine.js'
import {detectLanguage} from '../lang/detect.js'
import {languageName} from '../lang/names.js'
import {languages} from '../lang/packs.js'
import {FAMILIES, familyOf, segment, type Span} from '../reporters/html/highlight.js'
import {byCost, fixFirst} from '../score.js'
import type {Locale} from '../i18n.js'
import type {Channel, DraftReport, Finding, Grade, Lang, SeveritySetting} from '../types.js'
import {format, UI, type Strings} from './i18n.js'
import type {PlaygroundSettings} from './settings.js'

interface Stored {
  text: string
  lang: Lang | 'auto'
  channel: Channel
  ui?: Locale
}

const STORAGE_KEY = 'cluelint.playground'
const DEBOUNCE_MS = 120
const CHANNELS: readonly Channel[] = ['email', 'linkedin-note', 'linkedin-message', 'follow-up']

const settings: PlaygroundSettings = JSON.parse(document.getElementById('cluelint-settings')?.textContent || '{"version":"","options":{}}')
/** The page's rules: the built-in ones, then the config's own (customRules), with their weights. */
const pageRules = [...rules, ...(customRules(settings.options)?.rules ?? [])]
const weights = customRules(settings.options)?.weights ?? builtInWeights

function load(): Partial<Stored> {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) || '{}') as Partial<Stored>
  } catch {
    return {}
  }
}

function save(state: Stored): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(state))
  } catch {
    // Storage full or refused (private mode): the page still works, the draft just does not survive a reload.
  }
}

// ---------------------------------------------------------------------------
// DOM helpers: every piece of text goes in as text, never as markup (drafts are untrusted).

// A child may be a list (the findings of a draft): appended one by one, never spread into a call's arguments.
type Child = Node | string | null | undefined | false | readonly Child[]
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | number | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue
    if (name === 'class') element.className = String(value)
    else element.setAttribute(name, value === true ? '' : String(value))
  }
  appendAll(element, children)
  return element
}

/** Replaces an element's children (lists appended one by one, as `h` does). */
function setChildren(element: Element, ...children: Child[]): void {
  element.replaceChildren()
  appendAll(element, children)
}

function appendAll(element: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    if (Array.isArray(child)) appendAll(element, child)
    else element.append(child as Node | string)
  }
}

const SVG = 'http://www.w3.org/2000/svg'
function svg(tag: string, attributes: Record<string, string>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, tag)
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
  if (text !== undefined) element.textContent = text
  return element
}

/** A message with its `code` spans. */
function richText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment()
  text.split(/`([^`\n]+)`/).forEach((part, index) => fragment.append(index % 2 === 1 ? h('code', {}, part) : part))
  return fragment
}

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T

// ---------------------------------------------------------------------------
// State.

const stored = load()
let ui: Locale = stored.ui ?? (navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en')
let t: Strings = UI[ui]
let langChoice: Lang | 'auto' = stored.lang ?? (settings.options.lang as Lang | 'auto' | undefined) ?? 'auto'
let channel: Channel = stored.channel && CHANNELS.includes(stored.channel) ? stored.channel : (settings.options.channel ?? 'email')

/** The last lint: its text, report and the findings' places (ids `f-<index>`). */
let linted: {text: string; report: DraftReport} | undefined
/** Spans drawn in the layer, moved by edits made since the last lint. */
let spans: Span[] = []
let drawnText = ''
let timer: ReturnType<typeof setTimeout> | undefined
let lints = 0

// ---------------------------------------------------------------------------
// The page.

function build(): void {
  const root = byId('app')
  root.replaceChildren(
    h('a', {class: 'skip', href: '#draft', id: 'skip'}),
    h(
      'header',
      {class: 'top pg-top'},
      h('div', {}, h('h1', {id: 'title'}), h('p', {class: 'meta', id: 'tagline'})),
      h('button', {type: 'button', id: 'ui-lang', class: 'btn', lang: ui === 'fr' ? 'en' : 'fr'})
    ),
    h(
      'main',
      {id: 'main', class: 'pg'},
      h(
        'section',
        {class: 'card editor', 'aria-labelledby': 'draft-label'},
        h(
          'div',
          {class: 'controls'},
          h('div', {class: 'control'}, h('label', {for: 'lang', id: 'lang-label'}), h('select', {id: 'lang'}), h('span', {id: 'detected', class: 'hint'})),
          h('div', {class: 'control'}, h('label', {for: 'channel', id: 'channel-label'}), h('select', {id: 'channel'}))
        ),
        h('h2', {}, h('label', {for: 'draft', id: 'draft-label'})),
        h('p', {id: 'draft-help', class: 'hint'}),
        h(
          'div',
          {class: 'field'},
          h('div', {class: 'layer', id: 'layer', 'aria-hidden': 'true'}),
          h('textarea', {id: 'draft', spellcheck: 'true', 'aria-describedby': 'draft-help at-cursor', autocomplete: 'off'})
        ),
        h('p', {id: 'at-cursor', class: 'at-cursor', 'aria-live': 'polite'}),
        h(
          'div',
          {class: 'toolbar'},
          h('button', {type: 'button', id: 'copy', class: 'btn primary'}),
          h('button', {type: 'button', id: 'clear', class: 'btn'}),
          h('span', {id: 'timing', class: 'hint', 'data-ms': '', 'data-lints': '0'})
        ),
        h('ul', {class: 'legend', id: 'legend'}),
        h('p', {class: 'hint', id: 'stored'})
      ),
      h(
        'section',
        {class: 'card results', 'aria-labelledby': 'score-title'},
        h('div', {class: 'draft-head'}, h('div', {}, h('h2', {id: 'score-title'}), h('p', {class: 'sub', id: 'counts'})), h('div', {id: 'gauge'})),
        h('h3', {id: 'fix-title'}),
        h('div', {id: 'fix', class: 'fix'}),
        h('div', {class: 'settings hint', id: 'settings'})
      ),
      h('section', {class: 'card rules', id: 'rules', 'aria-labelledby': 'rules-title'}, h('h2', {id: 'rules-title'}), h('p', {class: 'hint', id: 'rules-intro'}), h('div', {id: 'rule-list'}))
    ),
    h('footer', {id: 'footer'}),
    h('div', {id: 'tip', class: 'tip', role: 'tooltip', hidden: true}),
    h('div', {id: 'status', class: 'sr', role: 'status', 'aria-live': 'polite'})
  )
}

/** Every string of the interface, in the current language (re-run when it changes). */
function applyStrings(): void {
  t = UI[ui]
  document.documentElement.lang = ui
  document.title = t.title
  const text = (id: string, value: string) => (byId(id).textContent = value)
  text('skip', t.skip)
  text('title', t.title)
  text('tagline', t.tagline)
  const toggle = byId<HTMLButtonElement>('ui-lang')
  toggle.textContent = t.uiSwitch
  toggle.lang = ui === 'fr' ? 'en' : 'fr'
  toggle.setAttribute('aria-label', t.uiSwitchLabel)
  text('lang-label', t.language)
  text('channel-label', t.channel)
  text('draft-label', t.draftLabel)
  text('draft-help', t.draftHelp)
  byId<HTMLTextAreaElement>('draft').placeholder = t.placeholder
  text('copy', t.copy)
  text('clear', t.clear)
  text('stored', t.stored)
  text('score-title', t.score)
  text('rules-title', t.rulesTitle)
  text('rules-intro', `${t.rulesIntro} ${t.rulesLanguageNote}`)
  text('footer', format(t.footer, {version: settings.version}))

  const lang = byId<HTMLSelectElement>('lang')
  lang.replaceChildren(h('option', {value: 'auto'}, t.langAuto))
  for (const code of languages()) lang.append(h('option', {value: code, lang: code}, languageName(code, code, true)))
  lang.value = langChoice
  const channels = byId<HTMLSelectElement>('channel')
  setChildren(channels, CHANNELS.map((id) => h('option', {value: id}, t.channels[id])))
  channels.value = channel

  byId('legend').setAttribute('aria-label', t.legendLabel)
  setChildren(
    byId('legend'),
    FAMILIES.filter((family) => family.id !== 'other').map((family) =>
      h('li', {}, h('mark', {class: `hl b-${family.id} u-${family.id}`}, t.families[family.id].label), ' ', t.families[family.id].about)
    )
  )
  renderSettings()
  renderRules()
  if (linted) renderResults(linted.report, linted.text)
}

function renderSettings(): void {
  const configured = Object.entries(settings.options.rules ?? {}) as Array<[string, SeveritySetting]>
  const tuned = Object.keys(settings.options.ruleOptions ?? {})
  const box = byId('settings')
  if (configured.length === 0 && tuned.length === 0 && !settings.configFile) {
    box.replaceChildren(h('p', {}, t.settingsNone))
    return
  }
  const items = [
    ...configured.map(([id, severity]) => h('li', {}, h('code', {}, id), `: ${severity === 'off' ? t.off : t.severity[severity === 'warn' ? 'warning' : severity]}`)),
    ...tuned.filter((id) => !(id in (settings.options.rules ?? {}))).map((id) => h('li', {}, h('code', {}, id), ': options'))
  ]
  box.replaceChildren(h('p', {}, settings.configFile ? format(t.settingsFrom, {file: settings.configFile}) : t.settings), items.length > 0 ? h('ul', {}, items) : '')
}

function renderRules(): void {
  const severity = (id: string): string => {
    const set = settings.options.rules?.[id]
    if (set === 'off') return t.off
    const rule = pageRules.find((item) => item.id === id)!
    return t.severity[set === undefined ? rule.severity : set === 'warn' ? 'warning' : set]
  }
  setChildren(
    byId('rule-list'),
    pageRules.map((rule) =>
      h(
        'details',
        {id: `rule-${rule.id}`, class: `rule-doc f-${rule.category}`},
        h('summary', {}, h('span', {class: 'rule'}, rule.id), ' ', h('span', {lang: 'en'}, rule.summary)),
        h('p', {class: 'hint'}, `${severity(rule.id)} · ${format(t.weight, {weight: rule.weight})}`),
        h('p', {lang: 'en'}, richText(rule.rationale)),
        h(
          'div',
          {class: 'example-pair'},
          rule.languages.filter((lang) => rule.examples[lang]).map((lang) =>
            h(
              'div',
              {class: 'examples'},
              h('h4', {}, languageName(lang, ui)),
              h('p', {class: 'ex-title'}, t.bad),
              h('ul', {class: 'ex bad', lang}, (rule.examples[lang]?.bad ?? []).map((text) => h('li', {}, text))),
              h('p', {class: 'ex-title'}, t.good),
              h('ul', {class: 'ex good', lang}, (rule.examples[lang]?.good ?? []).map((text) => h('li', {}, text)))
            )
          )
        )
      )
    )
  )
}

// ---------------------------------------------------------------------------
// Linting and results.

function options(): LintOptions {
  // The messages speak the interface's language, whatever the draft's.
  return {...settings.options, lang: langChoice, channel, locale: ui}
}

function lintNow(): void {
  clearTimeout(timer)
  timer = undefined
  const area = byId<HTMLTextAreaElement>('draft')
  const text = area.value
  const started = performance.now()
  const report = lintText(text, options())
  const ms = performance.now() - started
  lints++
  linted = {text, report}
  spans = report.findings.map((finding, index) => ({id: `f-${index}`, start: finding.offset, end: finding.endOffset, family: familyOf(finding.rule)}))
  drawLayer(text)
  renderResults(report, text)
  const timing = byId('timing')
  timing.dataset.ms = ms.toFixed(2)
  timing.dataset.lints = String(lints)
  timing.dataset.chars = String(text.length)
  timing.textContent = text.trim() === '' ? '' : format(t.checkedIn, {ms: ms < 10 ? ms.toFixed(1) : Math.round(ms)})
  save({text, lang: langChoice, channel, ui})
  updateCursor()
}

function schedule(): void {
  clearTimeout(timer)
  timer = setTimeout(lintNow, DEBOUNCE_MS)
}

/**
 * Until the next lint, an edit moves the highlights after it by its length
 * and drops the ones it touched, so they stay on their words while typing.
 */
function shiftSpans(before: string, after: string): void {
  let prefix = 0
  const shortest = Math.min(before.length, after.length)
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  let suffix = 0
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++
  const editEnd = before.length - suffix
  const delta = after.length - before.length
  spans = spans.flatMap((span) => {
    if (span.end <= prefix) return [span]
    if (span.start >= editEnd) return [{...span, start: span.start + delta, end: span.end + delta}]
    return []
  })
}

/** The highlight layer: the same text as the writing area, each finding a <mark> (the report's classes). */
function drawLayer(text: string): void {
  drawnText = text
  const layer = byId('layer')
  const length = (span: Span) => span.end - span.start
  const fragment = document.createDocumentFragment()
  const byIdSpan = new Map(spans.map((span) => [span.id, span]))
  for (const piece of segment(text.length, spans)) {
    const value = text.slice(piece.start, piece.end)
    if (piece.ids.length === 0) {
      fragment.append(value)
      continue
    }
    const covering = piece.ids.map((id) => byIdSpan.get(id)!)
    const inner = covering.reduce((a, b) => (length(b) < length(a) ? b : a))
    const outer = covering.reduce((a, b) => (length(b) > length(a) ? b : a))
    fragment.append(h('mark', {class: `hl b-${inner.family} u-${outer.family}${piece.pin ? ' pin' : ''}`, 'data-ids': piece.ids.join(' ')}, value))
  }
  // A final line break needs a character after it to take up a line, as it does in the textarea.
  fragment.append('\u200b')
  layer.replaceChildren(fragment)
}

function gradeTone(grade: Grade): 'good' | 'mid' | 'bad' {
  return grade === 'A' || grade === 'B' ? 'good' : grade === 'F' ? 'bad' : 'mid'
}

function gauge(score: number, grade: Grade): SVGElement {
  const box = svg('svg', {class: `gauge g-${gradeTone(grade)}`, viewBox: '0 0 140 96', role: 'img', 'aria-label': format(t.gaugeLabel, {score, grade}), id: 'score'})
  box.dataset.score = String(score)
  box.dataset.grade = grade
  const arc = 'M14 70 A56 56 0 0 1 126 70'
  box.append(
    svg('path', {d: arc, pathLength: '100', class: 'track', fill: 'none', 'stroke-width': '12'}),
    svg('path', {d: arc, pathLength: '100', class: 'value', fill: 'none', 'stroke-width': '12', 'stroke-dasharray': `${score} 100`}),
    svg('text', {class: 'num', x: '70', y: '66'}, String(score)),
    svg('text', {class: 'grade', x: '70', y: '90'}, format(t.grade, {grade}))
  )
  return box
}

/** One finding as a list item: severity, message, suggestions as buttons, its rule (link to the explanation), place. */
function findingItem(finding: Finding, index: number): HTMLLIElement {
  const family = familyOf(finding.rule)
  const item = h(
    'li',
    {
      id: `f-${index}`,
      class: 'finding',
      'data-index': index,
      'data-rule': finding.rule,
      'data-severity': finding.severity,
      'data-start': finding.offset,
      'data-end': finding.endOffset
    },
    h('span', {class: `sev sev-${finding.severity}`}, t.severity[finding.severity]),
    h('span', {class: 'msg', lang: ui}, richText(finding.message))
  )
  if (finding.suggestions.length > 0) {
    item.append(
      ' ',
      h(
        'span',
        {class: 'try'},
        finding.suggestions.map((suggestion, number) =>
          h('button', {type: 'button', class: 'btn small apply', 'data-finding': index, 'data-suggestion': number, 'data-text': suggestion.fix.text}, format(t.apply, {text: suggestion.fix.text || suggestion.desc}))
        )
      )
    )
  }
  item.append(
    h(
      'span',
      {class: 'actions'},
      h('button', {type: 'button', class: 'btn small goto', 'data-finding': index}, t.showInText),
      ' ',
      h('a', {class: `rule f-${family}`, href: `#rule-${finding.rule}`, 'data-rule-link': finding.rule}, format(t.explain, {rule: finding.rule})),
      ' ',
      h('span', {class: 'pos'}, format(t.lineColumn, {line: finding.line, column: finding.column}))
    )
  )
  return item
}

function renderResults(report: DraftReport, text: string): void {
  const count = report.findings.length
  const empty = text.trim() === ''
  byId('counts').textContent = empty ? t.empty : `${count === 1 ? t.findingCount : format(t.findingsCount, {count})}`
  byId('gauge').replaceChildren(empty ? '' : gauge(report.score, report.grade))
  const detected = byId('detected')
  detected.textContent = empty ? '' : format(t.detected, {lang: languageName(langChoice === 'auto' ? report.lang : detectLanguage(text), ui)})
  detected.dataset.lang = empty ? '' : langChoice === 'auto' ? report.lang : detectLanguage(text)
  byId('fix-title').textContent = count > 1 ? t.fixFirst : t.toFix
  const fix = byId('fix')
  if (count === 0) {
    fix.replaceChildren(h('p', {class: empty ? 'hint' : 'clean'}, empty ? t.empty : t.noFindings))
    return
  }
  const index = new Map(report.findings.map((finding, at) => [finding, at]))
  // The three to fix first (never the same words twice), then every other finding, costliest first.
  const first = fixFirst(report.findings, weights)
  const listed = new Set(first)
  const rest = byCost(report.findings, weights).filter((finding) => !listed.has(finding))
  const item = (finding: Finding) => findingItem(finding, index.get(finding)!)
  fix.replaceChildren(
    h('ol', {class: 'findings', id: 'fix-first'}, first.map(item)),
    rest.length > 0 ? h('details', {id: 'more'}, h('summary', {}, format(rest.length === 1 ? t.oneMore : t.moreFindings, {count: rest.length})), h('ol', {class: 'findings', start: first.length + 1}, rest.map(item))) : ''
  )
}

// ---------------------------------------------------------------------------
// Messages on hover and at the cursor.

const tip = () => byId('tip')
let tipFor = ''

function showTip(ids: string[], anchor: DOMRect): void {
  const box = tip()
  const key = ids.join(' ')
  if (tipFor !== key) {
    box.replaceChildren()
    for (const id of ids) {
      const source = document.getElementById(id)
      if (!source) continue
      const item = h('div', {class: 'finding'})
      for (const node of Array.from(source.childNodes)) {
        const copy = node.cloneNode(true) as HTMLElement
        if (copy instanceof HTMLElement && (copy.classList.contains('try') || copy.classList.contains('actions'))) {
          // Buttons are not for a tooltip: keep the rule id and the suggested words as text.
          if (copy.classList.contains('actions')) item.append(' ', h('span', {class: 'rule'}, source.dataset.rule ?? ''))
          else item.append(' ', h('span', {class: 'try'}, Array.from(copy.querySelectorAll('button')).map((button) => h('code', {}, button.dataset.text ?? ''))))
          continue
        }
        item.append(copy)
      }
      box.append(item)
    }
    tipFor = key
  }
  for (const mark of Array.from(document.querySelectorAll('#layer .hl'))) {
    const own = (mark.getAttribute('data-ids') ?? '').split(' ')
    mark.classList.toggle('active', ids.some((id) => own.includes(id)))
  }
  box.hidden = false
  const width = box.offsetWidth
  const height = box.offsetHeight
  const left = Math.max(8, Math.min(anchor.left, document.documentElement.clientWidth - width - 8))
  const below = anchor.bottom + 8
  const top = below + height > window.innerHeight && anchor.top - height - 8 > 0 ? anchor.top - height - 8 : below
  box.style.left = `${left + window.scrollX}px`
  box.style.top = `${top + window.scrollY}px`
}

function hideTip(): void {
  tip().hidden = true
  tipFor = ''
  for (const mark of Array.from(document.querySelectorAll('#layer .hl.active'))) mark.classList.remove('active')
}

/** The layer's marks covering a point on the screen. */
function marksAt(x: number, y: number): {ids: string[]; rect: DOMRect} | undefined {
  for (const mark of Array.from(document.querySelectorAll<HTMLElement>('#layer .hl'))) {
    for (const rect of Array.from(mark.getClientRects())) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return {ids: (mark.dataset.ids ?? '').split(' '), rect}
    }
  }
  return undefined
}

/** The findings at the cursor (linted text only: while typing, the cursor's findings wait for the lint). */
let cursorKey = ''
function updateCursor(): void {
  const area = byId<HTMLTextAreaElement>('draft')
  const line = byId('at-cursor')
  if (document.activeElement !== area || !linted || linted.text !== area.value) {
    if (cursorKey !== '') {
      cursorKey = ''
      line.replaceChildren()
      if (document.activeElement === area) hideTip()
    }
    return
  }
  const at = area.selectionStart
  const ids = linted.report.findings.flatMap((finding, index) => (finding.offset <= at && (at < finding.endOffset || (at === finding.endOffset && finding.offset === finding.endOffset)) ? [`f-${index}`] : []))
  const key = ids.join(' ')
  if (key === cursorKey) return
  cursorKey = key
  if (ids.length === 0) {
    line.replaceChildren()
    hideTip()
    return
  }
  setChildren(
    line,
    h('span', {class: 'sr'}, t.inFinding + ' '),
    ids.map((id) => {
      const finding = linted!.report.findings[Number(id.slice(2))]
      return h('span', {class: 'cursor-finding'}, h('span', {class: `sev sev-${finding.severity}`}, t.severity[finding.severity]), h('span', {lang: ui}, richText(finding.message)), ' ', h('span', {class: 'rule'}, finding.rule))
    })
  )
  const mark = Array.from(document.querySelectorAll<HTMLElement>('#layer .hl')).find((element) => (element.dataset.ids ?? '').split(' ').includes(ids[0]))
  if (mark) showTip(ids, mark.getClientRects()[0] ?? mark.getBoundingClientRect())
}

// ---------------------------------------------------------------------------
// Actions.

function announce(message: string): void {
  const status = byId('status')
  status.textContent = ''
  // A new text node, a moment later, so the same message twice is announced twice.
  setTimeout(() => (status.textContent = message), 30)
}

/** Replaces a range of the draft as typing would (so Ctrl+Z undoes it), or directly when the browser cannot. */
function replaceRange(start: number, end: number, replacement: string): void {
  const area = byId<HTMLTextAreaElement>('draft')
  area.focus()
  area.setSelectionRange(start, end)
  let done = false
  try {
    done = document.execCommand('insertText', false, replacement)
  } catch {
    done = false
  }
  if (!done || area.value.slice(start, start + replacement.length) !== replacement) {
    area.setRangeText(replacement, start, end, 'end')
    area.dispatchEvent(new Event('input', {bubbles: true}))
  }
}

function apply(index: number, suggestion: number): void {
  const area = byId<HTMLTextAreaElement>('draft')
  if (!linted || linted.text !== area.value) {
    lintNow()
    return
  }
  const finding = linted.report.findings[index]
  // A suggestion is an edit of the draft ({range, text}), not always over the finding's own words.
  const edit = finding?.suggestions[suggestion]?.fix
  if (edit === undefined) return
  const replacement = edit.text
  const from = area.value.slice(edit.range[0], edit.range[1])
  replaceRange(edit.range[0], edit.range[1], replacement)
  lintNow()
  announce(`${format(t.applied, {from, to: replacement})} ${t.undoHint}`)
}

function showInText(index: number): void {
  const area = byId<HTMLTextAreaElement>('draft')
  if (!linted || linted.text !== area.value) lintNow()
  const finding = linted!.report.findings[index]
  if (!finding) return
  area.focus({preventScroll: true})
  area.setSelectionRange(finding.offset, finding.endOffset)
  const mark = Array.from(document.querySelectorAll<HTMLElement>('#layer .hl')).find((element) => (element.dataset.ids ?? '').split(' ').includes(`f-${index}`))
  mark?.scrollIntoView({block: 'center'})
  updateCursor()
}

async function copy(): Promise<void> {
  const area = byId<HTMLTextAreaElement>('draft')
  try {
    await navigator.clipboard.writeText(area.value)
    announce(t.copied)
    return
  } catch {
    // No clipboard API (an insecure context or a refused permission): the old way.
  }
  area.focus()
  area.select()
  announce(document.execCommand('copy') ? t.copied : t.copyFailed)
}

function wire(): void {
  const area = byId<HTMLTextAreaElement>('draft')
  area.addEventListener('input', () => {
    shiftSpans(drawnText, area.value)
    drawLayer(area.value)
    hideTip()
    updateCursor()
    schedule()
  })
  for (const type of ['keyup', 'click', 'focus', 'select']) area.addEventListener(type, updateCursor)
  document.addEventListener('selectionchange', updateCursor)
  area.addEventListener('blur', () => {
    cursorKey = ''
    byId('at-cursor').replaceChildren()
    hideTip()
  })
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hideTip()
  })
  let pending = false
  area.addEventListener('mousemove', (event) => {
    if (pending) return
    pending = true
    requestAnimationFrame(() => {
      pending = false
      const hit = marksAt(event.clientX, event.clientY)
      if (hit) showTip(hit.ids, hit.rect)
      else if (cursorKey === '') hideTip()
    })
  })
  area.addEventListener('mouseleave', () => cursorKey === '' && hideTip())
  area.addEventListener('scroll', () => (byId('layer').scrollTop = area.scrollTop))

  byId('lang').addEventListener('change', (event) => {
    langChoice = (event.target as HTMLSelectElement).value as Lang | 'auto'
    lintNow()
  })
  byId('channel').addEventListener('change', (event) => {
    channel = (event.target as HTMLSelectElement).value as Channel
    lintNow()
  })
  byId('ui-lang').addEventListener('click', () => {
    ui = ui === 'fr' ? 'en' : 'fr'
    applyStrings()
    lintNow()
    save({text: area.value, lang: langChoice, channel, ui})
  })
  byId('copy').addEventListener('click', () => void copy())
  byId('clear').addEventListener('click', () => {
    replaceRange(0, area.value.length, '')
    lintNow()
    announce(t.cleared)
  })
  document.addEventListener('click', (event) => {
    const target = event.target as HTMLElement
    const button = target.closest<HTMLElement>('button.apply, button.goto')
    if (button) {
      const index = Number(button.dataset.finding)
      if (button.classList.contains('apply')) apply(index, Number(button.dataset.suggestion))
      else showInText(index)
      return
    }
    const link = target.closest<HTMLAnchorElement>('a[data-rule-link]')
    if (link) {
      const details = document.getElementById(`rule-${link.dataset.ruleLink}`) as HTMLDetailsElement | null
      if (details) {
        event.preventDefault()
        details.open = true
        details.scrollIntoView({block: 'start'})
        details.querySelector('summary')?.focus()
      }
    }
  })
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hideTip()
  })
  window.addEventListener('resize', () => {
    tipFor = ''
    cursorKey = ''
    hideTip()
    updateCursor()
  })
}

/**
 * The first lint of a page pays for compiling: the engine builds its phrase matchers for the words a
 * draft holds, and the browser compiles the code on first runs (some 200 ms on a 150-word draft,
 * against a few ms once warm). While the page is idle, it lints the rules' own examples, in both
 * languages, one per idle slice, so the rep's first keystrokes are checked at full speed.
 */
function warmUp(): void {
  const idle = window.requestIdleCallback ?? ((run: IdleRequestCallback) => setTimeout(() => run({didTimeout: false, timeRemaining: () => 10}), 50))
  const queue = rules.flatMap((rule) => rule.languages.filter((lang) => rule.examples[lang]).map((lang) => ({lang, text: [...rule.examples[lang].bad, ...rule.examples[lang].good].join('\n\n')})))
  const step = (deadline: IdleDeadline) => {
    while (queue.length > 0 && deadline.timeRemaining() > 5) {
      const {lang, text} = queue.shift()!
      lintText(text, {...settings.options, lang, channel})
    }
    if (queue.length > 0) idle(step)
  }
  idle(step)
}

build()
applyStrings()
wire()
const area = byId<HTMLTextAreaElement>('draft')
area.value = stored.text ?? ''
drawnText = area.value
lintNow()
document.documentElement.dataset.ready = 'true'
warmUp()
