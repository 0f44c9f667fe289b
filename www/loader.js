// Turns what a user brings (picked files, a dropped folder, a corpus URL)
// into parsed records: in a Web Worker when the page may start one, else on
// the main thread a file at a time. Progress is reported either way.
import { inlined, parseFile } from './engine.js';

const WORKER_URL = new URL('worker.js', import.meta.url);
const ARTICLE_FILE = /\.(txt|json|jsonl|ndjson)$/i;
// Records are handed to the index in chunks, yielding in between so the
// page stays responsive and the progress bar moves.
const CHUNK = 500;
// Files read ahead of the worker; bounds the memory a large folder takes.
const IN_FLIGHT = 4;
// Below this many bytes, starting a worker (and a second copy of the wasm
// module) costs more than parsing on the page.
const WORKER_MIN_BYTES = 256 * 1024;

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** An item to parse from bytes already in memory. */
export function bytesItem(name, bytes) {
  return { name, size: bytes.byteLength, read: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
}

function fileItem(name, file) {
  return { name, size: file.size, read: () => file.arrayBuffer() };
}

/**
 * Items from an <input type="file">. A folder pick (webkitdirectory) keeps
 * only article files, as the CLI does; returns { items, skipped }.
 */
export function pickedFiles(input) {
  const files = [...input.files];
  const isFolder = input.hasAttribute('webkitdirectory');
  const kept = isFolder ? files.filter((f) => ARTICLE_FILE.test(f.name)) : files;
  const items = kept.map((f) => fileItem(f.webkitRelativePath || f.name, f));
  items.sort((a, b) => a.name.localeCompare(b.name));
  return { items, skipped: files.length - kept.length };
}

/** Items from a drop: dropped folders are walked; returns { items, skipped }. */
export async function droppedFiles(dataTransfer) {
  // Entries must be taken during the drop event, before any await.
  const entries = [...dataTransfer.items].map((item) => item.webkitGetAsEntry?.()).filter(Boolean);
  if (!entries.length) {
    const items = [...dataTransfer.files].map((f) => fileItem(f.name, f));
    return { items, skipped: 0 };
  }
  const items = [];
  let skipped = 0;
  const walk = async (entry, inFolder) => {
    if (entry.isFile) {
      if (inFolder && !ARTICLE_FILE.test(entry.name)) { skipped += 1; return; }
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      items.push(fileItem(entry.fullPath.replace(/^\//, ''), file));
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (!batch.length) break;
        for (const child of batch) await walk(child, true);
      }
    }
  };
  for (const entry of entries) await walk(entry, false);
  items.sort((a, b) => a.name.localeCompare(b.name));
  return { items, skipped };
}

/** Fetches a corpus; returns an item named so the parser knows its format. */
export async function fetchCorpus(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`Could not load ${url}: the network request failed or was blocked (${e.message}).`);
  }
  if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status} ${response.statusText}`.trim());
  const bytes = new Uint8Array(await response.arrayBuffer());
  let name = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'corpus');
  if (!ARTICLE_FILE.test(name)) name += formatOf(bytes, response.headers.get('content-type') || '');
  return bytesItem(name, bytes);
}

/**
 * The extension a nameless corpus should have, from its content type and
 * its first lines: an array or one pretty-printed object is JSON, one object
 * per line is JSON Lines, anything else is one article.
 */
function formatOf(bytes, type) {
  if (/ndjson|jsonl/.test(type)) return '.jsonl';
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  const lines = head.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines[0]?.startsWith('[')) return '.json';
  if (lines[0]?.startsWith('{')) {
    const oneObjectPerLine = lines.length > 1 && lines.slice(0, -1).every((l) => l.startsWith('{') && l.endsWith('}'));
    return oneObjectPerLine || lines.length === 1 ? '.jsonl' : '.json';
  }
  return /json/.test(type) ? '.json' : '.txt';
}

/**
 * Parses `items` ({ name, size, read() -> ArrayBuffer }), handing records to
 * `onRecords(records)` in chunks and `onProgress(fraction, text)`. Resolves
 * to the rejections: [{ source, reason }].
 */
export async function parseAll(items, { onRecords, onProgress }) {
  const bytes = items.reduce((n, item) => n + item.size, 0);
  const total = bytes || 1;
  let done = 0;
  const progress = (item, i) => {
    done += item.size;
    onProgress(done / total, `Parsed ${i + 1} of ${items.length} file${items.length === 1 ? '' : 's'}`);
  };
  const worker = bytes >= WORKER_MIN_BYTES ? await startWorker() : null;
  return worker ? parseInWorker(worker, items, onRecords, progress) : parseHere(items, onRecords, progress);
}

async function parseHere(items, onRecords, progress) {
  const rejected = [];
  for (const [i, item] of items.entries()) {
    let result;
    try {
      result = parseFile(item.name, new Uint8Array(await item.read()));
    } catch (e) {
      result = { records: [], rejected: [{ source: item.name, reason: String(e?.message || e) }] };
    }
    for (let at = 0; at < result.records.length; at += CHUNK) {
      onRecords(result.records.slice(at, at + CHUNK));
      await tick();
    }
    rejected.push(...result.rejected);
    progress(item, i);
    await tick();
  }
  return rejected;
}

async function parseInWorker(worker, items, onRecords, progress) {
  const rejected = [];
  const waiting = new Map();
  let crashed = null;
  worker.onmessage = ({ data }) => {
    if (data.type === 'records') onRecords(data.records);
    if (data.type === 'file') {
      rejected.push(...data.rejected);
      waiting.get(data.file)?.();
    }
  };
  worker.onerror = (e) => {
    e.preventDefault();
    crashed = e.message || 'the parser stopped';
    for (const resolve of waiting.values()) resolve();
  };
  const inFlight = [];
  try {
    for (const [i, item] of items.entries()) {
      if (crashed) {
        rejected.push({ source: item.name, reason: `not parsed: ${crashed}` });
        continue;
      }
      const buffer = await item.read();
      inFlight.push(new Promise((resolve) => waiting.set(i, resolve)).then(() => progress(item, i)));
      worker.postMessage({ file: i, name: item.name, buffer }, [buffer]);
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
  } finally {
    worker.terminate();
  }
  return rejected;
}

/**
 * A worker that has started its wasm module, or null when this page cannot
 * have one (single-file build, file://, a blocking CSP, an old browser).
 * A worker script on another origin is started through a blob: wrapper.
 */
async function startWorker() {
  if (inlined || typeof Worker === 'undefined') return null;
  let worker;
  try {
    if (WORKER_URL.origin === location.origin) {
      worker = new Worker(WORKER_URL, { type: 'module' });
    } else {
      const wrapper = new Blob([`import ${JSON.stringify(WORKER_URL.href)};`], { type: 'text/javascript' });
      worker = new Worker(URL.createObjectURL(wrapper), { type: 'module' });
    }
  } catch {
    return null;
  }
  const started = await new Promise((resolve) => {
    worker.onmessage = ({ data }) => resolve(data.type === 'ready');
    worker.onerror = (e) => { e.preventDefault(); resolve(false); };
  });
  if (started) return worker;
  worker.terminate();
  return null;
}
