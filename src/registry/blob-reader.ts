// A blob download that survives broken connections: when the body is reset or ends early, the rest
// is requested with `Range: bytes=<offset>-` and appended, so the consumer sees exactly the blob's
// bytes once. The consumer (the copy engine) verifies the digest.
import { Readable } from 'node:stream'
import { RegistryError } from './errors.js'
import { discard, header, type HttpResponse } from './http.js'
import { backoffDelay, isRetryableError, retryLine, sleep, type RetryPolicy } from './retry.js'
import type { ThroughputRule } from '../limits.js'
import { ThroughputWatch } from './throughput.js'
import { STAGE_BUFFER_BYTES } from '../memory.js'

/** Progress that earns a fresh set of retries (a long download may survive many unrelated blips). */
const PROGRESS_RESETTING_RETRIES = 1 << 20

export interface ResumableBlobOptions {
  /** The blob's size, or -1 when unknown (then the first answer's Content-Length is used, if any). */
  expectedSize: number
  /** Requests the blob from `offset` on (with a Range header when offset > 0). */
  reopen: (offset: number) => Promise<HttpResponse>
  retry: RetryPolicy
  /** `blob sha256:… in host/repo`, for messages. */
  describe: string
  log?: (message: string) => void
  /** Fail (and resume) a body that moves too little; none when undefined. */
  minThroughput?: ThroughputRule
  /** Ends a retry wait at once (the copy was cancelled). */
  signal?: AbortSignal
}

/** The log line for a resumed download; `failures` counts this one. */
function resumeLine(
  o: ResumableBlobOptions,
  offset: number,
  reason: string,
  failures: number,
  delayMs: number
): string {
  return retryLine({
    request: `reading ${o.describe}`,
    reason: `broke after ${offset} bytes (${reason})`,
    attempt: failures,
    attempts: o.retry.retryTimes + 1,
    delayMs,
    action: 'resuming'
  })
}

export function resumableBlobStream(first: HttpResponse, options: ResumableBlobOptions): Readable {
  return new ResumableBlobStream(first, options)
}

/**
 * A blob body that resumes with `Range` after a broken connection: the body's chunks are pushed
 * straight on (pausing the body on backpressure).
 */
class ResumableBlobStream extends Readable {
  private body!: HttpResponse['body']
  private expected: number
  private offset = 0
  private skip = 0
  private failures = 0
  private offsetAtLastFailure = 0
  private recovering = false
  private readonly watch?: ThroughputWatch

  constructor(
    first: HttpResponse,
    private readonly o: ResumableBlobOptions
  ) {
    super({ highWaterMark: STAGE_BUFFER_BYTES })
    let expected = o.expectedSize
    if (expected < 0) {
      const cl = header(first.headers, 'content-length')
      if (cl !== undefined && /^\d+$/.test(cl)) expected = Number(cl)
    }
    this.expected = expected
    if (o.minThroughput) {
      this.watch = new ThroughputWatch(o.minThroughput, slow => {
        if (this.destroyed || this.recovering) return
        void this.recover(slow)
      })
    }
    this.attach(first.body)
  }

  private attach(body: HttpResponse['body']): void {
    this.body = body
    this.watch?.start()
    body.on('data', (chunk: Buffer) => {
      if (body !== this.body || this.destroyed) return
      let b = chunk
      if (this.skip > 0) {
        const n = Math.min(this.skip, b.length)
        this.skip -= n
        b = b.subarray(n)
        if (b.length === 0) return
      }
      this.offset += b.length
      this.watch?.add(b.length)
      if (this.expected >= 0 && this.offset > this.expected) {
        this.destroy(
          new RegistryError(
            `reading ${this.o.describe}: the registry sent more than the expected ${this.expected} bytes`
          )
        )
        return
      }
      if (!this.push(b)) {
        body.pause()
        this.watch?.pause() // we hold the body back: not the registry's slowness
      }
    })
    body.on('end', () => {
      if (body !== this.body || this.destroyed) return
      this.watch?.stop()
      if (this.expected < 0 || this.offset === this.expected) this.push(null)
      else void this.recover(new Error(`the body ended after ${this.offset} of ${this.expected} bytes`))
    })
    body.on('error', (e: Error) => {
      if (body !== this.body || this.destroyed || this.recovering) return
      if (e instanceof RegistryError || !isRetryableError(e)) this.destroy(e)
      else void this.recover(e)
    })
  }

  override _read(): void {
    if (this.recovering) return
    if (this.body.isPaused()) this.watch?.resume()
    this.body.resume()
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.watch?.stop()
    this.body.destroy()
    callback(error)
  }

  private async recover(failure: unknown): Promise<void> {
    this.recovering = true
    this.watch?.stop()
    const o = this.o
    try {
      if (this.offset - this.offsetAtLastFailure >= PROGRESS_RESETTING_RETRIES) this.failures = 0
      this.offsetAtLastFailure = this.offset
      const reason = (failure as Error).message
      if (this.failures >= o.retry.retryTimes) {
        throw new RegistryError(
          `reading ${o.describe}: ${reason}; gave up after ${this.failures} resumed download${this.failures === 1 ? '' : 's'}`,
          { cause: failure }
        )
      }
      const delay = backoffDelay(o.retry, this.failures)
      this.failures++
      o.log?.(resumeLine(o, this.offset, reason, this.failures, delay))
      this.body.destroy()
      await sleep(delay, o.signal)
      const res = await o.reopen(this.offset)
      if (res.status === 206) {
        const range = parseContentRange(header(res.headers, 'content-range'))
        const okRange =
          range !== undefined &&
          range.first === this.offset &&
          (range.total < 0 || range.last + 1 === range.total) &&
          (this.expected < 0 || range.total < 0 || range.total === this.expected)
        if (!okRange) {
          await discard(res.body)
          throw new RegistryError(
            `reading ${o.describe}: resuming at byte ${this.offset} got an unusable Content-Range ` +
              `"${header(res.headers, 'content-range') ?? ''}"`,
            { status: 206 }
          )
        }
      } else if (res.status === 200) {
        this.skip = this.offset
      } else {
        await discard(res.body)
        throw new RegistryError(
          `reading ${o.describe}: resuming at byte ${this.offset} failed with HTTP ${res.status}`,
          {
            status: res.status
          }
        )
      }
      if (this.destroyed) {
        res.body.destroy()
        return
      }
      this.recovering = false
      this.attach(res.body)
    } catch (e) {
      this.destroy(e as Error)
    }
  }
}

export function parseContentRange(
  value: string | undefined
): { first: number; last: number; total: number } | undefined {
  const m = value === undefined ? null : /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(value.trim())
  if (!m) return undefined
  return { first: Number(m[1]), last: Number(m[2]), total: m[3] === '*' ? -1 : Number(m[3]) }
}
