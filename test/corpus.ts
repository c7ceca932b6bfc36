import {existsSync} from 'node:fs'
import {join} from 'node:path'

/**
 * The shared corpus of real drafts, read in place and never copied into the
 * project: `CLUELINT_CORPUS`, else `../shared/corpus` beside the clone. A
 * user's clone has none: the tests that read it skip, and say so once per
 * test file (a line on stdout, beside the skipped test's name).
 */
export function sharedCorpus(what: string): string | undefined {
  const corpus = process.env.CLUELINT_CORPUS ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus')
  if (existsSync(join(corpus, 'en')) && existsSync(join(corpus, 'fr'))) return corpus
  console.info(`skipped: ${what} (no shared corpus at ${corpus}; set CLUELINT_CORPUS to run it)`)
  return undefined
}
