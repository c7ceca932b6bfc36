import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {compileTemplate, MAX_NESTING, TemplateError} from '../../src/campaign/template.js'
import {runCli, tempFiles} from '../helpers.js'

/** The TemplateError of a template, as its one line. */
function problem(source: string): string {
  try {
    compileTemplate(source)
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError)
    return (error as TemplateError).message
  }
  throw new Error('compiled')
}

describe('campaign templates that cannot be used: one line with the line and column, before any contact', () => {
  it('a partial the template does not define', () => {
    expect(problem('Hi {{first_name}},\n\nThanks.\n{{> signature}}\n')).toBe(
      'line 4, column 1: partial `{{> signature}}` is not defined in this template (there are no partial files: define it with {{#*inline "signature"}}…{{/inline}})'
    )
  })

  it('a block helper Handlebars does not have, and one called without its value', () => {
    expect(problem('Hi {{first_name}},\n  {{#nohelper company}}x{{/nohelper}}\n')).toMatch(/^line 2, column 3: `nohelper` is not a helper \(campaign templates have Handlebars' own: if, unless, each, with, lookup\)$/)
    expect(problem('Hi,\n{{#each}}x{{/each}}')).toBe('line 2, column 1: `each` takes one value, e.g. `{{#each company}}…{{/each}}`')
  })

  it('an inline partial that includes itself, directly or through another', () => {
    expect(problem('{{#*inline "p"}}Hi {{> p}}{{/inline}}{{> p}}')).toBe('line 1, column 20: partial `p` includes itself (p → p): it would render forever')
    expect(problem('{{#*inline "a"}}{{> b}}{{/inline}}\n{{#*inline "b"}}{{> a}}{{/inline}}\n{{> a}}')).toMatch(/^line \d, column 17: partial `a` includes itself \(a → b → a\)|^line \d, column 17: partial `b` includes itself/)
    // Not a loop: one partial used by another.
    expect(compileTemplate('{{#*inline "sig"}}Alex{{/inline}}{{#*inline "end"}}Best, {{> sig}}{{/inline}}Hi {{first_name}}. {{> end}}').render({first_name: 'Zoë'})).toBe('Hi Zoë. Best, Alex')
  })

  it('a syntax error, at the place the parser stopped', () => {
    expect(problem('Hi {{first_name}},\n\nThanks for {{company')).toMatch(/^line 3, column \d+: syntax error: Expecting .*$/)
    expect(problem('Hi\n {{#if company}}x{{/each}}')).toBe("line 2, column 5: syntax error: if doesn't match each")
    // Columns are the template's, also after a default rewritten into a longer {{#if}}.
    expect(problem('Hi {{first_name | "there"}}, {{> nope}}')).toMatch(/^line 1, column 30: partial `\{\{> nope\}\}`/)
  })

  it('`{{constructor.constructor …}}` and other inherited names are not fields', () => {
    expect(problem('{{constructor.constructor "return process"}}')).toMatch(/^line 1, column 1: `constructor.constructor` is not a helper/)
    expect(problem('Hi {{first_name.constructor}}')).toBe('line 1, column 6: `first_name.constructor`: `constructor` is not a field (every object or text has it); use a column of the contacts file')
    expect(problem('{{#with first_name}}{{toString}}{{/with}}')).toMatch(/`toString` is not a field/)
    expect(problem('Hi,\n{{lookup this "__proto__"}}')).toBe('line 2, column 1: `__proto__` is not a field (every object or text has it); use a column of the contacts file')
  })

  it(`blocks nested more than ${MAX_NESTING} levels (Handlebars' parser is quadratic in the nesting)`, () => {
    const deep = '{{#if a}}'.repeat(1000) + 'x' + '{{/if}}'.repeat(1000)
    expect(problem(deep)).toBe(`line 1, column ${MAX_NESTING * 9 + 1}: blocks nested more than ${MAX_NESTING} levels deep; flatten the template`)
    const fine = '{{#if a}}'.repeat(MAX_NESTING) + 'x' + '{{/if}}'.repeat(MAX_NESTING)
    expect(compileTemplate(fine).render({a: 'yes'})).toBe('x')
  })

  it('`{{log}}` prints nothing, and fields still render as written', () => {
    const template = compileTemplate('{{log "debug" first_name}}Hi {{first_name | "there"}}, {{#if company}}at {{company}}{{/if}}{{contact.city}}')
    expect(template.render({first_name: "O'Brien", company: 'Acme', 'contact.city': ' (Lyon)'})).toBe("Hi O'Brien, at Acme (Lyon)")
    expect(template.render({})).toBe('Hi there, ')
  })

  it('on the command line: one line naming the template, exit 2, no report', async () => {
    const directory = tempFiles({'t.txt': 'Hi {{first_name}},\n\n{{> footer}}\n', 'log.txt': '{{log "x"}}Hi {{first_name}}, thanks for the notes on churn.', 'c.csv': 'first_name\nZoë\n'})
    const run = await runCli(['campaign', join(directory, 't.txt'), '--contacts', join(directory, 'c.csv')])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`cluelint: ${join(directory, 't.txt')}: line 3, column 1: partial \`{{> footer}}\` is not defined in this template (there are no partial files: define it with {{#*inline "footer"}}…{{/inline}})\n`)
    expect(run.stdout).toBe('')
    const log = await runCli(['campaign', join(directory, 'log.txt'), '--contacts', join(directory, 'c.csv')])
    expect(log.stderr).toBe('')
    expect(log.stdout).toContain('1 draft')
  })
})
