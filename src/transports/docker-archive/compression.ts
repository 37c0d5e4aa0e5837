// Recognizing compressed layers and archives by their magic bytes, and decompressing them with
// node's zlib: gzip always, zstd when this node has zlib.createZstdDecompress (node >= 22.15 / 23.8).
import type { Transform } from 'node:stream'
import zlib from 'node:zlib'

export type Compression = 'gzip' | 'zstd' | 'bzip2' | 'xz' | 'none'

/** Enough leading bytes to recognize every format below. */
export const MAGIC_LENGTH = 6

export function detectCompression(head: Buffer): Compression {
  const starts = (...bytes: number[]) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b)
  if (starts(0x1f, 0x8b)) return 'gzip'
  if (starts(0x28, 0xb5, 0x2f, 0xfd)) return 'zstd'
  if (starts(0x42, 0x5a, 0x68)) return 'bzip2'
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'xz'
  return 'none'
}

type ZstdFactory = () => Transform

function zstdFactory(): ZstdFactory | undefined {
  const factory = (zlib as unknown as { createZstdDecompress?: ZstdFactory }).createZstdDecompress
  return typeof factory === 'function' ? factory : undefined
}

/**
 * A stream that decompresses `compression`; `what` names the data in the error thrown when this
 * node cannot (zstd on node < 22.15, bzip2, xz).
 */
export function decompressor(compression: Exclude<Compression, 'none'>, what: string): Transform {
  if (compression === 'gzip') return zlib.createGunzip()
  if (compression === 'zstd') {
    const factory = zstdFactory()
    if (factory) return factory()
    throw new Error(
      `${what} is zstd-compressed and must be decompressed, but this node (${process.version}) has no zstd support (node 22.15 or newer has)`
    )
  }
  throw new Error(`${what} is ${compression}-compressed, which is not supported (only gzip and zstd are)`)
}
