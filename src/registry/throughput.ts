// The minimum-throughput rule for a blob download (README "Limits"): a body that moves fewer than
// `minBytes` over a sliding window of `windowMs` is given up and resumed, like a broken connection.
// Time while we hold the body back (the destination is slower) does not count.
import type { ThroughputRule } from '../limits.js'

/** A stalled or trickling transfer; retryable. */
export class SlowTransferError extends Error {
  readonly code = 'ESLOWTRANSFER'
  constructor(message: string) {
    super(message)
    this.name = 'SlowTransferError'
  }
}

export class ThroughputWatch {
  private samples: Array<{ at: number; bytes: number }> = []
  private timer?: NodeJS.Timeout
  private total = 0
  private paused = false

  constructor(
    private readonly rule: ThroughputRule,
    private readonly onSlow: (error: SlowTransferError) => void
  ) {}

  /** Starts watching (a new connection): one timer until stop(), a window from now. */
  start(): void {
    this.restartWindow()
    this.timer ??= setInterval(() => this.check(), Math.max(this.rule.windowMs / 4, 20))
    this.timer.unref()
  }

  /** We hold the body back (the destination is slower): that time does not count. */
  pause(): void {
    this.paused = true
  }

  /** Reading again: a new window from now. */
  resume(): void {
    if (this.paused) this.restartWindow()
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer)
    this.timer = undefined
  }

  add(bytes: number): void {
    this.total += bytes
  }

  private restartWindow(): void {
    this.paused = false
    this.samples = [{ at: Date.now(), bytes: this.total }]
  }

  private check(): void {
    if (this.paused) return
    const now = Date.now()
    const from = now - this.rule.windowMs
    this.samples.push({ at: now, bytes: this.total })
    while (this.samples.length > 1 && this.samples[1].at <= from) this.samples.shift()
    const oldest = this.samples[0]
    if (oldest.at > from) return // less than a whole window observed yet
    const moved = this.total - oldest.bytes
    if (moved >= this.rule.minBytes) return
    this.stop()
    const seconds = (now - oldest.at) / 1000
    this.onSlow(
      new SlowTransferError(
        `too slow: ${moved} bytes in the last ${seconds.toFixed(1)} s, below the minimum throughput of ` +
          `${this.rule.minBytes} bytes per ${this.rule.windowMs / 1000} s (IMAGE_COPY_MIN_THROUGHPUT)`
      )
    )
  }
}
