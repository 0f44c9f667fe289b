// Extracts articles off the main thread. First receives { type: 'start',
// module } (the page's compiled module, or undefined to fetch its own) and
// posts { type: 'ready' } once the module has started, or { type: 'failed',
// message } if it cannot. Then receives { piece, name, buffer, firstLine }
// (piece is the caller's number for it; firstLine says where a part of a
// JSON Lines file starts) and posts back { type: 'slice', piece, bytes }
// for the page's Explorer.addExtracted as each slice is done, then
// { type: 'done', piece }, with `error` set if the rest of the piece could
// not be extracted (this worker is then not to be used again).
import init, { Extraction } from './pkg/article_explorer.js';

// Articles per slice: small enough that the page adds one without a pause,
// large enough that handing it over costs little.
const SLICE = 500;

let ready;

function start(module) {
  ready = init(module ? { module_or_path: module } : undefined).then(
    () => { postMessage({ type: 'ready' }); return true; },
    (e) => { postMessage({ type: 'failed', message: String(e?.message || e) }); return false; },
  );
}

onmessage = async ({ data }) => {
  if (data.type === 'start') {
    start(data.module);
    return;
  }
  const { piece, name, buffer, firstLine } = data;
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
