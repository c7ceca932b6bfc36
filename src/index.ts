import {getProcessor, lintDraft, lintText, type LintOptions} from './engine.js'
import {expandPaths} from './files.js'
import {InputError, readDrafts} from './readers/index.js'
import type {DraftReport, Report, Summary} from './types.js'

export {lintDraft, lintText, getProcessor, type LintOptions}
export {rules} from '../rules/index.js'
export {InputError, draftsFromText, readDrafts, streamDrafts, type ReadOptions} from './readers/index.js'
export {detectLanguage} from './lang/detect.js'
export {default as retextFrench} from './parsers/french.js'
export {scoreFindings, grade} from './score.js'
export type * from './types.js'
export type {Rule, RuleMeta, RuleContext} from './rule.js'

export function summarize(drafts: readonly DraftReport[]): Summary {
  let findings = 0
  let errors = 0
  let warnings = 0
  let total = 0
  let min: number | null = null
  for (const draft of drafts) {
    findings += draft.findings.length
    for (const finding of draft.findings) {
      if (finding.severity === 'error') errors++
      else if (finding.severity === 'warning') warnings++
    }
    total += draft.score
    min = min === null ? draft.score : Math.min(min, draft.score)
  }
  return {
    drafts: drafts.length,
    findings,
    errors,
    warnings,
    minScore: min,
    meanScore: drafts.length === 0 ? null : Math.round(total / drafts.length)
  }
}

export function toReport(drafts: DraftReport[]): Report {
  return {version: 1, drafts, summary: summarize(drafts)}
}

/**
 * Lints files, directories and globs. Files that cannot be read are
 * returned in `errors` and do not stop the others.
 */
export async function lintFiles(paths: readonly string[], options: LintOptions = {}): Promise<Report & {errors: InputError[]}> {
  const {files, errors} = await expandPaths(paths)
  const drafts: DraftReport[] = []
  for (const file of files) {
    try {
      for (const draft of await readDrafts(file)) drafts.push(lintDraft(draft, options))
    } catch (error) {
      if (error instanceof InputError) errors.push(error)
      else throw error
    }
  }
  return {...toReport(drafts), errors}
}
