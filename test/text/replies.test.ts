// Text the writer did not write for this reader (quoted reply, forwarded message, signature after
// "-- ", legal footer) is masked before the rules read it: src/text/replies.ts.
import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/engine.js'
import {maskReplies, replyRanges} from '../../src/text/replies.js'

/** The text left once masked, blank lines and trailing spaces dropped. */
const kept = (text: string) =>
  maskReplies(text)
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .join('\n')

describe('maskReplies', () => {
  const table: Array<[string, string, string]> = [
    ['quoted lines between the answers', 'Thanks.\n\n> Do you support SSO?\n>> Older quote\n\nYes, on every plan.', 'Thanks.\nYes, on every plan.'],
    ['an attribution line, a blank line between', 'Sure.\n\nOn Tue, 4 Feb 2025, Jo <jo@x.com> wrote:\n\n> Can you call me?', 'Sure.'],
    ['an attribution line in French', 'Volontiers.\n\nLe mar. 4 févr. 2025 à 10:12, Claire a écrit :\n> Pouvez-vous me rappeler ?', 'Volontiers.'],
    ['an attribution line with no quote after it stays', 'Jo wrote: the plan is ready.', 'Jo wrote: the plan is ready.'],
    ['a forwarded message', 'See below.\n\n---------- Forwarded message ---------\nFrom: Dana\nCall Jo today.', 'See below.'],
    ['an original message in French', 'Voir plus bas.\n\n-----Message d’origine-----\nDe : Dana\nAppelle Claire.', 'Voir plus bas.'],
    ['an Outlook header block', 'Noted.\n\nFrom: Dana Smith\nSent: Monday\nTo: Al\nCall Jo today.', 'Noted.'],
    ['an Outlook header block in French', 'Noté.\n\nDe : Dana Smith\nEnvoyé : lundi\nÀ : Paul\nAppelle Claire.', 'Noté.'],
    ['"From:" alone is no header block', 'From: the team at Fernbank\nWe read your post.', 'From: the team at Fernbank\nWe read your post.'],
    ['the signature after "-- "', 'See you Tuesday.\nAl\n-- \nAl Green | +44 20 7946 0000', 'See you Tuesday.\nAl'],
    ['a legal footer', 'Best,\nAl\n\nThis email is confidential. Please delete it if it is not for you.', 'Best,\nAl'],
    ['a legal footer in French', 'Cordialement,\nPaul\n\nCe message et toutes les pièces jointes sont confidentiels. Merci de le supprimer.', 'Cordialement,\nPaul'],
    ['a subject line stays', 'Subject: Pilot dates\n\nHi Jo,\n\nTuesday works.', 'Subject: Pilot dates\nHi Jo,\nTuesday works.']
  ]
  for (const [what, text, expected] of table) {
    it(what, () => {
      const masked = maskReplies(text)
      expect(masked).toHaveLength(text.length)
      expect(masked.split('\n').length).toBe(text.split('\n').length)
      expect(kept(text)).toBe(expected)
    })
  }

  it('does linear work on a long quote (one pass over the lines)', () => {
    const text = 'Thanks.\n' + '> a quoted line of the thread\n'.repeat(50_000)
    expect(replyRanges(text)).toEqual([[8, text.length - 1]])
  })
})

describe('the rules do not read masked text', () => {
  it('a quoted question is not a second ask; a fix never lands in a quote', () => {
    const report = lintText('Hi Jo,\n\nThanks for your note.\n\n> Is SSO included ?\n\nYes, on every plan. Want the setup guide?\n\nAl', {lang: 'en'})
    expect(report.findings.map((finding) => finding.rule)).toEqual([])
  })

  it('a long quoted thread does not make a short reply too long', () => {
    const quote = '> We need an answer on pricing, on hosting and on the contract terms before May.\n'.repeat(30)
    const report = lintText(`Hi Jo,\n\nYes, the contract terms are fine. Thanks for checking.\n\nAl\n\n${quote}`, {lang: 'en'})
    expect(report.findings.map((finding) => finding.rule)).not.toContain('length')
  })
})
