// Shared setup for the browser tests: the system Chromium driven by
// playwright-core, and helpers that wait for an explorer to be ready.
import { mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { serve } from './server.mjs';

export const OUT = fileURLToPath(new URL('out/', import.meta.url));
mkdirSync(OUT, { recursive: true });

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * For a suite: starts a file server (see serve()) and the browser before its
 * tests and stops both after. Returns { server, browser }, filled in by then.
 */
export function serverAndBrowser(options) {
  const env = {};
  before(async () => {
    env.server = await serve(options);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * A new page that records uncaught errors and console errors in
 * `page.problems`, so a test can assert there were none.
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => { page.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  return page;
}

/** Waits until the explorer matching `selector` has loaded its first corpus. */
export async function ready(page, selector = 'article-explorer') {
  await page.waitForFunction((s) => customElements.get('article-explorer') && document.querySelector(s), selector);
  await page.$eval(selector, (e) => e.ready);
}

/** The result count heading's text of an explorer. */
export function countText(page, selector = 'article-explorer') {
  return page.locator(`${selector} .result-count`).innerText();
}

/** Titles of the cards on the current page, in order. */
export function titles(page, selector = 'article-explorer') {
  return page.locator(`${selector} .card-title`).allInnerTexts();
}

/** The number in "N articles" / "1–20 of N articles". */
export async function total(page, selector = 'article-explorer') {
  // A load report can show before the results re-render: read the count
  // until it holds still (two equal readings 200 ms apart, 5 s at most).
  let text = await countText(page, selector);
  for (let i = 0; i < 25; i++) {
    await page.waitForTimeout(200);
    const again = await countText(page, selector);
    if (again === text) break;
    text = again;
  }
  if (/^No articles/.test(text)) return 0;
  const m = text.replace(/,/g, '').match(/(\d+) articles?$/);
  if (!m) throw new Error(`unexpected result count "${text}"`);
  return Number(m[1]);
}

/**
 * Runs `action` and resolves to the detail of the `filter-change` event it
 * causes (the query and total), so a test never guesses at timing.
 */
export async function afterChange(page, action, selector = 'article-explorer') {
  await page.$eval(selector, (e) => {
    window.nextChange = new Promise((resolve) => e.addEventListener('filter-change', (ev) => resolve(ev.detail), { once: true }));
  });
  await action();
  return page.evaluate(() => window.nextChange);
}

/** Dates (datetime attributes) of the cards shown, '' for undated ones. */
export function cardDates(page, selector = 'article-explorer') {
  return page.locator(`${selector} .card-meta time`).evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') || ''));
}
