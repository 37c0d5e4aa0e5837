// The ping with TLS verification off (client.ts doPing/insecureSchemes): which connections a registry
// sees. One raw TCP server plays every part and tells them apart by their first bytes: our sniff (a
// ClientHello whose random is CR LF repeated, tls-sniff.ts), a real ClientHello from node:tls, or a
// plain HTTP request.
import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { closeAllConnections, RegistryClient } from '../../../src/registry/index.js'
import { proxyEnvironment } from '../../../src/registry/proxy-env.js'
import { clientHello } from '../../../src/registry/tls-sniff.js'

type Kind = 'sniff' | 'tls' | 'http'
/** How the server answers our sniff: in plain HTTP, with a TLS alert, or by closing. */
type SniffAnswer = 'http' | 'tls' | 'close'

const SNIFF_RANDOM = clientHello().subarray(11, 43)

function kindOf(first: Buffer): Kind {
  if (first[0] !== 0x16) return 'http'
  return first.subarray(11, 43).equals(SNIFF_RANDOM) ? 'sniff' : 'tls'
}

const servers: Server[] = []
const sockets = new Set<Socket>()

/** A registry on 127.0.0.1 that serves `/v2/` in plain HTTP and refuses TLS (it closes). */
async function registry(answer: SniffAnswer): Promise<{ host: string; seen: Kind[] }> {
  const seen: Kind[] = []
  const server = createServer(socket => {
    sockets.add(socket)
    socket.once('data', (first: Buffer) => {
      const kind = kindOf(first)
      seen.push(kind)
      if (kind === 'http') {
        socket.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-type: application/json\r\n\r\n{}')
      } else if (kind === 'sniff' && answer === 'http') {
        socket.end('HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n')
      } else if (kind === 'sniff' && answer === 'tls') {
        socket.end(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28])) // alert: handshake_failure
      } else {
        socket.destroy()
      }
    })
  })
  servers.push(server)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { host: `127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

function client(host: string, extra: Partial<ConstructorParameters<typeof RegistryClient>[0]> = {}) {
  return new RegistryClient({
    registry: host,
    repository: 'acme/app',
    access: 'pull',
    tlsVerify: false,
    proxy: proxyEnvironment({}),
    settings: { retryBaseDelayMs: 5, retryMaxDelayMs: 20 },
    retryTimes: 0,
    ...extra
  })
}

afterEach(() => closeAllConnections())
afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await Promise.all(servers.map(s => new Promise(resolve => s.close(resolve))))
})

describe('pinging with TLS verification off', () => {
  it('a server that answers the sniff in plain HTTP gets no https attempt', async () => {
    const reg = await registry('http')
    await client(reg.host).ping()
    expect(reg.seen).toEqual(['sniff', 'http'])
  })

  it('a server that answers it with a TLS record gets https first, then http (as containers/image)', async () => {
    const reg = await registry('tls')
    await client(reg.host).ping()
    expect(reg.seen).toEqual(['sniff', 'tls', 'http'])
  })

  it('no answer (the server closes) changes nothing: https, then http', async () => {
    const reg = await registry('close')
    await client(reg.host).ping()
    expect(reg.seen).toEqual(['sniff', 'tls', 'http'])
  })

  it('through a proxy nothing is sniffed: the https attempt goes to the proxy', async () => {
    const reg = await registry('http')
    const deadProxy = await registry('close') // answers nothing useful: the https attempt fails there
    const proxy = proxyEnvironment({ HTTPS_PROXY: `http://${deadProxy.host}` })
    // 0.0.0.0 reaches the same listener, but is not a loopback name, which no proxy is used for
    await client(reg.host.replace('127.0.0.1', '0.0.0.0'), { proxy }).ping()
    expect(reg.seen).toEqual(['http'])
    expect(deadProxy.seen).toEqual(['http']) // the CONNECT for the https attempt
  })
})

describe('pinging with TLS verification on', () => {
  it('sends no sniff and never falls back to http', async () => {
    const reg = await registry('http')
    await expect(client(reg.host, { tlsVerify: true }).ping()).rejects.toThrow(/pinging container registry/)
    expect(reg.seen).toEqual(['tls'])
  })
})
