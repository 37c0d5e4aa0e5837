/**
 * A Bearer token service for the test registry (distribution "token" auth), on 127.0.0.1.
 *
 *   const issuer = await startTokenIssuer({
 *     users: [
 *       { name: 'alice', password: 'pw', access: { '*': ['pull', 'push'] } },
 *       { name: 'reader', password: 'pw', access: { 'team/*': ['pull'] }, refreshToken: 'rt-1' }
 *     ]
 *   })
 *   const registry = await startRegistry({ auth: 'token', tokenIssuer: issuer })
 *   …
 *   await issuer.stop()
 *
 * GET `/token?service=&scope=&account=` with Basic credentials (or none: `anonymous` access) answers
 * `{token, access_token, expires_in, issued_at}`; POST `/token` with the OAuth2 form
 * (`grant_type=refresh_token&refresh_token=…` or `grant_type=password`) answers `{access_token, …}`.
 * Tokens are ES256 JWTs with iss/sub/aud/exp/nbf/iat/jti and an `access` claim granting, per requested
 * scope, the requested actions the user has on that repository (a pull-only user gets only `pull`).
 * The JWT header carries `x5c` with a certificate signed by a CA that the registry trusts through
 * `rootcertbundle` (distribution 2.8 verifies the chain, the signature, iss, aud, exp and nbf).
 * Every request is recorded in `requests` (scopes asked, who asked) for assertions.
 */
import { createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createTestCertificates } from './tls.js'

export interface TokenUser {
  name: string
  password: string
  /** Repository pattern (`*`, `team/*`, or an exact name) → actions granted there. */
  access: Record<string, string[]>
  /** An OAuth2 refresh token (docker config `identitytoken`) that authenticates as this user. */
  refreshToken?: string
}

export interface TokenIssuerOptions {
  users: TokenUser[]
  /** What requests without credentials get (default: nothing — 401). */
  anonymous?: Record<string, string[]>
  service?: string
  issuer?: string
  /** Token lifetime in seconds (default 300). */
  expiresIn?: number
  /** Which field carries the token in GET answers (default both, as Docker Hub does). */
  tokenField?: 'token' | 'access_token' | 'both'
  /** Directory for the signing key and CA (must exist). */
  dir: string
}

export interface TokenRequestRecord {
  method: 'GET' | 'POST'
  grantType?: string
  user?: string
  scopes: string[]
  granted: Array<{ type: string; name: string; actions: string[] }>
  status: number
}

export interface TokenIssuer {
  /** The `realm` for the registry config: `http://127.0.0.1:PORT/token`. */
  realm: string
  service: string
  issuer: string
  /** PEM CA certificate(s) the registry must trust (`auth.token.rootcertbundle`). */
  rootCertBundlePath: string
  requests: TokenRequestRecord[]
  /** Tokens issued so far (to assert they never leak into messages). */
  issuedTokens: string[]
  stop(): Promise<void>
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url')
}

function pemToDer(pem: string): Buffer {
  const body = pem
    .replace(/-----BEGIN CERTIFICATE-----/, '')
    .replace(/-----END CERTIFICATE-----[\s\S]*$/, '')
    .replace(/\s+/g, '')
  return Buffer.from(body, 'base64')
}

function matches(pattern: string, repository: string): boolean {
  if (pattern === '*') return true
  if (pattern.endsWith('/*')) return repository.startsWith(pattern.slice(0, -1))
  return pattern === repository
}

function allowed(access: Record<string, string[]> | undefined, repository: string): Set<string> {
  const actions = new Set<string>()
  for (const [pattern, granted] of Object.entries(access ?? {})) {
    if (matches(pattern, repository)) for (const a of granted) actions.add(a)
  }
  if (actions.has('*')) for (const a of ['pull', 'push', 'delete']) actions.add(a)
  return actions
}

function parseScopes(values: string[]): Array<{ type: string; name: string; actions: string[] }> {
  const out: Array<{ type: string; name: string; actions: string[] }> = []
  for (const scope of values.flatMap(v => v.split(' ')).filter(s => s !== '')) {
    const first = scope.indexOf(':')
    const last = scope.lastIndexOf(':')
    if (first <= 0 || last === first) continue
    out.push({
      type: scope.slice(0, first),
      name: scope.slice(first + 1, last),
      actions: scope.slice(last + 1).split(',')
    })
  }
  return out
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

export async function startTokenIssuer(options: TokenIssuerOptions): Promise<TokenIssuer> {
  const certs = await createTestCertificates(options.dir, { dns: ['token-issuer'] })
  const key: KeyObject = createPrivateKey(await readFile(certs.serverKeyPath))
  const x5c = [pemToDer(await readFile(certs.serverCertPath, 'utf8')).toString('base64')]
  const service = options.service ?? 'test-registry'
  const issuer = options.issuer ?? 'test-token-issuer'
  const lifetime = options.expiresIn ?? 300
  const requests: TokenRequestRecord[] = []
  const issuedTokens: string[] = []

  const makeToken = (subject: string, granted: TokenRequestRecord['granted']): string => {
    const now = Math.floor(Date.now() / 1000)
    const header = { typ: 'JWT', alg: 'ES256', x5c }
    const claims = {
      iss: issuer,
      sub: subject,
      aud: service,
      exp: now + lifetime,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access: granted
    }
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`
    const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
    const token = `${input}.${b64url(signature)}`
    issuedTokens.push(token)
    return token
  }

  const grant = (user: TokenUser | undefined, scopes: string[]): TokenRequestRecord['granted'] =>
    parseScopes(scopes)
      .filter(s => s.type === 'repository')
      .map(s => {
        const mine = allowed(user ? user.access : options.anonymous, s.name)
        return { type: s.type, name: s.name, actions: s.actions.filter(a => mine.has(a)) }
      })

  const deny = (res: ServerResponse, record: TokenRequestRecord, status: number, message: string): void => {
    record.status = status
    requests.push(record)
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message }] }))
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      if (url.pathname !== '/token') {
        res.writeHead(404).end()
        return
      }
      if (req.method === 'GET') {
        const scopes = url.searchParams.getAll('scope')
        const record: TokenRequestRecord = { method: 'GET', scopes, granted: [], status: 200 }
        let user: TokenUser | undefined
        const auth = req.headers.authorization
        if (auth?.startsWith('Basic ')) {
          const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8')
          const colon = decoded.indexOf(':')
          const name = decoded.slice(0, colon)
          user = options.users.find(u => u.name === name && u.password === decoded.slice(colon + 1))
          record.user = name
          if (!user) return deny(res, record, 401, 'invalid username or password')
        } else if (!options.anonymous) {
          return deny(res, record, 401, 'authentication required')
        }
        if (url.searchParams.get('service') !== service) return deny(res, record, 400, 'unknown service')
        record.granted = grant(user, scopes)
        requests.push(record)
        const token = makeToken(user?.name ?? '', record.granted)
        const field = options.tokenField ?? 'both'
        const body: Record<string, unknown> = { expires_in: lifetime, issued_at: new Date().toISOString() }
        if (field !== 'access_token') body.token = token
        if (field !== 'token') body.access_token = token
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
        return
      }
      if (req.method === 'POST') {
        const form = await readForm(req)
        const scopes = form.getAll('scope')
        const grantType = form.get('grant_type') ?? ''
        const record: TokenRequestRecord = { method: 'POST', grantType, scopes, granted: [], status: 200 }
        let user: TokenUser | undefined
        if (grantType === 'refresh_token') {
          user = options.users.find(
            u => u.refreshToken !== undefined && u.refreshToken === form.get('refresh_token')
          )
        } else if (grantType === 'password') {
          user = options.users.find(
            u => u.name === form.get('username') && u.password === form.get('password')
          )
        }
        record.user = user?.name
        if (!user) return deny(res, record, 401, 'invalid grant')
        if (form.get('service') !== service) return deny(res, record, 400, 'unknown service')
        record.granted = grant(user, scopes)
        requests.push(record)
        const token = makeToken(user.name, record.granted)
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(
          JSON.stringify({
            access_token: token,
            scope: scopes.join(' '),
            expires_in: lifetime,
            issued_at: new Date().toISOString()
          })
        )
        return
      }
      res.writeHead(405).end()
    })().catch(e => {
      res.writeHead(500).end(String(e))
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    rootCertBundlePath: certs.caCertPath,
    requests,
    issuedTokens,
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
