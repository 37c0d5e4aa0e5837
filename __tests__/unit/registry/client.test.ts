// The registry client against small scripted HTTP servers, for behaviour the real registry does not
// exhibit (redirects to storage, OAuth2, odd token answers, 429 with dates, servers ignoring Range).
import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import {
  blobExists,
  closeAllConnections,
  getBlob,
  getManifest,
  mountBlob,
  putManifest,
  RegistryAuthError,
  RegistryClient,
  RegistryError,
  uploadBlob,
  type RegistryClientOptions
} from '../../../src/registry/index.js'

type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => unknown

interface Scripted {
  host: string
  url: string
  seen: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }>
  close(): Promise<void>
}

const servers: Server[] = []

async function serve(handler: Handler): Promise<Scripted> {
  const seen: Scripted['seen'] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', c => chunks.push(c as Buffer))
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
      Promise.resolve(handler(req, res, Buffer.concat(chunks))).catch(e => {
        res.writeHead(500).end(String(e))
      })
    })
  })
  servers.push(server)
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>(r => server.close(() => r()))
  }
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers
  })
  res.end(text)
}

function client(host: string, extra: Partial<RegistryClientOptions> = {}): RegistryClient {
  return new RegistryClient({
    registry: host,
    repository: 'acme/app',
    access: 'pull',
    tlsVerify: false,
    settings: { retryBaseDelayMs: 5, retryMaxDelayMs: 20 },
    ...extra
  })
}

const sha256 = (b: Buffer): string => 'sha256:' + createHash('sha256').update(b).digest('hex')

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections()
    await new Promise(r => s.close(r))
  }
})
afterAll(async () => {
  await closeAllConnections()
})

describe('RegistryClient: ping and transport', () => {
  it('falls back to http when TLS verification is off, and sends the API version header', async () => {
    const s = await serve((req, res) => json(res, 200, {}))
    const c = client(s.host)
    expect(await blobExists(c, 'sha256:' + '0'.repeat(64))).toEqual({ size: 2 })
    expect(s.seen.map(r => `${r.method} ${r.url}`)).toEqual([
      'GET /v2/',
      `HEAD /v2/acme/app/blobs/sha256:${'0'.repeat(64)}`
    ])
    expect(s.seen[0].headers['docker-distribution-api-version']).toBe('registry/2.0')
  })

  it('does not fall back to http when TLS is verified', async () => {
    const s = await serve((_req, res) => json(res, 200, {}))
    const c = client(s.host, { tlsVerify: true })
    await expect(c.ping()).rejects.toThrow(
      /^pinging container registry 127\.0\.0\.1:\d+: GET https:\/\/127\.0\.0\.1:\d+\/v2\/ failed: wrong version number.*; 127\.0\.0\.1:\d+ seems to speak plain http, not https$/
    )
    expect(((await c.ping().catch(e => e)) as RegistryError).hint).toBe(
      'for a registry on plain http, turn TLS verification off: tls-verify set to false'
    )
    expect(s.seen).toHaveLength(0)
  })

  it('retries 503 and 429 (Retry-After as an HTTP date), then succeeds', async () => {
    let n = 0
    const s = await serve((req, res) => {
      if (req.url === '/v2/') return json(res, 200, {})
      n++
      if (n === 1) return json(res, 503, { errors: [{ code: 'UNAVAILABLE', message: 'busy' }] })
      if (n === 2) return json(res, 429, {}, { 'retry-after': new Date(Date.now() + 2000).toUTCString() })
      res.writeHead(404).end()
    })
    const lines: string[] = []
    const c = client(s.host, {
      settings: { retryBaseDelayMs: 5, retryMaxDelayMs: 20, log: (_level, line) => lines.push(line) }
    })
    expect(await blobExists(c, 'sha256:' + '1'.repeat(64))).toBeUndefined()
    expect(n).toBe(3)
    // The 503 waits the test's backoff (at most 20 ms); the 429 waits for the date it names, which
    // HTTP gives to the second: between 1 and 2 s from now, never the backoff.
    expect(lines.find(l => l.includes('HTTP 503'))).toMatch(/retrying in 0\.0 s$/)
    expect(lines.find(l => l.includes('HTTP 429'))).toMatch(/retrying in (1\.\d|2\.0) s$/)
  })

  it('gives up after retryTimes with a clear error', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/v2/') return json(res, 200, {})
      json(res, 503, { errors: [{ code: 'UNAVAILABLE', message: 'service unavailable' }] })
    })
    const e = (await getManifest(client(s.host, { retryTimes: 2 }), 'v1', ['x/y']).catch(
      x => x
    )) as RegistryError
    expect(e).toBeInstanceOf(RegistryError)
    expect(e.status).toBe(503)
    expect(e.message).toMatch(
      /reading manifest v1 of 127\.0\.0\.1:\d+\/acme\/app: UNAVAILABLE: service unavailable \(HTTP 503, GET http:\/\/127\.0\.0\.1:\d+\/v2\/acme\/app\/manifests\/v1, after 3 attempts\)/
    )
    expect(s.seen.filter(r => r.url.includes('manifests')).length).toBe(3)
  })

  it('never retries 401, 403, 404 or 400', async () => {
    for (const status of [401, 403, 404, 400]) {
      const s = await serve((req, res) => {
        if (req.url === '/v2/') return json(res, 200, {})
        json(res, status, { errors: [{ code: 'X', message: 'no' }] })
      })
      await expect(getManifest(client(s.host), 't', ['a/b'])).rejects.toThrow(RegistryError)
      expect(s.seen.filter(r => r.url.includes('manifests')).length).toBe(1)
    }
  })

  it('fails with a connection error that names the request and the attempts', async () => {
    const s = await serve((_req, res) => res.destroy())
    const e = (await client(s.host, { retryTimes: 1 })
      .ping()
      .catch(x => x)) as Error
    expect(e.message).toMatch(
      /pinging container registry 127\.0\.0\.1:\d+: GET http:\/\/127\.0\.0\.1:\d+\/v2\/ failed: .*(other side closed|socket hang up).*after 2 attempts/
    )
  })
})

describe('RegistryClient: authentication', () => {
  function bearerRegistry(opts: {
    tokenBody: (req: IncomingMessage, body: Buffer) => unknown
    resource?: (req: IncomingMessage, res: ServerResponse) => void
  }): Promise<{ registry: Scripted; tokens: Scripted }> {
    return (async () => {
      const tokens = await serve((req, res, body) => json(res, 200, opts.tokenBody(req, body)))
      const registry = await serve((req, res) => {
        const challenge = `Bearer realm="${tokens.url}/token",service="svc"`
        if (req.url === '/v2/') return json(res, 401, {}, { 'www-authenticate': challenge })
        if (!req.headers.authorization?.startsWith('Bearer '))
          return json(res, 401, {}, { 'www-authenticate': challenge })
        if (opts.resource) return opts.resource(req, res)
        res.writeHead(404).end()
      })
      return { registry, tokens }
    })()
  }

  it('gets a token with Basic credentials, caches it per scope set, and reports secrets', async () => {
    const { registry, tokens } = await bearerRegistry({
      tokenBody: () => ({ access_token: 'tok-1', expires_in: 5 })
    })
    const secrets: string[] = []
    const c = client(registry.host, {
      credentials: { username: 'u', password: 'p4ss' },
      onSecret: v => secrets.push(v)
    })
    await blobExists(c, 'sha256:' + '2'.repeat(64))
    await blobExists(c, 'sha256:' + '3'.repeat(64))
    expect(tokens.seen).toHaveLength(1) // expires_in 5 → 60 s minimum: reused
    const q = new URL(tokens.seen[0].url, 'http://x').searchParams
    expect(q.get('service')).toBe('svc')
    expect(q.get('account')).toBe('u')
    expect(q.getAll('scope')).toEqual(['repository:acme/app:pull'])
    expect(tokens.seen[0].headers.authorization).toBe('Basic ' + Buffer.from('u:p4ss').toString('base64'))
    expect(registry.seen[1].headers.authorization).toBe('Bearer tok-1')
    expect(secrets).toEqual(['p4ss', Buffer.from('u:p4ss').toString('base64'), 'tok-1'])

    // Another repository's scope is another token.
    await blobExists(c, 'sha256:' + '3'.repeat(64), 'other/repo')
    expect(tokens.seen).toHaveLength(2)
    expect(new URL(tokens.seen[1].url, 'http://x').searchParams.getAll('scope')).toEqual([
      'repository:acme/app:pull',
      'repository:other/repo:pull'
    ])
  })

  it('refreshes an expired token', async () => {
    let n = 0
    const { registry, tokens } = await bearerRegistry({
      tokenBody: () => ({
        token: `t${++n}`,
        expires_in: 60,
        issued_at: new Date(Date.now() - 61_000).toISOString()
      })
    })
    const c = client(registry.host)
    await blobExists(c, 'sha256:' + '2'.repeat(64))
    await blobExists(c, 'sha256:' + '2'.repeat(64))
    expect(tokens.seen).toHaveLength(2)
  })

  it('uses the OAuth2 refresh-token POST for an identity token', async () => {
    const { registry, tokens } = await bearerRegistry({
      tokenBody: () => ({ access_token: 'oauth-tok', expires_in: 300 })
    })
    const secrets: string[] = []
    const c = client(registry.host, {
      access: 'push',
      credentials: { identityToken: 'refresh-xyz' },
      onSecret: v => secrets.push(v)
    })
    await blobExists(c, 'sha256:' + '2'.repeat(64))
    expect(tokens.seen[0].method).toBe('POST')
    expect(tokens.seen[0].headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(registry.seen[1].headers.authorization).toBe('Bearer oauth-tok')
    expect(secrets).toEqual(['refresh-xyz', 'oauth-tok'])
  })

  it('sends the form fields of the OAuth2 refresh', async () => {
    let form: URLSearchParams | undefined
    const { registry } = await bearerRegistry({
      tokenBody: (_req, body) => {
        form = new URLSearchParams(body.toString())
        return { access_token: 'a' }
      }
    })
    await blobExists(
      client(registry.host, { access: 'push', credentials: { identityToken: 'rt' } }),
      'sha256:' + '2'.repeat(64)
    )
    expect(Object.fromEntries(form!)).toEqual({
      service: 'svc',
      scope: 'repository:acme/app:pull,push',
      grant_type: 'refresh_token',
      refresh_token: 'rt',
      client_id: 'containers/image'
    })
  })

  it('uses a given registry token directly', async () => {
    const { registry, tokens } = await bearerRegistry({ tokenBody: () => ({ token: 'never' }) })
    await blobExists(
      client(registry.host, { credentials: { registryToken: 'given-token' } }),
      'sha256:' + '2'.repeat(64)
    )
    expect(tokens.seen).toHaveLength(0)
    expect(registry.seen[1].headers.authorization).toBe('Bearer given-token')
  })

  it('retries once with the scope an insufficient_scope challenge names', async () => {
    const { registry, tokens } = await bearerRegistry({
      tokenBody: req => ({
        token: new URL(req.url ?? '', 'http://x').searchParams.getAll('scope').join(' ')
      }),
      resource: (req, res) => {
        if (req.headers.authorization?.includes('repository:extra/repo:pull')) return res.writeHead(404).end()
        json(
          res,
          401,
          { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] },
          {
            'www-authenticate': `Bearer realm="x",service="svc",scope="repository:extra/repo:pull",error="insufficient_scope"`
          }
        )
      }
    })
    expect(await blobExists(client(registry.host), 'sha256:' + '4'.repeat(64))).toBeUndefined()
    expect(tokens.seen).toHaveLength(2)
    expect(new URL(tokens.seen[1].url, 'http://x').searchParams.getAll('scope')).toEqual([
      'repository:acme/app:pull',
      'repository:extra/repo:pull'
    ])
  })

  it('reports a denied scope as DENIED after one retry, without the token', async () => {
    const { registry } = await bearerRegistry({
      tokenBody: () => ({ token: 'the-token-value' }),
      resource: (_req, res) =>
        json(
          res,
          401,
          { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] },
          {
            'www-authenticate': `Bearer realm="x",service="svc",scope="repository:acme/app:pull,push",error="insufficient_scope"`
          }
        )
    })
    const c = client(registry.host, { access: 'push', credentials: { username: 'u', password: 'pw-secret' } })
    const e = (await putManifest(c, 'v1', Buffer.from('{}'), 'application/json').catch(
      x => x
    )) as RegistryError
    expect(e.message).toMatch(
      /^writing manifest v1 to 127\.0\.0\.1:\d+\/acme\/app: DENIED: requested access to the resource is denied \(HTTP 401, PUT http:\/\/127\.0\.0\.1:\d+\/v2\/acme\/app\/manifests\/v1\)$/
    )
    expect(e.code).toBe('DENIED')
    expect(e.hint).toMatch(/do not grant push access to acme\/app/)
    expect(registry.seen.filter(r => r.method === 'PUT')).toHaveLength(2)
    for (const secret of ['the-token-value', 'pw-secret', Buffer.from('u:pw-secret').toString('base64')]) {
      expect(e.message).not.toContain(secret)
      expect(JSON.stringify(e)).not.toContain(secret)
    }
  })

  it('says when the token service rejects the credentials', async () => {
    const tokens = await serve((_req, res) => json(res, 401, { details: 'incorrect username or password' }))
    const registry = await serve((_req, res) =>
      json(res, 401, {}, { 'www-authenticate': `Bearer realm="${tokens.url}/token",service="svc"` })
    )
    const e = (await blobExists(
      client(registry.host, { credentials: { username: 'u', password: 'wrong-pw' } }),
      'sha256:' + '2'.repeat(64)
    ).catch(x => x)) as Error
    expect(e).toBeInstanceOf(RegistryAuthError)
    expect(e.message).toMatch(
      /registry 127\.0\.0\.1:\d+: the token service rejected the credentials \(incorrect username or password; HTTP 401/
    )
    expect(e.message).not.toContain('wrong-pw')
  })

  it('Basic: sends credentials; 401 says the registry rejected them', async () => {
    const registry = await serve((req, res) => {
      if (req.headers.authorization === 'Basic ' + Buffer.from('u:right').toString('base64'))
        return res.writeHead(404).end()
      json(
        res,
        401,
        { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] },
        { 'www-authenticate': 'Basic realm="r"' }
      )
    })
    expect(
      await blobExists(
        client(registry.host, { credentials: { username: 'u', password: 'right' } }),
        'sha256:' + '2'.repeat(64)
      )
    ).toBeUndefined()
    const wrong = client(registry.host, { credentials: { username: 'u', password: 'wrong' } })
    const e = (await blobExists(wrong, 'sha256:' + '2'.repeat(64)).catch(x => x)) as Error
    expect(e).toBeInstanceOf(RegistryAuthError)
    expect(e.message).toMatch(/registry 127\.0\.0\.1:\d+ rejected the credentials \(HTTP 401, HEAD http/)
    const e2 = (await getManifest(wrong, 'v1', ['a/b']).catch(x => x)) as Error
    expect(e2.message).toMatch(
      /^reading manifest v1 of 127\.0\.0\.1:\d+\/acme\/app: registry 127\.0\.0\.1:\d+ rejected the credentials \(UNAUTHORIZED: authentication required; HTTP 401, GET http/
    )
    const anon = (await blobExists(client(registry.host), 'sha256:' + '2'.repeat(64)).catch(x => x)) as Error
    expect(anon.message).toMatch(/requires authentication and no credentials were given/)
  })
})

describe('RegistryClient: blobs', () => {
  const blob = Buffer.alloc(300_000, 7)
  const digest = sha256(blob)

  it('follows a redirect to storage without sending the registry credentials there', async () => {
    const storage = await serve((req, res) => {
      res.writeHead(200, { 'content-length': String(blob.length) })
      res.end(blob)
    })
    const registry = await serve((req, res) => {
      if (req.url === '/v2/') return json(res, 401, {}, { 'www-authenticate': 'Basic realm="r"' })
      res.writeHead(307, { location: `${storage.url}/blob?X-Amz-Signature=sig` }).end()
    })
    const c = client(registry.host, { credentials: { username: 'u', password: 'p' } })
    const { stream, size } = await getBlob(c, { digest, size: -1 })
    expect(sha256(await readAll(stream))).toBe(digest)
    expect(size).toBe(blob.length)
    expect(registry.seen[1].headers.authorization).toMatch(/^Basic /)
    expect(storage.seen[0].headers.authorization).toBeUndefined()
  })

  it('resumes with Range after a reset, and restarts when the server ignores Range', async () => {
    for (const honourRange of [true, false]) {
      let gets = 0
      const registry = await serve((req, res) => {
        if (req.url === '/v2/') return json(res, 200, {})
        gets++
        const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '')
        if (range && honourRange) {
          const from = Number(range[1])
          res.writeHead(206, {
            'content-length': String(blob.length - from),
            'content-range': `bytes ${from}-${blob.length - 1}/${blob.length}`
          })
          return res.end(blob.subarray(from))
        }
        res.writeHead(200, { 'content-length': String(blob.length) })
        if (gets === 1) {
          res.write(blob.subarray(0, 100_000), () => setTimeout(() => res.socket?.resetAndDestroy(), 20))
          return
        }
        res.end(blob)
      })
      const { stream } = await getBlob(client(registry.host), { digest, size: blob.length })
      const got = await readAll(stream)
      expect(got.length).toBe(blob.length)
      expect(sha256(got)).toBe(digest)
      expect(gets).toBe(2)
      expect(registry.seen[2].headers.range).toMatch(/^bytes=\d+-$/)
    }
  })

  it('refuses a 206 with a Content-Range that does not start where we asked', async () => {
    const registry = await serve((req, res) => {
      if (req.url === '/v2/') return json(res, 200, {})
      if (req.headers.range) {
        res.writeHead(206, { 'content-range': `bytes 0-${blob.length - 1}/${blob.length}` })
        return res.end(blob)
      }
      res.writeHead(200, { 'content-length': String(blob.length) })
      res.write(blob.subarray(0, 50_000), () => setTimeout(() => res.socket?.resetAndDestroy(), 20))
    })
    const { stream } = await getBlob(client(registry.host), { digest, size: blob.length })
    await expect(readAll(stream)).rejects.toThrow(/unusable Content-Range "bytes 0-299999\/300000"/)
  })

  it('gives up resuming after retryTimes', async () => {
    const registry = await serve((req, res) => {
      if (req.url === '/v2/') return json(res, 200, {})
      res.writeHead(200, { 'content-length': String(blob.length) })
      res.write(blob.subarray(0, 1000), () => setTimeout(() => res.socket?.resetAndDestroy(), 20))
    })
    const { stream } = await getBlob(client(registry.host, { retryTimes: 2 }), { digest, size: blob.length })
    await expect(readAll(stream)).rejects.toThrow(
      /reading blob sha256:[a-f0-9]+ in 127\.0\.0\.1:\d+\/acme\/app: .*gave up after 2 resumed downloads/
    )
  })

  it('mount: 202 cancels the upload session it started', async () => {
    const registry = await serve((req, res) => {
      if (req.url === '/v2/') return json(res, 200, {})
      if (req.method === 'POST')
        return res.writeHead(202, { location: '/v2/acme/app/blobs/uploads/u1?_state=s' }).end()
      res.writeHead(204).end()
    })
    expect(await mountBlob(client(registry.host, { access: 'push' }), digest, 'other/repo')).toBe(false)
    expect(registry.seen.map(r => `${r.method} ${r.url}`)).toEqual([
      'GET /v2/',
      `POST /v2/acme/app/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=other%2Frepo`,
      'DELETE /v2/acme/app/blobs/uploads/u1?_state=s'
    ])
  })

  it('upload: a failing input cancels the session and surfaces the input error', async () => {
    const registry = await serve((req, res) => {
      if (req.url === '/v2/') return json(res, 200, {})
      if (req.method === 'POST')
        return res.writeHead(202, { location: '/v2/acme/app/blobs/uploads/u2' }).end()
      if (req.method === 'PATCH')
        return res.writeHead(202, { location: '/v2/acme/app/blobs/uploads/u2' }).end()
      res.writeHead(204).end()
    })
    const input = new Readable({ read() {} })
    input.push(Buffer.alloc(2 << 20, 1))
    setTimeout(() => input.destroy(new Error('digest mismatch from the verifier')), 50)
    const c = client(registry.host, { access: 'push' })
    await expect(uploadBlob(c, input, { digest, size: 4 << 20 })).rejects.toThrow(
      'digest mismatch from the verifier'
    )
    expect(registry.seen.some(r => r.method === 'DELETE')).toBe(true)
    expect(registry.seen.some(r => r.method === 'PUT')).toBe(false)
  })
})
