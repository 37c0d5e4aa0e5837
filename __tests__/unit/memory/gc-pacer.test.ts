import { describe, expect, it } from '@jest/globals'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { GC_EVERY_BYTES, GcPacer, STREAM_BUFFER_BYTES } from '../../../src/memory/gc-pacer.js'
import { VerifyingStream } from '../../../src/copy/verify.js'
import { createHash } from 'node:crypto'

describe('GC pacer', () => {
  it('asks for one collection per GC_EVERY_BYTES read, however the bytes are chunked', () => {
    let collections = 0
    const pacer = new GcPacer(GC_EVERY_BYTES, () => () => void collections++)
    for (let i = 0; i < (5 * GC_EVERY_BYTES) / STREAM_BUFFER_BYTES; i++) pacer.add(STREAM_BUFFER_BYTES)
    expect(collections).toBe(5)
    pacer.add(GC_EVERY_BYTES - 1)
    expect(collections).toBe(5)
    pacer.add(1)
    expect(collections).toBe(6)
    pacer.add(3 * GC_EVERY_BYTES) // one large chunk: one collection, not three
    expect(collections).toBe(7)
  })

  it('does nothing where no collector is available', () => {
    const pacer = new GcPacer(1, () => null)
    expect(() => pacer.add(10)).not.toThrow()
  })

  it('a verified blob stream buffers about one socket read per side', async () => {
    const data = Buffer.alloc(3 * STREAM_BUFFER_BYTES, 1)
    const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`
    const verifier = new VerifyingStream(digest, data.length)
    expect(verifier.writableHighWaterMark).toBe(STREAM_BUFFER_BYTES)
    expect(verifier.readableHighWaterMark).toBe(STREAM_BUFFER_BYTES)
    // A consumer that never reads: what the verifier takes in before it pushes back is bounded.
    let taken = 0
    const source = new Readable({
      read() {
        if (taken >= data.length) return void this.push(null)
        taken += STREAM_BUFFER_BYTES
        this.push(data.subarray(taken - STREAM_BUFFER_BYTES, taken))
      },
      highWaterMark: STREAM_BUFFER_BYTES
    })
    source.pipe(verifier)
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(verifier.readableLength + verifier.writableLength).toBeLessThanOrEqual(2 * STREAM_BUFFER_BYTES)
    await pipeline(verifier, new Writable({ write: (_c, _e, cb) => cb() }))
  })
})
