import {lstat, readdir, stat} from 'node:fs/promises'
import {extname, isAbsolute, join} from 'node:path'
import {notRegular, specialKind} from './readers/bounded.js'
import {fileError, InputError} from './readers/decode.js'
import {DRAFT_EXTENSIONS, isStreamed} from './readers/registry.js'

const SKIP_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'coverage'])
/** Files of a project, not campaigns, skipped when walking a directory (named on the command line, they are read). */
const SKIP_FILES = new Set(['package.json', 'package-lock.json', 'tsconfig.json', 'jsconfig.json', 'composer.json'])

// tinyglobby (with fdir and picomatch, 90 KB) loads only for a path that is not a file or folder:
// a run on named files never pays for it (profiled: a tenth of the cold start on one draft).
let glob: typeof import('tinyglobby') | undefined

/** A folder that holds no draft: "no drafts found in X", ESLint's "No files matching" for cluelint. */
export class NoDraftsError extends InputError {
  constructor(folder: string, extensions: ReadonlySet<string>) {
    super(folder, `no drafts found in ${folder} (looked for ${[...extensions].join(', ')} files)`)
    this.message = this.reason
  }
}

export interface Expanded {
  files: string[]
  errors: InputError[]
}

/**
 * Paths, directories (recursed, draft extensions only) and globs to a sorted,
 * de-duplicated list of files. A path that matches nothing, a folder with no
 * draft, a subfolder that cannot be read or a special file (device, FIFO) is
 * an error for that path only: the others are still listed.
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
    let info
    let failure: NodeJS.ErrnoException | undefined
    try {
      info = await stat(path)
    } catch (error) {
      failure = error as NodeJS.ErrnoException
    }
    if (info?.isDirectory()) {
      const errorsBefore = errors.length
      const found = await walk(path, extensions, errors)
      // A folder whose only trouble is an unreadable subfolder has said so already.
      if (found.length === 0 && errors.length === errorsBefore) errors.push(new NoDraftsError(path, extensions))
      for (const file of found) add(file)
    } else if (info) {
      const kind = specialKind(info)
      if (kind) errors.push(new InputError(path, notRegular(kind)))
      else add(path)
    } else if (failure?.code !== 'ENOENT') {
      // A link to itself (ELOOP), a folder that cannot be searched (EACCES), a path through a file (ENOTDIR)…
      errors.push(fileError(path, failure as Error))
    } else if (await lstat(path).then(() => true, () => false)) {
      errors.push(new InputError(path, 'broken symbolic link (its target does not exist)'))
    } else if ((glob ??= await import('tinyglobby')).isDynamicPattern(path)) {
      const matches = await glob.glob(path, {absolute: isAbsolute(path), onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'], expandDirectories: false})
      if (matches.length === 0) errors.push(new InputError(path, 'no files match this pattern'))
      for (const file of matches.sort()) {
        const kind = isStreamed(file) ? await stat(file).then(specialKind, () => null) : null
        if (kind) errors.push(new InputError(file, notRegular(kind)))
        else add(file)
      }
    } else {
      errors.push(new InputError(path, 'no such file or directory'))
    }
  }
  return {files, errors}
}

/** The drafts under a folder, in name order, into `files`; a subfolder that cannot be read is one error, the walk goes on. */
async function walk(folder: string, extensions: ReadonlySet<string>, errors: InputError[], files: string[] = []): Promise<string[]> {
  let entries
  try {
    entries = await readdir(folder, {withFileTypes: true})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    errors.push(new InputError(folder, code === 'EACCES' || code === 'EPERM' ? 'permission denied: folder skipped' : `cannot read this folder (${code ?? (error as Error).message}): skipped`))
    return files
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIP_DIRECTORIES.has(entry.name) || SKIP_FILES.has(entry.name)) continue
    const path = join(folder, entry.name)
    if (entry.isDirectory()) await walk(path, extensions, errors, files)
    else if (entry.isFile() && extensions.has(extname(entry.name).toLowerCase())) files.push(path)
  }
  return files
}
