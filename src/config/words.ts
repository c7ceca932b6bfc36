import {packFor} from '../lang/packs.js'
import type {Rule} from '../rule.js'
import {foldWord} from '../text/normalize.js'
import type {Lang} from '../types.js'

// Rules import this module (`editPatterns`): it must not import the config schema, which imports the rules.

export interface WordsEdit {
  add?: string[]
  remove?: string[]
}

/** Extra and removed entries per language for a rule's word list. */
export type WordsOption = Partial<Record<Lang, WordsEdit>>

/**
 * A word list with entries added and removed. Entries are compared the way
 * rules compare words (case, accents and apostrophes ignored), so removing
 * "Empathie" removes "empathie", and adding an entry already there adds
 * nothing. The list given is not changed.
 */
export function editList(list: readonly string[], add: readonly string[] = [], remove: readonly string[] = []): string[] {
  const removed = new Set(remove.map(foldWord))
  const seen = new Set<string>()
  const out: string[] = []
  for (const entry of [...list, ...add]) {
    const key = foldWord(entry)
    if (removed.has(key) || seen.has(key)) continue
    seen.add(key)
    out.push(entry)
  }
  return out
}

/**
 * A phrase list (entries with `patterns`) with patterns added and removed,
 * for a rule's `extend`: removed patterns go, entries left with none go, and
 * each added pattern becomes an entry made by `make`.
 */
export function editPatterns<T extends {patterns: string[]}>(entries: readonly T[], add: readonly string[], remove: readonly string[], make: (pattern: string) => T): T[] {
  const removed = new Set(remove.map(foldWord))
  const out = entries
    .map((entry) => ({...entry, patterns: entry.patterns.filter((pattern) => !removed.has(foldWord(pattern)))}))
    .filter((entry) => entry.patterns.length > 0)
  for (const pattern of add) if (!removed.has(foldWord(pattern))) out.push(make(pattern))
  return out
}

/**
 * The data a rule gets for `lang` once the config's `words` are applied (its own data for the
 * language, else the data the language's pack carries for it):
 * the rule's own data when there is nothing to change, else `rule.extend`'s
 * copy. A rule without `extend` cannot take `words` (the config loader says
 * so; library callers get this error).
 */
export function ruleData<Data>(rule: Rule<Data, any>, lang: Lang, words: WordsOption | undefined): Data {
  const data = (rule.data[lang] ?? packFor(lang).rules?.[rule.id]) as Data
  const edit = words?.[lang]
  if (!edit || ((edit.add?.length ?? 0) === 0 && (edit.remove?.length ?? 0) === 0)) return data
  if (!rule.extend) throw new Error(`cluelint: rule ${rule.id} has no word list to extend (options.words)`)
  return rule.extend(data, edit.add ?? [], edit.remove ?? [])
}

/**
 * Edits of a language pack's courtesy lists (`langs/<code>/courtesy.json`), shared by the rules
 * that read speech acts (missing-thanks, ask-without-thanks, multiple-asks): per language, the
 * list's path in that file ("gratitude.strong", "asks.requests") and its entries added and removed.
 */
export type CourtesyOption = Partial<Record<string, Record<string, WordsEdit>>>

/** The paths of the lists of strings in `data` ("gratitude.strong", "chains.verbs"), in file order. */
export function listPaths(data: unknown, prefix = ''): string[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return []
  const out: string[] = []
  for (const [key, value] of Object.entries(data)) {
    const path = prefix + key
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) out.push(path)
    else for (const inner of listPaths(value, path + '.')) out.push(inner)
  }
  return out
}

/**
 * A copy of `data` whose lists at the given paths are edited (`editList`); every list and object
 * not on an edited path is shared with `data`, which is not changed. Throws for a path that is not
 * a list of strings in `data` (the config loader checks paths first and says which exist).
 */
export function editLists<T>(data: T, edits: Readonly<Record<string, WordsEdit>>): T {
  let out: unknown = data
  for (const [path, edit] of Object.entries(edits)) {
    const keys = path.split('.')
    const copy = (node: unknown, depth: number): unknown => {
      if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, keys[depth])) throw new Error(`cluelint: no courtesy list "${path}"`)
      const value = (node as Record<string, unknown>)[keys[depth]]
      const edited = depth === keys.length - 1 ? editedList(value, path, edit) : copy(value, depth + 1)
      return {...(node as object), [keys[depth]]: edited}
    }
    out = copy(out, 0)
  }
  return out as T
}

function editedList(value: unknown, path: string, edit: WordsEdit): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new Error(`cluelint: courtesy "${path}" is not a list of words`)
  return editList(value, edit.add, edit.remove)
}
