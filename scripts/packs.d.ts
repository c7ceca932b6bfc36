export function packIndex(folder?: string): string
