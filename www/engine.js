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

/** Resolves when the wasm module is ready; rejects with a readable Error. */
export function startEngine() {
  started ??= init(inlined?.wasm ? { module_or_path: inlined.wasm } : undefined).catch((e) => {
    started = undefined;
    throw new Error(`The article engine (WebAssembly) could not start: ${e.message || e}`);
  });
  return started;
}
