import type { CopyOptions } from '../copy/options.js'
import type { CopyEvent } from '../copy/events.js'
import { parseImageReference } from '../transports/index.js'
import type { RegistryOptions, TransportContext } from '../transports/types.js'
import type { CopyRequest, OptionReader, RegistrySide } from './request.js'

function registryOptions(
  side: RegistrySide,
  retryTimes: number,
  onSecret?: (s: string) => void
): RegistryOptions {
  const credentials =
    side.username !== undefined || side.registryToken !== undefined
      ? { username: side.username, password: side.password, registryToken: side.registryToken }
      : undefined
  return { credentials, tlsVerify: side.tlsVerify, certDir: side.certDir, retryTimes, onSecret }
}

export function toCopyOptions(
  request: CopyRequest,
  reader: OptionReader,
  hooks: { onEvent?: (e: CopyEvent) => void; onSecret?: (s: string) => void } = {}
): CopyOptions {
  const sourceContext: TransportContext = {
    registry: registryOptions(request.src, request.retryTimes, hooks.onSecret)
  }
  const destinationContext: TransportContext = {
    registry: registryOptions(request.dest, request.retryTimes, hooks.onSecret)
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
