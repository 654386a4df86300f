/** The console's one stylesheet, served from the hub at `/console/console.css` (the page's policy allows no inline style). */
export const CONSOLE_CSS = `
:root { color-scheme: light dark; --line: #8884; --muted: #777; --bad: #c0392b; --good: #1e8449; --warn: #b9770e; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; }
header { display: flex; gap: 1.2rem; align-items: center; padding: .6rem 1.2rem; border-bottom: 1px solid var(--line); flex-wrap: wrap; }
header .who { margin-left: auto; color: var(--muted); }
header form { display: inline; }
main { padding: 1rem 1.2rem; max-width: 84rem; }
h1 { font-size: 1.3rem; margin: .2rem 0 1rem; }
h2 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
dl.answers { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
dl.answers dt { font-weight: 600; }
dl.answers dd { margin: 0; }
pre { background: #8881; padding: .6rem; overflow: auto; max-height: 28rem; }
textarea { width: 100%; min-height: 16rem; font: 13px/1.4 ui-monospace, monospace; }
input[type=text], input[type=password], select { padding: .25rem .4rem; }
button { padding: .3rem .8rem; cursor: pointer; }
form.inline { display: inline-flex; gap: .4rem; align-items: center; margin-right: 1rem; }
form.filters { display: flex; gap: .6rem; flex-wrap: wrap; align-items: end; margin-bottom: 1rem; }
form.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
.bad { color: var(--bad); } .good { color: var(--good); } .warn { color: var(--warn); } .muted { color: var(--muted); }
.notice { padding: .5rem .8rem; border: 1px solid var(--line); margin-bottom: 1rem; }
.notice.bad { border-color: var(--bad); }
.diff-del { color: var(--bad); } .diff-add { color: var(--good); }
svg.spark { vertical-align: middle; }
svg.spark polyline { fill: none; stroke: currentColor; stroke-width: 1.5; }
.signin { max-width: 24rem; margin: 4rem auto; }
.signin input { width: 100%; margin: .4rem 0 .8rem; }
`;
