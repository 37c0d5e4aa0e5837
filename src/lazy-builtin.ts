// Node builtins that only some runs need (TLS, zlib, and V8's flags and vm for the collection pacing)
// load on first use, so a run pays only for what it does: a re-run that finds a plain-http
// destination up to date loads none of them (node:tls alone costs ~20 ms of CPU).
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** A loader for builtin `name` (e.g. `node:tls`) that requires it the first time it is called. */
export function lazyBuiltin<T>(name: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= require(name) as T)
}
