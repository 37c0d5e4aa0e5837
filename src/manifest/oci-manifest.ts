import { assertSameLayerCount } from './layer-media-types.js'
import {
  annotationsField,
  cloneDescriptor,
  encodeOciDescriptor,
  ociDescriptor,
  ociDescriptorSlice,
  omitEmpty,
  omitEmptyMap,
  optString,
  zeroDescriptor
} from './descriptors.js'
import { field, goInt, goMarshal, goPointer, goString, goStruct, parseJson } from './go-json.js'
import { ociLayerVariants, updatedLayerMediaType } from './layer-media-types.js'
import { MediaType } from './media-types.js'
import type { Descriptor, ImageManifest, LayerInfo, LayerUpdate } from './types.js'
import { checkDescriptorDigests } from './digest.js'
import { validateUnambiguousFormat } from './unambiguous.js'

interface OciManifestDoc {
  schemaVersion: number
  mediaType: string
  artifactType: string | undefined
  config: Descriptor
  layers: Descriptor[] | undefined
  subject: Descriptor | undefined
  annotations: Record<string, string> | undefined
}

const ociManifestDoc = goStruct<OciManifestDoc>([
  field('schemaVersion', 'schemaVersion', goInt),
  field('mediaType', 'mediaType', goString),
  field('artifactType', 'artifactType', optString),
  field('config', 'config', ociDescriptor),
  field('layers', 'layers', ociDescriptorSlice),
  field('subject', 'subject', goPointer(ociDescriptor, zeroDescriptor)),
  field('annotations', 'annotations', annotationsField)
])

/** What containers/image reports for a blob of an OCI manifest (BlobInfoFromOCI1Descriptor). */
function blobInfo(d: Descriptor): Descriptor {
  const out: Descriptor = { mediaType: d.mediaType, digest: d.digest, size: d.size }
  if (d.urls) out.urls = d.urls
  if (d.annotations) out.annotations = d.annotations
  return cloneDescriptor(out)
}

export class OciManifest implements ImageManifest {
  readonly mimeType = MediaType.OCIManifest

  private constructor(private readonly doc: OciManifestDoc) {}

  static parse(bytes: Uint8Array): OciManifest {
    const json = parseJson(bytes, 'OCI manifest')
    const doc = ociManifestDoc(
      {
        schemaVersion: 0,
        mediaType: '',
        artifactType: undefined,
        config: zeroDescriptor(),
        layers: undefined,
        subject: undefined,
        annotations: undefined
      },
      json,
      '',
      () => bytes
    )
    validateUnambiguousFormat(json, MediaType.OCIManifest, ['config', 'layers'])
    checkDescriptorDigests(doc.config, 'config')
    checkDescriptorDigests(doc.layers, 'layers')
    checkDescriptorDigests(doc.subject, 'subject')
    return new OciManifest(doc)
  }

  static fromComponents(config: Descriptor, layers: Descriptor[]): OciManifest {
    return new OciManifest({
      schemaVersion: 2,
      mediaType: MediaType.OCIManifest,
      artifactType: undefined,
      config: cloneDescriptor(config),
      layers: layers.map(cloneDescriptor),
      subject: undefined,
      annotations: undefined
    })
  }

  configDescriptor(): Descriptor {
    return blobInfo(this.doc.config)
  }

  layerInfos(): LayerInfo[] {
    return (this.doc.layers ?? []).map(l => ({ ...blobInfo(l), emptyLayer: false }))
  }

  /** The manifest's artifactType, or else its config's media type when that is not an image config. */
  artifactType(): string | undefined {
    return this.doc.artifactType || undefined
  }

  annotations(): Record<string, string> | undefined {
    return this.doc.annotations ? { ...this.doc.annotations } : undefined
  }

  subject(): Descriptor | undefined {
    return this.doc.subject ? cloneDescriptor(this.doc.subject) : undefined
  }

  isImage(): boolean {
    return this.doc.config.mediaType === MediaType.OCIConfig
  }

  /** The error containers/image gives for image-only operations on an artifact (NonImageArtifactError). */
  nonImageReason(): string {
    const type = this.doc.artifactType || this.doc.config.mediaType
    if (type === MediaType.DockerV2Schema2Config) {
      return `invalid mixed OCI image with Docker v2s2 config (${JSON.stringify(type)})`
    }
    return `unsupported image-specific operation on artifact with type ${JSON.stringify(type)}`
  }

  serialize(): Buffer {
    const d = this.doc
    return goMarshal({
      schemaVersion: d.schemaVersion,
      mediaType: omitEmpty(d.mediaType),
      artifactType: omitEmpty(d.artifactType),
      config: encodeOciDescriptor(d.config),
      layers: d.layers === undefined ? null : d.layers.map(encodeOciDescriptor),
      subject: d.subject ? encodeOciDescriptor(d.subject) : undefined,
      annotations: omitEmptyMap(d.annotations)
    })
  }

  updateLayerInfos(infos: LayerUpdate[]): OciManifest {
    const original = this.doc.layers ?? []
    assertSameLayerCount(original.length, infos.length)
    const layers = infos.map((info, i) => {
      let mediaType = original[i].mediaType
      if (info.compression) mediaType = updatedLayerMediaType(ociLayerVariants, mediaType, info.compression)
      else if (info.mediaType !== undefined) mediaType = info.mediaType
      // Like upstream, the entry is rebuilt: other fields of the original (data, platform…) are not kept.
      const layer: Descriptor = { mediaType, digest: info.digest, size: info.size }
      if (info.urls) layer.urls = [...info.urls]
      if (info.annotations) layer.annotations = { ...info.annotations }
      return layer
    })
    return new OciManifest({ ...this.doc, layers })
  }
}
