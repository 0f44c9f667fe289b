// The standalone page, served under a sub-path (/explorer/) as on GitHub
// Pages: loading, search, facets, dates, URL state, cards, export.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { afterChange, cardDates, newPage, OUT, ready, serverAndBrowser, titles, total } from './browser.mjs';

const SCREENSHOT = fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url));
// Records written as the CLI writes them, so tags and dates are known exactly.
const RECORDS = '?corpus=/fixtures/records.jsonl';
const ALL_RECORDS = (await readFile(new URL('fixtures/records.jsonl', import.meta.url), 'utf8'))
  .trim().split('\n').map((line) => JSON.parse(line));

describe('the page under a sub-path', () => {
  const env = serverAndBrowser({ mount: '/explorer/' });

  async function open(query = RECORDS) {
    const page = await newPage(env.browser);
    await page.goto(env.server.url + query);
    await ready(page);
    return page;
  }

  test('loads the demo corpus and shows cards, fetching only under the sub-path', async () => {
    env.server.requests.length = 0;
    const page = await open('');
    const n = await total(page);
    assert.ok(n > 0, 'the demo corpus has articles');
    assert.equal(await page.locator('article-explorer article.card').count(), Math.min(n, 20));
    assert.ok(env.server.requests.includes('/explorer/demo/articles.jsonl'));
    const outside = env.server.requests.filter((p) => !p.startsWith('/explorer/'));
    assert.deepEqual(outside, [], 'every file is fetched relative to the page');
    // The demo has the same story from several outlets: one card lists the others.
    await page.$eval('article-explorer', (e) => e.setAttribute('page-size', '200'));
    const alsoIn = await page.locator('article-explorer .also-in').allInnerTexts();
    assert.ok(alsoIn.length > 0, 'duplicate stories collapse into one card');
    for (const text of alsoIn) assert.match(text, /^Also in: [^,[\]]+(, [^,[\]]+)*$/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('search narrows the results, matches accents loosely and highlights', async () => {
    const page = await open();
    const before = await total(page);
    const detail = await afterChange(page, () => page.locator('article-explorer .search').fill('summit'));
    assert.equal(detail.query.text, 'summit');
    const after = await total(page);
    const expected = ALL_RECORDS.filter((r) => /summit/i.test(`${r.title} ${r.body}`)).length;
    assert.ok(after < before && after > 0, `${after} of ${before}`);
    assert.ok(after <= expected, `${after} results for ${expected} matching records`);
    const marks = await page.locator('article-explorer .card mark').allInnerTexts();
    assert.ok(marks.length >= after, 'each card highlights the word');
    for (const m of marks) assert.match(m, /^summit/i);
    assert.match(page.url(), /[?&]q=summit/);

    await afterChange(page, () => page.locator('article-explorer .search').fill('inacio'));
    assert.equal(await total(page), 1);
    assert.deepEqual(await page.locator('article-explorer .card mark').allInnerTexts(), ['Inácio']);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('ticking a country keeps only its articles and updates the counts', async () => {
    const page = await open();
    const japan = page.locator('article-explorer .facet-country label', { hasText: 'Japan' });
    const listed = Number(await japan.locator('.count').innerText());
    const detail = await afterChange(page, () => japan.locator('input').check());
    assert.deepEqual(detail.query.countries, ['JP']);
    assert.equal(detail.total, listed, 'the total is the count the facet showed');
    assert.equal(await total(page), listed);
    const cards = page.locator('article-explorer article.card');
    for (let i = 0; i < await cards.count(); i += 1) {
      assert.ok((await cards.nth(i).locator('.chip-country').allInnerTexts()).some((t) => t.startsWith('Japan')));
    }
    // Other countries now count only Japanese articles; Japan's own count stays.
    const korea = Number(await page.locator('article-explorer .facet-country label', { hasText: 'South Korea' }).locator('.count').innerText());
    assert.equal(korea, ALL_RECORDS.filter((r) => r.countries.some((c) => c.code === 'JP') && r.countries.some((c) => c.code === 'KR')).length);
    assert.equal(Number(await japan.locator('.count').innerText()), listed);
    // A second country widens the result (values of one facet are OR).
    await afterChange(page, () => page.locator('article-explorer .facet-country label', { hasText: 'India' }).locator('input').check());
    assert.ok(await total(page) > listed);
    assert.match(page.url(), /country=JP%2CIN|country=JP,IN/);
    await page.close();
  });

  test('the date range and the histogram filter by date', async () => {
    const page = await open();
    await afterChange(page, () => page.locator('article-explorer input[type=date]').first().fill('2023-01-01'));
    await afterChange(page, () => page.locator('article-explorer input[type=date]').last().fill('2023-12-31'));
    const dates = await cardDates(page);
    const expected = ALL_RECORDS.filter((r) => r.date && r.date.slice(0, 4) === '2023').length;
    assert.ok(dates.length > 0 && dates.length <= expected);
    for (const d of dates) assert.ok(d >= '2023' && d <= '2023-12-31', d);
    // A partial date (a month) falls inside a range that covers it.
    assert.ok(dates.includes('2023-01'), 'the January 2023 article is in the range');
    await afterChange(page, () => page.locator('article-explorer .clear-all').click());
    const bar = page.locator('article-explorer .bar[aria-label^="May 2023"]');
    await afterChange(page, () => bar.click());
    assert.equal(await bar.getAttribute('aria-pressed'), 'true');
    for (const d of await cardDates(page)) assert.ok(d.startsWith('2023-05'), d);
    assert.match(page.url(), /month=2023-05/);
    await page.close();
  });

  test('a shared URL restores the view, and the back button steps back', async () => {
    const page = await open(`${RECORDS}&country=JP,KR&q=summit&official=Fumio%20Kishida&sort=oldest`);
    assert.equal(await page.locator('article-explorer .search').inputValue(), 'summit');
    assert.equal(await page.locator('article-explorer .facet-country label', { hasText: 'Japan' }).locator('input').isChecked(), true);
    assert.equal(await page.locator('article-explorer .facet-official label', { hasText: 'Fumio Kishida' }).locator('input').isChecked(), true);
    assert.equal(await page.locator('article-explorer .sort').inputValue(), 'oldest');
    const restored = await total(page);
    const dates = await cardDates(page);
    assert.deepEqual(dates, [...dates].sort(), 'oldest first');
    assert.ok(restored > 0);

    await afterChange(page, () => page.locator('article-explorer .active-chip', { hasText: 'South Korea' }).click());
    await afterChange(page, () => page.locator('article-explorer .search').fill(''));
    assert.doesNotMatch(page.url(), /[?&]q=/);
    const widened = await total(page);
    assert.ok(widened >= restored);

    await afterChange(page, () => page.goBack());
    assert.equal(await page.locator('article-explorer .search').inputValue(), 'summit');
    await afterChange(page, () => page.goBack());
    assert.equal(await page.locator('article-explorer .facet-country label', { hasText: 'South Korea' }).locator('input').isChecked(), true);
    assert.equal(await total(page), restored);

    await page.reload();
    await ready(page);
    assert.equal(await total(page), restored);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('chips on a card filter, and a card opens to its text and evidence', async () => {
    const page = await open(`${RECORDS}&q=hiroshima`);
    const card = page.locator('article-explorer article.card', { hasText: 'G7 leaders open summit in Hiroshima' });
    await afterChange(page, () => card.locator('.chip-official', { hasText: 'Fumio Kishida' }).click());
    assert.equal(await page.locator('article-explorer .active-chip', { hasText: 'Fumio Kishida' }).count(), 1);
    for (const t of await page.locator('article-explorer article.card').allInnerTexts()) assert.match(t, /Kishida/);

    const opened = page.$eval('article-explorer', (e) => new Promise((r) => e.addEventListener('article-open', (ev) => r(ev.detail.record), { once: true })));
    const toggle = card.locator('.expand');
    await toggle.click();
    const record = await opened;
    assert.equal(record.title, 'G7 leaders open summit in Hiroshima');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const detail = card.locator('.detail');
    assert.match(await detail.locator('.body').innerText(), /home constituency/);
    assert.ok((await detail.locator('.body mark').allInnerTexts()).includes('Hiroshima'));
    const why = await detail.locator('.why-list').innerText();
    assert.match(why, /Published: May 19, 2023/);
    assert.match(why, /Japan \(JP\)/);
    assert.match(why, /Japanese Prime Minister Fumio Kishida/);
    await toggle.click();
    assert.equal(await detail.isHidden(), true);

    // A partial or inferred date is marked and explains itself on hover.
    await afterChange(page, () => page.locator('article-explorer .clear-all').click());
    await afterChange(page, () => page.locator('article-explorer .search').fill('lula'));
    const date = page.locator('article-explorer .card-meta time');
    assert.match(await date.innerText(), /January 2023 \(partial\)/);
    assert.match(await date.getAttribute('title'), /BRASILIA, Jan\. 1/);
    await page.close();
  });

  test('pages through long results, rendering one page at a time', async () => {
    const page = await newPage(env.browser);
    await page.goto(`${env.server.url}${RECORDS}`);
    await ready(page);
    await page.$eval('article-explorer', (e) => e.setAttribute('page-size', '5'));
    const n = await total(page);
    assert.equal(await page.locator('article-explorer article.card').count(), 5);
    const first = await titles(page);
    await page.locator('article-explorer .pager button', { hasText: 'Next' }).click();
    const second = await titles(page);
    assert.equal(second.length, Math.min(5, n - 5));
    assert.ok(!second.some((t) => first.includes(t)));
    assert.match(await page.locator('article-explorer .result-count').innerText(), new RegExp(`^6–${5 + second.length} of ${n}`));
    await page.close();
  });

  test('exports the current result as JSONL and CSV downloads', async () => {
    const page = await open(`${RECORDS}&country=JP`);
    const n = await total(page);
    const [jsonl] = await Promise.all([page.waitForEvent('download'), page.locator('article-explorer .export button', { hasText: 'JSONL' }).click()]);
    assert.equal(jsonl.suggestedFilename(), 'articles.jsonl');
    const lines = (await readFile(await jsonl.path(), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(lines.length >= n, `${lines.length} lines for ${n} results`);
    for (const r of lines) assert.ok(r.countries.some((c) => c.code === 'JP'));
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('article-explorer .export button', { hasText: 'CSV' }).click()]);
    assert.equal(csv.suggestedFilename(), 'articles.csv');
    const text = await readFile(await csv.path(), 'utf8');
    assert.match(text.split('\n')[0], /\bid\b/);
    assert.match(text, /Bank of Japan ends negative interest rates/);
    assert.doesNotMatch(text, /Paris Olympics/);
    await page.close();
  });

  test('is keyboard-usable: the search, facets and chips are reachable and labelled', async () => {
    const page = await open();
    await page.locator('article-explorer .search').focus();
    await page.keyboard.type('election');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('article-explorer').query.text === 'election');
    const unlabeled = await page.$eval('article-explorer', (e) => [...e.shadowRoot.querySelectorAll('input:not([type=file]), select, button')]
      .filter((n) => !n.closest('[hidden]'))
      .filter((n) => !(n.labels?.length || n.getAttribute('aria-label') || n.textContent.trim()))
      .map((n) => n.outerHTML));
    assert.deepEqual(unlabeled, []);
    // Tick a facet with the keyboard and keep focus on it after re-rendering.
    const box = page.locator('article-explorer .facet-country input[type=checkbox]').first();
    await box.focus();
    await afterChange(page, () => page.keyboard.press('Space'));
    assert.equal(await page.$eval('article-explorer', (e) => e.shadowRoot.activeElement?.dataset.key?.startsWith('facet:country:')), true);
    await page.close();
  });

  test('screenshots: demo with a filter (README), phone and dark mode', async () => {
    const page = await open('');
    await afterChange(page, () => page.locator('article-explorer .search').fill('summit'));
    await afterChange(page, () => page.locator('article-explorer .facet-country input[type=checkbox]').first().check());
    assert.ok(await total(page) > 0);
    await page.screenshot({ path: SCREENSHOT, clip: { x: 0, y: 0, width: 1280, height: 960 } });
    await page.locator('article-explorer article.card .expand').first().click();
    await page.screenshot({ path: `${OUT}page.png`, fullPage: true });
    assert.deepEqual(page.problems, []);
    await page.close();

    const phone = await newPage(env.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(env.server.url + RECORDS);
    await ready(phone);
    const sidebar = phone.locator('article-explorer .sidebar');
    assert.equal(await sidebar.isVisible(), false, 'filters fold away on a phone');
    const toggle = phone.locator('article-explorer .filters-toggle');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await sidebar.isVisible(), true);
    await phone.screenshot({ path: `${OUT}phone.png`, fullPage: true });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
    await phone.close();

    const dark = await newPage(env.browser, { colorScheme: 'dark' });
    await dark.goto(env.server.url + RECORDS);
    await ready(dark);
    const bg = await dark.$eval('article-explorer', (e) => getComputedStyle(e.shadowRoot.querySelector('.card')).backgroundColor);
    assert.notEqual(bg, 'rgb(247, 248, 250)', 'cards follow the dark scheme');
    await dark.screenshot({ path: `${OUT}dark.png` });
    await dark.close();
  });
});
