// The lifecycle the local destinations share: writes in flight are tracked so that commit and close
// wait for them, and nothing is accepted once the destination was committed or closed.
import type { ImageReference } from '../types.js'

export class WriteTracker {
  private readonly pending = new Set<Promise<unknown>>()
  private committed = false
  private closed = false

  constructor(private readonly ref: ImageReference) {}

  /** Runs a write, refusing it after commit or close. */
  track<T>(run: () => Promise<T>): Promise<T> {
    if (this.closed || this.committed) return Promise.reject(this.endedError())
    const promise = run()
    this.pending.add(promise)
    void promise.finally(() => this.pending.delete(promise)).catch(() => undefined)
    return promise
  }

  /** Throws when the destination was committed or closed already. */
  checkOpen(): void {
    if (this.closed || this.committed) throw this.endedError()
  }

  /** Waits for every write in flight, whatever its outcome. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.pending])
  }

  markCommitted(): void {
    this.committed = true
  }

  /**
   * Marks the destination closed and waits for the writes in flight. True on the first close of a
   * destination that was not committed: then the caller rolls back.
   */
  async close(): Promise<boolean> {
    if (this.closed) return false
    this.closed = true
    await this.settle()
    return !this.committed
  }

  private endedError(): Error {
    return new Error(`${this.ref.toString()}: destination already ${this.closed ? 'closed' : 'committed'}`)
  }
}
