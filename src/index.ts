import {getProcessor, lintDraft, lintText, type LintOptions} from './engine.js'
import {expandPaths} from './files.js'
import {InputError, readDrafts} from './readers/index.js'
import {summarize} from './summary.js'
import type {DraftReport, Report} from './types.js'

export {summarize}

export {lintDraft, lintText, getProcessor, type LintOptions}
export {rules} from '../rules/index.js'
export {InputError, draftsFromText, readDrafts, streamDrafts, type ReadOptions} from './readers/index.js'
export {detectLanguage} from './lang/detect.js'
export {default as retextFrench} from '../langs/fr/parser.js'
export {registerPack, languages, type LanguagePack} from './lang/packs.js'
export {definePack} from './lang/pack.js'
export {scoreFindings, grade} from './score.js'
export {fixText, fixesOf, isFixable, type FixResult} from './fix.js'
export {applyFixes} from './suggest.js'
export type * from './types.js'
export type {Rule, RuleMeta, RuleContext} from './rule.js'

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
