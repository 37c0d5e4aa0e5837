import { credentialLookup } from '../auth/index.js'
import type { CopyOptions } from '../copy/options.js'
import type { CopyEvent } from '../copy/events.js'
import { parseImageReference } from '../transports/index.js'
import type { RegistryOptions, TransportContext } from '../transports/types.js'
import { settingText, type CopyRequest, type OptionReader, type RegistrySide } from './request.js'

export interface EntryHooks {
  onEvent?: (e: CopyEvent) => void
  onSecret?: (s: string) => void
  onWarning?: (message: string) => void
  /** Where a registry's credentials came from (never the secret itself), for the log. */
  onCredentials?: (host: string, repository: string, from: string) => void
}

function registryOptions(
  side: RegistrySide,
  tlsVerifyOff: string,
  request: CopyRequest,
  env: NodeJS.ProcessEnv,
  hooks: EntryHooks
): RegistryOptions {
  const credentials =
    side.username !== undefined || side.registryToken !== undefined
      ? { username: side.username, password: side.password, registryToken: side.registryToken }
      : undefined
  return {
    credentials,
    credentialLookup: credentialLookup(
      {
        explicit: credentials,
        authFile: request.authFile,
        env,
        githubToken: request.githubToken,
        onSecret: hooks.onSecret,
        onWarning: hooks.onWarning
      },
      hooks.onCredentials
    ),
    tlsVerify: side.tlsVerify,
    tlsVerifyOff,
    certDir: side.certDir,
    retryTimes: request.retryTimes,
    onSecret: hooks.onSecret
  }
}

export function toCopyOptions(
  request: CopyRequest,
  reader: OptionReader,
  hooks: EntryHooks = {},
  env: NodeJS.ProcessEnv = process.env
): CopyOptions {
  const sourceContext: TransportContext = {
    registry: registryOptions(
      request.src,
      settingText(reader, 'src-tls-verify', 'false'),
      request,
      env,
      hooks
    ),
    sharedBlobDir: request.src.sharedBlobDir
  }
  const destinationContext: TransportContext = {
    registry: registryOptions(
      request.dest,
      settingText(reader, 'dest-tls-verify', 'false'),
      request,
      env,
      hooks
    ),
    sharedBlobDir: request.dest.sharedBlobDir
  }
  return {
    source: parseImageReference(request.source, reader.label('src')),
    destinations: request.destinations.map(d => parseImageReference(d, reader.label('dest'))),
    selection: request.selection,
    sparseList: request.sparseList,
    forceMimeType: request.forceMimeType,
    preserveDigests: request.preserveDigests,
    removeSignatures: request.removeSignatures,
    parallel: request.parallel,
    sourceContext,
    destinationContext,
    onEvent: hooks.onEvent
  }
}
