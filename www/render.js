// Builds the explorer's DOM nodes. Article text reaches the page only through
// text nodes (textContent); nothing here parses markup.

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'hidden', 'max']);

/**
 * Creates an element. `props`: `class`, `text`, `dataset`, `on<event>`
 * handlers, DOM properties (value, checked, ...) and attributes; a null,
 * undefined or false value leaves the attribute out. Children are nodes or
 * strings (added as text).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (PROPERTIES.has(key)) node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  node.append(...children.flat(Infinity).filter((c) => c != null && c !== false));
  return node;
}

// Case- and accent-insensitive form of a word, as the engine compares them.
export function foldText(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a search text, folded; one-letter words only when alone. */
export function searchTerms(text) {
  const terms = foldText(text || '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const long = terms.filter((t) => t.length > 1);
  return long.length ? long : terms;
}

/** [start, end) UTF-16 ranges of the words in `text` that start with a search term. */
export function termRanges(text, query) {
  const terms = searchTerms(query);
  if (!terms.length || !text) return [];
  const ranges = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu)) {
    const word = foldText(m[0]);
    if (terms.some((t) => word.startsWith(t))) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/** A fragment of `text` with each [start, end) range wrapped in <mark>. */
export function highlighted(text, ranges = []) {
  const frag = document.createDocumentFragment();
  let at = 0;
  const sorted = [...(ranges || [])].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of sorted) {
    const s = Math.max(start, at);
    const e = Math.min(end, text.length);
    if (e <= s) continue;
    if (s > at) frag.append(text.slice(at, s));
    frag.append(el('mark', { part: 'highlight', text: text.slice(s, e) }));
    at = e;
  }
  if (at < text.length) frag.append(text.slice(at));
  return frag;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/** "2023-05-19" -> "19 May 2023", "2023-05" -> "May 2023", "2023" -> "2023". */
export function formatDate(date) {
  if (!date) return 'No date';
  const [y, m, d] = date.split('-');
  const month = MONTH_NAMES[Number(m) - 1];
  if (d && month) return `${Number(d)} ${month.slice(0, 3)} ${y}`;
  if (month) return `${month} ${y}`;
  return y;
}

/** "2023-05" -> "May 2023" for histogram labels. */
export function formatMonth(month) {
  const [y, m] = month.split('-');
  return MONTH_NAMES[Number(m) - 1] ? `${MONTH_NAMES[Number(m) - 1].slice(0, 3)} ${y}` : month;
}

// A date is "inferred" when a rule combined clues (a dateline's day with a
// page date, a duplicate's date) rather than reading it whole from the text.
function dateNote(date, kind) {
  if (!date) return null;
  if (date.length < 10) return 'partial';
  if (kind && /\+|infer|duplicate|corpus/.test(kind)) return 'inferred';
  return null;
}

function plural(n, one, many = `${one}s`) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "Showing 1–20 of 135 articles" and friends. */
export function resultSummary(total, offset, shown) {
  if (!total) return 'No articles match';
  if (shown >= total) return plural(total, 'article');
  return `${offset + 1}–${offset + shown} of ${plural(total, 'article')}`;
}

function dateTip(date, kind, evidence) {
  if (!date) return 'The text gives no date';
  return [`Date ${date}`, kind && `rule: ${kind}`, evidence?.text && `from “${evidence.text}”`].filter(Boolean).join(', ');
}

// The card shows the rule behind a date; the text it read comes from the
// full record, fetched at once for marked dates and on hover for the rest.
function dateElement(hit, ctx) {
  const note = dateNote(hit.date, hit.dateKind);
  const time = el('time', { class: `date${note ? ` date-${note}` : ''}`, datetime: hit.date || null },
    formatDate(hit.date), note && el('span', { class: 'date-note', text: ` (${note})` }));
  const explain = () => { time.title = dateTip(hit.date, hit.dateKind, ctx.evidence(hit.id)); };
  time.title = dateTip(hit.date, hit.dateKind, null);
  if (note) explain();
  else if (hit.date) time.addEventListener('pointerenter', explain, { once: true });
  return time;
}

function chip(kind, key, label, extra, selected, ctx) {
  return el('button', {
    type: 'button', class: `chip chip-${kind}`, part: `chip chip-${kind}`,
    'aria-pressed': String(selected),
    title: selected ? `Remove the filter ${label}` : `Show only articles with ${label}`,
    onclick: () => ctx.toggle(kind, key),
  }, label, extra && el('span', { class: 'chip-extra', text: extra }));
}

/**
 * One result card. `ctx`: { uid, query, expanded (ids), toggle(kind, key),
 * expand(id, card, button), evidence(id) -> the date's evidence or null }.
 */
export function renderCard(hit, ctx) {
  const q = ctx.query;
  const title = hit.title || firstSentence(hit.snippet) || hit.source || 'Untitled';
  const titleRanges = hit.title ? hit.titleHighlights : termRanges(title, q.text);
  const detailId = `detail-${ctx.uid}-${cssSafe(hit.id)}`;
  const open = ctx.expanded.has(hit.id);
  const card = el('article', { class: open ? 'card open' : 'card', part: 'card', dataset: { id: hit.id }, 'aria-labelledby': `${detailId}-t` },
    el('header', { class: 'card-head' },
      el('h3', { class: 'card-title', part: 'card-title', id: `${detailId}-t` }, highlighted(title, titleRanges)),
      el('p', { class: 'card-meta' },
        dateElement(hit, ctx),
        hit.outlet && el('span', { class: 'outlet', text: hit.outlet }))),
    hit.snippet && el('p', { class: 'snippet' }, highlighted(hit.snippet, hit.highlights)),
    tagRow(hit, ctx),
    hit.duplicates?.length > 0 && el('p', { class: 'also-in' }, 'Also in: ',
      hit.duplicates.map((d, i) => [i ? ', ' : '', el('span', { title: d.source, text: d.outlet || d.source })])),
    el('button', {
      type: 'button', class: 'expand', part: 'expand', 'aria-expanded': String(open), 'aria-controls': detailId,
      onclick: (e) => ctx.expand(hit.id, card, e.currentTarget),
    }, open ? 'Hide full text' : 'Show full text and why'),
    el('div', { class: 'detail', id: detailId, hidden: !open }));
  return card;
}

function tagRow(hit, ctx) {
  const q = ctx.query;
  if (!hit.countries?.length && !hit.officials?.length) return null;
  return el('ul', { class: 'tags', 'aria-label': 'Tags' },
    hit.countries.map((c) => el('li', {}, chip('country', c.code, c.name, c.code, q.countries.includes(c.code), ctx))),
    hit.officials.map((o) => el('li', {},
      chip('official', o.name, o.name, [o.role, o.country].filter(Boolean).join(', '), q.officials.includes(o.name), ctx))));
}

function firstSentence(text) {
  if (!text) return '';
  const m = text.match(/^.{10,160}?[.!?](?=\s|$)/s);
  return (m ? m[0] : text.slice(0, 120)).trim();
}

function cssSafe(id) {
  return String(id).replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0).toString(16)}`);
}

/** Fills a card's detail box: full text with highlights and the "why" list. */
export function renderDetail(box, record, query) {
  const paragraphs = record.body.split(/\n\s*\n/).filter((p) => p.trim());
  const why = el('ul', { class: 'why-list' },
    el('li', {}, el('strong', { text: 'Date: ' }), record.date
      ? `${record.date} — ${record.date_evidence?.kind || 'no rule given'}${record.date_evidence?.text ? `: “${record.date_evidence.text}”` : ''}`
      : 'none found in the text'),
    record.countries.map((c) => el('li', {}, el('strong', { text: `${c.name} (${c.code}): ` }),
      `${plural(c.mentions || 0, 'mention')}${c.evidence?.length ? ` — ${c.evidence.join('; ')}` : ''}`)),
    record.officials.map((o) => el('li', {}, el('strong', { text: `${o.name}: ` }),
      [o.role, o.country].filter(Boolean).join(', ') || 'office unknown',
      o.evidence ? ` — “${o.evidence}”` : '',
      o.aliases?.length ? ` (also: ${o.aliases.join(', ')})` : '')),
    record.warnings.map((w) => el('li', { class: 'warning' }, el('strong', { text: 'Warning: ' }), w)));
  const facts = [
    record.bylines?.length && `By ${record.bylines.join(', ')}`,
    record.dateline && `Dateline: ${record.dateline}`,
    `Source: ${record.source}`,
    record.duplicate_of && `Same story as ${record.duplicate_of}`,
  ].filter(Boolean);
  box.replaceChildren(
    el('div', { class: 'body', part: 'body' }, paragraphs.map((p) => el('p', {}, highlighted(p, termRanges(p, query.text))))),
    el('h4', { text: 'Why these tags' }), why,
    el('p', { class: 'facts', text: facts.join(' · ') }));
}

/** The most values a facet list shows, "show all" included. */
export const FACET_SHOWN = 300;

/**
 * One facet list: `entries` from the engine; `opts`: { kind, filter (the
 * filter box's text), total (values in the full list, which `entries` may
 * cut short), showAll, describe(entry) -> extra text, toggle(kind, key) }.
 */
export function renderFacetList(list, entries, opts) {
  const needle = foldText(opts.filter || '');
  const matching = needle ? entries.filter((f) => foldText(`${f.label} ${f.key}`).includes(needle)) : entries;
  // Even "show all" stops at a few hundred: a corpus can name thousands of
  // officials, and the filter box finds any of them.
  const limit = opts.showAll || needle ? FACET_SHOWN : 8;
  const shown = matching.filter((f, i) => i < limit || f.selected);
  list.replaceChildren(...shown.map((f) => el('li', {},
    el('label', { class: 'facet-item' },
      el('input', {
        type: 'checkbox', checked: f.selected, dataset: { key: `facet:${opts.kind}:${f.key}` },
        onchange: () => opts.toggle(opts.kind, f.key),
      }),
      el('span', { class: 'facet-label' }, f.label,
        opts.describe(f) && el('span', { class: 'facet-extra', text: ` ${opts.describe(f)}` })),
      el('span', { class: 'count', text: f.count.toLocaleString('en') })))));
  if (!shown.length) list.append(el('li', { class: 'empty', text: needle ? 'No match' : 'None' }));
  else {
    const more = (needle ? matching.length : opts.total) - shown.length;
    if (more > 0 && limit > 8) list.append(el('li', { class: 'empty', text: `${more.toLocaleString('en')} more: type in the filter box to find them` }));
  }
}

/**
 * The date histogram: a bar a month, or a bar a year when the corpus spans
 * more than six years. A month bar toggles that month; a year bar sets the
 * date range to the year. Arrow keys move between bars (one tab stop).
 */
export function renderHistogram(box, histogram, query, { toggleMonth, pickYear }) {
  const months = [...histogram].filter((m) => /^\d{4}-\d{2}$/.test(m.month)).sort((a, b) => a.month.localeCompare(b.month));
  const span = months.length ? monthIndex(months[months.length - 1].month) - monthIndex(months[0].month) : 0;
  const entries = span < 72
    ? fillMonths(months).map((m) => ({
      key: `month:${m.month}`, label: formatMonth(m.month), count: m.count,
      pressed: query.months.includes(m.month), pick: () => toggleMonth(m.month),
    }))
    : years(months).map((y) => ({
      key: `year:${y.year}`, label: y.year, count: y.count,
      pressed: query.from === `${y.year}-01-01` && query.to === `${y.year}-12-31`, pick: () => pickYear(y.year),
    }));
  const max = Math.max(1, ...entries.map((e) => e.count));
  const focusIndex = Math.max(0, entries.findIndex((e) => e.pressed));
  const bars = entries.map((e, i) => {
    const text = `${e.label}: ${plural(e.count, 'article')}`;
    const bar = el('button', {
      type: 'button', class: 'bar', part: 'bar', tabindex: i === focusIndex ? '0' : '-1',
      'aria-pressed': String(e.pressed), 'aria-label': text, title: text, dataset: { key: e.key },
      disabled: e.count === 0 && !e.pressed, onclick: e.pick,
    }, el('span', { class: 'bar-fill' }));
    bar.firstChild.style.setProperty('--h', `${(e.count / max) * 100}%`);
    return bar;
  });
  const row = el('div', { class: 'bars', role: 'group', 'aria-label': span < 72 ? 'Articles per month' : 'Articles per year', onkeydown: (ev) => moveFocus(ev, bars) }, bars);
  box.replaceChildren(entries.length
    ? el('div', { class: 'histogram' }, row,
      el('div', { class: 'axis' }, el('span', { text: entries[0].label }), el('span', { text: entries[entries.length - 1].label })))
    : el('p', { class: 'empty', text: 'No dated articles' }));
}

function moveFocus(event, bars) {
  const enabled = bars.filter((b) => !b.disabled);
  const at = enabled.indexOf(event.target.closest('.bar'));
  const step = { ArrowRight: 1, ArrowLeft: -1, Home: -Infinity, End: Infinity }[event.key];
  if (at < 0 || step === undefined) return;
  event.preventDefault();
  const next = enabled[Math.min(enabled.length - 1, Math.max(0, at + step))];
  bars.forEach((b) => b.setAttribute('tabindex', b === next ? '0' : '-1'));
  next.focus();
}

function monthIndex(month) {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

// Every month from the first to the last, empty ones at zero, so the bars
// form a time axis.
function fillMonths(months) {
  if (!months.length) return [];
  const counts = new Map(months.map((m) => [m.month, m.count]));
  const first = monthIndex(months[0].month);
  return Array.from({ length: monthIndex(months[months.length - 1].month) - first + 1 }, (_, i) => {
    const n = first + i;
    const month = `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    return { month, count: counts.get(month) || 0 };
  });
}

function years(months) {
  const counts = new Map();
  for (const m of months) counts.set(Number(m.month.slice(0, 4)), (counts.get(Number(m.month.slice(0, 4))) || 0) + m.count);
  const first = Math.min(...counts.keys());
  const last = Math.max(...counts.keys());
  // Centuries of empty years would only draw blank space.
  const all = last - first < 200 ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : [...counts.keys()].sort();
  return all.map((y) => ({ year: String(y), count: counts.get(y) || 0 }));
}

/** Chips for the active filters, each with a remove button. */
export function renderActive(box, items, clearAll) {
  box.replaceChildren(...(items.length ? [
    el('ul', { class: 'active-list' }, items.map((item) => el('li', {},
      el('button', {
        type: 'button', class: 'active-chip', part: 'active-chip', dataset: { key: `active:${item.field}:${item.key}` },
        'aria-label': `Remove filter ${item.name}: ${item.label}`, onclick: item.remove,
      }, el('span', { class: 'active-name', text: `${item.name}: ` }), item.label, el('span', { class: 'x', 'aria-hidden': 'true', text: ' ×' }))))),
    el('button', { type: 'button', class: 'link clear-all', dataset: { key: 'clear-all' }, onclick: clearAll }, 'Clear all'),
  ] : [el('p', { class: 'empty', text: 'No filters: showing everything' })]));
}

/** The load report: counts that add up, then every rejection with its reason. */
export function renderReport(box, report) {
  const { files, read, added, rejected, skipped, changed } = report;
  const parts = [`${plural(read, 'article')} read from ${plural(files, 'file')}: ${added.toLocaleString('en')} added`];
  parts.push(`${rejected.length.toLocaleString('en')} rejected`);
  const skip = skipped > 0 ? `; ${plural(skipped, 'other file')} skipped (not .txt, .json or .jsonl)` : '';
  const details = el('details', { class: 'report', part: 'report', open: rejected.length > 0 },
    el('summary', { text: `${parts.join(', ')}${skip}.` }),
    changed > 0 && el('p', { text: `${plural(changed, 'earlier article')} updated with what the new ones say.` }),
    rejected.length > 0 && el('ul', { class: 'rejections' }, rejected.map((r) => el('li', {},
      el('span', { class: 'rejected-source', text: r.source }), ': ', el('span', { class: 'reason', text: r.reason })))));
  box.replaceChildren(details);
}

/** The static frame of one explorer; returns the nodes the element fills. */
export function skeleton(uid) {
  const id = (name) => `${name}-${uid}`;
  const search = el('input', {
    type: 'search', id: id('q'), class: 'search', part: 'search', placeholder: 'Search titles and text',
    autocomplete: 'off', spellcheck: 'false', dataset: { key: 'search' },
  });
  const fileInput = el('input', { type: 'file', multiple: true, accept: '.txt,.json,.jsonl,.ndjson', class: 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true' });
  const folderInput = el('input', { type: 'file', multiple: true, webkitdirectory: true, class: 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true' });
  const openFiles = el('button', { type: 'button', class: 'button', part: 'button', text: 'Open files…' });
  const openFolder = el('button', { type: 'button', class: 'button', part: 'button', text: 'Open folder…' });
  const filtersToggle = el('button', { type: 'button', class: 'button filters-toggle', 'aria-expanded': 'false', 'aria-controls': id('sidebar'), text: 'Filters' });
  const progress = el('progress', { class: 'progress', part: 'progress', max: 1, 'aria-label': 'Loading articles' });
  const progressText = el('span', { class: 'progress-text' });
  const loading = el('div', { class: 'loading', hidden: true }, progress, progressText);
  const error = el('div', { class: 'error', part: 'error', role: 'alert', hidden: true });
  const notice = el('div', { class: 'notice', role: 'status' });
  const stored = el('div', { class: 'stored', hidden: true });
  const report = el('div', { class: 'report-box' });
  const active = el('div', { class: 'active' });
  const histogram = el('div', { class: 'histogram-box' });
  const from = el('input', { type: 'date', id: id('from'), dataset: { key: 'from' } });
  const to = el('input', { type: 'date', id: id('to'), dataset: { key: 'to' } });
  const undated = el('p', { class: 'undated' });
  const facet = (kind, legend, plural) => {
    const filter = el('input', { type: 'search', class: 'facet-filter', placeholder: `Filter ${plural}`, 'aria-label': `Filter the ${plural} list`, hidden: true, dataset: { key: `filter:${kind}` } });
    const list = el('ul', { class: 'facet-list', 'aria-label': legend });
    const more = el('button', { type: 'button', class: 'link more', hidden: true, dataset: { key: `more:${kind}` } });
    const section = el('section', { class: `facet facet-${kind}`, part: `facet facet-${kind}`, 'aria-labelledby': id(`h-${kind}`) },
      el('h3', { id: id(`h-${kind}`), text: legend }), filter, list, more);
    return { section, filter, list, more };
  };
  const facets = { country: facet('country', 'Countries', 'countries'), official: facet('official', 'Officials', 'officials'), outlet: facet('outlet', 'Outlets', 'outlets') };
  const dateSection = el('section', { class: 'facet facet-date', part: 'facet facet-date', 'aria-labelledby': id('h-date') },
    el('h3', { id: id('h-date'), text: 'Date' }), histogram,
    el('div', { class: 'range' },
      el('label', { for: id('from'), text: 'From' }), from,
      el('label', { for: id('to'), text: 'To' }), to),
    undated);
  const sidebar = el('aside', { class: 'sidebar', part: 'sidebar', id: id('sidebar'), 'aria-label': 'Filters' },
    el('section', { class: 'facet facet-active', 'aria-labelledby': id('h-active') }, el('h3', { id: id('h-active'), text: 'Active filters' }), active),
    dateSection, facets.country.section, facets.official.section, facets.outlet.section);
  const heading = el('h2', { class: 'result-count', part: 'result-count', tabindex: '-1', 'aria-live': 'polite' });
  const sort = el('select', { id: id('sort'), class: 'sort', dataset: { key: 'sort' } },
    el('option', { value: 'relevance', text: 'Best match' }),
    el('option', { value: 'newest', text: 'Newest first' }),
    el('option', { value: 'oldest', text: 'Oldest first' }));
  const exportJsonl = el('button', { type: 'button', class: 'link', text: 'JSONL' });
  const exportCsv = el('button', { type: 'button', class: 'link', text: 'CSV' });
  const cards = el('ol', { class: 'cards', 'aria-label': 'Articles' });
  const prev = el('button', { type: 'button', class: 'button', text: '← Previous', dataset: { key: 'prev' } });
  const next = el('button', { type: 'button', class: 'button', text: 'Next →', dataset: { key: 'next' } });
  const pageInfo = el('span', { class: 'page-info' });
  const pager = el('nav', { class: 'pager', part: 'pager', 'aria-label': 'Result pages' }, prev, pageInfo, next);
  const results = el('section', { class: 'results', part: 'results', 'aria-label': 'Results' },
    el('div', { class: 'results-head' }, heading,
      el('div', { class: 'results-tools' },
        el('label', { for: id('sort'), text: 'Sort' }), sort,
        el('span', { class: 'export' }, 'Download: ', exportJsonl, ' · ', exportCsv))),
    cards, pager);
  const dropHint = el('div', { class: 'drop-hint', part: 'drop-hint', 'aria-hidden': 'true' }, el('p', { text: 'Drop files or folders to load them' }));
  const root = el('div', { class: 'root', part: 'root' },
    el('div', { class: 'toolbar', part: 'toolbar' },
      el('label', { for: id('q'), class: 'visually-hidden', text: 'Search articles' }), search,
      el('div', { class: 'load' }, openFiles, openFolder, fileInput, folderInput), filtersToggle),
    el('div', { class: 'status' }, loading, error, notice, stored, report),
    el('div', { class: 'layout' }, sidebar, results),
    dropHint);
  return {
    root, search, fileInput, folderInput, openFiles, openFolder, filtersToggle, loading, progress, progressText,
    error, notice, stored, report, active, histogram, from, to, undated, facets, dateSection, sidebar,
    heading, sort, exportJsonl, exportCsv, cards, prev, next, pageInfo, pager,
  };
}
