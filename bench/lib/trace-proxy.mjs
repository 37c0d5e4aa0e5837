#!/usr/bin/env node
// A diagnostic reverse proxy in front of a registry: logs every request (start time, duration, method,
// path, status, bytes in/out, connection number) as TSV on stdout (start = epoch ms, to align traces of
// several proxies and the tool's own start), to see how a tool orders and overlaps its requests. The
// Host header is passed through, so the registry's Location headers point back here. Not used by the
// benchmark itself (it adds latency and CPU); for investigations:
//
//   node bench/lib/trace-proxy.mjs 127.0.0.1:5000 [LISTEN_PORT [DELAY_MS]] > trace.tsv
//   then point a tool at 127.0.0.1:<LISTEN_PORT>. With DELAY_MS, every request waits that long before
//   it is forwarded (a crude stand-in for a remote registry's round trip).
import { createServer, request } from 'node:http'

const [upstream, listenPort = '0', delayMs = '0'] = process.argv.slice(2)
if (!upstream) {
  process.stderr.write('usage: trace-proxy.mjs UPSTREAM_HOST:PORT [LISTEN_PORT [DELAY_MS]]\n')
  process.exit(2)
}
const delay = Number(delayMs)
const [uhost, uport] = upstream.split(':')
let connections = 0

function forward(req, res, t) {
  const up = request(
    { host: uhost, port: Number(uport), method: req.method, path: req.url, headers: req.headers },
    r => {
      res.writeHead(r.statusCode ?? 502, r.headers)
      r.on('data', c => (t.bytesOut += c.length))
      r.pipe(res)
      res.on('finish', () => {
        const row = [
          (performance.timeOrigin + t.start).toFixed(1),
          (performance.now() - t.start).toFixed(1),
          req.method,
          req.url,
          r.statusCode,
          t.bytesIn,
          t.bytesOut,
          t.conn
        ]
        process.stdout.write(row.join('\t') + '\n')
      })
    }
  )
  up.on('error', e => {
    res.writeHead(502)
    res.end(String(e))
  })
  req.pipe(up)
  req.resume()
}

const server = createServer((req, res) => {
  const t = { start: performance.now(), conn: req.socket.benchId, bytesIn: 0, bytesOut: 0 }
  req.on('data', c => (t.bytesIn += c.length))
  req.pause()
  setTimeout(() => forward(req, res, t), delay)
})
server.on('connection', s => (s.benchId = ++connections))
server.listen(Number(listenPort), '127.0.0.1', () => {
  process.stderr.write(`trace-proxy: 127.0.0.1:${server.address().port} → ${upstream}\n`)
})
