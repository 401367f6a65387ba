/**
 * The review page in a real browser: Debian's chromium (apt), headless, driven
 * by puppeteer-core (no browser is ever downloaded). `npm run test:browser`;
 * `.ci/run` installs chromium when it is missing and runs it.
 *
 * CHROMIUM_PATH names another binary; REVIEW_SCREENSHOT=path also saves the
 * screenshot there (how docs/review-page.png is made).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { extractBriefing } from '../../src/index.js';
import { reviewPage, HIGHLIGHT_TYPES } from '../../src/format/review.js';

const ROOT = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'briefing-browser-'));
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(work);
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

function pageFile(name: string, source: string): { path: string; doc: ReturnType<typeof extractBriefing> } {
  const doc = extractBriefing(source, { file: name });
  const path = join(work, `${name}.html`);
  writeFileSync(path, reviewPage(doc, source, 'test'));
  return { path, doc };
}

describe('the review page in Chromium', () => {
  it('highlights every value once per type, toggles types, shows a date on hover, and works offline', async () => {
    const source = readFileSync(join(ROOT, 'fixtures/cases/institution-names.txt'), 'utf8');
    const { path, doc } = pageFile('institution-names.txt', source);
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`file://${path}`);
    // Only the page itself was loaded: no CDN, no fonts, no scripts from elsewhere.
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);

    const want: { [t: string]: number } = {
      date: doc.records.reduce((n, r) => n + r.dates.length, 0),
      person: doc.records.reduce((n, r) => n + r.people.length, 0),
      party: doc.records.reduce((n, r) => n + r.parties.length, 0),
      agreement: doc.records.reduce((n, r) => n + r.agreements.length, 0),
      institution: doc.records.reduce((n, r) => n + r.institutions.length, 0),
      source: doc.records.filter((r) => r.source).length,
    };
    for (const type of HIGHLIGHT_TYPES) {
      const got = await page.$$eval(`pre.src .hl-${type}`, (els) => new Set(els.map((e) => e.getAttribute('data-v'))).size);
      expect(got, type).toBe(want[type]);
    }
    expect(want.date).toBeGreaterThan(0);
    expect(await page.$$eval('pre.src .record', (els) => els.length)).toBe(doc.records.length);

    // Toggle dates off and on: the highlight goes and comes back.
    const background = () => page.$eval('pre.src .hl-date', (e) => getComputedStyle(e).backgroundColor);
    const on = await background();
    expect(on).not.toBe('rgba(0, 0, 0, 0)');
    await page.click('.toggles input[data-type="date"]');
    expect(await background()).toBe('rgba(0, 0, 0, 0)');
    await page.click('.toggles input[data-type="date"]');
    expect(await background()).toBe(on);

    // Hover a date: the tooltip gives its normalised range and its span.
    const first = doc.records.flatMap((r) => r.dates)[0]!;
    await page.hover('pre.src .hl-date');
    const tip = await page.$eval('#tip', (e) => ({ hidden: (e as HTMLElement).hidden, text: e.textContent ?? '' }));
    expect(tip.hidden).toBe(false);
    expect(tip.text).toContain(first.start);
    expect(tip.text).toContain(`[${first.span[0]}, ${first.span[1]})`);

    // j steps to the first record (keys act outside the toggles).
    await page.mouse.move(1, 1);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('j');
    expect(await page.$eval('.record.current', (e) => e.id)).toBe('r1');

    const shot = join(work, 'review.png');
    await page.screenshot({ path: shot, fullPage: false });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    if (process.env.REVIEW_SCREENSHOT) copyFileSync(shot, process.env.REVIEW_SCREENSHOT);
    await page.close();
  });

  it('runs no script a briefing carries', async () => {
    const hostile = '东岭大学与南港市签署协议</script><img src=x onerror="window.__pwned=1">\n\n6月2日，东岭大学与南港市人民政府签署<b>战略合作协议</b>。<script>window.__pwned=2</script>\n';
    const { path } = pageFile('hostile.txt', hostile);
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(`file://${path}`);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
    expect(await page.$$eval('pre.src img, pre.src b, pre.src script', (els) => els.length)).toBe(0);
    expect(await page.$eval('pre.src', (e) => e.textContent)).toContain('<img src=x onerror="window.__pwned=1">');
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
