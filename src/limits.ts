// Every bound on what a registry, an engine or an archive can make us read or wait for, in one place
// (README "Limits"). Sizes follow containers/image's internal/iolimits.

const MiB = 1024 * 1024

/** A manifest or a manifest list. */
export const MAX_MANIFEST_BYTES = 4 * MiB
/** An image config: read whole (converted, DiffIDs checked), so refused above this before reading. */
export const MAX_CONFIG_BYTES = 4 * MiB
export const MAX_SIGNATURE_BYTES = 4 * MiB
/** An error answer (of a registry, a token server or the Docker Engine). */
export const MAX_ERROR_BODY_BYTES = 1 * MiB
export const MAX_TOKEN_BODY_BYTES = 1 * MiB
/** Short Engine API answers (`/_ping`, `docker load` messages). */
export const MAX_ENGINE_ANSWER_BYTES = 1 * MiB

/** Docker Engine API: connecting, and waiting for the answer's headers (a stalled engine fails). */
export const ENGINE_CONNECT_TIMEOUT_MS = 30_000
export const ENGINE_HEADERS_TIMEOUT_MS = 120_000
/**
 * Silence allowed inside an Engine answer body. `docker save` may think a long time before its first
 * bytes and `docker load` answers only once the image is stored, so this is generous.
 */
export const ENGINE_BODY_IDLE_TIMEOUT_MS = 10 * 60_000

export interface ThroughputRule {
  /** Fewer bytes than this over `windowMs` fails the transfer (retried like a broken connection). */
  minBytes: number
  windowMs: number
}

/** The default: less than 10 KiB in 60 s. A slow but moving link passes; a trickle of bytes does not. */
export const DEFAULT_THROUGHPUT_RULE: ThroughputRule = { minBytes: 10 * 1024, windowMs: 60_000 }

/**
 * The rule for blob transfers: `IMAGE_COPY_MIN_THROUGHPUT=<bytes>/<seconds>` (e.g. `10240/60`;
 * `0` turns the rule off). Anything else is an error naming the variable.
 */
export function throughputRule(env: NodeJS.ProcessEnv = process.env): ThroughputRule | undefined {
  const value = env.IMAGE_COPY_MIN_THROUGHPUT?.trim()
  if (value === undefined || value === '') return DEFAULT_THROUGHPUT_RULE
  if (value === '0') return undefined
  const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(value)
  if (!m || Number(m[2]) <= 0) {
    throw new Error(
      `IMAGE_COPY_MIN_THROUGHPUT must be <bytes>/<seconds> (e.g. 10240/60) or 0, got ${JSON.stringify(value)}`
    )
  }
  return { minBytes: Number(m[1]), windowMs: Number(m[2]) * 1000 }
}

/** Thrown when a read goes past its cap. */
export class ReadLimitError extends Error {
  constructor(
    readonly what: string,
    readonly limit: number
  ) {
    super(`${what} is larger than the limit of ${formatLimit(limit)}`)
    this.name = 'ReadLimitError'
  }
}

export function formatLimit(bytes: number): string {
  return bytes >= MiB && bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`
}

/**
 * Reads a stream whole, up to `limit` bytes; past that the stream is destroyed and a ReadLimitError
 * names `what` (`the answer of the Docker Engine to /_ping`) and the limit.
 */
export async function readAtMost(
  stream: AsyncIterable<unknown> & { destroy(error?: Error): unknown },
  limit: number,
  what: string,
  tooLarge: () => Error = () => new ReadLimitError(what, limit)
): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    total += b.length
    if (total > limit) {
      stream.destroy()
      throw tooLarge()
    }
    chunks.push(b)
  }
  return Buffer.concat(chunks)
}
