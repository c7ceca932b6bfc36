import {createRequire} from 'node:module'

/**
 * compromise, English part-of-speech tags: takes most of a second to load, so
 * it is loaded on first need (rules/reader-focus asks only about sentences
 * holding an ambiguous form such as "US"). This is the Node side of a seam:
 * the browser build (the playground page, see tsup.config.ts) replaces this
 * module with tagger.browser.ts, which bundles compromise.
 */
export type Tagger = (text: string) => {json(options: {offset: boolean}): Array<{terms: Array<{tags: string[]; offset: {start: number}}>}>}

export function loadTagger(): Tagger {
  return createRequire(import.meta.url)('compromise') as Tagger
}
