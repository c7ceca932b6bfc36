import {readdir, stat} from 'node:fs/promises'
import {extname, isAbsolute, join} from 'node:path'
import {InputError} from './readers/decode.js'
import {DRAFT_EXTENSIONS} from './readers/registry.js'

const SKIP_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'coverage'])
/** Files of a project, not campaigns, skipped when walking a directory (named on the command line, they are read). */
const SKIP_FILES = new Set(['package.json', 'package-lock.json', 'tsconfig.json', 'jsconfig.json', 'composer.json'])

// tinyglobby (with fdir and picomatch, 90 KB) loads only for a path that is not a file or folder:
// a run on named files never pays for it (profiled: a tenth of the cold start on one draft).
let glob: typeof import('tinyglobby') | undefined

export interface Expanded {
  files: string[]
  errors: InputError[]
}

/**
 * Paths, directories (recursed, draft extensions only) and globs to a sorted,
 * de-duplicated list of files. A path that matches nothing is an error for
 * that path only.
 */
export async function expandPaths(paths: readonly string[], extensions: ReadonlySet<string> = DRAFT_EXTENSIONS): Promise<Expanded> {
  const files: string[] = []
  const errors: InputError[] = []
  const seen = new Set<string>()
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file)
      files.push(file)
    }
  }
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined)
    if (info?.isDirectory()) {
      for (const file of await walk(path, extensions)) add(file)
    } else if (info) {
      add(path)
    } else if ((glob ??= await import('tinyglobby')).isDynamicPattern(path)) {
      const matches = await glob.glob(path, {absolute: isAbsolute(path), onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'], expandDirectories: false})
      if (matches.length === 0) errors.push(new InputError(path, 'no files match this pattern'))
      for (const file of matches.sort()) add(file)
    } else {
      errors.push(new InputError(path, 'no such file or directory'))
    }
  }
  return {files, errors}
}

async function walk(directory: string, extensions: ReadonlySet<string>): Promise<string[]> {
  const entries = await readdir(directory, {withFileTypes: true})
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const files: string[] = []
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIP_DIRECTORIES.has(entry.name) || SKIP_FILES.has(entry.name)) continue
    const path = join(directory, entry.name)
    if (entry.isDirectory()) files.push(...(await walk(path, extensions)))
    else if (entry.isFile() && extensions.has(extname(entry.name).toLowerCase())) files.push(path)
  }
  return files
}
