import {describe, expect, it} from 'vitest'
import {byCost, fixFirst, grade, scoreFindings} from '../src/score.js'
import type {Severity} from '../src/types.js'

const weights = new Map([
  ['heavy', 40],
  ['light', 10]
])
const f = (rule: string, severity: Severity) => ({rule, severity})

describe('score', () => {
  const table: Array<[string, Array<{rule: string; severity: Severity}>, number]> = [
    ['nothing to say', [], 100],
    ['one error costs the full weight', [f('heavy', 'error')], 60],
    ['a warning costs 60%', [f('heavy', 'warning')], 76],
    ['a note costs 20%', [f('light', 'info')], 98],
    ['a repeat costs half the one before', [f('light', 'error'), f('light', 'error'), f('light', 'error')], 83],
    ['different rules add up', [f('heavy', 'error'), f('light', 'error')], 50],
    ['the heaviest severity is charged first', [f('light', 'info'), f('light', 'error')], 89],
    ['unknown rules weigh 10', [f('other', 'error')], 90],
    ['never below 0', [f('heavy', 'error'), f('heavy', 'error'), f('heavy', 'error'), f('light', 'error'), f('other', 'error'), f('x', 'error')], 0]
  ]
  for (const [name, findings, expected] of table) it(name, () => expect(scoreFindings(findings, weights)).toBe(expected))

  it('grades per SPEC', () => {
    expect([100, 90, 89, 80, 79, 70, 69, 60, 59, 0].map(grade)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'F', 'F'])
  })

  it('fix first: the three findings that cost the most', () => {
    const findings = [f('light', 'info'), f('light', 'error'), f('heavy', 'warning'), f('light', 'error'), f('heavy', 'error')]
    expect(fixFirst(findings, weights)).toEqual([f('heavy', 'error'), f('heavy', 'warning'), f('light', 'error')])
  })

  it('fix first never lists the same words twice', () => {
    const at = (rule: string, severity: Severity, excerpt: string) => ({rule, severity, excerpt})
    const findings = [
      at('heavy', 'error', 'empathy'),
      at('heavy', 'error', 'Empathy'),
      at('heavy', 'error', 'empathy'),
      at('heavy', 'error', 'EMPATHY'),
      at('light', 'warning', 'Can we talk?'),
      at('heavy', 'warning', 'can  we talk?'),
      at('light', 'info', 'synergy')
    ]
    expect(fixFirst(findings, weights)).toEqual([at('heavy', 'error', 'empathy'), at('light', 'warning', 'Can we talk?'), at('light', 'info', 'synergy')])
    // Every finding stays in the full list, costliest first.
    expect(byCost(findings, weights)).toHaveLength(findings.length)
  })
})
