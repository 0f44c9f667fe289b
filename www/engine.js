// The one module that talks to the wasm package in pkg/. The module starts
// once per page, however many explorers there are; each explorer then holds
// its own Explorer (its own corpus and index) inside that one module.
import init, { Explorer, Extraction } from './pkg/article_explorer.js';

export { Explorer, Extraction };

/**
 * What the single-file build (scripts/dist.mjs) inlines, set on globalThis
 * before these modules run: { css: string, wasm: Promise<Response>,
 * demo: Promise<Uint8Array> }. Undefined when the files are served normally.
 */
export const inlined = globalThis.articleExplorerInline;

let started;
let compiled;

/**
 * Resolves to the module's exports (its memory included) when it is ready;
 * rejects with a readable Error.
 */
export function startEngine() {
  started ??= (async () => {
    compiled = await compile(inlined?.wasm ?? fetch(new URL('./pkg/article_explorer_bg.wasm', import.meta.url)));
    return init({ module_or_path: compiled });
  })().catch((e) => {
    started = undefined;
    throw new Error(`The article engine (WebAssembly) could not start: ${e.message || e}`);
  });
  return started;
}

/**
 * The compiled module once the engine has started: workers instantiate it
 * rather than compile their own, and share its optimised code.
 */
export const engineModule = () => compiled;

async function compile(source) {
  const response = await source;
  if (!response.ok) throw new Error(`HTTP ${response.status} fetching ${response.url}`);
  try {
    return await WebAssembly.compileStreaming(response.clone());
  } catch {
    // A server that does not say application/wasm.
    return WebAssembly.compile(await response.arrayBuffer());
  }
}
