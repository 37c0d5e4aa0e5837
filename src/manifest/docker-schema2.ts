import { assertSameLayerCount } from './layer-media-types.js'
import { ManifestError } from './errors.js'
import { cloneDescriptor, encodeSchema2Descriptor, schema2Descriptor, zeroDescriptor } from './descriptors.js'
import { field, goInt, goMarshal, goSlice, goString, goStruct, parseJson } from './go-json.js'
import { schema2LayerVariants, updatedLayerMediaType } from './layer-media-types.js'
import { MediaType } from './media-types.js'
import type { Descriptor, ImageManifest, LayerInfo, LayerUpdate } from './types.js'
import { checkDescriptorDigests } from './digest.js'
import { validateUnambiguousFormat } from './unambiguous.js'

interface Schema2Doc {
  schemaVersion: number
  mediaType: string
  config: Descriptor
  layers: Descriptor[] | undefined
}

const schema2Doc = goStruct<Schema2Doc>([
  field('schemaVersion', 'schemaVersion', goInt),
  field('mediaType', 'mediaType', goString),
  field('config', 'config', schema2Descriptor),
  field('layers', 'layers', goSlice(schema2Descriptor, zeroDescriptor))
])

/** Media types containers/image accepts in a schema2 manifest (SupportedSchema2MediaType). */
const supportedSchema2MediaTypes: readonly string[] = [
  MediaType.DockerV2List,
  MediaType.DockerV2Schema1,
  MediaType.DockerV2Schema1Signed,
  MediaType.DockerV2Schema2Config,
  MediaType.DockerV2Schema2ForeignLayer,
  MediaType.DockerV2Schema2ForeignLayerGzip,
  MediaType.DockerV2Schema2Layer,
  MediaType.DockerV2Schema2,
  MediaType.DockerV2SchemaLayerUncompressed,
  MediaType.DockerV2SchemaLayerZstd
]

function checkSupported(mediaType: string, what: string): void {
  if (!supportedSchema2MediaTypes.includes(mediaType)) {
    throw new ManifestError(
      'invalid-field',
      `${what}: unsupported docker v2s2 media type: ${JSON.stringify(mediaType)}`
    )
  }
}

export class DockerSchema2Manifest implements ImageManifest {
  readonly mimeType = MediaType.DockerV2Schema2

  private constructor(private readonly doc: Schema2Doc) {}

  static parse(bytes: Uint8Array): DockerSchema2Manifest {
    const json = parseJson(bytes, 'docker schema2 manifest')
    const doc = schema2Doc(
      { schemaVersion: 0, mediaType: '', config: zeroDescriptor(), layers: undefined },
      json,
      '',
      () => bytes
    )
    validateUnambiguousFormat(json, MediaType.DockerV2Schema2, ['config', 'layers'])
    checkDescriptorDigests(doc.config, 'config')
    checkDescriptorDigests(doc.layers, 'layers')
    checkSupported(doc.mediaType, 'manifest mediaType')
    doc.layers?.forEach((l, i) => checkSupported(l.mediaType, `layers[${i}].mediaType`))
    return new DockerSchema2Manifest(doc)
  }

  static fromComponents(config: Descriptor, layers: Descriptor[]): DockerSchema2Manifest {
    return new DockerSchema2Manifest({
      schemaVersion: 2,
      mediaType: MediaType.DockerV2Schema2,
      config: schema2Only(config),
      layers: layers.map(schema2Only)
    })
  }

  configDescriptor(): Descriptor {
    return cloneDescriptor(schema2Only(this.doc.config))
  }

  layerInfos(): LayerInfo[] {
    return (this.doc.layers ?? []).map(l => ({ ...cloneDescriptor(schema2Only(l)), emptyLayer: false }))
  }

  isImage(): boolean {
    return true
  }

  serialize(): Buffer {
    const d = this.doc
    return goMarshal({
      schemaVersion: d.schemaVersion,
      mediaType: d.mediaType,
      config: encodeSchema2Descriptor(d.config),
      layers: d.layers === undefined ? null : d.layers.map(encodeSchema2Descriptor)
    })
  }

  updateLayerInfos(infos: LayerUpdate[]): DockerSchema2Manifest {
    const original = this.doc.layers ?? []
    assertSameLayerCount(original.length, infos.length)
    const layers = infos.map((info, i) => {
      const mediaType = original[i].mediaType
      checkSupported(mediaType, `original layer ${info.digest}`)
      let updated = mediaType
      if (info.compression) {
        updated = updatedLayerMediaType(schema2LayerVariants, mediaType, info.compression)
      } else if (info.mediaType !== undefined) {
        checkSupported(info.mediaType, `layer ${info.digest}`)
        updated = info.mediaType
      }
      const layer: Descriptor = { mediaType: updated, size: info.size, digest: info.digest }
      if (info.urls) layer.urls = [...info.urls]
      return layer
    })
    return new DockerSchema2Manifest({ ...this.doc, config: { ...this.doc.config }, layers })
  }
}

function schema2Only(d: Descriptor): Descriptor {
  const out: Descriptor = { mediaType: d.mediaType, size: d.size, digest: d.digest }
  if (d.urls) out.urls = [...d.urls]
  return out
}
