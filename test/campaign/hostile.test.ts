import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {forbiddenColumn, nest} from '../../src/campaign/template.js'
import {runCli, tempFiles} from '../helpers.js'

const template = 'Hi {{first_name}},\n\nThanks for the notes on {{company}} last week: the churn figures helped.\n\nBest,\nAlex\n'

describe('campaign inputs written to break it', () => {
  it('a `__proto__.polluted` column pollutes nothing: the contacts file is refused, exit 2', async () => {
    const directory = tempFiles({'t.txt': template, 'c.csv': 'first_name,company,__proto__.polluted\nZoë,Acme,yes\n'})
    const run = await runCli(['campaign', join(directory, 't.txt'), '--contacts', join(directory, 'c.csv')])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`cluelint: ${join(directory, 'c.csv')}: column "__proto__.polluted": "__proto__" cannot name a field (it would reach the prototype of every object); rename the column\n`)
    expect(run.stdout).toBe('')
  })

  it('a `__proto__.template` column cannot turn the campaign into "0 drafts ✔"', async () => {
    const directory = tempFiles({'t.txt': template, 'c.csv': 'first_name,company,__proto__.template\nZoë,Acme,x\n'})
    const run = await runCli(['campaign', join(directory, 't.txt'), '--contacts', join(directory, 'c.csv')])
    expect(({} as Record<string, unknown>).template).toBeUndefined()
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`cluelint: ${join(directory, 'c.csv')}: column "__proto__.template": "__proto__" cannot name a field (it would reach the prototype of every object); rename the column\n`)
    expect(run.stdout).toBe('')
  })

  it('contacts are objects without a prototype; constructor and prototype parts are refused too', () => {
    const contact = nest({'first_name': 'Zoë', 'contact.company': 'Acme', '__proto__.x': 'no', 'a.constructor.b': 'no', 'prototype': 'no'})
    expect(Object.getPrototypeOf(contact)).toBeNull()
    expect(Object.getPrototypeOf(contact.contact)).toBeNull()
    expect(Object.keys(contact)).toEqual(['first_name', 'contact.company', 'contact'])
    expect(({} as Record<string, unknown>).x).toBeUndefined()
    expect(forbiddenColumn('a.constructor.b')).toMatch(/"constructor" cannot name a field/)
    expect(forbiddenColumn('prototype')).toMatch(/"prototype" cannot name a field/)
    expect(forbiddenColumn('contact.first_name')).toBeUndefined()
  })

  it('an empty contacts file and a header-only one are errors, not "0 drafts ✔"', async () => {
    const directory = tempFiles({'t.txt': template, 'empty.csv': '', 'header.csv': 'first_name,company\n', 'blank.csv': '\n\n'})
    for (const [file, reason] of [
      ['empty.csv', 'empty contacts file: no header row, no contacts'],
      ['blank.csv', 'empty contacts file: no header row, no contacts'],
      ['header.csv', 'no contacts: the file has a header row and no data rows']
    ]) {
      const run = await runCli(['campaign', join(directory, 't.txt'), '--contacts', join(directory, file)])
      expect(run.code, file).toBe(2)
      expect(run.stderr).toBe(`cluelint: ${join(directory, file)}: ${reason}\n`)
      expect(run.stdout).toBe('')
    }
  })
})
