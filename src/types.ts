/**
 * A language: the code of its pack (ISO 639-1: `en`, `fr`). cluelint ships the packs of langs/;
 * any other code is a pack's that was registered at run time (src/lang/packs.ts), so the type is
 * open and a code is checked against the packs where it comes in (config, `--lang`, the library).
 */
export type Lang = string

/** Something per language (a rule's suggestion words, a table of a pack's data): a language may have none. */
export type PerLanguage<T> = Readonly<Partial<Record<Lang, T>>>

/** Severity of one finding, as reported. */
export type Severity = 'error' | 'warning' | 'info'

/** Severity as configured (`off` means the rule never runs). */
export type SeveritySetting = 'off' | 'info' | 'warn' | 'warning' | 'error'

/** Channel a draft is written for (drives the `length` rule). */
export type Channel = 'email' | 'linkedin-note' | 'linkedin-message' | 'follow-up'

export interface Finding {
  rule: string
  severity: Severity
  /** In the user's locale (see src/i18n.ts). */
  message: string
  /** The id of the message in the rule's messages map (the same in every locale). */
  messageId?: string
  /** 1-based, into the original file. */
  line: number
  column: number
  endLine: number
  endColumn: number
  /** The words the finding is about, as written. */
  excerpt: string
  /** A safe fix, applied by `cluelint --fix` and the editor's "fix all" (it cannot change what the draft says). */
  fix?: Fix
  /** Rewrites a person should choose from (quick fixes in the editor); empty when there is none. */
  suggestions: Suggestion[]
  /** 0-based offsets into the original file (not serialised in the JSON report). */
  offset: number
  endOffset: number
}

/**
 * One replacement in the original file, as ESLint writes it: `range` is [start, end) in
 * UTF-16 code units (JavaScript string indices) of the file's text, BOM excluded.
 */
export interface Fix {
  range: [number, number]
  text: string
}

/** A rewrite offered for a finding: what it does, and the replacement. */
export interface Suggestion {
  /** In the user's locale. */
  desc: string
  messageId?: string
  fix: Fix
}

export interface DraftReport {
  file: string
  name: string
  lang: Lang
  score: number
  grade: Grade
  findings: Finding[]
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F'

export interface Summary {
  drafts: number
  findings: number
  errors: number
  warnings: number
  minScore: number | null
  meanScore: number | null
}

export interface Report {
  version: 1
  drafts: DraftReport[]
  summary: Summary
}

/** What is known about the reader from outside the text (CSV column, e-mail header...). */
export interface DraftMeta {
  readerName?: string
  company?: string
  channel?: Channel
}

/**
 * One draft to lint. `text` is what the rules read. When it was extracted
 * from a larger file (Markdown, HTML, e-mail, CSV), `source` is that file's
 * text and `map` turns an offset in `text` into an offset in `source`, so
 * findings point into the original file.
 */
export interface Draft {
  text: string
  file?: string
  name?: string
  source?: string
  map?: (offset: number) => number
  /**
   * When `source` is only the part of the file the draft is in (a CSV row,
   * a JSON item: big campaign files are streamed, not kept whole), where
   * that part starts in the file. It starts at the beginning of a line, so
   * findings' lines and offsets are shifted by it and columns are not.
   */
  origin?: {offset: number; line: number}
  meta?: DraftMeta
}
