import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintDraftsCampaign, lintTemplateCampaign} from '../../src/campaign/index.js'
import {nearDuplicateGroups, signature} from '../../src/campaign/minhash.js'
import {shingleHashes, words} from '../../src/campaign/shingles.js'
import {tempFiles} from '../helpers.js'

const NAMES = ['Zoë', 'François', 'Sam', 'Priya', 'Lee', 'Ana', 'Tom', 'Inès', 'Kofi', 'Mia', 'Omar', 'Ruth']
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Wonka']

const template =
  'Hi {{first_name}},\n\nThanks for taking the time to read this. Teams like {{company}} spend hours every week on manual reporting, ' +
  'and our tool turns that into a five minute task with a shared dashboard that updates itself every morning.\n\n' +
  'Would a short call next week be useful?\n\nBest,\nAlex\n'

function contactsCsv(rows: Array<[string, string]>): string {
  return 'first_name,company\n' + rows.map(([name, company]) => `${name},${company}`).join('\n') + '\n'
}

describe('template campaigns', () => {
  it('a template with only merge fields as personal content has a personal share near 0, and says so', async () => {
    const directory = tempFiles({'contacts.csv': contactsCsv(NAMES.map((name, index) => [name, COMPANIES[index]]))})
    const report = await lintTemplateCampaign(template, join(directory, 'contacts.csv'), {lang: 'en'})
    expect(report.drafts).toBe(12)
    expect(report.personal.median).toBeLessThan(0.1)
    expect(report.findings.map((finding) => finding.rule)).toEqual(['campaign-sameness'])
    expect(report.findings[0].message).toMatch(/personalized, not personal/)
    expect(report.scores.min).not.toBeNull()
  })

  it('lists contacts whose rendering leaves a field empty, by row and field', async () => {
    const directory = tempFiles({'contacts.csv': contactsCsv([['Zoë', 'Acme'], ['', 'Globex'], ['Sam', '']])})
    const report = await lintTemplateCampaign(template, join(directory, 'contacts.csv'), {lang: 'en'})
    expect(report.unfilled.items).toEqual([
      {row: 2, field: 'first_name', reason: 'empty value'},
      {row: 3, field: 'company', reason: 'empty value'}
    ])
  })

  it('a missing column is reported for every row', async () => {
    const directory = tempFiles({'contacts.csv': 'first_name\nZoë\nSam\n'})
    const report = await lintTemplateCampaign(template, join(directory, 'contacts.csv'), {lang: 'en'})
    expect(report.unfilled.count).toBe(2)
    expect(report.unfilled.items[0]).toEqual({row: 1, field: 'company', reason: 'missing column'})
  })

  it('aggregates rule findings with an example each', async () => {
    const directory = tempFiles({'contacts.csv': contactsCsv([['Zoë', 'Acme'], ['Sam', 'Globex']])})
    const report = await lintTemplateCampaign('Hi {{first_name}}, I hope this email finds you well. {{missing}}', join(directory, 'contacts.csv'), {lang: 'en'})
    const canned = report.rules.find((rule) => rule.rule === 'canned-personalization')
    if (canned) {
      expect(canned.drafts).toBe(2)
      expect(canned.example.name).toMatch(/contacts\.csv#1$/)
    }
    expect(report.unfilled.items.map((item) => item.field)).toEqual(['missing', 'missing'])
  })
})

describe('drafts campaigns', () => {
  const specific = [
    'Your talk at the Lyon meetup about churn in the second month of onboarding was the clearest I have heard on the subject.',
    'I read the thread where you compared three CRMs for a field sales team of twelve people with no office.',
    'Congratulations on opening the Nantes warehouse; the photo of the team in front of the first delivery van made my day.',
    'Your answer to the question about pricing pages, that nobody reads the third column, changed how we designed ours.'
  ]
  const shared = 'Thanks for your time. We help operations teams plan their week in ten minutes instead of two hours, and I thought it might help. Would a short call be useful?'

  it('drafts with a specific sentence about each reader have a clearly higher share than a merge-field template', async () => {
    const files: Record<string, string> = {}
    specific.forEach((line, index) => (files[`d${index}.txt`] = `Hi ${NAMES[index]},\n\n${line}\n\n${shared}\n\nBest,\nAlex\n`))
    const report = await lintDraftsCampaign([tempFiles(files)], {lang: 'en'})
    expect(report.drafts).toBe(4)
    expect(report.personal.median).toBeGreaterThan(0.3)
  })

  it('finds the group of near-duplicates in a mixed folder, with the spans that vary, and no false group', async () => {
    const files: Record<string, string> = {}
    for (let index = 0; index < 5; index++) files[`same-${index}.txt`] = `Hi ${NAMES[index]},\n\n${shared} We already work with ${COMPANIES[index]}'s neighbours.\n\nBest,\nAlex\n`
    const different = [
      'Bonjour Marie, merci pour votre message sur le recrutement à Lyon. Je vous envoie le guide dont nous avons parlé.',
      'Hello Sam, congratulations on the launch of the new pricing page. The comparison table is the clearest I have seen.',
      'Hi Lee, following our chat on Tuesday, here is the spreadsheet with the three suppliers and their lead times.',
      'Dear Ana, I was sorry to miss your talk on warehouse safety. Is there a recording I could watch this week?'
    ]
    different.forEach((text, index) => (files[`other-${index}.txt`] = text))
    const report = await lintDraftsCampaign([tempFiles(files)], {lang: 'en'})
    expect(report.groups).toHaveLength(1)
    const [group] = report.groups
    expect(group.size).toBe(5)
    expect(group.drafts.every((name) => /same-\d\.txt$/.test(name))).toBe(true)
    expect(group.similarity).toBeGreaterThan(0.6)
    expect(group.personalShare).toBeLessThan(0.2)
    expect(group.varying[0].spans.join(' ')).toContain(NAMES[0])
    expect(report.findings).toHaveLength(1)
    expect(report.findings[0]).toMatchObject({rule: 'campaign-sameness', severity: 'warning', drafts: group.drafts})
  })
})

describe('minhash', () => {
  it('is deterministic and separates different texts', () => {
    const a = signature(shingleHashes(words('the quick brown fox jumps over the lazy dog near the river bank today')))
    const b = signature(shingleHashes(words('the quick brown fox jumps over the lazy dog near the river bank today')))
    const c = signature(shingleHashes(words('a completely different sentence about invoices and tax returns in march')))
    expect(nearDuplicateGroups([a, b, c])).toEqual([[0, 1]])
  })
})
