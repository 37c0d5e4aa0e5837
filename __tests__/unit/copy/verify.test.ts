import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { VerifyingStream } from '../../../src/copy/verify.js'
import { TaskPool } from '../../../src/copy/pool.js'

const bytes = Buffer.from('hello blob')
const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
const sink = () => new Writable({ write: (_c, _e, cb) => cb() })

describe('VerifyingStream', () => {
  it('passes matching bytes', async () => {
    await expect(
      pipeline(Readable.from([bytes]), new VerifyingStream(digest, bytes.length), sink())
    ).resolves.toBeUndefined()
  })
  it('fails on a digest mismatch, naming the digest', async () => {
    const changed = Buffer.from(bytes)
    changed[0] ^= 1
    await expect(
      pipeline(Readable.from([changed]), new VerifyingStream(digest, bytes.length), sink())
    ).rejects.toThrow(digest)
  })
  it('fails on a size mismatch, short or long', async () => {
    await expect(
      pipeline(Readable.from([bytes.subarray(1)]), new VerifyingStream(digest, bytes.length), sink())
    ).rejects.toThrow(/bytes/)
    await expect(
      pipeline(Readable.from([bytes, bytes]), new VerifyingStream(digest, bytes.length), sink())
    ).rejects.toThrow(/larger/)
  })
})

describe('TaskPool', () => {
  it('never runs more than its limit at once', async () => {
    const pool = new TaskPool(3)
    let running = 0
    let peak = 0
    await Promise.all(
      Array.from({ length: 20 }, () =>
        pool.run(async () => {
          running++
          peak = Math.max(peak, running)
          await new Promise(r => setTimeout(r, 2))
          running--
        })
      )
    )
    expect(peak).toBe(3)
  })
})
