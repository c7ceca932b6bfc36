import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {rules} from '../../rules/index.js'
import {root, spawnCli, tempFiles} from '../helpers.js'

/** The settings baked into a page (its JSON data block). */
function baked(html: string): any {
  const match = /<script type="application\/json" id="cluelint-settings">(.*?)<\/script>/s.exec(html)
  expect(match).not.toBeNull()
  return JSON.parse(match![1])
}

// The built binary: the page inlines dist/playground.js, which `npm run build` makes.
describe('cluelint playground', () => {
  it('writes one self-contained page: one inline script allowed by hash, nothing else loaded', () => {
    const folder = tempFiles({})
    const output = join(folder, 'cluelint.html')
    const run = spawnCli(['playground', '-o', output], {cwd: folder})
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    const html = readFileSync(output, 'utf8')
    const scripts = [...html.matchAll(/<script>(.*?)<\/script>/gs)].map((match) => match[1])
    expect(scripts).toHaveLength(1)
    expect(scripts[0]).toBe(readFileSync(join(root, 'dist', 'playground.js'), 'utf8'))
    const hash = createHash('sha256').update(scripts[0]).digest('base64')
    expect(html).toContain(`script-src 'sha256-${hash}'`)
    expect(html).toContain("default-src 'none'")
    // No external resource in the markup (the script's text aside).
    const markup = html.replace(/<script>.*?<\/script>/s, '')
    expect(markup).not.toMatch(/<(link|img|iframe|object|embed|audio|video)\b|\b(src|href)=/i)
    expect(baked(html)).toEqual({version: expect.any(String), options: {lang: 'auto', rules: {}, ruleOptions: {}}})
    // The budget: under 1.5 MB, under 400 KB gzipped.
    const size = Buffer.byteLength(html)
    const gzipped = gzipSync(html, {level: 9}).length
    console.log(`playground page: ${(size / 1024).toFixed(0)} KB, ${(gzipped / 1024).toFixed(0)} KB gzipped`)
    expect(size).toBeLessThan(1.5 * 1024 * 1024)
    expect(gzipped).toBeLessThan(400 * 1024)
  }, 30_000)

  it('bakes in the rule severities, rule options and channel of -c and --rule; the page is on stdout without -o', () => {
    const folder = tempFiles({
      'team.yaml': 'channel: linkedin-message\nrules:\n  flattery: off\n  readability: error\n  buzzword-overuse: [warn, {repeat: 3}]\n'
    })
    const run = spawnCli(['playground', '-c', 'team.yaml', '--rule', 'length=info', '--lang', 'fr'], {cwd: folder})
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout.startsWith('<!doctype html>')).toBe(true)
    expect(baked(run.stdout)).toEqual({
      version: expect.any(String),
      configFile: 'team.yaml',
      options: {
        lang: 'fr',
        channel: 'linkedin-message',
        rules: {flattery: 'off', readability: 'error', 'buzzword-overuse': 'warn', length: 'info'},
        ruleOptions: {'buzzword-overuse': {repeat: 3}}
      }
    })
  }, 30_000)

  it('a config cannot close the data block: `<` is escaped in the baked JSON', () => {
    const folder = tempFiles({'.cluelintrc.json': JSON.stringify({rules: {'buzzword-overuse': ['warn', {words: {en: {add: ['</script><script>alert(1)</script>']}}}]}})})
    const run = spawnCli(['playground'], {cwd: folder})
    expect(run.code).toBe(0)
    expect(run.stdout.match(/<\/script>/g)).toHaveLength(2)
    expect(baked(run.stdout).options.ruleOptions['buzzword-overuse'].words.en.add).toEqual(['</script><script>alert(1)</script>'])
  }, 30_000)

  it('a broken config, an unknown rule or an unwritable output: one line on stderr, exit 2', () => {
    const folder = tempFiles({'bad.json': '{"rules": {"flattery": "loud"}}'})
    const broken = spawnCli(['playground', '-c', 'bad.json'], {cwd: folder})
    expect(broken.code).toBe(2)
    expect(broken.stderr.trim().split('\n')).toHaveLength(1)
    expect(broken.stderr).toContain('bad.json')
    const unknown = spawnCli(['playground', '--rule', 'nope=off'], {cwd: folder})
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("unknown rule id 'nope'")
    const unwritable = spawnCli(['playground', '-o', join(folder, 'missing', 'page.html')], {cwd: folder})
    expect(unwritable.code).toBe(2)
    expect(unwritable.stderr).toMatch(/^cluelint: --output .*ENOENT\n$/)
  }, 60_000)

  it('the bundle holds every rule and no Node module', () => {
    const bundle = readFileSync(join(root, 'dist', 'playground.js'), 'utf8')
    for (const rule of rules) expect(bundle).toContain(rule.id)
    expect(bundle).not.toMatch(/\brequire\(\s*["'](node:)?(fs|path|os|module|worker_threads|crypto|url)["']\)/)
  })
})
