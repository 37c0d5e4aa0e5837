import { DockerManifestList } from './docker-list.js'
import { DockerSchema1Manifest } from './docker-schema1.js'
import { DockerSchema2Manifest } from './docker-schema2.js'
import { ManifestError } from './errors.js'
import { isListMimeType, MediaType, normalizeMimeType } from './media-types.js'
import { OciIndex } from './oci-index.js'
import { OciManifest } from './oci-manifest.js'
import type { ImageManifest, ManifestList } from './types.js'

/** Parses a single-image manifest of a (normalized) MIME type, validating it as containers/image does. */
export function parseImageManifest(bytes: Uint8Array, mimeType: string): ImageManifest {
  const normalized = normalizeMimeType(mimeType)
  switch (normalized) {
    case MediaType.DockerV2Schema1:
    case MediaType.DockerV2Schema1Signed:
      return DockerSchema1Manifest.parse(bytes, normalized)
    case MediaType.DockerV2Schema2:
      return DockerSchema2Manifest.parse(bytes)
    case MediaType.OCIManifest:
      return OciManifest.parse(bytes)
    default:
      throw new ManifestError(
        'invalid-field',
        `${normalized} is a manifest list type; treating manifest lists as individual manifests is not supported`
      )
  }
}

/** Parses a manifest list (Docker list or OCI index). */
export function parseList(bytes: Uint8Array, mimeType: string): ManifestList {
  const normalized = normalizeMimeType(mimeType)
  switch (normalized) {
    case MediaType.DockerV2List:
      return DockerManifestList.parse(bytes)
    case MediaType.OCIIndex:
      return OciIndex.parse(bytes)
    default:
      throw new ManifestError(
        'invalid-field',
        `${JSON.stringify(mimeType)} is not a manifest list type; treating single images as manifest lists is not supported`
      )
  }
}

/** Refuses a list with an entry that is itself a list: a valid OCI nested index, but not something we copy. */
export function assertNoNestedLists(list: ManifestList): void {
  for (const instance of list.instances()) {
    if (isListMimeType(instance.mediaType)) {
      throw new ManifestError(
        'nested-list',
        `manifest list entry ${instance.digest} is itself a list (${instance.mediaType}); nested lists are not supported`
      )
    }
  }
}
