import {describe, expect, it} from 'vitest'
import {compileTemplate, unfilledFields} from '../../src/campaign/template.js'

describe('campaign templates', () => {
  const render: Array<[string, string, Record<string, string>, string]> = [
    ['a field', 'Hi {{first_name}},', {first_name: 'Zoë'}, 'Hi Zoë,'],
    ['unicode names', 'Bonjour {{prénom}} de {{entreprise}}', {prénom: 'François', entreprise: 'Éclat'}, 'Bonjour François de Éclat'],
    ['a default, used', 'Hi {{first_name | "there"}},', {first_name: ''}, 'Hi there,'],
    ['a default, not needed', 'Hi {{first_name | "there"}},', {first_name: 'Sam'}, 'Hi Sam,'],
    ['a default with spaces and braces', '{{x | "mon ami {x}"}}', {}, 'mon ami {x}'],
    ['#if with a value', 'Hi{{#if company}} from {{company}}{{/if}}.', {company: 'Acme'}, 'Hi from Acme.'],
    ['#if without', 'Hi{{#if company}} from {{company}}{{/if}}.', {company: ''}, 'Hi.'],
    ['#if/else', '{{#if city}}In {{city}}{{else}}Nearby{{/if}}', {}, 'Nearby'],
    ['no HTML escaping', 'Hi {{name}}', {name: "O'Brien <b>&</b>"}, "Hi O'Brien <b>&</b>"],
    ['nested paths', 'Hi {{contact.firstname}}', {'contact.firstname': 'Lee'}, 'Hi Lee'],
    ['a missing column renders empty', 'Hi {{nickname}}!', {}, 'Hi !']
  ]
  for (const [name, source, contact, expected] of render) {
    it(`renders ${name}`, () => expect(compileTemplate(source).render(contact)).toBe(expected))
  }

  it('knows which fields are guarded', () => {
    const template = compileTemplate('Hi {{first_name | "there"}}, {{#if company}}at {{company}}{{/if}} in {{city}}. {{title}} {{#if title}}ok{{/if}}')
    expect(Object.fromEntries(template.fields)).toEqual({
      first_name: {guarded: true},
      company: {guarded: true},
      city: {guarded: false},
      title: {guarded: false}
    })
  })

  it('reports missing columns and empty values, not guarded ones', () => {
    const template = compileTemplate('Hi {{first_name}}, {{#if company}}at {{company}}{{/if}} in {{city}} {{role | "lead"}}')
    const columns = new Set(['first_name', 'company', 'role'])
    expect(unfilledFields(template, {first_name: ' ', company: '', role: ''}, columns)).toEqual([
      {field: 'first_name', reason: 'empty value'},
      {field: 'city', reason: 'missing column'}
    ])
    expect(unfilledFields(template, {first_name: 'Zoë', company: '', role: ''}, columns)).toEqual([{field: 'city', reason: 'missing column'}])
  })
})
