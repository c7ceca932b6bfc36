import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, tempFiles} from '../helpers.js'

const template = 'Hi {{first_name | "there"}},\n\nThanks for reading. Teams like {{company}} spend hours every week on reporting; our tool turns that into five minutes.\n\nWould a short call next week be useful?\n\nBest,\nAlex\n'

describe('cluelint campaign', () => {
  it('template mode: pretty report with the personal share, unfilled fields by row, exit 1', async () => {
    const directory = tempFiles({'t.txt': template, 'c.csv': 'first_name,company\nZoë,Acme\nFrançois,Globex\n,Initech\nSam,\n'})
    const run = await runCli(['campaign', join(directory, 't.txt'), '--contacts', join(directory, 'c.csv')])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Personal share')
    expect(run.stdout).toContain('Personalized, not personal')
    expect(run.stdout).toContain('row 4: company empty value')
    expect(run.stdout).not.toContain('row 3: first_name') // it has a default
    expect(run.stderr).toBe('cluelint: campaign failed: 1 unfilled field; 1 campaign finding (campaign-sameness)\n')
  })

  it('template mode: JSON with a campaign object beside the drafts', async () => {
    const directory = tempFiles({'t.txt': template, 'c.csv': 'first_name,company\nZoë,Acme\nInès,Globex\n'})
    const run = await runCli(['campaign', join(directory, 't.txt'), '--contacts', join(directory, 'c.csv'), '--format', 'json'])
    const report = JSON.parse(run.stdout)
    expect(Object.keys(report)).toEqual(['version', 'drafts', 'summary', 'campaign'])
    expect(report.drafts.map((draft: any) => draft.name)).toEqual([join(directory, 'c.csv') + '#1', join(directory, 'c.csv') + '#2'])
    expect(report.summary.drafts).toBe(2)
    expect(report.campaign).toMatchObject({mode: 'template', drafts: 2, unfilled: {count: 0, items: []}})
    expect(report.campaign.personal.median).toBeLessThan(0.1)
  })

  it('a missing template or contacts file is a one-line error, exit 2', async () => {
    const directory = tempFiles({'t.txt': template})
    const noContacts = await runCli(['campaign', join(directory, 't.txt'), '--contacts', join(directory, 'nope.csv')])
    expect(noContacts.code).toBe(2)
    expect(noContacts.stderr).toBe(`cluelint: ${join(directory, 'nope.csv')}: no such file\n`)
    const noTemplate = await runCli(['campaign', join(directory, 'nope.txt'), '--contacts', join(directory, 't.txt')])
    expect(noTemplate.code).toBe(2)
  })

  it('drafts mode: reports the near-identical group', async () => {
    const body = 'Thanks for your time. We help operations teams plan their week in ten minutes instead of two hours. Would a short call be useful?'
    const directory = tempFiles({
      'a.txt': `Hi Zoë,\n\n${body}\n`,
      'b.txt': `Hi Sam,\n\n${body}\n`,
      'c.txt': `Hi Lee,\n\n${body}\n`,
      'd.txt': 'Bonjour Marie, merci pour votre message sur le recrutement à Lyon. Voici le guide promis.'
    })
    const run = await runCli(['campaign', directory, '--format', 'json'])
    const {campaign} = JSON.parse(run.stdout)
    expect(campaign.groups).toHaveLength(1)
    expect(campaign.groups[0].size).toBe(3)
    expect(campaign.findings[0].rule).toBe('campaign-sameness')
    expect(run.code).toBe(1)
  })
})
