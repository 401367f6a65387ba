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
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { decodeBytes, extractBriefing, ndjsonLines } from '../dist/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/briefing.js');
const OUT = join(ROOT, 'bench/out');
const args = process.argv.slice(2);
const FILES = Number(args[args.indexOf('--files') + 1] ?? 0) || 1000;
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

function peakRss(listFile, times) {
  const report = join(OUT, 'report.json');
  runCli(['extract', '--files-from', listFile, '-f', 'ndjson', '-q', '--report', report, '--jobs', '2']);
  return JSON.parse(readFileSync(report, 'utf8')).maxRssKb / 1024;
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
  const pieces = ['5月1日，东岭大学校领导' + names + '等出席。', '西川市副市长张明与东岭大学校长李华，'.repeat(500), '（' + '东岭大学'.repeat(20), '、'.repeat(5000), '1234567890'.repeat(500), '年月日'.repeat(2000), '“'.repeat(3000), '（'.repeat(3000), '月日至'.repeat(1000), '院长书记'.repeat(1000), '大学与学院和'.repeat(800), '协议'.repeat(2000)];
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

// 2. Extraction, one worker and two.
// Taking turns, twice each, keeping the faster run of each: the machine's speed drifts.
const oneRuns = [];
const twoRuns = [];
for (let r = 0; r < 2; r++) {
  oneRuns.push(runCli(['extract', archive, '-f', 'ndjson', '-q', '--jobs', '1'], { stdio: ['ignore', 'ignore', 'pipe'] }).ms);
  twoRuns.push(runCli(['extract', archive, '-f', 'ndjson', '-q', '--jobs', '2'], { stdio: ['ignore', 'ignore', 'pipe'] }).ms);
}
const one = Math.min(...oneRuns);
const two = Math.min(...twoRuns);
const oneMBs = mb(totalBytes) / (one / 1000);

// 2b. Two bounds on those figures, both outside the extractor's code:
//  - what the output alone costs: the archive's NDJSON (about three times the
//    input) rendered and encoded in this process, in MB of input per second;
//  - what this machine gives two processes: two `--jobs 1` runs, each on half
//    the archive, side by side, against one `--jobs 1` run on the whole.
const sample = files.filter((_, k) => k % 5 === 0);
const docs = sample.map((f) => extractBriefing(readFileSync(f)));
const sampleBytes = sample.reduce((n, f) => n + statSync(f).size, 0);
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
const pairStart = process.hrtime.bigint();
await Promise.all(
  halves.map(
    (list) =>
      new Promise((resolve) => {
        spawn(process.execPath, [BIN, 'extract', '--files-from', list, '-f', 'ndjson', '-q', '--jobs', '1'], { stdio: 'ignore' }).on('exit', resolve);
      }),
  ),
);
const pairMs = Number(process.hrtime.bigint() - pairStart) / 1e6;

// 3. Start-up.
const [nodeBare, version, oneFile] = startups([['-e', ''], [BIN, '--version'], [BIN, 'extract', join(ROOT, 'fixtures/sample/briefing.txt')]]);

// 4. Peak memory at 1,000 and 10,000 files (the archive listed ten times for the second).
const list1k = join(OUT, 'list-1k.txt');
const list10k = join(OUT, 'list-10k.txt');
const thousand = files.slice(0, 1000);
writeFileSync(list1k, thousand.join('\n') + '\n');
writeFileSync(list10k, Array.from({ length: 10 }, () => thousand.join('\n')).join('\n') + '\n');
const rss1k = peakRss(list1k);
const rss10k = peakRss(list10k);

// 5. Growth with size: one 10 MB and one 100 MB file, and adversarial text at 1 MB and 10 MB.
const f10 = bigFile(10 * 1048576, 'big-10mb.txt');
const f100 = bigFile(100 * 1048576, 'big-100mb.txt');
const t10 = runCli(['extract', f10, '-f', 'ndjson', '-q']).ms;
const t100 = runCli(['extract', f100, '-f', 'ndjson', '-q']).ms;
const a1 = adversarial(1 * 1048576, 'adversarial-1mb.txt');
const a10 = adversarial(10 * 1048576, 'adversarial-10mb.txt');
const ta1 = runCli(['extract', a1, '-f', 'ndjson', '-q']).ms;
const ta10 = runCli(['extract', a10, '-f', 'ndjson', '-q']).ms;
rmSync(f100);

const results = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  archive: { files: files.length, megabytes: Number(mb(totalBytes).toFixed(1)) },
  ceilingMBs: Number(ceilingMBs.toFixed(1)),
  oneWorkerMBs: Number(oneMBs.toFixed(2)),
  oneWorkerToCeiling: Number((oneMBs / ceilingMBs).toFixed(3)),
  jobs2SpeedUp: Number((one / two).toFixed(2)),
  bounds: {
    ndjsonOutputMBs: Number(serializeMBs.toFixed(1)),
    ndjsonOutputToInput: Number((outBytes / sampleBytes).toFixed(2)),
    oneWorkerAtMost: Number((1 / (1 / ceilingMBs + 1 / serializeMBs) / ceilingMBs).toFixed(3)),
    twoProcessesSpeedUp: Number((one / pairMs).toFixed(2)),
  },
  startup: {
    nodeMs: Number(nodeBare.toFixed(1)),
    versionMs: Number(version.toFixed(1)),
    versionRatio: Number((version / nodeBare).toFixed(2)),
    extractOneFileMs: Number(oneFile.toFixed(1)),
    extractOneFileRatio: Number((oneFile / nodeBare).toFixed(2)),
  },
  peakRssMB: { files1000: Math.round(rss1k), files10000: Math.round(rss10k), growth: Number((rss10k / rss1k).toFixed(2)) },
  sizeScaling: { mb10Ms: Math.round(t10), mb100Ms: Math.round(t100), ratio: Number((t100 / t10).toFixed(2)) },
  adversarialScaling: { mb1Ms: Math.round(ta1), mb10Ms: Math.round(ta10), ratio: Number((ta10 / ta1).toFixed(2)) },
};
writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');

const rows = [
  ['archive', `${results.archive.files} files, ${results.archive.megabytes} MB`, ''],
  ['read + decode ceiling', `${results.ceilingMBs} MB/s`, ''],
  ['extract, 1 worker', `${results.oneWorkerMBs} MB/s`, `${results.oneWorkerToCeiling} × ceiling (goal ≥ 0.25)`],
  ['  bound: NDJSON output alone', `${results.bounds.ndjsonOutputMBs} MB/s of input`, `output ${results.bounds.ndjsonOutputToInput} × the input: 1 worker ≤ ${results.bounds.oneWorkerAtMost} × ceiling with a free extractor`],
  ['--jobs 2 vs --jobs 1', `${results.jobs2SpeedUp} ×`, 'goal ≥ 1.7'],
  ['  bound: two --jobs 1 processes', `${results.bounds.twoProcessesSpeedUp} ×`, 'each on half the archive, side by side, vs one on all'],
  ['briefing --version', `${results.startup.versionMs} ms`, `${results.startup.versionRatio} × node -e '' (goal ≤ 1.6)`],
  ['extract one corpus file', `${results.startup.extractOneFileMs} ms`, `${results.startup.extractOneFileRatio} × node -e '' (goal ≤ 2.0)`],
  ['peak RSS, 1,000 files', `${results.peakRssMB.files1000} MB`, ''],
  ['peak RSS, 10,000 files', `${results.peakRssMB.files10000} MB`, `${results.peakRssMB.growth} × (goal ≤ 200 MB, ≤ 1.2 ×)`],
  ['10 MB file', `${results.sizeScaling.mb10Ms} ms`, ''],
  ['100 MB file', `${results.sizeScaling.mb100Ms} ms`, `${results.sizeScaling.ratio} × (goal ≤ 12)`],
  ['adversarial 1 MB → 10 MB', `${results.adversarialScaling.mb1Ms} → ${results.adversarialScaling.mb10Ms} ms`, `${results.adversarialScaling.ratio} × (≈ 10 is linear)`],
];
const w = Math.max(...rows.map((r) => r[0].length));
const w2 = Math.max(...rows.map((r) => r[1].length));
console.log(`\nmachine: ${results.machine.cpus} × ${results.machine.model}, ${results.machine.memoryGiB} GiB, node ${results.machine.node}\n`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w)}  ${b.padEnd(w2)}  ${c}`);
console.log('\nwritten to bench/results.json');
