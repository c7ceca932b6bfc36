import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {FIXUPS, maskMarkdown, maskMarkdownWithStats} from '../../src/readers/markdown.js'
import {arrayWork} from '../robustness/array-work.js'
import {sharedCorpus} from '../corpus.js'

/**
 * The masked output with every blanked character shown as "·" (spaces that
 * were already spaces stay " "), so expectations show exactly what was
 * removed and what was kept.
 */
function visible(input: string): string {
  const output = maskMarkdown(input)
  let shown = ''
  for (let i = 0; i < input.length; i++) shown += output[i] === ' ' && input[i] !== ' ' ? '·' : output[i]
  return shown
}

/** The invariants every output must keep, whatever the input. */
function expectInvariants(input: string, output: string): void {
  expect(output.length).toBe(input.length)
  for (let i = 0; i < input.length; i++) {
    const char = input[i]
    if (char === '\n' || char === '\r') {
      if (output[i] !== char) expect.fail(`line ending at ${i} changed to ${JSON.stringify(output[i])}`)
    } else if (output[i] !== char && output[i] !== ' ') {
      expect.fail(`character ${i} (${JSON.stringify(char)}) became ${JSON.stringify(output[i])}, not a space`)
    }
  }
}

// [name, input, expected with blanked characters shown as "·"]
const cases: Array<[string, string, string]> = [
  ['plain prose is untouched', 'Bonjour Marie, « merci » pour l’échange 👋 !', 'Bonjour Marie, « merci » pour l’échange 👋 !'],
  ['empty string', '', ''],

  // Front matter
  ['YAML front matter', '---\ntitle: Relance\ntags: [a, b]\n---\nHi [Name],', '···\n······ ·······\n····· ··· ··\n···\nHi [Name],'],
  ['front matter with CRLF and ... closer', '---\r\nchannel: email\r\n...\r\nHi', '···\r\n········ ·····\r\n···\r\nHi'],
  ['a leading rule over prose is not front matter', '---\nHello Marie,\n---\nBye', '···\nHello Marie,\n···\nBye'],
  ['--- later in the file is not front matter', 'Hi\n---\na: b\n---', 'Hi\n···\na: b\n···'],

  // Code
  ['backtick fence with info string', 'Before\n```ts {1}\nconst a = 1\n```\nAfter', 'Before\n····· ···\n····· · · ·\n···\nAfter'],
  ['tilde fence closes only on a run as long', '~~~~\n~~~\ncode\n~~~~\nx', '····\n···\n····\n····\nx'],
  ['unclosed fence runs to end of file', 'a\n```\ncode\n\nmore', 'a\n···\n····\n\n····'],
  ['fence inside a list item and a quote', '- x\n  ```\n  y\n  ```\n> ```\n> z\n> ```', '· x\n  ···\n  ·\n  ···\n· ···\n· ·\n· ···'],
  ['backticks with a backtick info string are inline code', '```a`b``` c', '········· c'],
  ['inline code spans', 'Run `npm i` or ``a ` b`` now', 'Run ···· ·· or ··· · ··· now'],
  ['unmatched backtick stays', 'a ` b `` c', 'a ` b `` c'],

  // HTML
  ['inline HTML comment', 'a <!-- note --> b', 'a ···· ···· ··· b'],
  ['multi-line HTML comment, prose after it', 'a <!-- one\ntwo\nthree --> b **c**', 'a ···· ···\n···\n····· ··· b ··c··'],
  // CommonMark: an inline comment that does not close is text (a fence or an HTML block that does not close runs to the end).
  ['unclosed inline HTML comment is text', 'a <!-- x\ny', 'a <!-- x\ny'],
  ['unclosed HTML comment block runs to end of file', '<!-- x\n\ny', '···· ·\n\n·'],
  ['empty comments <!--> and <!--->', 'a<!-->b<!--->c', 'a·····b······c'],
  ['HTML tags blanked, text between kept', 'Line<br>next <a href="https://x.io" target=_blank>click</a></p><br/>', 'Line····next ·· ··················· ··············click·············'],
  ['angle-bracket placeholders are not HTML', 'Hi <First Name>, <Prénom>, <Company>', 'Hi <First Name>, <Prénom>, <Company>'],
  ['a lone < is prose', 'a < b and <3', 'a < b and <3'],
  ['style and script contents are blanked, over lines', 'a<style>p{x:y}</style>b\n<script type="m">\nx()\n</SCRIPT> c', 'a·····················b\n······· ·········\n···\n········· c'],

  // Links and images
  ['inline link keeps its text', 'Read [our deck](https://x.io/deck "Deck") now', 'Read ·our deck··················· ······· now'],
  ['link destination with balanced parentheses', '[wiki](https://x.org/Foo_(bar)) end', '·wiki·························· end'],
  ['link with <destination> and empty link', '[a](<b c>) [d]()', '·a···· ··· ·d···'],
  ['image is blanked entirely', 'Logo ![Acme *logo*](logo.png "Acme") here', 'Logo ······ ················ ······· here'],
  ['image inside a link', '[![badge](b.svg)](https://x.io)', '·······························'],
  ['reference links', '[the case][cs] and [collapsed][] ok\n\n[cs]: https://x.io\n[collapsed]: /c', '·the case····· and ·collapsed··· ok\n\n····· ············\n············ ··'],
  // CommonMark: a reference to nothing defined is text.
  ['undefined references are text', '[the case][cs] and [x][]', '[the case][cs] and [x][]'],
  ['constructs over lines: emphasis, code spans, links', 'a *b\nc* `d\ne` [f\ng](h)', 'a ·b\nc· ··\n·· ·f\ng····'],
  ['a list item cannot start with 2. inside a paragraph', 'We have\n2. reasons', 'We have\n2. reasons'],
  ['reference definition lines', '[cs]: https://x.io/cs "Case study"\n  [1]: <./a b>\nText', '····· ··············· ····· ······\n  ···· ···· ··\nText'],
  ['a merge field followed by a colon is prose', '[Prénom]: Jean\n[Nom]: 06 12 34 56 78', '[Prénom]: Jean\n[Nom]: 06 12 34 56 78'],
  ['bracket not followed by ( or [ is a merge field', '[Name] (CEO) at [Company], [a [b] c]', '[Name] (CEO) at [Company], [a [b] c]'],
  ['unclosed link tail is prose', '[a](b c and [d](', '[a](b c and [d]('],

  // Autolinks, URLs, e-mails
  ['autolinks', '<https://x.io/a?b=c> and <jane@acme.io>', '···················· and ··············'],
  ['bare URLs drop trailing punctuation', 'See https://acme.io/p. Or www.acme.fr, (http://x.io/a_(b)).', 'See ·················. Or ···········, (·················).'],
  ['URL inside a word is not a URL', 'awww.x and xhttp://', 'awww.x and xhttp://'],
  ['bare e-mail addresses', 'Write to jane.doe@acme.co.uk. Or @marie, a@b', 'Write to ···················. Or @marie, a@b'],
  ['e-mail inside emphasis', '_jane@acme.io_ **b@c.fr**', '·············· ··········'],

  // Blocks
  ['ATX headings, closing hashes and hashtags', '# Hello\n## Hello again ##\n#hashtag\n####### seven', '· Hello\n·· Hello again ··\n#hashtag\n####### seven'],
  ['blockquotes, nested', '> Quoted\n> > nested\n>no space', '· Quoted\n· · nested\n·no space'],
  ['list bullets and ordered markers', '- a\n* b\n+ c\n1. d\n10) e\n  - nested', '· a\n· b\n· c\n·· d\n··· e\n  · nested'],
  ['task list checkboxes', '- [ ] todo\n- [x] done', '· · · todo\n· ··· done'],
  ['dashes that are not bullets', '-- Marc\n-5 % off\n2024.Good', '-- Marc\n-5 % off\n2024.Good'],
  ['horizontal rules', 'a\n\n***\n___\n- - -\n---', 'a\n\n···\n···\n· · ·\n···'],
  ['setext underline', 'Title\n=====\nSub\n---', 'Title\n·····\nSub\n···'],
  ['table pipes and separator row', '| A | B |\n|---|:-:|\n| [x] | y |\n\nthis | is prose', '· A · B ·\n·········\n· [x] · y ·\n\nthis | is prose'],
  ['table without outer pipes', 'A | B\n--- | ---\nc | d', 'A · B\n··· · ···\nc · d'],

  // Emphasis
  ['emphasis markers blanked, words kept', '**bold** *it* __b__ _i_ ~~old~~ ***both***', '··bold·· ·it· ··b·· ·i· ··old·· ···both···'],
  ['emphasis around punctuation and emoji', '**→ [CTA] : [Lien]** - **Bonus :** 🎁 *😀*', '··→ [CTA] : [Lien]·· - ··Bonus :·· 🎁 ·😀·'],
  ['things that are not emphasis', 'snake_case_word 2*3 2*3*4 5 * 3 a * b __init ~30 min ~ok~ a~~b', 'snake_case_word 2*3 2*3*4 5 * 3 a * b __init ~30 min ~ok~ a~~b'],
  ['unmatched markers stay', '**open and *half', '**open and *half'],
  ['nested and mixed emphasis', '*a **b** c* _d *e*_', '·a ··b·· c· ·d ·e··'],
  ['rule of three', '*foo**bar*', '·foo**bar·'],
  ['intraword star emphasis', 'un**believ**able', 'un··believ··able'],

  // Escapes and entities
  ['backslash escapes keep the escaped character', '\\*not emphasis\\* \\[Name\\] a\\\\b \\q', '·*not emphasis·* ·[Name·] a·\\b \\q'],
  ['backslash at end of line is a hard break', 'line\\\nnext', 'line·\nnext'],
  ['HTML entities', '&nbsp;&amp; &#39; &#x27; AT&T; R&D &;', '··········· ····· ······ AT&T; R&D &;'],

  // Merge fields are prose
  ['merge fields untouched', '{{first_name}} [Name] [Prénom] %FNAME% *|FNAME|* {{ company_name }}', '{{first_name}} [Name] [Prénom] %FNAME% *|FNAME|* {{ company_name }}'],
  ['merge field in bold keeps the field', '- **[Nom]** — [Rôle]', '· ··[Nom]·· — [Rôle]'],

  // Line endings
  ['CRLF and lone CR kept in place', '# T\r\n- a\r**b**\r\n', '· T\r\n· a\r··b··\r\n']
]

describe('maskMarkdown', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(expected.length, 'the expectation itself has the input length').toBe(input.length)
    expect(visible(input)).toBe(expected)
    expectInvariants(input, maskMarkdown(input))
  })

  it('returns plain spaces where "·" is shown', () => {
    expect(maskMarkdown('**a** [b](c)')).toBe('  a    b    ')
  })
})


// ---------------------------------------------------------------------------
// The fix-ups: what a draft means where CommonMark reads something else.

describe('fix-ups', () => {
  const fixup: Record<(typeof FIXUPS)[number], Array<[string, string]>> = {
    MERGE_TAGS: [
      ['Hi *|FNAME|*, *|COMPANY|* rocks', 'Hi *|FNAME|*, *|COMPANY|* rocks'],
      ['**Hi *|FNAME|***', '··Hi *|FNAME|*··']
    ],
    DIGIT_STARS: [['2*3*4 and *it*', '2*3*4 and ·it·']],
    PLACEHOLDER_DEFINITIONS: [
      ['[Prénom]: Jean\n[Nom]: 06 12 34 56 78', '[Prénom]: Jean\n[Nom]: 06 12 34 56 78'],
      ['[deck]: acme.io/deck', '······· ············']
    ],
    SHORTCUT_REFERENCES: [['[Name] is defined\n\n[Name]: https://x.io', '[Name] is defined\n\n······· ············']],
    PLACEHOLDER_TAGS: [
      ['Hi <First Name>, <Company>!', 'Hi <First Name>, <Company>!'],
      ['<div>\nHello <b>you</b>\n</div>', '·····\nHello ···you····\n······']
    ],
    RAW_TEXT: [['a<style>p{x:y}</style>b', 'a·····················b']],
    LOOSE_FRONT_MATTER: [
      ['---\nHello Marie,\n---\nBye', '···\nHello Marie,\n···\nBye'],
      ['---\nchannel: email\n...\nHi', '···\n········ ·····\n···\nHi']
    ]
  }
  for (const name of FIXUPS) {
    it.each(fixup[name])(`${name}: %j`, (input, expected) => {
      expect(expected.length).toBe(input.length)
      expect(visible(input)).toBe(expected)
    })
  }

  it('no indented code: four spaces are a nested list item in a draft', () => {
    expect(visible('- a\n\n    **b**')).toBe('· a\n\n    ··b··')
  })

  it('no single-tilde strikethrough: ~30 min ~ok~', () => {
    expect(visible('~30 min ~ok~ ~~old~~')).toBe('~30 min ~ok~ ··old··')
  })
})

// ---------------------------------------------------------------------------
// Property test: random mixes of the syntaxes never break the invariants.

/** mulberry32: a tiny seeded PRNG, so failures reproduce. */
function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FRAGMENTS = [
  'word', 'Bonjour', ' ', ' ', '  ', '\t', '\n', '\n', '\r\n', '\r', '\n\n',
  '*', '**', '***', '_', '__', '~', '~~', '~~~', '`', '``', '```', '```js\n',
  '#', '# ', '> ', '- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '---', '***\n', '===',
  '[', ']', '(', ')', '![', '](', '][', ']:', '[Name]', '[Prénom]', '[a](b)', '[x][y]', '[r]: https://r.io',
  '<', '>', '<!--', '-->', '<br>', '<a href="x">', '</a>', '<p', '"', "'", '<https://a.io>', '<a@b.co>',
  'https://acme.io/x_(y)', 'www.acme.fr', 'http://', 'jane@acme.io', '@', '.',
  '\\', '\\*', '\\\\', '&nbsp;', '&amp;', '&#39;', '&',
  '|', '| a | b |\n', '|---|:-:|\n',
  '{{first_name}}', '%FNAME%', '*|FNAME|*', 'snake_case', '2*3',
  '«', '»', '’', 'é', '😀', '\uD83D', '\uDE00', '\u00A0', '\u202F'
]

function generate(random: () => number): string {
  const count = 1 + Math.floor(random() * 40)
  let text = ''
  for (let i = 0; i < count; i++) text += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]
  return random() < 0.1 ? `---\ntitle: x\n---\n${text}` : text
}

describe('maskMarkdown properties', () => {
  it('keeps length and line endings and only writes spaces, over 500 generated drafts', () => {
    const random = prng(0xc1ea)
    for (let run = 0; run < 500; run++) {
      const input = generate(random)
      let output = ''
      expect(() => (output = maskMarkdown(input)), JSON.stringify(input)).not.toThrow()
      expectInvariants(input, output)
    }
  })

  it('skips parsing only segments the parser would leave as they are', () => {
    const random = prng(11)
    for (let run = 0; run < 500; run++) {
      const input = generate(random)
      expect(maskMarkdownWithStats(input).text, JSON.stringify(input)).toBe(maskMarkdownWithStats(input, {parseAll: true}).text)
    }
  })

  it('keeps the invariants when masking its own output', () => {
    // Not idempotent in general (`\\*a*` leaves `*a*`), but always safe.
    const random = prng(7)
    for (let run = 0; run < 200; run++) {
      const once = maskMarkdown(generate(random))
      expectInvariants(once, maskMarkdown(once))
    }
  })

  it('handles adversarial inputs (unclosed links, tags, code, comments) in linear work, leaving hostile blocks as text', () => {
    // Counted work (array operations, see test/robustness/array-work.ts), never time: parsing is
    // bounded per block, so 4x the input is about 4x the work; blocks with too much syntax are not parsed.
    const size = 20_000
    const patterns = ['[a](b', '[a](<b', '[a](b "', '`', '``a', '<a x="', '<a b ', '*_', '**a ', '<!--', '[', '![', '][', 'a@', 'http://', '\\', '&#', '| ', '> - # ', '<https:', '<style>x</style', '<br x=y ']
    for (const pattern of patterns) {
      const make = (n: number) => pattern.repeat(Math.ceil(n / pattern.length)).slice(0, n)
      const small = arrayWork(() => maskMarkdownWithStats(make(size)))
      const large = arrayWork(() => maskMarkdownWithStats(make(4 * size)))
      expectInvariants(make(size), small.result.text)
      // Linear: a bounded count per character at both sizes (a parsed block of the worst kind is about 200).
      expect(small.work / size, pattern).toBeLessThan(400)
      expect(large.work / (4 * size), pattern).toBeLessThan(400)
    }
  }, 120_000)

  it('parses real Markdown in blocks in linear work, without falling back', () => {
    const paragraph = 'Hi *Ana*, [our deck](https://x.io) is `here`.\n\n> a quote\n- a list\n\n'
    const work = (n: number) => arrayWork(() => maskMarkdownWithStats(paragraph.repeat(n)))
    const small = work(100)
    const large = work(400)
    expect(small.result.fallbacks + large.result.fallbacks).toBe(0)
    expect(large.result.blocks).toBeGreaterThan(small.result.blocks)
    expect(large.work / small.work).toBeLessThan(6)
  }, 120_000)

  it('leaves a block of deep nesting or dense syntax as text, and counts it', () => {
    const deep = '> '.repeat(5000) + 'x'
    const dense = '*a'.repeat(2000)
    for (const input of [deep, dense]) {
      const result = maskMarkdownWithStats(input)
      expect(result.fallbacks).toBeGreaterThan(0)
      expect(result.text).toBe(input)
    }
  })
})

// ---------------------------------------------------------------------------
// The shared corpus of real drafts (read at test time, never copied here).

const corpus = sharedCorpus('maskMarkdown over the shared corpus')

describe.skipIf(!corpus)('maskMarkdown over the shared corpus', () => {
  for (const lang of ['en', 'fr']) {
    it(`keeps the invariants on every ${lang} draft`, () => {
      const directory = join(corpus!, lang)
      const files = readdirSync(directory).filter((name) => name.endsWith('.txt'))
      expect(files.length).toBeGreaterThan(0)
      for (const name of files) {
        const input = readFileSync(join(directory, name), 'utf8')
        const output = maskMarkdown(input)
        expectInvariants(input, output)
        // Merge fields survive: `{{x}}`, `%X%` and `[X]` not followed by `(`, `[` or `:`.
        for (const match of input.matchAll(/\{\{[^{}\n]{1,80}\}\}|%[A-Z_]{2,30}%|\[[^[\]\n]{1,200}\](?![([:])/g)) {
          const at = match.index
          expect(output.slice(at, at + match[0].length), `${lang}/${name} at ${at}`).toBe(match[0])
        }
      }
    })
  }
})
