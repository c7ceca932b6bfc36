// Deterministic benchmark corpus: outreach drafts in English and French.
//
// Every draft is built from sentence pools written for this benchmark, with a
// realistic mix of what the rules look for: merge fields, stock openings, virtue
// words and jargon, flattery, self-centred openings, asks with and without thanks,
// questions, sign-offs. A seeded generator (mulberry32) makes the corpus the same
// on every machine and every run: same seed, same bytes.
//
// Used by bench/run.js; also runnable alone: `node bench/corpus.js` writes bench/out/.

import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const SEED = 20261123
/** Bump when the generator changes, so that bench/out/ is rewritten. */
export const VERSION = 3

export const OUT = join(dirname(fileURLToPath(import.meta.url)), 'out')

/** mulberry32: small, fast, good enough for test data. */
export function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIRST = {
  en: ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'James', 'Sophia', 'Lucas', 'Mia', 'Ethan', 'Grace', 'Owen', 'Chloe', 'Daniel', 'Ruth', 'Samuel'],
  fr: ['Camille', 'Léa', 'Hugo', 'Chloé', 'Louis', 'Manon', 'Jules', 'Inès', 'Théo', 'Zoé', 'Mathis', 'Élodie', 'Baptiste', 'Anaïs', 'Rémi', 'Agathe']
}
const COMPANY = ['Northwind', 'Brightfold', 'Quillstone', 'Harbor & Pike', 'Veloria', 'Maplecrest', 'Lumen Labs', 'Fennix', 'Cobaltia', 'Orchard Row', 'Tidewell', 'Saffran']
const SENDER = {
  en: ['Peter', 'Alice', 'Marcus', 'Helen', 'Victor', 'Nora'],
  fr: ['Pierre', 'Alice', 'Marc', 'Hélène', 'Victor', 'Nora']
}
const TOPIC = {
  en: ['your talk on onboarding churn', 'the hiring post about your data team', 'your article on pricing pages', 'the new warehouse in Lyon', 'your podcast episode on field sales', 'the case study on your support backlog'],
  fr: ['votre intervention sur la fidélisation', "l'annonce de recrutement de votre équipe data", 'votre article sur les pages de tarifs', "le nouvel entrepôt à Lyon", 'votre épisode de podcast sur la vente terrain', "l'étude de cas sur votre support client"]
}
const FIELD = ['{{first_name}}', '{FirstName}', '[Company]', '%FIRSTNAME%', '*|FNAME|*', '{{ contact.firstname }}', '<Prénom>', '[Name]']

// Sentences: `{name}`, `{company}`, `{topic}`, `{me}` and `{field}` are filled in.
const POOLS = {
  en: {
    subject: ['Subject: quick question about {company}', 'Subject: {topic}', 'Subject: an idea for {company}', 'Subject: following up', 'Subject: 15 minutes next week?'],
    greeting: ['Hi {name},', 'Hello {name},', 'Dear {name},', 'Hey {name},', 'Hi {field},', 'Good morning {name},'],
    opening: [
      'I came across your profile and wanted to reach out.',
      'I hope this email finds you well.',
      'I am the head of growth at a fast-growing startup.',
      'We are a leading provider of best-in-class engagement solutions.',
      'Our company helps teams like yours move faster.',
      'I noticed {topic} and had a question about one detail.',
      'Thank you for {topic}; the part on the first week stayed with me.',
      'My name is {me} and I work with sales teams across Europe.',
      'I loved {topic}, it was an incredible journey to read.',
      'Your question at the meetup last Tuesday about renewals was a good one.'
    ],
    body: [
      'We help companies like {company} unlock synergy across their revenue teams.',
      'Our platform is a turnkey, best-in-class solution built with empathy at its core.',
      'Empathy and authenticity are at the heart of everything we do.',
      'I am a huge fan of what you have built at {company}.',
      'We leverage AI to deliver a human touch at scale.',
      'Three of your peers cut their response time by a third in two months.',
      'Last quarter {company} opened two offices, which usually means a lot of new accounts to onboard.',
      'Your team answered my support ticket in under an hour, which is rare.',
      'I read that your reps spend Fridays on follow-ups; we measured the same pattern at two other firms.',
      'We are passionate about authentic, human, empathetic relationships with our customers.',
      'Our solution is the leading end-to-end engagement platform for modern sellers.',
      'I have been working in this space for fifteen years and I know what works.',
      'We built a small checklist for onboarding calls; it fits on one page.',
      'The numbers in your annual report on support volume were striking.',
      'Most teams we talk to lose a week of each quarter to manual reporting.',
      'We would love to show you how our innovative, game-changing approach works.',
      'Your recent post on hiring junior reps raised a point I had not considered.',
      'I attached the two-page summary, no sign-up needed.',
      'Hi {name}, {name} at {company} deserves the best, {name}.',
      'Our mission is to empower human connection through synergy and empathy.'
    ],
    ask: [
      'Could we book a 15-minute call next Tuesday?',
      'Are you free for a quick chat this week?',
      'Would you share this with your head of sales?',
      'Can you send me the name of the right person?',
      'Let me know when works for a demo.',
      'Please check out the link to my book.',
      'Would a short call on Thursday make sense?',
      'Could you reply with a time that suits you?',
      'Do you have ten minutes to look at the summary?'
    ],
    thanks: ['Thanks for your time.', 'Thank you for reading this far.', 'Many thanks for considering it.', 'Thanks in advance.', 'I appreciate your time.'],
    closing: ['Best,\n{me}', 'Kind regards,\n{me}', 'Cheers,\n{me}', 'Regards,\n{me}', 'Best regards,\n{me}\n{me} | Growth Lead | {company}']
  },
  fr: {
    subject: ['Objet : une question sur {company}', 'Objet : {topic}', 'Objet : une idée pour {company}', 'Objet : relance', 'Objet : 15 minutes la semaine prochaine ?'],
    greeting: ['Bonjour {name},', 'Bonjour {name} !', 'Cher {name},', 'Chère {name},', 'Bonjour {field},', 'Salut {name},'],
    opening: [
      "J'ai vu votre profil et je me permets de vous contacter.",
      "J'espère que vous allez bien.",
      'Je suis responsable commercial dans une startup en forte croissance.',
      "Nous sommes le leader des solutions d'engagement clé en main.",
      'Moi je travaille avec des équipes commerciales depuis dix ans.',
      "J'ai lu {topic} et j'ai une question sur un détail.",
      'Merci pour {topic} : le passage sur la première semaine m’a marqué.',
      "Je m'appelle {me} et j'accompagne des équipes de vente en Europe.",
      "J'ai adoré {topic}, votre parcours impressionnant m'inspire.",
      'Votre question mardi dernier au meetup sur les renouvellements était très juste.'
    ],
    body: [
      "Nous aidons des entreprises comme {company} à créer de la synergie entre leurs équipes.",
      "Notre plateforme d'engagement est une solution clé en main, pensée avec empathie.",
      "L'empathie, l'humain et la bienveillance sont au cœur de notre démarche.",
      'Je suis un grand fan de ce que vous avez construit chez {company}.',
      "Nous mettons l'intelligence artificielle au service de l'humain, avec authenticité.",
      'Trois de vos pairs ont réduit leur délai de réponse d’un tiers en deux mois.',
      "Le trimestre dernier, {company} a ouvert deux agences, ce qui veut souvent dire beaucoup de nouveaux comptes.",
      "Votre équipe a répondu à mon ticket en moins d'une heure, c'est rare.",
      "J'ai lu que vos commerciaux consacrent le vendredi aux relances ; nous avons vu la même chose ailleurs.",
      'Nous sommes passionnés par des relations humaines, authentiques et bienveillantes.',
      "Notre solution est la plateforme de référence, de bout en bout, pour les vendeurs d'aujourd'hui.",
      "Je travaille dans ce domaine depuis quinze ans et je sais ce qui fonctionne.",
      "Nous avons préparé une liste de contrôle d'une page pour les appels d'accueil.",
      'Les chiffres de votre rapport annuel sur le volume du support m’ont frappé.',
      "La plupart des équipes perdent une semaine par trimestre en reporting manuel.",
      "Nous serions ravis de vous montrer notre approche innovante et disruptive.",
      "Votre publication récente sur le recrutement de jeunes commerciaux soulève un point que je n'avais pas vu.",
      "Je joins le résumé de deux pages, sans inscription.",
      'Bonjour {name}, {name} chez {company} mérite le meilleur, {name}.',
      "Notre mission : remettre l'humain et l'empathie au centre grâce à la synergie."
    ],
    ask: [
      'Pourrions-nous prévoir un appel de 15 minutes mardi prochain ?',
      'Êtes-vous disponible pour un court échange cette semaine ?',
      'Merci de me rappeler dès que possible.',
      'Pouvez-vous partager ce message avec votre directeur commercial ?',
      "Merci de m'indiquer la bonne personne.",
      'Voici le lien vers mon livre, à partager sans modération.',
      'Un appel jeudi aurait-il du sens ?',
      'Pourriez-vous me proposer un créneau ?',
      'Avez-vous dix minutes pour lire le résumé ?'
    ],
    thanks: ['Merci pour votre temps.', "Merci d'avoir lu jusqu'ici.", "Je vous remercie de l'attention portée à ce message.", "Merci d'avance.", 'Un grand merci pour votre retour.'],
    closing: ['Cordialement,\n{me}', 'Bien à vous,\n{me}', 'Belle journée,\n{me}', 'Bonne journée,\n{me}', 'Bien cordialement,\n{me}\n{me} | Responsable croissance | {company}']
  }
}

const wordCount = (text) => text.split(/\s+/).filter(Boolean).length

/** One draft of 80 to 180 words; `rand` advances. `reader` fixes the reader's name and company. */
export function makeDraft(rand, lang, reader = {}) {
  const pool = POOLS[lang]
  const pick = (list) => list[Math.floor(rand() * list.length)]
  // The reader's name and company stay fixed within a draft (name repetition is a thing to detect).
  const name = reader.name ?? pick(FIRST[lang])
  const company = reader.company ?? pick(COMPANY)
  const fix = (template) =>
    template
      .replaceAll('{name}', name)
      .replaceAll('{company}', company)
      .replaceAll('{topic}', pick(TOPIC[lang]))
      .replaceAll('{me}', pick(SENDER[lang]))
      .replaceAll('{field}', pick(FIELD))

  const head = []
  if (rand() < 0.35) head.push(fix(pick(pool.subject)))
  head.push(fix(pick(pool.greeting)))
  const target = 80 + Math.floor(rand() * 101)
  const asks = rand() < 0.2 ? 2 + Math.floor(rand() * 2) : rand() < 0.85 ? 1 : 0
  const tail = []
  for (let index = 0; index < asks; index++) {
    const ask = fix(pick(pool.ask))
    if (!tail.includes(ask)) tail.push(ask)
  }
  if (rand() < 0.55) tail.push(fix(pick(pool.thanks)))
  const closing = fix(pick(pool.closing))
  let words = wordCount([...head, ...tail, closing].join(' '))

  const opening = fix(pick(pool.opening))
  const paragraphs = [[opening]]
  words += wordCount(opening)
  const used = new Set()
  for (let guard = 0; guard < 40 && words < target; guard++) {
    const index = Math.floor(rand() * pool.body.length)
    if (used.has(index) && used.size < pool.body.length) continue
    used.add(index)
    const sentence = fix(pool.body[index])
    const count = wordCount(sentence)
    if (words + count > 180) break
    words += count
    const last = paragraphs[paragraphs.length - 1]
    if (last.length >= 2 + Math.floor(rand() * 2)) paragraphs.push([sentence])
    else last.push(sentence)
  }
  const parts = [...head.flatMap((line) => [line, '']), paragraphs.map((sentences) => sentences.join(' ')).join('\n\n'), '']
  if (tail.length > 0) parts.push(tail.join(' '), '')
  parts.push(closing)
  return parts.join('\n') + '\n'
}

/** `count` drafts, alternating languages when `lang` is 'mixed'. */
export function makeDrafts(count, lang, seed = SEED) {
  const rand = random(seed)
  const drafts = []
  for (let index = 0; index < count; index++) {
    const language = lang === 'mixed' ? (index % 2 === 0 ? 'en' : 'fr') : lang
    drafts.push({lang: language, text: makeDraft(rand, language)})
  }
  return drafts
}

/** One long document of about `chars` characters: drafts one after the other, separated by blank lines. */
export function makeLong(chars, lang, seed = SEED + 7) {
  const rand = random(seed)
  const parts = []
  let length = 0
  while (length < chars) {
    const draft = makeDraft(rand, lang)
    parts.push(draft)
    length += draft.length + 1
  }
  return parts.join('\n').slice(0, chars)
}

function csvField(value) {
  return /[",\n\r]/.test(value) ? '"' + value.replaceAll('"', '""') + '"' : value
}

/** A campaign CSV: one draft per row, with the reader's name and company. */
export function makeCsv(rows, seed = SEED + 11) {
  const rand = random(seed)
  const lines = ['email,first_name,company,lang,body']
  for (let index = 0; index < rows; index++) {
    const lang = index % 2 === 0 ? 'en' : 'fr'
    const name = FIRST[lang][Math.floor(rand() * FIRST[lang].length)]
    const company = COMPANY[Math.floor(rand() * COMPANY.length)]
    const email = `${name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()}.${index}@example.com`
    lines.push([email, name, company, lang, makeDraft(rand, lang, {name, company}).trimEnd()].map(csvField).join(','))
  }
  return lines.join('\n') + '\n'
}

function writeDrafts(directory, drafts) {
  rmSync(directory, {recursive: true, force: true})
  mkdirSync(directory, {recursive: true})
  const width = String(drafts.length).length
  const files = drafts.map((draft, index) => {
    const file = join(directory, `${draft.lang}-${String(index + 1).padStart(width, '0')}.txt`)
    writeFileSync(file, draft.text)
    return file
  })
  return files
}

/**
 * Writes the corpus under bench/out/ (skipped when the stamp says it is already there)
 * and returns it in memory as well.
 */
export function buildCorpus({out = OUT, force = false} = {}) {
  const corpus = {
    en1k: makeDrafts(1000, 'en', SEED),
    mixed1k: makeDrafts(1000, 'mixed', SEED + 1),
    mixed10k: makeDrafts(10000, 'mixed', SEED + 2),
    long: {
      en50k: makeLong(50 * 1024, 'en'),
      en1m: makeLong(1024 * 1024, 'en'),
      fr50k: makeLong(50 * 1024, 'fr', SEED + 8),
      fr1m: makeLong(1024 * 1024, 'fr', SEED + 8)
    },
    dirs: {en1k: join(out, 'en-1000'), mixed10k: join(out, 'mixed-10000'), one: join(out, 'one')},
    files: {
      one: join(out, 'one', 'draft.txt'),
      csv100k: join(out, 'campaign-100000.csv'),
      csv10k: join(out, 'campaign-10000.csv'),
      en1m: join(out, 'long-en-1m.txt')
    }
  }
  const stamp = join(out, 'STAMP')
  const wanted = `seed ${SEED} version ${VERSION}\n`
  let current = ''
  try {
    current = readFileSync(stamp, 'utf8')
  } catch {}
  if (force || current !== wanted) {
    mkdirSync(out, {recursive: true})
    writeDrafts(corpus.dirs.en1k, corpus.en1k)
    writeDrafts(corpus.dirs.mixed10k, corpus.mixed10k)
    mkdirSync(corpus.dirs.one, {recursive: true})
    writeFileSync(corpus.files.one, corpus.en1k[0].text)
    writeFileSync(corpus.files.en1m, corpus.long.en1m)
    writeFileSync(corpus.files.csv10k, makeCsv(10000))
    writeFileSync(corpus.files.csv100k, makeCsv(100000))
    writeFileSync(stamp, wanted)
  }
  return corpus
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now()
  const corpus = buildCorpus({force: true})
  const words = corpus.mixed10k.map((draft) => wordCount(draft.text))
  console.log(`corpus written to ${OUT} in ${((performance.now() - started) / 1000).toFixed(1)} s; words per draft ${Math.min(...words)}..${Math.max(...words)}`)
}
