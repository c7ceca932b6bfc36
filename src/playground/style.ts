/**
 * The playground's own styles, over the HTML report's stylesheet (its colours, highlights,
 * severities, gauge and tooltip: the same in both pages). Every text/background pair is at least
 * 4.5:1 in the light and the dark scheme (checked in test/browser/playground.test.ts); the page works
 * from 360 px wide.
 */
const css = String.raw`
.pg-top{display:flex;justify-content:space-between;align-items:flex-start;gap:1rem;flex-wrap:wrap}
.pg-top>div{flex:1 1 18rem;min-width:0}
.pg{display:grid;grid-template-columns:minmax(0,1fr) minmax(16rem,27rem);gap:1.25rem;align-items:start;margin-top:1.25rem}
.pg .rules{grid-column:1/-1}
.pg section{margin:0}
@media (max-width:62rem){.pg{grid-template-columns:1fr}}
.btn{font:inherit;font-size:.95rem;color:var(--fg);background:var(--panel);border:1.5px solid var(--muted);border-radius:8px;padding:.35em .85em;cursor:pointer;min-height:2.6rem}
.btn:hover{border-color:var(--fg)}
.btn.primary{background:var(--accent);color:var(--bg);border-color:var(--accent);font-weight:650}
.btn.small{font-size:.85rem;padding:.15em .6em;min-height:2.2rem;margin:.25em .3em .1em 0}
.controls{display:flex;flex-wrap:wrap;gap:.6rem 1.5rem;margin-bottom:.8rem}
.control{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem}
.control label{font-weight:650}
select{font:inherit;font-size:.95rem;color:var(--fg);background:var(--bg);border:1.5px solid var(--muted);border-radius:8px;padding:.3em .5em;min-height:2.6rem;max-width:100%}
.hint{color:var(--muted);font-size:.9rem;margin:.3em 0}
.editor h2{font-size:1.2rem;margin:.2rem 0 0}
.field{display:grid;margin-top:.5rem;border:1.5px solid var(--muted);border-radius:8px;background:var(--panel)}
.field:focus-within{outline:3px solid var(--ring);outline-offset:2px}
.field>.layer,.field>textarea{grid-area:1/1;margin:0;border:0;padding:.9rem 1rem;font:inherit;font-size:1.05rem;line-height:1.85;letter-spacing:normal;word-spacing:normal;white-space:pre-wrap;overflow-wrap:anywhere;word-break:normal;tab-size:8;min-height:14rem;min-width:0}
.field>.layer{color:transparent;overflow:hidden;pointer-events:none}
.field>.layer .hl{color:transparent;cursor:text}
.field>.layer .hl.pin{position:relative}
.field>.layer .hl.pin::before{position:absolute;left:-.3em;top:-.9em;padding:0}
.field>textarea{background:transparent;color:var(--fg);caret-color:var(--fg);resize:none;overflow:hidden;outline:none;width:100%}
.field>textarea::placeholder{color:var(--muted);opacity:1}
.at-cursor{min-height:1.5em;font-size:.95rem;margin:.5rem 0}
.at-cursor .cursor-finding{display:block}
.at-cursor .rule{margin-left:.3em}
.toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:.6rem}
.results .fix{margin-top:.4rem}
.results h3{margin-top:.6rem}
.finding .actions{display:block;margin-top:.1em}
.finding .try{display:block}
a.rule{color:var(--muted)}
a.rule:hover{color:var(--fg)}
.settings{margin-top:1rem;border-top:1px solid var(--line);padding-top:.6rem}
.settings ul{margin:.2em 0;padding-left:1.2em}
.rule-doc{border-top:1px solid var(--line);padding:.5rem 0;margin:0}
.rule-doc summary{font-weight:400}
.rule-doc summary .rule{font-size:.9em;color:var(--fg)}
.example-pair{display:flex;flex-wrap:wrap;gap:0 1.5rem}.example-pair .examples{flex:1 1 16rem;min-width:0}
.rule-doc h4{margin:.6em 0 .2em}
.ex-title{font-weight:650;margin:.4em 0 .1em;font-size:.9rem}
.ex{margin:0;padding-left:1.2em;font-size:.95rem}
.ex.bad li::marker{content:"\2717  ";color:var(--error)}
.ex.good li::marker{content:"\2713  ";color:var(--grade-good)}
.tip .finding{margin:0}
@media (max-width:30rem){html{font-size:16px}.card{padding:.8rem .8rem}.top,main{padding:0 .6rem}.gauge{width:7.5rem}.field>.layer,.field>textarea{padding:.7rem .7rem}}
`

export const PLAYGROUND_STYLE = css.replace(/\n/g, '').trim()
