import type {Analysis} from '../../src/text/analysis.js'
import {wordUnits, type Unit} from '../../src/text/counting.js'
import {defineRule} from '../../src/rule.js'
import type {Channel, Lang, Severity} from '../../src/types.js'
import en from './en.json' with {type: 'json'}
import fr from './fr.json' with {type: 'json'}
import defaults from './limits.json' with {type: 'json'}
import messages from './messages.json' with {type: 'json'}

interface Data {
  /**
   * Word limits are multiplied by this: French says the same thing in about
   * 10% more words than English, even with "j'ai" counted as one word.
   * Character limits are the platform's and are never scaled.
   */
  wordScale: number
}

type Measure = 'words' | 'characters'

/** A threshold pair: past `warn` a warning, past `error` an error (either may be left out). */
interface Threshold {
  warn?: number
  error?: number
}

/**
 * Default limits per channel (rules/length/limits.json), overridable in the
 * config under `length`, e.g. `{"email": {"words": {"warn": 120}}}`:
 *   email             warning past 150 words, error past 300
 *   follow-up         warning past 100 words, error past 200
 *   linkedin-note     warning past 200 characters (free accounts), error past 300 (LinkedIn's limit)
 *   linkedin-message  warning past 120 words or 800 characters, error past 250 words or 1,900 characters
 * Words are counted in the body only: not the "Subject:" line, the greeting,
 * the sign-off or the signature under it. Characters are counted over the
 * whole message, as the platform counts them.
 */
type Options = Record<string, Partial<Record<Measure, Threshold>>>

/** The channels whose wording messages.json has (`<channel>.warn.words`…); others read as an email. */
const WORDING: ReadonlySet<string> = new Set<Channel>(['email', 'follow-up', 'linkedin-note', 'linkedin-message'])

const MEASURES: Measure[] = ['words', 'characters']
const SIGN_OFF = 'signOff'

/** The channel's limits, the config's values over the defaults, field by field. */
function limitsFor(options: Options, channel: Channel): Partial<Record<Measure, Threshold>> {
  const base = (defaults as Options)[channel] ?? (defaults as Options).email
  const own = options[channel] ?? {}
  const merged: Partial<Record<Measure, Threshold>> = {}
  for (const measure of MEASURES) {
    if (base[measure] || own[measure]) merged[measure] = {...base[measure], ...own[measure]}
  }
  return merged
}

/** The index of the first sentence after a "Subject:" / "Objet :" line, or 0 when there is none. */
function afterSubject(analysis: Analysis): number {
  const first = analysis.sentences[0]
  if (!first || analysis.bodySentence === 0) return 0
  const head = analysis.tokens[first.words[0]]
  if (!/^(subject|objet|re)$/.test(head.fold) || !/^\s*:/.test(analysis.text.slice(head.end))) return 0
  const lineEnd = analysis.text.indexOf('\n', first.start)
  if (lineEnd === -1) return analysis.sentences.length
  let index = 1
  while (index < analysis.sentences.length && analysis.sentences[index].start < lineEnd) index++
  return index
}

/**
 * The body's last sentence, leaving out a signature block the sign-off
 * finder did not catch: up to four short lines at the end with no closing
 * punctuation ("Alex Martin", "Head of Sales, Acme", "[Your Name]").
 */
function bodyEnd(analysis: Analysis): number {
  const {sentences, text} = analysis
  let end = analysis.closingSentence
  for (let dropped = 0; dropped < 4 && end > analysis.bodySentence + 1; dropped++) {
    const sentence = sentences[end - 1]
    const line = text.slice(sentence.start, sentence.end).trim()
    // `[^\S\n]`: white space up to the next line break only, so the pattern stays linear (test/robustness).
    const ownLine = /\n[^\S\n]*$/.test(text.slice(Math.max(0, sentence.start - 2), sentence.start)) || sentence.start === 0
    if (!ownLine || sentence.words.length > 4 || endsLikeProse(line)) break
    end--
  }
  return end
}

/** Does the line end with closing punctuation ("Thanks again.", "Talk soon!"), quotes and brackets aside? */
function endsLikeProse(line: string): boolean {
  let index = line.length - 1
  while (index >= 0 && !/[\p{L}\p{N}]/u.test(line[index])) {
    if ('.!?…:;'.includes(line[index])) return true
    index--
  }
  return false
}

interface Overshoot {
  measure: Measure
  severity: Severity
  limit: number
  /** The warning limit, when the error limit was crossed: what to aim for. */
  target?: number
  count: number
  start: number
}

export default defineRule({
  id: 'length',
  summary: 'A draft too long for its channel (cold email, follow-up, LinkedIn note or message) to be read on a phone',
  rationale:
    'Most outreach is first read on a phone, where one screen holds about 150 words under the header. Boomerang\'s study of ' +
    'some 40 million emails (2016) found replies peaked for messages of 50 to 125 words; past that, the ask slides below the ' +
    'fold and the reader files the message for later, which means never. Defaults: a cold email warns past 150 words and errs ' +
    'past 300 (two screens); a follow-up, a nudge, warns past 100 and errs past 200; a LinkedIn message warns past 120 words or ' +
    '800 characters, the height of the phone app\'s chat view, and errs past 250 words or 1,900 characters (the InMail limit); a ' +
    'LinkedIn connection note errs past 300 characters, where LinkedIn cuts it, and warns past 200, the limit for free accounts. ' +
    'Only the body counts: the subject line, greeting, sign-off and signature are not what the reader has to get through. ' +
    'French word limits are 10% higher, since French says the same thing in more words. Set the channel per draft ' +
    '(`channel` in a sidecar or campaign column); the limits are options.',
  category: 'form',
  languages: ['en', 'fr'],
  severity: 'warning',
  weight: 8,
  messages,
  options: defaults as Options,
  data: {en, fr} satisfies Record<Lang, Data>,
  examples: {
    en: {
      bad: [
        'Hi Dana,\n\n' +
          'I hope you are doing well and that the quarter is off to a good start for you and the whole team at Northwind. ' +
          'My name is Chris and I lead partnerships at Fieldnote, where we have spent the last six years building tools for sales teams that sell into large accounts. ' +
          'We started the company because we kept seeing the same problem: reps spend hours every week updating the CRM, chasing notes from calls and rebuilding the same account plans by hand. ' +
          'Our platform connects to your calendar, your inbox and your call recorder, and fills in the account record for you after every meeting, so the pipeline review on Monday is built from what actually happened. ' +
          'Teams like yours usually see reps win back three to four hours a week, and managers tell us their forecast calls are shorter and calmer. ' +
          'We also have a library of account plan templates, a coaching module that flags risky deals, and integrations with most of the tools your team already uses. ' +
          'I would love to show you a short demo and hear how your team handles account planning today. ' +
          'Would you have thirty minutes next Tuesday or Wednesday afternoon? If not, I am happy to work around your calendar.\n\n' +
          'Best,\nChris',
        'Hello Priya,\n\n' +
          'Thank you for your talk at the Lyon retail meetup last week. I took many notes and shared them with my whole team the next morning. ' +
          'The part about store managers who stop trusting the stock figures because they were wrong twice in a row stayed with me for days. ' +
          'We see the same thing at the twelve chains we work with: once the numbers lose the trust of the floor, people count by hand again, and every gain from the new system is gone. ' +
          'We spent two years on this problem. Our approach starts with the five products that run out most often in each store, and fixes the count for those first, before anything else. ' +
          'Managers see the figure move the right way within a week, and they start to believe the screen again. ' +
          'After that we widen the list, one aisle at a time, with the store team deciding the order. ' +
          'I would be glad to send you the one-page summary we give to our clients, with the figures from two chains of your size. ' +
          'And if it is useful, we could compare notes for twenty minutes on a call some time this month, at whatever time suits you best.\n\n' +
          'Kind regards,\nMarc',
        'Subject: a question about your onboarding\n\n' +
          'Hi Sam,\n\n' +
          'Thanks for your post about the first week of new sales reps. I read it twice and sent it to my co-founder.\n\n' +
          'We run onboarding for sales teams of ten to fifty people, and the week you describe is the one we see fail most often. ' +
          'New reps sit through product demos for three days, shadow a few calls, and are then handed a list of accounts with no context. ' +
          'By the end of the month they have sent hundreds of emails and booked almost nothing, and the manager starts to doubt the hire.\n\n' +
          'What we do instead is simple. On day one, each new rep gets five real accounts and one senior rep to call with. ' +
          'On day two, they write their first emails with that senior rep, and by Friday they have had their first real conversation with a buyer. ' +
          'The product demos come later, once they know which questions buyers ask.\n\n' +
          'Would it help if I sent you the one-page plan we give our clients for that first week?\n\n' +
          'Best,\nAlex\nFounder, Rampwell\n+44 20 7946 0000'
      ],
      good: [
        'Hi Dana,\n\nThanks for your post on forecast calls. The tip about asking reps for the next step, not the stage, is now in our Monday review.\n\nWould a 15-minute call next week be useful to compare notes?\n\nBest,\nChris',
        'Hello Priya,\n\nThank you for your talk in Lyon last week. The point about store managers losing trust in stock figures stayed with me.\n\nCould I send you a one-page summary of how two chains fixed it?\n\nKind regards,\nMarc',
        'Subject: your onboarding checklist\n\nHi Sam,\n\nThanks for sharing your onboarding checklist on Tuesday. Step four saved our new hire a week.\n\nCheers,\nAlex\nHead of Sales, Fieldnote\n+44 20 7946 0000'
      ]
    },
    fr: {
      bad: [
        'Bonjour Claire,\n\n' +
          "J'espère que vous allez bien et que ce début de trimestre se passe bien pour vous et pour toute l'équipe de Maison Verte. " +
          "Je m'appelle Julien et je m'occupe des partenariats chez Terrain, une société que nous avons créée il y a six ans pour aider les équipes commerciales qui vendent à de grands comptes. " +
          'Nous avons lancé Terrain parce que nous voyions toujours le même problème : les commerciaux passent des heures chaque semaine à remplir le CRM, à retrouver les notes de leurs rendez-vous et à refaire à la main les mêmes plans de compte. ' +
          "Notre plateforme se connecte à votre agenda, à votre messagerie et à votre outil d'enregistrement d'appels, puis remplit la fiche du compte après chaque rendez-vous, pour que la revue du lundi parte de ce qui s'est vraiment passé. " +
          'Les équipes comme la vôtre regagnent en général trois à quatre heures par semaine, et les managers nous disent que leurs points de prévision sont plus courts et plus sereins. ' +
          "Nous proposons aussi une bibliothèque de modèles de plans de compte, un module d'accompagnement qui signale les affaires à risque et des connexions avec la plupart des outils que votre équipe utilise déjà. " +
          "J'aimerais beaucoup vous montrer une courte démonstration et comprendre comment votre équipe prépare ses plans de compte aujourd'hui. " +
          'Auriez-vous trente minutes mardi ou mercredi prochain dans l\'après-midi ? Sinon, je m\'adapte volontiers à votre agenda.\n\n' +
          'Bien cordialement,\nJulien',
        'Bonjour Sophie,\n\n' +
          "Merci pour votre intervention au salon du commerce de Lyon la semaine dernière. J'ai pris beaucoup de notes et je les ai partagées avec toute mon équipe dès le lendemain matin. " +
          "Le passage sur les responsables de magasin qui ne croient plus aux chiffres de stock parce qu'ils se sont trompés deux fois de suite m'a marqué pendant plusieurs jours. " +
          "Nous voyons exactement la même chose chez les douze enseignes avec lesquelles nous travaillons : dès que les chiffres perdent la confiance du terrain, les équipes recomptent à la main, et tout ce que le nouvel outil avait apporté disparaît. " +
          "Nous avons passé deux ans sur ce problème. Notre méthode commence par les cinq produits le plus souvent en rupture dans chaque magasin, et corrige d'abord leur comptage, avant tout le reste. " +
          "Les responsables voient le chiffre bouger dans le bon sens en une semaine, et ils recommencent à croire ce qu'affiche l'écran. " +
          "Ensuite, nous élargissons la liste, un rayon après l'autre, et c'est l'équipe du magasin qui choisit l'ordre. " +
          "Je serais ravi de vous envoyer la synthèse d'une page que nous remettons à nos clients, avec les chiffres de deux enseignes de votre taille. " +
          "Et si cela vous est utile, nous pourrions comparer nos notes pendant vingt minutes au téléphone ce mois-ci, au moment qui vous arrange le mieux.\n\n" +
          'Bien à vous,\nMarc',
        "Objet : une question sur votre intégration\n\n" +
          'Bonjour Samia,\n\n' +
          "Merci pour votre article sur la première semaine des nouveaux commerciaux. Je l'ai lu deux fois et je l'ai envoyé à mon associé.\n\n" +
          "Nous organisons l'intégration d'équipes commerciales de dix à cinquante personnes, et la semaine que vous décrivez est celle qui échoue le plus souvent. " +
          "Les nouveaux passent trois jours devant des démonstrations du produit, écoutent quelques appels, puis reçoivent une liste de comptes sans aucun contexte. " +
          "À la fin du mois, ils ont envoyé des centaines de messages et n'ont presque rien décroché, et le manager commence à douter du recrutement.\n\n" +
          "Ce que nous faisons à la place est simple. Le premier jour, chaque nouveau reçoit cinq vrais comptes et un commercial expérimenté avec qui appeler. " +
          "Le deuxième jour, ils écrivent leurs premiers messages ensemble, et le vendredi ils ont eu leur première vraie conversation avec un acheteur. " +
          "Les démonstrations du produit viennent ensuite, quand ils savent quelles questions posent les acheteurs.\n\n" +
          "Voulez-vous que je vous envoie le plan d'une page que nous donnons à nos clients pour cette première semaine ?\n\n" +
          'Bien à vous,\nAlex\nFondateur, Rampwell\n06 12 34 56 78'
      ],
      good: [
        "Bonjour Claire,\n\nMerci pour votre article sur les revues de pipeline. L'idée de demander la prochaine étape plutôt que le stade est désormais dans notre point du lundi.\n\nUn échange de 15 minutes la semaine prochaine vous serait-il utile ?\n\nBien cordialement,\nJulien",
        "Bonjour Sophie,\n\nMerci pour votre intervention à Lyon la semaine dernière. Le passage sur la confiance des responsables de magasin dans les chiffres de stock m'a marqué.\n\nPuis-je vous envoyer la synthèse d'une page sur ce que deux enseignes ont changé ?\n\nBien à vous,\nMarc",
        "Objet : votre liste d'intégration\n\nBonjour Samia,\n\nMerci d'avoir partagé votre liste d'intégration mardi. L'étape quatre a fait gagner une semaine à notre nouvelle recrue.\n\nBelle journée,\nAlex\nDirecteur commercial, Terrain\n06 12 34 56 78"
      ]
    }
  },
  check({analysis, data, options, channel, report}) {
    const limits = limitsFor(options, channel)
    const {sentences, text} = analysis
    if (sentences.length === 0) return
    const overshoots: Overshoot[] = []

    // Words: the body only.
    let body: Unit[] = []
    if (limits.words) {
      const last = bodyEnd(analysis)
      if (last > analysis.bodySentence) body = wordUnits(analysis, sentences[analysis.bodySentence].first, sentences[last - 1].last)
      const over = exceeded(limits.words, body.length, data.wordScale)
      if (over) overshoots.push({measure: 'words', ...over, count: body.length, start: body[over.limit].start})
    }

    // Characters: the whole message as the platform counts it (no subject line).
    if (limits.characters) {
      const from = sentences[afterSubject(analysis)]
      if (from) {
        const start = from.start
        const end = sentences[sentences.length - 1].end
        const chars = Array.from(text.slice(start, end).replace(/\r\n/g, '\n'))
        const over = exceeded(limits.characters, chars.length, 1)
        if (over) {
          const offset = start + chars.slice(0, over.limit).join('').length
          // The offset of the first character past the limit: the start of the word it falls in.
          let at = offset
          for (const unit of wordUnits(analysis, from.first, sentences[sentences.length - 1].last)) {
            if (unit.end <= offset) continue
            if (unit.start <= offset) at = unit.start
            break
          }
          while (at < text.length && /\s/.test(text[at])) at++
          overshoots.push({measure: 'characters', ...over, count: chars.length, start: at})
        }
      }
    }
    if (overshoots.length === 0) return

    // One finding a draft: the most severe overshoot, then the largest.
    overshoots.sort((a, b) => rank(b.severity) - rank(a.severity) || b.count / b.limit - a.count / a.limit)
    const worst = overshoots[0]
    // Message ids: `<channel>.<warn|error>.<measure>` (why the limit matters) and `<channel>.keep`.
    const wording = WORDING.has(channel) ? channel : 'email'
    const reason = {messageId: `${wording}.${worst.severity === 'error' ? 'error' : 'warn'}.${worst.measure}`, data: {limit: worst.limit}}
    const cut = worst.count - worst.limit
    const aim = worst.target === undefined ? '' : {messageId: 'aim', data: {target: worst.target}}
    const end = worst.measure === 'characters' ? sentences[sentences.length - 1].end : body[body.length - 1].end
    // Over by the sign-off alone: on LinkedIn the reader already sees who wrote.
    const last = bodyEnd(analysis)
    const keep = {messageId: worst.measure === 'characters' && last > analysis.bodySentence && worst.start >= sentences[last - 1].end ? SIGN_OFF : `${wording}.keep`}
    report({
      start: worst.start,
      end: Math.max(end, worst.start),
      messageId: worst.severity === 'error' ? 'overError' : 'over',
      data: {count: worst.count, measure: {messageId: worst.measure}, reason, cut, aim, keep},
      expected: [],
      severity: worst.severity
    })
  }
})

function rank(severity: Severity): number {
  return severity === 'error' ? 2 : severity === 'warning' ? 1 : 0
}

/** The highest threshold `count` is past, with the limit it crossed. */
function exceeded(threshold: Threshold, count: number, scale: number): {severity: Severity; limit: number; target?: number} | undefined {
  const warn = threshold.warn === undefined ? undefined : Math.round(threshold.warn * scale)
  const error = threshold.error === undefined ? undefined : Math.round(threshold.error * scale)
  if (error !== undefined && count > error) return {severity: 'error', limit: error, target: warn !== undefined && warn < error ? warn : undefined}
  if (warn !== undefined && count > warn) return {severity: 'warning', limit: warn}
  return undefined
}
