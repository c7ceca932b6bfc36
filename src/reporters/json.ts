import type {Report} from '../types.js'
import type {Reporter} from './types.js'

/** SPEC's JSON report, version 1: internal fields (offsets) are left out. */
export function toJson(report: Report): object {
  return {
    version: 1,
    drafts: report.drafts.map((draft) => ({
      file: draft.file,
      name: draft.name,
      lang: draft.lang,
      score: draft.score,
      grade: draft.grade,
      findings: draft.findings.map((finding) => ({
        rule: finding.rule,
        severity: finding.severity,
        message: finding.message,
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
        excerpt: finding.excerpt,
        suggestions: finding.suggestions
      }))
    })),
    summary: report.summary
  }
}

export function jsonReporter(): Reporter {
  return {done: (report) => JSON.stringify(toJson(report), null, 2) + '\n'}
}
