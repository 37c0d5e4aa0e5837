// Looking at the first bytes of a stream (to recognize compression) before deciding where it goes.
import { Readable } from 'node:stream'

export interface PeekedStream {
  /** Up to the requested number of leading bytes (fewer when the stream is shorter). */
  head: Buffer
  /** Everything, the leading bytes included; fails as the original stream fails. */
  stream: Readable
}

/** Reads up to `length` leading bytes of `stream`; rejects when the stream fails first. */
export function peekHead(stream: Readable, length: number): Promise<PeekedStream> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let have = 0
    let ended = false
    const cleanup = (): void => {
      stream.off('readable', onReadable)
      stream.off('end', onEnd)
      stream.off('error', onError)
    }
    const finish = (): void => {
      cleanup()
      const consumed = Buffer.concat(chunks)
      async function* everything(): AsyncGenerator<Buffer> {
        if (consumed.length > 0) yield consumed
        if (!ended) for await (const chunk of stream) yield chunk as Buffer
      }
      resolve({
        head: consumed.subarray(0, length),
        stream: Readable.from(everything(), { objectMode: false })
      })
    }
    const onReadable = (): void => {
      let chunk: Buffer | null
      while (have < length && (chunk = stream.read() as Buffer | null) !== null) {
        chunks.push(chunk)
        have += chunk.length
      }
      if (have >= length) finish()
    }
    const onEnd = (): void => {
      ended = true
      finish()
    }
    const onError = (e: Error): void => {
      cleanup()
      reject(e)
    }
    stream.on('readable', onReadable)
    stream.on('end', onEnd)
    stream.on('error', onError)
  })
}
