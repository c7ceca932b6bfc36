import type {Finding, Grade, Severity} from './types.js'

/**
 * The score model, in a trainer's words: every draft starts at 100. Each
 * finding costs its rule's weight (how much that habit hurts a reply), in
 * full for an error, 60% for a warning and 20% for a note. The same rule
 * firing again costs half as much as the time before, so one bad habit
 * cannot sink a draft alone, but several different habits do.
 */
export const SEVERITY_FACTOR: Record<Severity, number> = {error: 1, warning: 0.6, info: 0.2}
export const REPEAT_DECAY = 0.5

export function scoreFindings(findings: readonly Pick<Finding, 'rule' | 'severity'>[], weights: ReadonlyMap<string, number>): number {
  let penalty = 0
  for (const {cost} of findingCosts(findings, weights)) penalty += cost
  return Math.max(0, Math.min(100, Math.round(100 - penalty)))
}

export function grade(score: number): Grade {
  if (score >= 90) return 'A'
  if (score >= 80) return 'B'
  if (score >= 70) return 'C'
  if (score >= 60) return 'D'
  return 'F'
}

/**
 * The cost of each finding, in the order the model charges it: heaviest
 * severities first, so the decay applies to a rule's lighter repeats.
 */
export function findingCosts<T extends Pick<Finding, 'rule' | 'severity'>>(findings: readonly T[], weights: ReadonlyMap<string, number>): Array<{finding: T; cost: number}> {
  const seen = new Map<string, number>()
  const ordered = [...findings].sort((a, b) => SEVERITY_FACTOR[b.severity] - SEVERITY_FACTOR[a.severity])
  return ordered.map((finding) => {
    const count = seen.get(finding.rule) ?? 0
    seen.set(finding.rule, count + 1)
    return {finding, cost: (weights.get(finding.rule) ?? 10) * SEVERITY_FACTOR[finding.severity] * REPEAT_DECAY ** count}
  })
}

/**
 * The findings that cost the most points, heaviest first: what to fix first.
 * The same words are never listed twice: a finding whose excerpt (case and
 * spacing aside) an earlier one already names ("empathy" four times, one
 * sentence reported by two rules) is left for the full list.
 */
export function fixFirst<T extends Pick<Finding, 'rule' | 'severity'> & {excerpt?: string}>(findings: readonly T[], weights: ReadonlyMap<string, number>, count = 3): T[] {
  const listed = new Set<string>()
  const out: T[] = []
  for (const {finding} of findingCosts(findings, weights).sort((a, b) => b.cost - a.cost)) {
    if (out.length >= count) break
    const words = finding.excerpt?.toLowerCase().replace(/\s+/g, ' ').trim()
    if (words) {
      if (listed.has(words)) continue
      listed.add(words)
    }
    out.push(finding)
  }
  return out
}

/** Every finding, costliest first (the order the HTML report lists them in). */
export function byCost<T extends Pick<Finding, 'rule' | 'severity'>>(findings: readonly T[], weights: ReadonlyMap<string, number>): T[] {
  return findingCosts(findings, weights)
    .sort((a, b) => b.cost - a.cost)
    .map((item) => item.finding)
}
