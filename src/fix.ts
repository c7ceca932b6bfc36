/**
 * Safe fixes applied to a whole draft file: `cluelint --fix`, `--fix-dry-run` and the editor's
 * "fix all". Only text and Markdown drafts are fixed: a campaign file (CSV, JSON), an e-mail or
 * an HTML page is data or markup the draft is only a part of, and is never written.
 */
import {lintDraft, type LintOptions} from './engine.js'
import {markdownDrafts} from './readers/markdown.js'
import {isFixable, plainDrafts, readerOf} from './readers/registry.js'
import {applyFixes} from './suggest.js'
import type {Fix} from './types.js'

export {isFixable}

/** Passes at most: a fix left out because it overlapped another is applied on the next pass (as ESLint). */
const MAX_PASSES = 10

export interface FixResult {
  /** The text with every safe fix applied. */
  output: string
  /** How many fixes were applied, over all passes. */
  fixed: number
}

/** The safe fixes of one text or Markdown draft (`file` gives the format), linted with `options`. */
export function fixesOf(text: string, file: string, options: LintOptions = {}): Fix[] {
  const fixes: Fix[] = []
  const read = readerOf(file) === 'markdown' ? markdownDrafts : plainDrafts
  for (const draft of read(text, file, {})) {
    for (const finding of lintDraft(draft, options).findings) if (finding.fix) fixes.push(finding.fix)
  }
  return fixes
}

/**
 * Applies every safe fix to a text or Markdown draft, linting again after each pass until
 * nothing is left to fix: applying the result's fixes again changes nothing.
 */
export function fixText(text: string, file: string, options: LintOptions = {}): FixResult {
  let output = text
  let fixed = 0
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const {text: next, applied} = applyFixes(output, fixesOf(output, file, options))
    if (applied.length === 0 || next === output) break
    output = next
    fixed += applied.length
  }
  return {output, fixed}
}
