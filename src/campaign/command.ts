import {summaryCounter} from '../summary.js'
import {Chalk, type ChalkInstance} from 'chalk'
import type {LintOptions} from '../engine.js'
import {expandPaths} from '../files.js'
import {fileOutput, refuseInputAsOutput, type Output} from '../output.js'
import {readDraftFile} from '../readers/bounded.js'
import {decodeText, InputError} from '../readers/decode.js'
import {jsonReporter} from '../reporters/json.js'
import type {DraftReport, Summary} from '../types.js'
import {lintDraftsCampaign, lintTemplateCampaign, LOW_PERSONAL_SHARE, percent, type CampaignReport} from './index.js'

export interface CampaignFlags {
  contacts?: string
  format: 'pretty' | 'json'
  output?: string
  column?: string
  threshold?: number
  /** Template mode: more free-text columns (comma-separated names). */
  freeText?: string
}

export interface CampaignIo {
  write(text: string): void
  error(text: string): void
  color: 0 | 1 | 2 | 3
}

/**
 * `cluelint campaign TEMPLATE --contacts contacts.csv` and
 * `cluelint campaign DRAFTS...`. Exit 1 when a contact's rendering leaves a
 * field empty, a draft has an error, or drafts are near-identical; 2 when an
 * input could not be read.
 */
export async function runCampaign(inputs: string[], flags: CampaignFlags, options: LintOptions, io: CampaignIo): Promise<number> {
  if (flags.contacts && inputs.length !== 1) throw new InputError(inputs.join(' ') || 'campaign', 'give exactly one template with --contacts')
  // The report never goes over what the campaign reads: the template, the contacts, the drafts.
  let output: Output | undefined
  if (flags.output) {
    const read = flags.contacts ? [...inputs, flags.contacts] : [...inputs, ...(await expandPaths(inputs)).files]
    refuseInputAsOutput(flags.output, read)
    output = fileOutput(flags.output)
  }
  try {
    const code = await campaign(inputs, flags, options, io, output ? (text) => output.write(text) : (text) => io.write(text))
    output?.finish()
    return code
  } finally {
    output?.abort()
  }
}

async function campaign(inputs: string[], flags: CampaignFlags, options: LintOptions, io: CampaignIo, emit: (text: string) => void): Promise<number> {
  const json = flags.format === 'json' ? jsonReporter() : undefined
  const counter = summaryCounter()
  let mergeFields = 0 // unfilled-merge-field findings: the one draft of drafts mode may be a template
  const onDraft = (report: DraftReport) => {
    counter.add(report)
    for (const finding of report.findings) if (finding.rule === 'unfilled-merge-field') mergeFields++
    if (json) emit(json.draft!(report, ''))
  }

  let result: CampaignReport
  let inputErrors: InputError[] = []
  if (flags.contacts) {
    const [templateFile] = inputs
    // A folder, a link to itself, a device: said as such, not "no such file".
    const template = decodeText(readDraftFile(templateFile), templateFile)
    result = await lintTemplateCampaign(template, flags.contacts, {...options, onDraft, templateFile, freeText: flags.freeText?.split(',').map((column) => column.trim()).filter(Boolean)})
  } else {
    const drafts = await lintDraftsCampaign(inputs, {...options, onDraft, column: flags.column, threshold: flags.threshold})
    inputErrors = drafts.errors
    result = drafts
  }
  for (const error of inputErrors) io.error(`cluelint: ${error.message}\n`)
  const summary = counter.summary()
  // Which mode ran, when it may not be the one meant: one draft full of merge fields is a template.
  if (!flags.contacts && summary.drafts === 1 && mergeFields > 0) {
    io.error(`cluelint: campaign ran in drafts mode (no --contacts) on a single draft with ${mergeFields} merge field${mergeFields === 1 ? '' : 's'}: it looks like a template; give --contacts contacts.csv to render it once per contact\n`)
  }

  if (json) {
    const done = json.done({version: 1, drafts: [], summary: counter.summary()})
    emit(done.replace(/\n\}\n$/, `,\n  "campaign": ${JSON.stringify(result, null, 2).replace(/\n/g, '\n  ')}\n}\n`))
  } else {
    emit(renderCampaign(result, summary, new Chalk({level: flags.output ? 0 : io.color}), inputErrors.length))
  }

  if (inputErrors.length > 0) return 2
  const reasons: string[] = []
  if (result.unfilled.count > 0) reasons.push(`${result.unfilled.count} unfilled field${result.unfilled.count === 1 ? '' : 's'}`)
  if (summary.errors > 0) reasons.push(`${summary.errors} error${summary.errors === 1 ? '' : 's'} in the drafts`)
  if (result.findings.length > 0) reasons.push(`${result.findings.length} campaign finding${result.findings.length === 1 ? '' : 's'} (${[...new Set(result.findings.map((finding) => finding.rule))].join(', ')})`)
  if (reasons.length === 0) return 0
  // Every exit 1 says why on stderr, whatever the format.
  io.error(`cluelint: campaign failed: ${reasons.join('; ')}\n`)
  return 1
}

export function renderCampaign(result: CampaignReport, summary: Summary, c: ChalkInstance, inputErrors = 0): string {
  const out: string[] = []
  const title = result.mode === 'template' ? 'Campaign (template × contacts)' : 'Campaign (written drafts: no --contacts given)'
  out.push(c.bold(title), `  ${result.drafts} draft${result.drafts === 1 ? '' : 's'} · scores min ${result.scores.min ?? '-'} · median ${result.scores.median ?? '-'} · max ${result.scores.max ?? '-'}`, '')

  const {personal} = result
  if (personal.median !== null) {
    const low = personal.median < LOW_PERSONAL_SHARE
    const what = result.mode === 'template' ? 'words of free-text columns written for each reader; the template and merge fields are not' : 'words written for this reader only, not shared with the other drafts'
    out.push(c.bold('Personal share') + c.dim(`  (${what})`))
    out.push(`  median ${(low ? c.red : c.green)(percent(personal.median))} · min ${percent(personal.min ?? 0)} · max ${percent(personal.max ?? 0)}`)
    if (personal.words) {
      const {shared, personalized, personal: own} = personal.words
      const all = shared + personalized + own || 1
      const columns = personal.freeText && personal.freeText.length > 0 ? ` (${personal.freeText.join(', ')})` : ' (none: name one with --free-text)'
      out.push(c.dim(`  all words: template ${percent(shared / all)} · merge fields ${percent(personalized / all)} · free text${columns} ${percent(own / all)}`))
    }
    if (low) out.push(`  ${c.red('Personalized, not personal:')} apart from merge fields, every reader gets the same message.`)
    if (personal.bottom.length > 0) out.push(`  lowest: ${personal.bottom.map((item) => `${item.name} ${percent(item.share)}`).join(', ')}`)
    out.push('')
  }

  if (result.unfilled.count > 0) {
    out.push(c.bold(`Unfilled fields (${result.unfilled.count})`))
    for (const item of result.unfilled.items.slice(0, 20)) out.push(`  row ${item.row}: ${c.yellow(item.field)} ${c.dim(item.reason)}`)
    if (result.unfilled.count > 20) out.push(c.dim(`  … and ${result.unfilled.count - 20} more (see --format json)`))
    out.push('')
  }

  if (result.rules.length > 0) {
    out.push(c.bold('Findings by rule'))
    const width = result.rules.reduce((max, rule) => Math.max(max, rule.rule.length), -Infinity)
    for (const rule of result.rules) {
      out.push(`  ${rule.rule.padEnd(width)}  ${String(rule.drafts).padStart(5)} draft${rule.drafts === 1 ? ' ' : 's'}  ${c.dim(`e.g. ${rule.example.name}: "${rule.example.excerpt.slice(0, 50)}"`)}`)
    }
    out.push('')
  }

  for (const group of result.groups) {
    out.push(c.bold(`Near-identical group: ${group.size} drafts`) + c.dim(` (similarity ${group.similarity}, personal share ${percent(group.personalShare)})`))
    for (const item of group.varying.slice(0, 10)) out.push(`  ${item.name}: ${item.spans.length > 0 ? item.spans.map((span) => c.cyan(span)).join(c.dim(' … ')) : c.dim('(nothing differs)')}`)
    if (group.varying.length > 10) out.push(c.dim(`  … and ${group.varying.length - 10} more`))
    out.push('')
  }

  for (const finding of result.findings) out.push(`${c.yellow('warning')}  ${finding.message}  ${c.dim(finding.rule)}`)
  const mark = summary.errors > 0 || result.unfilled.count > 0 || inputErrors > 0 ? c.red('✖') : result.findings.length > 0 || summary.warnings > 0 ? c.yellow('⚠') : c.green('✔')
  out.push(`${mark} ${summary.drafts} drafts · ${summary.findings} findings (${summary.errors} errors, ${summary.warnings} warnings) · ${result.findings.length} campaign finding${result.findings.length === 1 ? '' : 's'}`)
  return out.join('\n') + '\n'
}
