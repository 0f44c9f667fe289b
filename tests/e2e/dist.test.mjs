// The single offline file: built by scripts/dist.mjs, opened from file://
// with every network request blocked, it still searches, filters and loads
// the user's files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { afterChange, launch, newPage, OUT, ready, titles, total } from './browser.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HTML = `${ROOT}dist/article-explorer.html`;

describe('the single-file build', () => {
  let browser;
  let built;
  before(async () => {
    built = execFileSync(process.execPath, ['scripts/dist.mjs'], { cwd: ROOT, encoding: 'utf8' });
    browser = await launch();
  });
  after(() => browser?.close());

  async function open() {
    const page = await newPage(browser);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.context().route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(HTML).href);
    await ready(page);
    page.requests = requests;
    return page;
  }

  test('prints its size, and works from file:// with no network', async () => {
    const size = statSync(HTML).size;
    assert.match(built, new RegExp(`article-explorer\\.html: ${size} bytes`));
    const page = await open();
    const all = await total(page);
    assert.ok(all > 0);
    const fetched = page.requests.filter((u) => !u.startsWith('data:') && u !== pathToFileURL(HTML).href);
    assert.deepEqual(fetched, [], 'nothing but the file itself is loaded');
    // The stylesheet is inlined too (and allowed by the page's CSP).
    assert.equal(await page.$eval('article-explorer', (e) => getComputedStyle(e.shadowRoot.querySelector('.card')).borderTopStyle), 'solid');

    await afterChange(page, () => page.locator('article-explorer .search').fill('minister'));
    const found = await total(page);
    assert.ok(found > 0 && found < all);
    assert.ok((await page.locator('article-explorer .card mark').count()) > 0);
    const country = page.locator('article-explorer .facet-country label').first();
    const count = Number(await country.locator('.count').innerText());
    const detail = await afterChange(page, () => country.locator('input').check());
    assert.equal(detail.total, count);
    assert.equal(await total(page), count);
    await page.screenshot({ path: `${OUT}single-file.png` });
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('loads the user’s files on the page itself, without a worker, and keeps them', async () => {
    const page = await open();
    const loaded = page.$eval('article-explorer', (e) => new Promise((r) => e.addEventListener('explorer-load', (ev) => r(ev.detail), { once: true })));
    await page.locator('article-explorer input[type=file]:not([webkitdirectory])').setInputFiles([
      { name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from('Harbour reopens after storm\n\nVALPARAISO, June 3, 2024 - The port of Valparaiso in Chile reopened on Monday.') },
      { name: 'two.jsonl', mimeType: 'text/plain', buffer: Buffer.from('{"title":"Budget passes","body":"OTTAWA, April 16, 2024 - Canada tabled its federal budget."}\n{oops\n') },
    ]);
    const report = await loaded;
    assert.equal(report.read, 3);
    assert.equal(report.added, 2);
    assert.equal(report.rejected[0].source, 'two.jsonl:2');
    assert.equal(await total(page), 2);
    assert.deepEqual((await titles(page)).sort(), ['Budget passes', 'Harbour reopens after storm']);
    assert.ok(!page.requests.some((u) => u.includes('worker')));
    // Kept across a reload even from file://.
    assert.match(await page.locator('article-explorer .stored').innerText(), /Your articles \(2\) · kept/);
    await page.reload();
    await ready(page);
    assert.equal(await total(page), 2);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
