// Loading articles: the file picker with a bad file among good ones, drag
// and drop, ?corpus=, hostile markup shown as text, and the user's own
// articles kept across a reload.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { newPage, OUT, ready, serverAndBrowser, titles, total } from './browser.mjs';

const file = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });

const GOOD = [
  file('kenya.txt', 'Kenyans vote in general election\n\nNAIROBI, March 4, 2013 - Kenyans voted on Monday in the first general election held under the 2010 constitution.'),
  file('oslo.txt', 'Peace prize announced in Oslo\n\nOSLO, Oct. 7, 2022 - The Norwegian Nobel Committee announced the Nobel Peace Prize on Friday.'),
  file('batch.jsonl', [
    JSON.stringify({ title: 'Chile elects a new president', body: 'SANTIAGO, Dec. 19, 2021 - Gabriel Boric won the presidential runoff in Chile on Sunday.', outlet: 'Test Wire' }),
    '{"title": "this line is cut short',
    JSON.stringify({ text: 'Ocean conference opens in Lisbon\n\nLISBON, June 27, 2022 - The United Nations Ocean Conference opened in Lisbon, co-hosted by Portugal and Kenya.' }),
  ].join('\n')),
];
// Mostly NUL bytes, as an image or a UTF-16 file would be.
const BINARY = { name: 'photo.txt', mimeType: 'application/octet-stream', buffer: Buffer.from([0x89, 0x50, 0, 0, 0, 0, 0x0d, 0x0a, 0, 0, 0, 0x1a, 0, 0, 0, 0]) };
const HOSTILE = '<img src=x onerror=alert(1)>';

describe('loading articles', () => {
  const env = serverAndBrowser();

  async function open(query = '?corpus=/fixtures/records.jsonl') {
    const page = await newPage(env.browser);
    await page.goto(env.server.url + query);
    await ready(page);
    return page;
  }

  // Picks files and resolves to the load report when they are in.
  async function pick(page, files) {
    await page.$eval('article-explorer', (e) => {
      window.loaded = new Promise((resolve) => e.addEventListener('explorer-load', (ev) => resolve(ev.detail), { once: true }));
    });
    await page.locator('article-explorer input[type=file]:not([webkitdirectory])').setInputFiles(files);
    return page.evaluate(() => window.loaded);
  }

  test('several files with one bad and one malformed line: the rest load, rejections say why', async () => {
    const page = await open();
    const report = await pick(page, [...GOOD, BINARY]);
    assert.equal(report.read, report.added + report.rejected.length);
    const summary = await page.locator('article-explorer .report summary').innerText();
    assert.match(summary, /^6 articles read from 4 files: 4 added, 2 rejected\.$/);
    const rejections = await page.locator('article-explorer .rejections li').allInnerTexts();
    assert.equal(rejections.length, 2);
    assert.ok(rejections.some((r) => /^photo\.txt: binary/.test(r)), rejections.join('\n'));
    assert.ok(rejections.some((r) => /^batch\.jsonl:2: malformed JSON/.test(r)), rejections.join('\n'));
    // The user's own files replace the site's corpus.
    assert.equal(await total(page), 4);
    assert.ok((await titles(page)).includes('Chile elects a new president'));
    assert.match(await page.locator('article-explorer .stored').innerText(), /Your articles \(4\)/);
    await page.screenshot({ path: `${OUT}load-report.png` });
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a folder loads every article file in it, skipping the rest', async () => {
    const page = await open();
    await page.$eval('article-explorer', (e) => {
      window.loaded = new Promise((resolve) => e.addEventListener('explorer-load', (ev) => resolve(ev.detail), { once: true }));
    });
    await page.locator('article-explorer input[webkitdirectory]').setInputFiles(fileURLToPath(new URL('fixtures/folder', import.meta.url)));
    const report = await page.evaluate(() => window.loaded);
    assert.deepEqual([report.files, report.read, report.added, report.skipped], [2, 3, 3, 1]);
    assert.match(await page.locator('article-explorer .report').innerText(), /^3 articles read from 2 files: 3 added, 0 rejected; 1 other file skipped/);
    assert.equal(await total(page), 3);
    await page.close();
  });

  test('files dropped on the explorer load too', async () => {
    const page = await open();
    const dropped = await page.evaluateHandle((files) => {
      const data = new DataTransfer();
      for (const f of files) data.items.add(new File([f.text], f.name));
      return data;
    }, GOOD.map((f) => ({ name: f.name, text: f.buffer.toString() })));
    const explorer = page.locator('article-explorer');
    await explorer.dispatchEvent('dragenter', { dataTransfer: dropped });
    assert.equal(await page.locator('article-explorer .drop-hint').isVisible(), true);
    await explorer.dispatchEvent('dragover', { dataTransfer: dropped });
    await explorer.dispatchEvent('drop', { dataTransfer: dropped });
    await page.waitForFunction(() => document.querySelector('article-explorer').shadowRoot.querySelector('.report summary')?.textContent.includes('3 files'));
    // (dispatched events carry no real drag, so this is the files fallback)
    assert.match(await page.locator('article-explorer .report summary').innerText(), /^5 articles read from 3 files: 4 added, 1 rejected/);
    await page.waitForFunction(() => /\b4 articles$/.test(document.querySelector('article-explorer').shadowRoot.querySelector('.result-count')?.textContent.trim() || ''), null, { timeout: 5000 }).catch(() => {});
    assert.equal(await total(page), 4);
    assert.equal(await page.locator('article-explorer .drop-hint').isVisible(), false);
    await page.close();
  });

  test('markup in a title or body is shown as text, never run', async () => {
    const page = await open();
    await pick(page, [
      file('hostile.jsonl', JSON.stringify({ title: HOSTILE, body: `${HOSTILE} The headline of this story is markup.`, outlet: '<b>Bold Outlet</b>' })),
      file('script.txt', `<script>alert(2)</script>\n\n<svg onload=alert(3)></svg> A second story whose text is markup.`),
    ]);
    assert.equal(await total(page), 2);
    const card = page.locator('article-explorer article.card', { hasText: 'The headline of this story' });
    assert.equal(await card.locator('.card-title').innerText(), HOSTILE);
    await card.locator('.expand').click();
    assert.match(await card.locator('.body').innerText(), /<img src=x onerror=alert\(1\)> The headline/);
    const elements = await page.$eval('article-explorer', (e) => e.shadowRoot.querySelectorAll('img, script, svg, b').length);
    assert.equal(elements, 0, 'no element was made from article text');
    assert.equal(await page.locator('img, script:not([src]), svg').count(), 0);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a large file is split between Web Workers and the page, with the same result as one reading', async () => {
    env.server.requests.length = 0;
    const page = await open();
    // About 5 MB: several parts. The first story names an official with
    // his office, the last only by surname; a story and its copy sit at
    // either end; a broken line sits in a later part.
    const filler = 'Delegates discussed fisheries, ports and rail links at length during the session. '.repeat(10);
    const story = 'LIMA, June 6, 2023 - Ministers from Chile and Peru signed a fisheries agreement in Lima on Thursday '
      + 'after two days of talks, setting quotas for the anchovy catch along their maritime border.';
    const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify({
      source: `notice-${i}.txt`,
      text: `Regional notice ${i}\n\nQUITO, May ${(i % 28) + 1}, 2019 - Notice number ${i} of the series. ${filler}${i * 7919}`,
    }));
    lines[0] = JSON.stringify({ source: 'first.txt', text: 'ASUNCION, May 2, 2019 - Paraguayan President Mario Abdo Benitez opened the session.' });
    lines[1] = JSON.stringify({ source: 'wire.txt', text: story });
    lines[4998] = JSON.stringify({ source: 'copy.txt', text: `Fisheries deal signed\n\n${story}` });
    lines[4999] = JSON.stringify({ source: 'last.txt', text: 'QUITO, June 9, 2019 - Officials said Benitez would visit Quito in July.' });
    lines.splice(3500, 0, '{"broken": ');
    const text = `${lines.join('\n')}\n`;
    assert.ok(text.length > 4.5e6);

    const report = await pick(page, [file('notices.jsonl', text)]);
    assert.ok(env.server.requests.includes('/worker.js'), 'a worker was started');
    assert.deepEqual([report.read, report.added], [5001, 5000]);
    assert.deepEqual(report.rejected.map((r) => r.source), ['notices.jsonl:3501']);

    // What the page exports equals one explorer reading the whole file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('article-explorer').getByRole('button', { name: 'JSONL', exact: true }).click(),
    ]);
    const exported = await readFile(await download.path(), 'utf8');
    const whole = await page.evaluate(async (t) => {
      const { Explorer, startEngine } = await import('/engine.js');
      await startEngine();
      const ex = new Explorer();
      ex.addFile('notices.jsonl', new TextEncoder().encode(t));
      return ex.export(null, 'jsonl');
    }, text);
    assert.equal(exported.split('\n').length, whole.split('\n').length);
    assert.ok(exported === whole, 'the export matches one reading of the file');
    const records = new Map(exported.trim().split('\n').map((l) => JSON.parse(l)).map((r) => [r.source, r]));
    assert.equal(records.get('last.txt').officials[0]?.name, 'Mario Abdo Benitez', 'linked across parts');
    assert.equal(records.get('copy.txt').duplicate_of, 'wire.txt', 'copies found across parts');
    await page.close();
  });

  test('a worker that breaks mid-load loses only its parts, each reported, and the page loads the rest', async () => {
    const page = await newPage(env.browser);
    // A worker that starts, then fails on every part it is given.
    await page.route('**/worker.js', (route) => route.fulfill({
      contentType: 'text/javascript',
      body: "onmessage = ({ data }) => { if (data.type === 'start') postMessage({ type: 'ready' }); else throw new Error('extractor broke'); };",
    }));
    await page.goto(`${env.server.url}?corpus=/fixtures/records.jsonl`);
    await ready(page);
    const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify({
      source: `n-${i}.txt`, text: `QUITO, May 2, 2019 - Notice ${i}. ${'Delegates met at length on ports and rail. '.repeat(24)}`,
    }));
    const report = await pick(page, [file('notices.jsonl', `${lines.join('\n')}\n`)]);
    const lost = report.rejected.filter((r) => /extractor broke/.test(r.reason));
    assert.ok(lost.length > 0, 'the broken worker was given parts');
    assert.ok(lost.every((r) => /^notices\.jsonl from line \d+$/.test(r.source)), lost.map((r) => r.source).join(', '));
    assert.equal(report.rejected.length, lost.length);
    assert.ok(report.added > 0 && report.added < 5000, `${report.added} added`);
    assert.equal(report.read, report.added + report.rejected.length);
    assert.equal(await page.$eval('article-explorer', (e) => e.size), report.added);
    assert.deepEqual(page.problems.filter((p) => !/extractor broke/.test(p)), []);
    await page.close();
  });

  test('your articles come back after a reload, and removing them brings the site’s back', async () => {
    const page = await open();
    const siteTotal = await total(page);
    await pick(page, [...GOOD, BINARY]);
    const stored = page.locator('article-explorer .stored');
    assert.match(await stored.innerText(), /Your articles \(4\) · kept in this browser/);
    const before = (await titles(page)).sort();
    await page.reload();
    await ready(page);
    assert.equal(await total(page), 4);
    assert.deepEqual((await titles(page)).sort(), before);
    assert.match(await stored.innerText(), /Your articles \(4\)/);
    // A filter on restored articles works as on fresh ones.
    await page.locator('article-explorer .search').fill('chile');
    await page.waitForFunction(() => document.querySelector('article-explorer').query.text === 'chile');
    assert.equal(await total(page), 1);

    await page.locator('article-explorer [data-key=remove-own]').click();
    await page.waitForFunction(() => document.querySelector('article-explorer').shadowRoot.querySelector('.stored').hidden);
    await page.locator('article-explorer .clear-all').click();
    assert.equal(await total(page), siteTotal);
    await page.reload();
    await ready(page);
    assert.equal(await total(page), siteTotal);
    assert.equal(await stored.isHidden(), true);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('without storage, or with storage full, it says so and keeps working', async () => {
    for (const [setup, message] of [
      [() => { Object.defineProperty(window, 'indexedDB', { value: undefined }); }, /not kept: this browser offers no storage/],
      [() => { IDBObjectStore.prototype.put = () => { throw new DOMException('full', 'QuotaExceededError'); }; }, /not kept: the browser storage is full/],
    ]) {
      const page = await newPage(env.browser);
      await page.addInitScript(setup);
      await page.goto(`${env.server.url}?corpus=/fixtures/records.jsonl`);
      await ready(page);
      await pick(page, GOOD);
      assert.match(await page.locator('article-explorer .stored').innerText(), message);
      assert.equal(await total(page), 4);
      assert.deepEqual(page.problems, []);
      await page.close();
    }
  });

  test('?corpus= loads the given file, relative or absolute, and reports a missing one', async () => {
    let page = await open('?corpus=fixtures/single.txt');
    assert.equal(await total(page), 1);
    assert.match(await page.locator('article-explorer .report summary').innerText(), /^1 article read from 1 file: 1 added, 0 rejected/);
    await page.close();

    page = await open(`?corpus=${encodeURIComponent(`${env.server.origin}/fixtures/records.jsonl`)}`);
    assert.match(await page.locator('article-explorer .report summary').innerText(), /^12 articles read from 1 file: 12 added, 0 rejected/);
    await page.close();

    // A URL with no extension: a pretty-printed JSON array is read as JSON.
    page = await open('?corpus=fixtures/array-corpus');
    assert.match(await page.locator('article-explorer .report summary').innerText(), /^2 articles read from 1 file: 2 added, 0 rejected/);
    await page.close();

    page = await open('?corpus=/fixtures/missing.jsonl');
    assert.match(await page.locator('article-explorer .error').innerText(), /missing\.jsonl: HTTP 404/);
    assert.equal(await total(page), 0);
    await page.close();
  });
});
