#!/usr/bin/env node
// A small static server for the browser build (and for tests/benchmarks that load frameworks by URL).
//   node scripts/serve.mjs [dir=out/renderer] [--port 5178] [--host 127.0.0.1] [--mount /url=folder]...
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '5178' },
    host: { type: 'string', default: '127.0.0.1' },
    mount: { type: 'string', multiple: true, default: [] },
  },
  allowPositionals: true,
});
const mounts = values.mount.map((m) => {
  const [url, dir] = m.split('=');
  return { url: url.replace(/\/$/, ''), dir: resolve(dir) };
});
mounts.push({ url: '', dir: resolve(positionals[0] ?? 'out/renderer') });

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

function resolvePath(urlPath) {
  for (const m of mounts) {
    if (m.url && !(urlPath === m.url || urlPath.startsWith(m.url + '/'))) continue;
    const rel = decodeURIComponent(urlPath.slice(m.url.length)) || '/';
    const file = normalize(join(m.dir, rel));
    if (file !== m.dir && !file.startsWith(m.dir + sep)) return undefined; // no escaping the folder
    try {
      const s = statSync(file);
      if (s.isDirectory()) {
        const index = join(file, 'index.html');
        if (statSync(index).isFile()) return index;
      } else if (s.isFile()) return file;
    } catch {
      /* try the next mount */
    }
  }
  return undefined;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const file = resolvePath(url.pathname);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
});
server.listen(Number(values.port), values.host, () => {
  console.log(`Progressions (browser build) at http://${values.host}:${values.port}/`);
});
