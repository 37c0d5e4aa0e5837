import { imageEntries } from './attestation.js'
import { checkDescriptorDigests } from './digest.js'
import { ManifestError } from './errors.js'
import {
  annotationsField,
  cloneDescriptor,
  clonePlatform,
  encodeOciDescriptor,
  ociDescriptor,
  ociDescriptorSlice,
  omitEmpty,
  omitEmptyMap,
  optString,
  zeroDescriptor
} from './descriptors.js'
import { DockerManifestList } from './docker-list.js'
import { field, goInt, goMarshal, goPointer, goString, goStruct, parseJson, setOwn } from './go-json.js'
import { applyInstanceUpdates, findInstance, removeInstances } from './list-common.js'
import { MediaType, ZstdInstanceAnnotation, normalizeMimeType } from './media-types.js'
import { noMatchError, platformMatches, wantedPlatforms } from './platform.js'
import type { Descriptor, InstanceUpdate, ManifestList, WantedPlatformOptions } from './types.js'
import { validateUnambiguousFormat } from './unambiguous.js'

interface OciIndexDoc {
  schemaVersion: number
  mediaType: string
  artifactType: string | undefined
  manifests: Descriptor[] | undefined
  subject: Descriptor | undefined
  annotations: Record<string, string> | undefined
}

const ociIndexDoc = goStruct<OciIndexDoc>([
  field('schemaVersion', 'schemaVersion', goInt),
  field('mediaType', 'mediaType', goString),
  field('artifactType', 'artifactType', optString),
  field('manifests', 'manifests', ociDescriptorSlice),
  field('subject', 'subject', goPointer(ociDescriptor, zeroDescriptor)),
  field('annotations', 'annotations', annotationsField)
])

function isZstd(d: Descriptor): boolean {
  return d.annotations?.[ZstdInstanceAnnotation] === 'true'
}

/** The OCI image index (containers/image OCI1Index). */
export class OciIndex implements ManifestList {
  readonly mimeType = MediaType.OCIIndex

  private constructor(private readonly doc: OciIndexDoc) {}

  static parse(bytes: Uint8Array): OciIndex {
    const json = parseJson(bytes, 'OCI image index')
    // Upstream decodes onto these defaults, so a missing mediaType is written back as the index type.
    const doc = ociIndexDoc(
      {
        schemaVersion: 2,
        mediaType: MediaType.OCIIndex,
        artifactType: undefined,
        manifests: [],
        subject: undefined,
        annotations: {}
      },
      json,
      '',
      () => bytes
    )
    validateUnambiguousFormat(json, MediaType.OCIIndex, ['manifests'])
    checkDescriptorDigests(doc.manifests, 'manifests')
    checkDescriptorDigests(doc.subject, 'subject')
    return new OciIndex(doc)
  }

  /** A new index (containers/image OCI1IndexFromComponents). */
  static fromInstances(instances: Descriptor[], annotations?: Record<string, string>): OciIndex {
    return new OciIndex({
      schemaVersion: 2,
      mediaType: MediaType.OCIIndex,
      artifactType: undefined,
      manifests: instances.map(cloneDescriptor),
      subject: undefined,
      annotations: annotations ? { ...annotations } : undefined
    })
  }

  instances(): Descriptor[] {
    return (this.doc.manifests ?? []).map(cloneDescriptor)
  }

  instance(digest: string): Descriptor {
    return cloneDescriptor(findInstance(this.doc.manifests ?? [], digest, 'OCI1Index'))
  }

  annotations(): Record<string, string> | undefined {
    return this.doc.annotations && Object.keys(this.doc.annotations).length > 0
      ? { ...this.doc.annotations }
      : undefined
  }

  withUpdatedInstances(updates: InstanceUpdate[], options: { cannotModify?: boolean } = {}): OciIndex {
    const manifests = applyInstanceUpdates(
      this.doc.manifests ?? [],
      updates,
      'OCI1Index',
      (entry, algorithms) => {
        // containers/image addCompressionAnnotations; only used for prioritization, so skipped when we cannot modify.
        if (options.cannotModify || algorithms.length === 0) return
        const annotations: Record<string, string> = { ...(entry.annotations ?? {}) }
        if (algorithms.some(a => a === 'zstd' || a === 'zstd:chunked'))
          setOwn(annotations, ZstdInstanceAnnotation, 'true')
        entry.annotations = annotations
      }
    )
    return new OciIndex({ ...this.doc, manifests })
  }

  withoutInstances(digests: string[]): OciIndex {
    return new OciIndex({ ...this.doc, manifests: removeInstances(this.doc.manifests ?? [], digests) })
  }

  convertTo(listMimeType: string, runtime?: { os: string; architecture: string }): ManifestList {
    const normalized = normalizeMimeType(listMimeType)
    if (normalized === MediaType.OCIIndex) {
      return new OciIndex({
        ...this.doc,
        manifests: this.doc.manifests?.map(cloneDescriptor),
        subject: this.doc.subject ? cloneDescriptor(this.doc.subject) : undefined,
        annotations: this.doc.annotations ? { ...this.doc.annotations } : undefined
      })
    }
    if (normalized === MediaType.DockerV2List) {
      // Annotations, artifactType, data and subject have no Docker equivalent and are dropped, as upstream does.
      return DockerManifestList.fromInstances(
        (this.doc.manifests ?? []).map(m => {
          let platform = m.platform ? clonePlatform(m.platform) : undefined
          if (!platform) {
            if (!runtime) {
              throw new ManifestError(
                'invalid-platform',
                `index entry ${m.digest} has no platform; a Docker list needs one: pass the runtime platform`
              )
            }
            platform = { os: runtime.os, architecture: runtime.architecture }
          }
          const d: Descriptor = { mediaType: m.mediaType, size: m.size, digest: m.digest, platform }
          if (m.urls) d.urls = [...m.urls]
          return d
        })
      )
    }
    throw new ManifestError(
      'unsupported-conversion',
      `cannot convert an image index to MIME type ${JSON.stringify(listMimeType)}, which is not a list type`
    )
  }

  serialize(): Buffer {
    const d = this.doc
    return goMarshal({
      schemaVersion: d.schemaVersion,
      mediaType: omitEmpty(d.mediaType),
      artifactType: omitEmpty(d.artifactType),
      manifests: d.manifests === undefined ? null : d.manifests.map(encodeOciDescriptor),
      subject: d.subject ? encodeOciDescriptor(d.subject) : undefined,
      annotations: omitEmptyMap(d.annotations)
    })
  }

  /**
   * containers/image chooseInstance for OCI: the best-ranked wanted platform wins; entries without a
   * platform are a last resort; ties go to zstd instances (gzip ones with preferGzip), then to list order.
   * Attestation manifests (BuildKit's, unknown/unknown) are never picked (not in upstream).
   */
  chooseInstance(wanted: WantedPlatformOptions): string {
    const wantedList = wantedPlatforms(wanted)
    const images = imageEntries(this.doc.manifests ?? [])
    let best: { rank: number; zstd: boolean; position: number; digest: string } | undefined
    images.forEach((m, position) => {
      let rank = Number.MAX_SAFE_INTEGER
      if (m.platform) {
        const p = m.platform
        rank = wantedList.findIndex(w => platformMatches(p, w))
        if (rank < 0) return
      }
      const candidate = { rank, zstd: isZstd(m), position, digest: m.digest }
      if (!best || isPreferred(candidate, best, wanted.preferGzip === true)) best = candidate
    })
    if (best) return best.digest
    throw noMatchError(
      'image index',
      wanted,
      images.map(m => m.platform)
    )
  }
}

function isPreferred(
  a: { rank: number; zstd: boolean; position: number },
  b: { rank: number; zstd: boolean; position: number },
  preferGzip: boolean
): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank
  if (a.zstd !== b.zstd) return preferGzip ? !a.zstd : a.zstd
  return a.position < b.position
}
