// One readable stream fed to several consumers. Each consumer gets its own branch; a consumer that
// fails is dropped (unpiped, so it cannot hold the others back); with a single consumer the stream
// itself is handed out, with nothing in between.
import { defaultMaxListeners, setMaxListeners } from 'node:events'
import { PassThrough, type Readable } from 'node:stream'
import { STAGE_BUFFER_BYTES } from '../memory.js'

export class Tee {
  private readonly branches = new Set<PassThrough>()
  private handedOut = 0

  /**
   * `consumers`: how many branches will be taken; 1 hands out `from` itself. When `from` fails, every
   * branch fails with the error (as `describe` words it).
   */
  constructor(
    readonly from: Readable,
    private readonly consumers: number,
    describe: (e: Error) => Error = e => e
  ) {
    // Each branch is a pipe listening on `from`: many listeners here are by design, not a leak.
    if (consumers > 1) setMaxListeners(defaultMaxListeners + consumers, from)
    from.on('error', e => this.fail(describe(e)))
  }

  branch(): Readable {
    this.handedOut++
    if (this.consumers === 1) return this.from
    const b = new PassThrough({ highWaterMark: STAGE_BUFFER_BYTES })
    this.branches.add(b)
    this.from.pipe(b)
    return b
  }

  /** Stops feeding a branch whose consumer gave up. */
  drop(branch: Readable): void {
    if (branch === this.from) return
    this.from.unpipe(branch as PassThrough)
    this.branches.delete(branch as PassThrough)
    branch.destroy()
  }

  private fail(error: Error): void {
    for (const b of this.branches) b.destroy(error)
  }
}

/** Pipes `from` into `to`, and fails `to` when `from` fails (pipe() alone does not). */
export function link<T extends NodeJS.WritableStream & { destroy(e?: Error): unknown }>(
  from: Readable,
  to: T
): T {
  from.on('error', e => to.destroy(e))
  from.pipe(to)
  return to
}
