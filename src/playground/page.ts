import {createHash} from 'node:crypto'
import {escapeHtml} from '../reporters/html/highlight.js'
import {STYLE} from '../reporters/html/style.js'
import type {PlaygroundSettings} from './settings.js'
import {PLAYGROUND_STYLE} from './style.js'

/**
 * The playground page: the browser bundle (dist/playground.js) and the settings
 * baked in at generation, inlined in one HTML file. Its Content-Security-Policy
 * allows that one script (by hash) and inline styles, nothing else: no fetch,
 * no image, no font, no form, from anywhere.
 */
export function playgroundPage(script: string, settings: PlaygroundSettings): string {
  // An inline script ends at the first `</script`; esbuild escapes it in strings, this checks it did.
  if (/<\/script/i.test(script)) throw new Error('the playground bundle contains "</script": it cannot be inlined')
  const hash = createHash('sha256').update(script).digest('base64')
  // JSON in a data block: `<` escaped so that no text of a config can close the element.
  const data = JSON.stringify(settings).replace(/</g, '\\u003c')
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">` +
    `<meta name="generator" content="cluelint ${escapeHtml(settings.version)}"><title>cluelint</title>` +
    `<style>${STYLE}${PLAYGROUND_STYLE}</style></head>` +
    `<body><div id="app"><noscript><p>This page needs JavaScript: it checks the draft in the browser, without sending it anywhere. ` +
    `/ Cette page a besoin de JavaScript : elle vérifie le brouillon dans le navigateur, sans rien envoyer.</p></noscript></div>` +
    `<script type="application/json" id="cluelint-settings">${data}</script>` +
    `<script>${script}</script></body></html>\n`
  )
}
