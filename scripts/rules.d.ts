export function ruleIndex(folder?: string): string
