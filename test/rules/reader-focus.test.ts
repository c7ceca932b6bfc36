import {describe, expect, it} from 'vitest'
import {taggerStats} from '../../rules/reader-focus/index.js'
import {lintText} from '../../src/engine.js'
import type {Finding, Lang} from '../../src/types.js'

const ID = 'reader-focus'

function findings(text: string, lang: Lang, options?: Record<string, unknown>): Finding[] {
  const report = lintText(text, {lang, ruleOptions: options && {[ID]: options}})
  const own = report.findings.filter((finding) => finding.rule === ID)
  for (const finding of own) expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.excerpt)
  return own
}

/** The "writer to reader" counts the rule makes of a text (thresholds off so it always reports). */
function counts(text: string, lang: Lang): string {
  const [finding] = findings(text, lang, {minWriter: 0, ratio: 0})
  if (!finding) return 'none'
  return /\) (\d+ to \d+)/.exec(finding.message)?.[1] ?? finding.message
}

// [lang, sentence, "writer to reader"]; "none" when there is no writer word
const tallies: Array<[Lang, string, string]> = [
  ['en', 'We sell in the US and the UK.', '1 to 0'],
  ['en', 'Tell us about the US market.', '1 to 0'],
  ['en', 'Our US office and us.', '2 to 0'],
  ['en', 'US teams hire fast.', 'none'], // no writer word: nothing to report
  ['en', 'Us too.', '1 to 0'],
  ['en', 'I’m here, we’re ready and you’re next.', '2 to 1'],
  ['en', "I'd like my team to meet yours.", '2 to 1'],
  ['en', 'WE LOVE YOUR SHOP.', '1 to 1'],
  ['en', 'Sign it as [Your Name] and send it to me.', '1 to 0'],
  ['en', 'You wrote "we never cold call" and I agree.', '1 to 1'],
  ['fr', 'Vous nous avez beaucoup aidés.', '1 to 1'],
  ['fr', "J'ai vu que vous m'aviez écrit.", '2 to 1'],
  ['fr', 'J’ai noté, je l’ai dit à mon équipe.', '3 to 0'],
  ['fr', 'Pouvez-vous me dire ? Dites-moi tout.', '2 to 1'],
  ['fr', 'Je confirme votre rendez-vous de mardi.', '1 to 1'],
  ['fr', 'Le ton de ton message me plaît.', '1 to 1'],
  ['fr', 'NOUS AIMONS VOTRE BOUTIQUE.', '1 to 1'],
  ['fr', 'Signez [Votre prénom] et renvoyez-le-moi.', '1 to 0'],
  // "toi et moi" says who "nous" is: the writer and the reader (langs/fr/inclusive.json), so only "moi" counts for the writer.
  ['fr', 'Toi et moi, nous savons.', '1 to 1'],
  ['fr', 'Moi, je sais.', '2 to 0']
]

const bad: Array<[Lang, string, string]> = [
  ['en', "Hi Ana,\n\nThanks for your note. I'm Sam and I run a small studio. We design menus and we print them. My team and I would love to help.", "I'm Sam and I run a small studio."],
  ['en', 'Hi Ana, we built our platform because we saw our own reps struggle. Can I show you?', 'we built our platform because we saw our own reps struggle.'],
  ['fr', 'Bonjour Marie,\n\nJe suis Paul et je dirige une petite agence. Nous faisons des sites et nous les hébergeons. Mon équipe et moi serions ravis de travailler avec vous.', 'Je suis Paul et je dirige une petite agence.'],
  ['fr', "Bonjour Léa, je m'appelle Jo. J'aide mes clients à grandir. Je pense que je peux aider. Dites-moi.", "je m'appelle Jo."]
]

const good: Array<[Lang, string]> = [
  // An inclusive "we" is the writer and the reader together: it counts for neither side.
  ['en', 'Hi Ines,\n\nWe sat next to each other on the train and we talked for an hour, so we both know the plan. We can adjust it together. We will see.'],
  ['fr', 'Bonjour Inès,\n\nNous avons déjeuné ensemble et nous avons parlé du plan, nous étions tous les deux d’accord. Nous pourrons l’ajuster ensemble. Nous verrons.'],
  // "We met", "nous nous sommes croisés": the two of them.
  ['fr', 'Bonjour Vincent,\n\nMerci pour vos conseils. Nous nous sommes croisés mardi au salon de Lyon. Nous avons parlé de vos relances et nous avons noté trois pistes, que nous testons en juin.'],
  ['en', 'Hi Vincent,\n\nThanks for your tips. We met at the Lyon fair on Tuesday. We talked about your follow-ups and we noted three ideas, which we will test in June.'],
  ['en', 'Hi Ana,\n\nYour menus in Lyon are lovely. Thanks for sending the photos. Would you like me to print a test run for your team?'],
  ['en', 'Hi Sam,\n\nThank you for the time you gave me on Tuesday. Your point about onboarding changed how I think about our own training. I wrote up the questions you asked.'],
  ['en', 'Hi Lea,\n\nWe sell in the US, the UK and the EU. Thanks for the catalogue you sent.'],
  ['fr', 'Bonjour Marie,\n\nVos menus sont superbes. Merci pour les photos. Voulez-vous que je vous imprime un essai pour votre équipe ?'],
  ['fr', 'Bonjour Luc,\n\nJe vous remercie pour votre accueil : vous nous avez bien aidés et notre équipe a adoré. Votre prochain rendez-vous tient toujours ?'],
  // Greeting and sign-off are not the body: "Bien à vous, Jean" and "Je" in a signature do not count.
  ['fr', 'Bonjour Léa,\n\nMerci pour votre visite du chantier, et pour vos photos.\n\nBien à vous,\nJean']
]

describe(ID, () => {
  for (const [lang, text, expected] of tallies) {
    it(`counts ${lang} ${JSON.stringify(text)} as ${expected}`, () => expect(counts(text, lang)).toBe(expected))
  }
  for (const [lang, text, excerpt] of bad) {
    it(`fires on ${lang}: ${JSON.stringify(text.slice(0, 50))}`, () => {
      const own = findings(text, lang)
      expect(own).toHaveLength(1)
      expect(own[0].excerpt).toBe(excerpt)
      expect(own[0].severity).toBe('warning')
      expect(own[0].message).toMatch(/outnumber reader-centred ones .* \d+ to \d+/)
    })
  }
  for (const [lang, text] of good) {
    it(`stays quiet on ${lang}: ${JSON.stringify(text.slice(0, 50))}`, () => expect(findings(text, lang)).toEqual([]))
  }

  it('states both counts and the ratio', () => {
    const [finding] = findings('Bonjour Marie,\n\nJe suis Paul. Je vends des sites. Nous les hébergeons. Mon équipe vous attend.', 'fr', {minWriter: 4})
    expect(finding.message).toContain('4 to 1 (4.0:1)')
    const [none] = findings('Hi Ana, I run a studio. We design menus. My team prints them. I deliver. We invoice.', 'en')
    expect(none.message).toContain('5 to 0')
  })

  it('has documented thresholds: minWriter and ratio', () => {
    const text = 'Bonjour Marie,\n\nJe suis Paul. Je vends des sites. Nous les hébergeons. Mon équipe vous attend.'
    expect(findings(text, 'fr')).toHaveLength(0) // 4 writer words: under minWriter 5
    expect(findings(text, 'fr', {minWriter: 4})).toHaveLength(1)
    expect(findings(text, 'fr', {minWriter: 4, ratio: 5})).toHaveLength(0)
  })

  it('asks the tagger only about sentences with an ambiguous form', () => {
    const before = taggerStats.sentences
    findings('Hi Ana,\n\nThanks for the photos. We print menus for us and for you.', 'en')
    expect(taggerStats.sentences).toBe(before)
    // "the US" is settled by the word before it, no tagger needed.
    findings('Hi Ana,\n\nThanks for the photos. We print menus in the US. Your shop ships there.', 'en')
    expect(taggerStats.sentences).toBe(before)
    findings('Hi Ana,\n\nThanks for the photos. Our US office prints menus for us. Your shop ships there.', 'en')
    expect(taggerStats.sentences).toBe(before + 1)
  })
})
