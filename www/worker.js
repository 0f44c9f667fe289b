// Extracts articles off the main thread. Receives { piece, name, buffer,
// firstLine } (piece is the caller's number for it; firstLine says where a
// part of a JSON Lines file starts), posts back { type: 'slice', piece,
// bytes } for the page's Explorer.addExtracted as each slice is done, then
// { type: 'done', piece }, with `error` set if the rest of the piece could
// not be extracted (this worker is then not to be used again). Posts { type: 'ready' } once the wasm module has
// started, or { type: 'failed', message } if it cannot.
import init, { Extraction } from './pkg/article_explorer.js';

// Articles per slice: small enough that the page adds one without a pause,
// large enough that handing it over costs little.
const SLICE = 500;

const ready = init().then(
  () => { postMessage({ type: 'ready' }); return true; },
  (e) => { postMessage({ type: 'failed', message: String(e?.message || e) }); return false; },
);

onmessage = async ({ data: { piece, name, buffer, firstLine } }) => {
  if (!(await ready)) return;
  let extraction;
  try {
    extraction = new Extraction(name, new Uint8Array(buffer), firstLine);
    for (let bytes; (bytes = extraction.next(SLICE));) {
      postMessage({ type: 'slice', piece, bytes }, [bytes.buffer]);
    }
    extraction.free();
  } catch (e) {
    postMessage({ type: 'done', piece, error: String(e?.message || e) });
    return;
  }
  postMessage({ type: 'done', piece });
};
