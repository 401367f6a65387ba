import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { extractBriefing, type Document } from '../src/index.js';
import { squeeze } from '../src/text/normalize.js';

export const ROOT = join(import.meta.dirname, '..');
export const CASES = join(ROOT, 'fixtures/cases');
/** The bundled sample briefing (our own text) and its gold answer. */
export const SAMPLE = join(ROOT, 'fixtures/sample/briefing.txt');
export const SAMPLE_GOLD = join(ROOT, 'fixtures/sample/briefing.gold.json');

const made: string[] = [];
// Every test file that imports these helpers removes the folders it made (links and locked folders included).
afterAll(() => {
  for (const d of made.splice(0)) {
    spawnSync('chmod', ['-R', 'u+rwx', d]);
    rmSync(d, { recursive: true, force: true });
  }
});

/** A temporary folder, removed when the test file is done. */
export function tempDir(prefix = 'briefing-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function extractFile(path: string, file = path): Document {
  return extractBriefing(readFileSync(path), { file });
}

export function caseDoc(name: string): Document {
  return extractFile(join(CASES, name), name);
}

/** Every text fixture: the sample and our own cases. */
export function allFixtures(): string[] {
  const files = [SAMPLE, ...readdirSync(CASES).filter((f) => !f.endsWith('.json')).map((f) => join(CASES, f))];
  return files.sort();
}

/** The parts of a Document a reader checks, without offsets. */
export function digest(doc: Document) {
  const { spans: _spans, ...briefing } = doc.briefing;
  return {
    encoding: doc.encoding,
    briefing: { ...briefing, issue: briefing.issue && { text: briefing.issue.text, year: briefing.issue.year, number: briefing.issue.number, total: briefing.issue.total } },
    sections: doc.sections.map((s) => ({ heading: s.heading, kind: s.kind, path: s.path })),
    records: doc.records.map((r) => ({
      index: r.index,
      section: r.section,
      heading: r.heading,
      title: r.title,
      anchor: squeeze(r.text).slice(0, 16),
      date: r.date && { start: r.date.start, end: r.date.end, year: r.date.year },
      dates: r.dates.map((d) => `${d.text} ${d.start}/${d.end} ${d.year}`),
      people: r.people.map((p) => `${p.title ?? '∅'} ${p.name}`),
      parties: r.parties.map((p) => `${p.name} (${p.type})`),
      agreements: r.agreements.map((a) => `${a.text} (${a.kind})`),
      institutions: r.institutions.map((i) => i.name),
      source: r.source,
    })),
    warnings: doc.warnings.map((w) => w.code),
  };
}

export { squeeze };

import { lineKind } from '../src/layout/patterns.js';
import { cleanLine } from '../src/text/lines.js';
import { fold } from '../src/text/normalize.js';

/**
 * Does source[span] read as `value`? Blanks do not count, nor whole lines
 * inside the span that are page numbers (`- 3 -`, `5 / 5`): a value broken by
 * a page break holds neither.
 */
/** A stretch of source without the page-number lines inside it (`- 1 -`, `5 / 5`), lines joined. */
export function withoutPageLines(stretch: string): string {
  const lines = stretch.split(/\r\n|\r|\n/);
  return lines.filter((line, i) => i === 0 || i === lines.length - 1 || lineKind(fold(cleanLine(line, 0, line.length).text)) !== 'page-number').join('');
}

export function sliceMatches(source: string, span: [number, number], value: string): boolean {
  return squeeze(withoutPageLines(source.slice(span[0], span[1]))) === squeeze(value);
}

const BIN = join(ROOT, 'bin/briefing.js');

/** Runs the built command line as a user would; stdout and stderr as text. */
export function run(args: string[], input?: string | Buffer, cwd = ROOT, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input: typeof input === 'string' ? Buffer.from(input) : input, encoding: 'buffer', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), raw: r.stdout };
}

/** Every file below `dir`, relative to it, sorted. */
export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), base) : [join(dir, e.name).slice(base.length + 1)])).sort();
}
