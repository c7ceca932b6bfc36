/**
 * Column (CSV) and field (JSON) names of a campaign file, compared without
 * case, accents, spaces, `_` or `-`: "First Name", "first_name" and
 * "firstname" are one name. Order is preference: a first name is a better
 * reader name than a full or last name ("nom" is the last name in French).
 */
export const BODY_FIELDS = ['body', 'message', 'text', 'content', 'corps', 'texte']
export const NAME_FIELDS = ['first_name', 'firstname', 'prénom', 'prenom', 'name', 'nom']
export const COMPANY_FIELDS = ['company', 'company_name', 'entreprise', 'société']

export function fieldKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '')
}

/** Index in `names` of the first candidate found, or -1. */
export function findField(names: readonly string[], candidates: readonly string[]): number {
  const keys = names.map(fieldKey)
  for (const candidate of candidates) {
    const index = keys.indexOf(fieldKey(candidate))
    if (index !== -1) return index
  }
  return -1
}

export interface FieldIndexes {
  body: number
  name: number
  company: number
}

/**
 * Finds the body, name and company columns among `names`, or the reason
 * there is no body column (the user's `--column`, or none of the usual
 * names), listing the names found.
 */
export function findFields(names: readonly string[], column: string | undefined, what: 'column' | 'field'): FieldIndexes | string {
  const body = findField(names, column !== undefined ? [column] : BODY_FIELDS)
  if (body === -1) {
    const found = names.length > 0 ? names.map((name) => JSON.stringify(name)).join(', ') : 'none'
    if (column !== undefined) return `no ${what} named "${column}" (--column); ${what}s found: ${found}`
    return `no body ${what}: expected one of ${BODY_FIELDS.join(', ')} (or give one with --column); ${what}s found: ${found}`
  }
  return {body, name: findField(names, NAME_FIELDS), company: findField(names, COMPANY_FIELDS)}
}
