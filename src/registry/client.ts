// A client for one repository of one registry, for pulling or for pushing: ping, authentication,
// retries, and the error messages a user sees. Blob and manifest operations live beside it
// (blob-reader.ts, upload.ts, operations in this file are thin).
import { cancellationError } from '../errors.js'
import { STATUS_CODES } from 'node:http'
import type { Readable } from 'node:stream'
import { Authenticator, bearerError, insufficientScopes } from './auth.js'
import { formatScope, parseChallenges, repositoryScope, type Scope } from './challenge.js'
import { agentFor, defaultCertDir, loadCertDir, type Connections } from './connections.js'
import {
  describeRequest,
  formatDetail,
  parseErrorBody,
  RegistryAuthError,
  RegistryError,
  type RegistryErrorDetail
} from './errors.js'
import { discard, header, headerValues, httpRequest, readErrorText, type HttpResponse } from './http.js'
import {
  describeProxyFor,
  proxyEnvironment,
  proxyFor,
  proxySecrets,
  type ProxyEnvironment
} from './proxy-env.js'
import {
  isRetryableError,
  isRetryableStatus,
  retryLine,
  retryWait,
  sleep,
  type RetryPolicy
} from './retry.js'
import { SecretReporter } from './secrets.js'
import { sniffTarget, sniffTls } from './tls-sniff.js'
import { processBlobInfoCache, type BlobInfoCache } from '../cache/blob-info-cache.js'
import { registrySettings, type LogLevel, type RegistrySettings } from './settings.js'

export const DEFAULT_USER_AGENT = 'image-copy-action'

export interface RegistryCredentialsInput {
  username?: string
  password?: string
  registryToken?: string
  identityToken?: string
}

export interface RegistryClientOptions {
  /** The registry as the user names it (`docker.io`, `127.0.0.1:5000`); used in messages and for blob locations. */
  registry: string
  /** The host[:port] serving the API; defaults to `registry`. */
  apiHost?: string
  repository: string
  /** `pull` for a source, `push` (pull+push) for a destination. */
  access: 'pull' | 'push'
  credentials?: RegistryCredentialsInput
  /** Verify TLS (default true). When false, self-signed certificates and plain http are accepted. */
  tlsVerify?: boolean
  /** How the user turns TLS verification off (`--src-tls-verify=false`), for hints. */
  tlsVerifyOff?: string
  /** CA certificates (`*.crt`) and client certificates (`*.cert` + `*.key`). */
  certDir?: string
  /** Retries per request after the first attempt (default 3). */
  retryTimes?: number
  userAgent?: string
  onSecret?: (value: string) => void
  /** HTTP(S)_PROXY / NO_PROXY, read from the environment (default: this process's). */
  proxy?: ProxyEnvironment
  /** Overrides of the process-wide settings (tests use short retry delays). */
  settings?: Partial<RegistrySettings>
  /** Cancels every request and retry wait at once; they then fail with the signal's reason. */
  signal?: AbortSignal
  /** Where blob locations are recorded and looked up (default: this process's memory cache). */
  blobInfoCache?: BlobInfoCache
}

export interface SendOptions {
  method: string
  /** A path below the registry origin (`/v2/…`) or an absolute URL (upload locations). */
  url: string | URL
  headers?: Record<string, string>
  body?: Buffer | string | Readable
  /** Scopes beyond this client's repository (a mount source). */
  extraScopes?: Scope[]
  /** Send credentials (default true). */
  auth?: boolean
  /** Repeat on connection errors and 429/5xx (default: unless the body is a stream). */
  retry?: boolean
  followRedirects?: boolean
  /** What the request is for, as the start of a connection error message. */
  context?: string
  /**
   * What a cancellation does to this request: `abort` it at once (the default); let a request that
   * creates something on the registry (an upload session) `finish`, so that the caller knows what
   * to clean up; a `cleanup` request (cancelling that session) is even sent after the cancellation.
   * Both are cut off CLEANUP_GRACE_MS after the cancellation.
   */
  onCancel?: 'abort' | 'finish' | 'cleanup'
}

/** How long `finish` and `cleanup` requests may still run after a cancellation. */
export const CLEANUP_GRACE_MS = 5000

/** A signal that fires `ms` after `signal` does; `done` removes the listener. */
function graceAfter(signal: AbortSignal, ms: number): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const start = (): void => {
    timer = setTimeout(() => controller.abort(cancellationError(signal)), ms)
    timer.unref()
  }
  if (signal.aborted) start()
  else signal.addEventListener('abort', start, { once: true })
  return {
    signal: controller.signal,
    done: () => {
      signal.removeEventListener('abort', start)
      clearTimeout(timer)
    }
  }
}

const TLS_ERROR_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH'
])

export class RegistryClient {
  readonly registry: string
  readonly apiHost: string
  readonly repository: string
  readonly access: 'pull' | 'push'
  readonly settings: RegistrySettings
  readonly retry: RetryPolicy
  readonly userAgent: string
  /** Cancels every request and retry wait (the copy's signal). */
  readonly signal?: AbortSignal
  /** Records which repositories hold which blobs (pulls, pushes, HEADs, mounts); read for mounts. */
  readonly blobInfoCache: BlobInfoCache
  private readonly tlsVerify: boolean
  private readonly tlsVerifyOff: string
  private readonly certDir?: string
  private readonly secrets: SecretReporter
  private readonly auth: Authenticator
  private readonly proxy: ProxyEnvironment
  private agent?: Connections
  private origin?: string
  private pinged?: Promise<void>
  private readonly warned = new Set<string>()
  /** Whether the ping answer had `X-Registry-Supports-Signatures: 1`. */
  supportsSignatureExtension = false

  constructor(options: RegistryClientOptions) {
    this.registry = options.registry
    this.apiHost = options.apiHost ?? options.registry
    this.repository = options.repository
    this.access = options.access
    this.settings = { ...registrySettings(), ...options.settings }
    this.retry = {
      retryTimes: options.retryTimes ?? 3,
      baseDelayMs: this.settings.retryBaseDelayMs,
      maxDelayMs: this.settings.retryMaxDelayMs,
      maxRetryAfterMs: this.settings.retryAfterMaxMs
    }
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT
    this.signal = options.signal
    this.blobInfoCache = options.blobInfoCache ?? processBlobInfoCache()
    this.tlsVerify = options.tlsVerify ?? true
    this.tlsVerifyOff = options.tlsVerifyOff ?? 'tls-verify set to false'
    this.certDir = options.certDir
    this.proxy = options.proxy ?? proxyEnvironment(process.env)
    const sinks = [options.onSecret, this.settings.onSecret].filter(f => f !== undefined)
    this.secrets = new SecretReporter(value => {
      for (const sink of new Set(sinks)) sink(value)
    })
    for (const secret of proxySecrets(this.proxy)) this.secrets.report(secret)
    this.auth = new Authenticator({
      registry: this.registry,
      credentials: options.credentials ?? {},
      baseScope: repositoryScope(this.repository, options.access === 'push' ? ['pull', 'push'] : ['pull']),
      userAgent: this.userAgent,
      secrets: this.secrets,
      send: (method, url, headers, body) => this.send({ method, url, headers, body, auth: false })
    })
  }

  /** `127.0.0.1:5000/acme/app`, for messages. */
  get name(): string {
    return `${this.registry}/${this.repository}`
  }

  get hasCredentials(): boolean {
    return this.auth.hasCredentials
  }

  log(level: LogLevel, message: string): void {
    this.settings.log?.(level, message)
  }

  /** Pings `/v2/` once: picks https (or http when TLS verification is off) and learns the auth challenges. */
  ping(): Promise<void> {
    this.pinged ??= this.doPing()
    return this.pinged
  }

  private async doPing(): Promise<void> {
    let certDir = this.certDir
    if (certDir === undefined) certDir = await defaultCertDir(this.registry)
    const files = certDir !== undefined ? await loadCertDir(certDir) : { ca: [], certs: [], keys: [] }
    this.agent = agentFor({ verify: this.tlsVerify, ...files }, this.settings.connectionsPerHost, this.proxy)

    const context = `pinging container registry ${this.registry}`
    const schemes = this.tlsVerify ? ['https'] : await this.insecureSchemes(context)
    let lastError: unknown
    for (const scheme of schemes) {
      const url = new URL(`${scheme}://${this.apiHost}/v2/`)
      try {
        const res = await this.send({ method: 'GET', url, auth: false, context })
        if (res.status === 200 || res.status === 401) {
          await discard(res.body)
          this.origin = url.origin
          this.auth.setChallenges(parseChallenges(headerValues(res.headers, 'www-authenticate')))
          this.supportsSignatureExtension = header(res.headers, 'x-registry-supports-signatures') === '1'
          return
        }
        throw await this.responseError(res, context, describeRequest('GET', url))
      } catch (e) {
        lastError = e
        if (scheme === 'https' && schemes.length > 1) {
          this.log('debug', `${context}: https failed (${(e as Error).message}), trying http`)
        }
      }
    }
    throw lastError
  }

  /**
   * With verification off: https, then http, as containers/image tries them; only http when the
   * server, asked directly (not through a proxy), answers a ClientHello in plain HTTP (tls-sniff.ts).
   */
  private async insecureSchemes(context: string): Promise<string[]> {
    const target = sniffTarget(this.apiHost)
    if (target && this.isDirect(new URL(`https://${this.apiHost}/v2/`))) {
      if ((await sniffTls(target.host, target.port, this.signal)) === 'plain') {
        this.log('debug', `${context}: https skipped (the server answers in plain HTTP), trying http`)
        return ['http']
      }
    }
    return ['https', 'http']
  }

  /** Whether requests to `url` go straight to the server (a proxy variable in error: the request says so). */
  private isDirect(url: URL): boolean {
    try {
      return proxyFor(this.proxy, url) === undefined
    } catch {
      return false
    }
  }

  /** Resolves a path or an upload Location against the registry origin. */
  resolve(url: string | URL): URL {
    if (url instanceof URL) return url
    if (!this.origin) throw new Error('internal error: registry client used before ping')
    return new URL(url, this.origin)
  }

  /**
   * One logical request: authentication (credentials only to the registry's own origin), a single
   * retry with the scopes an `insufficient_scope` challenge names, and retries with backoff on
   * connection errors, 429 and 5xx when the body can be sent again.
   */
  async send(opts: SendOptions): Promise<HttpResponse> {
    const onCancel = opts.onCancel ?? 'abort'
    if (onCancel === 'abort' || !this.signal) return this.sendWith(opts, this.signal)
    if (onCancel === 'finish' && this.signal.aborted) throw cancellationError(this.signal)
    const grace = graceAfter(this.signal, CLEANUP_GRACE_MS)
    try {
      return await this.sendWith({ ...opts, retry: this.signal.aborted ? false : opts.retry }, grace.signal)
    } finally {
      grace.done()
    }
  }

  /** `signal` ends the exchange; retry waits always end with the copy's signal (nothing to finish yet). */
  private async sendWith(opts: SendOptions, signal: AbortSignal | undefined): Promise<HttpResponse> {
    if (signal?.aborted) throw cancellationError(signal)
    const useAuth = opts.auth !== false
    if (useAuth) await this.ping()
    const agent =
      this.agent ??
      agentFor(
        { verify: this.tlsVerify, ca: [], certs: [], keys: [] },
        this.settings.connectionsPerHost,
        this.proxy
      )
    const url = this.resolve(opts.url)
    const replayable = opts.retry ?? !isStream(opts.body)
    let extraScopes = opts.extraScopes ?? []
    let authRetried = false
    for (let attempt = 0; ;) {
      let res: HttpResponse
      try {
        res = await httpRequest(agent, {
          method: opts.method,
          url,
          headers: {
            'user-agent': this.userAgent,
            'docker-distribution-api-version': 'registry/2.0',
            ...opts.headers
          },
          body: opts.body,
          followRedirects: opts.followRedirects,
          signal,
          authorizationFor: useAuth ? u => this.authorizationFor(u, extraScopes) : undefined
        })
      } catch (e) {
        // Cancelled: never retried, and said as such (not as a network error).
        if (signal?.aborted) throw cancellationError(signal)
        if (e instanceof RegistryError) throw e
        if (replayable && isRetryableError(e) && attempt < this.retry.retryTimes) {
          const delay = this.noteRetry(opts.method, url, networkReason(e), attempt, undefined)
          attempt++
          await sleep(delay, this.signal)
          continue
        }
        throw this.connectionError(e, opts.context, opts.method, url, attempt + 1)
      }
      this.noteWarnings(res)

      if (res.status === 401 && useAuth && this.auth.usesBearer && replayable && !authRetried) {
        authRetried = true
        const wanted = insufficientScopes(res)
        if (wanted) {
          const known = new Set(extraScopes.map(formatScope))
          extraScopes = [...extraScopes, ...wanted.filter(s => !known.has(formatScope(s)))]
        } else {
          this.auth.invalidate(extraScopes)
        }
        await discard(res.body)
        continue
      }
      if (replayable && isRetryableStatus(res.status) && attempt < this.retry.retryTimes) {
        const reason = `HTTP ${res.status}${STATUS_CODES[res.status] ? ` ${STATUS_CODES[res.status]}` : ''}`
        const delay = this.noteRetry(opts.method, url, reason, attempt, header(res.headers, 'retry-after'))
        await discard(res.body)
        attempt++
        await sleep(delay, this.signal)
        continue
      }
      if (attempt > 0) res.attempts = attempt + 1
      return res
    }
  }

  /** Logs one line for a retry of `method url` after attempt `attempt` (0-based) failed; returns the wait. */
  noteRetry(
    method: string,
    url: URL,
    reason: string,
    attempt: number,
    retryAfter: string | undefined,
    action?: 'retrying' | 'resuming'
  ): number {
    const { delayMs, fromServer } = retryWait(this.retry, attempt, retryAfter)
    this.log(
      'info',
      retryLine({
        request: describeRequest(method, url),
        reason,
        attempt: attempt + 1,
        attempts: this.retry.retryTimes + 1,
        delayMs,
        fromServer,
        action
      })
    )
    return delayMs
  }

  private async authorizationFor(url: URL, extraScopes: Scope[]): Promise<string | undefined> {
    if (url.origin !== this.origin) return undefined
    return this.auth.authorization(extraScopes)
  }

  private noteWarnings(res: HttpResponse): void {
    for (const w of headerValues(res.headers, 'warning')) {
      const m = /^299 - "(.*)"$/.exec(w)
      if (!m || this.warned.has(m[1])) continue
      this.warned.add(m[1])
      this.log('warning', `warning from registry ${this.registry}: ${m[1].replace(/\\(.)/g, '$1')}`)
    }
  }

  /** Turns an unexpected answer into a RegistryError; reads (and releases) the body. */
  async responseError(res: HttpResponse, context: string, request: string): Promise<RegistryError> {
    const details = parseErrorBody(await readErrorText(res.body))
    return this.errorFromDetails(res, details, context, request)
  }

  private errorFromDetails(
    res: HttpResponse,
    details: RegistryErrorDetail[],
    context: string,
    request: string
  ): RegistryError {
    const status = res.status
    const attempts = res.attempts
    const tail = `HTTP ${status}, ${request}${attempts ? `, after ${attempts} attempts` : ''}`
    const bearer = status === 401 ? bearerError(res) : undefined
    if (bearer?.error === 'insufficient_scope') {
      const message = bearer.description || 'requested access to the resource is denied'
      return new RegistryError(`${context}: DENIED: ${message} (${tail})`, {
        status,
        request,
        code: 'DENIED',
        registryMessage: message,
        hint: `the credentials used for ${this.registry} do not grant ${this.access} access to ${this.repository}`
      })
    }
    const first = details[0]
    const registrySays = details.map(formatDetail).join('; ')
    const what = registrySays || STATUS_CODES[status] || `HTTP ${status}`
    const init = { status, request, code: first?.code, registryMessage: first?.message }
    if (status === 401) {
      const text = this.hasCredentials
        ? `registry ${this.registry} rejected the credentials`
        : `registry ${this.registry} requires authentication and no credentials were given`
      return new RegistryAuthError(
        `${context}: ${text} (${registrySays ? `${registrySays}; ` : ''}${tail})`,
        {
          ...init,
          hint: this.hasCredentials
            ? `check the username and password (or token) for ${this.registry}`
            : `give credentials for ${this.registry}`
        }
      )
    }
    if (status === 403) {
      return new RegistryError(`${context}: ${what} (${tail})`, {
        ...init,
        hint: `the credentials used for ${this.registry} are not allowed to ${this.access} ${this.repository}`
      })
    }
    return new RegistryError(`${context}: ${what} (${tail})`, init)
  }

  connectionError(
    e: unknown,
    context: string | undefined,
    method: string,
    url: URL,
    attempts: number
  ): RegistryError {
    const request = describeRequest(method, url)
    const code = errorCode(e)
    if (code !== undefined && TLS_ERROR_CODES.has(code)) {
      return new RegistryError(
        `${context ?? request}: TLS certificate verification failed for ${url.host}: ${networkReason(e)}`,
        {
          request,
          cause: e,
          hint: `trust the registry's CA with a cert dir holding it as *.crt, or turn TLS verification off for ${this.registry} (${this.tlsVerifyOff})`
        }
      )
    }
    const after = attempts > 1 ? `, after ${attempts} attempts` : ''
    const prefix = context ? `${context}: ` : ''
    const proxy = describeProxyFor(this.proxy, url)
    const via = proxy ? ` through proxy ${proxy}` : ''
    if (url.protocol === 'https:' && isPlainHttpAnswer(e)) {
      return new RegistryError(
        `${prefix}${request} failed: ${networkReason(e)}; ${url.host} seems to speak plain http, not https`,
        {
          request,
          cause: e,
          hint: `for a registry on plain http, turn TLS verification off: ${this.tlsVerifyOff}`
        }
      )
    }
    // A TLS server that drops the connection at once (or says so with an alert) most often wanted a
    // client certificate.
    const dropped = url.protocol === 'https:' && CLIENT_CERT_REFUSALS.test(rawCode(e) ?? '')
    const proxyRefused = proxy !== undefined && /\b40[17]\b/.test(networkReason(e))
    return new RegistryError(`${prefix}${request}${via} failed: ${networkReason(e)}${after}`, {
      request,
      cause: e,
      hint: proxyRefused
        ? `the proxy refused the credentials: check the user and password in the proxy URL (${proxy})`
        : dropped
          ? `if ${this.registry} requires a client certificate, put <name>.cert and <name>.key in the cert dir`
          : undefined
    })
  }
}

const CLIENT_CERT_REFUSALS =
  /^(UND_ERR_SOCKET|ECONNRESET|ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE|ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED|ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE)$/

function isStream(body: unknown): body is Readable {
  return !!body && typeof (body as Readable).pipe === 'function'
}

/** An https request answered by a plain-http server: OpenSSL reads the HTTP answer as a broken TLS record. */
function isPlainHttpAnswer(e: unknown): boolean {
  for (let cur = e, depth = 0; cur && depth < 5; depth++) {
    const { code, message } = cur as { code?: unknown; message?: unknown }
    if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG') return true
    if (typeof message === 'string' && /wrong version number|packet length too long/i.test(message))
      return true
    cur = (cur as { cause?: unknown }).cause
  }
  return false
}

function rawCode(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | undefined)?.code
  return typeof c === 'string' ? c : undefined
}

function errorCode(e: unknown): string | undefined {
  for (let cur = e, depth = 0; cur && depth < 5; depth++) {
    const c = (cur as { code?: unknown }).code
    if (typeof c === 'string' && c !== 'UND_ERR_SOCKET' && c !== 'UND_ERR_CONNECT') return c
    cur = (cur as { cause?: unknown }).cause
  }
  return undefined
}

/** A short reason for a network failure, without URLs or headers. */
export function networkReason(e: unknown): string {
  const err = e as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } }
  const code = errorCode(e) ?? (typeof err.code === 'string' ? err.code : undefined)
  const reason = (e as { reason?: unknown }).reason
  let message =
    typeof reason === 'string' ? reason : typeof err.message === 'string' ? err.message : String(e)
  // OpenSSL's errors on a socket write carry its whole error line: keep the reason only
  const openssl = /SSL routines:[^:\n]*:([^:\n]+):/.exec(message)
  if (openssl) message = openssl[1]
  if (err.cause && typeof err.cause.message === 'string' && err.cause.message !== message) {
    message = `${message}: ${err.cause.message}`
  }
  return code && !message.includes(code) ? `${message} (${code})` : message
}
