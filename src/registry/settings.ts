// Process-wide registry settings that are not per reference: where secrets are reported (the Action
// wires core.setSecret here), retry timing, upload tuning and logging. Per-client options override them.

export type LogLevel = 'debug' | 'info' | 'warning'
export type RegistryLogger = (level: LogLevel, message: string) => void

export interface RegistrySettings {
  /**
   * Called once with every secret value any client handles (passwords, base64 user:pass, tokens), in
   * addition to a per-client `onSecret` (the transport passes `RegistryOptions.onSecret`).
   */
  onSecret?: (value: string) => void
  log?: RegistryLogger
  /** First retry backoff in ms (doubles per retry). Default 200. */
  retryBaseDelayMs: number
  /** Backoff cap in ms. Default 10 000. */
  retryMaxDelayMs: number
  /** Cap on a server's Retry-After in ms. Default 60 000. */
  retryAfterMaxMs: number
  /** Upload blobs in PATCH chunks of this many bytes; 0 = one streaming PATCH (default). */
  uploadChunkSize: number
  /** Blobs of known size below this are uploaded with one PUT (default 1 MiB). */
  monolithicUploadMaxSize: number
  /** Connections per registry host (default 16; keep ≥ the copy's parallelism). */
  connectionsPerHost: number
}

const defaults: RegistrySettings = {
  retryBaseDelayMs: 200,
  retryMaxDelayMs: 10_000,
  retryAfterMaxMs: 60_000,
  uploadChunkSize: 0,
  monolithicUploadMaxSize: 1 << 20,
  connectionsPerHost: 16
}

let current: RegistrySettings = { ...defaults }

export function registrySettings(): RegistrySettings {
  return current
}

/** Changes settings for clients created afterwards; returns the previous settings (to restore in tests). */
export function configureRegistry(changes: Partial<RegistrySettings>): RegistrySettings {
  const previous = current
  current = { ...current, ...changes }
  return previous
}

export function resetRegistrySettings(): void {
  current = { ...defaults }
}
