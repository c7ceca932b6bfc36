/**
 * The report's stylesheet, inlined in every page (no external assets).
 * Colours are custom properties with a light and a dark set, picked by the
 * system's colour scheme; every text/background pair used here is at least
 * 4.5:1 (WCAG AA), checked in test/browser. Sizes are large enough to read
 * on a projector from the back of a room.
 *
 * Rule families carry a colour AND an underline style (wavy, double,
 * dashed, solid, dotted), so they never rely on colour alone.
 */
const css = String.raw`
:root{color-scheme:light dark;
--bg:#ffffff;--fg:#1b1f24;--muted:#4e5661;--line:#d0d7de;--panel:#f5f7fa;--accent:#0b57d0;--ring:#0b57d0;
--tip-bg:#1b1f24;--tip-fg:#ffffff;--tip-muted:#c9d1d9;
--personalization:#b3123a;--personalization-bg:#ffdbe2;
--courtesy:#8a5300;--courtesy-bg:#ffe9b0;
--focus:#5b3cc4;--focus-bg:#e4ddff;
--wording:#00705a;--wording-bg:#c9f2e7;
--form:#1d5fa8;--form-bg:#d6e6f8;
--other:#57606a;--other-bg:#e6e9ed;
--error:#b3123a;--warning:#8a5300;--info:#1d5fa8;
--grade-good:#1a7f37;--grade-mid:#8a5300;--grade-bad:#c4122f;--track:#e3e7ec}
@media (prefers-color-scheme:dark){:root{
--bg:#111418;--fg:#e8ecf0;--muted:#a9b3be;--line:#3a424c;--panel:#1a1f25;--accent:#8ab4ff;--ring:#8ab4ff;
--tip-bg:#f1f4f7;--tip-fg:#111418;--tip-muted:#3d444d;
--personalization:#ff8fa6;--personalization-bg:#5a1527;
--courtesy:#ffc861;--courtesy-bg:#4f3a00;
--focus:#b9a8ff;--focus-bg:#352766;
--wording:#5fdcbc;--wording-bg:#0c4438;
--form:#8cc2ff;--form-bg:#173658;
--other:#b7c0ca;--other-bg:#333a43;
--error:#ff8fa6;--warning:#ffc861;--info:#8cc2ff;
--grade-good:#56d364;--grade-mid:#ffc861;--grade-bad:#ff8f8f;--track:#2c333b}}
*{box-sizing:border-box}
html{font-size:clamp(17px,0.6vw + 13px,24px);-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--ring);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5em 1em;z-index:20}
.skip:focus{left:1em}
.sr{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.top,main{max-width:78rem;margin:0 auto;padding:0 1.25rem}
.top{padding-top:1.5rem}
h1{font-size:1.9rem;margin:0 0 .2em;line-height:1.2}
h2{font-size:1.45rem;margin:0;line-height:1.25;overflow-wrap:anywhere}
h3{font-size:1.05rem;margin:0 0 .4em}
.meta,.sub{color:var(--muted);margin:.2em 0 0}
section{margin:1.5rem 0}
.card{border:1px solid var(--line);border-radius:12px;padding:1.1rem 1.25rem;background:var(--bg)}
.legend{display:flex;flex-wrap:wrap;gap:.4em 1.2em;padding:0;margin:.8rem 0 0;list-style:none;color:var(--muted);font-size:.9rem}
.legend li{display:flex;align-items:center;gap:.4em}
.legend .hl{cursor:default;padding:0 .25em}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1.25rem}
figure{margin:0}
figcaption{font-weight:650;margin-bottom:.6em}
.histogram{display:flex;align-items:flex-end;gap:.35rem;height:10rem;margin:0 0 2.4em;padding:0;list-style:none;border-bottom:2px solid var(--line)}
.histogram li{flex:1;height:100%;display:flex;flex-direction:column;justify-content:flex-end;align-items:center;position:relative}
.histogram .bar{width:100%;border-radius:4px 4px 0 0;background:var(--c)}
.histogram .n{font-weight:650;font-variant-numeric:tabular-nums;font-size:.9rem}
.histogram .x{position:absolute;top:100%;margin-top:.35em;font-size:.72rem;color:var(--muted);white-space:nowrap}
.hbars{margin:0;padding:0;list-style:none;display:grid;gap:.45rem}
.hbars li{display:grid;grid-template-columns:minmax(9rem,14rem) 1fr 2.5rem;align-items:center;gap:.6rem}
.hbars .label{font-size:.9rem;overflow-wrap:anywhere}
.hbars .track{background:var(--track);border-radius:4px;height:1.1rem}
.hbars .bar{display:block;height:100%;border-radius:4px;background:var(--c);min-width:3px}
.hbars .n{font-weight:650;font-variant-numeric:tabular-nums;text-align:right}
.g-good{--c:var(--grade-good)}.g-mid{--c:var(--grade-mid)}.g-bad{--c:var(--grade-bad)}
.f-personalization{--c:var(--personalization)}.f-courtesy{--c:var(--courtesy)}.f-focus{--c:var(--focus)}.f-wording{--c:var(--wording)}.f-form{--c:var(--form)}.f-other{--c:var(--other)}
.empty{color:var(--muted);font-style:italic}
table{border-collapse:collapse;width:100%;margin-top:1.25rem;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:650;margin-bottom:.4em}
caption span{font-weight:400;color:var(--muted)}
th,td{text-align:left;padding:.45em .6em;border-bottom:1px solid var(--line)}
th{font-weight:650;white-space:nowrap}
td.num,th.num{text-align:right}
th button{font:inherit;color:inherit;background:none;border:0;padding:.1em .2em;cursor:pointer;border-radius:4px}
th button:hover{text-decoration:underline}
th button::after{content:"\2195";color:var(--muted);margin-left:.35em;font-size:.85em}
th[aria-sort=ascending] button::after{content:"\25B2";color:var(--fg)}
th[aria-sort=descending] button::after{content:"\25BC";color:var(--fg)}
tbody tr:hover{background:var(--panel)}
.pill{display:inline-block;min-width:4.2em;padding:0 .5em;border-radius:999px;font-weight:700;color:var(--c);border:2px solid var(--c)}
.draft-head{display:flex;justify-content:space-between;align-items:flex-start;gap:1rem;flex-wrap:wrap}
.draft-head>div{min-width:0;flex:1 1 20rem}
.gauge{width:9.5rem;height:auto;flex:none}
.gauge .track{stroke:var(--track)}
.gauge .value{stroke:var(--c)}
.gauge use{fill:none;stroke-width:12}
.gauge .num{font-size:30px;font-weight:750;fill:var(--fg);text-anchor:middle}
.gauge .grade{font-size:15px;font-weight:700;fill:var(--c);text-anchor:middle}
.draft-body{display:grid;grid-template-columns:minmax(0,1fr) minmax(14rem,26rem);gap:1.5rem;margin-top:1rem;align-items:start}
@media (max-width:60rem){.draft-body{grid-template-columns:1fr}}
.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.85;font-size:1.08rem;background:var(--panel);border-radius:8px;padding:1rem 1.2rem;margin:0}
.nosource{color:var(--muted);font-style:italic}
.hl{color:inherit;background:var(--hb,transparent);text-decoration-line:underline;text-decoration-thickness:.14em;text-underline-offset:.22em;text-decoration-color:var(--hu);text-decoration-style:var(--hs,solid);text-decoration-skip-ink:none;border-radius:3px;padding:.08em 0;cursor:help;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.hl.active{box-shadow:0 0 0 2px var(--hu)}
.hl:focus-visible{outline:3px solid var(--ring);outline-offset:3px}
.hl.pin::before{content:"\25BE";color:var(--hu);font-weight:700;padding:0 .1em}
.b-personalization{--hb:var(--personalization-bg)}.b-courtesy{--hb:var(--courtesy-bg)}.b-focus{--hb:var(--focus-bg)}.b-wording{--hb:var(--wording-bg)}.b-form{--hb:var(--form-bg)}.b-other{--hb:var(--other-bg)}
.u-personalization{--hu:var(--personalization);--hs:wavy}.u-courtesy{--hu:var(--courtesy);--hs:double}.u-focus{--hu:var(--focus);--hs:dashed}.u-wording{--hu:var(--wording);--hs:solid}.u-form{--hu:var(--form);--hs:dotted}.u-other{--hu:var(--other);--hs:solid}
.fix ol,.findings{margin:0;padding-left:1.4em}
.fix li,.findings li{margin:.35em 0}
.fix{font-size:.95rem}
.fix .goto{color:inherit;text-decoration:none}
.fix .goto:hover .msg{text-decoration:underline}
.fix details{margin-top:.6rem}
.pair-cols .draft-head>div{flex-basis:10rem}
.pair-cols .gauge{width:7.5rem}
h2 .sub{font-size:.7em;font-weight:400}
.sev{display:inline-block;font-size:.72rem;font-weight:750;text-transform:uppercase;letter-spacing:.04em;color:var(--s);border:1.5px solid var(--s);border-radius:4px;padding:0 .3em;margin-right:.35em;vertical-align:.1em}
.sev-error{--s:var(--error)}.sev-warning{--s:var(--warning)}.sev-info{--s:var(--info)}
.rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8em;color:var(--muted);white-space:nowrap}
.rule::before{content:"";display:inline-block;width:.7em;height:.7em;border-radius:50%;background:var(--c);margin-right:.3em;vertical-align:.05em}
.pos{color:var(--muted);font-size:.8em;font-variant-numeric:tabular-nums;white-space:nowrap}
.msg code,.tip code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em;background:var(--track);border-radius:3px;padding:0 .2em}
.try{color:var(--muted);font-size:.9em}
.clean{color:var(--grade-good);font-weight:650}
details{margin-top:1rem}
summary{cursor:pointer;font-weight:650}
.tip{position:absolute;z-index:10;max-width:min(34rem,92vw);background:var(--tip-bg);color:var(--tip-fg);border-radius:8px;padding:.55em .8em;box-shadow:0 6px 24px rgb(0 0 0/.35);font-size:.95rem;line-height:1.45;pointer-events:none}
.tip[hidden]{display:none}
.tip>div+div{border-top:1px solid var(--tip-muted);margin-top:.45em;padding-top:.45em}
.tip .rule,.tip .pos,.tip .try{color:var(--tip-muted)}
.tip .sev{--s:var(--tip-fg)}
.tip code{background:transparent;border:1px solid var(--tip-muted)}
.pair-cols{display:grid;grid-template-columns:1fr 1fr;gap:1.25rem;margin-top:1rem}
@media (max-width:70rem){.pair-cols{grid-template-columns:1fr}}
.pair-cols .draft-body{grid-template-columns:1fr}
.pair-cols h3{font-size:1.15rem}
.delta{font-size:1.2rem;font-weight:700;margin:.6rem 0 0}
.why{max-width:60rem}
.toc{columns:2 18rem;padding-left:1.4em}
.prompt{color:var(--muted)}
footer{max-width:78rem;margin:2rem auto;padding:0 1.25rem;color:var(--muted);font-size:.85rem}
@media print{.tip,.skip{display:none}.card{break-inside:avoid}details{display:block}}
`

/** Minified a little: indentation and line breaks carry no meaning in this stylesheet. */
export const STYLE = css.replace(/\n/g, '').trim()
