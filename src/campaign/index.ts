import {createReadStream} from 'node:fs'
import {parse} from 'csv-parse'
import {lintDraft, type LintOptions} from '../engine.js'
import {expandPaths} from '../files.js'
import {signalTurns} from '../output.js'
import {InputError, streamDrafts} from '../readers/index.js'
import type {DraftReport} from '../types.js'
import {nearDuplicateGroups, signature, similarity} from './minhash.js'
import {fieldKey} from '../readers/fields.js'
import enData from './data/en.json' with {type: 'json'}
import frData from './data/fr.json' with {type: 'json'}
import {freeTextHashes, personalShare, shingleHashes, ShingleCounts, templateShare, words, type Word, type WordSources} from './shingles.js'
import {compileTemplate, forbiddenColumn, TemplateError, unfilledFields, type Rendered, type Template, type Unfilled} from './template.js'

/** What `cluelint campaign` reports beside the drafts (documented in the README). */
export interface CampaignReport {
  mode: 'template' | 'drafts'
  drafts: number
  /** Contacts whose rendering leaves a field empty or unfilled (first 200 listed). */
  unfilled: {count: number; items: Array<{row: number; field: string; reason: Unfilled['reason']}>}
  /** Rule findings over the campaign: in how many drafts each rule fired, with one example. */
  rules: Array<{rule: string; drafts: number; findings: number; example: {name: string; excerpt: string; message: string}}>
  scores: Distribution
  /**
   * Share of each draft written for its reader only (0..1). Template mode: the words of free-text
   * columns (`freeText`), over all words; `words` counts, over the campaign, the template's own
   * words (shared), merge-field values (personalized) and free-text words (personal).
   */
  personal: Distribution & {bottom: Array<{name: string; share: number}>; freeText?: string[]; words?: WordSources}
  /** Groups of near-identical drafts (drafts mode). */
  groups: Array<{size: number; similarity: number; personalShare: number; drafts: string[]; varying: Array<{name: string; spans: string[]}>}>
  /** Campaign-level findings (`campaign-sameness`). */
  findings: Array<{rule: 'campaign-sameness'; severity: 'warning'; message: string; drafts: string[]}>
}

export interface Distribution {
  min: number | null
  median: number | null
  max: number | null
}

export interface CampaignOptions extends LintOptions {
  /** Template mode: more columns written per contact as free text (besides icebreaker, note, accroche…). */
  freeText?: string[]
  /** Called with each linted draft as soon as it is ready (reports stream). */
  onDraft?: (report: DraftReport, text: string) => void
  /** Similarity from which two drafts are near-duplicates (0..1). */
  threshold?: number
}

/** Low personal share, from which the report says so in words. */
export const LOW_PERSONAL_SHARE = 0.1
const MAX_LISTED = 200

class Aggregate {
  scores: number[] = []
  shares: number[] = []
  bottom: Array<{name: string; share: number}> = []
  rules = new Map<string, CampaignReport['rules'][number]>()
  unfilled: CampaignReport['unfilled'] = {count: 0, items: []}

  add(report: DraftReport, share: number) {
    this.scores.push(report.score)
    this.shares.push(share)
    this.bottom.push({name: report.name, share})
    if (this.bottom.length > 20) this.bottom = this.bottom.sort((a, b) => a.share - b.share).slice(0, 5)
    const seen = new Set<string>()
    for (const finding of report.findings) {
      let entry = this.rules.get(finding.rule)
      if (!entry) {
        entry = {rule: finding.rule, drafts: 0, findings: 0, example: {name: report.name, excerpt: finding.excerpt, message: finding.message}}
        this.rules.set(finding.rule, entry)
      }
      entry.findings++
      if (!seen.has(finding.rule)) entry.drafts++
      seen.add(finding.rule)
    }
  }

  finish(mode: CampaignReport['mode']): CampaignReport {
    return {
      mode,
      drafts: this.scores.length,
      unfilled: this.unfilled,
      rules: [...this.rules.values()].sort((a, b) => b.drafts - a.drafts || a.rule.localeCompare(b.rule)),
      scores: distribution(this.scores),
      personal: {...distribution(this.shares, 3), bottom: this.bottom.sort((a, b) => a.share - b.share).slice(0, 5)},
      groups: [],
      findings: []
    }
  }
}

function distribution(values: number[], digits = 0): Distribution {
  if (values.length === 0) return {min: null, median: null, max: null}
  const sorted = Float64Array.from(values).sort()
  const middle = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  const round = (value: number) => Number(value.toFixed(digits))
  return {min: round(sorted[0]), median: round(median), max: round(sorted[sorted.length - 1])}
}

/** Column names of free text written per contact (both languages), compared as `fieldKey` does. */
const FREE_TEXT = new Set([...enData.freeTextColumns, ...frData.freeTextColumns].map(fieldKey))
/** Long names also count inside a longer one ("icebreaker_line", "accroche_perso"). */
const FREE_TEXT_STEMS = [...FREE_TEXT].filter((key) => key.length >= 8)

/** A column of free text written for each contact (its words are personal), not a merge field. */
export function isFreeTextColumn(name: string, extra: readonly string[] = []): boolean {
  // `contact.note` is the column `note` of a nested record.
  const keys = [fieldKey(name), fieldKey(name.slice(name.lastIndexOf('.') + 1))]
  return keys.some((key) => FREE_TEXT.has(key) || FREE_TEXT_STEMS.some((stem) => key.includes(stem)) || extra.some((column) => fieldKey(column) === key))
}

/** Streams the rows of a contacts CSV as records keyed by column name. */
async function* contacts(file: string): AsyncGenerator<{row: number; record: Record<string, string>; columns: Set<string>}> {
  const source = createReadStream(file)
  const columnsOf = (header: string[]) => {
    const names = header.map((name) => name.trim())
    for (const name of names) {
      const forbidden = forbiddenColumn(name)
      if (forbidden) throw new InputError(file, forbidden)
    }
    return names
  }
  const parser = source.pipe(parse({columns: columnsOf, bom: true, skip_empty_lines: true, relax_column_count: true}))
  // pipe() does not forward the source's errors (a missing file): hand them to the parser.
  source.on('error', (error) => parser.destroy(error))
  let row = 0
  let columns: Set<string> | undefined
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      row++
      columns ??= new Set(Object.keys(record))
      yield {row, record, columns}
    }
  } catch (error) {
    if (error instanceof InputError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(file, code === 'ENOENT' ? 'no such file' : `malformed CSV: ${(error as Error).message}`)
  }
  // csv-parse reads a header-only file as no rows at all: tell the two apart for the message.
  if (row === 0) throw new InputError(file, columns === undefined && !(await hasHeader(file)) ? 'empty contacts file: no header row, no contacts' : 'no contacts: the file has a header row and no data rows')
}

/** Whether a contacts file has anything but white space (a header row) at all. */
async function hasHeader(file: string): Promise<boolean> {
  for await (const chunk of createReadStream(file, {end: 64 * 1024})) if (/\S/.test(String(chunk).replace(/^\uFEFF/, ''))) return true
  return false
}

const NAME_COLUMNS = ['first_name', 'firstname', 'first name', 'prénom', 'prenom', 'name', 'nom']
const COMPANY_COLUMNS = ['company', 'company_name', 'entreprise', 'société', 'societe', 'organization']

function pick(record: Record<string, string>, names: string[]): string | undefined {
  for (const [key, value] of Object.entries(record)) if (names.includes(key.toLowerCase()) && value.trim()) return value.trim()
  return undefined
}

/**
 * Template mode: render the template for every contact, lint each draft,
 * and measure how much of each is written for its reader. Two streaming
 * passes over the contacts (the first counts the text all drafts share), so
 * memory does not grow with the number of contacts beyond a few numbers each.
 */
export async function lintTemplateCampaign(templateSource: string, contactsFile: string, options: CampaignOptions & {templateFile?: string} = {}): Promise<CampaignReport> {
  const templateFile = options.templateFile ?? 'template'
  let template: Template
  try {
    template = compileTemplate(templateSource)
  } catch (error) {
    // One line naming the template, the line and the column (a TemplateError's message starts with them).
    throw new InputError(templateFile, error instanceof TemplateError ? error.message : `could not be compiled (${(error as Error).message.split('\n')[0]})`)
  }
  // The rendering, with where each contact value went (the personal share counts who wrote each word).
  const render = (record: Record<string, string>, row: number): Rendered => {
    try {
      return template.renderTracked(record)
    } catch (error) {
      throw new InputError(templateFile, `could not be rendered for ${contactsFile}#${row} (${(error as Error).message.split('\n')[0]})`)
    }
  }
  const freeText = new Map<string, boolean>()
  const isFreeText = (field: string) => {
    let free = freeText.get(field)
    if (free === undefined) freeText.set(field, (free = isFreeTextColumn(field, options.freeText)))
    return free
  }
  // First pass: the free text that recurs from one contact to another is not personal.
  const counts = new ShingleCounts()
  const turn = signalTurns() // Ctrl-C heard between contacts (see signalTurns)
  for await (const {row, record} of contacts(contactsFile)) {
    const {text, values} = render(record, row)
    counts.add(freeTextHashes(text, values, isFreeText))
    await turn()
  }
  const sources: WordSources = {shared: 0, personalized: 0, personal: 0}

  const aggregate = new Aggregate()
  for await (const {row, record, columns} of contacts(contactsFile)) {
    for (const item of unfilledFields(template, record, columns)) {
      aggregate.unfilled.count++
      if (aggregate.unfilled.items.length < MAX_LISTED) aggregate.unfilled.items.push({row, ...item})
    }
    const {text, values} = render(record, row)
    const name = `${contactsFile}#${row}`
    const report = lintDraft({text, name, file: contactsFile, meta: {readerName: pick(record, NAME_COLUMNS), company: pick(record, COMPANY_COLUMNS)}}, options)
    const share = templateShare(text, values, isFreeText, counts)
    sources.shared += share.words.shared
    sources.personalized += share.words.personalized
    sources.personal += share.words.personal
    aggregate.add(report, share.share)
    options.onDraft?.(report, text)
    await turn()
  }
  const result = aggregate.finish('template')
  result.personal.freeText = [...freeText].filter(([, free]) => free).map(([field]) => field)
  result.personal.words = sources
  if (result.personal.median !== null && result.personal.median < LOW_PERSONAL_SHARE && result.drafts > 1) {
    result.findings.push({
      rule: 'campaign-sameness',
      severity: 'warning',
      message: `Only ${percent(result.personal.median)} of a typical draft is written for its reader: the rest is the same for all ${result.drafts} contacts. Merge fields make it personalized, not personal; add a line about each reader (a free-text column such as "icebreaker" or "note")`,
      drafts: []
    })
  }
  return result
}

/**
 * Drafts mode: already-written drafts (folders, CSV, JSON Lines). Finds
 * groups of near-identical drafts and the spans that vary between them.
 */
export async function lintDraftsCampaign(paths: readonly string[], options: CampaignOptions & {column?: string} = {}): Promise<CampaignReport & {errors: InputError[]}> {
  const {files, errors} = await expandPaths(paths)
  const items: Array<{name: string; text: string; list: Word[]; hashes: Uint32Array; report: DraftReport}> = []
  const turn = signalTurns() // Ctrl-C heard between drafts (see signalTurns)
  for (const file of files) {
    try {
      for await (const draft of streamDrafts(file, {column: options.column})) {
        let report: DraftReport
        try {
          report = lintDraft(draft, options)
        } catch (error) {
          // A draft that cannot be linted is reported; the file's other drafts still are.
          if (!(error instanceof InputError)) throw error
          errors.push(error)
          continue
        }
        const list = words(draft.text)
        items.push({name: report.name, text: draft.text, list, hashes: shingleHashes(list), report})
        options.onDraft?.(report, draft.source ?? draft.text)
        await turn()
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      errors.push(error)
    }
  }
  const counts = new ShingleCounts()
  for (const item of items) counts.add(item.hashes)
  const aggregate = new Aggregate()
  for (const item of items) aggregate.add(item.report, personalShare(item.list, item.hashes, counts).share)
  const result = aggregate.finish('drafts')

  const signatures = items.map((item) => signature(item.hashes))
  for (const group of nearDuplicateGroups(signatures, options.threshold ?? 0.7)) {
    // Shared text within the group only: what varies from one member to the next.
    const local = new ShingleCounts()
    for (const index of group) local.add(items[index].hashes)
    const shares: number[] = []
    const varying = group.map((index) => {
      const {share, spans} = personalShare(items[index].list, items[index].hashes, local)
      shares.push(share)
      return {name: items[index].name, spans: spans.map(([start, end]) => items[index].text.slice(start, end))}
    })
    let total = 0
    let pairs = 0
    for (const index of group.slice(1)) {
      total += similarity(signatures[group[0]], signatures[index])
      pairs++
    }
    const entry = {
      size: group.length,
      similarity: Number((total / pairs).toFixed(2)),
      personalShare: distribution(shares, 3).median ?? 0,
      drafts: group.map((index) => items[index].name),
      varying
    }
    result.groups.push(entry)
    result.findings.push({
      rule: 'campaign-sameness',
      severity: 'warning',
      message: `${entry.size} drafts are near-identical (similarity ${entry.similarity}); only ${percent(entry.personalShare)} of each differs. Write each one for its reader`,
      drafts: entry.drafts
    })
  }
  return {...result, errors}
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}
