import { credentialLookup } from '../auth/index.js'
import type { BlobInfoCache } from '../cache/blob-info-cache.js'
import { proxyEnvironment } from '../registry/proxy-env.js'
import type { CopyOptions } from '../copy/options.js'
import type { CopyEvent } from '../copy/events.js'
import { parseImageReference } from '../transports/index.js'
import type { RegistryOptions, TransportContext } from '../transports/types.js'
import { settingText, type CopyRequest, type OptionReader } from './request.js'

export interface EntryHooks {
  onEvent?: (e: CopyEvent) => void
  onSecret?: (s: string) => void
  onWarning?: (message: string) => void
  /** Where a registry's credentials came from (never the secret itself), for the log. */
  onCredentials?: (host: string, repository: string, from: string) => void
  /** Registry client log lines: one per retry (info), details (debug). */
  onLog?: (level: 'debug' | 'info' | 'warning', message: string) => void
}

function registryOptions(
  prefix: 'src' | 'dest',
  request: CopyRequest,
  reader: OptionReader,
  env: NodeJS.ProcessEnv,
  hooks: EntryHooks
): RegistryOptions {
  const side = request[prefix]
  const explicit =
    side.username !== undefined || side.registryToken !== undefined
      ? { username: side.username, password: side.password, registryToken: side.registryToken }
      : undefined
  return {
    // Explicit credentials go through the lookup too, so the log says where they came from.
    credentialLookup: credentialLookup(
      {
        explicit,
        explicitFrom: reader.label(
          side.username !== undefined ? `${prefix}-username` : `${prefix}-registry-token`
        ),
        authFile: request.authFile,
        env,
        githubToken: request.githubToken,
        onSecret: hooks.onSecret,
        onWarning: hooks.onWarning
      },
      hooks.onCredentials
    ),
    tlsVerify: side.tlsVerify,
    tlsVerifyOff: settingText(reader, `${prefix}-tls-verify`, 'false'),
    certDir: side.certDir,
    retryTimes: request.retryTimes,
    onSecret: hooks.onSecret,
    proxy: proxyEnvironment(env),
    log: hooks.onLog
  }
}

/** The source's transport context alone (listing a repository's tags before any copy). */
export function sourceContextOf(
  request: CopyRequest,
  reader: OptionReader,
  hooks: EntryHooks = {},
  env: NodeJS.ProcessEnv = process.env
): TransportContext {
  return {
    registry: registryOptions('src', request, reader, env, hooks),
    sharedBlobDir: request.src.sharedBlobDir
  }
}

export function toCopyOptions(
  request: CopyRequest,
  reader: OptionReader,
  hooks: EntryHooks = {},
  env: NodeJS.ProcessEnv = process.env
): CopyOptions {
  const sourceContext = sourceContextOf(request, reader, hooks, env)
  const destinationContext: TransportContext = {
    registry: registryOptions('dest', request, reader, env, hooks),
    sharedBlobDir: request.dest.sharedBlobDir,
    dirForceCompress: request.layers.dirCompress,
    dirForceDecompress: request.layers.dirDecompress,
    ociAcceptUncompressedLayers: request.layers.ociAcceptUncompressed
  }
  return {
    source: parseImageReference(request.source, reader.label('src')),
    destinations: request.destinations.map(d => parseImageReference(d, reader.label('dest'))),
    selection: request.selection,
    sparseList: request.sparseList,
    forceMimeType: request.forceMimeType,
    preserveDigests: request.preserveDigests,
    removeSignatures: request.removeSignatures,
    skipUnchanged: request.skipUnchanged,
    parallel: request.parallel,
    compressFormat: request.layers.compressFormat,
    compressLevel: request.layers.compressLevel,
    sourceContext,
    destinationContext,
    referrers: request.referrers,
    onEvent: hooks.onEvent
  }
}

/** Gives the engine and every transport context of `options` one blob-info cache (none: unchanged). */
export function useBlobInfoCache(options: CopyOptions, cache: BlobInfoCache | undefined): void {
  if (!cache) return
  options.blobInfoCache = cache
  options.sourceContext = { ...options.sourceContext, blobInfoCache: cache }
  const dest = options.destinationContext
  options.destinationContext =
    typeof dest === 'function'
      ? (ref): TransportContext => ({ ...dest(ref), blobInfoCache: cache })
      : { ...dest, blobInfoCache: cache }
}
