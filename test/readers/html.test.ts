import {describe, expect, it} from 'vitest'
import {lintDraft} from '../../src/engine.js'
import {extractHtml} from '../../src/readers/html.js'
import {draftsFromText} from '../../src/readers/index.js'

/** Each unit of the prose comes from the same character of the HTML, or from an entity (`&`), or is an inserted break. */
function expectFaithful(html: string) {
  const {text, offsets} = extractHtml(html)
  expect(offsets).toHaveLength(text.length)
  for (let index = 0; index < text.length; index++) {
    const from = html[offsets[index]]
    if (text[index] === '\n' || text[index] === ' ') continue
    if (from !== text[index]) expect(from, `unit ${index} ${JSON.stringify(text[index])}`).toBe('&')
  }
  return text
}

describe('HTML reader', () => {
  const cases: Array<{name: string; html: string; text: string}> = [
    {
      name: 'keeps only the prose of the body',
      html: '<html><head><title>Offer</title><style>p{color:red}</style></head><body><!-- tracking --><p class="x" title="not prose">Hi Ana,</p><script>var x = "no"</script><p>Thanks for your time.</p></body></html>',
      text: 'Hi Ana,\n\nThanks for your time.'
    },
    {
      name: 'decodes entities',
      html: '<p>Caf&eacute; &amp; th&#233; &#x1F600; &lt;3&nbsp;!</p>',
      text: 'Café & thé 😀 <3\u00a0!'
    },
    {
      name: 'collapses white space as a browser does',
      html: '<div>\n  Hello   Ana,\n  thanks\tfor the\r\n  call.\n</div>',
      text: 'Hello Ana, thanks for the call.'
    },
    {
      name: 'breaks lines at <br> and blocks, blank line between paragraphs',
      html: '<div>Hi Ana,</div><div><br></div><div>Thanks.<br>See you<br></div><ul><li>one</li><li>two</li></ul><p>Sam</p>',
      text: 'Hi Ana,\n\nThanks.\nSee you\n\none\ntwo\n\nSam'
    },
    {
      name: 'keeps white space in <pre>',
      html: '<p>Code:</p><pre>a\n  b</pre>',
      text: 'Code:\n\na\n  b'
    },
    {
      name: 'reads a fragment without <html> or <body>',
      html: 'Hello <b>Ana</b>, thanks!',
      text: 'Hello Ana, thanks!'
    },
    {
      name: 'copes with unclosed tags (Outlook)',
      html: '<p class=MsoNormal>Bonjour Marie,<p class=MsoNormal>&nbsp;<p class=MsoNormal>Merci <o:p></o:p>',
      text: 'Bonjour Marie,\n\n\u00a0\n\nMerci'
    }
  ]
  for (const {name, html, text} of cases) {
    it(name, () => {
      expect(expectFaithful(html)).toBe(text)
    })
  }

  it('maps an entity to its ampersand, and findings to the line and column of the .html file', () => {
    const html = '<!doctype html>\n<html>\n<body>\n  <p>Bonjour,</p>\n  <p>Merci pour l&rsquo;&eacute;change, <em>{{pr&eacute;nom}}</em>.</p>\n</body>\n</html>\n'
    const [draft] = draftsFromText(html, 'mail.html')
    expect(draft.text).toBe('Bonjour,\n\nMerci pour l’échange, {{prénom}}.')
    expect(draft.source).toBe(html)
    const at = draft.text.indexOf('échange')
    expect(html.slice(draft.map!(at), draft.map!(at) + 8)).toBe('&eacute;')
    const report = lintDraft(draft, {lang: 'fr'})
    const field = report.findings.find((finding) => finding.rule === 'unfilled-merge-field')
    expect(field).toMatchObject({excerpt: '{{prénom}}', line: 5, column: 45, endLine: 5, endColumn: 62})
    expect(html.split('\n')[4].slice(44, 61)).toBe('{{pr&eacute;nom}}')
  })

  it('refuses an HTML file with no text', () => {
    expect(() => draftsFromText('<html><body><img src="x.png" alt="logo"></body></html>', 'empty.html')).toThrow(/no text in the HTML body/)
  })
})
