// The memory a copy may hold for blob bytes, in one place (README "Performance").
//
// Buffers in flight. Blob bytes move as chunks through a chain of streams, and every stage that
// queues bytes holds at most STAGE_BUFFER_BYTES before it pushes back (its highWaterMark; a stage
// may go over by the one chunk it is given), except a file's read or write stream, which moves
// FILE_CHUNK_BYTES at a time. A transfer has at most STAGES_PER_TRANSFER such queues, so it holds at
// most TRANSFER_BUFFER_BYTES, and a copy `parallel` (default 6) times that.
//
// Buffers already passed on. A chunk that has been written is garbage, but its memory comes back only
// when V8 collects the Buffer object, and V8 does not notice on its own: moving blobs allocates little
// on the JS heap, so no young-generation collection runs, and only V8's external-memory limit (64 MiB
// of new ArrayBuffers) starts a full one. So every COLLECT_EVERY_BYTES of blob bytes read, the copy
// runs a young-generation collection (about a millisecond): chunks live shorter than that, so they are
// freed while young. And the young generation stops growing (at 4 MiB): V8 would grow it to 16 MiB,
// all of it resident, which moving blobs does not need.
//
// Both start when bulk bytes first move (startMemoryPacing), not at start-up: changing a V8 flag
// makes node's embedded code cache unusable for each of its own modules loaded afterwards (V8 checks
// a hash of the flags), so http, crypto, streams and fs/promises were compiled from source, ~25 ms
// of a re-run's wall time (measured). By the time bytes move, the copy has loaded them.
import type * as V8 from 'node:v8'
import type * as Vm from 'node:vm'
import { lazyBuiltin } from './lazy-builtin.js'

const KiB = 1024
const MiB = 1024 * KiB

/** What one stream stage (a Readable or a Writable side) queues before it pushes back. */
export const STAGE_BUFFER_BYTES = 64 * KiB
/** What a file's read stream reads, and its write stream queues, at a time: each is a syscall, so larger than a stage. */
export const FILE_CHUNK_BYTES = 256 * KiB
/**
 * Queues one transfer goes through at most: the registry body and its resuming stream (2), verify
 * (2: its writable and readable sides), a tee branch (1), a recompression (6: decompressor, DiffID
 * tap, compressor, besides the compressors' own windows) and the upload's digesting stream (2). A
 * file at either end adds at most a FILE_CHUNK_BYTES queue.
 */
export const STAGES_PER_TRANSFER = 13
/** The most one transfer holds in its queues: 1.3 MiB (most transfers hold a quarter of that). */
export const TRANSFER_BUFFER_BYTES = STAGES_PER_TRANSFER * STAGE_BUFFER_BYTES + 2 * FILE_CHUNK_BYTES
/** Blob bytes read between two young-generation collections. */
export const COLLECT_EVERY_BYTES = 4 * MiB

type Collect = (options?: { type: 'minor' | 'major' }) => void

const v8 = lazyBuiltin<typeof V8>('node:v8')
const vm = lazyBuiltin<typeof Vm>('node:vm')

let collect: Collect | null | undefined
let sinceCollection = 0

/**
 * Starts the pacing, once: the young generation stops growing, and V8's `gc` is exposed to a context
 * made for it (not to the program's own). Called by whatever first moves bulk bytes: a blob read
 * (noteBytesRead), a file spooled or an archive extracted, the Actions cache restored or saved. V8
 * reads the growth factor whenever it grows the young generation.
 */
export function startMemoryPacing(): void {
  if (collect !== undefined) return
  try {
    v8().setFlagsFromString('--semi-space-growth-factor=1')
    v8().setFlagsFromString('--expose-gc')
    collect = vm().runInNewContext('gc') as Collect
  } catch {
    collect = null // only memory is at stake
  }
}

/**
 * A full collection, once bulk bytes have moved (otherwise there is little garbage): what the transfers
 * left behind is freed before work that allocates a lot at the end of a copy (the blob-info cache's
 * save), which then reuses that space instead of growing the heap past the transfers' peak.
 */
export function releaseGarbage(): void {
  collect?.() // a full collection (Node 20's V8 reads `{ type: 'major' }` as a young one)
}

/** Counts blob bytes read; every COLLECT_EVERY_BYTES it frees the chunks already passed on. */
export function noteBytesRead(n: number): void {
  if (collect === undefined) startMemoryPacing()
  sinceCollection += n
  if (sinceCollection < COLLECT_EVERY_BYTES) return
  sinceCollection = 0
  collect?.({ type: 'minor' })
}
