// Writes dist/ from www/ (run by `./build.sh dist` after the wasm build):
//
//   dist/article-explorer.html  one self-contained file: the page with its
//                               modules, styles, wasm and demo corpus inlined;
//                               it works opened from file:// with no network
//   dist/explorer/              the embeddable files, to host anywhere
//
// No bundler: each ES module becomes a function scope whose exports are
// returned, in dependency order, inside one inline module script. The wasm
// and the demo corpus are gzipped and base64-encoded, and unpacked with the
// browser's DecompressionStream.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WWW = join(ROOT, 'www');
const DIST = join(ROOT, 'dist');
const PKG_JS = 'pkg/article_explorer.js';
const PKG_WASM = 'pkg/article_explorer_bg.wasm';
// Every module the element needs, each after the ones it imports.
const MODULES = [PKG_JS, 'engine.js', 'state.js', 'render.js', 'store.js', 'loader.js', 'article-explorer.js'];
// What the embeddable copy needs besides the modules.
const EMBED_FILES = ['style.css', 'worker.js', 'pkg/article_explorer_bg.wasm', 'pkg/article_explorer.d.ts', 'demo'];
const SIZE_TARGET = 400 * 1024;

const read = (path) => readFileSync(join(WWW, path), 'utf8');
const scopeName = (path) => `module_${path.replace(/\W+/g, '_')}`;

/**
 * One module as `const module_x = (() => { ...; return { exports }; })();`.
 * Handles the forms our modules and wasm-bindgen's output use: named and
 * default imports of relative paths, `export function|class|const|let`,
 * `export { a, b as c }` and `export default name`.
 */
function scoped(path) {
  const exported = [];
  let code = read(path);
  code = code.replace(/^import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s*['"]([^'"]+)['"];?/gm, (_, def, names, from) => {
    const target = new URL(from, `file:///${path}`).pathname.slice(1);
    if (!MODULES.includes(target)) throw new Error(`${path}: imports ${from}, which the single file does not include`);
    const bindings = (names || '').split(',').map((n) => n.trim()).filter(Boolean)
      .map((n) => n.replace(/^(\w+)\s+as\s+(\w+)$/, '$1: $2'));
    if (def) bindings.unshift(`default: ${def}`);
    return `const { ${bindings.join(', ')} } = ${scopeName(target)};`;
  });
  code = code.replace(/^export\s+((?:async\s+)?function\*?|class|const|let)\s+(\w+)/gm, (_, kind, name) => {
    exported.push(name);
    return `${kind} ${name}`;
  });
  code = code.replace(/^export\s*\{([^}]*)\};?/gm, (_, names) => {
    for (const n of names.split(',').map((x) => x.trim()).filter(Boolean)) {
      const m = n.match(/^(\w+)(?:\s+as\s+(\w+))?$/);
      exported.push(m[2] ? `${m[2]}: ${m[1]}` : m[1]);
    }
    return '';
  });
  code = code.replace(/^export\s+default\s+(\w+);?/gm, (_, name) => {
    exported.push(`default: ${name}`);
    return '';
  });
  if (/^(import|export)\b/m.test(code)) throw new Error(`${path}: an import or export form dist.mjs does not handle`);
  return `// ${path}\nconst ${scopeName(path)} = (() => {\n${code}\nreturn { ${exported.join(', ')} };\n})();\n`;
}

// Whole-line comments and indentation only: safe for our code, and a third
// of its size. (None of the modules has a multi-line string.)
function compact(code) {
  return code.split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('//') && !/^\/?\*/.test(line))
    .join('\n');
}

const packed = (bytes) => gzipSync(bytes, { level: 9 }).toString('base64');
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function singleFile() {
  const wasm = readFileSync(join(WWW, PKG_WASM));
  const demo = readFileSync(join(WWW, 'demo/articles.jsonl'));
  const css = read('style.css').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n\s*\n/g, '\n');
  const favicon = `data:image/svg+xml;base64,${Buffer.from(read('favicon.svg')).toString('base64')}`;
  const prelude = `const unpack = (base64, type) => new Response(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))])
  .stream().pipeThrough(new DecompressionStream('gzip')), { headers: { 'content-type': type } });
globalThis.articleExplorerInline = {
  css: ${JSON.stringify(css)},
  wasm: Promise.resolve(unpack('${packed(wasm)}', 'application/wasm')),
  demo: unpack('${packed(demo)}', 'text/plain').arrayBuffer().then((b) => new Uint8Array(b)),
};
`;
  const script = `\n${prelude}${MODULES.map((m) => compact(scoped(m))).join('\n')}\n`;
  checkSyntax(script);
  const pageCss = read('page.css');
  const csp = [
    "default-src 'none'", `script-src ${sha256(script)} 'wasm-unsafe-eval'`, `style-src ${sha256(pageCss)}`,
    'img-src data:', "connect-src 'self' https:", "base-uri 'none'", "form-action 'none'", "object-src 'none'",
  ].join('; ');
  let html = read('index.html');
  const swap = (pattern, replacement) => {
    if (!pattern.test(html)) throw new Error(`index.html: ${pattern} not found`);
    html = html.replace(pattern, () => replacement);
  };
  swap(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  swap(/<link rel="icon" href="favicon.svg"/, `<link rel="icon" href="${favicon}"`);
  swap(/<link rel="stylesheet" href="page.css">/, `<style>${pageCss}</style>`);
  swap(/<script type="module" src="article-explorer.js"><\/script>/, `<script type="module">${script}</script>`);
  return html;
}

// The inlined modules must parse as one module: a name declared twice or a
// form the rewriting missed fails here, not in a user's browser.
function checkSyntax(script) {
  const file = join(tmpdir(), `article-explorer-${process.pid}.mjs`);
  writeFileSync(file, script);
  const result = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
  rmSync(file, { force: true });
  if (result.status !== 0) throw new Error(`the single-file script does not parse:\n${result.stderr}`);
}

function embeddable() {
  const out = join(DIST, 'explorer');
  for (const path of [...MODULES, ...EMBED_FILES]) {
    if (!existsSync(join(WWW, path))) continue;
    mkdirSync(join(out, path, '..'), { recursive: true });
    cpSync(join(WWW, path), join(out, path), { recursive: true });
  }
}

if (!existsSync(join(WWW, PKG_WASM))) {
  console.error(`${PKG_WASM} is missing: build it first (./build.sh wasm)`);
  process.exit(1);
}
rmSync(DIST, { recursive: true, force: true });
mkdirSync(DIST, { recursive: true });
const html = singleFile();
writeFileSync(join(DIST, 'article-explorer.html'), html);
embeddable();
const size = Buffer.byteLength(html);
console.log(`dist/article-explorer.html: ${size} bytes (${(size / 1024).toFixed(0)} KB; target ${SIZE_TARGET / 1024} KB)${size > SIZE_TARGET ? ' OVER TARGET' : ''}`);
console.log('dist/explorer/: the embeddable files (article-explorer.js, its modules, pkg/, style.css, worker.js, demo/)');
