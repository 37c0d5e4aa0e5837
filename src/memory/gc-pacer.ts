// Paces V8's young-generation collections by the bytes a copy reads, so that dead chunk buffers never
// pile up.
//
// Every chunk a socket or a file read hands over is a Buffer whose memory is freed only when V8
// collects the Buffer's small JS object. A copy allocates almost no JS heap (its bytes live outside
// it), so V8 on its own collects rarely, and once ~64 MiB of dead buffers have piled up (its limit
// for memory outside the heap) it runs a full collection: measured, that garbage was up to 72 MiB of
// a 155 MiB peak, whatever the parallelism. A young-generation collection (a scavenge, ~1 ms here)
// after every GC_EVERY_BYTES read frees the chunks that died since the last one. It works because
// chunks die young: the streams of a blob hold about one chunk each (see STREAM_BUFFER_BYTES), so
// almost no chunk lives through a scavenge and gets promoted to where only a full collection frees it.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** Bytes read between two young-generation collections. */
export const GC_EVERY_BYTES = 4 << 20

/**
 * What each stream on a blob's path buffers before it applies backpressure: one socket read. With
 * the pacer this bounds a blob in flight to a few chunks, and keeps chunks young (see above).
 */
export const STREAM_BUFFER_BYTES = 64 << 10

export type Collect = () => void

let collector: Collect | null | undefined

/** V8's collector (the `gc` of --expose-gc, turned on at run time), or null where it is unavailable. */
function v8Collector(): Collect | null {
  if (collector === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      const gc = runInNewContext('gc') as (options: object) => void
      collector = () => gc({ type: 'minor', execution: 'sync' })
    } catch {
      collector = null
    }
  }
  return collector
}

export class GcPacer {
  private since = 0

  constructor(
    private readonly every: number = GC_EVERY_BYTES,
    private readonly collector: () => Collect | null = v8Collector
  ) {}

  /** Counts bytes read; asks for a collection each time `every` more have been read. */
  add(bytes: number): void {
    this.since += bytes
    if (this.since < this.every) return
    this.since = 0
    this.collector()?.()
  }
}

/** The process's pacer: every blob read of every copy in this process counts toward it. */
export const processGcPacer = new GcPacer()
