/**
 * The review page (`briefing extract FILE -f html`): one self-contained page
 * that works offline — inline CSS and script, no CDN, no web fonts — showing the
 * source text exactly as read, each record a block, every extracted value
 * highlighted where it was printed, with its normalised value on hover or
 * focus, one toggle per type, a table of values per record cross-linked to the
 * text, and the flags a reviewer checks first: years inferred or unknown,
 * warnings. Keys: j / k next and previous record, w next warning.
 *
 * All text is escaped; the Document's data rides in a
 * `<script type="application/json">` block with `<`, `>`, `&` and the line
 * separators escaped, so no text from a briefing can open a tag.
 */
import type { Document, Record as BriefingRecord } from '../schema/index.js';

export const HIGHLIGHT_TYPES = ['date', 'person', 'party', 'agreement', 'institution', 'source'] as const;
export type HighlightType = (typeof HIGHLIGHT_TYPES)[number];

const TYPE_NAMES: { [T in HighlightType]: string } = {
  date: '日期 dates',
  person: '人物 people',
  party: '合作方 parties',
  agreement: '协议 agreements',
  institution: '机构 institutions',
  source: '来源 source',
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** JSON safe inside a script element: nothing in it can close the element or start a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

interface Mark {
  id: string;
  type: HighlightType;
  start: number;
  end: number;
  /** Extra classes: a party's type, a date's year certainty. */
  cls: string;
}

/** A value's entry in the page's data: what the tooltip and the table show. */
interface ValueInfo {
  type: HighlightType;
  record: number;
  text: string;
  detail: string;
  via?: string;
  span: [number, number];
  flag?: string;
}

function recordValues(r: BriefingRecord, source: string, marks: Mark[], values: { [id: string]: ValueInfo }) {
  const add = (id: string, type: HighlightType, span: [number, number], text: string, detail: string, cls = '', extra: Partial<ValueInfo> = {}) => {
    marks.push({ id, type, start: span[0], end: span[1], cls });
    values[id] = { type, record: r.index, text, detail, span, ...extra };
  };
  r.dates.forEach((d, k) => {
    const range = d.start === d.end ? d.start : `${d.start} – ${d.end}`;
    const flag = d.year === 'explicit' ? undefined : d.year === 'inferred' ? '年份推断 year inferred' : '年份不明 year unknown';
    add(`r${r.index}-d${k + 1}`, 'date', d.span, d.text, `${range} · year ${d.year}`, `yr-${d.year}`, flag ? { flag } : {});
  });
  r.people.forEach((p, k) => add(`r${r.index}-p${k + 1}`, 'person', p.span, p.name, p.title ? `title: ${p.title}` : 'no title', '', { via: p.via }));
  r.parties.forEach((p, k) => add(`r${r.index}-o${k + 1}`, 'party', p.span, p.name, `type: ${p.type}`, `pt-${p.type}`, { via: p.via }));
  r.agreements.forEach((a, k) => add(`r${r.index}-a${k + 1}`, 'agreement', a.span, a.text, `kind: ${a.kind}`));
  r.institutions.forEach((i, k) => add(`r${r.index}-i${k + 1}`, 'institution', i.span, i.name, 'founded, co-built or unveiled'));
  if (r.source) {
    const at = source.lastIndexOf(r.source, r.span[1]);
    if (at >= r.span[0]) add(`r${r.index}-s`, 'source', [at, at + r.source.length], r.source, 'credited source');
  }
}

/** The source with records as blocks and marks nested as spans; overlapping marks are split at every boundary. */
function renderText(source: string, doc: Document, marks: Mark[], values: { [id: string]: ValueInfo }): string {
  const bounds = new Set<number>([0, source.length]);
  for (const m of marks) {
    bounds.add(m.start);
    bounds.add(m.end);
  }
  for (const r of doc.records) {
    bounds.add(r.span[0]);
    bounds.add(r.span[1]);
  }
  const warningsAt = new Map<number, number[]>();
  doc.warnings.forEach((w, k) => {
    bounds.add(w.span[0]);
    warningsAt.set(w.span[0], [...(warningsAt.get(w.span[0]) ?? []), k + 1]);
  });
  const points = [...bounds].filter((b) => b >= 0 && b <= source.length).sort((a, b) => a - b);
  const starts = new Map<number, BriefingRecord>();
  const ends = new Set<number>();
  for (const r of doc.records) {
    starts.set(r.span[0], r);
    ends.add(r.span[1]);
  }
  const ordered = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const seen = new Set<string>();
  let out = '';
  let inRecord = false;
  for (let k = 0; k < points.length; k++) {
    const at = points[k]!;
    if (inRecord && ends.has(at)) {
      out += '</section>';
      inRecord = false;
    }
    for (const w of warningsAt.get(at) ?? []) out += `<a class="warn-mark" id="w${w}" href="#wl${w}" title="warning ${w}">⚠</a>`;
    const r = starts.get(at);
    if (r && !inRecord) {
      out += `<section class="record" id="r${r.index}" data-record="${r.index}"><span class="badge">#${r.index} · ${esc(r.section)}</span>`;
      inRecord = true;
    }
    const next = points[k + 1];
    if (next === undefined || next <= at) continue;
    let piece = esc(source.slice(at, next));
    const active = ordered.filter((m) => m.start <= at && m.end >= next);
    for (let i = active.length - 1; i >= 0; i--) {
      const m = active[i]!;
      const first = !seen.has(m.id);
      seen.add(m.id);
      void values;
      piece = `<span class="hl hl-${m.type}${m.cls ? ' ' + m.cls : ''}" data-v="${esc(m.id)}" tabindex="0"${first ? ` id="v-${esc(m.id)}"` : ''}>${piece}</span>`;
    }
    out += piece;
  }
  if (inRecord) out += '</section>';
  return out;
}

function recordTable(r: BriefingRecord, values: { [id: string]: ValueInfo }): string {
  const rows = Object.entries(values)
    .filter(([, v]) => v.record === r.index)
    .sort(([, a], [, b]) => a.span[0] - b.span[0])
    .map(
      ([id, v]) =>
        `<tr id="row-${esc(id)}" class="row-${v.type}${v.flag ? ' flagged' : ''}"><td>${esc(v.type)}</td><td><a href="#v-${esc(id)}">${esc(v.text)}</a></td><td>${esc(v.detail)}${v.flag ? ` <b class="flag">${esc(v.flag)}</b>` : ''}</td><td>${esc(v.via ?? '')}</td><td class="span">[${v.span[0]}, ${v.span[1]})</td></tr>`,
    );
  return `<details open id="t${r.index}"><summary><a href="#r${r.index}">#${r.index}</a> ${esc(r.title ?? r.text.slice(0, 24))} <small>${esc(r.section)} · ${r.date ? esc(r.date.start) : 'no date'}</small></summary><table><thead><tr><th>type</th><th>value</th><th>normalised</th><th>via</th><th>span</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
}

const STYLE = `
:root{--fg:#1d1d1f;--muted:#6b6b70;--line:#d8d8dc;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif;color:var(--fg)}
body{margin:0;line-height:1.7}
header{padding:12px 20px;border-bottom:1px solid var(--line);background:#fafafa}
header h1{font-size:18px;margin:0 0 4px}
header dl{display:grid;grid-template-columns:max-content 1fr;gap:0 12px;margin:6px 0;font-size:14px}
header dt{color:var(--muted)}
.warnings{margin:6px 0;padding-left:20px;color:#a61b1b;font-size:14px}
.toggles{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:6px 20px;font-size:14px}
.toggles label{margin-right:14px;white-space:nowrap;cursor:pointer}
.keys{color:var(--muted);margin-left:8px}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:20px;padding:12px 20px}
.src{white-space:pre-wrap;word-break:break-word;font-size:15px;margin:0}
.record{display:block;border:1px solid var(--line);border-left:4px solid #7a8ca8;border-radius:4px;padding:4px 8px 6px;margin:6px 0;background:#fcfcfd}
.record:target,.record.current{outline:2px solid #3d6fb4}
.badge{display:inline-block;font-size:12px;color:#fff;background:#7a8ca8;border-radius:3px;padding:0 6px;margin-right:6px}
.hl{border-radius:2px;cursor:help}
.hl:focus{outline:2px solid #3d6fb4}
.hl-date{background:#ffe58f}.hl-person{background:#b7e1a1}.hl-agreement{background:#f9cb9c}.hl-institution{background:#f4cccc}.hl-source{background:#d9d2e9}
.hl-party{background:#a4c2f4}.hl-party.pt-government{background:#f6b26b}.hl-party.pt-enterprise{background:#9fc5e8}.hl-party.pt-university{background:#b4a7d6}.hl-party.pt-research{background:#a2c4c9}.hl-party.pt-hospital{background:#ea9999}.hl-party.pt-association{background:#d5a6bd}
.yr-inferred{text-decoration:underline dotted #b45f06 2px}.yr-unknown{text-decoration:underline wavy #cc0000 2px}
.warn-mark{color:#cc0000;text-decoration:none;font-weight:bold}
body.off-date .hl-date,body.off-person .hl-person,body.off-party .hl-party,body.off-agreement .hl-agreement,body.off-institution .hl-institution,body.off-source .hl-source{background:none;text-decoration:none}
aside{font-size:13px}
aside table{border-collapse:collapse;width:100%;margin:4px 0 10px}
aside td,aside th{border-bottom:1px solid var(--line);padding:2px 4px;text-align:left;vertical-align:top}
aside tr.flagged td{background:#fff4e5}
.flag{color:#b45f06;font-weight:normal}
.span{color:var(--muted);white-space:nowrap;font-variant-numeric:tabular-nums}
#tip{position:absolute;z-index:5;max-width:360px;background:#222;color:#fff;padding:6px 8px;border-radius:4px;font-size:13px;line-height:1.5;pointer-events:none}
@media (max-width:900px){main{grid-template-columns:1fr}}
`;

const SCRIPT = `
(function(){
var data=JSON.parse(document.getElementById('briefing-data').textContent);
var tip=document.getElementById('tip');
function show(el){var v=data.values[el.getAttribute('data-v')];if(!v)return;tip.textContent='';
var lines=[v.type+': '+v.text,v.detail];if(v.via)lines.push('via '+v.via);if(v.flag)lines.push('⚑ '+v.flag);lines.push('['+v.span[0]+', '+v.span[1]+')');
lines.forEach(function(l,i){if(i)tip.appendChild(document.createElement('br'));tip.appendChild(document.createTextNode(l));});
var r=el.getBoundingClientRect();tip.style.left=(window.scrollX+r.left)+'px';tip.style.top=(window.scrollY+r.bottom+4)+'px';tip.hidden=false;}
function hide(){tip.hidden=true;}
document.addEventListener('mouseover',function(e){var el=e.target.closest&&e.target.closest('.hl');if(el)show(el);});
document.addEventListener('mouseout',function(e){if(e.target.closest&&e.target.closest('.hl'))hide();});
document.addEventListener('focusin',function(e){if(e.target.classList&&e.target.classList.contains('hl'))show(e.target);});
document.addEventListener('focusout',hide);
document.addEventListener('click',function(e){var el=e.target.closest&&e.target.closest('.hl');if(!el)return;var row=document.getElementById('row-'+el.getAttribute('data-v'));if(row){row.scrollIntoView({block:'nearest'});row.style.outline='2px solid #3d6fb4';setTimeout(function(){row.style.outline='';},900);}});
document.querySelectorAll('.toggles input[data-type]').forEach(function(box){box.addEventListener('change',function(){document.body.classList.toggle('off-'+box.getAttribute('data-type'),!box.checked);});});
var records=[].slice.call(document.querySelectorAll('.record')),warns=[].slice.call(document.querySelectorAll('.warn-mark')),ri=-1,wi=-1;
function go(list,i){list.forEach(function(x){x.classList.remove('current');});var el=list[i];if(!el)return;el.classList.add('current');el.scrollIntoView({block:'center'});if(el.focus)el.focus({preventScroll:true});}
document.addEventListener('keydown',function(e){if(e.target.tagName==='INPUT'||e.metaKey||e.ctrlKey||e.altKey)return;
if(e.key==='j'){ri=Math.min(records.length-1,ri+1);go(records,ri);}else if(e.key==='k'){ri=Math.max(0,ri-1);go(records,ri);}else if(e.key==='w'&&warns.length){wi=(wi+1)%warns.length;go(warns,wi);}});
})();
`;

/** The review page of one Document; `source` is the text its spans index. */
export function reviewPage(doc: Document, source: string, version: string): string {
  const marks: Mark[] = [];
  const values: { [id: string]: ValueInfo } = {};
  for (const r of doc.records) recordValues(r, source, marks, values);
  const counts = Object.fromEntries(HIGHLIGHT_TYPES.map((t) => [t, Object.values(values).filter((v) => v.type === t).length]));
  const b = doc.briefing;
  const field = (name: string, value: string | null) => `<dt>${esc(name)}</dt><dd>${value === null ? '<i>—</i>' : esc(value)}</dd>`;
  const warnings = doc.warnings.length
    ? `<ol class="warnings">${doc.warnings.map((w, k) => `<li id="wl${k + 1}"><a href="#w${k + 1}">${esc(w.code)}</a>: ${esc(w.message)} <span class="span">[${w.span[0]}, ${w.span[1]})</span></li>`).join('')}</ol>`
    : '';
  const toggles = HIGHLIGHT_TYPES.map((t) => `<label><input type="checkbox" checked data-type="${t}"> <span class="hl hl-${t}">${esc(TYPE_NAMES[t])}</span> (${counts[t]})</label>`).join('');
  const data = { file: doc.file, version, counts, values };
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.file)} · briefing review</title>
<style>${STYLE}</style></head>
<body>
<header><h1>${esc(doc.file)}</h1>
<dl>${field('format', doc.format)}${field('encoding', doc.encoding)}${field('briefing', b.title)}${field('issue', b.issue ? b.issue.text : null)}${field('publisher', b.publisher)}${field('date', b.date)}${field('to', b.recipients.to.join('、') || null)}${field('cc', b.recipients.cc.join('、') || null)}${field('records', String(doc.records.length))}${field('warnings', String(doc.warnings.length))}</dl>
${warnings}</header>
<div class="toggles">${toggles}<span class="keys">j / k records · w warnings · hover or focus a value</span></div>
<main><pre class="src">${renderText(source, doc, marks, values)}</pre>
<aside>${doc.records.map((r) => recordTable(r, values)).join('')}</aside></main>
<div id="tip" role="tooltip" hidden></div>
<script type="application/json" id="briefing-data">${scriptJson(data)}</script>
<script>${SCRIPT}</script>
<footer style="padding:8px 20px;color:#6b6b70;font-size:12px">briefing ${esc(version)}</footer>
</body></html>
`;
}

export interface IndexRow {
  file: string;
  /** The page's path relative to the index. */
  href: string | null;
  status: string;
  records: number;
  warnings: number;
  error?: string | undefined;
}

/** `index.html` of a folder of review pages: every file with its counts, warnings and errors. */
export function reviewIndex(rows: IndexRow[], version: string): string {
  const body = rows
    .map((r) => `<tr class="${esc(r.status)}"><td>${r.href ? `<a href="${esc(r.href)}">${esc(r.file)}</a>` : esc(r.file)}</td><td>${esc(r.status)}</td><td>${r.records}</td><td>${r.warnings}</td><td>${esc(r.error ?? '')}</td></tr>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>briefing review · ${rows.length} files</title>
<style>body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:20px}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left}tr.failed td{color:#a61b1b}</style></head>
<body><h1>${rows.length} files</h1>
<table><thead><tr><th>file</th><th>status</th><th>records</th><th>warnings</th><th>error</th></tr></thead><tbody>
${body}
</tbody></table><p style="color:#777;font-size:12px">briefing ${esc(version)}</p></body></html>
`;
}
