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
// freed while young. And the young generation stops growing once the program is loaded (at 4 MiB):
// V8 would grow it to 16 MiB, all of it resident, which moving blobs does not need. (Stopping it
// before loading costs start-up about 80 ms of collections; shrinking it later, two full ones.) Each
// entry point stops it right after loading, before any work that moves bytes (a cache restore, an
// archive's extraction); `gc` is exposed (node:vm) only when the first blob bytes arrive, so a run
// that moves no blob never loads node:vm.
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

type Collect = (options: { type: 'minor' | 'major' }) => void

const v8 = lazyBuiltin<typeof V8>('node:v8')
const vm = lazyBuiltin<typeof Vm>('node:vm')

let collect: Collect | null | undefined
let sinceCollection = 0

/** V8's `gc`, exposed the first time to a context made for it (not to the program's own). */
function exposeCollector(): Collect | null {
  try {
    v8().setFlagsFromString('--expose-gc')
    return vm().runInNewContext('gc') as Collect
  } catch {
    return null // only memory is at stake
  }
}

/** Counts blob bytes read; every COLLECT_EVERY_BYTES it frees the chunks already passed on. */
export function noteBytesRead(n: number): void {
  if (collect === undefined) collect = exposeCollector()
  sinceCollection += n
  if (sinceCollection < COLLECT_EVERY_BYTES) return
  sinceCollection = 0
  collect?.({ type: 'minor' })
}

/**
 * Called by each entry point once its program is loaded. V8 reads the growth factor whenever it grows
 * the young generation (its maximum, `--max-semi-space-size`, only when the heap is made).
 */
export function stopYoungGenerationGrowth(): void {
  try {
    v8().setFlagsFromString('--semi-space-growth-factor=1')
  } catch {
    // only memory is at stake
  }
}
