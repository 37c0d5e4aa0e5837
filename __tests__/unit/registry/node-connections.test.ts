import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import tls from 'node:tls'
import { NodeConnections } from '../../../src/registry/node-connections.js'

describe('direct connections on node:http', () => {
  let server: Server
  let origin: string
  let connections = 0
  const bodies: Array<{ length: string | undefined; bytes: number }> = []

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/two-challenges') {
        res.setHeader('www-authenticate', ['Bearer realm="a"', 'Basic realm="b"'])
        res.end('no')
      } else if (req.url === '/big') {
        res.end(Buffer.alloc(1 << 20))
      } else if (req.url === '/silent') {
        // never answers
      } else if (req.url === '/upload') {
        let bytes = 0
        req.on('data', (c: Buffer) => (bytes += c.length))
        req.on('end', () => {
          bodies.push({ length: req.headers['content-length'], bytes })
          res.statusCode = 202
          res.end()
        })
      } else {
        res.end('small')
      }
    })
    server.on('connection', () => connections++)
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  })

  const pool = (idleTimeout = 10_000): NodeConnections =>
    new NodeConnections(
      4,
      { keepAliveTimeout: 5_000, idleTimeout },
      {
        verify: true,
        secureContext: () => tls.createSecureContext()
      }
    )
  const get = (c: NodeConnections, path: string) =>
    c.request({ url: new URL(path, origin), method: 'GET', headers: {} })

  it('keeps repeated headers apart, as separate values', async () => {
    const c = pool()
    const res = await get(c, '/two-challenges')
    expect(res.headers['www-authenticate']).toEqual(['Bearer realm="a"', 'Basic realm="b"'])
    await res.body.dump()
    await c.close()
  })

  it('a dumped short body leaves the connection for the next request; a long one closes it', async () => {
    const c = pool()
    const before = connections
    await (await get(c, '/small')).body.dump()
    await (await get(c, '/small')).body.dump()
    expect(connections - before).toBe(1)
    await (await get(c, '/big')).body.dump({ limit: 1024 })
    await (await get(c, '/small')).body.dump()
    expect(connections - before).toBe(2)
    await c.close()
  })

  it('streams a request body with the length the caller gives', async () => {
    const c = pool()
    const data = Buffer.alloc(300_000, 7)
    const res = await c.request({
      url: new URL('/upload', origin),
      method: 'PATCH',
      headers: { 'content-length': String(data.length) },
      body: Readable.from([data.subarray(0, 100_000), data.subarray(100_000)])
    })
    expect(res.statusCode).toBe(202)
    await res.body.dump()
    expect(bodies.at(-1)).toEqual({ length: '300000', bytes: 300_000 })
    await c.close()
  })

  it('fails a request whose connection stays silent past the idle timeout', async () => {
    const c = pool(200)
    await expect(get(c, '/silent')).rejects.toMatchObject({ code: 'ETIMEDOUT' })
    await c.close()
  })
})
