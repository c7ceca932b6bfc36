import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {isFreeTextColumn, lintDraftsCampaign, lintTemplateCampaign} from '../../src/campaign/index.js'
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

describe('template campaigns: the personal share counts who wrote each word', () => {
  // The 27-word template of the issue, and the same with a free-text line written per contact.
  const short = 'Hi {{first_name}}, I noticed {{company}} is growing fast. We help teams like yours cut reporting time in half. Would a short call next week be useful? Thanks, Alex'
  const withLine = 'Hi {{first_name}},\n\n{{icebreaker}}\n\nWe help teams like {{company}} cut reporting time in half. Would a short call next week be useful?\n\nThanks,\nAlex'
  const rows = 60
  const people = Array.from({length: rows}, (_, index) => [`${NAMES[index % NAMES.length]}${index}`, `${COMPANIES[index % COMPANIES.length]} ${index}`])
  // A line written for each reader: no run of three words in common with another (seeded draws).
  const vocabulary = 'pricing onboarding hiring renewals warehouse podcast Lyon Nantes churn support backlog dashboard thread meetup answer question team photo van office quarter report survey launch webinar partner invoice route fleet forecast clinic bakery vineyard harbour studio garden library festival'.split(' ')
  let seed = 7
  const draw = () => vocabulary[(seed = (seed * 1103515245 + 12345) % 2147483648) % vocabulary.length]
  const lines = Array.from({length: rows}, () => `Your ${Array.from({length: 9}, draw).join(' ')} stayed with me.`)
  const csv = (columns: string[], values: (index: number) => string[]) =>
    columns.join(',') + '\n' + Array.from({length: rows}, (_, index) => values(index).map((value) => `"${value.replace(/"/g, '""')}"`).join(',')).join('\n') + '\n'

  it('a fields-only template scores 0 whatever its length', async () => {
    const directory = tempFiles({'contacts.csv': csv(['first_name', 'company'], (index) => people[index])})
    for (const text of [short, short + ' ' + template.repeat(4)]) {
      const report = await lintTemplateCampaign(text, join(directory, 'contacts.csv'), {lang: 'en'})
      expect(report.drafts).toBe(rows)
      expect(report.personal.max).toBe(0)
      expect(report.personal.words!.personal).toBe(0)
      // Every merged value is counted as personalized: two to four words per draft here.
      expect(report.personal.words!.personalized).toBeGreaterThanOrEqual(rows * 3)
      expect(report.findings[0].message).toMatch(/personalized, not personal/)
    }
  }, 60_000)

  it('a free-text line per contact is personal: its words over all words', async () => {
    const directory = tempFiles({'contacts.csv': csv(['first_name', 'company', 'icebreaker'], (index) => [...people[index], lines[index]])})
    const report = await lintTemplateCampaign(withLine, join(directory, 'contacts.csv'), {lang: 'en'})
    expect(report.personal.freeText).toEqual(['icebreaker'])
    // Each line's words, over the draft's words: computed from the rendered drafts here.
    const expected = people.map(([name, company], index) => {
      const text = withLine.replace('{{first_name}}', name).replace('{{company}}', company).replace('{{icebreaker}}', lines[index])
      return words(lines[index]).length / words(text).length
    })
    // Runs of three words several lines share ("the exact problem we hear") are not personal.
    expect(report.personal.max).toBeLessThanOrEqual(Math.max(...expected) + 1e-9)
    expect(report.personal.median).toBeGreaterThan(0.1)
    expect(report.findings).toEqual([])
    const {shared, personalized, personal} = report.personal.words!
    expect(personal).toBeGreaterThan(0)
    expect(personalized).toBeGreaterThanOrEqual(rows * 2)
    expect(shared).toBeGreaterThan(personal)
  }, 60_000)

  it('the same "free text" for every contact is not personal; other columns can be named free text', async () => {
    const pasted = tempFiles({'contacts.csv': csv(['first_name', 'company', 'note'], (index) => [...people[index], 'Loved your recent post on LinkedIn about growth!'])})
    const same = await lintTemplateCampaign(withLine.replace('icebreaker', 'note'), join(pasted, 'contacts.csv'), {lang: 'en'})
    expect(same.personal.max).toBe(0)
    const named = tempFiles({'contacts.csv': csv(['first_name', 'company', 'why_reach_out'], (index) => [...people[index], lines[index]])})
    const template = withLine.replace('icebreaker', 'why_reach_out')
    const unnamed = await lintTemplateCampaign(template, join(named, 'contacts.csv'), {lang: 'en'})
    expect(unnamed.personal.max).toBe(0)
    const given = await lintTemplateCampaign(template, join(named, 'contacts.csv'), {lang: 'en', freeText: ['why reach out']})
    expect(given.personal.median).toBeGreaterThan(0.1)
    expect(given.personal.freeText).toEqual(['why_reach_out'])
  }, 60_000)

  it('knows free-text column names in both languages', () => {
    for (const name of ['icebreaker', 'Ice Breaker', 'icebreaker_line', 'note', 'Notes', 'personal_note', 'accroche', "phrase d'accroche", 'Note perso', 'commentaire', 'contact.note', 'P.S.']) {
      expect(isFreeTextColumn(name), name).toBe(true)
    }
    for (const name of ['first_name', 'company', 'prénom', 'entreprise', 'title', 'city', 'notebook_model']) expect(isFreeTextColumn(name), name).toBe(false)
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
