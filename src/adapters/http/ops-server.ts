/** Operator endpoints for a running stage process: /healthz (liveness + per-stage state) and /metrics (Prometheus text). */
import { createServer, type Server } from 'node:http';
import type { Metrics } from '../../runtime/metrics.ts';

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

export async function startOpsServer(port: number, metrics: Metrics, health: () => Record<string, unknown>): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      res.end(metrics.prometheus());
    } else if (req.url === '/healthz') {
      const h = health();
      res.writeHead(h.ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify(h));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(port, '0.0.0.0', r));
  const addr = server.address();
  return { port: typeof addr === 'object' && addr ? addr.port : port, close: () => new Promise((r) => server.close(() => r())) };
}
