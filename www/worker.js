// Parses files off the main thread. Receives { file, name, buffer } (file is
// the caller's index), posts back { type: 'records', file, records } in
// chunks, then { type: 'file', file, rejected }. Posts { type: 'ready' } once
// the wasm module has started, or { type: 'failed', message } if it cannot.
import init, { parseFile } from './pkg/article_explorer.js';

// Records are posted in chunks so the page can index and show progress
// while a large file is still being handed over.
const CHUNK = 500;

const ready = init().then(
  () => { postMessage({ type: 'ready' }); return true; },
  (e) => { postMessage({ type: 'failed', message: String(e?.message || e) }); return false; },
);

onmessage = async ({ data: { file, name, buffer } }) => {
  if (!(await ready)) return;
  let result;
  try {
    result = parseFile(name, new Uint8Array(buffer));
  } catch (e) {
    postMessage({ type: 'file', file, rejected: [{ source: name, reason: String(e?.message || e) }] });
    return;
  }
  for (let at = 0; at < result.records.length; at += CHUNK) {
    postMessage({ type: 'records', file, records: result.records.slice(at, at + CHUNK) });
  }
  postMessage({ type: 'file', file, rejected: result.rejected });
};
