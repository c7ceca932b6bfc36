import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/engine.js'
import type {Finding, Lang} from '../../src/types.js'

const ID = 'buzzword-overuse'

function findings(text: string, lang: Lang, options?: Record<string, unknown>): Finding[] {
  const report = lintText(text, {lang, ruleOptions: options && {[ID]: options}})
  const own = report.findings.filter((finding) => finding.rule === ID)
  // Positions point at the words reported.
  for (const finding of own) expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.excerpt)
  return own
}

/** [lang, draft, excerpts reported (in order), text the first message must hold, severity of the last] */
const bad: Array<[Lang, string, string[], string, ('warning' | 'error')?]> = [
  // The brief's draft: a short note, so dense as well as repeated.
  ['fr', "Moi je pense que l'empathie et l'humain sont au cœur de notre démarche. L'empathie, c'est notre ADN. Merci de me rappeler.", ['empathie', 'humain', 'empathie', 'notre ADN'], '`empathie` ×2'],
  ['en', 'I think empathy and the human touch are at the heart of what we do. Empathy is in our DNA. Please call me back.', ['empathy', 'human touch', 'Empathy', 'our DNA'], '`empathy` ×2'],
  // Repetition in a longer draft: the first use stands, the second is reported.
  ['fr', 'Bonjour Marie,\n\nMerci pour votre retour sur la démo de mardi. Votre équipe de Lyon utilise déjà le planning partagé, et nous avons ajouté les exports que vous aviez demandés. Notre démarche est bienveillante, avec un suivi chaque mois par la même personne.\n\nLa bienveillance reste notre règle : seriez-vous disponible jeudi pour en parler ?\n\nBien à vous,\nPaul', ['bienveillance'], '`bienveillance` ×2, first as `bienveillante` at line 3'],
  ['en', 'Hi Sam,\n\nThanks for the demo on Tuesday. Your team in Leeds already uses the shared planner, and we added the exports you asked for. We are passionate about onboarding, with a monthly review by the same person.\n\nThat passion is why I am writing: are you free on Thursday to talk it through?\n\nBest,\nAlex', ['passion'], '`passion` ×2, first as `passionate` at line 3'],
  // Inflections, case and accents count toward one lemma.
  ['fr', 'Une équipe EMPATHIQUE, des managers empathiques : voilà notre promesse pour votre service client, testée chez trois clients en Bretagne depuis deux ans et mesurée chaque trimestre par un cabinet externe.', ['empathiques'], '`empathiques` ×2, first as `EMPATHIQUE` at line 1'],
  ['fr', "Notre ecosysteme de partenaires couvre la Bretagne, et cet écosystème grandit chaque mois avec deux nouvelles agences, des formations gratuites et un annuaire des prestataires que vous pouvez consulter en ligne.", ['écosystème'], '`écosystème` ×2'],
  ['en', 'Our Authentic approach is about authenticity: we record every call, share the notes with your team the same day, and send a written summary of the decisions and the next steps by Friday.', ['authenticity'], '`authenticity` ×2, first as `Authentic` at line 1'],
  ['en', 'We leveraged our data last year and are leveraging it again this year for teams like yours in retail, with weekly reports on stock, staffing and sales per store sent every Monday morning.', ['leveraging'], '`leveraging` ×2, first as `leveraged` at line 1'],
  // Curly apostrophes.
  ['fr', 'L’humain d’abord, l’humain toujours : c’est ce que nos clients disent de nous depuis que nous avons ouvert notre agence de Nantes, il y a maintenant plus de douze ans.', ['humain'], '`humain` ×2 (first at line 1)'],
  // Four uses: an error (short drafts, so dense too: the first use is reported as well).
  ['en', 'Synergy is our word. Synergy drives us. Synergies everywhere, and synergy with you.', ['Synergy', 'Synergy', 'Synergies', 'synergy'], '`Synergy` ×4', 'error'],
  ['fr', "L'innovation, c'est nous. Nous innovons chaque jour avec des solutions innovantes, car innover est notre métier.", ['innovation', 'innovons', 'innovantes', 'innover'], '`innovation` ×4', 'error'],
  // Density: three different buzzwords in a short note.
  ['fr', 'Notre synergie et notre agilité au service de votre transformation digitale.', ['synergie', 'agilité', 'transformation digitale'], '3 buzzwords in 11 words'],
  ['en', 'We bring synergy, agility and a holistic view to your team.', ['synergy', 'agility', 'holistic'], '3 buzzwords in 11 words']
]

const good: Array<[Lang, string]> = [
  // A name or a title holds the word, not the writer's pitch; so does a human reviewer.
  ['en', 'Hi Jo, thanks for the intro to your Head of Innovation. The innovation team has the pricing sheet now.'],
  ['en', 'Hi Jo, Synergy Health uses the tool, and Synergy Health offered to host a call. Thanks!'],
  ['en', 'Hi Jo, refunds over $500 go to a human reviewer, and the human reviewer sees the whole ticket. Thanks!'],
  ['fr', "Bonjour Claire, merci pour la mise en relation avec votre Directrice de l'Innovation. L'innovation est son métier."],
  // One use is not a finding.
  ['fr', "Bonjour Marie, merci pour votre temps mardi. Votre remarque sur l'empathie des conseillers au téléphone m'a fait revoir notre script d'accueil."],
  ['en', 'Hi Sam, thanks for your time on Tuesday. Your point about empathy on support calls made us rewrite our greeting script.'],
  // Fixed terms.
  ['fr', 'Merci pour votre message. Notre service des ressources humaines vous envoie le contrat, et les ressources humaines de Lyon vous appelleront ensuite.'],
  ['fr', "Merci pour l'invitation. Votre conférence sur les droits humains et l'être humain au travail, puis sur la nature humaine, m'a marqué."],
  ['fr', 'Merci pour votre temps. Une agence à taille humaine, avec une méthode agile et un coach agile : voilà ce que vous décriviez.'],
  ['en', 'Thanks for your note. Our human resources team will send the contract, and human resources in Leeds will call you next.'],
  ['en', 'Thanks for the talk on human rights and human error in aviation; the human factors slide was new to me.'],
  ['en', 'Thanks for the session. Our agile coach and the agile team in Leeds will join the call on Friday.'],
  // Mentioned, not used.
  ['fr', 'Merci pour l\'atelier. Vous demandiez pourquoi nous avons retiré le mot « empathie », puis « empathique », de nos slides : ils ne disaient rien.'],
  ['en', 'Thanks for the workshop. You asked why we dropped the word empathy, and "empathetic", from our deck: they said nothing.'],
  ['en', "Thanks for the feedback. We cut \"synergy\" and 'synergies' from the deck, as you suggested."],
  // In a merge field: the template's instruction, not the writer talking.
  ['en', 'Hi [Name], thanks for the call. [Mention their passion for X] Our passion is sales coaching.']
]

describe(ID, () => {
  for (const [lang, text, excerpts, message, severity] of bad) {
    it(`fires on ${lang}: ${JSON.stringify(text.slice(0, 60))}`, () => {
      const own = findings(text, lang)
      expect(own.map((finding) => finding.excerpt)).toEqual(excerpts)
      expect(own[0].message).toContain(message)
      expect(own.at(-1)!.severity).toBe(severity ?? 'warning')
    })
  }
  for (const [lang, text] of good) {
    it(`stays quiet on ${lang}: ${JSON.stringify(text.slice(0, 60))}`, () => {
      expect(findings(text, lang)).toEqual([])
    })
  }

  it('says what to do instead, by kind of word', () => {
    const [virtue] = findings('Empathy first. Empathy always, for every client we serve in the region.', 'en')
    expect(virtue.message).toMatch(/show it with a detail about the reader/)
    const [hype] = findings('Our ecosystem grows. The ecosystem is open to every partner we have in the region.', 'en')
    expect(hype.message).toMatch(/say concretely what it does/)
  })

  it('takes its thresholds as options', () => {
    const text = 'Our approach is authentic. Every visit to your stores is planned with your managers, and the authentic feedback goes to your team by Friday.'
    expect(findings(text, 'en')).toHaveLength(1)
    expect(findings(text, 'en', {repeat: 3})).toEqual([])
    expect(findings(text, 'en', {errorAt: 2})[0].severity).toBe('error')
    const dense = 'We bring synergy, agility and a holistic view to your team.'
    expect(findings(dense, 'en', {densityMinimum: 4})).toEqual([])
    expect(findings(dense, 'en', {density: 50})).toEqual([])
  })
})

// Words in another sense: financial leverage, human resources, a negated or quoted buzzword.
describe(`${ID}: words in another sense`, () => {
  const quiet: Array<[Lang, string]> = [
    ['en', 'Thanks for the term sheet. The covenant caps leverage at 3.5 times EBITDA; your plan shows leverage peaking at 3.8, so the leverage ratio needs a higher cap. Financial leverage is fine here.'],
    ['en', 'Thanks for the call with your human resources team. No software replaces a human being there, and your human resources lead agrees.'],
    ['en', 'Thanks for the feedback. It is not an innovative tool, not a disruptive one and never a synergy play: it files hours.'],
    ['en', 'Thanks! The words "empathy", "synergy" and "empathy" again were on our old site; they are gone.'],
    ['en', 'Thanks for the note on the supply chain disruption and the disruption to flights last week; a disruption of service is likely again.'],
    ['fr', 'Merci pour notre échange avec votre direction des ressources humaines. Aucun logiciel ne remplace un être humain, et vos ressources humaines le savent.'],
    ['fr', "Merci pour votre retour. Ce n'est pas un outil innovant, ni disruptif, et sans aucune synergie : il rapproche des factures."],
    ['fr', 'Merci ! Le mot « empathie », puis « synergie » et encore « empathie » figuraient sur notre ancien site.'],
    ['fr', "Merci pour la visite. La révolution industrielle a façonné cette vallée, et l'écosystème forestier y est fragile ; la Révolution française aussi."]
  ]
  for (const [lang, text] of quiet) it(`stays quiet in ${lang}: ${JSON.stringify(text.slice(0, 50))}`, () => expect(findings(text, lang)).toEqual([]))

  const loud: Array<[Lang, string, string[]]> = [
    ['en', 'We leverage AI to leverage your data and leverage our network.', ['leverage', 'leverage', 'leverage']],
    ['en', 'Not only innovative: we innovate daily, and our innovation is disruptive.', ['innovative', 'innovate', 'innovation', 'disruptive']],
    ['fr', "Non seulement innovante, notre équipe innove et l'innovation est notre ADN.", ['innovante', 'innove', 'innovation', 'notre ADN']]
  ]
  for (const [lang, text, expected] of loud) {
    it(`still counts the buzzword sense in ${lang}: ${JSON.stringify(text.slice(0, 50))}`, () => expect(findings(text, lang).map((finding) => finding.excerpt)).toEqual(expected))
  }
})
