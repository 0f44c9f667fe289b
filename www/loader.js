// Turns what a user brings (picked files, a dropped folder, a corpus URL)
// into articles in an Explorer: extracted on the page a slice at a time,
// with Web Workers sharing the work when the load is large and the page
// may start them. Progress is reported either way.
import { Extraction, engineModule, inlined } from './engine.js';

const WORKER_URL = new URL('worker.js', import.meta.url);
const ARTICLE_FILE = /\.(txt|json|jsonl|ndjson)$/i;
// Below this many bytes, starting a worker (and a second copy of the wasm
// module) costs more than extracting on the page.
const WORKER_MIN_BYTES = 256 * 1024;
// A worker not started by then is given up.
const WORKER_START_MS = 10_000;
// Workers at most: past a few, the page's own share (linking, indexing)
// is what a load waits for.
const MAX_WORKERS = 4;
// A JSON Lines file is split into parts of about this size, so that
// several workers share it.
const PIECE_BYTES = 2 * 1024 * 1024;
const SPLIT_FILE = /\.(jsonl|ndjson)$/i;
// Articles the page extracts between other work: about 20 ms of it, short
// enough that input and the workers' messages are not kept waiting.
const PAGE_SLICE = 250;

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

// Lets the page handle what is waiting (workers' messages, input) and
// carry on: setTimeout would wait at least 4 ms once nested, and
// scheduler.yield() would go before the workers' messages.
const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
const waiting = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();
const yieldToPage = () => (channel ? new Promise((resolve) => { waiting.push(resolve); channel.port2.postMessage(0); })
  : tick());

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
 * Extracts `items` ({ name, size, read() -> ArrayBuffer }) and adds them to
 * `explorer` (an engine Explorer) in their order, calling `onReport(report)`
 * with each slice's add report and `onProgress(fraction, text)`. Resolves
 * to the items that could not be read at all: [{ source, reason }].
 *
 * The page extracts, and for a large load Web Workers join it, one per
 * other core (a large JSON Lines file is split between them at line ends);
 * the page alone links and indexes, so the collection ends the same
 * however the work was shared.
 */
export async function loadAll(items, explorer, { onReport, onProgress }) {
  const bytes = items.reduce((n, item) => n + item.size, 0);
  const total = bytes || 1;
  let done = 0;
  const progress = (size, text) => {
    done += size;
    onProgress(done / total, text);
  };
  const splittable = items.reduce((n, item) => n + (SPLIT_FILE.test(item.name) ? item.size : 0), 0);
  const pieces = items.length + Math.floor(splittable / PIECE_BYTES);
  const cores = navigator.hardwareConcurrency || 2;
  const wanted = bytes < WORKER_MIN_BYTES ? 0 : Math.min(MAX_WORKERS, Math.max(1, cores - 1), pieces);
  const starting = Array.from({ length: wanted }, () => startWorker());
  // A worker starts in a few milliseconds on an idle page, but far later
  // once the page is busy extracting: let them start first.
  await Promise.race([Promise.all(starting), new Promise((resolve) => setTimeout(resolve, 100))]);
  return loadPieces(piecesOf(items), starting, explorer, onReport, progress);
}

const fileText = (i, items) => `Read ${i + 1} of ${items.length} file${items.length === 1 ? '' : 's'}`;

/**
 * The pieces of `items` to extract, in order, read one file at a time: a
 * large JSON Lines file in parts of whole lines, anything else whole. A
 * file that cannot be read is a rejection instead.
 */
async function* piecesOf(items) {
  for (const [file, item] of items.entries()) {
    const text = fileText(file, items);
    let buffer;
    try {
      buffer = await item.read();
    } catch (e) {
      yield { rejected: { source: item.name, reason: `not read: ${e?.message || e}` }, size: item.size, text };
      continue;
    }
    const bytes = new Uint8Array(buffer);
    if (!SPLIT_FILE.test(item.name) || bytes.length < 2 * PIECE_BYTES || bytes.subarray(0, 65536).includes(0)) {
      yield { name: item.name, label: item.name, buffer, firstLine: 1, size: item.size, text };
      continue;
    }
    let line = 1;
    for (let start = 0; start < bytes.length;) {
      // Smaller parts first, so that the page soon lets workers join, and
      // near the end, so that no one waits long for the last.
      const size = start > 0 && bytes.length - start > 6 * PIECE_BYTES ? PIECE_BYTES : PIECE_BYTES / 4;
      const newline = bytes.indexOf(10, start + size);
      const end = newline < 0 ? bytes.length : newline + 1;
      const last = end === bytes.length;
      yield { name: item.name, label: `${item.name} from line ${line}`, buffer: buffer.slice(start, end),
        firstLine: line, size: end - start, text: last ? text : `Reading ${item.name}` };
      for (let at = start; (at = bytes.indexOf(10, at) + 1) > 0 && at <= end;) line += 1;
      start = end;
    }
  }
}

/**
 * Hands pieces to the least busy extractor (the page, and the workers in
 * `starting` as each starts) and adds what comes back strictly in piece
 * order, holding slices that arrive early. Resolves to the rejections.
 */
function loadPieces(source, starting, explorer, onReport, progress) {
  return new Promise((resolve) => {
    const rejected = [];
    const pieces = new Map(); // number -> { piece, slices, done }
    const busy = new Map(); // extractor -> numbers of its pieces
    let next = 0; // the piece being added
    let count = 0; // pieces handed out
    let reading = true;
    let finished = false;
    let wake = null;

    const finish = (n, error) => {
      const entry = pieces.get(n);
      if (!entry || entry.done) return;
      entry.done = true;
      if (error) {
        const { piece } = entry;
        rejected.push({ source: piece.label, reason: `not extracted (what came before it loaded): ${error}` });
      }
    };
    // Adds every slice it may, in order; resolves once all are added.
    const flush = () => {
      for (let entry; (entry = pieces.get(next));) {
        for (let bytes; (bytes = entry.slices.shift());) {
          try {
            onReport(explorer.addExtracted(bytes));
          } catch (e) {
            rejected.push({ source: entry.piece.label, reason: `not added: ${e?.message || e}` });
          }
        }
        if (!entry.done) return;
        pieces.delete(next);
        next += 1;
        progress(entry.piece.size, entry.piece.text);
      }
      if (!reading && next === count && !finished) {
        finished = true;
        for (const w of busy.keys()) w.terminate();
        resolve(rejected);
      }
    };
    const stop = (w, reason) => {
      for (const n of busy.get(w) ?? []) finish(n, reason);
      busy.delete(w);
      w.terminate();
      flush();
      wake?.();
    };
    const join = (w) => {
      if (finished) {
        w.terminate();
        return;
      }
      busy.set(w, new Set());
      w.onmessage = ({ data }) => {
        // A stopped worker's pieces were already answered for.
        if (!busy.get(w)?.has(data.piece)) return;
        if (data.type === 'slice') pieces.get(data.piece)?.slices.push(data.bytes);
        if (data.type === 'done') {
          busy.get(w).delete(data.piece);
          finish(data.piece, data.error);
          // A worker whose module failed is not trusted again; the page
          // goes on with its next piece.
          if (data.error && !w.onPage) stop(w, data.error);
        }
        try {
          flush();
        } finally {
          wake?.();
        }
      };
      w.onerror = (e) => {
        e.preventDefault();
        stop(w, e.message || 'the extractor stopped');
      };
      wake?.();
    };
    // The page adds its own slices at once when their piece is the one
    // being added, and hands them over like a worker otherwise.
    const inTurn = (piece) => piece === next && !pieces.get(piece)?.slices.length;
    join(pageWorker(explorer, inTurn, onReport));
    let starts = starting.length;
    for (const w of starting) {
      w.then((worker) => {
        starts -= 1;
        if (worker) join(worker);
        else wake?.();
      });
    }

    const dispatch = async () => {
      for await (const piece of source) {
        const n = count++;
        pieces.set(n, { piece, slices: [], done: false });
        if (piece.rejected) {
          rejected.push(piece.rejected);
          finish(n);
          flush();
          continue;
        }
        let worker;
        // A large file that cannot be split waits for a worker, if one
        // is coming, and leaves the page free to link and index. No piece
        // is handed out far ahead of the one being added (sixteen parts
        // per extractor, a few seconds of work), so that slices held for
        // later cannot pile up without bound.
        const forWorker = () => piece.size > 2 * PIECE_BYTES && (starts > 0 || busy.size > 1);
        const ahead = () => n - next > 16 * busy.size;
        while ((ahead() || !(worker = leastBusy(busy, forWorker()))) && (busy.size || starts)) {
          worker = null;
          await new Promise((resolve) => { wake = resolve; });
        }
        wake = null;
        if (!worker) {
          finish(n, 'no extractor is left running');
          flush();
          continue;
        }
        busy.get(worker).add(n);
        const { buffer } = piece;
        piece.buffer = null;
        try {
          worker.postMessage({ piece: n, name: piece.name, buffer, firstLine: piece.firstLine }, [buffer]);
        } catch (e) {
          busy.get(worker).delete(n);
          finish(n, e?.message || e);
          flush();
        }
      }
    };
    // Whatever fails here (memory for a copy, a message that cannot be
    // sent) rejects what was not loaded; the load always ends.
    dispatch().catch((e) => {
      for (const n of pieces.keys()) finish(n, `not read: ${e?.message || e}`);
    }).finally(() => {
      reading = false;
      flush();
    });
  });
}

/**
 * The running extractor with the fewest pieces, if it has room for
 * another: a worker holds two, so it never waits for the page; the page
 * takes one only when it has none, and none `forWorker`.
 */
function leastBusy(busy, forWorker) {
  let best = null;
  for (const [w, pieces] of busy) {
    const room = w.onPage ? pieces.size === 0 && !forWorker : pieces.size < 2;
    if (room && (!best || pieces.size < busy.get(best).size)) best = w;
  }
  return best;
}

/**
 * The page as an extractor that speaks a worker's messages. It extracts a
 * piece a small slice at a time, yielding in between so that the workers'
 * slices are added and the page stays responsive. A slice whose piece is
 * the one being added (`inTurn(piece)`) goes straight into `explorer`,
 * its report to `onReport`; any other is handed over like a worker's.
 */
function pageWorker(explorer, inTurn, onReport) {
  const queue = [];
  let running = false;
  let stopped = false;
  const w = {
    onPage: true,
    onmessage: null,
    onerror: null,
    terminate() { stopped = true; },
    postMessage(message) {
      queue.push(message);
      if (!running) run();
    },
  };
  const post = (data) => !stopped && w.onmessage?.({ data });
  async function run() {
    running = true;
    for (let message; !stopped && (message = queue.shift());) {
      const { piece, name, firstLine } = message;
      let extraction;
      try {
        extraction = new Extraction(name, new Uint8Array(message.buffer), firstLine);
        message.buffer = null; // the module holds its own copy
        while (!stopped && extraction.remaining > 0) {
          if (inTurn(piece)) {
            onReport(extraction.addTo(explorer, PAGE_SLICE));
          } else {
            post({ type: 'slice', piece, bytes: extraction.next(PAGE_SLICE) });
          }
          await yieldToPage();
        }
        post({ type: 'done', piece });
      } catch (e) {
        post({ type: 'done', piece, error: String(e?.message || e) });
      } finally {
        extraction?.free();
      }
    }
    running = false;
  }
  return w;
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
    try {
      worker.postMessage({ type: 'start', module: engineModule() });
    } catch {
      resolve(false);
    }
    // A worker that neither starts nor fails is given up, so that no
    // piece waits for it.
    setTimeout(() => resolve(false), WORKER_START_MS);
  });
  if (started) return worker;
  worker.terminate();
  return null;
}
