import {buildCorpus} from './corpus.js'
import * as cluelint from '../dist/index.js'
const corpus = buildCorpus()
const lint = (d) => cluelint.lintText(d.text)
for (const d of corpus.mixed1k.slice(0, 300)) lint(d)
const times = []
for (let i = 0; i < 5; i++) { const s = process.cpuUsage(); const w = performance.now(); for (const d of corpus.mixed1k) lint(d); const u = process.cpuUsage(s); times.push([(u.user + u.system) / 1000, performance.now() - w]) }
times.sort((a, b) => a[0] - b[0])
console.log(JSON.stringify({cpu: times[2][0].toFixed(0), wall: times[2][1].toFixed(0)}))
