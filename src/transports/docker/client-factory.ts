// Builds the registry client of a docker reference from the transport context.
import type { DockerReference } from '../../reference/docker.js'
import { RegistryClient } from '../../registry/index.js'
import type { RegistryCredentials, TransportContext } from '../types.js'

function isEmpty(c: RegistryCredentials | undefined): boolean {
  return !c || !(c.username || c.password || c.registryToken || c.identityToken)
}

export async function registryClientFor(
  ref: DockerReference,
  ctx: TransportContext,
  access: 'pull' | 'push'
): Promise<RegistryClient> {
  const options = ctx.registry ?? {}
  let credentials = options.credentials
  if (isEmpty(credentials) && options.credentialLookup) {
    credentials = await options.credentialLookup(ref.registry, ref.repository)
  }
  return new RegistryClient({
    registry: ref.registry,
    apiHost: ref.apiHost,
    repository: ref.repository,
    access,
    credentials: isEmpty(credentials) ? undefined : credentials,
    tlsVerify: options.tlsVerify,
    tlsVerifyOff: options.tlsVerifyOff,
    certDir: options.certDir,
    retryTimes: options.retryTimes,
    userAgent: options.userAgent,
    onSecret: options.onSecret,
    proxy: options.proxy,
    signal: ctx.signal,
    blobInfoCache: ctx.blobInfoCache,
    ...(options.log ? { settings: { log: options.log } } : {})
  })
}
