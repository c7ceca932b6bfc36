/**
 * Counting the work of a regular expression, without a clock.
 *
 * A small backtracking matcher with the semantics of JavaScript's (greedy and
 * lazy quantifiers, alternation in order, groups, lookaround, back-references,
 * anchors, \b) that counts every step: each attempt to match one atom at one
 * position, each try of an alternative or of a quantifier's iteration. Which
 * characters an atom accepts (a class, an escape, `.`, a literal) is asked of
 * V8 itself, one character at a time, so the atoms mean exactly what they mean
 * in the rules. `work(regex, input)` is the number of steps a search over the
 * whole input takes (every start position, and for /g and /y every match), the
 * way `exec`, `matchAll` and `replace` scan: a pattern that backtracks
 * catastrophically, or rescans the rest of the input from every position,
 * shows as steps growing faster than the input.
 */

type Node =
  | {type: 'atom'; source: string; test: (char: string) => boolean}
  | {type: 'seq'; items: Node[]}
  | {type: 'alt'; options: Node[]}
  | {type: 'group'; body: Node; capture?: number}
  | {type: 'look'; body: Node; ahead: boolean; negate: boolean}
  | {type: 'repeat'; body: Node; min: number; max: number; lazy: boolean}
  | {type: 'backref'; index: number | string}
  | {type: 'assert'; kind: '^' | '$' | '\\b' | '\\B'}

export class TooMuchWork extends Error {}

interface Parsed {
  root: Node
  groups: number
  names: Map<string, number>
  /** Atoms under a quantifier that can repeat (the characters a pathological input repeats). */
  repeated: Array<{source: string; test: (char: string) => boolean}>
  /** Literal runs of the pattern ("www.", "{{"): prefixes for pathological inputs. */
  literals: string[]
}

const atomCache = new Map<string, (char: string) => boolean>()

function atomTester(source: string, flags: string): (char: string) => boolean {
  const key = flags + '\u0000' + source
  let test = atomCache.get(key)
  if (!test) {
    const regex = new RegExp(`^(?:${source})$`, flags.replace(/[gym]/g, ''))
    atomCache.set(key, (test = (char) => regex.test(char)))
  }
  return test
}

/** Parses the subset of JavaScript regular expressions the rules use (all of it but \k<name> forward references). */
export function parse(regex: RegExp): Parsed {
  const source = regex.source
  const flags = regex.flags
  const unicode = flags.includes('u') || flags.includes('v')
  let at = 0
  let groups = 0
  const names = new Map<string, number>()
  const repeated: Parsed['repeated'] = []
  const literals: string[] = []
  let literal = ''

  const flush = () => {
    if (literal.length > 1) literals.push(literal)
    literal = ''
  }
  const atom = (text: string): Node => ({type: 'atom', source: text, test: atomTester(text, flags)})

  function alternation(): Node {
    const options: Node[] = [sequence()]
    while (source[at] === '|') {
      at++
      flush()
      options.push(sequence())
    }
    return options.length === 1 ? options[0] : {type: 'alt', options}
  }

  function sequence(): Node {
    const items: Node[] = []
    while (at < source.length && source[at] !== '|' && source[at] !== ')') {
      const item = quantified()
      if (item) items.push(item)
    }
    return {type: 'seq', items}
  }

  function quantified(): Node | undefined {
    const before = at
    const node = term()
    if (!node) return undefined
    const quantifier = /^(?:[*+?]|\{(\d+)(,(\d*))?\})/.exec(source.slice(at))
    if (!quantifier || node.type === 'assert') return node
    at += quantifier[0].length
    let min = 0
    let max = Infinity
    if (quantifier[0] === '+') min = 1
    else if (quantifier[0] === '?') max = 1
    else if (quantifier[0] !== '*') {
      min = Number(quantifier[1])
      max = quantifier[2] === undefined ? min : quantifier[3] === '' ? Infinity : Number(quantifier[3])
    }
    const lazy = source[at] === '?'
    if (lazy) at++
    if (max > 1) {
      flush()
      collect(node, source.slice(before, at))
    } else if (literal) {
      literal = literal.slice(0, -1)
      flush()
    }
    return {type: 'repeat', body: node, min, max, lazy}
  }

  function collect(node: Node, _text: string) {
    if (node.type === 'atom') repeated.push({source: node.source, test: node.test})
    else if (node.type === 'seq') node.items.forEach((item) => collect(item, _text))
    else if (node.type === 'alt') node.options.forEach((item) => collect(item, _text))
    else if (node.type === 'group' || node.type === 'repeat') collect(node.body, _text)
  }

  function term(): Node | undefined {
    const char = source[at]
    if (char === '^' || char === '$') {
      at++
      flush()
      return {type: 'assert', kind: char}
    }
    if (char === '(') {
      flush()
      at++
      let capture: number | undefined
      if (source.startsWith('?:', at)) at += 2
      else if (source.startsWith('?=', at) || source.startsWith('?!', at)) {
        const negate = source[at + 1] === '!'
        at += 2
        const body = alternation()
        at++ // )
        return {type: 'look', body, ahead: true, negate}
      } else if (source.startsWith('?<=', at) || source.startsWith('?<!', at)) {
        const negate = source[at + 2] === '!'
        at += 3
        const body = alternation()
        at++
        return {type: 'look', body, ahead: false, negate}
      } else if (source.startsWith('?<', at)) {
        const end = source.indexOf('>', at)
        capture = ++groups
        names.set(source.slice(at + 2, end), capture)
        at = end + 1
      } else capture = ++groups
      const body = alternation()
      at++ // )
      flush()
      return {type: 'group', body, capture}
    }
    if (char === '[') {
      const start = at
      at++
      if (source[at] === '^') at++
      if (source[at] === ']') at++
      while (at < source.length && source[at] !== ']') at += source[at] === '\\' ? 2 : 1
      at++
      flush()
      return atom(source.slice(start, at))
    }
    if (char === '\\') {
      const next = source[at + 1]
      if (next === 'b' || next === 'B') {
        at += 2
        flush()
        return {type: 'assert', kind: next === 'b' ? '\\b' : '\\B'}
      }
      if (/[1-9]/.test(next)) {
        const digits = /^\d+/.exec(source.slice(at + 1))![0]
        at += 1 + digits.length
        flush()
        return {type: 'backref', index: Number(digits)}
      }
      if (next === 'k' && source[at + 2] === '<') {
        const end = source.indexOf('>', at)
        const name = source.slice(at + 3, end)
        at = end + 1
        flush()
        return {type: 'backref', index: name}
      }
      let length = 2
      if (next === 'p' || next === 'P') length = source.indexOf('}', at) - at + 1
      else if (next === 'u' && source[at + 2] === '{') length = source.indexOf('}', at) - at + 1
      else if (next === 'u') length = 6
      else if (next === 'x') length = 4
      else if (next === 'c') length = 3
      const text = source.slice(at, at + length)
      at += length
      // An escaped punctuation mark (`\.`, `\{`) is a literal character; other escapes end a literal run.
      if (/^\\[^\w]$/.test(text)) literal += text[1]
      else flush()
      return atom(text)
    }
    if (char === '.') {
      at++
      flush()
      return atom('.')
    }
    // A literal character (a whole code point with the u flag).
    const point = unicode ? String.fromCodePoint(source.codePointAt(at)!) : char
    at += point.length
    literal += point
    return atom(point.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  }

  const root = alternation()
  flush()
  if (at !== source.length) throw new Error(`regex-work: cannot parse /${source}/ at ${at}`)
  return {root, groups, names, repeated, literals}
}

/** The most code units a node can match (Infinity when unbounded). */
function width(node: Node): number {
  switch (node.type) {
    case 'atom':
      return 2
    case 'seq':
      return node.items.reduce((sum, item) => sum + width(item), 0)
    case 'alt':
      return Math.max(0, ...node.options.map(width))
    case 'group':
      return width(node.body)
    case 'repeat':
      return node.max === Infinity ? Infinity : node.max * width(node.body)
    case 'backref':
      return Infinity
    default:
      return 0
  }
}

/** Steps of a scan of `input` the way `exec` in a loop (/g, /y) or once (otherwise) does. */
export function work(regex: RegExp, input: string, limit = 50_000_000): number {
  const {root, groups, names} = parse(regex)
  const flags = regex.flags
  const unicode = flags.includes('u') || flags.includes('v')
  const multiline = flags.includes('m')
  const ignoreCase = flags.includes('i')
  let steps = 0
  let captures: Array<[number, number] | undefined> = []

  const step = () => {
    if (++steps > limit) throw new TooMuchWork(`more than ${limit} steps`)
  }
  const charAt = (position: number): string => {
    if (position >= input.length) return ''
    return unicode ? String.fromCodePoint(input.codePointAt(position)!) : input[position]
  }
  const isWord = (char: string) => /^\w$/.test(char)
  const before = (position: number): string => {
    if (position <= 0) return ''
    if (unicode && position >= 2) {
      const pair = input.slice(position - 2, position)
      if (/^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(pair)) return pair
    }
    return input[position - 1]
  }

  type Next = (position: number) => boolean

  // Forward matching in continuation-passing style.
  function match(node: Node, position: number, next: Next): boolean {
    step()
    switch (node.type) {
      case 'atom': {
        const char = charAt(position)
        return char !== '' && node.test(char) && next(position + char.length)
      }
      case 'seq':
        return sequence(node.items, 0, position, next)
      case 'alt':
        for (const option of node.options) if (match(option, position, next)) return true
        return false
      case 'group': {
        if (node.capture === undefined) return match(node.body, position, next)
        const index = node.capture
        const saved = captures[index]
        const ok = match(node.body, position, (end) => {
          const previous = captures[index]
          captures[index] = [position, end]
          if (next(end)) return true
          captures[index] = previous
          return false
        })
        if (!ok) captures[index] = saved
        return ok
      }
      case 'look': {
        const saved = captures.slice()
        let found: boolean
        if (node.ahead) found = match(node.body, position, () => true)
        else {
          // Lookbehind: some start at or before `position` (no further back than the body can reach) whose match ends there.
          found = false
          const reach = width(node.body)
          for (let start = position; start >= 0 && start >= position - reach && !found; start--) {
            step()
            found = match(node.body, start, (end) => end === position)
          }
        }
        if (node.negate) captures = saved
        return found !== node.negate && next(position)
      }
      case 'repeat':
        return repeat(node, 0, position, -1, next)
      case 'backref': {
        const index = typeof node.index === 'number' ? node.index : names.get(node.index)!
        const span = captures[index]
        if (!span) return next(position)
        const text = input.slice(span[0], span[1])
        const here = input.slice(position, position + text.length)
        const same = ignoreCase ? here.toLowerCase() === text.toLowerCase() : here === text
        return same && next(position + text.length)
      }
      case 'assert': {
        if (node.kind === '^') return (position === 0 || (multiline && /[\n\r\u2028\u2029]/.test(input[position - 1]))) && next(position)
        if (node.kind === '$') return (position === input.length || (multiline && /[\n\r\u2028\u2029]/.test(input[position]))) && next(position)
        const boundary = isWord(before(position).slice(-1)) !== isWord(charAt(position).slice(0, 1))
        return (node.kind === '\\b' ? boundary : !boundary) && next(position)
      }
    }
  }

  function sequence(items: Node[], index: number, position: number, next: Next): boolean {
    if (index === items.length) return next(position)
    return match(items[index], position, (end) => sequence(items, index + 1, end, next))
  }

  function repeat(node: Extract<Node, {type: 'repeat'}>, count: number, position: number, last: number, next: Next): boolean {
    step()
    // A single-character body repeated greedily: count the run in a loop (no deep recursion), then back off.
    if (node.body.type === 'atom' && !node.lazy) {
      const ends: number[] = [position]
      let end = position
      let total = count
      while (total < node.max) {
        step()
        const char = charAt(end)
        if (char === '' || !node.body.test(char)) break
        end += char.length
        total++
        ends.push(end)
      }
      for (let taken = ends.length - 1; taken >= 0; taken--) {
        step()
        if (count + taken >= node.min && next(ends[taken])) return true
      }
      return false
    }
    const more = () =>
      count < node.max &&
      match(node.body, position, (end) => {
        // An iteration that matched nothing ends the loop (as JavaScript does).
        if (end === position && count >= node.min) return false
        return repeat(node, count + 1, end, position, next)
      })
    const done = () => count >= node.min && next(position)
    return node.lazy ? done() || more() : more() || done()
  }

  const sticky = flags.includes('y')
  const global = flags.includes('g')
  let from = 0
  while (from <= input.length) {
    let matchedEnd = -1
    let start = from
    for (; start <= input.length; start++) {
      captures = new Array(groups + 1)
      if (
        match(root, start, (end) => {
          matchedEnd = end
          return true
        })
      )
        break
      if (sticky) break
      if (unicode && /[\uD800-\uDBFF]/.test(input[start] ?? '') && /[\uDC00-\uDFFF]/.test(input[start + 1] ?? '')) start++
    }
    if (matchedEnd === -1 || !(global || sticky)) break
    from = matchedEnd > start ? matchedEnd : start + 1
  }
  return steps
}

/** Characters pathological inputs are made of: ASCII, accents, spaces of every kind, emoji, marks, RTL, CJK. */
export const CHARACTER_POOL = [
  ...'aAzZeé0123456789 \t\n\r.,;:!?…-–—_\'’"«»()[]{}<>@#%*|/\\+=&$€^~`',
  '\u00A0',
  '\u202F',
  '\u2028',
  '\u0301',
  'ß',
  'Ω',
  'ж',
  'م',
  'א',
  '中',
  '😀',
  '\u0000'
]

/** A family of inputs of any length `n`, made of long runs of what a pattern repeats. */
export interface Pathological {
  label: string
  make(n: number): string
}

export function pathologicalInputs(regex: RegExp): Pathological[] {
  const {repeated, literals} = parse(regex)
  const out = new Map<string, Pathological>()
  const add = (label: string, make: (n: number) => string) => {
    if (!out.has(label)) out.set(label, {label, make})
  }
  const show = (text: string) => JSON.stringify(text)
  const chars: string[] = []
  for (const {test} of repeated) {
    const fits = CHARACTER_POOL.filter((char) => test(char))
    const misfit = CHARACTER_POOL.find((char) => !test(char)) ?? '\u0000'
    for (const char of fits.slice(0, 3)) {
      chars.push(char)
      const run = (n: number) => char.repeat(Math.ceil(n / char.length))
      add(`${show(char)}×n`, run)
      add(`${show(char)}×n ${show(misfit)}`, (n) => run(n) + misfit)
      add(`${show(misfit)} ${show(char)}×n`, (n) => misfit + run(n))
      for (const prefix of literals.slice(0, 6)) {
        add(`${show(prefix)} ${show(char)}×n`, (n) => prefix + run(n))
        add(`(${show(prefix)} ${show(char)})×n`, (n) => (prefix + char).repeat(Math.ceil(n / (prefix.length + char.length))))
      }
    }
  }
  // Two repeated atoms in turn ("a a a", "{a{a{a").
  const distinct = [...new Set(chars)].slice(0, 6)
  for (const a of distinct) for (const b of distinct) if (a !== b) add(`(${show(a)} ${show(b)})×n`, (n) => (a + b).repeat(Math.ceil(n / (a.length + b.length))))
  return [...out.values()]
}
