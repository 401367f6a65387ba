/**
 * Debian's chromium (apt), headless, driven by puppeteer-core: no browser is
 * ever downloaded. CHROMIUM_PATH names another binary. Each test file starts
 * one browser with a fresh profile inside its own work folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export function launchChromium(work: string): Promise<Browser> {
  if (!CHROMIUM) throw new Error("no chromium: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH");
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${join(work, 'profile')}`],
  });
}
