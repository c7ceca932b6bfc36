import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {Readable} from 'node:stream'
import {main, type Io} from '../src/cli.js'

export const root = join(import.meta.dirname, '..')
export const bin = join(root, 'bin', 'cluelint.js')

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Spawns the built CLI (run `npm run build` first; `npm test` does). */
export function spawnCli(args: string[], options: {input?: string | Buffer; env?: Record<string, string>; cwd?: string} = {}): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    // Messages in English unless a test sets a locale: the machine's own LANG does not change the output.
    env: {...process.env, NO_COLOR: '', FORCE_COLOR: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...options.env},
    encoding: 'utf8'
  })
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

/** Runs the CLI in-process with buffers for stdout and stderr. */
export async function runCli(args: string[], options: {input?: string; env?: Record<string, string | undefined>; tty?: boolean; cwd?: string} = {}): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const stdin = Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]) as Io['stdin']
  stdin.isTTY = options.input === undefined
  const io: Io = {
    stdout: {write: (chunk: string) => (stdout += chunk), isTTY: options.tty ?? false, columns: 80},
    stderr: {write: (chunk: string) => (stderr += chunk)},
    stdin,
    env: options.env ?? {},
    cwd: options.cwd ?? root
  }
  const code = await main(['node', 'cluelint', ...args], io)
  return {code, stdout, stderr}
}

/** A fresh temporary folder with the given files (names may have folders: `a/b/c.txt`). */
export function tempFiles(files: Record<string, string | Buffer>): string {
  const directory = mkdtempSync(join(tmpdir(), 'cluelint-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, name)), {recursive: true})
    writeFileSync(join(directory, name), content)
  }
  return directory
}
