import {describe, expect, it} from 'vitest'
import {fieldAt, fieldKey, findFields} from '../../src/text/fields.js'

describe('merge fields', () => {
  const keys: Array<[string, string]> = [
    ['{{first_name}}', 'first name'],
    ['{{ First_Name }}', 'first name'],
    ['{{ contact.firstname }}', 'firstname'],
    ['[Company Name]', 'company name'],
    ['[Nom de l’entreprise]', "nom de l'entreprise"],
    ['{{prénom}}', 'prenom'],
    ['%FIRSTNAME%', 'firstname'],
    ['*|FNAME|*', 'fname'],
    ['<Prénom>', 'prenom'],
    ['{FirstName}', 'firstname'],
    ['#PRENOM#', 'prenom']
  ]
  for (const [field, key] of keys) {
    it(`${field} is found, key ${JSON.stringify(key)}`, () => {
      const text = `Hi ${field}, thanks.`
      const found = findFields(text)
      expect(found.map((item) => item.value)).toEqual([field])
      expect(found[0].key).toBe(key)
      expect(fieldKey(field)).toBe(key)
      expect(text.slice(found[0].start, found[0].end)).toBe(field)
    })
  }

  it('leaves Markdown links and plain text alone', () => {
    expect(findFields('See [the report](https://example.com) and 5% of 10%.')).toEqual([])
  })

  it('finds the field at an offset', () => {
    const text = 'A [B] c {{d}} e'
    const fields = findFields(text)
    expect(fieldAt(fields, text.indexOf('B'))?.value).toBe('[B]')
    expect(fieldAt(fields, text.indexOf('d'))?.value).toBe('{{d}}')
    expect(fieldAt(fields, text.indexOf('c'))).toBeUndefined()
    expect(fieldAt(fields, text.indexOf('e'))).toBeUndefined()
  })
})
