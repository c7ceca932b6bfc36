import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/engine.js'
import type {Channel, Finding, Lang} from '../../src/types.js'

// Ten-word sentences (an elision and what follows count as one word).
const SENTENCES: Record<Lang, string[]> = {
  en: [
    'Your team doubled its pipeline in six months last year.',
    'We ran the test with twelve sales teams this spring.',
    'The new reps booked their first meetings within two weeks.'
  ],
  fr: [
    'Votre équipe a doublé son pipeline en six mois seulement.',
    'Nous avons fait le même test avec douze équipes commerciales.',
    "Les commerciaux ont décroché leurs premiers rendez-vous en deux semaines."
  ]
}

/** A body of exactly `count` words, in sentences of ten. */
function body(lang: Lang, count: number): string {
  const parts: string[] = []
  let left = count
  for (let index = 0; left > 0; index++) {
    const sentence = SENTENCES[lang][index % 3]
    if (left >= 10) parts.push(sentence)
    else parts.push(sentence.split(' ').slice(0, left).join(' ') + '.')
    left -= 10
  }
  return parts.join(' ')
}

function draft(lang: Lang, words: number): string {
  return lang === 'en'
    ? `Subject: your pipeline review\n\nHi Dana,\n\n${body('en', words)}\n\nBest regards,\nChris Martin\nHead of Sales, Fieldnote\n+44 20 7946 0000`
    : `Objet : votre revue de pipeline\n\nBonjour Claire,\n\n${body('fr', words)}\n\nBien cordialement,\nJulien Martin\nDirecteur commercial, Terrain\n06 12 34 56 78`
}

function lengthFindings(text: string, lang: Lang, channel?: Channel, ruleOptions?: Record<string, unknown>): Finding[] {
  const report = lintText(text, {lang, meta: {channel}, ruleOptions: ruleOptions && {length: ruleOptions}})
  return report.findings.filter((finding) => finding.rule === 'length')
}

describe('length: word limits per channel (body only)', () => {
  const table: Array<{lang: Lang; channel?: Channel; words: number; severity?: 'warning' | 'error'; limit?: number}> = [
    {lang: 'en', words: 150},
    {lang: 'en', words: 151, severity: 'warning', limit: 150},
    {lang: 'en', words: 300, severity: 'warning', limit: 150},
    {lang: 'en', words: 301, severity: 'error', limit: 300},
    {lang: 'en', channel: 'email', words: 182, severity: 'warning', limit: 150},
    {lang: 'en', channel: 'follow-up', words: 100},
    {lang: 'en', channel: 'follow-up', words: 101, severity: 'warning', limit: 100},
    {lang: 'en', channel: 'follow-up', words: 201, severity: 'error', limit: 200},
    {lang: 'en', channel: 'linkedin-message', words: 120},
    {lang: 'en', channel: 'linkedin-message', words: 121, severity: 'warning', limit: 120},
    {lang: 'en', channel: 'linkedin-message', words: 251, severity: 'error', limit: 250},
    // French limits are 10% higher: 165 / 330, 110 / 220, 132 / 275.
    {lang: 'fr', words: 165},
    {lang: 'fr', words: 166, severity: 'warning', limit: 165},
    {lang: 'fr', words: 331, severity: 'error', limit: 330},
    {lang: 'fr', channel: 'follow-up', words: 110},
    {lang: 'fr', channel: 'follow-up', words: 111, severity: 'warning', limit: 110},
    {lang: 'fr', channel: 'linkedin-message', words: 276, severity: 'error', limit: 275}
  ]
  for (const {lang, channel, words, severity, limit} of table) {
    it(`${lang} ${channel ?? 'default (email)'}: ${words} words ${severity ? `is an ${severity} past ${limit}` : 'passes'}`, () => {
      const text = draft(lang, words)
      const found = lengthFindings(text, lang, channel)
      if (!severity) {
        expect(found).toEqual([])
        return
      }
      expect(found).toHaveLength(1)
      const [finding] = found
      expect(finding.severity).toBe(severity)
      expect(finding.message).toMatch(new RegExp(`^${words} words: .*\\b${limit}\\b`))
      if (severity === 'error') expect(finding.message).toMatch(/cut at least \d+ \(aim for under \d+\)/)
      else expect(finding.message).toContain(`cut ${words - limit!}:`)
      // From the first word past the limit to the end of the body, sign-off excluded.
      expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.excerpt)
      const bodyText = body(lang, words)
      const bodyStart = text.indexOf(bodyText)
      const wordsBefore = text.slice(bodyStart, finding.offset).split(/\s+/).filter(Boolean)
      expect(wordsBefore.length).toBe(limit)
      expect(finding.endOffset).toBe(bodyStart + bodyText.length - 1) // the body's last word, not its full stop
    })
  }
})

describe('length: what counts as a word', () => {
  it('leaves out the subject line, greeting, sign-off and signature', () => {
    // 150 body words plus 18 words of frame: still fine.
    expect(lengthFindings(draft('en', 150), 'en')).toEqual([])
    expect(lengthFindings(draft('fr', 165), 'fr')).toEqual([])
  })
  it('leaves out a signature block with no sign-off, but counts a P.S.', () => {
    const signature = '\n\nAlex Martin\nHead of Sales, Fieldnote\n+44 20 7946 0000'
    expect(lengthFindings(`Hi Dana,\n\n${body('en', 150)}${signature}`, 'en')).toEqual([])
    const ps = lengthFindings(`Hi Dana,\n\n${body('en', 150)}\n\nP.S. The deck is attached.${signature}`, 'en')
    expect(ps.map((finding) => finding.message.split(':')[0])).toEqual(['155 words'])
  })
  it('counts a French elision with its word ("j\'ai" is one word)', () => {
    const sentence = "J'ai vu qu'il l'a dit."
    // 5 words by hand: j'ai, vu, qu'il, l'a, dit. 33 of them is 165, the limit.
    const text = 'Bonjour Claire,\n\n' + Array(33).fill(sentence).join(' ') + '\n\nBien à vous,\nJulien'
    expect(lengthFindings(text, 'fr')).toEqual([])
    const over = 'Bonjour Claire,\n\n' + Array(34).fill(sentence).join(' ') + '\n\nBien à vous,\nJulien'
    const found = lengthFindings(over, 'fr')
    expect(found.map((finding) => finding.message.split(':')[0])).toEqual(['170 words'])
    expect(found[0].excerpt.startsWith("J'ai")).toBe(true)
  })
  it('counts a link as one word', () => {
    const link = ' Details: https://example.com/reports/2024/pipeline-review-for-sales-teams?utm_source=mail'
    // 148 + "Details:" + the link = 150.
    expect(lengthFindings(draft('en', 148).replace('\n\nBest regards', link + '\n\nBest regards'), 'en')).toEqual([])
    expect(lengthFindings(draft('en', 149).replace('\n\nBest regards', link + '\n\nBest regards'), 'en')).toHaveLength(1)
  })
})

describe('length: LinkedIn connection notes (characters)', () => {
  const note = (size: number) => {
    const base = 'Hi Dana, thanks for your talk on pipeline reviews at SaaStr. The point about asking for the next step stayed with me. '
    let text = base
    while (text.length < size) text += 'We run those reviews for sales teams in Lyon. '
    text = text.slice(0, size)
    return text.endsWith(' ') ? text.slice(0, -1) + '!' : text
  }
  /** Where the finding must start: the word holding the character at `index`, or that character (past a space). */
  const wordAt = (text: string, index: number) => {
    while (/\s/.test(text[index])) index++
    let start = index
    while (start > 0 && /[\p{L}\p{N}]/u.test(text[start]) && /[\p{L}\p{N}]/u.test(text[start - 1])) start--
    return start
  }
  const table: Array<{size: number; severity?: 'warning' | 'error'; limit?: number}> = [
    {size: 200},
    {size: 201, severity: 'warning', limit: 200},
    {size: 300, severity: 'warning', limit: 200},
    {size: 301, severity: 'error', limit: 300},
    {size: 420, severity: 'error', limit: 300}
  ]
  for (const {size, severity, limit} of table) {
    it(`${size} characters ${severity ? `is an ${severity}` : 'passes'}`, () => {
      const text = note(size)
      expect([...text].length).toBe(size)
      const found = lengthFindings(text, 'en', 'linkedin-note')
      if (!severity) {
        expect(found).toEqual([])
        return
      }
      expect(found).toHaveLength(1)
      expect(found[0].severity).toBe(severity)
      expect(found[0].message.startsWith(`${size} characters: `)).toBe(true)
      expect(found[0].message).toContain(String(limit))
      // Points at the word holding the first character past the limit.
      expect(found[0].offset).toBe(wordAt(text, limit!))
      expect(text.slice(found[0].offset, found[0].endOffset)).toBe(found[0].excerpt)
    })
  }
  it('counts the sign-off, and says to drop it when it is what goes over', () => {
    const body = 'Hi Dana, thanks for your talk on pipeline reviews at SaaStr in Lyon. The point about asking reps for the next step, not the stage, is now part of our Monday review. Glad to connect, and thanks!'
    const text = body + '\n\nBest,\nChris'
    expect(body.length).toBe(193)
    expect(text.length).toBe(206)
    const found = lengthFindings(text, 'en', 'linkedin-note')
    expect(found).toHaveLength(1)
    expect(found[0].excerpt).toBe('Chris')
    expect(found[0].message).toBe('206 characters: free LinkedIn accounts cut a connection note at 200 characters; cut 6: drop the sign-off and signature, the platform already shows your name')
  })
  it('leaves out a subject line, however many sentences it holds', () => {
    const text = 'Subject: Thanks, Dana. Your talk. One idea.\n\n' + 'Hi Dana, thanks for your talk on pipeline reviews at SaaStr in Lyon. The point about asking reps for the next step is now part of our Monday review. Glad to connect!'
    expect(lengthFindings(text, 'en', 'linkedin-note')).toEqual([])
    // The same words as a first line of the note do count.
    expect(lengthFindings(text.replace('Subject: ', ''), 'en', 'linkedin-note')).toHaveLength(1)
  })
  it('does not count words for a note', () => {
    expect(lengthFindings('Bonjour Claire, merci pour votre intervention à Lyon sur les revues de pipeline. Au plaisir d\'échanger !', 'fr', 'linkedin-note')).toEqual([])
  })
})

describe('length: LinkedIn messages (words or characters)', () => {
  it('reports the measure furthest past its limit', () => {
    // 133 French words take about 950 characters: further past 800 than 133 is past 132.
    const found = lengthFindings(draft('fr', 133), 'fr', 'linkedin-message')
    expect(found).toHaveLength(1)
    expect(found[0].message).toMatch(/^9\d\d characters: a LinkedIn message reads best under 800 characters in the phone app; cut \d+: /)
  })
  it('warns on characters when long words keep the word count low', () => {
    const sentence = 'Internationalisation, industrialisation, professionnalisation: responsabilités considérables. '
    const text = 'Bonjour Claire,\n\n' + sentence.repeat(10) + '\n\nBien à vous,\nJulien'
    const found = lengthFindings(text, 'fr', 'linkedin-message')
    expect(found).toHaveLength(1)
    expect(found[0].message).toMatch(/^\d+ characters: a LinkedIn message reads best under 800 characters/)
  })
})

describe('length: options', () => {
  it('takes limits from the config, field by field', () => {
    const text = draft('en', 60)
    expect(lengthFindings(text, 'en')).toEqual([])
    const found = lengthFindings(text, 'en', undefined, {email: {words: {warn: 50}}})
    expect(found.map((finding) => finding.severity)).toEqual(['warning'])
    expect(found[0].message).toContain('under 50 words')
    // The error limit keeps its default (300).
    expect(lengthFindings(draft('en', 301), 'en', undefined, {email: {words: {warn: 50}}})[0].message).toContain('past 300 words')
  })
})
