import type {DraftReport, Report} from '../types.js'
import type {Reporter} from './types.js'

/** SPEC's JSON report, version 1: internal fields (offsets) are left out. */
export function toJson(report: Report): object {
  return {
    version: 1,
    drafts: report.drafts.map(draftJson),
    summary: report.summary
  }
}

/** SPEC's draft object. */
export function draftJson(draft: DraftReport): object {
  return {
    file: draft.file,
    name: draft.name,
    lang: draft.lang,
    score: draft.score,
    grade: draft.grade,
    findings: draft.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      ...(finding.messageId ? {messageId: finding.messageId} : {}),
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      excerpt: finding.excerpt,
      ...(finding.fix ? {fix: finding.fix} : {}),
      suggestions: finding.suggestions
    }))
  }
}

/**
 * The JSON report, written draft by draft as they are linted (so a large
 * campaign is never held in memory), byte for byte what
 * `JSON.stringify(toJson(report), null, 2)` gives for the whole report.
 * `done` alone, with the drafts in the report, also prints it whole.
 */
export function jsonReporter(): Reporter {
  let started = false
  return {
    streaming: true,
    draft(draft) {
      const head = started ? ',\n' : '{\n  "version": 1,\n  "drafts": [\n'
      started = true
      return head + '    ' + indent(JSON.stringify(draftJson(draft), null, 2), '    ')
    },
    done(report) {
      if (!started) return JSON.stringify(toJson(report), null, 2) + '\n'
      return `\n  ],\n  "summary": ${indent(JSON.stringify(report.summary, null, 2), '  ')}\n}\n`
    }
  }
}

/** Indents every line but the first by `prefix` (JSON text has no raw line breaks inside strings). */
function indent(json: string, prefix: string): string {
  return json.replace(/\n/g, '\n' + prefix)
}
