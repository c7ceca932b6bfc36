import {Chalk} from 'chalk'
import {describe, expect, it} from 'vitest'
import {rules} from '../../rules/index.js'
import {markedPieces, wrapPieces, wrapText} from '../../src/reporters/terminal.js'
import {runCli} from '../helpers.js'

const plain = new Chalk({level: 0})
const colour = new Chalk({level: 1})
const ansi = /\u001b\[[0-9;]*m/g
const visible = (line: string) => [...line.replace(ansi, '')].length

describe('wrapPieces', () => {
  const texts = [
    'Short.',
    'A sentence long enough to need two or three lines when the terminal is only thirty columns wide.',
    'Line one\n\nLine three after a blank one, which is long enough to wrap once or twice.',
    'Averyveryveryverylongwordwithoutanyspaceatallthatmustbecut and then words.',
    '   indented start kept, trailing spaces dropped   '
  ]
  for (const text of texts) {
    it(JSON.stringify(text.slice(0, 30)), () => {
      const lines = wrapPieces([{text}], 30, '> ', '  ')
      for (const line of lines) expect(visible(line)).toBeLessThanOrEqual(30)
      // Nothing is lost: the words come back in order.
      expect(lines.map((line) => line.slice(2)).join(' ').split(/\s+/).join('')).toBe(text.split(/\s+/).join(''))
    })
  }

  it('styles after wrapping: escape codes do not count as width', () => {
    const lines = wrapPieces([{text: 'plain words then '}, {text: 'coloured words that wrap', style: colour.red}], 20)
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(visible(line)).toBeLessThanOrEqual(20)
    expect(lines.join('\n')).toContain('\u001b[31m')
  })

  it('keeps blank lines', () => {
    expect(wrapText('a\n\nb', 40)).toBe('a\n\nb')
  })
})

describe('markedPieces', () => {
  const text = 'I am sure empathy matters.'
  const findings = [
    {rule: 'self-centred-opening', offset: 0, endOffset: 4},
    {rule: 'buzzword-overuse', offset: 10, endOffset: 17}
  ]
  it('brackets and numbers findings without colour', () => {
    expect(markedPieces(text, findings, plain).map((piece) => piece.text).join('')).toBe('[I am][1] sure [empathy][2] matters.')
  })
  it('underlines them in colour, numbered', () => {
    const out = markedPieces(text, findings, colour)
      .map((piece) => (piece.style ? piece.style(piece.text) : piece.text))
      .join('')
    expect(out.replace(ansi, '')).toBe('I am[1] sure empathy[2] matters.')
    expect(out).toContain('\u001b[4m')
  })
  it('nests overlapping findings', () => {
    const overlapping = [
      {rule: 'readability', offset: 0, endOffset: 26},
      {rule: 'buzzword-overuse', offset: 10, endOffset: 17}
    ]
    expect(markedPieces(text, overlapping, plain).map((piece) => piece.text).join('')).toBe('[I am sure [empathy][2] matters.][1]')
  })
})

describe('cluelint rules and explain', () => {
  it('aligns the rule list and wraps it to the terminal width', async () => {
    const run = await runCli(['rules', '--no-color'])
    expect(run.code).toBe(0)
    const lines = run.stdout.trimEnd().split('\n')
    for (const line of lines) expect(visible(line)).toBeLessThanOrEqual(80)
    const summaryColumn = lines[0].indexOf('SUMMARY')
    for (const rule of rules) {
      const line = lines.find((candidate) => candidate.startsWith(rule.id + ' '))!
      expect(line, rule.id).toBeDefined()
      expect(line.slice(summaryColumn)).toBe(rule.summary.slice(0, line.length - summaryColumn))
    }
  })

  it('colours ids by family and severities when asked', async () => {
    const run = await runCli(['rules'], {env: {FORCE_COLOR: '1'}})
    expect(run.stdout).toMatch(/\u001b\[3\dm/)
  })

  it('explains a rule wrapped, with the words it fires on marked in each bad example', async () => {
    const rule = rules.find((candidate) => candidate.id === 'unfilled-merge-field')!
    const run = await runCli(['explain', rule.id, '--no-color'])
    expect(run.code).toBe(0)
    for (const line of run.stdout.split('\n')) expect(visible(line)).toBeLessThanOrEqual(80)
    expect(run.stdout).toContain('Why')
    expect(run.stdout).toContain('English')
    expect(run.stdout).toContain('Français')
    expect(run.stdout).toContain('[{{first_name}}]')
    // Every bad example has at least one marked span.
    const bads = run.stdout.split('\n').filter((line) => line.includes('✖ bad'))
    expect(bads.length).toBe(rule.examples.en.bad.length + rule.examples.fr.bad.length)
  })
})
