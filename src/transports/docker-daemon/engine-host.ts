// Where the Docker Engine API is: DOCKER_HOST (default unix:///var/run/docker.sock), with TLS as the
// docker CLI and moby's client.FromEnv set it up: DOCKER_CERT_PATH holds ca.pem, cert.pem and key.pem
// (default ~/.docker when only DOCKER_TLS_VERIFY is set); a non-empty DOCKER_TLS_VERIFY verifies the
// server's certificate. tcp:// means https with TLS settings, plain http without.
import os from 'node:os'
import path from 'node:path'
import { UsageError } from '../../errors.js'

export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock'

export interface EngineTls {
  /** The directory of ca.pem, cert.pem and key.pem. */
  certPath: string
  /** Verify the server certificate (DOCKER_TLS_VERIFY). */
  verify: boolean
}

export interface EngineHost {
  /** DOCKER_HOST as given (or the default), for messages. */
  host: string
  /** The origin requests are made to (`http://localhost` through a unix socket). */
  origin: string
  socketPath?: string
  tls?: EngineTls
  /** The default local socket: upstream's MustMatchRuntimeOS applies only there. */
  isDefaultLocal: boolean
}

export function engineHostFromEnv(env: NodeJS.ProcessEnv = process.env): EngineHost {
  const host = env.DOCKER_HOST?.trim() || DEFAULT_DOCKER_HOST
  const certPathEnv = env.DOCKER_CERT_PATH?.trim() ?? ''
  const verify = (env.DOCKER_TLS_VERIFY ?? '') !== ''
  const tls: EngineTls | undefined =
    certPathEnv !== '' || verify
      ? { certPath: certPathEnv || path.join(env.HOME || os.homedir(), '.docker'), verify }
      : undefined
  const scheme = /^([a-z0-9+.-]+):\/\//i.exec(host)?.[1]?.toLowerCase()
  const bad = (reason: string): never => {
    throw new UsageError(
      `DOCKER_HOST ${JSON.stringify(host)}: ${reason}`,
      'use unix:///path/to/docker.sock or tcp://HOST:PORT'
    )
  }
  switch (scheme) {
    case 'unix': {
      const socketPath = host.slice('unix://'.length)
      if (socketPath === '') bad('the socket path is empty')
      return { host, origin: 'http://localhost', socketPath, isDefaultLocal: host === DEFAULT_DOCKER_HOST }
    }
    case 'tcp':
    case 'http':
    case 'https': {
      const secure = scheme === 'https' || (scheme === 'tcp' && tls !== undefined)
      let url: URL
      try {
        url = new URL(`${secure ? 'https' : 'http'}://${host.slice(scheme.length + 3)}`)
      } catch {
        return bad('not a valid address')
      }
      if (url.port === '' && scheme === 'tcp') url.port = secure ? '2376' : '2375'
      const base = url.pathname.replace(/\/+$/, '')
      return {
        host,
        origin: `${url.protocol}//${url.host}${base}`,
        tls: secure ? (tls ?? { certPath: '', verify: true }) : undefined,
        isDefaultLocal: false
      }
    }
    case undefined:
      return bad('it has no scheme')
    default:
      return bad(`the ${scheme}:// scheme is not supported`)
  }
}
