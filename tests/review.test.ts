/**
 * The review page and the Label Studio loop, without a browser (the page in a
 * real browser: tests/browser/review.test.ts, `npm run test:browser`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBriefing, type Document } from '../src/index.js';
import { reviewPage, scriptJson } from '../src/format/review.js';
import { codePointIndex, labelStudioTask, titleSpan } from '../src/format/labelstudio.js';
import { goldOfTask, type LabelStudioExport } from '../src/eval/labelstudio.js';
import { CASES, SAMPLE, run, tempDir, listFiles } from './helpers.js';

const HOSTILE = '东岭大学与南港市签署协议</script><img src=x onerror=alert(1)>\n\n6月2日，东岭大学与南港市人民政府签署<b>战略合作协议</b>。校长陈一凡出席。\n';

describe('the review page', () => {
  it('holds every piece of a briefing as text, never as markup', () => {
    const doc = extractBriefing(HOSTILE);
    const page = reviewPage(doc, HOSTILE, 'test');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<b>战略');
    expect(page).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;b&gt;');
    // Exactly the page's own two script elements open and close.
    expect(page.match(/<script\b/g)).toHaveLength(2);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    const data = page.slice(page.indexOf('<script type="application/json"'), page.indexOf('</script>'));
    expect(data).not.toMatch(/<(?!script type)/);
    expect(JSON.parse(scriptJson({ s: '</script><!--' }))).toEqual({ s: '</script><!--' });
  });

  it('marks every value once, overlapping values split but counted once', () => {
    const source = readFileSync(join(CASES, 'institution-names.txt'), 'utf8');
    const doc = extractBriefing(source);
    const page = reviewPage(doc, source, 'test');
    const ids = (type: string) => new Set([...page.matchAll(new RegExp(`class="hl hl-${type}[^"]*" data-v="([^"]+)"`, 'g'))].map((m) => m[1]));
    const count = (f: (r: Document['records'][number]) => number) => doc.records.reduce((n, r) => n + f(r), 0);
    expect(ids('date').size).toBe(count((r) => r.dates.length));
    expect(ids('person').size).toBe(count((r) => r.people.length));
    expect(ids('party').size).toBe(count((r) => r.parties.length));
    expect(ids('agreement').size).toBe(count((r) => r.agreements.length));
    expect(ids('institution').size).toBe(count((r) => r.institutions.length));
    // Inferred and unknown years are flagged where they are printed.
    expect(page).toMatch(/hl-date yr-(?:inferred|unknown)/);
    // The text is the source exactly as read: with the markup stripped and entities back, the same.
    const pre = page.slice(page.indexOf('<pre class="src">') + 17, page.indexOf('</pre>'));
    const text = pre.replace(/<span class="badge">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(text).toBe(source);
  });

  it('-f html: one page per input; with --out-dir, an index of every file', () => {
    const dir = tempDir();
    const single = run(['extract', SAMPLE, '-f', 'html']);
    expect(single.code).toBe(0);
    expect(single.stdout).toMatch(/^<!DOCTYPE html>/);
    const two = run(['extract', SAMPLE, join(CASES, 'entities.txt'), '-f', 'html']);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/-f html writes one page per input/);
    const r = run(['extract', SAMPLE, join(CASES, 'entities.txt'), join(CASES, 'gbk-encoded.txt'), '--out-dir', join(dir, 'out'), '-f', 'html', '-q']);
    expect(r.code).toBe(0);
    expect(listFiles(join(dir, 'out')).filter((f) => f.endsWith('index.html'))).toEqual(['index.html']);
    const index = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
    expect(index.match(/<a href="[^"]+\.html">/g)).toHaveLength(3);
    expect(index).toContain('gbk-encoded.txt');
  });
});

/** A Label Studio export in which the reviewer accepted the predictions as they were. */
function accepted(tasks: ReturnType<typeof labelStudioTask>[]): LabelStudioExport {
  return tasks.map((t, k) => ({ id: k + 1, data: t.data, annotations: [{ result: structuredClone(t.predictions[0]!.result) }] })) as LabelStudioExport;
}

describe('Label Studio', () => {
  it('counts offsets in code points, as Label Studio does', () => {
    const text = '𠀀东岭大学';
    const cp = codePointIndex(text);
    expect(cp(2)).toBe(1);
    expect(cp(6)).toBe(5);
    expect(codePointIndex('东岭')(2)).toBe(2);
  });

  it('places a title before its name, across blanks and line breaks', () => {
    const s = '会上，东岭大学\n校长 陈一凡出席';
    expect(titleSpan(s, s.indexOf('陈'), '东岭大学校长')).toEqual([3, 10]);
    expect(titleSpan(s, s.indexOf('陈'), '南港大学校长')).toBeNull();
  });

  it('round trip: tasks → predictions taken as the annotation → gold → eval gives 1.000 on every measure', () => {
    const dir = tempDir();
    const files = [SAMPLE, ...['entities.txt', 'party-forms.txt', 'web-furniture.txt', 'chinese-numeral-dates.txt', 'digest-editor-note.txt'].map((f) => join(CASES, f))];
    const tasks = run(['extract', ...files, '-f', 'label-studio', '-q']);
    expect(tasks.code).toBe(0);
    const list = JSON.parse(tasks.stdout) as ReturnType<typeof labelStudioTask>[];
    expect(list).toHaveLength(files.length);
    writeFileSync(join(dir, 'export.json'), JSON.stringify(accepted(list)));
    const g = run(['gold', join(dir, 'export.json'), '--out-dir', join(dir, 'gold'), '-q']);
    expect(g.stderr).toBe('');
    expect(g.code).toBe(0);
    const scores = JSON.parse(run(['eval', ...listFiles(join(dir, 'gold')).map((f) => join(dir, 'gold', f)), '--corpus', '/', '--json']).stdout);
    for (const [name, v] of Object.entries(scores) as Array<[string, { f?: number; accuracy?: number }]>) {
      const figure = v.f ?? v.accuracy;
      if (figure === undefined || Number.isNaN(figure)) continue;
      expect(figure, name).toBe(1);
    }
  });

  it('a hand-edited export: a party removed, a date moved, gives the gold a reviewer meant', () => {
    const source = readFileSync(SAMPLE, 'utf8');
    const doc = extractBriefing(source, { file: 'briefing.txt' });
    const task = labelStudioTask(doc, source, 'test');
    const [exp] = accepted([task]);
    const result = exp!.annotations![0]!.result as Array<{ id?: string; type: string; value?: { start: number; end: number; text: string; labels: string[] }; from_id?: string }>;
    // The reviewer deletes the second record's first party (and its relation) …
    const party = result.find((r) => r.id === 'r2-o1')!;
    expect(party.value!.labels[0]).toMatch(/^Party\//);
    const removed = party.value!.text;
    exp!.annotations![0]!.result = result.filter((r) => r.id !== 'r2-o1' && r.from_id !== 'r2-o1') as never;
    // … and moves the second record's date range (6月11日至12日) onto its first day alone.
    const date = (exp!.annotations![0]!.result as typeof result).find((r) => r.id === 'r2-d1')!;
    expect(date.value!.text).toBe('6月11日至12日');
    const at = source.indexOf('6月11日');
    date.value = { ...date.value!, start: at, end: at + 5, text: '6月11日' };
    const gold = goldOfTask(exp!)!.gold;
    expect(gold.records[1]!.parties.map((p) => p.name)).not.toContain(removed);
    expect(gold.records[1]!.parties).toHaveLength(doc.records[1]!.parties.length - 1);
    expect(gold.records[1]!.dates[0]).toEqual({ start: '2025-06-11', end: '2025-06-11', text: '6月11日' });
    expect(gold.records[1]!.date).toEqual({ start: '2025-06-11', end: '2025-06-11', year: 'inferred' });
    expect(doc.records[1]!.date).toMatchObject({ start: '2025-06-11', end: '2025-06-12' });
    // What the reviewer left alone is as extracted.
    expect(gold.records[2]).toMatchObject({ title: doc.records[2]!.title, people: doc.records[2]!.people.map((p) => ({ name: p.name, title: p.title })) });
    expect(gold.briefing.issue).toEqual({ text: '〔2025〕第4期(总第21期)', year: 2025, number: 4, total: 21 });
  });

  it('--label-config prints a config that names every label the tasks use', () => {
    const config = run(['extract', '--label-config']).stdout;
    const task = JSON.parse(run(['extract', SAMPLE, '-f', 'label-studio']).stdout)[0];
    for (const r of task.predictions[0].result) {
      if (r.type === 'labels') expect(config).toContain(`<Label value="${r.value.labels[0]}"`);
      else expect(config).toContain(`<Relation value="${r.labels[0]}"/>`);
    }
    expect(config).toMatch(/<Text name="text" value="\$text"/);
  });

  it('gold refuses what is not an export, and reports a task left unannotated (exit 1)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.json'), '{"not":"a list"}');
    const bad = run(['gold', join(dir, 'x.json'), '--out-dir', join(dir, 'g')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a Label Studio JSON export/);
    const source = readFileSync(SAMPLE, 'utf8');
    const t = labelStudioTask(extractBriefing(source, { file: 'a.txt' }), source, 'test');
    writeFileSync(join(dir, 'y.json'), JSON.stringify([{ id: 7, data: t.data, annotations: [] }]));
    const none = run(['gold', join(dir, 'y.json'), '--out-dir', join(dir, 'g')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/task 7 \(a\.txt\): no annotation to read/);
  });
});
