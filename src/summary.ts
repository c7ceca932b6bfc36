import type {DraftReport, Summary} from './types.js'

/** SPEC's summary, counted as the drafts go by (the CLI streams them and keeps none). */
export function summaryCounter() {
  let drafts = 0
  let findings = 0
  let errors = 0
  let warnings = 0
  let total = 0
  let min: number | null = null
  return {
    add(report: DraftReport) {
      drafts++
      findings += report.findings.length
      for (const finding of report.findings) {
        if (finding.severity === 'error') errors++
        else if (finding.severity === 'warning') warnings++
      }
      total += report.score
      min = min === null ? report.score : Math.min(min, report.score)
    },
    summary(): Summary {
      return {drafts, findings, errors, warnings, minScore: min, meanScore: drafts === 0 ? null : Math.round(total / drafts)}
    }
  }
}

/** SPEC's summary of a list of drafts. */
export function summarize(drafts: readonly DraftReport[]): Summary {
  const counter = summaryCounter()
  for (const draft of drafts) counter.add(draft)
  return counter.summary()
}
