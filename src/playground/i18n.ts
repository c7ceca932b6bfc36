import type {Family} from '../reporters/html/highlight.js'
import type {Locale} from '../i18n.js'
import type {Channel, Severity} from '../types.js'

/**
 * The playground's interface strings: one table per language, the same keys
 * in each (the type checks it). The rules' own messages are in English for
 * now; when they get a messages map, the page will pick them by `ui` too.
 * `{name}` placeholders are filled by `format`.
 */
export interface Strings {
  title: string
  tagline: string
  skip: string
  uiSwitch: string
  uiSwitchLabel: string
  draftLabel: string
  placeholder: string
  draftHelp: string
  language: string
  langAuto: string
  detected: string
  channel: string
  channels: Record<Channel, string>
  copy: string
  copied: string
  copyFailed: string
  clear: string
  cleared: string
  undoHint: string
  checkedIn: string
  score: string
  gaugeLabel: string
  grade: string
  fixFirst: string
  toFix: string
  moreFindings: string
  oneMore: string
  noFindings: string
  empty: string
  findingCount: string
  findingsCount: string
  severity: Record<Severity, string>
  showInText: string
  explain: string
  apply: string
  applied: string
  lineColumn: string
  families: Record<Family, {label: string; about: string}>
  legendLabel: string
  settings: string
  settingsNone: string
  settingsFrom: string
  rulesTitle: string
  rulesIntro: string
  bad: string
  good: string
  rulesLanguageNote: string
  weight: string
  off: string
  stored: string
  footer: string
  inFinding: string
}

export const UI: Record<Locale, Strings> = {
  en: {
    title: 'cluelint: write it personal, not personalized',
    tagline: 'Type or paste a sales draft. It is checked as you type, in this page: nothing is sent anywhere.',
    skip: 'Skip to the draft',
    uiSwitch: 'Français',
    uiSwitchLabel: 'Afficher l’interface en français',
    draftLabel: 'Your draft',
    placeholder: 'Hi Claire,\n\nThanks for your talk at the Lyon meetup…',
    draftHelp: 'Findings are highlighted in the text; put the cursor on a highlight, or hover it, to read why.',
    language: 'Language of the draft',
    langAuto: 'Detect',
    detected: 'detected: {lang}',
    channel: 'Channel',
    channels: {email: 'Cold email', 'linkedin-note': 'LinkedIn connection note', 'linkedin-message': 'LinkedIn message', 'follow-up': 'Follow-up'},
    copy: 'Copy the draft',
    copied: 'Draft copied.',
    copyFailed: 'Could not copy: select the text and copy it by hand.',
    clear: 'Clear',
    cleared: 'Draft cleared (Ctrl+Z in the text brings it back).',
    undoHint: 'Ctrl+Z undoes a rewrite.',
    checkedIn: 'checked in {ms} ms',
    score: 'Score',
    gaugeLabel: 'Score {score} out of 100, grade {grade}',
    grade: 'grade {grade}',
    fixFirst: 'Fix first',
    toFix: 'To fix',
    moreFindings: '{count} more findings',
    oneMore: '1 more finding',
    noFindings: 'Nothing to fix: no findings.',
    empty: 'Nothing to check yet.',
    findingCount: '1 finding',
    findingsCount: '{count} findings',
    severity: {error: 'error', warning: 'warning', info: 'note'},
    showInText: 'Show in the text',
    explain: 'Why? ({rule})',
    apply: 'Replace with “{text}”',
    applied: 'Replaced “{from}” with “{to}”.',
    lineColumn: 'line {line}, column {column}',
    families: {
      personalization: {label: 'Personalization', about: 'merge fields, stock lines, the name repeated'},
      courtesy: {label: 'Courtesy', about: 'thanks, asks'},
      focus: {label: 'Focus', about: 'who the draft is about'},
      wording: {label: 'Wording', about: 'buzzwords, jargon, flattery, hard sentences'},
      form: {label: 'Form', about: 'length, number of asks'},
      other: {label: 'Other', about: 'directives'}
    },
    legendLabel: 'Highlight colours by rule family',
    settings: 'Team settings',
    settingsNone: 'Default rule settings.',
    settingsFrom: 'Rule settings from {file}:',
    rulesTitle: 'The rules',
    rulesIntro: 'Why each rule exists, with drafts that trigger it and drafts that do not.',
    bad: 'Triggers it',
    good: 'Does not',
    rulesLanguageNote: 'Rule explanations are in English.',
    weight: 'weight {weight}',
    off: 'off',
    stored: 'Your draft is kept in this browser only (local storage), so it survives a reload.',
    footer: 'cluelint {version}: the same rules, word lists and scoring as the command line, running in this page. No network.',
    inFinding: 'At the cursor:'
  },
  fr: {
    title: 'cluelint : écrire personnel, pas personnalisé',
    tagline: 'Tapez ou collez un brouillon de prospection. Il est vérifié pendant la frappe, dans cette page : rien n’est envoyé nulle part.',
    skip: 'Aller au brouillon',
    uiSwitch: 'English',
    uiSwitchLabel: 'Show the interface in English',
    draftLabel: 'Votre brouillon',
    placeholder: 'Bonjour Claire,\n\nMerci pour votre intervention au meetup de Lyon…',
    draftHelp: 'Les remarques sont surlignées dans le texte ; placez le curseur sur un surlignage, ou survolez-le, pour lire pourquoi.',
    language: 'Langue du brouillon',
    langAuto: 'Détecter',
    detected: 'détectée : {lang}',
    channel: 'Canal',
    channels: {email: 'E-mail de prospection', 'linkedin-note': 'Note d’invitation LinkedIn', 'linkedin-message': 'Message LinkedIn', 'follow-up': 'Relance'},
    copy: 'Copier le brouillon',
    copied: 'Brouillon copié.',
    copyFailed: 'Copie impossible : sélectionnez le texte et copiez-le à la main.',
    clear: 'Effacer',
    cleared: 'Brouillon effacé (Ctrl+Z dans le texte le rétablit).',
    undoHint: 'Ctrl+Z annule une réécriture.',
    checkedIn: 'vérifié en {ms} ms',
    score: 'Score',
    gaugeLabel: 'Score {score} sur 100, note {grade}',
    grade: 'note {grade}',
    fixFirst: 'À corriger d’abord',
    toFix: 'À corriger',
    moreFindings: '{count} autres remarques',
    oneMore: '1 autre remarque',
    noFindings: 'Rien à corriger : aucune remarque.',
    empty: 'Rien à vérifier pour l’instant.',
    findingCount: '1 remarque',
    findingsCount: '{count} remarques',
    severity: {error: 'erreur', warning: 'attention', info: 'note'},
    showInText: 'Voir dans le texte',
    explain: 'Pourquoi ? ({rule})',
    apply: 'Remplacer par « {text} »',
    applied: '« {from} » remplacé par « {to} ».',
    lineColumn: 'ligne {line}, colonne {column}',
    families: {
      personalization: {label: 'Personnalisation', about: 'champs de fusion, phrases toutes faites, prénom répété'},
      courtesy: {label: 'Politesse', about: 'remerciements, demandes'},
      focus: {label: 'Point de vue', about: 'de qui parle le brouillon'},
      wording: {label: 'Vocabulaire', about: 'mots creux, jargon, flatterie, phrases difficiles'},
      form: {label: 'Forme', about: 'longueur, nombre de demandes'},
      other: {label: 'Autre', about: 'directives'}
    },
    legendLabel: 'Couleurs des surlignages par famille de règles',
    settings: 'Réglages de l’équipe',
    settingsNone: 'Réglages des règles par défaut.',
    settingsFrom: 'Réglages des règles venant de {file} :',
    rulesTitle: 'Les règles',
    rulesIntro: 'Pourquoi chaque règle existe, avec des brouillons qui la déclenchent et d’autres non.',
    bad: 'La déclenche',
    good: 'Ne la déclenche pas',
    rulesLanguageNote: 'Les explications des règles sont en anglais.',
    weight: 'poids {weight}',
    off: 'désactivée',
    stored: 'Votre brouillon est gardé dans ce navigateur seulement (stockage local) : il survit à un rechargement.',
    footer: 'cluelint {version} : les mêmes règles, listes de mots et scores que la ligne de commande, exécutés dans cette page. Aucun accès réseau.',
    inFinding: 'Au curseur :'
  }
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}
