// The copy's buffer budget (src/memory.ts) holds for a many-layer copy: a source that produces as
// fast as it is asked and destinations that read slowly, so every queue between them fills. The
// bytes in flight (produced by the source, not yet taken by the slowest destination of that blob)
// never exceed `parallel` transfers of TRANSFER_BUFFER_BYTES: each stage pushes back instead of
// queueing the blob.
import { describe, expect, it, jest } from '@jest/globals'
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { setImmediate as tick } from 'node:timers/promises'
import { copyImage } from '../../../src/copy/copy-image.js'
import { STAGE_BUFFER_BYTES, TRANSFER_BUFFER_BYTES } from '../../../src/memory.js'
import type { BlobInfo, PutBlobOptions } from '../../../src/transports/types.js'
import {
  MemoryDestination,
  MemorySource,
  layerBlob,
  memoryImage,
  type MemorySourceOptions,
  memoryCopyOptions
} from '../../harness/memory-transport.js'

jest.setTimeout(60_000)

const MiB = 1 << 20
/** The source's chunks: smaller than a stage, so queues fill chunk by chunk. */
const CHUNK = 16 * 1024

/** Bytes produced and taken, per blob; the largest total in flight seen. */
class Ledger {
  private readonly produced = new Map<string, number>()
  private readonly taken = new Map<string, Map<string, number>>()
  private inFlight = 0
  maxInFlight = 0
  constructor(private readonly destinations: string[]) {}

  produce(digest: string, n: number): void {
    this.produced.set(digest, (this.produced.get(digest) ?? 0) + n)
    this.inFlight += n
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
  }

  take(destination: string, digest: string, n: number): void {
    const byDest = this.taken.get(digest) ?? new Map<string, number>()
    this.taken.set(digest, byDest)
    const before = this.slowest(byDest)
    byDest.set(destination, (byDest.get(destination) ?? 0) + n)
    this.inFlight -= this.slowest(byDest) - before
  }

  private slowest(byDest: Map<string, number>): number {
    return Math.min(...this.destinations.map(d => byDest.get(d) ?? 0))
  }
}

/** Serves layers in CHUNK pieces, one per read (so only as fast as the copy asks). */
class ChunkedSource extends MemorySource {
  constructor(
    options: MemorySourceOptions,
    private readonly layers: Map<string, Buffer>,
    private readonly ledger: Ledger
  ) {
    super('chunked-src', options)
  }

  override async getBlob(info: BlobInfo): Promise<{ stream: Readable; size: number }> {
    const bytes = this.layers.get(info.digest)
    if (!bytes) return super.getBlob(info)
    const ledger = this.ledger
    let offset = 0
    const stream = new Readable({
      highWaterMark: STAGE_BUFFER_BYTES,
      read() {
        if (offset >= bytes.length) {
          this.push(null)
          return
        }
        const chunk = bytes.subarray(offset, offset + CHUNK)
        offset += chunk.length
        ledger.produce(info.digest, chunk.length)
        this.push(chunk)
      }
    })
    return { stream, size: bytes.length }
  }
}

/** Takes layers a chunk per event-loop turn, or at once; keeps only their digests. */
class CountingDestination extends MemoryDestination {
  constructor(
    name: string,
    private readonly ledger: Ledger,
    private readonly slow: boolean
  ) {
    super(name)
  }

  override async putBlob(stream: Readable, info: BlobInfo, options: PutBlobOptions): Promise<BlobInfo> {
    if (options.isConfig) return super.putBlob(stream, info, options)
    const hash = createHash('sha256')
    let size = 0
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (this.slow) await tick()
      this.ledger.take(this.name, info.digest, chunk.length)
      hash.update(chunk)
      size += chunk.length
    }
    return { digest: `sha256:${hash.digest('hex')}`, size, mediaType: info.mediaType }
  }
}

async function copyManyLayers(slowness: boolean[], parallel: number): Promise<Ledger> {
  const layerList = Array.from({ length: 12 }, (_, i) => layerBlob(`layer-${i}`, 2 * MiB + i * 4096))
  const image = memoryImage('budget', layerList)
  const names = slowness.map((_, i) => `dest-${i}`)
  const ledger = new Ledger(names.map(n => `memory:${n}`))
  const source = new ChunkedSource(
    { top: image.raw, images: [image] },
    new Map(layerList.map(l => [l.digest, l.bytes])),
    ledger
  )
  const destinations = names.map((n, i) => new CountingDestination(n, ledger, slowness[i]))
  expect(destinations.map(d => d.name)).toEqual(names.map(n => `memory:${n}`))
  await copyImage(memoryCopyOptions(source, destinations, { parallel }))
  for (const d of destinations) expect(d.committed?.bytes).toEqual(image.raw.bytes)
  return ledger
}

describe('bytes in flight stay within parallel × TRANSFER_BUFFER_BYTES', () => {
  it('one slow destination (read, verify, put)', async () => {
    const parallel = 3
    const ledger = await copyManyLayers([true], parallel)
    // The queues did fill (more than one stage's worth), and stayed bounded: 24 MiB went through.
    expect(ledger.maxInFlight).toBeGreaterThan(STAGE_BUFFER_BYTES)
    expect(ledger.maxInFlight).toBeLessThanOrEqual(parallel * TRANSFER_BUFFER_BYTES)
  })

  it('a fast and a slow destination sharing each read (the tee waits for the slow branch)', async () => {
    const parallel = 4
    const ledger = await copyManyLayers([false, true], parallel)
    expect(ledger.maxInFlight).toBeGreaterThan(STAGE_BUFFER_BYTES)
    expect(ledger.maxInFlight).toBeLessThanOrEqual(parallel * TRANSFER_BUFFER_BYTES)
  })
})
