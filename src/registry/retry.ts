// When and how long to wait before repeating a registry request.
import { cancellationError } from '../errors.js'

export interface RetryPolicy {
  /** Retries after the first attempt (default 3). */
  retryTimes: number
  /** First backoff delay; doubles per retry (default 200 ms). */
  baseDelayMs: number
  /** Cap for computed backoff and for a server's Retry-After (default 10 s / 60 s). */
  maxDelayMs: number
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retryTimes: 3,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000
}

/** Statuses worth repeating: the registry (or something in front of it) is busy or briefly broken. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504
}

const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'ERR_STREAM_PREMATURE_CLOSE'
])

/** Connection-level failures (reset, refused, hang up, timeouts, truncated bodies). TLS errors are not retried. */
export function isRetryableError(e: unknown): boolean {
  for (let cur = e, depth = 0; cur && depth < 5; depth++) {
    const err = cur as { code?: unknown; message?: unknown; cause?: unknown; name?: unknown }
    if (typeof err.code === 'string' && RETRYABLE_CODES.has(err.code)) return true
    if (typeof err.message === 'string' && /socket hang up|other side closed|terminated/i.test(err.message)) {
      return true
    }
    cur = err.cause
  }
  return false
}

/** `Retry-After` in seconds or as an HTTP date; undefined when absent, invalid or in the past. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined
  const v = value.trim()
  if (/^\d+$/.test(v)) return Number(v) * 1000
  const date = Date.parse(v)
  if (Number.isNaN(date)) return undefined
  const delta = date - now
  return delta > 0 ? delta : undefined
}

/** Exponential backoff with jitter: a random delay in [d/2, d] for d = base × 2^attempt, capped. */
export function backoffDelay(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random
): number {
  const d = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  return Math.round(d / 2 + random() * (d / 2))
}

/** The delay before retry number `attempt` (0-based): the server's Retry-After when given, else backoff. */
export function retryDelay(policy: RetryPolicy, attempt: number, retryAfter: string | undefined): number {
  const fromServer = parseRetryAfter(retryAfter)
  if (fromServer !== undefined) return Math.min(fromServer, policy.maxRetryAfterMs)
  return backoffDelay(policy, attempt)
}

/** One retry, as the log line says it. `attempt` is the attempt that failed (1-based) of `attempts` in all. */
export interface RetryNote {
  /** `GET https://host/v2/…` with query secrets elided (describeRequest), or what was being read. */
  request: string
  reason: string
  attempt: number
  attempts: number
  delayMs: number
  /** The wait is the registry's Retry-After. */
  fromServer?: boolean
  /** `retrying` (default) or `resuming` (a broken download continues where it stopped). */
  action?: 'retrying' | 'resuming'
}

/** Waits longer than this are called out in the line, so a quiet log is not mistaken for a hang. */
export const LONG_WAIT_MS = 10_000

function formatWait(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`
}

/** `GET https://r/v2/a/manifests/1: HTTP 503 (attempt 1 of 4); retrying in 0.4 s`. */
export function retryLine(note: RetryNote): string {
  const wait = formatWait(note.delayMs)
  const long =
    note.delayMs > LONG_WAIT_MS
      ? ` (a long wait, over ${LONG_WAIT_MS / 1000} s${note.fromServer ? ': the registry asked for it with Retry-After' : ''})`
      : ''
  return `${note.request}: ${note.reason} (attempt ${note.attempt} of ${note.attempts}); ${note.action ?? 'retrying'} in ${wait}${long}`
}

/** The delay before retry number `attempt` and whether the registry chose it (Retry-After). */
export function retryWait(
  policy: RetryPolicy,
  attempt: number,
  retryAfter: string | undefined
): { delayMs: number; fromServer: boolean } {
  const fromServer = parseRetryAfter(retryAfter) !== undefined
  return { delayMs: retryDelay(policy, attempt, retryAfter), fromServer }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancellationError(signal))
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(t)
      reject(cancellationError(signal!))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
