// Word and phrase lists are data: check them like code (no duplicates, no blanks).
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {foldWord} from '../../src/text/normalize.js'

const root = join(import.meta.dirname, '..', '..', 'rules')

function jsonFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name)
    if (statSync(path).isDirectory()) return jsonFiles(path)
    // examples.json holds drafts (their lines), not word lists: test/rules/examples.test.ts runs it.
    return name.endsWith('.json') && name !== 'examples.json' ? [path] : []
  })
}

/** Every array of strings anywhere in the document, with its path. */
function stringArrays(value: unknown, path: string, out: Array<[string, string[]]> = []) {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((item) => typeof item === 'string')) out.push([path, value as string[]])
    else value.forEach((item, index) => stringArrays(item, `${path}[${index}]`, out))
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) stringArrays(item, `${path}.${key}`, out)
  }
  return out
}

describe('rule data', () => {
  const files = jsonFiles(root)
  it('exists', () => expect(files.length).toBeGreaterThan(0))
  for (const file of files) {
    it(`${file.slice(root.length + 1)} is valid, with no duplicate or blank entry`, () => {
      const data = JSON.parse(readFileSync(file, 'utf8'))
      for (const [path, list] of stringArrays(data, '$')) {
        const seen = new Map<string, string>()
        for (const entry of list) {
          expect(entry.trim(), `${path}: blank entry`).not.toBe('')
          const key = foldWord(entry.trim())
          expect(seen.has(key), `${path}: '${entry}' duplicates '${seen.get(key)}'`).toBe(false)
          seen.set(key, entry)
        }
      }
    })
  }
})
