import { ManifestError } from './errors.js'
import { ociDescriptorSlice } from './descriptors.js'
import { field, goAny, goInt, goString, goStruct, parseJson, type JsonValue } from './go-json.js'
import { MediaType } from './media-types.js'
import type { Descriptor } from './types.js'

interface Meta {
  mediaType: string
  schemaVersion: number
  signatures: JsonValue | undefined
}

const metaDecoder = goStruct<Meta>([
  field('mediaType', 'mediaType', goString),
  field('schemaVersion', 'schemaVersion', goInt),
  field('signatures', 'signatures', goAny)
])

const configMediaTypeDecoder = goStruct<{ config: { mediaType: string } }>([
  field('config', 'config', goStruct<{ mediaType: string }>([field('mediaType', 'mediaType', goString)]))
])

const manifestsDecoder = goStruct<{ manifests: Descriptor[] | undefined }>([
  field('manifests', 'manifests', ociDescriptorSlice)
])

/**
 * containers/image GuessMIMEType: the type a manifest declares or, failing that, what its shape says.
 * Returns '' where upstream does (unknown, or not decodable as a manifest).
 */
export function guessMimeTypeOrEmpty(bytes: Uint8Array): string {
  try {
    return guessFromJson(parseJson(bytes))
  } catch {
    return ''
  }
}

function guessFromJson(doc: JsonValue): string {
  const meta = metaDecoder(
    { mediaType: '', schemaVersion: 0, signatures: undefined },
    doc,
    '',
    () => new Uint8Array()
  )
  switch (meta.mediaType) {
    case MediaType.DockerV2Schema2:
    case MediaType.DockerV2List:
    case MediaType.OCIManifest:
    case MediaType.OCIIndex:
      return meta.mediaType
  }
  switch (meta.schemaVersion) {
    case 1:
      return meta.signatures !== undefined ? MediaType.DockerV2Schema1Signed : MediaType.DockerV2Schema1
    case 2: {
      const oci = configMediaTypeDecoder({ config: { mediaType: '' } }, doc, '', () => new Uint8Array())
      switch (oci.config.mediaType) {
        case MediaType.OCIConfig:
          return MediaType.OCIManifest
        case MediaType.DockerV2Schema2Config:
          return MediaType.DockerV2Schema2
      }
      const index = manifestsDecoder({ manifests: undefined }, doc, '', () => new Uint8Array())
      if (index.manifests !== undefined && index.manifests.length > 0) {
        // Upstream returns the config media type here when there is one (a known FIXME); we keep that.
        return oci.config.mediaType === '' ? MediaType.OCIIndex : oci.config.mediaType
      }
      // Most likely an OCI artifact with a custom config media type.
      return MediaType.OCIManifest
    }
  }
  return ''
}

/**
 * The MIME type of a manifest, as containers/image guesses it. Unlike upstream (which returns ""),
 * failures are errors: 'malformed-json', 'truncated', or 'unknown-media-type'.
 */
export function guessMimeType(bytes: Uint8Array): string {
  const doc = parseJson(bytes, 'manifest')
  let guessed: string
  try {
    guessed = guessFromJson(doc)
  } catch (e) {
    if (e instanceof ManifestError) {
      throw new ManifestError('unknown-media-type', `cannot tell the manifest's type: ${e.message}`, {
        cause: e
      })
    }
    throw e
  }
  if (guessed === '') {
    const declared =
      doc && typeof doc === 'object' && !Array.isArray(doc) ? describeDeclared(bytes) : 'not a JSON object'
    throw new ManifestError('unknown-media-type', `unrecognized manifest type (${declared})`)
  }
  return guessed
}

function describeDeclared(bytes: Uint8Array): string {
  const doc = parseJson(bytes)
  const meta = (() => {
    try {
      return metaDecoder({ mediaType: '', schemaVersion: 0, signatures: undefined }, doc, '', () => bytes)
    } catch {
      return undefined
    }
  })()
  if (!meta) return 'unreadable mediaType/schemaVersion'
  const parts: string[] = []
  parts.push(meta.mediaType ? `mediaType ${JSON.stringify(meta.mediaType)}` : 'no mediaType')
  parts.push(`schemaVersion ${meta.schemaVersion}`)
  return parts.join(', ')
}
