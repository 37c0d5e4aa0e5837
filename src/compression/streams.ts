// Recognizing compressed layers and archives by their magic bytes, and (de)compressing them with
// node's zlib: gzip always, zstd when this node has it (node >= 22.15 / 23.8; the Action's node24 has).
import { Readable, type Transform } from 'node:stream'
import type * as Zlib from 'node:zlib'
import { UsageError } from '../errors.js'
import { lazyBuiltin } from '../lazy-builtin.js'
import { STAGE_BUFFER_BYTES } from '../memory.js'

export type Compression = 'gzip' | 'zstd' | 'bzip2' | 'xz' | 'none'

/** What the engine writes layers with (containers/image `--dest-compress-format`, without zstd:chunked). */
export type CompressionAlgorithm = 'gzip' | 'zstd'

/** Enough leading bytes to recognize every format below. */
export const MAGIC_LENGTH = 6

/** The levels each algorithm takes (containers/image: gzip 1-9, zstd 1-20). */
const compressionLevels: Readonly<Record<CompressionAlgorithm, { min: number; max: number }>> = {
  gzip: { min: 1, max: 9 },
  zstd: { min: 1, max: 20 }
}

export function detectCompression(head: Buffer): Compression {
  const starts = (...bytes: number[]) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b)
  if (starts(0x1f, 0x8b)) return 'gzip'
  if (starts(0x28, 0xb5, 0x2f, 0xfd)) return 'zstd'
  if (starts(0x42, 0x5a, 0x68)) return 'bzip2'
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'xz'
  return 'none'
}

interface ZstdZlib {
  createZstdCompress?: (options?: { params?: Record<number, number> }) => Transform
  createZstdDecompress?: () => Transform
  constants: { ZSTD_c_compressionLevel?: number }
}

// node:zlib is loaded by the first stream that needs it (~3 ms of CPU): a copy that moves no layer,
// such as a re-run that finds the destination up to date, never does.
const zlib = lazyBuiltin<typeof Zlib>('node:zlib')
const zstd = (): ZstdZlib => zlib() as unknown as ZstdZlib

/** Whether this node can read and write zstd. */
export function hasZstd(): boolean {
  const z = zstd()
  return typeof z.createZstdCompress === 'function' && typeof z.createZstdDecompress === 'function'
}

const zstdMissing = (): string =>
  `this node (${process.version}) has no zstd support; node 22.15 or newer has (the Action runs on node 24)`

/** What is wrong with `level` for `algorithm` ("gzip takes a level from 1 to 9"), or undefined. */
export function levelProblem(algorithm: CompressionAlgorithm, level: number | undefined): string | undefined {
  const range = compressionLevels[algorithm]
  if (level === undefined || (Number.isInteger(level) && level >= range.min && level <= range.max))
    return undefined
  return `${algorithm} takes a level from ${range.min} to ${range.max}`
}

/** Refuses, before anything is copied, a request this node cannot carry out (zstd) or a level out of range. */
export function assertCanCompress(algorithm: CompressionAlgorithm, level: number | undefined): void {
  if (algorithm === 'zstd' && !hasZstd()) throw new UsageError(`dest-compress-format zstd: ${zstdMissing()}`)
  const problem = levelProblem(algorithm, level)
  if (problem) throw new UsageError(`dest-compress-level ${level}: ${problem}`)
}

/** A stream that compresses with `algorithm` at `level` (zlib's default level when undefined). */
export function compressor(algorithm: CompressionAlgorithm, level?: number): Transform {
  const chunkSize = STAGE_BUFFER_BYTES
  if (algorithm === 'gzip')
    return zlib().createGzip(level === undefined ? { chunkSize } : { chunkSize, level })
  if (!hasZstd()) throw new Error(`zstd compression: ${zstdMissing()}`)
  const param = zstd().constants.ZSTD_c_compressionLevel!
  return zstd().createZstdCompress!(level === undefined ? {} : { params: { [param]: level } })
}

/**
 * A stream that decompresses `compression`; `what` names the data in the error thrown when this
 * node cannot (zstd on node < 22.15, bzip2, xz).
 */
export function decompressor(compression: Exclude<Compression, 'none'>, what: string): Transform {
  if (compression === 'gzip') return zlib().createGunzip()
  if (compression === 'zstd') {
    if (hasZstd()) return zstd().createZstdDecompress!()
    throw new Error(`${what} is zstd-compressed and must be decompressed, but ${zstdMissing()}`)
  }
  throw new Error(`${what} is ${compression}-compressed, which is not supported (only gzip and zstd are)`)
}

export interface SniffedStream {
  compression: Compression
  /** The same stream with its first bytes put back, or, for a stream that ended in them, a new one. */
  stream: Readable
}

/**
 * Reads the stream's first bytes and puts them back (`unshift`), so the stream is unchanged and
 * nothing is added between it and its consumer.
 */
export function sniffCompression(stream: Readable): Promise<SniffedStream> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let have = 0
    let ended = false
    const finish = (): void => {
      stream.off('readable', onReadable)
      stream.off('end', onEnd)
      stream.off('error', onError)
      const head = Buffer.concat(chunks)
      if (ended)
        return resolve({
          compression: detectCompression(head),
          stream: Readable.from(head.length > 0 ? [head] : [], { objectMode: false })
        })
      if (head.length > 0) stream.unshift(head)
      resolve({ compression: detectCompression(head), stream })
    }
    const onEnd = (): void => {
      ended = true
      finish()
    }
    const onReadable = (): void => {
      let chunk: Buffer | null
      while (have < MAGIC_LENGTH && (chunk = stream.read() as Buffer | null) !== null) {
        chunks.push(chunk)
        have += chunk.length
      }
      if (have >= MAGIC_LENGTH) finish()
    }
    const onError = (e: Error): void => {
      stream.off('readable', onReadable)
      stream.off('end', onEnd)
      reject(e)
    }
    stream.on('readable', onReadable)
    stream.on('end', onEnd)
    stream.on('error', onError)
  })
}
