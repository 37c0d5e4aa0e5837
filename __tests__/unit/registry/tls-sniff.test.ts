// The ClientHello sniff that lets a plain-http registry be pinged without node:tls (tls-sniff.ts).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer as createHttpServer } from 'node:http'
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSecureContext, createServer as createTlsServer } from 'node:tls'
import { classifyAnswer, sniffTarget, sniffTls } from '../../../src/registry/tls-sniff.js'
import { describeWithPrograms } from '../../harness/programs.js'
import { createSelfSigned } from '../../harness/tls.js'

const listen = async (server: Server): Promise<number> => {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}
const close = (server: Server): Promise<void> => new Promise(resolve => server.close(() => resolve()))
/** Closes `server` and every connection it still holds. */
const closeAll = (server: Server, sockets: Set<Socket>): Promise<void> => {
  for (const socket of sockets) socket.destroy()
  return close(server)
}

describe('classifyAnswer', () => {
  it.each([
    ['a TLS handshake record', [0x16, 0x03, 0x03, 0x00, 0x5a], 'tls'],
    ['a TLS alert record', [0x15, 0x03, 0x01, 0x00, 0x02], 'tls'],
    ['an HTTP status line', [...Buffer.from('HTTP/1.1 400 Bad Request')], 'plain'],
    ['the start of one (not yet an answer)', [...Buffer.from('HTT')], undefined],
    ['nothing', [], undefined],
    ['other bytes', [...Buffer.from('SSH-2.0-OpenSSH')], 'unknown'],
    ['HTTP in lower case', [...Buffer.from('http/1.1 400')], 'unknown']
  ])('%s', (_what, bytes, expected) => {
    expect(classifyAnswer(Buffer.from(bytes))).toBe(expected)
  })
})

describe('sniffTarget: only a registry on its own port is asked', () => {
  it.each([
    ['127.0.0.1:5000', { host: '127.0.0.1', port: 5000 }],
    ['localhost:5000', { host: 'localhost', port: 5000 }],
    ['[::1]:5000', { host: '::1', port: 5000 }],
    ['registry.example.com:8443', { host: 'registry.example.com', port: 8443 }],
    ['registry.example.com', undefined],
    ['registry.example.com:443', undefined],
    ['[::1]', undefined]
  ])('%s', (apiHost, expected) => {
    expect(sniffTarget(apiHost)).toEqual(expected)
  })
})

describe('sniffTls against servers on 127.0.0.1', () => {
  const servers: Server[] = []
  const sockets = new Set<Socket>()
  afterAll(() => Promise.all(servers.map(server => closeAll(server, sockets))))
  const started = (server: Server): Promise<number> => {
    servers.push(server)
    server.on('connection', (socket: Socket) => sockets.add(socket))
    return listen(server)
  }

  it('a plain-http server (node:http) answers 400 in plain HTTP, at once', async () => {
    let requests = 0
    const port = await started(createHttpServer(() => requests++))
    expect(await sniffTls('127.0.0.1', port, undefined, 60_000)).toBe('plain')
    expect(requests).toBe(0) // the hello is no request
  })

  it('a server that says nothing is not an answer: unknown once the timeout passes', async () => {
    const port = await started(createNetServer(() => undefined))
    const start = Date.now()
    expect(await sniffTls('127.0.0.1', port, undefined, 300)).toBe('unknown')
    expect(Date.now() - start).toBeGreaterThanOrEqual(250)
  })

  it('a server that closes without answering, or other bytes: unknown', async () => {
    const closing = await started(createNetServer(socket => socket.end()))
    expect(await sniffTls('127.0.0.1', closing, undefined, 60_000)).toBe('unknown')
    const ssh = await started(createNetServer(socket => socket.end('SSH-2.0-test\r\n')))
    expect(await sniffTls('127.0.0.1', ssh, undefined, 60_000)).toBe('unknown')
  })

  it('a refused connection: unknown', async () => {
    const gone = createNetServer()
    const port = await listen(gone)
    await close(gone)
    expect(await sniffTls('127.0.0.1', port, undefined, 60_000)).toBe('unknown')
  })

  it('an aborted signal ends it: unknown, without waiting for the timeout', async () => {
    const port = await started(createNetServer(() => undefined))
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const start = Date.now()
    expect(await sniffTls('127.0.0.1', port, controller.signal, 60_000)).toBe('unknown')
    expect(Date.now() - start).toBeLessThan(10_000)
  })
})

describeWithPrograms(['openssl'], 'sniffTls against a TLS server', () => {
  let dir: string
  let server: Server
  let port: number
  const names: string[] = []

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ica-sniff-'))
    const { certPath, keyPath } = await createSelfSigned(dir, 'server', '127.0.0.1')
    const [cert, key] = await Promise.all([readFile(certPath), readFile(keyPath)])
    server = createTlsServer(
      {
        cert,
        key,
        SNICallback: (name, callback) => {
          names.push(name)
          callback(null, createSecureContext({ cert, key }))
        }
      },
      socket => socket.end()
    )
    port = await listen(server)
  })
  afterAll(async () => {
    await close(server)
    await rm(dir, { recursive: true, force: true })
  })

  it('answers the ClientHello with a TLS record (node:tls, any TLS version it allows)', async () => {
    expect(await sniffTls('127.0.0.1', port, undefined, 60_000)).toBe('tls')
  })

  it('names the host (SNI) when it is a name, as the https ping will, and not when it is an address', async () => {
    names.length = 0
    expect(await sniffTls('localhost', port, undefined, 60_000)).toBe('tls')
    expect(await sniffTls('127.0.0.1', port, undefined, 60_000)).toBe('tls')
    expect(names).toEqual(['localhost'])
  })
})
