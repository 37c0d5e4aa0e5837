// Chooses the Authorization header for a request from the challenges of the registry's `/v2/` ping
// (as containers/image and docker do: some registries send no challenge on the real 401), and keeps
// bearer tokens per scope set until they expire.
import { formatScope, parseChallenges, parseScope, type Challenge, type Scope } from './challenge.js'
import { headerValues, type HttpResponse } from './http.js'
import type { SecretReporter } from './secrets.js'
import { fetchBearerToken, type BearerToken, type TokenTransport } from './token.js'

export interface AuthCredentials {
  username?: string
  password?: string
  registryToken?: string
  identityToken?: string
}

export interface AuthenticatorOptions {
  registry: string
  credentials: AuthCredentials
  /** The scope every request of this client needs: `repository:<repo>:pull[,push]`. */
  baseScope: Scope
  userAgent: string
  secrets: SecretReporter
  send: TokenTransport
}

export class Authenticator {
  private challenges: Challenge[] = []
  private readonly tokens = new Map<string, Promise<BearerToken>>()

  constructor(private readonly options: AuthenticatorOptions) {
    const { username, password, registryToken, identityToken } = options.credentials
    options.secrets.report(password)
    if (username !== undefined && password !== undefined) {
      options.secrets.report(Buffer.from(`${username}:${password}`).toString('base64'))
    }
    options.secrets.report(registryToken)
    options.secrets.report(identityToken)
  }

  /** Records the challenges of the ping answer. */
  setChallenges(challenges: Challenge[]): void {
    this.challenges = challenges
  }

  get hasCredentials(): boolean {
    const c = this.options.credentials
    return !!(c.password || c.registryToken || c.identityToken)
  }

  /** True when requests carry a bearer token (so a 401 may name a missing scope). */
  get usesBearer(): boolean {
    return this.chosen()?.scheme === 'bearer'
  }

  get schemes(): string[] {
    return this.challenges.map(c => c.scheme)
  }

  /** The Authorization header for a request needing the base scope plus `extraScopes`. */
  async authorization(extraScopes: Scope[] = []): Promise<string | undefined> {
    const challenge = this.chosen()
    if (!challenge) return undefined
    const { username, password, registryToken } = this.options.credentials
    if (challenge.scheme === 'basic') {
      if (username === undefined || password === undefined) return undefined
      return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
    }
    if (registryToken) return `Bearer ${registryToken}`
    const token = await this.bearerToken(challenge, extraScopes)
    return `Bearer ${token}`
  }

  /** Forgets a token the registry refused, so the next request fetches a new one. */
  invalidate(extraScopes: Scope[] = []): void {
    this.tokens.delete(this.cacheKey(extraScopes))
  }

  private chosen(): Challenge | undefined {
    return this.challenges.find(c => c.scheme === 'basic' || c.scheme === 'bearer')
  }

  private cacheKey(extraScopes: Scope[]): string {
    return extraScopes.map(formatScope).sort().join(' ')
  }

  private async bearerToken(challenge: Challenge, extraScopes: Scope[]): Promise<string> {
    const key = this.cacheKey(extraScopes)
    const cached = this.tokens.get(key)
    if (cached) {
      try {
        const t = await cached
        if (Date.now() < t.expiresAt) return t.token
      } catch {
        // a failed fetch is retried below
      }
      if (this.tokens.get(key) === cached) this.tokens.delete(key)
      return this.bearerToken(challenge, extraScopes)
    }
    const { username, password, identityToken } = this.options.credentials
    const pending = fetchBearerToken(this.options.send, {
      challenge,
      scopes: [this.options.baseScope, ...extraScopes],
      credentials: { username, password, identityToken },
      registry: this.options.registry,
      userAgent: this.options.userAgent,
      onSecret: v => this.options.secrets.report(v)
    })
    this.tokens.set(key, pending)
    try {
      return (await pending).token
    } catch (e) {
      if (this.tokens.get(key) === pending) this.tokens.delete(key)
      throw e
    }
  }
}

/** The scopes a 401 `insufficient_scope` challenge asks for (space-separated in `scope`), if any. */
export function insufficientScopes(res: HttpResponse): Scope[] | undefined {
  if (res.status !== 401) return undefined
  for (const c of parseChallenges(headerValues(res.headers, 'www-authenticate'))) {
    if (c.scheme === 'bearer' && c.params.error === 'insufficient_scope' && c.params.scope) {
      const scopes = c.params.scope
        .split(' ')
        .map(parseScope)
        .filter((s): s is Scope => s !== undefined)
      return scopes.length > 0 ? scopes : undefined
    }
  }
  return undefined
}

/** The OAuth2 error of a 401 bearer challenge (`invalid_token`, `insufficient_scope`), if any. */
export function bearerError(res: HttpResponse): { error: string; description?: string } | undefined {
  for (const c of parseChallenges(headerValues(res.headers, 'www-authenticate'))) {
    if (c.scheme === 'bearer' && c.params.error)
      return { error: c.params.error, description: c.params.error_description }
  }
  return undefined
}
