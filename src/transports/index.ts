// Parses `transport:reference` strings into ImageReferences. A string with no known transport
// prefix is a registry reference (so `localhost:5000/app` is docker://localhost:5000/app), unless it
// is surely something else (bare-reference.ts).
import { UsageError } from '../errors.js'
import { refuseNonRegistryReference } from './bare-reference.js'
import { parseContainersStorageReference } from './containers-storage/reference.js'
import { parseDirReference } from './dir/reference.js'
import { parseDockerArchiveReference } from './docker-archive/reference.js'
import { parseDockerDaemonReference } from './docker-daemon/reference.js'
import { parseDockerImageReference } from './docker/reference.js'
import { parseOciArchiveReference } from './oci-archive/reference.js'
import { parseOciReference } from './oci/reference.js'
import { parseOstreeReference } from './ostree/reference.js'
import type { ImageReference } from './types.js'

type Parser = (reference: string) => ImageReference

const parsers: Record<string, Parser> = {
  docker: (r: string) => {
    if (!r.startsWith('//'))
      throw new UsageError(
        `docker references are written docker://host/repository[:tag|@digest], got "docker:${r}"` +
          // `docker:27-dind` is also the Docker Hub image named docker.
          (/^\w[\w.-]*$/.test(r) ? ` (for the Docker Hub image "docker" write docker://docker:${r})` : '')
      )
    return parseDockerImageReference(r.slice(2))
  },
  oci: parseOciReference,
  'oci-archive': parseOciArchiveReference,
  dir: parseDirReference,
  'docker-archive': parseDockerArchiveReference,
  'docker-daemon': parseDockerDaemonReference,
  'containers-storage': parseContainersStorageReference,
  ostree: parseOstreeReference
}

export function parseImageReference(text: string, what = 'image reference'): ImageReference {
  const value = text.trim()
  if (value === '')
    throw new UsageError(
      `${what} is empty: give transport:reference, e.g. docker://ghcr.io/acme/app:1.0 or oci:./layout:1.0`
    )
  const colon = value.indexOf(':')
  const prefix = colon > 0 ? value.slice(0, colon) : ''
  const parser = parsers[prefix]
  if (!parser) refuseNonRegistryReference(value, what, Object.keys(parsers))
  try {
    return parser ? parser(value.slice(colon + 1)) : parseDockerImageReference(value)
  } catch (e) {
    if (e instanceof UsageError) throw e
    throw new UsageError(`${what} "${value}": ${(e as Error).message}`)
  }
}
