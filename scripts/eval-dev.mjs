#!/usr/bin/env node
// The accuracy ratchet: scores the real texts kept outside the project
// (../shared: the seed briefings, the dev texts, two public news sets) and
// compares every figure with eval-baseline.json. A figure that drops by more
// than 0.005 fails the run. `--update` writes today's figures as the new
// baseline (do it when figures rise, and say why in the commit when one falls).
// Without ../shared (a fresh clone elsewhere) there is nothing to score: it says so and passes.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const SHARED = join(ROOT, '..', 'shared');
const BIN = join(ROOT, 'bin/briefing.js');
const BASELINE = join(ROOT, 'eval-baseline.json');
const TOLERANCE = 0.005;
const update = process.argv.includes('--update');

if (!existsSync(join(SHARED, 'dev'))) {
  console.log('eval:dev: ../shared/dev is not here, nothing to score (the ratchet runs where it is)');
  process.exit(0);
}

const evalJson = (goldDir, corpus, perDoc) => {
  const golds = readdirSync(goldDir).filter((f) => f.endsWith('.json')).map((f) => join(goldDir, f));
  const out = execFileSync(process.execPath, [BIN, 'eval', ...golds, '--corpus', corpus, '--json', ...(perDoc ? ['--doc'] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out);
};

/** The figures a scores object contributes, by name. */
const figures = (prefix, s) => ({
  [`${prefix}.records.p`]: s.records.p,
  [`${prefix}.records.r`]: s.records.r,
  [`${prefix}.people.f`]: s.people.f,
  [`${prefix}.personTitle`]: s.personTitle.acc,
  [`${prefix}.parties.f`]: s.parties.f,
  [`${prefix}.partiesLenient.f`]: s.partiesLenient.f,
  [`${prefix}.partyType`]: s.partyType.acc,
  [`${prefix}.agreements.f`]: s.agreements.f,
  // Not in GOLD.md's scoring, but a column users read: guarded all the same.
  ...(s.institutions && s.institutions.f !== undefined ? { [`${prefix}.institutions.f`]: s.institutions.f } : {}),
  [`${prefix}.dates.p`]: s.dates.p,
  [`${prefix}.dates.r`]: s.dates.r,
  [`${prefix}.dates.f`]: s.dates.f,
  [`${prefix}.date`]: s.date.acc,
  [`${prefix}.section`]: s.section.acc,
  [`${prefix}.title`]: s.title.acc,
  [`${prefix}.masthead`]: s.masthead.acc,
});

const now = {};
const seeds = [join(SHARED, 'gold'), join(SHARED, 'corpus')];
const dev = [join(SHARED, 'dev/gold'), join(SHARED, 'dev/corpus')];
Object.assign(now, figures('seeds', evalJson(...seeds, false)), figures('seeds.doc', evalJson(...seeds, true)));
Object.assign(now, figures('dev', evalJson(...dev, false)), figures('dev.doc', evalJson(...dev, true)));
const scorer = join(SHARED, 'tools/score-names.mjs');
for (const set of ['cluener', 'pd1998']) {
  const dir = join(SHARED, 'external', set);
  if (!existsSync(dir) || !existsSync(scorer)) continue;
  const r = JSON.parse(execFileSync(process.execPath, [scorer, dir, '--json', '--cli', `node ${BIN}`], { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 26 }));
  now[`${set}.names.p`] = r.names.p;
  now[`${set}.names.r`] = r.names.r;
  now[`${set}.names.f`] = r.names.f;
  if (r.titleEnds !== null) now[`${set}.titleEnds`] = r.titleEnds;
  if (r.titleClean !== null) now[`${set}.titleClean`] = r.titleClean;
  now[`${set}.records`] = 1 - r.noRecord / r.documents;
}

const baseline = existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, 'utf8')) : {};
const rows = [];
let failed = 0;
for (const [name, value] of Object.entries(now)) {
  const before = baseline[name];
  const drop = typeof before === 'number' && value < before - TOLERANCE;
  if (drop) failed++;
  rows.push(`${drop ? '✗' : ' '} ${name.padEnd(28)} ${value.toFixed(4)}  ${typeof before === 'number' ? `baseline ${before.toFixed(4)}  ${value - before >= 0 ? '+' : ''}${(value - before).toFixed(4)}` : '(new)'}`);
}
console.log(rows.join('\n'));
if (update) {
  const rounded = Object.fromEntries(Object.entries(now).map(([k, v]) => [k, Math.round(v * 10000) / 10000]));
  writeFileSync(BASELINE, JSON.stringify(rounded, null, 2) + '\n');
  console.log(`eval:dev: baseline written (${Object.keys(now).length} figures)${failed ? `, ${failed} of them lower than before` : ''}`);
  process.exit(0);
}
if (failed) {
  console.error(`eval:dev: ${failed} figure(s) dropped by more than ${TOLERANCE} below eval-baseline.json`);
  process.exit(1);
}
console.log(`eval:dev: ${Object.keys(now).length} figures at or above the baseline (tolerance ${TOLERANCE})`);
