import {relative, resolve, sep} from 'node:path'
import type {DraftReport, Finding, Severity} from '../types.js'
import type {Reporter} from './types.js'

/**
 * GitHub Actions workflow commands: one annotation per finding, shown on
 * the pull request's diff at the line it is about.
 *
 *   ::warning file=drafts/a.txt,line=3,col=5,endLine=3,endColumn=13,title=buzzword-overuse::…
 *
 * Escaping is the one @actions/core applies: `%`, CR and LF in the message;
 * those and `:` and `,` in property values.
 */
const COMMAND: Record<Severity, string> = {error: 'error', warning: 'warning', info: 'notice'}

export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** A path relative to the folder the run started in, with forward slashes (GitHub wants the repository's). */
function repositoryPath(file: string, cwd: string): string {
  if (file === '<stdin>') return file
  return relative(cwd, resolve(cwd, file)).split(sep).join('/')
}

export function annotation(draft: DraftReport, finding: Finding, cwd: string): string {
  const properties = [
    `file=${escapeProperty(repositoryPath(draft.file, cwd))}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    `endLine=${finding.endLine}`,
    `endColumn=${finding.endColumn}`,
    `title=${escapeProperty(finding.rule)}`
  ]
  return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}\n`
}

export function githubReporter(options: {cwd: string}): Reporter & {streaming: boolean} {
  return {
    streaming: true,
    draft: (draft) => draft.findings.map((finding) => annotation(draft, finding, options.cwd)).join(''),
    done: () => ''
  }
}
