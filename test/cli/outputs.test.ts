// What a run says when it fails, where its report goes, and what it refuses to read or write:
// every exit 1 and exit 2 has its one line on stderr; `-o` streams through a temporary file and
// never writes over an input; special files, huge inputs and unreadable folders are one line each.
import {spawn, spawnSync} from 'node:child_process'
import {chmodSync, closeSync, openSync, readdirSync, readFileSync, symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {THREADS_PER_CORE, wantedThreads} from '../../src/parallel.js'
import {readDraftFile} from '../../src/readers/bounded.js'
import {MAX_BYTES} from '../../src/readers/decode.js'
import {DRAFT_EXTENSIONS} from '../../src/readers/registry.js'
import {bin, root, runCli, tempFiles} from '../helpers.js'

const BAD = 'Hi {{first_name}},\n\nI came across your profile. Can we book a call?\n'
const WARNED = 'Hi Sam,\n\nI hope this email finds you well. Thanks for the notes on the Leeds pilot.\n\nBest,\nAlex\n'
const CLEAN = 'Hi Sam,\n\nThanks for the notes on the Leeds pilot: they answered my question about the night shift.\n\nBest,\nAlex\n'
const lines = (text: string) => text.split('\n').filter((line) => line !== '')
const isRoot = process.getuid?.() === 0

describe('every failed run says why on stderr, whatever the format', () => {
  for (const format of ['pretty', 'json', 'sarif', 'github', 'html']) {
    it(`an error finding: exit 1 and one line (${format})`, async () => {
      const directory = tempFiles({'a.txt': BAD, 'b.txt': CLEAN})
      const run = await runCli([directory, '--format', format])
      expect(run.code).toBe(1)
      expect(run.stderr).toBe('cluelint: 1 error in 1 draft\n')
    })
  }

  it('every threshold crossed is on the same line: errors, --min-score, --max-warnings', async () => {
    const directory = tempFiles({'a.txt': BAD, 'b.txt': WARNED})
    const run = await runCli([directory, '--format', 'json', '--min-score', '95', '--max-warnings', '0'])
    expect(run.code).toBe(1)
    expect(lines(run.stderr)).toHaveLength(1)
    expect(run.stderr).toMatch(/^cluelint: 1 error in 1 draft; lowest score \d+ \(.*a\.txt\) is below --min-score 95; \d+ warnings exceed --max-warnings 0\n$/)
  })

  it('warnings over the limit alone: exit 1 with that reason (json)', async () => {
    const directory = tempFiles({'b.txt': WARNED})
    const run = await runCli([directory, '--format', 'json', '--max-warnings', '0'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^cluelint: \d+ warnings? exceed --max-warnings 0\n$/)
  })

  it('a clean run prints nothing on stderr and exits 0', async () => {
    const directory = tempFiles({'c.txt': CLEAN})
    const run = await runCli([directory, '--format', 'json'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  })
})

describe('no drafts: exit 2, and no success line', () => {
  it('an empty folder: "no drafts found in X"', async () => {
    const directory = tempFiles({})
    const run = await runCli([directory])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`cluelint: no drafts found in ${directory} (looked for ${[...DRAFT_EXTENSIONS].join(', ')} files)\n`)
    expect(run.stdout).not.toContain('✔')
  })

  it('a folder of .pdf and .tsv files only', async () => {
    const directory = tempFiles({'brief.pdf': '%PDF-1.4', 'contacts.tsv': 'name\tbody\nSam\tHi\n'})
    const run = await runCli([directory, '--format', 'json'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^cluelint: no drafts found in .* \(looked for/)
  })

  it('every file ignored: exit 2, and says how many were skipped', async () => {
    const directory = tempFiles({'a.txt': CLEAN, '.cluelintignore': '*.txt\n'})
    const run = await runCli([directory], {cwd: directory})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`cluelint: ${directory}: no drafts found (1 file skipped by ignore patterns)\n`)
  })

  it('a missing file: its line, exit 2, and a failure mark instead of "✔"', async () => {
    const run = await runCli(['does-not-exist.txt'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('cluelint: does-not-exist.txt: no such file or directory\n')
    expect(run.stdout).not.toContain('✔')
    expect(run.stdout).toContain('✖ 0 drafts')
    expect(run.stdout).toContain('1 input could not be read')
  })
})

describe('campaign says which mode ran', () => {
  it('one template without --contacts: drafts mode, and a warning that it looks like a template', async () => {
    const directory = tempFiles({'template.txt': 'Hi {{first_name}},\n\nI saw that {{company}} is hiring in {{city}}. Thanks for reading.\n\nBest,\nAlex\n'})
    const run = await runCli(['campaign', join(directory, 'template.txt')])
    expect(run.stdout).toContain('Campaign (written drafts: no --contacts given)')
    expect(run.stderr).toContain('campaign ran in drafts mode (no --contacts) on a single draft with 3 merge fields: it looks like a template; give --contacts contacts.csv')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('cluelint: campaign failed: 3 errors in the drafts\n')
  })

  it('written drafts without merge fields: no warning', async () => {
    const directory = tempFiles({'a.txt': CLEAN})
    const run = await runCli(['campaign', directory, '--format', 'json'])
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout).campaign.mode).toBe('drafts')
  })
})

describe('-o FILE', () => {
  for (const format of ['pretty', 'json', 'sarif', 'github']) {
    it(`writes the same bytes as stdout, and leaves no temporary file (${format})`, async () => {
      const directory = tempFiles({'drafts/a.txt': BAD, 'drafts/b.txt': WARNED, 'drafts/c.csv': `body\n"${CLEAN}"\n"${BAD}"\n`})
      const stdout = await runCli([join(directory, 'drafts'), '--format', format], {cwd: directory})
      const file = await runCli([join(directory, 'drafts'), '--format', format, '-o', join(directory, 'report.out')], {cwd: directory})
      expect(file.stdout).toBe('')
      expect(file.code).toBe(stdout.code)
      expect(file.stderr).toBe(stdout.stderr)
      expect(readFileSync(join(directory, 'report.out'), 'utf8')).toBe(stdout.stdout)
      expect(readdirSync(directory).sort()).toEqual(['drafts', 'report.out'])
    })
  }

  it('replaces an older report whole', async () => {
    const directory = tempFiles({'a.txt': CLEAN, 'out/report.json': 'x'.repeat(100_000)})
    const run = await runCli([join(directory, 'a.txt'), '--format', 'json', '-o', join(directory, 'out/report.json')])
    expect(run.code).toBe(0)
    expect(JSON.parse(readFileSync(join(directory, 'out/report.json'), 'utf8')).summary.drafts).toBe(1)
    expect(readdirSync(join(directory, 'out'))).toEqual(['report.json'])
  })

  it('a folder that does not exist: one line, exit 2, nothing written', async () => {
    const directory = tempFiles({'a.txt': CLEAN})
    const run = await runCli([join(directory, 'a.txt'), '-o', join(directory, 'nope/report.txt')])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`cluelint: --output ${join(directory, 'nope/report.txt')}: no such folder (ENOENT)\n`)
  })

  it('a folder as the output: one line, exit 2, no temporary file left', async () => {
    const directory = tempFiles({'a.txt': CLEAN, 'out/keep': ''})
    const run = await runCli([join(directory, 'a.txt'), '-o', join(directory, 'out')])
    expect(run.code).toBe(2)
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^cluelint: --output .*out: is a folder \(EISDIR\)$/)])
    expect(readdirSync(directory).sort()).toEqual(['a.txt', 'out'])
  })

  it('a report cut by Ctrl-C leaves neither the report nor its temporary file', async () => {
    const directory = tempFiles({})
    const output = join(directory, 'report.json')
    // Standard input never ends: the run waits there with its temporary file open.
    const child = spawn(process.execPath, [bin, '-', '--format', 'json', '-o', output], {cwd: root, stdio: ['pipe', 'pipe', 'pipe']})
    child.stdin.write('Hi Sam, thanks for the notes.\n')
    const exited = new Promise<{code: number | null; signal: string | null}>((resolve) => child.on('exit', (code, signal) => resolve({code, signal})))
    for (let tries = 0; readdirSync(directory).length === 0 && tries < 600; tries++) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(readdirSync(directory)).toHaveLength(1) // the temporary file, named after the report
    expect(readdirSync(directory)[0]).toMatch(/^\.report\.json\..*\.tmp$/)
    child.kill('SIGINT')
    expect(await exited).toEqual({code: null, signal: 'SIGINT'})
    expect(readdirSync(directory)).toEqual([])
  }, 60_000)

  // Slow drafts, fewer than the 64 drafts between two turns of the event loop there were: the
  // signal waited for the end of the run, which then wrote its whole report and exited 1.
  const slow = 'Hi {{first_name}},\n\n' + 'Thanks for the notes on {{company}} and {{x}}. '.repeat(300) + '\n'
  const interrupted = async (directory: string, args: string[]) => {
    const inputs = readdirSync(directory)
    const child = spawn(process.execPath, [bin, ...args, '-o', join(directory, 'report.json')], {cwd: directory, stdio: 'ignore'})
    const exited = new Promise<{code: number | null; signal: string | null}>((resolve) => child.on('exit', (code, signal) => resolve({code, signal})))
    for (let tries = 0; readdirSync(directory).length === inputs.length && tries < 600; tries++) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toHaveLength(1)
    child.kill('SIGINT')
    expect(await exited).toEqual({code: null, signal: 'SIGINT'})
    expect(readdirSync(directory)).toEqual(inputs)
  }

  it('Ctrl-C is heard between drafts while a long run lints, not once the report is done', async () => {
    const directory = tempFiles(Object.fromEntries(Array.from({length: 40}, (_, index) => [`drafts/d${index}.txt`, slow])))
    await interrupted(directory, ['drafts', '--format', 'json'])
  }, 180_000)

  it('campaign: Ctrl-C is heard between contacts, and between written drafts', async () => {
    // Rendered, the drafts have no merge field left and lint fast: many contacts make a long run.
    const contacts = 'first_name,company,x\n' + Array.from({length: 600}, (_, index) => `N${index},Co${index},y`).join('\n') + '\n'
    await interrupted(tempFiles({'t.txt': slow, 'c.csv': contacts}), ['campaign', 't.txt', '--contacts', 'c.csv', '--format', 'json'])
    await interrupted(tempFiles(Object.fromEntries(Array.from({length: 40}, (_, index) => [`drafts/d${index}.txt`, slow]))), ['campaign', 'drafts', '--format', 'json'])
  }, 300_000)
})

describe('-o never writes over an input', () => {
  const refused = (run: {code: number; stderr: string}, output: string) => {
    expect(run.code).toBe(2)
    expect(lines(run.stderr)).toHaveLength(1)
    expect(run.stderr).toContain(`cluelint: --output ${output}: is `)
    expect(run.stderr).toContain('cluelint never writes over what it reads')
  }

  it('the same path', async () => {
    const directory = tempFiles({'a.txt': BAD})
    const file = join(directory, 'a.txt')
    refused(await runCli([file, '-o', file]), file)
    expect(readFileSync(file, 'utf8')).toBe(BAD)
  })

  it('a symbolic link to an input, and a hard link', async () => {
    const directory = tempFiles({'a.txt': BAD})
    const link = join(directory, 'link.txt')
    symlinkSync(join(directory, 'a.txt'), link)
    refused(await runCli([join(directory, 'a.txt'), '-o', link]), link)
    expect(readFileSync(join(directory, 'a.txt'), 'utf8')).toBe(BAD)
  })

  it('a file inside a folder or glob given as input, in any format (a CSV with --format html)', async () => {
    const directory = tempFiles({'drafts/a.csv': `body\n"${BAD}"\n`, 'drafts/b.txt': CLEAN})
    const csv = join(directory, 'drafts/a.csv')
    refused(await runCli([join(directory, 'drafts'), '--format', 'html', '-o', csv]), csv)
    refused(await runCli([join(directory, 'drafts/*.txt'), '-o', join(directory, 'drafts/b.txt')]), join(directory, 'drafts/b.txt'))
    expect(readFileSync(csv, 'utf8')).toBe(`body\n"${BAD}"\n`)
  })

  it('campaign: the template, the contacts, or a draft', async () => {
    const directory = tempFiles({'t.txt': 'Hi {{first_name}}, thanks for the notes.\n', 'c.csv': 'first_name\nSam\nLea\n', 'drafts/a.txt': CLEAN})
    const [template, contacts, draft] = [join(directory, 't.txt'), join(directory, 'c.csv'), join(directory, 'drafts/a.txt')]
    refused(await runCli(['campaign', template, '--contacts', contacts, '-o', template]), template)
    refused(await runCli(['campaign', template, '--contacts', contacts, '-o', contacts]), contacts)
    refused(await runCli(['campaign', join(directory, 'drafts'), '--format', 'json', '-o', draft]), draft)
    expect(readFileSync(template, 'utf8')).toBe('Hi {{first_name}}, thanks for the notes.\n')
    expect(readFileSync(contacts, 'utf8')).toBe('first_name\nSam\nLea\n')
    expect(readFileSync(draft, 'utf8')).toBe(CLEAN)
  })
})

describe('special files, sizes and paths', () => {
  it('a character device is skipped with one line; the other files are linted', async () => {
    const directory = tempFiles({'good.txt': CLEAN})
    const run = await runCli(['/dev/zero', join(directory, 'good.txt'), '--format', 'json'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe("cluelint: /dev/zero: a character device, not a regular file: skipped (use '-' to read standard input)\n")
    expect(JSON.parse(run.stdout).summary.drafts).toBe(1)
  })

  it.skipIf(process.platform === 'win32')('a FIFO named like a draft is skipped, not read (it would block forever)', async () => {
    const directory = tempFiles({'good.txt': CLEAN})
    spawnSync('mkfifo', [join(directory, 'pipe.txt'), join(directory, 'pipe.csv')])
    const named = await runCli([join(directory, 'pipe.txt'), join(directory, 'good.txt'), '--format', 'json'])
    expect(named.code).toBe(2)
    expect(named.stderr).toBe(`cluelint: ${join(directory, 'pipe.txt')}: a named pipe (FIFO), not a regular file: skipped (use '-' to read standard input)\n`)
    // Matched by a glob: only regular files are matched; read directly, the reader opens a FIFO without blocking and refuses it.
    const globbed = await runCli([join(directory, '*.{txt,csv}'), '--format', 'json'])
    expect(globbed.stderr).toBe('')
    expect(JSON.parse(globbed.stdout).summary.drafts).toBe(1)
    expect(() => readDraftFile(join(directory, 'pipe.txt'))).toThrow("a named pipe (FIFO), not a regular file: skipped (use '-' to read standard input)")
    expect(() => readDraftFile('/dev/urandom')).toThrow('a character device, not a regular file')
    // In a folder, only regular files are listed.
    const walked = await runCli([directory, '--format', 'json'])
    expect(walked.stderr).toBe('')
    expect(JSON.parse(walked.stdout).summary.drafts).toBe(1)
  })

  it('standard input from /dev/zero stops at the limit', () => {
    const zero = openSync('/dev/zero', 'r')
    try {
      const result = spawnSync(process.execPath, [bin, '-'], {cwd: root, stdio: [zero, 'pipe', 'pipe'], encoding: 'utf8'})
      expect(result.status).toBe(2)
      expect(result.stderr).toBe('cluelint: <stdin>: file too large (more than 16.0 MB, the limit)\n')
    } finally {
      closeSync(zero)
    }
  }, 60_000)

  it('standard input one byte over the limit is refused; at the limit it is read', async () => {
    const over = await runCli(['-'], {input: 'a'.repeat(MAX_BYTES + 1)})
    expect(over.code).toBe(2)
    expect(over.stderr).toBe('cluelint: <stdin>: file too large (more than 16.0 MB, the limit)\n')
  })

  it('one byte over the limit says so in bytes, not "16.0 MB, limit 16.0 MB"', async () => {
    const directory = tempFiles({'big.txt': Buffer.alloc(MAX_BYTES + 1, 'a')})
    const run = await runCli([join(directory, 'big.txt')])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`cluelint: ${join(directory, 'big.txt')}: file too large (16,777,217 bytes, limit 16,777,216 bytes)\n`)
  })

  it('a link to itself, a broken link and a path through a file are not "no such file"', async () => {
    const directory = tempFiles({'a.txt': CLEAN})
    symlinkSync(join(directory, 'self.txt'), join(directory, 'self.txt'))
    symlinkSync(join(directory, 'gone.txt'), join(directory, 'broken.txt'))
    const run = await runCli([join(directory, 'self.txt'), join(directory, 'broken.txt'), join(directory, 'a.txt/b.txt'), '--format', 'json'])
    expect(run.code).toBe(2)
    expect(lines(run.stderr)).toEqual([
      `cluelint: ${join(directory, 'self.txt')}: too many levels of symbolic links (a link to itself?)`,
      `cluelint: ${join(directory, 'broken.txt')}: broken symbolic link (its target does not exist)`,
      expect.stringMatching(/a\.txt\/b\.txt: .*not a directory/)
    ])
  })

  it('campaign: a folder given as the template is "is a directory"', async () => {
    const directory = tempFiles({'t/x.txt': CLEAN, 'c.csv': 'first_name\nSam\n'})
    const run = await runCli(['campaign', join(directory, 't'), '--contacts', join(directory, 'c.csv')])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`cluelint: ${join(directory, 't')}: is a directory\n`)
  })

  it('an unreadable subfolder is one line; the rest of the folder is linted', () => {
    const directory = tempFiles({'a.txt': CLEAN, 'locked/b.txt': CLEAN, 'z/c.txt': CLEAN})
    chmodSync(directory, 0o755) // readable by the unprivileged user below
    chmodSync(join(directory, 'locked'), 0o000)
    try {
      // As root every folder is readable: the run is made as an unprivileged user (setpriv, util-linux).
      const command = isRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath]
      const result = spawnSync(command[0], [...command.slice(1), bin, directory, '--format', 'json'], {cwd: root, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
      expect(result.stderr).toBe(`cluelint: ${join(directory, 'locked')}: permission denied: folder skipped\n`)
      expect(result.status).toBe(2)
      expect(JSON.parse(result.stdout).drafts.map((draft: {name: string}) => draft.name)).toEqual([join(directory, 'a.txt'), join(directory, 'z/c.txt')])
    } finally {
      chmodSync(join(directory, 'locked'), 0o755)
    }
  }, 30_000)

  it('stdout on a full disk: exit 2 and one line, not a stack and exit 1', () => {
    const full = openSync('/dev/full', 'w')
    try {
      const result = spawnSync(process.execPath, [bin, join(root, 'fixtures/en/bad/merge-field.txt')], {cwd: root, stdio: ['ignore', full, 'pipe'], encoding: 'utf8'})
      expect(result.stderr).toBe('cluelint: cannot write the report to standard output: no space left on device (ENOSPC)\n')
      expect(result.status).toBe(2)
    } finally {
      closeSync(full)
    }
  }, 30_000)
})

describe('CLUELINT_THREADS', () => {
  it(`is capped at ${THREADS_PER_CORE} per core, and says so`, () => {
    const said: string[] = []
    expect(wantedThreads('1000000000', 2, (text) => said.push(text))).toBe(2 * THREADS_PER_CORE)
    expect(said).toEqual([`CLUELINT_THREADS=1000000000 capped at ${2 * THREADS_PER_CORE} (${THREADS_PER_CORE} per core, 2 cores)`])
  })

  it('a value that is not a whole number is ignored, and said so; one within the cap is taken as given', () => {
    const said: string[] = []
    expect(wantedThreads('lots', 2, (text) => said.push(text))).toBeUndefined()
    expect(said).toEqual(['CLUELINT_THREADS=lots is not a whole number from 1: ignored'])
    expect(wantedThreads('3', 2, (text) => said.push(text))).toBe(3)
    expect(wantedThreads(undefined, 2, (text) => said.push(text))).toBeUndefined()
    expect(said).toHaveLength(1)
  })

  it('the CLI prints the cap on stderr', async () => {
    const run = await runCli([join(root, 'fixtures/en/good/ask-without-thanks-1.txt')], {env: {CLUELINT_THREADS: '1e9'}})
    expect(run.stderr).toMatch(/^cluelint: CLUELINT_THREADS=1e9 capped at \d+ \(4 per core, \d+ cores?\)\n$/)
  })
})

describe('positions in messages', () => {
  it('a CSV row: the line a message names is the file\'s line, as the finding\'s own line is; the words are quoted as written', async () => {
    const body = 'Hi Lea,\n\nThanks for the notes on the Leeds pilot. We are passionate about onboarding, with a monthly review.\n\nThat passion is why I am writing: would Thursday suit you?\n\nBest,\nAlex'
    const directory = tempFiles({'c.csv': `name,body\nSam,"Hi Sam, thanks for the notes."\nTom,"Hi Tom, thanks for the call."\nLea,"${body}"\n`})
    const run = await runCli([join(directory, 'c.csv'), '--format', 'json'])
    const lea = JSON.parse(run.stdout).drafts[2]
    const finding = lea.findings.find((item: {rule: string}) => item.rule === 'buzzword-overuse')
    // The row starts at line 4 of the file: "passionate" is on line 6, "passion" on line 8.
    expect([finding.line, finding.excerpt]).toEqual([8, 'passion'])
    expect(finding.message).toMatch(/^`passion` ×2, first as `passionate` at line 6: /)
  })
})
