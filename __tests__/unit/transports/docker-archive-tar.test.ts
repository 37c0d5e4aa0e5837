// Our tar headers and index, checked against tar-stream (which writes PAX and GNU headers for long
// names) and against the archives Go writes (the fixture).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import tar from 'tar-stream'
import { indexTar } from '../../../src/transports/docker-archive/tar-index.js'
import { BLOCK_SIZE, decodeHeader, encodeHeader } from '../../../src/transports/docker-archive/tar-header.js'
import { almostEmpty, tarBytes, writeTar } from './docker-archive-helpers.js'
import { tempDir } from './helpers.js'

let root: string
beforeAll(async () => {
  root = await tempDir('docker-archive-tar')
})
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

describe('tar headers', () => {
  it('writes USTAR headers tar-stream reads; symlinks point where they should', async () => {
    const data = Buffer.from('hello')
    const archive = Buffer.concat([
      encodeHeader({ name: 'dir/file.txt', type: 'file', size: data.length }),
      data,
      Buffer.alloc(BLOCK_SIZE - data.length),
      encodeHeader({ name: 'dir/link', type: 'symlink', size: 0, linkname: '../x.tar' }),
      Buffer.alloc(2 * BLOCK_SIZE)
    ])
    const extract = tar.extract()
    const seen: Array<Record<string, unknown>> = []
    const done = new Promise<void>((resolve, reject) => {
      extract.on('entry', (h, stream, next) => {
        const chunks: Buffer[] = []
        stream.on('data', (c: unknown) => chunks.push(c as Buffer))
        stream.on('end', () => {
          seen.push({
            name: h.name,
            type: h.type,
            size: h.size,
            mode: h.mode,
            linkname: h.linkname,
            mtime: h.mtime?.getTime(),
            data: Buffer.concat(chunks).toString()
          })
          next()
        })
      })
      extract.on('finish', resolve)
      extract.on('error', reject)
    })
    extract.end(archive)
    await done
    expect(seen).toEqual([
      { name: 'dir/file.txt', type: 'file', size: 5, mode: 0o444, linkname: null, mtime: 0, data: 'hello' },
      { name: 'dir/link', type: 'symlink', size: 0, mode: 0, linkname: '../x.tar', mtime: 0, data: '' }
    ])
  })

  it('encodes sizes beyond 8 GiB in base-256 and reads them back', () => {
    const size = 12 * 1024 ** 3 + 5
    const header = encodeHeader({ name: 'big.tar', type: 'file', size })
    expect(header[124]).toBe(0x80)
    expect(decodeHeader(header, 'test')).toMatchObject({ name: 'big.tar', size, typeflag: '0' })
  })

  it('refuses a block whose checksum does not match', () => {
    const header = encodeHeader({ name: 'a', type: 'file', size: 1 })
    header[0] = 0x62
    expect(() => decodeHeader(header, 'x.tar')).toThrow(/x.tar: invalid tar header/)
  })
})

describe('tar index', () => {
  it('finds every entry by offset, with PAX and GNU long names and links', async () => {
    const longName = `${'d'.repeat(120)}/${'f'.repeat(80)}.tar`
    const unicode = `blobs/${'é'.repeat(60)}`
    const file = path.join(root, 'index.tar')
    await writeTar(file, [
      { name: 'first', data: Buffer.from('1') },
      { name: longName, data: Buffer.alloc(1000, 7) },
      { name: unicode, data: Buffer.from('u') },
      { name: './dir/', type: 'directory' },
      { name: 'dir/link', type: 'symlink', linkname: `../${longName}` },
      { name: 'empty', data: Buffer.alloc(0) }
    ])
    const bytes = await fs.readFile(file)
    const entries = await indexTar(file, 'index.tar')
    expect(entries.map(e => [e.name, e.type, e.size])).toEqual([
      ['first', 'file', 1],
      [longName, 'file', 1000],
      [unicode, 'file', 1],
      ['dir', 'directory', 0],
      ['dir/link', 'symlink', 0],
      ['empty', 'file', 0]
    ])
    expect(entries[4].linkname).toBe(`../${longName}`)
    expect(bytes.subarray(entries[1].offset, entries[1].offset + 1000).equals(Buffer.alloc(1000, 7))).toBe(
      true
    )
    expect(bytes.subarray(entries[2].offset, entries[2].offset + 1).toString()).toBe('u')
  })

  it('indexes the fixture written by docker save', async () => {
    const entries = await indexTar(almostEmpty, 'fixture')
    expect(entries.map(e => e.name)).toContain('manifest.json')
    expect(entries.find(e => e.name.endsWith('/layer.tar'))).toMatchObject({ type: 'file', size: 1536 })
  })

  it('reports a truncated archive', async () => {
    const bytes = await tarBytes([{ name: 'big', data: Buffer.alloc(5000, 1) }])
    const file = path.join(root, 'truncated.tar')
    await fs.writeFile(file, bytes.subarray(0, 2048))
    await expect(indexTar(file, 'truncated.tar')).rejects.toThrow(/unexpected end of tar archive/)
  })
})
