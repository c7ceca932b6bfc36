import {describe, expect, it} from 'vitest'
import en from '../../rules/flattery/en.json' with {type: 'json'}
import fr from '../../rules/flattery/fr.json' with {type: 'json'}
import {lintText} from '../../src/engine.js'
import type {Finding, Lang} from '../../src/types.js'

const ID = 'flattery'

function findings(text: string, lang: Lang, options?: Record<string, unknown>): Finding[] {
  const report = lintText(text, {lang, ruleOptions: options && {[ID]: options}})
  const own = report.findings.filter((finding) => finding.rule === ID)
  // Positions point at the words reported.
  for (const finding of own) expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.excerpt)
  return own
}

/** [lang, draft, excerpts reported, text the first message must hold] */
const bad: Array<[Lang, string, string[], string?]> = [
  // One gushing compliment is enough.
  ["en", "I'm a huge fan of your work, Sam.", ['huge fan'], 'gushing praise'],
  ['en', 'What an incredible journey, Sam.', ['What an incredible journey']],
  ['en', 'Your Amazing profile stood out.', ['Your Amazing profile']],
  ['en', 'You’re a true visionary.', ['You’re a true visionary']],
  ['en', 'Honestly, you are such a phenomenal leader.', ['you are such a phenomenal leader']],
  ['fr', 'Votre incroyable expertise nous a convaincus.', ['Votre incroyable expertise'], 'gushing praise'],
  ['fr', 'Vous êtes un vrai visionnaire.', ['Vous êtes un vrai visionnaire']],
  ['fr', 'Vos réalisations exceptionnelles parlent pour vous.', ['Vos réalisations exceptionnelles']],
  ['fr', 'Un parcours incroyable, bravo.', ['parcours incroyable']],
  ['fr', 'Je suis fan de votre travail.', ['Je suis fan']],
  // Two mild ones in a short draft.
  ['en', 'Your impressive background and your remarkable leadership speak volumes.', ['Your impressive background', 'your remarkable leadership'], '2 compliments in 9 words'],
  ['en', 'Your work is incredibly impressive and your posts are great.', ['Your work is incredibly impressive', 'your posts are great']],
  ['fr', 'Votre parcours impressionnant et votre remarquable carrière nous inspirent.', ['Votre parcours impressionnant', 'votre remarquable carrière'], 'praises the reader, not something they did'],
  // Praise of the reader rather than their work is the stock compliment (SPEC: "votre parcours impressionnant"), alone too.
  ['en', 'Your impressive background caught my eye, so here is the guide.', ['Your impressive background'], 'praises the reader'],
  ['fr', 'Votre parcours impressionnant m’a donné envie de vous écrire.', ['Votre parcours impressionnant'], 'praises the reader'],
  ['fr', 'Votre parcours professionnel est vraiment impressionnant. Quel parcours !', ['Votre parcours professionnel est vraiment impressionnant', 'Quel parcours']],
  ['fr', 'Ton profil est remarquable et ta carrière inspirante.', ['Ton profil est remarquable', 'ta carrière inspirante']],
  ['fr', 'VOTRE PARCOURS EST IMPRESSIONNANT et j’admire votre travail.', ['VOTRE PARCOURS EST IMPRESSIONNANT', 'j’admire votre']]
]

const good: Array<[Lang, string]> = [
  // One mild, specific compliment is fine.
  ['en', 'Thanks for the demo, Sam. Your impressive launch in Leeds made the local news, and your checklist saved us a week.'],
  ['en', 'Your remarkable post on ramp time made us cut onboarding to two weeks. Thanks for writing it.'],
  ['fr', 'Merci pour la démo. Votre guide est remarquable, et votre grille de paie nous a fait gagner une semaine.'],
  ['fr', 'Votre article remarquable sur l’intégration nous a fait passer à deux semaines. Merci de l’avoir écrit.'],
  // Praise words that are not about the reader, or not praise.
  ['fr', 'Merci pour votre réponse. Notre ingénieur en génie civil passera jeudi.'],
  ['fr', 'Merci pour votre temps : notre équipe est incroyable, mais c’est à vous de juger.'],
  ['en', 'Thanks for the talk. Our CTO, a real fan of clean code, asked for your slides.'],
  // Quoted.
  ['en', 'Thanks for the workshop: we cut "huge fan" and "incredible journey" from every template.'],
  ['fr', 'Merci pour l’atelier : nous avons retiré « votre incroyable expertise » de nos modèles.'],
  // Two mild compliments far apart in a long draft.
  [
    'en',
    'Hi Sam,\n\nThanks for the call on Tuesday. Your impressive launch plan for Leeds covered the points our own team had missed: staffing on weekends, the parking problem at the new site, and the late deliveries from the north depot. ' +
      'We went through the plan again with our operations lead on Wednesday. She asked three questions: who signs off the rota, which supplier covers the Sunday delivery, and whether the van can use the side gate. ' +
      'I wrote the answers I could find in the shared sheet, with the names of the people who can confirm them, and marked the two I could not answer. The supplier question is the one that worries us most, because the contract ends in March. ' +
      'If it helps, I can send the sheet to your team before Friday, so they can check the figures before the meeting. We will bring the printed copies and the site map. ' +
      'Your remarkable team at the depot already answered most of our questions about loading times, which saved us a trip.\n\nThanks again,\nAlex'
  ]
]

describe(ID, () => {
  for (const [lang, text, excerpts, message] of bad) {
    it(`fires on ${lang}: ${JSON.stringify(text.slice(0, 60))}`, () => {
      const own = findings(text, lang)
      expect(own.map((finding) => finding.excerpt)).toEqual(excerpts)
      for (const finding of own) expect(finding.severity).toBe('warning')
      if (message) expect(own[0].message).toContain(message)
    })
  }
  for (const [lang, text] of good) {
    it(`stays quiet on ${lang}: ${JSON.stringify(text.slice(0, 60))}`, () => {
      expect(findings(text, lang)).toEqual([])
    })
  }

  it('takes its scale as options', () => {
    const mild = 'Your impressive background and your remarkable leadership speak volumes.'
    // A background praised is 2 points, leadership 1.
    expect(findings(mild, 'en', {threshold: 4})).toEqual([])
    expect(findings(mild, 'en', {density: 50})).toEqual([])
    expect(findings('Your impressive background speaks volumes.', 'en', {threshold: 1})).toHaveLength(1)
  })

  it('fills its templates with single words only', () => {
    for (const data of [en, fr]) {
      for (const word of [...data.things, ...data.people, ...data.adjectives.mild, ...data.adjectives.gushing]) expect(word).not.toMatch(/\s|\|/)
    }
  })
})

describe('flattery: praise of how the reader did something', () => {
  const own = (text: string, lang: Lang) => lintText(text, {lang}).findings.filter((finding) => finding.rule === 'flattery').map((finding) => finding.excerpt)
  it('counts "the way you built the team is incredible" / "la façon dont vous avez bâti l’équipe est incroyable"', () => {
    expect(own('Hi Sarah, your leadership is inspiring. The way you have built the team is incredible.', 'en')).toEqual(['your leadership is inspiring', 'The way you have built the team is incredible'])
    expect(own("Bonjour Sarah, votre leadership est inspirant. La façon dont vous avez bâti l'équipe est incroyable.", 'fr')).toEqual(['votre leadership est inspirant', "La façon dont vous avez bâti l'équipe est incroyable"])
  })
  it('leaves a negated compliment alone', () => {
    expect(own('Hi Sarah, thanks. This is not an incredible journey, just a good quarter, and I am not a huge fan of hype.', 'en')).toEqual([])
    expect(own("Bonjour Sarah, merci. Ce n'est pas un parcours incroyable, juste un bon trimestre.", 'fr')).toEqual([])
  })
})
