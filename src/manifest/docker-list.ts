import { imageEntries } from './attestation.js'
import { checkDescriptorDigests } from './digest.js'
import { ManifestError } from './errors.js'
import {
  cloneDescriptor,
  clonePlatform,
  encodeSchema2ManifestDescriptor,
  schema2ManifestDescriptor,
  zeroSchema2ManifestDescriptor
} from './descriptors.js'
import { field, goInt, goMarshal, goSlice, goString, goStruct, parseJson } from './go-json.js'
import { MediaType, normalizeMimeType } from './media-types.js'
import { noMatchError, platformMatches, wantedPlatforms } from './platform.js'
import type { Descriptor, InstanceUpdate, ManifestList, WantedPlatformOptions } from './types.js'
import { validateUnambiguousFormat } from './unambiguous.js'
import { applyInstanceUpdates, findInstance, removeInstances } from './list-common.js'
import { OciIndex } from './oci-index.js'

interface DockerListDoc {
  schemaVersion: number
  mediaType: string
  manifests: Descriptor[] | undefined
}

const dockerListDoc = goStruct<DockerListDoc>([
  field('schemaVersion', 'schemaVersion', goInt),
  field('mediaType', 'mediaType', goString),
  field('manifests', 'manifests', goSlice(schema2ManifestDescriptor, zeroSchema2ManifestDescriptor))
])

/** Docker's manifest list (containers/image Schema2List). */
export class DockerManifestList implements ManifestList {
  readonly mimeType = MediaType.DockerV2List

  private constructor(private readonly doc: DockerListDoc) {}

  static parse(bytes: Uint8Array): DockerManifestList {
    const json = parseJson(bytes, 'docker manifest list')
    const doc = dockerListDoc({ schemaVersion: 0, mediaType: '', manifests: [] }, json, '', () => bytes)
    validateUnambiguousFormat(json, MediaType.DockerV2List, ['manifests'])
    checkDescriptorDigests(doc.manifests, 'manifests')
    return new DockerManifestList(doc)
  }

  /** A new list (containers/image Schema2ListFromComponents); Docker entries always carry a platform. */
  static fromInstances(instances: Descriptor[]): DockerManifestList {
    return new DockerManifestList({
      schemaVersion: 2,
      mediaType: MediaType.DockerV2List,
      manifests: instances.map(d => {
        const entry: Descriptor = { mediaType: d.mediaType, size: d.size, digest: d.digest }
        if (d.urls) entry.urls = [...d.urls]
        entry.platform = d.platform ? clonePlatform(d.platform) : { os: '', architecture: '' }
        return entry
      })
    })
  }

  instances(): Descriptor[] {
    return (this.doc.manifests ?? []).map(cloneDescriptor)
  }

  instance(digest: string): Descriptor {
    return cloneDescriptor(findInstance(this.doc.manifests ?? [], digest, 'Schema2List'))
  }

  withUpdatedInstances(updates: InstanceUpdate[]): DockerManifestList {
    const manifests = applyInstanceUpdates(this.doc.manifests ?? [], updates, 'Schema2List', () => undefined)
    return new DockerManifestList({ ...this.doc, manifests })
  }

  withoutInstances(digests: string[]): DockerManifestList {
    return new DockerManifestList({
      ...this.doc,
      manifests: removeInstances(this.doc.manifests ?? [], digests)
    })
  }

  convertTo(listMimeType: string): ManifestList {
    const normalized = normalizeMimeType(listMimeType)
    if (normalized === MediaType.DockerV2List)
      return DockerManifestList.fromInstances(this.doc.manifests ?? [])
    if (normalized === MediaType.OCIIndex) {
      // Docker-only `features` are dropped (ociPlatformFromSchema2PlatformSpec).
      return OciIndex.fromInstances(
        (this.doc.manifests ?? []).map(m => {
          const d: Descriptor = { mediaType: m.mediaType, size: m.size, digest: m.digest }
          if (m.urls) d.urls = [...m.urls]
          const p = clonePlatform(m.platform ?? { os: '', architecture: '' })
          delete p.features
          d.platform = p
          return d
        })
      )
    }
    throw new ManifestError(
      'unsupported-conversion',
      `cannot convert a manifest list to MIME type ${JSON.stringify(listMimeType)}, which is not a list type`
    )
  }

  serialize(): Buffer {
    const d = this.doc
    return goMarshal({
      schemaVersion: d.schemaVersion,
      mediaType: d.mediaType,
      manifests: d.manifests === undefined ? null : d.manifests.map(encodeSchema2ManifestDescriptor)
    })
  }

  chooseInstance(wanted: WantedPlatformOptions): string {
    const images = imageEntries(this.doc.manifests ?? [])
    for (const w of wantedPlatforms(wanted)) {
      const found = images.find(m => platformMatches(m.platform ?? { os: '', architecture: '' }, w))
      if (found) return found.digest
    }
    throw noMatchError(
      'manifest list',
      wanted,
      images.map(m => m.platform)
    )
  }
}
