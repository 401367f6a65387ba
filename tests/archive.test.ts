/**
 * From files to the archive (issue 17): the tables a join needs, the edges,
 * the party register of `briefing summarize`, and a user lexicon. An archive
 * of our own: a briefing whose items say 我校, a traditional copy, an alias the
 * lexicon knows, and a file with no record at all.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

let dir: string;
let archive: string;
let lexicon: string;

beforeAll(() => {
  dir = tempDir('briefing-archive-');
  archive = join(dir, 'archive');
  mkdirSync(join(archive, '2024'), { recursive: true });
  mkdirSync(join(archive, '2025'), { recursive: true });
  writeFileSync(
    join(archive, '2024/a.txt'),
    '东岭大学地方合作简报\n\n2024年第2期\n\n一、校地合作\n\n1.我校与西川市人民政府签署战略合作协议\n\n3月2日，我校与西川市人民政府签署战略合作协议。西川市市长林默、东岭大学校长周明远出席。\n\n2.东岭大学与南港集团共建联合实验室\n\n3月9日，东岭大学与南港集团有限公司签署共建联合实验室协议，双方将共建“东岭—南港智能装备联合实验室”。南港集团董事长韩冰出席。\n',
  );
  writeFileSync(join(archive, '2024/b.txt'), '東嶺大學與南港集團簽署合作備忘錄\n\n2024年4月1日，東嶺大學與南港集團簽署合作備忘錄。東嶺大學校長周明遠出席。\n');
  writeFileSync(join(archive, '2025/c.txt'), '东大与西川市共建研究院\n\n2025年1月8日，东大与西川市人民政府签署共建协议，双方将共建西川产业研究院。西川市委书记吴桐出席。\n');
  writeFileSync(join(archive, '2025/empty.txt'), '   \n');
  lexicon = join(dir, 'lexicon.yaml');
  writeFileSync(lexicon, 'aliases:\n  东大: 东岭大学\n');
});

const csv = (text: string) => text.replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.split(','));

describe('tables', () => {
  it('documents: one row per file, a file with no record too', () => {
    const r = run(['extract', archive, '-t', 'documents', '-q']);
    expect(r.code).toBe(0);
    const rows = csv(r.stdout);
    expect(rows[0]).toEqual(['file', 'format', 'encoding', 'title', 'issue', 'issue_year', 'issue_number', 'issue_total', 'publisher', 'date', 'recipients_to', 'recipients_cc', 'records', 'warnings', 'warning_codes']);
    expect(rows.slice(1).map((r) => [r[0]!.slice(archive.length + 1), r[3], r[4], r[12], r[14]])).toEqual([
      ['2024/a.txt', '东岭大学地方合作简报', '2024年第2期', '2', ''],
      ['2024/b.txt', '', '', '1', ''],
      ['2025/c.txt', '', '', '1', ''],
      ['2025/empty.txt', '', '', '0', 'empty-input'],
    ]);
  });

  it('edges: the home university to each partner, with date, certainty and agreement kinds', () => {
    const rows = csv(run(['extract', archive, '-t', 'edges', '-q', '--lexicon', lexicon]).stdout);
    expect(rows[0]).toEqual(['file', 'index', 'date_start', 'date_end', 'date_year', 'section', 'source', 'source_type', 'partner', 'partner_type', 'agreement_kinds', 'record_title', 'source_simplified', 'partner_simplified']);
    expect(rows.slice(1).map((r) => [r[0]!.slice(archive.length + 1), r[1], r[2], r[4], r[6], r[8], r[9], r[10], r[12], r[13]])).toEqual([
      // 我校 is the masthead's university, printed in a person's title: named by it.
      ['2024/a.txt', '1', '2024-03-02', 'inferred', '东岭大学', '西川市人民政府', 'government', 'strategic', '东岭大学', '西川市人民政府'],
      ['2024/a.txt', '2', '2024-03-09', 'inferred', '东岭大学', '南港集团有限公司', 'enterprise', 'co-construction', '东岭大学', '南港集团有限公司'],
      // Printed in traditional script; the simplified columns join it to the rest.
      ['2024/b.txt', '1', '2024-04-01', 'explicit', '東嶺大學', '南港集團', 'enterprise', 'memorandum', '东岭大学', '南港集团'],
      ['2025/c.txt', '1', '2025-01-08', 'explicit', '东大', '西川市人民政府', 'government', 'co-construction', '东大', '西川市人民政府'],
    ]);
  });

  it('people carry the record title, the date certainty and the record parties; dates and institutions have tables', () => {
    const people = csv(run(['extract', join(archive, '2024/a.txt'), '-t', 'people']).stdout);
    expect(people[1]).toEqual(['' + join(archive, '2024/a.txt'), '1', '2024-03-02', 'university-government', '林默', '西川市市长', '2024-03-02', 'inferred', '我校与西川市人民政府签署战略合作协议', '东岭大学；西川市人民政府', '林默', 'office-before']);
    const dates = csv(run(['extract', join(archive, '2024/a.txt'), '-t', 'dates']).stdout);
    expect(dates.slice(1).map((r) => r.slice(1))).toEqual([
      ['1', 'university-government', '3月2日', '2024-03-02', '2024-03-02', 'inferred', 'yes', '我校与西川市人民政府签署战略合作协议'],
      ['2', 'university-government', '3月9日', '2024-03-09', '2024-03-09', 'inferred', 'yes', '东岭大学与南港集团共建联合实验室'],
    ]);
    const institutions = csv(run(['extract', join(archive, '2024/a.txt'), '-t', 'institutions']).stdout);
    expect(institutions.slice(1).map((r) => [r[1], r[4], r[6]])).toEqual([['2', '东岭—南港智能装备联合实验室', 'inferred']]);
  });

  it('every table also as NDJSON, one object a row keyed by column', () => {
    const lines = run(['extract', archive, '-f', 'ndjson', '-t', 'parties', '-q']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(7);
    expect(lines[4]).toMatchObject({ name: '東嶺大學', name_simplified: '东岭大学', type: 'university', date_year: 'explicit' });
  });
});

describe('briefing summarize', () => {
  it('gives one register entry per side: self-references, scripts, legal forms and aliases merged', () => {
    const r = run(['summarize', archive, '--lexicon', lexicon, '-q']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.files).toBe(4);
    expect(s.records).toBe(4);
    expect(s.register).toEqual([
      { canonical: '东岭大学', aliases: ['东大', '東嶺大學'], type: 'university', records: 4, asPartner: 0, files: 3, first: '2024-03-02', last: '2025-01-08', agreementKinds: ['co-construction', 'memorandum', 'strategic'] },
      { canonical: '南港集团有限公司', aliases: ['南港集團'], type: 'enterprise', records: 2, asPartner: 2, files: 2, first: '2024-03-09', last: '2024-04-01', agreementKinds: ['co-construction', 'memorandum'] },
      { canonical: '西川市人民政府', aliases: [], type: 'government', records: 2, asPartner: 2, files: 2, first: '2024-03-02', last: '2025-01-08', agreementKinds: ['co-construction', 'strategic'] },
    ]);
    expect(s.byYearAndType).toEqual([
      { year: '2024', type: 'enterprise', count: 2 },
      { year: '2024', type: 'government', count: 1 },
      { year: '2025', type: 'government', count: 1 },
    ]);
    expect(s.agreementsByYear).toEqual([
      { year: '2024', kind: 'co-construction', count: 1 },
      { year: '2024', kind: 'memorandum', count: 1 },
      { year: '2024', kind: 'strategic', count: 1 },
      { year: '2025', kind: 'co-construction', count: 1 },
    ]);
    expect(s.topPartners).toEqual([
      { name: '南港集团有限公司', type: 'enterprise', records: 2 },
      { name: '西川市人民政府', type: 'government', records: 2 },
    ]);
    expect(s.topPeople[0]).toEqual({ name: '周明远', title: '东岭大学校长', records: 2 });
    expect(s.network.links).toEqual([
      { source: '东岭大学', target: '南港集团有限公司', records: 2 },
      { source: '东岭大学', target: '西川市人民政府', records: 2 },
    ]);
  });

  it('without the lexicon, the short name is not the university', () => {
    const s = JSON.parse(run(['summarize', archive, '-q']).stdout);
    expect(s.register[0]).toMatchObject({ canonical: '东岭大学', aliases: ['東嶺大學'], records: 3 });
  });

  it('--out-dir writes the summary, its tables and the report; -f csv is the register', () => {
    const out = join(dir, 'summary');
    const r = run(['summarize', archive, '--lexicon', lexicon, '--out-dir', out, '-q']);
    expect(r.code).toBe(0);
    const register = csv(readFileSync(join(out, 'register.csv'), 'utf8'));
    expect(register[0]).toEqual(['canonical', 'aliases', 'type', 'records', 'as_partner', 'files', 'first', 'last', 'agreement_kinds']);
    expect(register[1]).toEqual(['东岭大学', '东大；東嶺大學', 'university', '4', '0', '3', '2024-03-02', '2025-01-08', 'co-construction；memorandum；strategic']);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).records).toBe(4);
    expect(run(['summarize', archive, '--lexicon', lexicon, '-f', 'csv', '-q']).stdout).toBe(readFileSync(join(out, 'register.csv'), 'utf8'));
  });

  it('a file that fails is reported and the run exits 1', () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'x.pdf'), '%PDF-1.4 broken');
    writeFileSync(join(bad, 'ok.txt'), readFileSync(join(archive, '2024/b.txt')));
    const r = run(['summarize', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/x\.pdf: not a readable PDF/);
    expect(JSON.parse(r.stdout).records).toBe(1);
  });
});

describe('--lexicon', () => {
  it('takes units, sections and agreement words; a bad file is one line naming the key', () => {
    const text = join(dir, 'own.txt');
    writeFileSync(text, '服务地方专栏\n\n6月2日，东岭大学与南港创新港签署合作纪要，双方将共建实验室。\n');
    const lex = join(dir, 'own.json');
    writeFileSync(lex, JSON.stringify({ units: [{ word: '创新港', type: 'research' }], sections: { 服务地方专栏: 'university-government' }, agreements: ['纪要'] }));
    const plain = JSON.parse(run(['extract', text]).stdout);
    const own = JSON.parse(run(['extract', text, '--lexicon', lex]).stdout);
    expect(plain.records[0].agreements).toEqual([]);
    expect(own.sections.map((s: { heading: string; kind: string }) => [s.heading, s.kind])).toEqual([['服务地方专栏', 'university-government']]);
    expect(own.records[0].parties.map((p: { name: string; type: string }) => `${p.name} ${p.type}`)).toEqual(['东岭大学 university', '南港创新港 research']);
    expect(own.records[0].agreements.map((a: { text: string }) => a.text)).toEqual(['合作纪要']);
    writeFileSync(lex, 'units:\n  - word: 站\n    type: planet\n');
    const bad = run(['extract', text, '--lexicon', lex]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`briefing: --lexicon ${lex}: units.0.type: Invalid option: expected one of "university"|"government"|"enterprise"|"hospital"|"research"|"association"|"other"\n`);
    writeFileSync(lex, 'aliases: [1, 2');
    expect(run(['extract', text, '--lexicon', lex]).stderr).toMatch(/^briefing: --lexicon .*: not JSON or YAML/);
  });
});
