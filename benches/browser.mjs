// In-browser benchmark of the explorer: generates raw news articles in a
// headless Chromium page, adds them through the WebAssembly module
// (extraction included), times compound queries, and reads the memory the
// page holds. Prints a table against the targets.
//
//   node benches/browser.mjs [--docs 100000] [--queries 50]
//
// Needs www/pkg (./build.sh wasm) and npm's playwright-core; ./build.sh bench
// runs it after building.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../www');
const WASM = join(ROOT, 'pkg/article_explorer_bg.wasm');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}
const DOCS = option('docs', 100_000);
const QUERIES = option('queries', 50);
const BATCH = option('batch', 2_000);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.jsonl': 'application/x-ndjson',
  '.css': 'text/css',
};

/**
 * Serves www/ read-only, plus an empty page to run the benchmark in and the
 * generated collection.
 */
function serve(corpus) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/__bench.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end('<!doctype html><meta charset="utf-8"><title>bench</title>');
      return;
    }
    if (path === '/__bench.jsonl') {
      res.writeHead(200, { 'content-type': TYPES['.jsonl'] });
      res.end(corpus);
      return;
    }
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/**
 * Returns a function making one raw article text per call (title, byline,
 * dateline with the year, paragraphs naming officials by office), from a
 * fixed seed so every run sees the same collection; `.rand` is its random
 * source.
 */
function makeGenerator(initialSeed) {
  // Deterministic generator (mulberry32).
  let seed = initialSeed;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(rand() * list.length)];
  // Skewed pick: the first entries are the most common.
  const skew = (list) => list[Math.floor(list.length * rand() * rand())];

  // Public office holders and places: [country, capital, name, role].
  const PEOPLE = [
    ['Japan', 'TOKYO', 'Fumio Kishida', 'Prime Minister'],
    ['Japan', 'TOKYO', 'Yoko Kamikawa', 'Foreign Minister'],
    ['South Korea', 'SEOUL', 'Yoon Suk Yeol', 'President'],
    ['South Korea', 'SEOUL', 'Park Jin', 'Foreign Minister'],
    ['United States', 'WASHINGTON', 'Antony Blinken', 'Secretary of State'],
    ['France', 'PARIS', 'Emmanuel Macron', 'President'],
    ['Germany', 'BERLIN', 'Olaf Scholz', 'Chancellor'],
    ['Britain', 'LONDON', 'Rishi Sunak', 'Prime Minister'],
    ['India', 'NEW DELHI', 'Narendra Modi', 'Prime Minister'],
    ['Brazil', 'BRASILIA', 'Luiz Inacio Lula da Silva', 'President'],
    ['China', 'BEIJING', 'Wang Yi', 'Foreign Minister'],
    ['South Africa', 'PRETORIA', 'Cyril Ramaphosa', 'President'],
    ['Kenya', 'NAIROBI', 'William Ruto', 'President'],
    ['Indonesia', 'JAKARTA', 'Joko Widodo', 'President'],
    ['Poland', 'WARSAW', 'Donald Tusk', 'Prime Minister'],
    ['Canada', 'OTTAWA', 'Justin Trudeau', 'Prime Minister'],
    ['Mexico', 'MEXICO CITY', 'Andres Manuel Lopez Obrador', 'President'],
    ['Australia', 'CANBERRA', 'Anthony Albanese', 'Prime Minister'],
    ['Turkey', 'ANKARA', 'Mevlut Cavusoglu', 'Foreign Minister'],
    ['Nigeria', 'ABUJA', 'Bola Tinubu', 'President'],
  ];
  const OUTLETS = ['Reuters', 'AP', 'AFP', 'Kyodo', 'Yonhap', 'Xinhua', 'Anadolu', 'Bernama', 'PTI', 'EFE'];
  const REPORTERS = ['Maria Lopez', 'John Carter', 'Aiko Tanaka', 'Kim Min-ji', 'Pierre Martin', 'Anna Nowak'];
  const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
  const TOPICS = ['trade', 'climate', 'security', 'energy', 'budget', 'elections', 'health', 'migration', 'tariffs',
    'semiconductors', 'fisheries', 'railways', 'drought', 'inflation', 'vaccines', 'shipping'];
  const VERBS = ['met', 'called', 'visited', 'thanked', 'criticised', 'welcomed', 'urged', 'briefed'];
  const FILLER = ('the a of to in and for on with at by from about after before during over under between '
    + 'officials said talks would agreement meeting week ministers leaders summit plan support cooperation '
    + 'economic regional government countries policy statement joint issues discussed expected further '
    + 'tuesday wednesday thursday friday monday morning evening capital region border market growth '
    + 'investment project funding programme reform council committee parliament vote opposition analysts').split(' ');

  const sentence = (n) => {
    const words = [];
    for (let i = 0; i < n; i++) words.push(skew(FILLER));
    const s = words.join(' ');
    return s[0].toUpperCase() + s.slice(1) + '.';
  };

  const article = () => {
    const [country, capital, name, role] = skew(PEOPLE);
    const [other, , otherName, otherRole] = pick(PEOPLE);
    const topic = pick(TOPICS);
    const outlet = skew(OUTLETS);
    const year = 2015 + Math.floor(rand() * 10);
    const month = Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const lines = [
      `${country} and ${other} hold talks on ${topic}`,
      '',
      `By ${pick(REPORTERS)}`,
      '',
      `${capital}, ${MONTHS[month]} ${day}, ${year} (${outlet}) -- ${role} ${name} ${pick(VERBS)} ${otherRole} `
        + `${otherName} on ${topic} on ${pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}. `
        + sentence(12),
    ];
    for (let p = 0; p < 3 + Math.floor(rand() * 4); p++) {
      const parts = [];
      for (let s = 0; s < 3; s++) parts.push(sentence(8 + Math.floor(rand() * 14)));
      if (p === 1) parts.push(`${name.split(' ').pop()} said the ${topic} plan would help ${country}.`);
      lines.push('', parts.join(' '));
    }
    return lines.join('\n');
  };
  article.rand = rand;
  return article;
}

/**
 * Runs in the page: loads the generated collection as a JSON Lines file the
 * way the page loads a user's file (www/loader.js: Web Workers extract, the
 * page links and indexes), reads the memory it holds, times queries, then
 * splits the work in two on a sample: a worker's share and the page's.
 */
async function loadInPage({ queries, seed }) {
  const mod = await import('/pkg/article_explorer.js');
  const { startEngine } = await import('/engine.js');
  const wasm = await startEngine();
  const { bytesItem, loadAll } = await import('/loader.js');

  const file = new Uint8Array(await (await fetch('/__bench.jsonl')).arrayBuffer());
  const ex = new mod.Explorer();
  let rejected = 0;
  let workers = 0;
  const counting = globalThis.Worker;
  globalThis.Worker = class extends counting {
    constructor(...args) { super(...args); workers += 1; }
  };
  let t = performance.now();
  const unread = await loadAll([bytesItem('bench.jsonl', file)], ex, {
    onReport: (report) => { rejected += report.rejected.length; },
    onProgress: () => {},
  });
  const loadMs = performance.now() - t;
  globalThis.Worker = counting;
  rejected += unread.length;
  // Wasm memory only grows, so read it before anything else allocates.
  const wasmMemory = wasm.memory.buffer.byteLength;

  // Queries drawn from what the collection holds.
  let s = seed;
  const rand = () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const all = ex.query({ limit: 0 });
  const top = (facet, n) => all.facets[facet].slice(0, n).map((f) => f.key);
  const countries = top('country', 12);
  const officials = top('official', 12);
  const outlets = top('outlet', 10);
  const words = ['talks', 'trade', 'clim', 'secur', 'energy', 'budg', 'minister', 'presid', 'kish', 'summit'];

  const time = (fn) => {
    const t = performance.now();
    const r = fn();
    return [performance.now() - t, r];
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const compound = [];
  const totals = [];
  for (let i = 0; i < queries; i++) {
    const y = 2015 + Math.floor(rand() * 8);
    const q = {
      text: pick(words),
      countries: [pick(countries), pick(countries)],
      outlets: [pick(outlets), pick(outlets), pick(outlets)],
      from: `${y}-0${1 + Math.floor(rand() * 9)}-01`,
      to: `${y + 1 + Math.floor(rand() * 2)}-12-31`,
    };
    const [ms, r] = time(() => ex.query(q));
    compound.push(ms);
    totals.push(r.total);
  }
  const plain = [];
  const facetOnly = [];
  for (let i = 0; i < Math.min(queries, 21); i++) {
    plain.push(time(() => ex.query({}))[0]);
    facetOnly.push(time(() => ex.query({ officials: [pick(officials)], countries: [pick(countries)] }))[0]);
  }
  const docs = ex.size;
  ex.free();

  // The two shares on the first 5,000 lines, each on this one thread: what
  // a worker does (read, extract, encode) and what the page does (decode,
  // link, index).
  let end = 0;
  for (let n = 0; n < 5_000 && end >= 0; n++) end = file.indexOf(10, end) + 1 || -1;
  const sample = file.subarray(0, end > 0 ? end : file.length);
  t = performance.now();
  const extraction = new mod.Extraction('sample.jsonl', sample, 1);
  const slices = [];
  for (let bytes; (bytes = extraction.next(500));) slices.push(bytes);
  extraction.free();
  const extractMs = performance.now() - t;
  const side = new mod.Explorer();
  t = performance.now();
  for (const bytes of slices) side.addExtracted(bytes);
  const indexMs = performance.now() - t;
  const sampleDocs = side.size;
  side.free();

  return {
    docs,
    rejected,
    workers,
    loadMs,
    compoundMs: median(compound),
    compoundP90: [...compound].sort((a, b) => a - b)[Math.floor(compound.length * 0.9)],
    medianTotal: median(totals),
    plainMs: median(plain),
    facetMs: median(facetOnly),
    wasmMemory,
    sampleDocs,
    extractMs,
    indexMs,
    jsHeap: performance.memory ? performance.memory.usedJSHeapSize : null,
  };
}

/**
 * Runs in a second page: adds the same articles through addDocuments on
 * the page's own thread, batch by batch, extraction included.
 */
async function addInPage({ docs, batch, generatorSource }) {
  const mod = await import('/pkg/article_explorer.js');
  await mod.default();
  // The generator comes as source text: functions cannot cross into the page.
  const article = new Function(`return (${generatorSource})`)()(0x5eed);
  const ex = new mod.Explorer();
  let addMs = 0;
  for (let done = 0; done < docs; done += batch) {
    const items = [];
    for (let i = done; i < Math.min(docs, done + batch); i++) items.push({ source: `gen/${i}.txt`, text: article() });
    const t = performance.now();
    ex.addDocuments(items);
    addMs += performance.now() - t;
  }
  return { addMs, docs: ex.size };
}

// `--dump N` writes N generated articles as JSON Lines instead, for native
// profiling of the same texts.
const dump = option('dump', 0);
if (dump > 0) {
  const article = makeGenerator(0x5eed);
  for (let i = 0; i < dump; i++) {
    process.stdout.write(`${JSON.stringify({ source: `gen/${i}.txt`, text: article() })}\n`);
  }
  process.exit(0);
}

const wasmBytes = await readFile(WASM).catch(() => null);
if (!wasmBytes) {
  console.error(`no ${WASM}: run ./build.sh wasm first`);
  process.exit(2);
}
const gzipped = gzipSync(wasmBytes, { level: 9 }).length;
await stat(join(ROOT, 'pkg/article_explorer.js'));

// The collection as the JSON Lines file a user would open.
const article = makeGenerator(0x5eed);
let textBytes = 0;
const lines = [];
for (let i = 0; i < DOCS; i++) {
  const text = article();
  textBytes += Buffer.byteLength(text);
  lines.push(`${JSON.stringify({ source: `gen/${i}.txt`, text })}\n`);
}
const corpus = Buffer.from(lines.join(''));
lines.length = 0;

const server = await serve(corpus);
const { port } = server.address();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info'],
});
let result;
let single;
try {
  const open = async () => {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    page.on('console', (m) => m.type() === 'error' && !/favicon/.test(m.location().url) && console.error('page console:', m.text()));
    await page.goto(`http://127.0.0.1:${port}/__bench.html`);
    return page;
  };
  const page = await open();
  result = await page.evaluate(loadInPage, { queries: QUERIES, seed: 0x5eed });
  await page.close();
  const second = await open();
  single = await second.evaluate(addInPage, { docs: DOCS, batch: BATCH, generatorSource: makeGenerator.toString() });
  await second.close();
} finally {
  await browser.close();
  server.close();
}

const mb = textBytes / 1e6;
const rate = (ms, bytes = textBytes) => bytes / 1e6 / (ms / 1000);
const loadRate = rate(result.loadMs);
const sampleBytes = textBytes * (result.sampleDocs / DOCS);
const memoryRatio = result.wasmMemory / textBytes;
const rows = [
  ['documents', `${result.docs} (${result.rejected} rejected), ${mb.toFixed(1)} MB of article text `
    + `in a ${(corpus.length / 1e6).toFixed(1)} MB JSON Lines file`, '', ''],
  [`load the file as the page does (the page and ${result.workers} worker${result.workers === 1 ? '' : 's'}, `
    + 'extraction included)',
    `${loadRate.toFixed(1)} MB/s (${(result.loadMs / 1000).toFixed(1)} s)`, '>= 20 MB/s', loadRate >= 20],
  ['  a worker\'s share: read, extract, encode (sample, one thread)', `${rate(result.extractMs, sampleBytes).toFixed(1)} MB/s`,
    '', ''],
  ['  the page\'s share: decode, link, index (sample, one thread)', `${rate(result.indexMs, sampleBytes).toFixed(1)} MB/s`,
    '', ''],
  ['addDocuments on the page\'s own thread (no workers)',
    `${rate(single.addMs).toFixed(1)} MB/s (${(single.addMs / 1000).toFixed(1)} s)`, '', ''],
  [`compound query, median of ${QUERIES}`, `${result.compoundMs.toFixed(2)} ms (p90 ${result.compoundP90.toFixed(2)} ms, `
    + `median ${result.medianTotal} hits)`, '<= 10 ms', result.compoundMs <= 10],
  ['everything query (all counts)', `${result.plainMs.toFixed(2)} ms`, '', ''],
  ['two-facet query', `${result.facetMs.toFixed(2)} ms`, '', ''],
  ['wasm memory in the page / article text', `${(result.wasmMemory / 1e6).toFixed(0)} MB = ${memoryRatio.toFixed(2)}x`,
    '<= 3x', memoryRatio <= 3],
  ['JS heap', result.jsHeap == null ? 'n/a' : `${(result.jsHeap / 1e6).toFixed(0)} MB`, '', ''],
  ['wasm size', `${wasmBytes.length} bytes, ${gzipped} gzipped`, '<= 200000 gz', gzipped <= 200000],
];
console.log('| measure | result | target | ok |');
console.log('|---|---|---|---|');
for (const [what, value, target, ok] of rows) {
  console.log(`| ${what} | ${value} | ${target} | ${ok === '' ? '' : ok ? 'yes' : 'NO'} |`);
}
