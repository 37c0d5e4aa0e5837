// Errors from registry requests. A message names the request (method and URL without its query,
// which may carry signatures) and the registry's own error code and message; it never carries a
// credential, a token or an Authorization header.
import { ImageCopyError, type ErrorCategory } from '../errors.js'

/** One entry of the distribution error body: `{"errors":[{"code","message","detail"}]}`. */
export interface RegistryErrorDetail {
  code: string
  message: string
}

export interface RegistryErrorInit {
  /** HTTP status, when the registry answered. */
  status?: number
  /** `METHOD URL` of the request that failed, already redacted. */
  request?: string
  /** The registry's error code (`DENIED`, `MANIFEST_INVALID`, …). */
  code?: string
  /** The registry's error message. */
  registryMessage?: string
  hint?: string
  cause?: unknown
}

export class RegistryError extends ImageCopyError {
  readonly status?: number
  readonly request?: string
  readonly code?: string
  readonly registryMessage?: string

  constructor(message: string, init: RegistryErrorInit = {}) {
    super(message, categoryOf(init.status), init.hint)
    this.name = 'RegistryError'
    this.status = init.status
    this.request = init.request
    this.code = init.code
    this.registryMessage = init.registryMessage
    if (init.cause !== undefined) (this as { cause?: unknown }).cause = init.cause
  }
}

/** The registry rejected the credentials (HTTP 401 without a scope problem). */
export class RegistryAuthError extends RegistryError {
  constructor(message: string, init: RegistryErrorInit = {}) {
    super(message, init)
    this.name = 'RegistryAuthError'
  }
}

function categoryOf(status: number | undefined): ErrorCategory {
  return status === 404 ? 'not-found' : 'failure'
}

/** Query parameters safe to show in messages; every other value (upload state, signatures) is elided. */
const SHOWN_QUERY_PARAMS = new Set(['digest', 'mount', 'from', 'n', 'last'])

/** `https://host/path?a=b` → `https://host/path` with only harmless query parameters kept, no userinfo. */
export function redactUrl(url: string | URL): string {
  let u: URL
  try {
    u = new URL(url.toString())
  } catch {
    return '<invalid URL>'
  }
  const kept = new URLSearchParams()
  let elided = false
  for (const [k, v] of u.searchParams) {
    if (SHOWN_QUERY_PARAMS.has(k)) kept.append(k, v)
    else elided = true
  }
  const query = kept.toString()
  const tail = query !== '' ? `?${query}${elided ? '&…' : ''}` : elided ? '?…' : ''
  return `${u.protocol}//${u.host}${u.pathname}${tail}`
}

export function describeRequest(method: string, url: string | URL): string {
  return `${method} ${redactUrl(url)}`
}

/**
 * Reads the distribution error body. The OCI spec allows any body on 4xx; when it is JSON it must
 * be `{"errors":[…]}`. Some token servers answer `{"details": "…"}`.
 */
export function parseErrorBody(body: string): RegistryErrorDetail[] {
  const text = body.trim()
  if (text === '') return []
  try {
    const parsed = JSON.parse(text) as unknown
    if (parsed && typeof parsed === 'object') {
      const errors = (parsed as { errors?: unknown }).errors
      if (Array.isArray(errors)) {
        return errors
          .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
          .slice(0, MAX_ERROR_DETAILS)
          .map(e => ({
            code: typeof e.code === 'string' ? capped(e.code, 64) : 'UNKNOWN',
            message: typeof e.message === 'string' ? capped(e.message, MAX_ERROR_MESSAGE) : ''
          }))
      }
      const details = (parsed as { details?: unknown; error?: unknown }).details
      if (typeof details === 'string')
        return [{ code: 'UNKNOWN', message: capped(details, MAX_ERROR_MESSAGE) }]
      const error = (parsed as { error?: unknown }).error
      if (typeof error === 'string') return [{ code: 'UNKNOWN', message: capped(error, MAX_ERROR_MESSAGE) }]
    }
  } catch {
    // not JSON: fall through
  }
  return [{ code: 'UNKNOWN', message: capped(text.split('\n', 1)[0], 120) }]
}

/** A registry's error text in a message is at most this long (the body itself is read up to a cap). */
const MAX_ERROR_MESSAGE = 400
const MAX_ERROR_DETAILS = 5

function capped(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

/** `DENIED: requested access to the resource is denied` */
export function formatDetail(d: RegistryErrorDetail): string {
  if (d.code === 'UNKNOWN' || d.code === '') return d.message
  return d.message !== '' ? `${d.code}: ${d.message}` : d.code
}
