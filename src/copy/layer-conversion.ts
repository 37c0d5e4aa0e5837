// What happens to a layer's bytes on the way to one destination (containers/image
// copy/compression.go blobPipelineCompressionStep): compressed when the destination wants compressed
// layers and the bytes are not; recompressed when another algorithm was asked for; decompressed when
// the destination wants that; otherwise kept as they are.
import type { Hash } from 'node:crypto'
import { nodeCrypto } from '../lazy-builtin.js'
import { Transform, type TransformCallback } from 'node:stream'
import { STAGE_BUFFER_BYTES } from '../memory.js'
import {
  compressor,
  decompressor,
  type Compression,
  type CompressionAlgorithm
} from '../compression/streams.js'
import type { LayerCompressionPolicy } from '../transports/types.js'

/** The compression asked for (`dest-compress-format`, `dest-compress-level`); gzip when not. */
export interface CompressionRequest {
  algorithm: CompressionAlgorithm
  level?: number
  /** Given by the user: layers compressed otherwise are recompressed (containers/image does so only then). */
  explicit: boolean
}

export type LayerConversion =
  | { kind: 'preserve' }
  | { kind: 'compress'; algorithm: CompressionAlgorithm; level?: number }
  | {
      kind: 'recompress'
      from: Exclude<Compression, 'none'>
      algorithm: CompressionAlgorithm
      level?: number
    }
  | { kind: 'decompress'; from: Exclude<Compression, 'none'> }

export function chooseConversion(
  policy: LayerCompressionPolicy,
  canModify: boolean,
  request: CompressionRequest,
  detected: Compression
): LayerConversion {
  if (!canModify) return { kind: 'preserve' }
  const { algorithm, level } = request
  if (detected === 'none')
    return policy === 'compress' ? { kind: 'compress', algorithm, level } : { kind: 'preserve' }
  if (policy === 'compress' && request.explicit && detected !== algorithm)
    return { kind: 'recompress', from: detected, algorithm, level }
  if (policy === 'decompress') return { kind: 'decompress', from: detected }
  return { kind: 'preserve' }
}

/** Targets with equal keys share one conversion of the bytes. */
export function conversionKey(c: LayerConversion): string {
  switch (c.kind) {
    case 'preserve':
      return 'preserve'
    case 'decompress':
      return 'decompress'
    default:
      return `${c.kind} ${c.algorithm} ${c.level ?? ''}`
  }
}

/** How the stored bytes are compressed after `c`, given what the source's were. */
export function compressionAfter(c: LayerConversion, detected: Compression): Compression {
  if (c.kind === 'preserve') return detected
  return c.kind === 'decompress' ? 'none' : c.algorithm
}

export function describeConversion(c: LayerConversion): string {
  switch (c.kind) {
    case 'preserve':
      return 'as is'
    case 'compress':
      return `compressed (${c.algorithm})`
    case 'recompress':
      return `recompressed (${c.from} to ${c.algorithm})`
    case 'decompress':
      return `decompressed (${c.from})`
  }
}

/**
 * The streams that carry out `c`, in order, and a tap on the uncompressed bytes between them (when
 * there are uncompressed bytes in between to hash: recompress and decompress).
 */
export function conversionStreams(
  c: Exclude<LayerConversion, { kind: 'preserve' }>,
  what: string
): { streams: Transform[]; uncompressed?: DigestTap } {
  if (c.kind === 'compress') return { streams: [compressor(c.algorithm, c.level)] }
  const tap = new DigestTap()
  const streams: Transform[] = [decompressor(c.from, what), tap]
  if (c.kind === 'recompress') streams.push(compressor(c.algorithm, c.level))
  return { streams, uncompressed: tap }
}

/** Passes bytes through and hashes them: the digest of what went by, once it ended. */
export class DigestTap extends Transform {
  private readonly hash: Hash = nodeCrypto().createHash('sha256')
  digest?: string

  constructor() {
    super({ highWaterMark: STAGE_BUFFER_BYTES })
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk)
    callback(null, chunk)
  }

  override _flush(callback: TransformCallback): void {
    this.digest = `sha256:${this.hash.digest('hex')}`
    callback()
  }
}
