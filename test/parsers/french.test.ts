import type {Node, Parent} from 'unist'
import type {Root, Sentence, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import retextFrench, {ParseFrench} from '../../langs/fr/parser.js'

const NBSP = '\u00A0'
const NNBSP = '\u202F'

const processor = unified().use(retextFrench)

function parse(text: string): Root {
  return processor.parse(text)
}

function sentences(tree: Root): Sentence[] {
  const result: Sentence[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const node of paragraph.children) {
      if (node.type === 'SentenceNode') result.push(node)
    }
  }
  return result
}

function words(sentence: Sentence): Word[] {
  return sentence.children.filter((node): node is Word => node.type === 'WordNode')
}

/** The word strings of each sentence. */
function wordLists(text: string): string[][] {
  return sentences(parse(text)).map((sentence) => words(sentence).map((word) => toString(word)))
}

/** Leaves in document order. */
function leaves(node: Node, result: Array<Node & {value: string}> = []) {
  if ('children' in node) {
    for (const child of (node as Parent).children) leaves(child, result)
  } else {
    result.push(node as Node & {value: string})
  }
  return result
}

/**
 * Every leaf's offsets match its value and follow the previous leaf with no
 * gap, line/column agree with the offset, and every parent spans exactly from
 * its first child to its last.
 */
function assertPositions(text: string, tree: Root) {
  expect(toString(tree)).toBe(text)

  // Line/column of every offset, computed independently of parse-latin.
  const points: Array<{line: number; column: number}> = []
  let line = 1
  let column = 1
  for (let i = 0; i <= text.length; i++) {
    points.push({line, column})
    const char = text[i]
    if (char === '\r' || (char === '\n' && text[i - 1] !== '\r')) {
      line++
      column = 1
    } else if (char !== '\n') {
      column++
    }
  }

  let offset = 0
  for (const leaf of leaves(tree)) {
    const position = leaf.position!
    expect(position.start.offset).toBe(offset)
    expect(position.end.offset).toBe(offset + leaf.value.length)
    expect(text.slice(position.start.offset, position.end.offset)).toBe(leaf.value)
    for (const point of [position.start, position.end]) {
      expect({line: point.line, column: point.column}).toEqual(points[point.offset!])
    }
    offset = position.end.offset!
  }
  expect(offset).toBe(text.length)

  const checkParent = (node: Node) => {
    if (!('children' in node)) return
    const children = (node as Parent).children
    if (children.length > 0) {
      expect(node.position?.start.offset).toBe(children[0].position?.start.offset)
      expect(node.position?.end.offset).toBe(children[children.length - 1].position?.end.offset)
    }
    children.forEach(checkParent)
  }
  checkParent(tree)
}

describe('retextFrench: words per sentence', () => {
  const cases: Array<[string, string[][]]> = [
    [
      "J’ai vu l'humain qu'il aime aujourd'hui.",
      [['J’', 'ai', 'vu', "l'", 'humain', "qu'", 'il', 'aime', "aujourd'hui"]]
    ],
    [
      'Bonjour Marie, merci pour votre temps !',
      [['Bonjour', 'Marie', 'merci', 'pour', 'votre', 'temps']]
    ],
    [
      // Uppercase elisions, straight and curly apostrophes.
      "JUSQU'À DEMAIN ! L’ÉQUIPE SAIT QU’IL VIENT.",
      [["JUSQU'", 'À', 'DEMAIN'], ['L’', 'ÉQUIPE', 'SAIT', 'QU’', 'IL', 'VIENT']]
    ],
    [
      "Lorsqu'on sait, puisqu’il faut, quoiqu'elle dise, jusqu’ici c'est m'avoir t'avoir s'il n'a d'avis.",
      [
        [
          "Lorsqu'",
          'on',
          'sait',
          'puisqu’',
          'il',
          'faut',
          "quoiqu'",
          'elle',
          'dise',
          'jusqu’',
          'ici',
          "c'",
          'est',
          "m'",
          'avoir',
          "t'",
          'avoir',
          "s'",
          'il',
          "n'",
          'a',
          "d'",
          'avis'
        ]
      ]
    ],
    [
      // Not elisions: stay one word.
      "Aujourd'hui, presqu'île, O'Brien, rock'n'roll et d'aujourd'hui.",
      [["Aujourd'hui", "presqu'île", "O'Brien", "rock'n'roll", 'et', "d'", "aujourd'hui"]]
    ],
    ["C'est-à-dire l'e-mail d'hier.", [["C'", 'est-à-dire', "l'", 'e-mail', "d'", 'hier']]],
    // A stray space after the apostrophe (typo) still gives the elided word.
    ["Jusqu' à demain.", [["Jusqu'", 'à', 'demain']]],
    // « guillemets » are punctuation, never part of a word.
    [
      'Le mot «\u00A0empathie\u00A0» revient souvent.',
      [['Le', 'mot', 'empathie', 'revient', 'souvent']]
    ],
    ['Il a dit «Merci» hier.', [['Il', 'a', 'dit', 'Merci', 'hier']]],
    // Loanwords and numbers.
    ['Un call de 15 min sur votre pipeline sales ?', [['Un', 'call', 'de', '15', 'min', 'sur', 'votre', 'pipeline', 'sales']]]
  ]

  it.each(cases)('%j', (text, expected) => {
    expect(wordLists(text)).toEqual(expected)
  })
})

describe('retextFrench: sentences', () => {
  const cases: Array<[string, number, string[]]> = [
    // [text, sentence count, last token of each sentence]
    ['Bonjour Marie, merci pour votre temps !', 1, ['!']],
    [`Bonjour Marie, merci pour votre temps${NBSP}!`, 1, ['!']],
    [`Bonjour Marie, merci pour votre temps${NNBSP}!`, 1, ['!']],
    [
      `Merci pour votre temps${NBSP}! Êtes-vous disponible${NNBSP}? Parfait.`,
      3,
      ['!', '?', '.']
    ],
    ['Vraiment ?! Oui.', 2, ['!', '.']],
    // ; and : with (no-break) spaces never end a sentence.
    [`Objectif${NBSP}: gagner du temps${NNBSP}; simplement.`, 1, ['.']],
    ['Deux options : appeler ; écrire.', 1, ['.']],
    // A closing guillemet after a space stays with its sentence.
    [`Il a dit «${NBSP}Salut${NBSP}!${NBSP}» puis il est parti.`, 1, ['.']],
    ['Il a dit « Salut ! » Puis il est parti.', 2, ['»', '.']],
    [`«${NNBSP}Merci.${NNBSP}» Puis rien.`, 2, ['»', '.']],
    ['Il a répondu « Avec plaisir ! »', 1, ['»']],
    ['Il a dit «Salut !» puis est parti.', 1, ['.']],
    ['« Vraiment ? », a-t-il dit. Oui.', 2, ['.', '.']],
    ['Il m’a dit “ bonjour ! ” puis rien.', 1, ['.']],
    // Abbreviations.
    ['M. Dupont et Mme. Durand sont là. Merci.', 2, ['.', '.']],
    ['Voyez le Dr. Martin, cf. la page trois. Merci.', 2, ['.', '.']],
    ['Des outils, etc. Tout y est.', 1, ['.']],
    // Line breaks make paragraphs.
    ['Bonjour Marie,\n\nJ’ai vu votre post. Merci !\nLéa', 4, [',', '.', '!', 'Léa']]
  ]

  it.each(cases)('%j', (text, count, lasts) => {
    const found = sentences(parse(text))
    expect(found).toHaveLength(count)
    expect(found.map((s) => toString(s.children[s.children.length - 1]))).toEqual(lasts)
  })

  it('keeps the ! of a French-spaced sentence inside it', () => {
    const [sentence] = sentences(parse(`Merci pour votre temps${NBSP}!`))
    const types = sentence.children.map((node) => node.type)
    expect(types.slice(-3)).toEqual(['WordNode', 'WhiteSpaceNode', 'PunctuationNode'])
    expect(toString(sentence.children[sentence.children.length - 2])).toBe(NBSP)
  })

  it('makes guillemets punctuation and no-break spaces white space', () => {
    const [sentence] = sentences(parse(`«${NNBSP}oui${NNBSP}»`))
    expect(sentence.children.map((node) => [node.type, toString(node)])).toEqual([
      ['PunctuationNode', '«'],
      ['WhiteSpaceNode', NNBSP],
      ['WordNode', 'oui'],
      ['WhiteSpaceNode', NNBSP],
      ['PunctuationNode', '»']
    ])
  })
})

describe('retextFrench: elision nodes', () => {
  it('splits an elision into two adjacent WordNodes', () => {
    const [sentence] = sentences(parse('J’ai'))
    expect(sentence.children).toHaveLength(2)
    const [first, second] = sentence.children as Word[]
    expect(first.type).toBe('WordNode')
    expect(first.children.map((node) => [node.type, toString(node)])).toEqual([
      ['TextNode', 'J'],
      ['PunctuationNode', '’']
    ])
    expect(second.children.map((node) => [node.type, toString(node)])).toEqual([['TextNode', 'ai']])
    expect(first.position?.end).toEqual(second.position?.start)
  })

  const offsets: Array<[string, string, number, number]> = [
    // [text, word, start, end]: the first occurrence of `word`.
    ["Bonjour, j'ai vu qu'il part.", "j'", 9, 11],
    ["Bonjour, j'ai vu qu'il part.", 'ai', 11, 13],
    ["Bonjour, j'ai vu qu'il part.", "qu'", 17, 20],
    ["Bonjour, j'ai vu qu'il part.", 'il', 20, 22],
    ['Ligne un.\nL’humain avant tout.', 'L’', 10, 12],
    ['Ligne un.\nL’humain avant tout.', 'humain', 12, 18],
    [`Merci${NBSP}! Jusqu'à mardi.`, "Jusqu'", 8, 14],
    [`Merci${NBSP}! Jusqu'à mardi.`, 'à', 14, 15],
    [`«${NBSP}l'empathie${NBSP}»`, 'empathie', 4, 12]
  ]

  it.each(offsets)('%j: %s at %i-%i', (text, value, start, end) => {
    const all = sentences(parse(text)).flatMap(words)
    const word = all.find((node) => toString(node) === value)
    expect(word).toBeDefined()
    expect(word!.position?.start.offset).toBe(start)
    expect(word!.position?.end.offset).toBe(end)
    expect(text.slice(start, end)).toBe(value)
  })

  it('gives exact lines and columns after a line break', () => {
    const all = sentences(parse('Bonjour,\r\n\r\nqu’en pensez-vous ?')).flatMap(words)
    const word = all.find((node) => toString(node) === 'en')!
    expect(word.position?.start).toEqual({line: 3, column: 4, offset: 15})
    expect(word.position?.end).toEqual({line: 3, column: 6, offset: 17})
  })
})

describe('retextFrench: round trip and positions', () => {
  const tricky = [
    '',
    ' ',
    "J’ai vu l'humain qu'il aime aujourd'hui.",
    `Bonjour Marie,${NBSP}merci pour votre temps${NNBSP}!`,
    `Il a dit «${NBSP}Salut${NBSP}!${NBSP}» puis : «${NNBSP}Quoi${NNBSP}?${NNBSP}» Fin.`,
    "L'IA, c'est jusqu' à demain ? JUSQU'À QUAND, lorsqu'il n'est pas là ! D'accord.",
    'Subject: Un call de 15 min ?\r\n\r\nBonjour {{first_name}},\r\n\r\nM. Dupont, Mme. Durand, etc.\r\nMerci !',
    'Voir https://exemple.fr/a?b=c et jean.dupont@exemple.fr, ok ?',
    "\tl'« humain »  ,  c’est   l’   ‘essentiel’ 😀 !!! ?!\n\n\n— Léa",
    "Le 'd' et l'\n",
    "qu'",
    "Aujourd'hui... vraiment ? Oui… « Non » ! (C'est [Prénom].)"
  ]

  it.each(tricky)('%j', (text) => {
    assertPositions(text, parse(text))
  })
})

describe('ParseFrench', () => {
  it('extends ParseLatin and can be used directly', () => {
    const tree = new ParseFrench().parse("C'est l'heure.")
    expect(toString(tree)).toBe("C'est l'heure.")
    expect(sentences(tree).flatMap(words).map((word) => toString(word))).toEqual([
      "C'",
      'est',
      "l'",
      'heure'
    ])
  })

  it('honours nlcstSentenceExtensions like retext-english', () => {
    const seen: string[] = []
    const tree = unified()
      .data('nlcstSentenceExtensions', [(sentence: Sentence) => void seen.push(toString(sentence))])
      .use(retextFrench)
      .parse('Oui. Non.')
    expect(toString(tree)).toBe('Oui. Non.')
    expect(seen).toEqual(['Oui. Non.'])
  })
})
