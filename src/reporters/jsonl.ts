import {draftJson} from './json.js'
import type {Reporter} from './types.js'

/**
 * JSON Lines: one line per draft, SPEC's draft object (as in the JSON report),
 * written as soon as the draft is linted, then one line `{"summary": {…}}`.
 * Shards of a big export linted apart concatenate into one file that line
 * tools (grep, split, GNU parallel) and DuckDB's `read_json` read as it is.
 */
export function jsonlReporter(): Reporter {
  return {
    streaming: true,
    draft: (draft) => JSON.stringify(draftJson(draft)) + '\n',
    done: (report) => JSON.stringify({summary: report.summary}) + '\n'
  }
}
