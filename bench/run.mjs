#!/usr/bin/env node
/**
 * npm run bench [-- --files N]
 * Builds a synthetic archive from the fixtures (deterministic: seeded shuffles,
 * shifted dates, a mix of UTF-8, GBK and UTF-16 files), then measures
 * throughput against the read+decode ceiling, worker scaling, start-up, peak
 * memory and how time grows with file size and with adversarial input.
 * Prints a table and writes bench/results.json. Nothing large is committed:
 * the archive lives in bench/out/ (ignored by git).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import iconv from 'iconv-lite';
import { zipSync, strToU8 } from 'fflate';
import { DEFAULT_MAX_SIZE, decodeBytes, extractBriefing, ndjsonLines } from '../dist/index.js';

const chrono = createRequire(import.meta.url)('chrono-node');

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/briefing.js');
const OUT = join(ROOT, 'bench/out');
const args = process.argv.slice(2);
const FILES = Number(args[args.indexOf('--files') + 1] ?? 0) || 1000;
/** The largest size tried per format for "largest file converted" (MB; the default is --max-size's); `--ladder 256` tries up to 256. */
const LADDER_MB = Number(args[args.indexOf('--ladder') + 1] ?? 0) || 64;
const TARGET_BYTES = 30 * 1024 * 1024;

/** mulberry32: a small seeded PRNG, so the archive is the same on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fixtureTexts() {
  const dirs = ['fixtures/sample', 'fixtures/cases'];
  const texts = [];
  for (const d of dirs) {
    for (const f of readdirSync(join(ROOT, d))) {
      if (!f.endsWith('.txt')) continue;
      try {
        texts.push(decodeBytes(readFileSync(join(ROOT, d, f))).text);
      } catch {
        /* skip */
      }
    }
  }
  return texts;
}

/** One synthetic briefing: fixture paragraphs shuffled within blocks, dates shifted. */
function synthesize(texts, rnd, size) {
  let out = '';
  while (out.length * 2.6 < size) {
    const t = texts[Math.floor(rnd() * texts.length)];
    const shift = 1 + Math.floor(rnd() * 11);
    const blocks = t.split(/\n\s*\n/);
    for (let i = blocks.length - 1; i > 0; i--) {
      if (rnd() < 0.3) {
        const j = Math.floor(rnd() * (i + 1));
        [blocks[i], blocks[j]] = [blocks[j], blocks[i]];
      }
    }
    out += blocks.join('\n\n').replace(/(\d{1,2})月(\d{1,2})日/g, (_, m, d) => `${((Number(m) + shift - 1) % 12) + 1}月${d}日`) + '\n\n';
  }
  return out;
}

function buildArchive(n) {
  const dir = join(OUT, `archive-${n}`);
  try {
    if (readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.txt')).length === n) return dir;
  } catch {
    /* build it */
  }
  rmSync(dir, { recursive: true, force: true });
  const texts = fixtureTexts();
  const rnd = prng(20231026);
  const per = TARGET_BYTES / 1000;
  for (let i = 0; i < n; i++) {
    const sub = join(dir, String(2016 + (i % 8)), String(1 + (i % 12)).padStart(2, '0'));
    mkdirSync(sub, { recursive: true });
    const text = synthesize(texts, rnd, per * (0.5 + rnd()));
    const kind = rnd();
    const bytes = kind < 0.7 ? Buffer.from(text) : kind < 0.9 ? iconv.encode(text, 'gb18030') : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    writeFileSync(join(sub, `brief-${String(i).padStart(5, '0')}.txt`), bytes);
  }
  return dir;
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
}

function timeIt(fn) {
  const t0 = process.hrtime.bigint();
  const r = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, r };
}

function runCli(argv, opts = {}) {
  return timeIt(() => {
    const r = spawnSync(process.execPath, [BIN, ...argv], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', ...opts });
    if (r.status !== 0 && r.status !== 1) throw new Error(`briefing ${argv.join(' ')} failed: ${r.stderr}`);
    return r;
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => bytes / 1048576;

/**
 * Median wall times of several commands, run round-robin: on a shared machine
 * the speed drifts over seconds, and taking turns lets each ratio compare
 * like with like.
 */
function startups(commands, rounds = 21) {
  const times = commands.map(() => []);
  for (let r = 0; r < rounds; r++) {
    commands.forEach((argv, k) => times[k].push(timeIt(() => spawnSync(process.execPath, argv, { stdio: 'ignore' })).ms));
  }
  return times.map(median);
}

function runReport(argv) {
  const report = join(OUT, 'report.json');
  const t = runCli([...argv, '--report', report]);
  const r = JSON.parse(readFileSync(report, 'utf8'));
  return { ms: t.ms, rssMB: r.maxRssKb / 1024, cpuMs: r.cpuMs, ok: r.totals.failed === 0 };
}

function peakRss(listFile) {
  return runReport(['extract', '--files-from', listFile, '-f', 'ndjson', '-q', '--jobs', '2']).rssMB;
}

/** A PDF of `pages` pages of the sample's lines (non-embedded CID font, as official documents print). */
function pdfOf(bytes) {
  const unit = readFileSync(join(ROOT, 'fixtures/sample/briefing.txt'), 'utf8').split('\n').filter((l) => l.trim());
  const objects = [];
  const add = (o) => objects.push(o) && objects.length;
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>');
  add('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 >>');
  const kids = [];
  let size = 0;
  while (size < bytes) {
    let content = 'BT /F1 10 Tf\n';
    let y = 800;
    for (const line of unit) {
      for (let i = 0; i < line.length; i += 45) {
        const hex = [...line.slice(i, i + 45)].map((c) => c.codePointAt(0).toString(16).padStart(4, '0')).join('');
        content += `1 0 0 1 40 ${y} Tm <${hex}> Tj\n`;
        y -= 14;
      }
      if (y < 60) break;
    }
    content += 'ET';
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
    size += content.length + 200;
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const parts = ['%PDF-1.4\n'];
  let at = parts[0].length;
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(at);
    const s = `${i + 1} 0 obj\n${o}\nendobj\n`;
    parts.push(s);
    at += Buffer.byteLength(s, 'latin1');
  });
  parts.push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${at}\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'latin1');
}

/** A DOCX of the sample's paragraphs repeated, stored uncompressed (its file size is about `bytes`). */
function docxOf(bytes) {
  const paras = readFileSync(join(ROOT, 'fixtures/sample/briefing.txt'), 'utf8').split('\n').filter((l) => l.trim());
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const unit = paras.map((p) => `<w:p><w:r><w:t>${esc(p)}</w:t></w:r></w:p>`).join('');
  const body = unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
  const doc = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), 'word/document.xml': strToU8(doc) }, { level: 0 }));
}

/** A web page whose article holds the sample's paragraphs repeated. */
function htmlOf(bytes) {
  const paras = readFileSync(join(ROOT, 'fixtures/sample/briefing.txt'), 'utf8').split('\n').filter((l) => l.trim());
  const unit = paras.map((p) => `<p>${p}</p>`).join('\n');
  return Buffer.from(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body><div class="nav"><a href="/">首页</a></div><div class="article"><h1>青岚大学合作动态</h1>${unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)))}</div></body></html>`);
}

/** The largest file of each format converted, trying 2, 8, 32, 64, 128, 256 MB up to LADDER_MB; each conversion's time and peak memory. */
function ladder() {
  const sample = readFileSync(join(ROOT, 'fixtures/sample/briefing.txt'));
  const makers = { text: (b) => Buffer.from(sample.toString('utf8').repeat(Math.ceil(b / sample.length))), pdf: pdfOf, docx: docxOf, html: htmlOf };
  const out = {};
  for (const [format, make] of Object.entries(makers)) {
    out[format] = { largestMB: 0, ms: null, rssMB: null };
    for (const mbSize of [2, 8, 32, 64, 128, 256].filter((m) => m <= LADDER_MB)) {
      const path = join(OUT, `ladder.${format === 'text' ? 'txt' : format}`);
      const bytes = make(mbSize * 1048576);
      writeFileSync(path, bytes);
      let r;
      try {
        r = runReport(['extract', path, '-f', 'ndjson', '-q', '--max-size', '2g']);
      } catch {
        break;
      }
      rmSync(path);
      if (!r.ok) break;
      out[format] = { largestMB: Number(mb(bytes.length).toFixed(1)), ms: Math.round(r.ms), rssMB: Math.round(r.rssMB) };
    }
  }
  return out;
}

function bigFile(bytes, name) {
  const path = join(OUT, name);
  const unit = readFileSync(join(ROOT, 'fixtures/sample/briefing.txt'), 'utf8') + '\n\n';
  const reps = Math.ceil(bytes / Buffer.byteLength(unit));
  writeFileSync(path, unit.repeat(reps));
  return path;
}

function adversarial(bytes, name) {
  const path = join(OUT, name);
  const names = Array.from({ length: 3000 }, (_, i) => '王李张刘陈杨黄赵吴周'[i % 10] + '一二三四五六七八九十明华强伟芳'[(i * 7) % 15] + '军勇杰平安'[i % 5]).join('、');
  // Many distinct titled people and institutions in one record (each name and each institution different).
  const given = '明华强伟芳军勇杰平安志国建文斌海波涛晨雪';
  const distinct = (i) => '王李张刘陈杨黄赵吴周'[i % 10] + given[Math.floor(i / 10) % given.length] + given[Math.floor(i / 200) % given.length];
  const oneRecord = '6月1日，' + Array.from({ length: 2000 }, (_, i) => `西川市副市长${distinct(i)}、`).join('') + '出席，双方' + Array.from({ length: 1000 }, (_, i) => `共建${given[i % given.length]}${given[Math.floor(i / given.length) % given.length]}智能研究院，`).join('') + '签署协议。';
  const pieces = [oneRecord, '5月1日，东岭大学校领导' + names + '等出席。', '西川市副市长张明与东岭大学校长李华，'.repeat(500), '（' + '东岭大学'.repeat(20), '、'.repeat(5000), '1234567890'.repeat(500), '年月日'.repeat(2000), '“'.repeat(3000), '（'.repeat(3000), '月日至'.repeat(1000), '院长书记'.repeat(1000), '大学与学院和'.repeat(800), '协议'.repeat(2000)];
  let s = '';
  let k = 0;
  while (Buffer.byteLength(s) < bytes * 0.9) s += pieces[k++ % pieces.length] + '\n';
  // One line that grows with the file: text with no stop, where every visit,
  // reception, sponsor or 暨 would read back to the line's start if nothing bounded
  // it, every 共建 walk the rest of a 、 list, every numeric date check all others.
  const unit = '学校组织专家赴北塘' + '学校接待西川县考察团' + '东岭大学主办、' + '东岭大学与南港集团签约暨' + '南港银行与北湖大学' + '共建智能制造研究院、' + '2025-05-20 ';
  s += unit.repeat(Math.ceil((bytes - Buffer.byteLength(s)) / Buffer.byteLength(unit))) + '\n';
  writeFileSync(path, s);
  return path;
}

mkdirSync(OUT, { recursive: true });
console.log(`building a ${FILES}-file archive in bench/out …`);
const archive = buildArchive(FILES);
const files = filesUnder(archive);
const totalBytes = files.reduce((n, f) => n + statSync(f).size, 0);

// 1. The ceiling: read and decode everything in this process; the best of three
//    passes (a ceiling is what the machine can do, and the first pass runs cold).
const ceiling = Math.min(
  ...[0, 1, 2].map(
    () =>
      timeIt(() => {
        for (const f of files) decodeBytes(readFileSync(f));
      }).ms,
  ),
);
const ceilingMBs = mb(totalBytes) / (ceiling / 1000);

// 2. Extraction, one worker and two, end to end (NDJSON to /dev/null).
// Taking turns, twice each, keeping the faster run of each: the machine's speed drifts.
const oneRuns = [];
const twoRuns = [];
for (let r = 0; r < 2; r++) {
  oneRuns.push(runReport(['extract', archive, '-f', 'ndjson', '-q', '--jobs', '1']));
  twoRuns.push(runReport(['extract', archive, '-f', 'ndjson', '-q', '--jobs', '2']));
}
const oneRun = oneRuns.reduce((a, b) => (a.ms <= b.ms ? a : b));
const one = oneRun.ms;
const two = Math.min(...twoRuns.map((r) => r.ms));
const oneMBs = mb(totalBytes) / (one / 1000);
const cpusBusy = oneRun.cpuMs / oneRun.ms;

// 2b. Extraction alone, warm, one thread, against chrono-node's Chinese date
//     parser on the same texts (the best-known parser of dates alone).
const sample = files.filter((_, k) => k % 5 === 0);
const sampleTexts = sample.map((f) => decodeBytes(readFileSync(f)).text);
const sampleBytes = sampleTexts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const warm = (f) => {
  for (const t of sampleTexts.slice(0, 20)) f(t);
  const t0 = process.hrtime.bigint();
  for (const t of sampleTexts) f(t);
  return mb(sampleBytes) / (Number(process.hrtime.bigint() - t0) / 1e9);
};
const oursWarm = Math.max(warm((t) => extractBriefing(t)), warm((t) => extractBriefing(t)));
const chronoWarm = Math.max(warm((t) => chrono.zh.parse(t)), warm((t) => chrono.zh.parse(t)));

// 2c. Two bounds outside the extractor's code: what the NDJSON output alone costs,
//     and what this machine gives two processes (each on half the archive, side by side).
const docs = sampleTexts.map((t) => extractBriefing(t));
let outBytes = 0;
const serialize = timeIt(() => {
  for (const d of docs) outBytes += Buffer.byteLength(Buffer.from(ndjsonLines(d)));
}).ms;
docs.length = 0;
const serializeMBs = mb(sampleBytes) / (serialize / 1000);
const halves = [files.filter((_, k) => k % 2 === 0), files.filter((_, k) => k % 2 === 1)].map((list, k) => {
  const path = join(OUT, `half-${k}.txt`);
  writeFileSync(path, list.join('\n') + '\n');
  return path;
});
const pairRun = async () => {
  const start = process.hrtime.bigint();
  await Promise.all(
    halves.map(
      (list) =>
        new Promise((resolve) => {
          spawn(process.execPath, [BIN, 'extract', '--files-from', list, '-f', 'ndjson', '-q', '--jobs', '1'], { stdio: 'ignore' }).on('exit', resolve);
        }),
    ),
  );
  return Number(process.hrtime.bigint() - start) / 1e6;
};
// `--jobs 2` against the pair, side by side in three rounds: the machine's speed drifts over
// the bench, so each round's ratio compares two runs made one after the other, and the
// figure is the middle of the three (each round's is printed too).
const pairRounds = [];
for (let r = 0; r < 3; r++) {
  const twoMs = runReport(['extract', archive, '-f', 'ndjson', '-q', '--jobs', '2']).ms;
  const pairMs = await pairRun();
  pairRounds.push({ twoMs, pairMs, ratio: pairMs / twoMs });
}
const pairMs = Math.min(...pairRounds.map((r) => r.pairMs));
const pairRatios = pairRounds.map((r) => r.ratio).sort((a, b) => a - b);

// 2d. The NDJSON of the archive's first 200 files, hashed: a speed change that claims
//     no change in behaviour must leave it byte for byte the same.
const hash = createHash('sha256');
for (const f of files.slice(0, 200)) hash.update(ndjsonLines(extractBriefing(readFileSync(f), { file: f.slice(archive.length + 1) })));
const ndjsonSha256 = hash.digest('hex');

// 3. Start-up.
const [nodeBare, version, oneFile] = startups([['-e', ''], [BIN, '--version'], [BIN, 'extract', join(ROOT, 'fixtures/sample/briefing.txt')]]);

// 4. Peak memory: 1,000 and 10,000 distinct small files; one 20 MB file.
const smallDir = join(OUT, 'small-10k');
if (!existsSync(join(smallDir, 'done'))) {
  rmSync(smallDir, { recursive: true, force: true });
  const texts = fixtureTexts();
  const rnd = prng(424242);
  for (let i = 0; i < 10000; i++) {
    const sub = join(smallDir, String(i % 100).padStart(2, '0'));
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `b-${String(i).padStart(5, '0')}.txt`), synthesize(texts, rnd, 2000 + rnd() * 4000));
  }
  writeFileSync(join(smallDir, 'done'), '');
}
const smallFiles = filesUnder(smallDir);
const list1k = join(OUT, 'list-1k.txt');
const list10k = join(OUT, 'list-10k.txt');
writeFileSync(list1k, smallFiles.slice(0, 1000).join('\n') + '\n');
writeFileSync(list10k, smallFiles.join('\n') + '\n');
const rss1k = peakRss(list1k);
const rss10k = peakRss(list10k);
const f20 = bigFile(20 * 1048576, 'big-20mb.txt');
const one20 = runReport(['extract', f20, '-f', 'ndjson', '-q']);
rmSync(f20);

// 5. Growth with size: 10 MB and 100 MB files; adversarial text at 1 MB and 8 MB.
const f10 = bigFile(10 * 1048576, 'big-10mb.txt');
const f100 = bigFile(100 * 1048576, 'big-100mb.txt');
const t10 = runCli(['extract', f10, '-f', 'ndjson', '-q']).ms;
const t100 = runCli(['extract', f100, '-f', 'ndjson', '-q', '--max-size', '2g']).ms;
rmSync(f100);
const a1 = adversarial(1 * 1048576, 'adversarial-1mb.txt');
const a8 = adversarial(8 * 1048576, 'adversarial-8mb.txt');
const ta1 = runCli(['extract', a1, '-f', 'ndjson', '-q']).ms;
const ta8 = runCli(['extract', a8, '-f', 'ndjson', '-q']).ms;

// 6. The largest file of each format converted (a ladder of sizes).
const largest = ladder();

const r3 = (x) => Number(x.toFixed(3));
const results = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  archive: { files: files.length, megabytes: Number(mb(totalBytes).toFixed(1)) },
  ceilingMBs: Number(ceilingMBs.toFixed(1)),
  warmExtractMBs: Number(oursWarm.toFixed(2)),
  chronoZhParseMBs: Number(chronoWarm.toFixed(2)),
  warmToChrono: r3(oursWarm / chronoWarm),
  oneWorkerMBs: Number(oneMBs.toFixed(2)),
  oneWorkerToCeiling: r3(oneMBs / ceilingMBs),
  cpusBusyOneJob: Number(cpusBusy.toFixed(2)),
  jobs2SpeedUp: Number((one / two).toFixed(2)),
  twoProcessesSpeedUp: Number((one / pairMs).toFixed(2)),
  jobs2ToTwoProcesses: Number(pairRatios[1].toFixed(2)),
  jobs2ToTwoProcessesRounds: pairRounds.map((r) => ({ jobs2Ms: Math.round(r.twoMs), twoProcessesMs: Math.round(r.pairMs), ratio: Number(r.ratio.toFixed(2)) })),
  bounds: { ndjsonOutputMBs: Number(serializeMBs.toFixed(1)), ndjsonOutputToInput: Number((outBytes / sampleBytes).toFixed(2)) },
  startup: {
    nodeMs: Number(nodeBare.toFixed(1)),
    versionMs: Number(version.toFixed(1)),
    versionRatio: Number((version / nodeBare).toFixed(2)),
    extractOneFileMs: Number(oneFile.toFixed(1)),
    extractOneFileRatio: Number((oneFile / nodeBare).toFixed(2)),
  },
  peakRssMB: { smallFiles1000: Math.round(rss1k), smallFiles10000: Math.round(rss10k), growth: Number((rss10k / rss1k).toFixed(2)), oneFile20MB: Math.round(one20.rssMB), oneFile20MBToSize: Number((one20.rssMB / 20).toFixed(2)) },
  sizeScaling: { mb10Ms: Math.round(t10), mb100Ms: Math.round(t100), ratio: Number((t100 / t10).toFixed(2)) },
  adversarialScaling: { mb1Ms: Math.round(ta1), mb8Ms: Math.round(ta8), ratio: Number((ta8 / ta1).toFixed(2)) },
  largestConverted: largest,
  // --max-size's default against the smallest of the largest files converted.
  maxSizeDefaultMB: DEFAULT_MAX_SIZE / 1048576,
  maxSizeDefaultHolds: Object.values(largest).every((r) => r.largestMB >= DEFAULT_MAX_SIZE / 1048576),
  ndjsonSha256,
};
writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');

const rows = [
  ['archive', `${results.archive.files} files, ${results.archive.megabytes} MB`, ''],
  ['read + decode ceiling', `${results.ceilingMBs} MB/s`, ''],
  ['extraction alone, warm, 1 thread', `${results.warmExtractMBs} MB/s`, `${results.warmToChrono} × chrono-node zh.parse (${results.chronoZhParseMBs} MB/s) (goal ≥ 1.5)`],
  ['extract, 1 worker, end to end', `${results.oneWorkerMBs} MB/s`, `${results.oneWorkerToCeiling} × ceiling (goal ≥ 0.10)`],
  ['  CPUs busy, --jobs 1', `${results.cpusBusyOneJob}`, 'goal ≤ 1.05'],
  ['  bound: NDJSON output alone', `${results.bounds.ndjsonOutputMBs} MB/s of input`, `output ${results.bounds.ndjsonOutputToInput} × the input`],
  ['--jobs 2 vs --jobs 1', `${results.jobs2SpeedUp} ×`, `two --jobs 1 processes: ${results.twoProcessesSpeedUp} ×`],
  ['  --jobs 2 vs two processes', `${results.jobs2ToTwoProcesses} ×`, `middle of three rounds side by side (${results.jobs2ToTwoProcessesRounds.map((r) => r.ratio).join(', ')}) (goal ≥ 0.9)`],
  ['briefing --version', `${results.startup.versionMs} ms`, `${results.startup.versionRatio} × node -e '' (goal ≤ 1.15)`],
  ['extract one file', `${results.startup.extractOneFileMs} ms`, `${results.startup.extractOneFileRatio} × node -e '' (goal ≤ 1.8)`],
  ['peak RSS, 1,000 / 10,000 small files', `${results.peakRssMB.smallFiles1000} / ${results.peakRssMB.smallFiles10000} MB`, `${results.peakRssMB.growth} × (goal within 10 %)`],
  ['peak RSS, one 20 MB file', `${results.peakRssMB.oneFile20MB} MB`, `${results.peakRssMB.oneFile20MBToSize} × its size (goal ≤ 8)`],
  ['10 MB / 100 MB file', `${results.sizeScaling.mb10Ms} / ${results.sizeScaling.mb100Ms} ms`, `${results.sizeScaling.ratio} × (goal ≤ 11)`],
  ['adversarial 1 MB → 8 MB', `${results.adversarialScaling.mb1Ms} → ${results.adversarialScaling.mb8Ms} ms`, `${results.adversarialScaling.ratio} × (goal ≤ 10)`],
  ...Object.entries(results.largestConverted).map(([f, r]) => [`largest ${f} converted (≤ ${LADDER_MB} MB tried)`, `${r.largestMB} MB`, r.ms === null ? '' : `${r.ms} ms, ${r.rssMB} MB peak`]),
  ['--max-size default', `${results.maxSizeDefaultMB} MB`, results.maxSizeDefaultHolds ? 'at most the largest file converted in every format' : 'LARGER than a format\'s largest file converted'],
  ['NDJSON of the first 200 files', results.ndjsonSha256.slice(0, 16) + '…', 'sha256: equal before and after a speed change'],
];
const w = Math.max(...rows.map((r) => r[0].length));
const w2 = Math.max(...rows.map((r) => r[1].length));
console.log(`\nmachine: ${results.machine.cpus} × ${results.machine.model}, ${results.machine.memoryGiB} GiB, node ${results.machine.node}\n`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w)}  ${b.padEnd(w2)}  ${c}`);
console.log('\nwritten to bench/results.json');
