// One real editor: headless Neovim's built-in LSP client against the built `cluelint lsp --stdio`
// (Debian's `neovim`; .ci/run installs it when missing). Skipped, with a message, without nvim.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {bin, tempFiles} from '../helpers.js'

const nvim = spawnSync('nvim', ['--version'], {encoding: 'utf8'})
const available = nvim.status === 0
if (!available) console.warn('test/editor: SKIPPED, no nvim on the PATH (install it: apt-get install -y neovim; .ci/run does)')

const DRAFT = 'Hi Sam,\n\nOur platform is seamless for your team!!! Thanks for the intro.\n\nAlex\n'

describe.skipIf(!available)('Neovim (headless) with cluelint lsp --stdio', () => {
  it('opens a draft, receives the diagnostics, applies a code action, and gets the new diagnostics', () => {
    const root = tempFiles({'draft.txt': DRAFT})
    const out = join(mkdtempSync(join(tmpdir(), 'cluelint-nvim-')), 'out.json')
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${join(import.meta.dirname, 'neovim.lua')}`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 100_000,
      env: {...process.env, CLUELINT_OUT: out, CLUELINT_DRAFT: join(root, 'draft.txt'), CLUELINT_ROOT: root, CLUELINT_NODE: process.execPath, CLUELINT_BIN: bin}
    })
    expect(run.status, run.stderr).toBe(0)
    const seen = JSON.parse(readFileSync(out, 'utf8'))
    expect(seen.error).toBeUndefined()
    expect(seen.received).toBe(true)
    const first = seen.first as Array<{code: string; lnum: number; col: number; end_col: number; source: string}>
    const jargon = first.find((diagnostic) => diagnostic.code === 'marketing-speak')!
    expect(jargon).toMatchObject({lnum: 2, col: DRAFT.split('\n')[2].indexOf('seamless'), end_col: DRAFT.split('\n')[2].indexOf('seamless') + 'seamless'.length, source: 'cluelint'})
    expect(first.map((diagnostic) => diagnostic.code)).toContain('typography')
    expect(seen.titles).toContain('Disable marketing-speak for this line')
    expect(seen.applied).toBe('Replace with “simple”')
    expect(seen.text).toBe(DRAFT.replace('seamless', 'simple').replace(/\n$/, ''))
    expect(seen.relinted).toBe(true)
    expect((seen.after as Array<{code: string}>).map((diagnostic) => diagnostic.code)).not.toContain('marketing-speak')
  }, 120_000)
})
