// Bearer tokens from a registry's token endpoint: the distribution token protocol (GET with Basic
// credentials) and its OAuth2 form (POST with a refresh token, for docker config `identitytoken`).
import { MAX_TOKEN_BODY_BYTES } from '../limits.js'
import { formatScope, type Challenge, type Scope } from './challenge.js'
import { describeRequest, formatDetail, parseErrorBody, RegistryAuthError, RegistryError } from './errors.js'
import { readBody, readErrorText, type HttpResponse } from './http.js'

export const MINIMUM_TOKEN_LIFETIME_S = 60

export interface BearerToken {
  token: string
  /** Epoch ms after which the token must not be used. */
  expiresAt: number
}

export interface TokenRequestCredentials {
  username?: string
  password?: string
  identityToken?: string
}

/** What the token fetch needs from the client: one HTTP exchange, with retries. */
export type TokenTransport = (
  method: 'GET' | 'POST',
  url: URL,
  headers: Record<string, string>,
  body?: string
) => Promise<HttpResponse>

export interface TokenRequest {
  challenge: Challenge
  scopes: Scope[]
  credentials: TokenRequestCredentials
  /** The registry as the user names it, for messages. */
  registry: string
  userAgent: string
  /** Called with the token (and a new refresh token, if any) before it is used anywhere. */
  onSecret: (value: string) => void
}

export async function fetchBearerToken(send: TokenTransport, req: TokenRequest): Promise<BearerToken> {
  const realm = req.challenge.params.realm
  if (!realm) throw new RegistryError(`registry ${req.registry}: the Bearer challenge has no realm`)
  let url: URL
  try {
    url = new URL(realm)
  } catch {
    throw new RegistryError(`registry ${req.registry}: the token realm is not a URL`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RegistryError(
      `registry ${req.registry}: the token realm has an unsupported scheme ${url.protocol}`
    )
  }
  const service = req.challenge.params.service
  const scopes = req.scopes.filter(s => s.actions.length > 0).map(formatScope)
  const { username, password, identityToken } = req.credentials
  const headers: Record<string, string> = { 'user-agent': req.userAgent }
  let res: HttpResponse
  let method: 'GET' | 'POST'
  if (identityToken) {
    method = 'POST'
    const form = new URLSearchParams()
    if (service) form.append('service', service)
    for (const s of scopes) form.append('scope', s)
    form.append('grant_type', 'refresh_token')
    form.append('refresh_token', identityToken)
    form.append('client_id', 'containers/image')
    headers['content-type'] = 'application/x-www-form-urlencoded'
    res = await send(method, url, headers, form.toString())
  } else {
    method = 'GET'
    if (username) url.searchParams.append('account', username)
    if (service) url.searchParams.append('service', service)
    for (const s of scopes) url.searchParams.append('scope', s)
    if (username && password) {
      headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
    }
    res = await send(method, url, headers)
  }

  const request = describeRequest(method, url)
  if (res.status !== 200) {
    const details = parseErrorBody(await readErrorText(res.body))
    const what = details.length > 0 ? details.map(formatDetail).join('; ') : `HTTP ${res.status}`
    if (res.status === 401 || res.status === 403) {
      const given = identityToken ? 'identity token' : username ? 'credentials' : undefined
      throw new RegistryAuthError(
        given
          ? `registry ${req.registry}: the token service rejected the ${given} (${what}; HTTP ${res.status}, ${request})`
          : `registry ${req.registry}: the token service refused anonymous access (${what}; HTTP ${res.status}, ${request}); credentials are needed`,
        { status: res.status, request, code: details[0]?.code, registryMessage: details[0]?.message }
      )
    }
    throw new RegistryError(
      `registry ${req.registry}: obtaining a bearer token failed (${what}; HTTP ${res.status}, ${request})`,
      {
        status: res.status,
        request,
        code: details[0]?.code,
        registryMessage: details[0]?.message
      }
    )
  }

  let parsed: {
    token?: unknown
    access_token?: unknown
    expires_in?: unknown
    issued_at?: unknown
    refresh_token?: unknown
  }
  try {
    parsed = JSON.parse((await readBody(res.body, MAX_TOKEN_BODY_BYTES)).toString('utf8')) as typeof parsed
  } catch (e) {
    throw new RegistryError(
      `registry ${req.registry}: the token service answered something that is not a token (${request})`,
      {
        cause: e,
        request
      }
    )
  }
  const token =
    typeof parsed.token === 'string' && parsed.token !== ''
      ? parsed.token
      : typeof parsed.access_token === 'string'
        ? parsed.access_token
        : ''
  if (token === '')
    throw new RegistryError(
      `registry ${req.registry}: the token service answered without a token (${request})`
    )
  req.onSecret(token)
  if (typeof parsed.refresh_token === 'string') req.onSecret(parsed.refresh_token)

  let lifetime = typeof parsed.expires_in === 'number' ? parsed.expires_in : 0
  if (lifetime < MINIMUM_TOKEN_LIFETIME_S) lifetime = MINIMUM_TOKEN_LIFETIME_S
  let issuedAt = typeof parsed.issued_at === 'string' ? Date.parse(parsed.issued_at) : NaN
  if (Number.isNaN(issuedAt)) issuedAt = Date.now()
  // The server's clock may be ahead of ours; never trust a token for longer than its lifetime from now.
  issuedAt = Math.min(issuedAt, Date.now())
  return { token, expiresAt: issuedAt + lifetime * 1000 }
}
