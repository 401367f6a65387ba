/**
 * The summary report in a real browser: every chart drawn, and each drawn
 * mark's number equal to the one in the table beside it.
 * REPORT_SCREENSHOT=path saves a screenshot (how docs/report-page.png is made).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';

const ROOT = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'briefing-report-'));
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(work);
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the summary report in Chromium', () => {
  it('draws every chart, and each mark has the number its table gives', async () => {
    const report = join(work, 'report.html');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/briefing.js'), 'summarize', join(ROOT, 'fixtures/cases'), join(ROOT, 'fixtures/sample'), '-f', 'html', '-o', report, '-q'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (q) => {
      if (!q.url().startsWith('file://')) outside.push(q.url());
    });
    await page.setViewport({ width: 1300, height: 1000 });
    await page.goto(`file://${report}`);
    expect(outside).toEqual([]);
    const charts = await page.$$eval('section.chart', (els) => els.map((e) => e.getAttribute('data-chart')));
    expect(charts).toEqual(['by-year-type', 'agreements-by-year', 'top-partners', 'network']);
    for (const chart of charts) {
      const check = await page.$eval(`section[data-chart="${chart}"]`, (section) => {
        const marks = [...section.querySelectorAll('svg .mark')];
        const cells = new Map<string, string>();
        for (const td of section.querySelectorAll('table td[data-x]')) {
          if (td.hasAttribute('data-series')) cells.set(`${td.getAttribute('data-x')}\u0000${td.getAttribute('data-series')}`, td.textContent ?? '');
        }
        const wrong = marks.filter((m) => cells.get(`${m.getAttribute('data-x')}\u0000${m.getAttribute('data-series') ?? ''}`) !== m.getAttribute('data-value'));
        const box = section.querySelector('svg')!.getBoundingClientRect();
        return { marks: marks.length, wrong: wrong.length, width: box.width, height: box.height };
      });
      expect(check.marks, chart!).toBeGreaterThan(0);
      expect(check.wrong, chart!).toBe(0);
      expect(check.width).toBeGreaterThan(100);
      expect(check.height).toBeGreaterThan(100);
    }
    const shot = join(work, 'report.png');
    await page.screenshot({ path: shot });
    if (process.env.REPORT_SCREENSHOT) copyFileSync(shot, process.env.REPORT_SCREENSHOT);
    await page.close();
  });
});
