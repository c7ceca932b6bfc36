// The fixture table: every draft in fixtures/<lang>/{bad,good}/ has a sidecar
// <name>.json listing the rules it must and must not trigger.
import {readdirSync, readFileSync, existsSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {lintDraft} from '../src/engine.js'
import {draftsFromText} from '../src/readers/index.js'
import type {Lang} from '../src/types.js'

interface Sidecar {
  must: string[]
  mustNot: string[]
  channel?: 'email' | 'linkedin-note' | 'linkedin-message' | 'follow-up'
}

const root = join(import.meta.dirname, '..', 'fixtures')
const ids = new Set(rules.map((rule) => rule.id))

for (const lang of ['en', 'fr'] as Lang[]) {
  for (const kind of ['bad', 'good']) {
    const directory = join(root, lang, kind)
    if (!existsSync(directory)) continue
    const drafts = readdirSync(directory).filter((name) => /\.(txt|md)$/.test(name)).sort()
    describe(`fixtures/${lang}/${kind}`, () => {
      for (const name of drafts) {
        it(name, () => {
          const path = join(directory, name)
          const sidecarPath = path.replace(/\.(txt|md)$/, '.json')
          expect(existsSync(sidecarPath), `${name} has no sidecar ${sidecarPath}`).toBe(true)
          const sidecar = JSON.parse(readFileSync(sidecarPath, 'utf8')) as Sidecar
          for (const id of [...sidecar.must, ...sidecar.mustNot]) expect(ids.has(id), `unknown rule ${id}`).toBe(true)
          if (kind === 'bad') expect(sidecar.must.length).toBeGreaterThan(0)
          const text = readFileSync(path, 'utf8')
          const [draft] = draftsFromText(text, path)
          const report = lintDraft({...draft, meta: {channel: sidecar.channel}}, {})
          expect(report.lang).toBe(lang)
          const fired = new Set(report.findings.map((finding) => finding.rule))
          for (const id of sidecar.must) expect(fired.has(id), `${name} must trigger ${id}; fired: ${[...fired].join(', ')}`).toBe(true)
          for (const id of sidecar.mustNot) expect(fired.has(id), `${name} must not trigger ${id}`).toBe(false)
          if (kind === 'good') expect(report.findings.filter((finding) => finding.severity !== 'info').map((finding) => `${finding.rule}: ${finding.excerpt}`)).toEqual([])
        })
      }
    })
  }
}
