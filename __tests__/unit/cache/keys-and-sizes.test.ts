import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { blobCachePaths, cacheKey, saveTimeoutMs } from '../../../src/cache/actions-cache.js'
import { formatBytes, parseSize } from '../../../src/cache/size.js'
import { UsageError } from '../../../src/errors.js'

describe('parseSize', () => {
  it('reads bytes, SI and IEC units, case-insensitively, with an optional space', () => {
    expect(parseSize('1073741824')).toBe(1073741824)
    expect(parseSize('2GiB')).toBe(2 * 1024 ** 3)
    expect(parseSize('500MB')).toBe(500_000_000)
    expect(parseSize('500mb')).toBe(500_000_000)
    expect(parseSize(' 1.5 GiB ')).toBe(1.5 * 1024 ** 3)
    expect(parseSize('10KiB')).toBe(10240)
    expect(parseSize('3kb')).toBe(3000)
    expect(parseSize('1TiB')).toBe(1024 ** 4)
    expect(parseSize('100B')).toBe(100)
  })

  it('rejects anything else with an error naming the input and the value', () => {
    for (const bad of ['', 'lots', '2 G', '-1GiB', '1e9', '2GiB5', '0', '0MiB', '99999999999TiB']) {
      expect(() => parseSize(bad)).toThrow(UsageError)
      expect(() => parseSize(bad)).toThrow(`cache-max-size: "${bad}"`)
    }
    expect(() => parseSize('2 G')).toThrow(/unknown unit "G"/)
    expect(() => parseSize('x', 'size-flag')).toThrow(/^size-flag: "x" is not a size/)
    try {
      parseSize('2 G')
    } catch (e) {
      expect((e as UsageError).hint).toMatch(/KiB, MiB, GiB/)
    }
  })

  it('formats sizes for logs', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(1023)).toBe('1023 B')
    expect(formatBytes(1536)).toBe('1.5 KiB')
    expect(formatBytes(2 * 1024 ** 3)).toBe('2.0 GiB')
    expect(formatBytes(300 * 1024 ** 2)).toBe('300 MiB')
  })
})

describe('cacheKey', () => {
  const refs = ['docker://ghcr.io/acme/app:1.4.0', 'docker://docker.io/library/alpine:3.20']
  const hash = createHash('sha256')
    .update([...refs].sort().join('\n'))
    .digest('hex')
    .slice(0, 16)

  it('is image-copy-blobs-<16 hex of the sorted source refs>-<run>-<attempt>, restore keys most specific first', () => {
    expect(cacheKey({ sourceRefs: refs, runId: '1234', attempt: '2' })).toEqual({
      key: `image-copy-blobs-${hash}-1234-2`,
      restoreKeys: [`image-copy-blobs-${hash}-1234-`, `image-copy-blobs-${hash}-`]
    })
  })

  it('does not depend on the order or repetition of the source refs', () => {
    const a = cacheKey({ sourceRefs: refs, runId: '1', attempt: '1' })
    const b = cacheKey({ sourceRefs: [refs[1], refs[0], refs[1]], runId: '1', attempt: '1' })
    expect(b).toEqual(a)
    expect(cacheKey({ sourceRefs: [refs[0]], runId: '1', attempt: '1' }).key).not.toBe(a.key)
  })

  it('uses the cache-key input instead of the hash when given', () => {
    expect(cacheKey({ sourceRefs: refs, cacheKey: ' mirror-prod ', runId: '9', attempt: '1' })).toEqual({
      key: 'image-copy-blobs-mirror-prod-9-1',
      restoreKeys: ['image-copy-blobs-mirror-prod-9-', 'image-copy-blobs-mirror-prod-']
    })
    expect(cacheKey({ sourceRefs: refs, cacheKey: '  ', runId: '9', attempt: '1' }).key).toBe(
      `image-copy-blobs-${hash}-9-1`
    )
  })

  it('refuses a cache-key the Actions cache would refuse, naming the input', () => {
    expect(() => cacheKey({ sourceRefs: refs, cacheKey: 'a,b', runId: '1', attempt: '1' })).toThrow(
      /^cache-key: "a,b" must not contain commas/
    )
    expect(() => cacheKey({ sourceRefs: refs, cacheKey: 'a\nb', runId: '1', attempt: '1' })).toThrow(
      UsageError
    )
    expect(() => cacheKey({ sourceRefs: refs, cacheKey: 'k'.repeat(401), runId: '1', attempt: '1' })).toThrow(
      /at most 400/
    )
  })

  it('saves only <dir>/sha256, as an absolute path', () => {
    expect(blobCachePaths('/runner/_temp/image-copy-blobs')).toEqual([
      '/runner/_temp/image-copy-blobs/sha256'
    ])
    expect(blobCachePaths('rel')[0]).toBe(`${process.cwd()}/rel/sha256`)
  })

  it('bounds a save by its size: 2 minutes plus 8 MiB/s', () => {
    expect(saveTimeoutMs(0)).toBe(120_000)
    expect(saveTimeoutMs(2 * 1024 ** 3)).toBe(120_000 + 256_000)
  })
})
