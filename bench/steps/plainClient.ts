/**
 * A plain keep-alive `node:http` load generator: N loops each sending the next request when the
 * previous answer has been read. autocannon parses every body in JS and, on this 2-core machine,
 * saturates before the server does when bodies are a few hundred KB; this client only counts
 * bytes, so it shows the server's side. Exact p50/p95/p99 from every latency.
 */
import { Agent, get } from 'node:http';
import { quantile } from '../percentiles';

export interface PlainResult {
  requests: number;
  perSecond: number;
  mbPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** `url`: one URL, or several that each connection asks in turn (starting at a different one). */
export async function plainLoad(url: string | readonly string[], opts: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<PlainResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  let bytes = 0;
  let errors = 0;
  const end = Date.now() + opts.seconds * 1000;
  const urls = typeof url === 'string' ? [url] : url;
  const once = (target: string) =>
    new Promise<void>((ok) => {
      const t0 = performance.now();
      get(target, { agent, headers: opts.headers }, (res) => {
        if ((res.statusCode ?? 0) >= 400) errors++;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => {
          latencies.push(performance.now() - t0);
          ok();
        });
        res.on('error', () => (errors++, ok()));
      }).on('error', () => (errors++, ok()));
    });
  const loop = async (i: number) => {
    for (let n = i; Date.now() < end; n++) await once(urls[n % urls.length]!);
  };
  await Promise.all(Array.from({ length: opts.connections }, (_, i) => loop(i)));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => quantile(latencies, q);
  return {
    requests: latencies.length,
    perSecond: latencies.length / opts.seconds,
    mbPerSecond: bytes / opts.seconds / 1e6,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors,
  };
}
