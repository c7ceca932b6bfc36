import {readFile} from 'node:fs/promises'
import {extname} from 'node:path'
import type {Draft} from '../types.js'
import {decodeText, InputError} from './decode.js'
import {maskMarkdown} from './markdown.js'

export {InputError} from './decode.js'

/** Extensions read when a directory is given. */
export const DRAFT_EXTENSIONS = new Set(['.txt', '.md', '.markdown'])

/** Turns one file's text into drafts. Pure: used for files and for stdin. */
export function draftsFromText(text: string, file: string): Draft[] {
  const extension = extname(file).toLowerCase()
  if (extension === '.md' || extension === '.markdown') {
    return [{text: maskMarkdown(text), source: text, file, name: file}]
  }
  return [{text, file, name: file}]
}

/** Reads one file (read only: cluelint never writes what it reads). */
export async function readDrafts(file: string): Promise<Draft[]> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(file, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String((error as Error).message))
  }
  return draftsFromText(decodeText(bytes, file), file)
}
