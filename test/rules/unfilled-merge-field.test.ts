import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/engine.js'
import type {Lang} from '../../src/types.js'

const ID = 'unfilled-merge-field'

function excerpts(text: string, lang: Lang): string[] {
  const own = lintText(text, {lang}).findings.filter((finding) => finding.rule === ID)
  for (const finding of own) expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.excerpt)
  return own.map((finding) => finding.excerpt)
}

// Placeholders left for the writer: unfilled whatever their case or brackets.
const placeholders: Array<[Lang, string, string[]]> = [
  ['en', 'Teams cut ramp time by [X]% within XXX days. Book here: [link]', ['[X]', 'XXX', '[link]']],
  ['en', 'Thanks for the call.\n\n<insert case study>\n\nBest, Sam', ['<insert case study>']],
  ['en', 'We helped [similar company] save [amount] on freight.', ['[similar company]', '[amount]']],
  ['en', 'Thanks, I saw that (name of the prospect’s company) is hiring.', ['(name of the prospect’s company)']],
  ['en', 'Thanks! Your team at (company name) will like it.', ['(company name)']],
  ['en', 'Thanks, [Link to the case study] is below.', ['[Link to the case study]']],
  ['en', 'Prices drop XX% in June, thanks to you.', ['XX']],
  ['en', 'Thanks, __FIRST_NAME__. Our results for __company__ were strong.', ['__FIRST_NAME__', '__company__']],
  ['fr', 'Merci __PRENOM__, nos chiffres pour __ENTREPRISE__ suivent.', ['__PRENOM__', '__ENTREPRISE__']],
  ['fr', 'Merci. Nos clients divisent ce temps par deux en [durée] : [lien]', ['[durée]', '[lien]']],
  ['fr', "Chez (nom de l'entreprise du prospect), vos équipes passent XXXX heures par mois.", ["(nom de l'entreprise du prospect)", 'XXXX']],
  ['fr', 'Merci pour votre temps.\n\n<insérer une étude de cas>\n\nLéa', ['<insérer une étude de cas>']],
  ['fr', 'Merci ! Le gain est de [X] % pour [nom du client].', ['[X]', '[nom du client]']],
  ['fr', 'Merci, votre équipe chez (nom de la société) appréciera.', ['(nom de la société)']],
  // Cut by a hard wrap: one line break inside the brackets.
  ['en', 'Hi {{first_\nname}},\n\nThanks for the reply from\n[Company\nName] last week.', ['{{first_\nname}}', '[Company\nName]']],
  ['en', 'Thanks, the team at (name of the\nprospect’s company) will like it.', ['(name of the\nprospect’s company)']],
  ['fr', 'Bonjour [Prénom\n],\n\nMerci pour le message de {{nom_\r\nentreprise}}.', ['[Prénom\n]', '{{nom_\r\nentreprise}}']],
  ['fr', "Merci, l'équipe chez (nom de l'entreprise\ndu prospect) appréciera.", ["(nom de l'entreprise\ndu prospect)"]]
]

// Editorial brackets, prose in parentheses, Markdown: not placeholders.
const editorial: Array<[Lang, string]> = [
  ['en', 'Thanks for the answer. The rule comes from the WHO report [1]. The audit sheet [PDF attached] compares both.'],
  ['en', 'One line reads "temperture [sic] excursions must be recorded" [...] in the 2015 edition (see [1]).'],
  ['en', 'Thanks. As the CFO put it, "they [the board] signed off in May".'],
  ['en', 'Thanks for the notes [emphasis added] and the photo [image].'],
  ['en', 'Thanks for the tip. See [the report](https://example.com) and [the deck][1].\n\n[1]: https://example.com/deck'],
  ['en', 'Thanks:\n- [x] contract signed\n- [ ] invoice sent'],
  ['en', 'Thanks to our CEO (Sam Lee) and the team (five people in Lyon).'],
  ['en', 'Thanks for the link to the talk (recorded in May, 40 minutes).'],
  ['en', 'The XXL size and Super Bowl XX are not placeholders; thanks.'],
  ['fr', 'Merci pour votre réponse. C’est l’article L3121-64 [1]. La fiche [PDF joint] permet de comparer.'],
  ['fr', 'Le texte dit « deux cent dix-huit jour [sic] […] par année civile », merci de l’avoir relevé.'],
  ['fr', 'Merci pour la note [traduit de l’anglais] et la photo [pièce jointe].'],
  ['fr', 'Merci à notre directrice (Claire Martin) et à l’équipe (cinq personnes à Lyon).'],
  ['fr', 'Au XXe siècle déjà, merci pour ce rappel.'],
  ['fr', 'Merci. Voir [le rapport](https://example.com) et la note [voir annexe].'],
  // A blank line ends a bracket: these are two paragraphs, not one field.
  ['en', 'Thanks for the tip [see\n\nbelow] and {the\n\nrest}.'],
  ['fr', 'Merci pour la note [voir\nannexe] et le lien [Markdown\nsur deux lignes](https://example.com).']
]

describe(ID, () => {
  for (const [lang, text, expected] of placeholders) {
    it(`flags the placeholders in ${lang}: ${JSON.stringify(text.slice(0, 50))}`, () => expect(excerpts(text, lang)).toEqual(expected))
  }
  for (const [lang, text] of editorial) {
    it(`leaves editorial brackets alone in ${lang}: ${JSON.stringify(text.slice(0, 50))}`, () => expect(excerpts(text, lang)).toEqual([]))
  }
  it('names a placeholder as such, a merge field as such', () => {
    const findings = lintText('Hi {{first_name}}, it takes XXX days.', {lang: 'en'}).findings.filter((finding) => finding.rule === ID)
    expect(findings.map((finding) => finding.message.split(' ')[0])).toEqual(['Unfilled', 'Placeholder'])
  })
  it('shows a field cut by a line break on one line in its message', () => {
    const [finding] = lintText('Hi {{first_\nname}}, thanks.', {lang: 'en'}).findings.filter((item) => item.rule === ID)
    expect(finding.message).toContain('`{{first_ name}}`')
    expect([finding.line, finding.endLine]).toEqual([1, 2])
  })
  it('stays quiet on templates', () => {
    expect(lintText('Hi [Name], we cut it by [X]% in XXX days.', {lang: 'en', template: true}).findings.filter((finding) => finding.rule === ID)).toEqual([])
  })
})

describe(`${ID}: labels in every position`, () => {
  const cases: Array<[Lang, string, string[]]> = [
    ['en', 'Thanks. What it means for [their type of company]: less churn.', ['[their type of company]']],
    ['en', 'Thanks.\n- [COMPANY_1]: [RESULT]\n- [Update 2]', ['[COMPANY_1]', '[RESULT]', '[Update 2]']],
    ['en', 'Thanks. Your path from [A] to [B] is clear; the note [a] is a footnote.', ['[A]', '[B]']],
    ['en', 'Thanks. Their CFO said: "[Customer quote]".', ['[Customer quote]']],
    ['fr', 'Merci. Ce que cela change pour [type d’entreprise] : moins de départs.', ['[type d’entreprise]']],
    ['fr', 'Merci. Citation de [Client] : « [Témoignage court] »', ['[Client]', '[Témoignage court]']],
    ['fr', 'Merci. [X] produits pour le prix de [Y].', ['[X]', '[Y]']]
  ]
  for (const [lang, text, expected] of cases) it(`flags ${expected.join(' ')} in ${lang}`, () => expect(excerpts(text, lang)).toEqual(expected))
  it('leaves a reference-link definition alone', () => {
    expect(excerpts('Thanks, see [the deck][1].\n\n[1]: https://example.com/deck', 'en')).toEqual([])
  })
})
