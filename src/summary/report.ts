/**
 * The archive's report page (`briefing summarize … -f html`): self-contained,
 * offline, charts drawn here as inline SVG (a few rectangles, lines and
 * circles need no library), each with its numbers in a table beside it —
 * records per year by partner type, agreement kinds over time, the top
 * partners, the partner network — then the register and the people.
 * Every drawn mark carries its number (`data-value`), so what a chart shows can
 * be checked against its table.
 */
import type { Summary } from './index.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const colour = (keys: string[], k: string) => PALETTE[keys.indexOf(k) % PALETTE.length]!;

/** Stacked bars: one bar per x, one segment per series; a legend; every segment with its value. */
function stackedBars(id: string, title: string, rows: Array<{ x: string; series: string; count: number }>): string {
  const xs = [...new Set(rows.map((r) => r.x))].sort();
  const series = [...new Set(rows.map((r) => r.series))].sort();
  const total = (x: string) => rows.filter((r) => r.x === x).reduce((n, r) => n + r.count, 0);
  const max = Math.max(1, ...xs.map(total));
  const W = 560;
  const H = 240;
  const left = 36;
  const bottom = 24;
  const bw = Math.max(8, Math.min(48, (W - left - 10) / Math.max(1, xs.length) - 8));
  const perRow = Math.max(1, Math.floor((W - left) / 120));
  const legendRows = Math.ceil(series.length / perRow);
  let svg = `<svg viewBox="0 0 ${W} ${H + 16 + legendRows * 16}" width="${W}" height="${H + 16 + legendRows * 16}" role="img" aria-label="${esc(title)}">`;
  svg += `<line x1="${left}" y1="${H - bottom}" x2="${W - 4}" y2="${H - bottom}" stroke="#999"/>`;
  for (const t of [0, Math.round(max / 2), max]) {
    const y = H - bottom - ((H - bottom - 10) * t) / max;
    svg += `<text x="${left - 4}" y="${y + 4}" text-anchor="end" font-size="10">${t}</text><line x1="${left}" y1="${y}" x2="${W - 4}" y2="${y}" stroke="#eee"/>`;
  }
  xs.forEach((x, i) => {
    const cx = left + 8 + i * (bw + 8);
    let y = H - bottom;
    for (const s of series) {
      const r = rows.find((q) => q.x === x && q.series === s);
      if (!r || r.count === 0) continue;
      const h = ((H - bottom - 10) * r.count) / max;
      y -= h;
      svg += `<rect class="mark" x="${cx}" y="${y.toFixed(1)}" width="${bw}" height="${h.toFixed(1)}" fill="${colour(series, s)}" data-x="${esc(x)}" data-series="${esc(s)}" data-value="${r.count}"><title>${esc(`${x} · ${s}: ${r.count}`)}</title></rect>`;
    }
    svg += `<text x="${cx + bw / 2}" y="${H - bottom + 14}" text-anchor="middle" font-size="10">${esc(x)}</text>`;
  });
  series.forEach((s, k) => {
    const lx = left + (k % perRow) * 120;
    const ly = H + 4 + Math.floor(k / perRow) * 16;
    svg += `<rect x="${lx}" y="${ly}" width="10" height="10" fill="${colour(series, s)}"/><text x="${lx + 14}" y="${ly + 9}" font-size="11">${esc(s)}</text>`;
  });
  svg += '</svg>';
  const table = `<table data-table="${id}"><thead><tr><th></th>${series.map((s) => `<th>${esc(s)}</th>`).join('')}<th>total</th></tr></thead><tbody>${xs
    .map((x) => `<tr><th>${esc(x)}</th>${series.map((s) => `<td data-x="${esc(x)}" data-series="${esc(s)}">${rows.find((r) => r.x === x && r.series === s)?.count ?? 0}</td>`).join('')}<td>${total(x)}</td></tr>`)
    .join('')}</tbody></table>`;
  return `<section class="chart" id="${id}" data-chart="${id}"><h2>${esc(title)}</h2><div class="pair">${svg}${table}</div></section>`;
}

function horizontalBars(id: string, title: string, rows: Array<{ label: string; type: string; count: number }>): string {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const types = [...new Set(rows.map((r) => r.type))].sort();
  const W = 560;
  const bar = 18;
  const H = rows.length * (bar + 6) + 10;
  let svg = `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}">`;
  rows.forEach((r, i) => {
    const w = ((W - 230) * r.count) / max;
    const y = 6 + i * (bar + 6);
    svg += `<text x="196" y="${y + 13}" text-anchor="end" font-size="11">${esc(r.label)}</text><rect class="mark" x="200" y="${y}" width="${w.toFixed(1)}" height="${bar}" fill="${colour(types, r.type)}" data-x="${esc(r.label)}" data-value="${r.count}"><title>${esc(`${r.label}: ${r.count}`)}</title></rect><text x="${204 + w}" y="${y + 13}" font-size="11">${r.count}</text>`;
  });
  svg += '</svg>';
  const table = `<table data-table="${id}"><thead><tr><th>name</th><th>type</th><th>records</th></tr></thead><tbody>${rows.map((r) => `<tr><td data-x="${esc(r.label)}">${esc(r.label)}</td><td>${esc(r.type)}</td><td data-x="${esc(r.label)}" data-series="">${r.count}</td></tr>`).join('')}</tbody></table>`;
  return `<section class="chart" id="${id}" data-chart="${id}"><h2>${esc(title)}</h2><div class="pair">${svg}${table}</div></section>`;
}

/** The partner network on a circle: the busiest side in the middle, the others around it; a link's width grows with its records. */
function network(s: Summary): string {
  const nodes = s.network.nodes.slice(0, 30);
  const names = new Set(nodes.map((n) => n.name));
  const links = s.network.links.filter((l) => names.has(l.source) && names.has(l.target));
  const W = 560;
  const H = 460;
  const pos = new Map<string, [number, number]>();
  const centre = nodes[0];
  if (centre) pos.set(centre.name, [W / 2, H / 2]);
  const ring = nodes.slice(1);
  ring.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, ring.length) - Math.PI / 2;
    pos.set(n.name, [W / 2 + Math.cos(a) * 180, H / 2 + Math.sin(a) * 180]);
  });
  const types = [...new Set(nodes.map((n) => n.type))].sort();
  const maxLink = Math.max(1, ...links.map((l) => l.records));
  let svg = `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="partner network">`;
  for (const l of links) {
    const [x1, y1] = pos.get(l.source)!;
    const [x2, y2] = pos.get(l.target)!;
    svg += `<line class="mark link" x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="#8899aa" stroke-opacity="0.7" stroke-width="${(1 + (4 * l.records) / maxLink).toFixed(1)}" data-x="${esc(l.source)}" data-series="${esc(l.target)}" data-value="${l.records}"><title>${esc(`${l.source} — ${l.target}: ${l.records}`)}</title></line>`;
  }
  for (const n of nodes) {
    const [x, y] = pos.get(n.name)!;
    svg += `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${(4 + Math.sqrt(n.records) * 2).toFixed(1)}" fill="${colour(types, n.type)}"><title>${esc(`${n.name} (${n.type}): ${n.records}`)}</title></circle><text x="${x.toFixed(1)}" y="${(y - 9).toFixed(1)}" text-anchor="middle" font-size="10">${esc(n.name)}</text>`;
  }
  svg += '</svg>';
  const table = `<table data-table="network"><thead><tr><th>side</th><th>side</th><th>records</th></tr></thead><tbody>${links.map((l) => `<tr><td>${esc(l.source)}</td><td>${esc(l.target)}</td><td data-x="${esc(l.source)}" data-series="${esc(l.target)}">${l.records}</td></tr>`).join('')}</tbody></table>`;
  return `<section class="chart" id="network" data-chart="network"><h2>合作网络 partner network</h2><div class="pair">${svg}${table}</div></section>`;
}

export function reportPage(s: Summary, version: string): string {
  const register = `<table class="register"><thead><tr><th>canonical</th><th>aliases</th><th>type</th><th>records</th><th>as partner</th><th>files</th><th>first</th><th>last</th><th>agreement kinds</th></tr></thead><tbody>${s.register
    .map((e) => `<tr><td>${esc(e.canonical)}</td><td>${esc(e.aliases.join('、'))}</td><td>${esc(e.type)}</td><td>${e.records}</td><td>${e.asPartner}</td><td>${e.files}</td><td>${esc(e.first ?? '')}</td><td>${esc(e.last ?? '')}</td><td>${esc(e.agreementKinds.join(', '))}</td></tr>`)
    .join('')}</tbody></table>`;
  const people = `<table><thead><tr><th>name</th><th>longest title</th><th>records</th></tr></thead><tbody>${s.topPeople.map((p) => `<tr><td>${esc(p.name)}</td><td>${esc(p.title ?? '')}</td><td>${p.records}</td></tr>`).join('')}</tbody></table>`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>briefing summary · ${s.files} files</title>
<style>
body{margin:0;padding:16px 24px;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif;color:#1d1d1f}
h1{font-size:20px}h2{font-size:16px;margin:18px 0 6px}
.pair{display:flex;gap:20px;align-items:flex-start;flex-wrap:wrap}
table{border-collapse:collapse;font-size:13px}td,th{border-bottom:1px solid #ddd;padding:2px 8px;text-align:left}
td:not(:first-child){font-variant-numeric:tabular-nums}
.register{margin-top:6px}
</style></head>
<body>
<h1>${s.files} files · ${s.records} records · ${s.register.length} sides</h1>
${stackedBars('by-year-type', '合作方类型 partners per year, by type', s.byYearAndType.map((r) => ({ x: r.year, series: r.type, count: r.count })))}
${stackedBars('agreements-by-year', '协议类型 agreement kinds per year', s.agreementsByYear.map((r) => ({ x: r.year, series: r.kind, count: r.count })))}
${horizontalBars('top-partners', '主要合作方 top partners (records)', s.topPartners.map((p) => ({ label: p.name, type: p.type, count: p.records })))}
${network(s)}
<section><h2>人物 people (most records, longest title)</h2>${people}</section>
<section><h2>合作方名录 party register</h2>${register}</section>
<p style="color:#777;font-size:12px">briefing ${esc(version)}</p>
</body></html>
`;
}
