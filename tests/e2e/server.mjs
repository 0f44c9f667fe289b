// A small static file server for the browser tests: serves www/ under a
// mount path (to prove the page works under a sub-path) and the test
// fixtures under /fixtures/, on a free port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const WWW = resolve(HERE, '../../www');
export const FIXTURES = resolve(HERE, 'fixtures');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

async function fileFor(dir, rest) {
  const path = normalize(join(dir, decodeURIComponent(rest)));
  if (!path.startsWith(dir)) return null;
  try {
    const info = await stat(path);
    return info.isDirectory() ? fileFor(path, 'index.html') : path;
  } catch {
    return null;
  }
}

/**
 * Starts a server; resolves to { origin, url, requests, close() } where
 * `url` is the mounted www/ and `requests` lists every path asked for.
 */
export async function serve({ mount = '/' } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    requests.push(pathname);
    let path = null;
    if (pathname.startsWith('/fixtures/')) path = await fileFor(FIXTURES, pathname.slice('/fixtures/'.length));
    else if (pathname.startsWith(mount)) path = await fileFor(WWW, pathname.slice(mount.length));
    if (!path) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = await readFile(path);
    res.writeHead(200, {
      'content-type': TYPES[extname(path)] || 'application/octet-stream',
      'cache-control': 'no-store',
      // Lets a page on another origin embed the explorer (see the embed test).
      'access-control-allow-origin': '*',
    }).end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: `${origin}${mount}`,
    requests,
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  };
}
