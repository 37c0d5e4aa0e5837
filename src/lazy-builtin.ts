// Node builtins that only some runs need (TLS, zlib, crypto, and V8's flags and vm for the collection
// pacing) load on first use, so a run pays only for what it does: a re-run that finds a plain-http
// destination up to date loads none of them (node:tls alone costs ~20 ms of CPU, node:crypto ~9 ms).
import type * as Crypto from 'node:crypto'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** A builtin that is required the first time it is called for. */
export interface LazyBuiltin<T> {
  (): T
  /** Whether this loader has loaded it already, so that using it costs nothing more. */
  readonly loaded: () => boolean
}

/** A loader for builtin `name` (e.g. `node:tls`) that requires it the first time it is called. */
export function lazyBuiltin<T>(name: string): LazyBuiltin<T> {
  let loadedModule: T | undefined
  const load = (): T => (loadedModule ??= require(name) as T)
  return Object.assign(load, { loaded: () => loadedModule !== undefined })
}

/** node:crypto: until it is loaded here, the small manifests a run hashes go through src/manifest/sha256.ts. */
export const nodeCrypto = lazyBuiltin<typeof Crypto>('node:crypto')
