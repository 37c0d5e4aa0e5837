// tar-split on its own: a layer recorded while it is walked is rebuilt byte for byte from its files.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createReadStream, promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { gunzipSync } from 'node:zlib'
import {
  assembleTar,
  Crc64,
  parseTarSplit,
  TarSplitPacker
} from '../../../../src/transports/ostree/tar-split.js'
import { walkTar } from '../../../../src/transports/ostree/tar-walk.js'
import { awkwardLayers, gnuTar } from './layers.js'

async function pack(tar: Buffer): Promise<Buffer> {
  const packer = new TarSplitPacker()
  for await (const event of walkTar(Readable.from([tar]))) {
    if (event.kind === 'raw') packer.segment(event.bytes)
    else {
      const crc = new Crc64()
      for await (const chunk of event.data) crc.update(chunk)
      packer.file(event.entry.name, event.entry.size, event.entry.size > 0 ? crc.digest() : null)
    }
  }
  return await packer.output()
}

async function rebuild(split: Buffer, dir: string): Promise<Buffer> {
  const stream = assembleTar(parseTarSplit(split), name =>
    Promise.resolve(createReadStream(path.join(dir, name.toString('utf8'))))
  )
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

async function extract(tar: Buffer, dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true })
  // As a non-root user would: fifos and devices are not needed, their entries have no data.
  execFileSync(
    'tar',
    ['-C', dir, '-xf', '-', '--no-same-owner', '--exclude=run/pipe', '--exclude=dev/null'],
    {
      input: tar
    }
  )
}

describe('tar-split', () => {
  it('computes CRC-64/ISO as Go does (the catalogue check value)', () => {
    const crc = new Crc64()
    crc.update(Buffer.from('12345'))
    crc.update(Buffer.from('6789'))
    expect(crc.digest().toString('hex')).toBe('b90956c775a41001')
  })

  it('rebuilds tar-stream and GNU tar layers byte for byte, trailing bytes included', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tar-split-'))
    try {
      const tars = [...(await awkwardLayers()), await gnuTar(dir)]
      tars.push(Buffer.concat([tars[0], Buffer.alloc(4096)]))
      for (const [i, tar] of tars.entries()) {
        const files = path.join(dir, `x${i}`)
        await extract(tar, files)
        const split = await pack(tar)
        expect((await rebuild(split, files)).equals(tar)).toBe(true)
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })

  it('stores the JSON lines tar-split stores, and refuses a file whose bytes changed', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tar-split-'))
    try {
      const [tar] = await awkwardLayers()
      const split = await pack(tar)
      const lines = gunzipSync(split)
        .toString()
        .trim()
        .split('\n')
        .map(l => JSON.parse(l) as Record<string, unknown>)
      expect(lines[0]).toEqual({ type: 2, payload: tar.subarray(0, 512).toString('base64'), position: 0 })
      expect(lines[1]).toEqual({ type: 1, name: './', payload: null, position: 1 })
      const release = lines.find(l => l.name === 'etc/os-release')
      expect(release).toMatchObject({ type: 1, size: 8 })
      expect(Buffer.from(release!.payload as string, 'base64')).toHaveLength(8)
      expect(lines.map(l => l.position)).toEqual(lines.map((_, i) => i))
      await extract(tar, dir)
      await fs.writeFile(path.join(dir, 'etc/os-release'), 'ID=fake\n')
      await expect(rebuild(split, dir)).rejects.toThrow(/etc\/os-release.*checksum/)
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })

  it('refuses a tar that names one path twice, as tar-split does', async () => {
    const [tar] = await awkwardLayers()
    const twice = Buffer.concat([tar.subarray(0, tar.length - 1024), tar])
    await expect(pack(twice)).rejects.toThrow(/duplicate path/)
  })
})
