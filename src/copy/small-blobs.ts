// Blobs small enough to hold in memory: image configs read whole (verified, capped), and bytes in
// memory (a config, or one a conversion produced) written to a destination. The same stages as
// blob-pipeline.ts, without the tee: try-reuse, verify, put.
import { Readable } from 'node:stream'
import type { BlobInfo, ImageDestination, ImageReference } from '../transports/types.js'
import type { BlobCache } from './blob-cache.js'
import { describeSource, type PipelineEnvironment } from './blob-pipeline.js'
import type { BlobOutcome } from './events.js'
import { BlobVerificationError, VerifyingStream } from './verify.js'
import { ImageCopyError } from '../errors.js'
import { formatLimit, MAX_CONFIG_BYTES, readAtMost, ReadLimitError } from '../limits.js'

/** Reads an image config whole (verified, at most MAX_CONFIG_BYTES: a larger one is refused unread). */
export async function readSmallBlob(env: PipelineEnvironment, info: BlobInfo): Promise<Buffer> {
  if (info.size > MAX_CONFIG_BYTES) {
    throw new ImageCopyError(
      `the config ${describeSource(env, info)} is ${info.size} bytes, larger than the limit of ${formatLimit(MAX_CONFIG_BYTES)} for image configs`
    )
  }
  const attempts: Array<'cache' | 'source'> = env.cache ? ['cache', 'source'] : ['source']
  for (const from of attempts) {
    const input =
      from === 'cache' ? await env.cache!.get(info.digest) : (await env.source.getBlob(info)).stream
    if (!input) continue
    const verifier = new VerifyingStream(info.digest, info.size)
    let bytes: Buffer
    try {
      input.on('error', e => verifier.destroy(e))
      bytes = await readAtMost(
        input.pipe(verifier),
        MAX_CONFIG_BYTES,
        `the config ${describeSource(env, info)}`
      )
    } catch (e) {
      if (from === 'cache') {
        await env.cache!.discard(info.digest)
        continue
      }
      if (e instanceof BlobVerificationError || e instanceof ReadLimitError) throw e
      throw new Error(`reading ${describeSource(env, info)}: ${(e as Error).message}`, { cause: e })
    }
    env.onRead(from, bytes.length)
    if (from === 'source' && env.cache) await fillCache(env.cache, info.digest, bytes)
    return bytes
  }
  throw new Error(`internal error: could not read ${describeSource(env, info)}`)
}

async function fillCache(cache: BlobCache, digest: string, bytes: Buffer): Promise<void> {
  try {
    const writer = await cache.begin(digest)
    await new Promise<void>((resolve, reject) => {
      writer.stream.once('error', reject)
      writer.stream.end(bytes, () => resolve())
    })
    await writer.commit()
  } catch {
    // the cache is an optimisation; failing to fill it never fails a copy
  }
}

/** Writes bytes held in memory (a config, possibly one a conversion produced) to a destination; reads them only when it lacks them. */
export async function putBufferBlob(
  destination: ImageDestination,
  sourceRef: ImageReference,
  info: BlobInfo,
  bytes: () => Promise<Buffer>,
  isConfig: boolean
): Promise<BlobOutcome> {
  const reuse = await destination.tryReusingBlob(info, { source: sourceRef })
  if (reuse.reused) return reuse.how
  const verifier = new VerifyingStream(info.digest, info.size)
  Readable.from([await bytes()]).pipe(verifier)
  await destination.putBlob(verifier, info, { isConfig })
  return 'pushed'
}
