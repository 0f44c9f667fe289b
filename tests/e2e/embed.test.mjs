// <article-explorer> inside someone else's page: style isolation both ways,
// events, attributes, two independent instances, and a script served from
// another origin.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { afterChange, newPage, OUT, ready, serverAndBrowser, total } from './browser.mjs';
import { serve } from './server.mjs';

// Computed styles that host rules would change if they leaked in.
const PROPS = ['font-family', 'font-size', 'color', 'background-color', 'border-top-width', 'border-top-style',
  'border-top-color', 'border-radius', 'transform', 'letter-spacing', 'line-height', 'text-transform',
  'text-decoration-line', 'list-style-type', 'outline-style', 'padding-top'];
const INSIDE = ['.root', '.card', '.card-title', '.chip', '.search', '.facet-item', '.facet h3', '.expand',
  '.button', 'mark', '.tags', '.facet-list li'];

function insideStyles(page, selector) {
  return page.$eval(selector, (host, [parts, props]) => Object.fromEntries(parts.map((part) => {
    const node = host.shadowRoot.querySelector(part);
    if (!node) return [part, null];
    const style = getComputedStyle(node);
    return [part, Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]))];
  })), [INSIDE, PROPS]);
}

// A corpus big enough to be parsed in a Web Worker, with bodies of random
// words so no two articles look like copies of one story.
function bigCorpus(n) {
  const syllables = 'ba ko ri tum sel var no ga pi den lu ma sho ter vi qua ro ze fin da'.split(' ');
  let seed = 7;
  const next = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed >>> 8; };
  const word = () => Array.from({ length: 3 }, () => syllables[next() % syllables.length]).join('');
  const lines = [];
  for (let i = 0; i < n; i += 1) {
    const body = Array.from({ length: 160 }, word).join(' ');
    lines.push(JSON.stringify({ id: `big-${i}`, title: `Generated article ${i}`, body: `${body}.`, date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}` }));
  }
  return `${lines.join('\n')}\n`;
}

describe('embedding the element', () => {
  const env = serverAndBrowser();

  async function open() {
    const page = await newPage(env.browser);
    await page.goto(`${env.server.url}embed-example.html?q=ignored`);
    await ready(page, '#world');
    await ready(page, '#science');
    await page.locator('#world mark').count();
    return page;
  }

  test('host styles do not reach inside, and the element’s styles do not reach out', async () => {
    const page = await open();
    // The same element on the plain page is the reference.
    const plain = await newPage(env.browser);
    await plain.goto(`${env.server.url}?q=summit`);
    await ready(plain);
    await afterChange(page, () => page.locator('#world .search').fill('summit'));
    await page.locator('#world .search').blur();
    const embedded = await insideStyles(page, '#world');
    const reference = await insideStyles(plain, 'article-explorer');
    for (const part of INSIDE) {
      assert.ok(reference[part], `${part} exists on the plain page`);
      assert.deepEqual(embedded[part], reference[part], `${part} looks the same inside the loud host page`);
    }
    await plain.close();

    const host = await page.evaluate(() => {
      const style = (s) => getComputedStyle(document.querySelector(s));
      return {
        card: [style('.masthead').borderTopWidth, style('.masthead').borderRadius, style('.masthead').backgroundColor],
        button: [style('.host-button').backgroundColor, style('.host-button').borderTopStyle],
        heading: [style('h3').textTransform, style('h3').fontSize],
        body: style('body').fontSize,
      };
    });
    assert.deepEqual(host, {
      card: ['4px', '0px', 'rgb(224, 255, 255)'],
      button: ['rgb(255, 105, 180)', 'dashed'],
      heading: ['uppercase', '32px'],
      body: '19px',
    });

    // Theming goes through the documented custom properties and parts.
    const themed = await page.$eval('#science', (e) => {
      const card = getComputedStyle(e.shadowRoot.querySelector('.card'));
      return [card.borderTopLeftRadius, card.borderLeftWidth, getComputedStyle(e.shadowRoot.querySelector('.root')).fontFamily];
    });
    assert.deepEqual(themed, ['0px', '6px', 'Georgia, "Times New Roman", serif']);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('events fire and attribute changes update the view', async () => {
    const page = await open();
    // textContent, not innerText: the host lower-cases its own text.
    const log = { innerText: () => page.locator('#log').textContent() };
    assert.match(await log.innerText(), /world: ready with \d+ articles/);
    assert.match(await log.innerText(), /science: ready with 6 articles/);
    assert.equal(await total(page, '#science'), 6);
    // The query attribute set the initial sort.
    assert.equal(await page.locator('#science .sort').inputValue(), 'oldest');

    const detail = await afterChange(page, () => page.click('#only-india'), '#science');
    assert.deepEqual(detail.query.countries, ['IN']);
    assert.equal(detail.total, await total(page, '#science'));
    assert.ok(detail.total >= 1 && detail.total < 6);
    assert.match(await log.innerText(), /science: \d+ articles for \{"text":"","countries":\["IN"\]/);

    await page.click('#only-dates');
    assert.equal(await page.locator('#science .facet-country').isHidden(), true);
    assert.equal(await page.locator('#science .facet-date').isVisible(), true);
    assert.equal(await page.locator('#world .facet-country').isVisible(), true);

    await page.$eval('#world', (e) => e.setAttribute('page-size', '2'));
    assert.equal(await page.locator('#world article.card').count(), 2);

    const opened = page.$eval('#world', (e) => new Promise((r) => e.addEventListener('article-open', (ev) => r(ev.detail.record), { once: true })));
    const id = await page.locator('#world article.card').first().getAttribute('data-id');
    await page.locator('#world .expand').first().click();
    const record = await opened;
    assert.equal(record.id, id);
    assert.ok(record.body.length > 0);
    assert.match(await log.innerText(), /world: opened/);

    // A new corpus attribute loads that corpus.
    const loaded = page.$eval('#science', (e) => new Promise((r) => e.addEventListener('explorer-load', (ev) => r(ev.detail), { once: true })));
    await page.$eval('#science', (e) => e.setAttribute('corpus', '/fixtures/records.jsonl'));
    assert.equal((await loaded).added, 12);
    await page.click('#all');
    assert.ok(await total(page, '#science') >= 11);

    // Properties and methods.
    const added = await page.$eval('#science', async (e) => {
      const report = await e.addDocuments([{ source: 'extra', title: 'An added article', body: 'ROME, May 2, 2024 - A story added by the host page.' }]);
      return [report.added, e.size];
    });
    assert.equal(added[0], 1);
    // Many calls in a row show once: the count heading changes once, not per call.
    const shown = await page.$eval('#science', async (e) => {
      const heading = e.shadowRoot.querySelector('.result-count');
      let changes = 0;
      const seen = new MutationObserver(() => { changes += 1; });
      seen.observe(heading, { childList: true, characterData: true, subtree: true });
      const before = e.size;
      for (let i = 0; i < 40; i++) {
        await e.addDocuments([{ source: `burst-${i}`, text: `PARIS, May 3, 2024 - Story number ${i} of a burst, one call each.` }]);
      }
      await new Promise((r) => setTimeout(r, 100));
      seen.disconnect();
      return { added: e.size - before, changes, heading: heading.textContent };
    });
    assert.equal(shown.added, 40);
    assert.ok(shown.changes >= 1 && shown.changes <= 3, `the heading changed ${shown.changes} times`);
    assert.match(shown.heading, /\d/);

    // A long facet list comes cut to its most frequent values; its filter box searches them all.
    await page.$eval('#science', (e) => {
      e.setAttribute('facets', 'country,outlet,date');
      return e.addDocuments(Array.from({ length: 400 }, (_, i) => (
        { source: `wire-${i}`, outlet: `Wire Service ${i}`, text: `ROME, May 4, 2024 - Item ${i} from a wire.` })));
    });
    await total(page, '#science');
    const more = page.locator('#science .facet-outlet .more');
    assert.match(await more.innerText(), /^Show all (\d+)$/);
    assert.ok(Number((await more.innerText()).replace(/\D/g, '')) >= 400);
    await more.click();
    assert.ok(await page.locator('#science .facet-outlet li label').count() <= 300);
    assert.match(await page.locator('#science .facet-outlet li.empty').innerText(), /more: type in the filter box/);
    // Equal counts go by name: "Wire Service 99" is past the first 300.
    await page.locator('#science .facet-outlet .facet-filter').fill('wire service 99');
    await page.locator('#science .facet-outlet li label', { hasText: 'Wire Service 99' }).waitFor({ timeout: 5000 });
    await page.locator('#science .facet-outlet .facet-filter').fill('');
    await page.$eval('#science', (e) => e.setAttribute('facets', 'country,date'));
    assert.equal(await page.$eval('#science', (e) => { e.query = 'q=added'; return e.query.text; }), 'added');
    assert.equal(await total(page, '#science'), 1);
    await page.$eval('#science', (e) => e.clear());
    assert.equal(await total(page, '#science'), 0);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('two explorers keep separate filters, leave the URL alone and share one wasm module', async () => {
    const page = await open();
    const scienceBefore = await page.$eval('#science', (e) => [e.query, e.size]);
    const worldTotal = await total(page, '#world');
    await afterChange(page, () => page.locator('#world .facet-country input[type=checkbox]').first().check(), '#world');
    assert.ok(await total(page, '#world') < worldTotal);
    assert.deepEqual(await page.$eval('#science', (e) => [e.query, e.size]), scienceBefore);
    assert.equal(await page.locator('#science input[type=checkbox]:checked').count(), 0);
    assert.equal(new URL(page.url()).search, '?q=ignored', 'without url-state the URL is left alone');
    const wasmLoads = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('_bg.wasm')).length);
    assert.equal(wasmLoads, 1);
    await page.screenshot({ path: `${OUT}embed.png`, fullPage: true });
    await page.close();
  });

  test('works when the script comes from another origin, its worker included', async () => {
    const cdn = await serve({ mount: '/cdn/explorer/' });
    const page = await newPage(env.browser);
    await page.route(`${env.server.origin}/fixtures/big.jsonl`, (route) => route.fulfill({ contentType: 'application/x-ndjson', body: bigCorpus(4000) }));
    await page.goto(`${env.server.origin}/fixtures/host-page.html?from=${encodeURIComponent(cdn.url)}&corpus=big.jsonl`);
    await ready(page);
    assert.equal(await page.$eval('article-explorer', (e) => e.size), 4000);
    assert.equal(await total(page), 4000);
    assert.ok(cdn.requests.includes('/cdn/explorer/worker.js'), 'the large corpus was shared with a worker');
    assert.ok(cdn.requests.includes('/cdn/explorer/style.css'));
    assert.equal(await page.$eval('article-explorer', (e) => getComputedStyle(e.shadowRoot.querySelector('.card')).borderTopStyle), 'solid');
    assert.deepEqual(page.problems, []);
    await page.close();
    await cdn.close();
  });
});
