import { describe, expect, it } from '@jest/globals'
import { Readable } from 'node:stream'
import { DEFAULT_THROUGHPUT_RULE, readAtMost, ReadLimitError, throughputRule } from '../../src/limits.js'

describe('readAtMost', () => {
  it('reads up to the limit', async () => {
    expect((await readAtMost(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), 4, 'x')).toString()).toBe(
      'abcd'
    )
  })

  it('fails past the limit, naming what was read and the limit, and stops reading', async () => {
    let pulled = 0
    const endless = new Readable({
      read() {
        pulled++
        this.push(Buffer.alloc(1024))
      }
    })
    const e = await readAtMost(endless, 4 * 1024 * 1024, 'the answer to /_ping').catch(x => x)
    expect(e).toBeInstanceOf(ReadLimitError)
    expect(e.message).toBe('the answer to /_ping is larger than the limit of 4 MiB')
    expect(endless.destroyed).toBe(true)
    expect(pulled).toBeLessThan(4200)
  })
})

describe('throughputRule', () => {
  it('defaults to 10 KiB per 60 s; reads IMAGE_COPY_MIN_THROUGHPUT; 0 turns it off', () => {
    expect(throughputRule({})).toEqual(DEFAULT_THROUGHPUT_RULE)
    expect(DEFAULT_THROUGHPUT_RULE).toEqual({ minBytes: 10240, windowMs: 60000 })
    expect(throughputRule({ IMAGE_COPY_MIN_THROUGHPUT: '1024/2.5' })).toEqual({
      minBytes: 1024,
      windowMs: 2500
    })
    expect(throughputRule({ IMAGE_COPY_MIN_THROUGHPUT: '0' })).toBeUndefined()
  })

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['fast', '10/0', '10KiB/60', '-1/5']) {
      expect(() => throughputRule({ IMAGE_COPY_MIN_THROUGHPUT: bad })).toThrow(
        /IMAGE_COPY_MIN_THROUGHPUT must be/
      )
    }
  })
})
