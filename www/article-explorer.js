// <article-explorer>: the whole explorer as one custom element, used by the
// standalone page and by any site that embeds it. Every file it needs (the
// wasm package, the worker, the stylesheet, the demo corpus) is resolved
// relative to this script, so it works under a sub-path or from another origin.
//
//   <script type="module" src="article-explorer.js"></script>
//   <article-explorer corpus="articles.jsonl" facets="country,official,date"
//                     page-size="20" query="country=JP" url-state persist></article-explorer>
import { Explorer, inlined, startEngine } from './engine.js';
import { droppedFiles, fetchCorpus, bytesItem, loadAll, pickedFiles } from './loader.js';
import {
  el, FACET_SHOWN, formatMonth, renderActive, renderCard, renderDetail, renderFacetList, renderHistogram,
  renderReport, resultSummary, skeleton,
} from './render.js';
import { emptyQuery, hasFilters, normalizeQuery, parseQuery, sameQuery, writeQuery } from './state.js';
import { loadStored, removeStored, saveStored } from './store.js';

const DEMO_URL = new URL('demo/articles.jsonl', import.meta.url).href;
const STYLE_URL = new URL('style.css', import.meta.url).href;
const FACETS = ['country', 'official', 'outlet', 'date'];
const FIELD = { country: 'countries', official: 'officials', outlet: 'outlets', month: 'months' };
const FILTER_NAMES = { country: 'Country', official: 'Official', outlet: 'Outlet', month: 'Month' };
const DEFAULT_PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 200;

let sharedSheet;
let nextUid = 1;

// One stylesheet for every instance: fetched once, adopted by each shadow root.
function styleSheet() {
  sharedSheet ??= (inlined?.css != null
    ? Promise.resolve(inlined.css)
    : fetch(STYLE_URL).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.text();
    })).then((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  return sharedSheet;
}

function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export class ArticleExplorer extends HTMLElement {
  static observedAttributes = ['corpus', 'facets', 'page-size', 'query', 'url-state'];

  #ui;
  #ex = null;
  #q = emptyQuery();
  #page = 0;
  #result = null;
  #expanded = new Set();
  #facetFilter = {};
  #showAll = {};
  #officialInfo = new Map();
  #started = false;
  #starting = null;
  #readyPromise;
  #resolveReady;
  #ownArticles = false;
  #ownState = null;
  #queue = Promise.resolve();
  #lastChange = '';
  #searchTimer = 0;
  #updateTimer = 0;
  #dragDepth = 0;
  #errorSource = null;
  #uid = nextUid++;
  #onPopState = () => this.#setQuery(parseQuery(location.search), { history: 'none' });

  constructor() {
    super();
    this.#readyPromise = new Promise((resolve, reject) => { this.#resolveReady = { resolve, reject }; });
    this.#readyPromise.catch(() => {});
    this.attachShadow({ mode: 'open' });
    this.#ui = skeleton(this.#uid);
    this.#ui.root.hidden = true;
    this.shadowRoot.append(this.#ui.root);
    this.#wire();
  }

  connectedCallback() {
    if (this.hasAttribute('url-state')) addEventListener('popstate', this.#onPopState);
    this.#starting ??= this.#start();
  }

  disconnectedCallback() {
    removeEventListener('popstate', this.#onPopState);
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#started || before === after) return;
    if (name === 'corpus' && !this.#ownArticles) this.#serial(() => this.#reloadCorpus());
    if (name === 'query') this.#setQuery(after || '');
    if (name === 'facets') this.#render();
    if (name === 'page-size') { this.#page = 0; this.#update(); }
    if (name === 'url-state') {
      removeEventListener('popstate', this.#onPopState);
      if (after !== null) addEventListener('popstate', this.#onPopState);
    }
  }

  /** Resolves when the first corpus is loaded and shown. */
  get ready() { return this.#readyPromise; }

  /** The current query: { text, countries, officials, outlets, months, from, to, sort }. */
  get query() { return normalizeQuery(this.#q); }

  /** Sets the query from an object or a "country=JP&q=..." string. */
  set query(value) {
    if (this.#started) this.#setQuery(value);
    else this.#q = normalizeQuery(value);
  }

  /** Articles in the corpus. */
  get size() { return this.#ex?.size ?? 0; }

  /**
   * Adds articles ({source,text}, {title,body,...} or parsed records); resolves to the engine's report.
   * The view follows once a run of calls is over, not after each.
   */
  async addDocuments(items) {
    await this.ready;
    return this.#serial(() => {
      const report = this.#ex.addDocuments(items);
      this.#updateSoon();
      return report;
    });
  }

  /** Removes every article from this explorer (stored ones stay stored). */
  clear() {
    this.#ex?.clear();
    this.#expanded.clear();
    this.#page = 0;
    this.#update();
  }

  async #start() {
    styleSheet().then(
      (sheet) => { this.shadowRoot.adoptedStyleSheets = [sheet]; },
      // Without fetch access (another origin without CORS) a <link> still works.
      () => { this.shadowRoot.prepend(el('link', { rel: 'stylesheet', href: STYLE_URL })); },
    ).finally(() => { this.#ui.root.hidden = false; });
    const attrQuery = normalizeQuery(this.getAttribute('query') || this.#q);
    const urlQuery = this.hasAttribute('url-state') ? parseQuery(location.search) : emptyQuery();
    this.#q = hasFilters(urlQuery) || urlQuery.sort ? urlQuery : attrQuery;
    this.#ui.search.value = this.#q.text;
    this.#progress(null, 'Starting…');
    try {
      await startEngine();
      this.#ex = new Explorer();
    } catch (e) {
      this.#progressDone();
      this.#showError(e);
      this.#resolveReady.reject(e);
      return;
    }
    await this.#serial(() => this.#loadFirst());
    this.#started = true;
    this.#update();
    this.#resolveReady.resolve();
    this.#emit('explorer-ready', { size: this.#ex.size });
  }

  // Runs loads one after another, so a drop during a load waits its turn.
  #serial(task) {
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => {});
    return run;
  }

  #persistKey() {
    return this.hasAttribute('persist') ? (this.getAttribute('persist') || 'default') : null;
  }

  async #loadFirst() {
    const key = this.#persistKey();
    if (key) {
      try {
        const saved = await loadStored(key);
        if (saved?.length) {
          await this.#load([], { restore: saved });
          return;
        }
      } catch (e) {
        // Storage that is not there at all is said when the user loads files.
        if (globalThis.indexedDB) this.#notice(`Your saved articles could not be read (${e.message}).`);
      }
    }
    await this.#loadCorpus();
  }

  #corpusUrl() {
    const param = this.hasAttribute('url-state') ? new URLSearchParams(location.search).get('corpus') : null;
    if (param) return new URL(param, document.baseURI).href;
    if (!this.hasAttribute('corpus')) return DEMO_URL;
    const value = this.getAttribute('corpus').trim();
    return value ? new URL(value, document.baseURI).href : null;
  }

  async #loadCorpus() {
    const url = this.#corpusUrl();
    if (!url) return;
    let item;
    try {
      if (url === DEMO_URL && inlined?.demo != null) {
        item = bytesItem('articles.jsonl', await inlined.demo);
      } else {
        this.#progress(null, `Downloading ${url}`);
        item = await fetchCorpus(url);
      }
    } catch (e) {
      this.#progressDone();
      this.#showError(e);
      return;
    }
    await this.#load([item]);
  }

  async #reloadCorpus() {
    this.#cancelUpdate();
    this.#ex.clear();
    this.#expanded.clear();
    await this.#loadCorpus();
    this.#update();
  }

  /**
   * Extracts and indexes items, then shows a report whose counts add up:
   * read = added + rejected. `own`: the user's files, which replace the
   * site's corpus and are kept when `persist` is set; `restore`: what was
   * stored earlier (JSON Lines text, or an older save's records), indexed
   * as it is.
   */
  async #load(items, { own = false, restore = null, skipped = 0 } = {}) {
    if ((own || restore) && !this.#ownArticles) {
      this.#cancelUpdate();
      this.#ex.clear();
      this.#expanded.clear();
      this.#ownArticles = true;
    }
    const report = { files: items.length, read: 0, added: 0, changed: 0, rejected: [], skipped };
    const count = (result) => {
      report.read += result.added + result.rejected.length;
      report.added += result.added;
      report.changed += result.changed;
      // One by one: spreading a long list into push() overflows the stack.
      for (const r of result.rejected) report.rejected.push(r);
    };
    this.#setLoading(true);
    try {
      if (restore) {
        this.#progress(null, 'Restoring your articles');
        count(typeof restore === 'string'
          ? this.#ex.addFile('saved.jsonl', new TextEncoder().encode(restore))
          : this.#ex.addDocuments(restore));
      } else {
        const onProgress = (f, text) => this.#progress(f, text);
        const unread = await loadAll(items, this.#ex, { onReport: count, onProgress });
        report.read += unread.length;
        report.rejected.unshift(...unread);
      }
    } catch (e) {
      this.#showError(e);
    } finally {
      this.#setLoading(false);
      this.#progressDone();
    }
    if (!restore) renderReport(this.#ui.report, report);
    if (restore) this.#ownState = 'kept';
    if (own) await this.#save();
    if (this.#ownArticles) this.#showOwn();
    this.#page = 0;
    if (this.#started) this.#update();
    if (!restore) this.#emit('explorer-load', report);
    return report;
  }

  async #save() {
    const key = this.#persistKey();
    if (!key) return;
    try {
      await saveStored(key, this.#ex.toJsonl());
      this.#ownState = 'kept';
    } catch (e) {
      this.#ownState = `not kept: ${e.message}; they stay until you leave the page`;
    }
  }

  // "Your articles (N)", whether the browser keeps them, and a remove button.
  #showOwn() {
    const { stored } = this.#ui;
    const state = this.#ownState;
    stored.hidden = false;
    stored.replaceChildren(...[
      el('span', { class: 'own-count', text: `Your articles (${this.#ex.size.toLocaleString('en')})` }),
      state && el('span', { class: state === 'kept' ? 'own-state' : 'own-state warning', text: state === 'kept' ? ' · kept in this browser' : ` · ${state}` }),
      ' ',
      el('button', { type: 'button', class: 'link', part: 'remove-own', dataset: { key: 'remove-own' }, onclick: () => this.#serial(() => this.#removeOwn()) },
        this.#corpusUrl() ? 'Remove them and show the site’s articles' : 'Remove them'),
    ].filter(Boolean));
  }

  async #removeOwn() {
    const key = this.#persistKey();
    if (key) {
      try {
        await removeStored(key);
      } catch (e) {
        this.#notice(`Stored articles could not be removed (${e.message}).`);
      }
    }
    this.#ownArticles = false;
    this.#ownState = null;
    this.#ui.stored.hidden = true;
    this.#ui.report.replaceChildren();
    await this.#reloadCorpus();
  }

  #loadOwn(pick) {
    return this.#serial(async () => {
      const { items, skipped } = await pick;
      this.#clearError();
      if (items.length) await this.#load(items, { own: true, skipped });
      else if (skipped) renderReport(this.#ui.report, { files: 0, read: 0, added: 0, changed: 0, rejected: [], skipped });
    });
  }

  #wire() {
    const ui = this.#ui;
    ui.search.addEventListener('input', () => {
      clearTimeout(this.#searchTimer);
      this.#searchTimer = setTimeout(() => this.#setQuery({ ...this.#q, text: ui.search.value }, { kind: 'text' }), SEARCH_DELAY_MS);
    });
    ui.search.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      clearTimeout(this.#searchTimer);
      this.#setQuery({ ...this.#q, text: ui.search.value }, { kind: 'text' });
    });
    ui.sort.addEventListener('change', () => this.#setQuery({ ...this.#q, sort: ui.sort.value }));
    ui.from.addEventListener('change', () => this.#setQuery({ ...this.#q, from: ui.from.value }));
    ui.to.addEventListener('change', () => this.#setQuery({ ...this.#q, to: ui.to.value }));
    ui.prev.addEventListener('click', () => this.#turnPage(-1));
    ui.next.addEventListener('click', () => this.#turnPage(1));
    ui.exportJsonl.addEventListener('click', () => this.#export('jsonl'));
    ui.exportCsv.addEventListener('click', () => this.#export('csv'));
    ui.openFiles.addEventListener('click', () => ui.fileInput.click());
    ui.openFolder.addEventListener('click', () => ui.folderInput.click());
    for (const input of [ui.fileInput, ui.folderInput]) {
      input.addEventListener('change', () => {
        const pick = pickedFiles(input);
        input.value = '';
        this.#loadOwn(Promise.resolve(pick));
      });
    }
    ui.filtersToggle.addEventListener('click', () => {
      const open = ui.filtersToggle.getAttribute('aria-expanded') !== 'true';
      ui.filtersToggle.setAttribute('aria-expanded', String(open));
      ui.sidebar.classList.toggle('open', open);
    });
    for (const [kind, facet] of Object.entries(ui.facets)) {
      facet.filter.addEventListener('input', () => {
        const wasFiltering = this.#filteringFacets();
        this.#facetFilter[kind] = facet.filter.value;
        // Lists are cut to the most frequent values; a filter box searches them all.
        if (this.#filteringFacets() !== wasFiltering) this.#update();
        else this.#renderFacets();
      });
      facet.more.addEventListener('click', () => {
        this.#showAll[kind] = !this.#showAll[kind];
        this.#renderFacets();
      });
    }
    const isFileDrag = (e) => [...(e.dataTransfer?.types || [])].includes('Files');
    this.addEventListener('dragenter', (e) => {
      if (!isFileDrag(e)) return;
      this.#dragDepth += 1;
      ui.root.classList.add('dragging');
    });
    this.addEventListener('dragover', (e) => {
      if (!isFileDrag(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    });
    this.addEventListener('dragleave', () => {
      this.#dragDepth = Math.max(0, this.#dragDepth - 1);
      if (!this.#dragDepth) ui.root.classList.remove('dragging');
    });
    this.addEventListener('drop', (e) => {
      if (!isFileDrag(e)) return;
      e.preventDefault();
      this.#dragDepth = 0;
      ui.root.classList.remove('dragging');
      this.#loadOwn(droppedFiles(e.dataTransfer).catch((err) => {
        this.#showError(err);
        return { items: [], skipped: 0 };
      }));
    });
  }

  #setQuery(value, { history = 'auto', kind = 'other' } = {}) {
    const next = normalizeQuery(value);
    const changed = !sameQuery(next, this.#q);
    this.#q = next;
    if (kind !== 'text' && this.#ui.search.value !== next.text) this.#ui.search.value = next.text;
    if (!changed) return;
    this.#page = 0;
    this.#update();
    if (this.hasAttribute('url-state') && history !== 'none') {
      // A burst of typing makes one history entry, not one per pause.
      const method = kind === 'text' && this.#lastChange === 'text' ? 'replaceState' : 'pushState';
      const search = writeQuery(next, new URLSearchParams(location.search)).toString();
      try {
        window.history[method](null, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
      } catch {
        // Some browsers refuse to change a file:// URL; the view still works.
      }
    }
    this.#lastChange = kind;
    this.#emit('filter-change', { query: this.query, total: this.#result?.total ?? 0 });
  }

  #toggle(kind, key) {
    const field = FIELD[kind];
    const list = this.#q[field];
    const next = list.includes(key) ? list.filter((k) => k !== key) : [...list, key];
    this.#setQuery({ ...this.#q, [field]: next });
  }

  #pageSize() {
    const n = Number.parseInt(this.getAttribute('page-size'), 10);
    return Number.isFinite(n) && n > 0 ? Math.min(n, 500) : DEFAULT_PAGE_SIZE;
  }

  // The engine's form of the query: empty fields left out.
  #engineQuery() {
    return Object.fromEntries(Object.entries(this.#q).filter(([, v]) => (Array.isArray(v) ? v.length : v)));
  }

  // Every update queries the whole collection: a host adding thousands of
  // articles one call at a time gets one, after the last call.
  #updateSoon() {
    if (!this.#updateTimer) this.#updateTimer = setTimeout(() => this.#update());
  }

  // A load that clears the collection shows its own progress until done.
  #cancelUpdate() {
    clearTimeout(this.#updateTimer);
    this.#updateTimer = 0;
  }

  #filteringFacets() {
    return Object.values(this.#facetFilter).some(Boolean);
  }

  #update() {
    this.#cancelUpdate();
    if (!this.#ex) return;
    const limit = this.#pageSize();
    // A collection can name tens of thousands of officials; the lists show
    // the most frequent few hundred unless a filter box is searching them.
    const facetLimit = this.#filteringFacets() ? undefined : FACET_SHOWN;
    const ask = () => this.#ex.query({ ...this.#engineQuery(), offset: this.#page * limit, limit, facetLimit });
    try {
      let result = ask();
      if (result.total > 0 && this.#page * limit >= result.total) {
        this.#page = Math.floor((result.total - 1) / limit);
        result = ask();
      }
      this.#result = result;
      this.#clearError('query');
    } catch (e) {
      this.#showError(e, 'query');
      return;
    }
    for (const hit of this.#result.hits) {
      for (const o of hit.officials) {
        const info = [o.role, o.country].filter(Boolean).join(', ');
        if (info) this.#officialInfo.set(o.name, info);
      }
    }
    this.#render();
  }

  #turnPage(step) {
    this.#page += step;
    this.#update();
    this.#ui.heading.focus();
  }

  #render() {
    const ui = this.#ui;
    const result = this.#result;
    if (!result) return;
    const focusKey = this.shadowRoot.activeElement?.dataset?.key;
    const q = this.#q;
    const shown = new Set((this.getAttribute('facets') || FACETS.join(',')).split(',').map((s) => s.trim().replace(/^month$/, 'date')));
    for (const kind of ['country', 'official', 'outlet']) ui.facets[kind].section.hidden = !shown.has(kind);
    ui.dateSection.hidden = !shown.has('date');

    renderActive(ui.active, this.#activeFilters(), () => this.#setQuery({ ...emptyQuery(), sort: q.sort }));
    this.#renderFacets();
    renderHistogram(ui.histogram, result.histogram || [], q, {
      toggleMonth: (m) => this.#toggle('month', m),
      pickYear: (y) => {
        const whole = q.from === `${y}-01-01` && q.to === `${y}-12-31`;
        this.#setQuery({ ...q, from: whole ? '' : `${y}-01-01`, to: whole ? '' : `${y}-12-31` });
      },
    });
    ui.from.value = q.from;
    ui.to.value = q.to;
    ui.undated.textContent = result.undated ? `${result.undated.toLocaleString('en')} without a date` : '';
    ui.sort.value = q.sort || (q.text ? 'relevance' : 'newest');
    const active = this.#activeFilters().length;
    ui.filtersToggle.textContent = active ? `Filters (${active})` : 'Filters';

    const ctx = {
      uid: this.#uid, query: q, expanded: this.#expanded,
      toggle: (kind, key) => this.#toggle(kind, key),
      expand: (id, card, button) => this.#expand(id, card, button),
      evidence: (id) => {
        try {
          return this.#ex.record(id).date_evidence;
        } catch {
          return null;
        }
      },
    };
    ui.cards.replaceChildren(...result.hits.map((hit) => {
      const card = renderCard(hit, ctx);
      if (this.#expanded.has(hit.id)) this.#fillDetail(hit.id, card);
      return el('li', {}, card);
    }));
    ui.heading.textContent = resultSummary(result.total, result.offset ?? 0, result.hits.length);
    const limit = this.#pageSize();
    const pages = Math.max(1, Math.ceil(result.total / limit));
    ui.pager.hidden = pages <= 1;
    ui.pageInfo.textContent = `Page ${this.#page + 1} of ${pages}`;
    ui.prev.disabled = this.#page === 0;
    ui.next.disabled = this.#page + 1 >= pages;
    ui.exportJsonl.disabled = ui.exportCsv.disabled = result.total === 0;

    if (focusKey && this.shadowRoot.activeElement?.dataset?.key !== focusKey) {
      const again = this.shadowRoot.querySelector(`[data-key="${CSS.escape(focusKey)}"]`);
      const fallback = focusKey.startsWith('active:') ? ui.active.querySelector('button') || ui.search : null;
      (again || fallback)?.focus();
    }
  }

  #renderFacets() {
    const result = this.#result;
    if (!result) return;
    for (const kind of ['country', 'official', 'outlet']) {
      const facet = this.#ui.facets[kind];
      const entries = [...(result.facets?.[kind] || [])];
      // A selected value stays visible (and can be unticked) even at zero.
      for (const key of this.#q[FIELD[kind]]) {
        if (!entries.some((f) => f.key === key)) entries.push({ key, label: this.#label(kind, key), count: 0, selected: true });
      }
      const filter = this.#facetFilter[kind] || '';
      const total = Math.max(result.facetTotals?.[kind] ?? 0, entries.length);
      facet.filter.hidden = total <= 8 && !filter;
      renderFacetList(facet.list, entries, {
        kind, filter, total, showAll: this.#showAll[kind],
        describe: (f) => (kind === 'country' ? f.key
          : kind === 'official' ? [f.role, f.country].filter(Boolean).join(', ') || this.#officialInfo.get(f.key) : null),
        toggle: (k, key) => this.#toggle(k, key),
      });
      facet.more.hidden = total <= 8 || Boolean(filter);
      facet.more.textContent = this.#showAll[kind] ? 'Show fewer' : `Show all ${total.toLocaleString('en')}`;
      facet.more.setAttribute('aria-expanded', String(Boolean(this.#showAll[kind])));
    }
  }

  #label(kind, key) {
    if (kind === 'month') return formatMonth(key);
    const found = this.#result?.facets?.[kind]?.find((f) => f.key === key);
    return found?.label || key;
  }

  #activeFilters() {
    const q = this.#q;
    const items = [];
    const without = (field, key) => () => this.#setQuery({ ...q, [field]: q[field].filter((k) => k !== key) });
    if (q.text) items.push({ field: 'q', key: 'text', name: 'Search', label: `“${q.text}”`, remove: () => this.#setQuery({ ...q, text: '' }) });
    for (const kind of ['country', 'official', 'outlet', 'month']) {
      for (const key of q[FIELD[kind]]) {
        const label = kind === 'country' ? `${this.#label(kind, key)} (${key})` : this.#label(kind, key);
        items.push({ field: kind, key, name: FILTER_NAMES[kind], label, remove: without(FIELD[kind], key) });
      }
    }
    if (q.from) items.push({ field: 'from', key: 'from', name: 'From', label: q.from, remove: () => this.#setQuery({ ...q, from: '' }) });
    if (q.to) items.push({ field: 'to', key: 'to', name: 'To', label: q.to, remove: () => this.#setQuery({ ...q, to: '' }) });
    return items;
  }

  #fillDetail(id, card) {
    const box = card.querySelector('.detail');
    try {
      const record = this.#ex.record(id);
      renderDetail(box, record, this.#q);
      return record;
    } catch (e) {
      box.replaceChildren(el('p', { class: 'error-inline', text: `This article could not be opened: ${e.message}` }));
      return null;
    }
  }

  #expand(id, card, button) {
    const box = card.querySelector('.detail');
    const open = !this.#expanded.has(id);
    if (open) {
      this.#expanded.add(id);
      const record = this.#fillDetail(id, card);
      if (record) this.#emit('article-open', { record });
    } else {
      this.#expanded.delete(id);
    }
    box.hidden = !open;
    card.classList.toggle('open', open);
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Hide full text' : 'Show full text and why';
  }

  #export(format) {
    try {
      const text = this.#ex.export(this.#engineQuery(), format);
      download(text, `articles.${format}`, format === 'csv' ? 'text/csv' : 'application/x-ndjson');
    } catch (e) {
      this.#showError(e);
    }
  }

  #setLoading(busy) {
    this.#ui.openFiles.disabled = busy;
    this.#ui.openFolder.disabled = busy;
  }

  #progress(fraction, text) {
    const { loading, progress, progressText } = this.#ui;
    loading.hidden = false;
    if (fraction == null) progress.removeAttribute('value');
    else progress.value = fraction;
    progressText.textContent = text;
  }

  #progressDone() {
    this.#ui.loading.hidden = true;
  }

  #notice(text) {
    this.#ui.notice.textContent = text;
  }

  // Errors from a query clear with the next good query; load errors stay
  // until dismissed or the next load.
  #showError(error, source = 'load') {
    const box = this.#ui.error;
    this.#errorSource = source;
    box.hidden = false;
    box.replaceChildren(el('span', { text: error?.message || String(error) }), ' ',
      el('button', { type: 'button', class: 'link', text: 'Dismiss', onclick: () => this.#clearError() }));
  }

  #clearError(source = null) {
    if (source && source !== this.#errorSource) return;
    this.#ui.error.hidden = true;
    this.#ui.error.replaceChildren();
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

if (!customElements.get('article-explorer')) customElements.define('article-explorer', ArticleExplorer);
