/**
 * The floor for cached requests: a bare `node:http` server answering every request with the same
 * pre-encoded body (no Express, no routing, no cache lookup), or 304 when If-None-Match matches.
 * What is left of a request's latency here is the bytes and the machine.
 *
 *   node bench/child/bareServer.ts BODY_FILE ETAG     (prints "serving on http://…")
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [file, etag = '"bare"'] = process.argv.slice(2);
if (!file) throw new Error('usage: bareServer.ts BODY_FILE [ETAG]');
const body = readFileSync(file);
const headers = { 'Content-Type': 'application/json', 'Content-Encoding': 'br', 'Content-Length': body.length, ETag: etag };

const server = createServer((req, res) => {
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ETag: etag });
    res.end();
    return;
  }
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`serving on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
