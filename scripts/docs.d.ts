import type {Rule} from '../src/rule.js'

export function ruleReadme(rule: Rule<any, any>): string
export function readmes(): Array<{rule: string; path: string; text: string}>
export function ruleExamples(id: string): Record<string, {bad: Array<{text: string; findings: Array<Record<string, unknown>>}>; good: string[]}>
