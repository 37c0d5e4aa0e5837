import { describe, expect, it } from '@jest/globals'
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isRetryableError,
  isRetryableStatus,
  parseRetryAfter,
  retryDelay,
  retryLine,
  retryWait
} from '../../../src/registry/retry.js'

describe('retry policy', () => {
  it('retries 429 and 500/502/503/504 only', () => {
    for (const s of [429, 500, 502, 503, 504]) expect(isRetryableStatus(s)).toBe(true)
    for (const s of [200, 201, 202, 400, 401, 403, 404, 405, 409, 416, 501])
      expect(isRetryableStatus(s)).toBe(false)
  })

  it('recognizes connection errors, including wrapped ones', () => {
    const withCode = (code: string): Error => Object.assign(new Error('x'), { code })
    for (const c of [
      'ECONNRESET',
      'ECONNREFUSED',
      'ETIMEDOUT',
      'UND_ERR_SOCKET',
      'UND_ERR_HEADERS_TIMEOUT',
      'UND_ERR_BODY_TIMEOUT'
    ]) {
      expect(isRetryableError(withCode(c))).toBe(true)
    }
    expect(isRetryableError(new Error('socket hang up'))).toBe(true)
    expect(isRetryableError(new Error('wrapper', { cause: withCode('ECONNRESET') }))).toBe(true)
    expect(isRetryableError(withCode('SELF_SIGNED_CERT_IN_CHAIN'))).toBe(false)
    expect(isRetryableError(withCode('ENOTFOUND'))).toBe(false)
    expect(isRetryableError(new Error('digest mismatch'))).toBe(false)
  })

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z')
    expect(parseRetryAfter('3', now)).toBe(3000)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5000)
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
  })

  it('backs off exponentially with jitter, capped', () => {
    const p = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 200, maxDelayMs: 1000 }
    expect(backoffDelay(p, 0, () => 0)).toBe(100)
    expect(backoffDelay(p, 0, () => 1)).toBe(200)
    expect(backoffDelay(p, 2, () => 1)).toBe(800)
    expect(backoffDelay(p, 10, () => 1)).toBe(1000)
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(p, 1)
      expect(d).toBeGreaterThanOrEqual(200)
      expect(d).toBeLessThanOrEqual(400)
    }
  })

  it('prefers the server Retry-After, capped', () => {
    const p = { ...DEFAULT_RETRY_POLICY, maxRetryAfterMs: 5000 }
    expect(retryDelay(p, 0, '2')).toBe(2000)
    expect(retryDelay(p, 0, '600')).toBe(5000)
    expect(retryDelay(p, 0, undefined)).toBeLessThanOrEqual(p.baseDelayMs)
  })

  it('defaults to 3 retries', () => {
    expect(DEFAULT_RETRY_POLICY.retryTimes).toBe(3)
  })
})

describe('retryLine: one line per retry', () => {
  it('names the request, the reason, attempt n of m and the wait', () => {
    expect(
      retryLine({
        request: 'PUT https://r.example/v2/acme/app/manifests/1.0',
        reason: 'HTTP 503 Service Unavailable',
        attempt: 1,
        attempts: 4,
        delayMs: 412
      })
    ).toBe(
      'PUT https://r.example/v2/acme/app/manifests/1.0: HTTP 503 Service Unavailable (attempt 1 of 4); retrying in 0.4 s'
    )
  })

  it('says so when the wait is over 10 s, and when the registry asked for it', () => {
    const line = (delayMs: number, fromServer: boolean): string =>
      retryLine({ request: 'GET u', reason: 'HTTP 429', attempt: 2, attempts: 4, delayMs, fromServer })
    expect(line(10_000, false)).toBe('GET u: HTTP 429 (attempt 2 of 4); retrying in 10 s')
    expect(line(12_000, false)).toBe(
      'GET u: HTTP 429 (attempt 2 of 4); retrying in 12 s (a long wait, over 10 s)'
    )
    expect(line(30_000, true)).toBe(
      'GET u: HTTP 429 (attempt 2 of 4); retrying in 30 s (a long wait, over 10 s: the registry asked for it with Retry-After)'
    )
  })

  it('a resumed download says resuming', () => {
    expect(
      retryLine({
        request: 'reading blob sha256:ab in r/x',
        reason: 'broke after 10 bytes (terminated)',
        attempt: 1,
        attempts: 2,
        delayMs: 150,
        action: 'resuming'
      })
    ).toBe(
      'reading blob sha256:ab in r/x: broke after 10 bytes (terminated) (attempt 1 of 2); resuming in 0.1 s'
    )
  })

  it('retryWait tells a Retry-After wait from a backoff', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100 }
    expect(retryWait(policy, 0, '11')).toEqual({ delayMs: 11_000, fromServer: true })
    const backoff = retryWait(policy, 0, undefined)
    expect(backoff.fromServer).toBe(false)
    expect(backoff.delayMs).toBeGreaterThanOrEqual(50)
    expect(backoff.delayMs).toBeLessThanOrEqual(100)
  })
})
