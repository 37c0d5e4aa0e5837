import { ManifestError } from './errors.js'
import { field, goBool, goInt, goMarshal, goSlice, goString, goStruct, parseJson } from './go-json.js'
import { GO_ZERO_TIME, goTime } from './go-time.js'
import { addDummySchema1Signature } from './jws.js'
import { schema1FakeLayerType, schema1LayerVariants, updatedLayerMediaType } from './layer-media-types.js'
import { MediaType } from './media-types.js'
import type { ImageManifest, LayerInfo, LayerUpdate } from './types.js'
import { checkDigestField } from './digest.js'
import { validateUnambiguousFormat } from './unambiguous.js'

interface Schema1Doc {
  name: string
  tag: string
  architecture: string
  fsLayers: Array<{ blobSum: string }> | undefined
  history: Array<{ v1Compatibility: string }> | undefined
  schemaVersion: number
}

/** The part of a history entry's v1Compatibility that containers/image reads (Schema1V1Compatibility). */
export interface V1Compatibility {
  id: string
  parent: string
  comment: string
  /** RFC3339Nano, as Go writes the parsed time back. */
  created: string
  cmd: string[] | undefined
  author: string
  throwaway: boolean
}

const schema1Doc = goStruct<Schema1Doc>([
  field('name', 'name', goString),
  field('tag', 'tag', goString),
  field('architecture', 'architecture', goString),
  field(
    'fsLayers',
    'fsLayers',
    goSlice(goStruct<{ blobSum: string }>([field('blobSum', 'blobSum', goString)]), () => ({ blobSum: '' }))
  ),
  field(
    'history',
    'history',
    goSlice(
      goStruct<{ v1Compatibility: string }>([field('v1Compatibility', 'v1Compatibility', goString)]),
      () => ({
        v1Compatibility: ''
      })
    )
  ),
  field('schemaVersion', 'schemaVersion', goInt)
])

const v1CompatibilityDecoder = goStruct<V1Compatibility>([
  field('id', 'id', goString),
  field('parent', 'parent', goString),
  field('comment', 'comment', goString),
  field('created', 'created', goTime),
  field(
    'container_config',
    'cmd',
    (cur, v, path, raw) =>
      goStruct<{ cmd: string[] | undefined }>([
        field(
          'Cmd',
          'cmd',
          goSlice(goString, () => '')
        )
      ])({ cmd: cur }, v, path, raw).cmd
  ),
  field('author', 'author', goString),
  field('throwaway', 'throwaway', goBool)
])

function parseV1Compatibility(text: string, index: number): V1Compatibility {
  const bytes = Buffer.from(text, 'utf8')
  try {
    return v1CompatibilityDecoder(
      {
        id: '',
        parent: '',
        comment: '',
        created: GO_ZERO_TIME,
        cmd: undefined,
        author: '',
        throwaway: false
      },
      parseJson(bytes, 'v1Compatibility'),
      '',
      () => bytes
    )
  } catch (e) {
    throw new ManifestError('invalid-field', `parsing v2s1 history entry ${index}: ${(e as Error).message}`, {
      cause: e
    })
  }
}

export class DockerSchema1Manifest implements ImageManifest {
  readonly mimeType: string

  private constructor(
    private readonly doc: Schema1Doc & {
      fsLayers: Array<{ blobSum: string }>
      history: Array<{ v1Compatibility: string }>
    },
    readonly compat: readonly V1Compatibility[],
    private readonly original: Buffer | undefined,
    signed: boolean
  ) {
    this.mimeType = signed ? MediaType.DockerV2Schema1Signed : MediaType.DockerV2Schema1
  }

  /** Parses and checks a schema1 manifest as containers/image Schema1FromManifest does. */
  static parse(bytes: Uint8Array, mimeType: string = MediaType.DockerV2Schema1Signed): DockerSchema1Manifest {
    const json = parseJson(bytes, 'schema1 manifest')
    const doc = schema1Doc(
      { name: '', tag: '', architecture: '', fsLayers: undefined, history: undefined, schemaVersion: 0 },
      json,
      '',
      () => bytes
    )
    if (doc.schemaVersion !== 1) {
      throw new ManifestError(
        'invalid-field',
        `unsupported schema version ${doc.schemaVersion} for a schema1 manifest`
      )
    }
    validateUnambiguousFormat(json, MediaType.DockerV2Schema1Signed, ['fsLayers', 'history'])
    const fsLayers = doc.fsLayers ?? []
    const history = doc.history ?? []
    if (fsLayers.length !== history.length) {
      throw new ManifestError('invalid-field', 'length of history not equal to number of layers')
    }
    if (fsLayers.length === 0) throw new ManifestError('invalid-field', 'no FSLayers in manifest')
    fsLayers.forEach((l, i) => checkDigestField(l.blobSum, `fsLayers[${i}].blobSum`))
    const compat = history.map((h, i) => parseV1Compatibility(h.v1Compatibility, i))
    fixManifestLayers(fsLayers, history, compat)
    return new DockerSchema1Manifest(
      { ...doc, fsLayers, history },
      compat,
      Buffer.from(bytes),
      mimeType !== MediaType.DockerV2Schema1
    )
  }

  /** containers/image Schema1FromComponents: a new (signed when serialized) manifest; blobSums and history newest first. */
  static fromComponents(
    reference: { name: string; tag: string },
    architecture: string,
    blobSums: string[],
    v1Compatibility: string[]
  ): DockerSchema1Manifest {
    if (blobSums.length !== v1Compatibility.length) {
      throw new ManifestError('invalid-field', 'length of history not equal to number of layers')
    }
    if (blobSums.length === 0) throw new ManifestError('invalid-field', 'no FSLayers in manifest')
    return new DockerSchema1Manifest(
      {
        name: reference.name,
        tag: reference.tag,
        architecture,
        fsLayers: blobSums.map(blobSum => ({ blobSum })),
        history: v1Compatibility.map(v1 => ({ v1Compatibility: v1 })),
        schemaVersion: 1
      },
      v1Compatibility.map((h, i) => parseV1Compatibility(h, i)),
      undefined,
      true
    )
  }

  /** The embedded repository name and tag. */
  get name(): string {
    return this.doc.name
  }

  get tag(): string {
    return this.doc.tag
  }

  get architecture(): string {
    return this.doc.architecture
  }

  /** The v1Compatibility strings, newest first, as in the manifest. */
  v1CompatibilityStrings(): string[] {
    return this.doc.history.map(h => h.v1Compatibility)
  }

  /** blobSums, newest first, as in the manifest. */
  blobSums(): string[] {
    return this.doc.fsLayers.map(l => l.blobSum)
  }

  configDescriptor(): undefined {
    return undefined
  }

  layerInfos(): LayerInfo[] {
    const out: LayerInfo[] = []
    for (let i = this.doc.fsLayers.length - 1; i >= 0; i--) {
      out.push({
        mediaType: '',
        digest: this.doc.fsLayers[i].blobSum,
        size: -1,
        emptyLayer: this.compat[i].throwaway
      })
    }
    return out
  }

  isImage(): boolean {
    return true
  }

  /**
   * Unchanged: the original bytes (and signatures). Changed: Go's encoding of the manifest signed with a
   * throw-away key, as containers/image does; the digest (of the payload) is deterministic, the bytes are not.
   */
  serialize(): Buffer {
    if (this.original) return Buffer.from(this.original)
    const d = this.doc
    const payload = goMarshal({
      name: d.name,
      tag: d.tag,
      architecture: d.architecture,
      fsLayers: d.fsLayers.map(l => ({ blobSum: l.blobSum })),
      history: d.history.map(h => ({ v1Compatibility: h.v1Compatibility })),
      schemaVersion: d.schemaVersion
    })
    return addDummySchema1Signature(payload)
  }

  updateLayerInfos(infos: LayerUpdate[]): DockerSchema1Manifest {
    const n = this.doc.fsLayers.length
    if (infos.length !== n) {
      throw new ManifestError(
        'invalid-field',
        `preparing updated manifest: layer count changed from ${n} to ${infos.length}`
      )
    }
    const fsLayers = new Array<{ blobSum: string }>(n)
    infos.forEach((info, i) => {
      if (info.compression)
        updatedLayerMediaType(schema1LayerVariants, schema1FakeLayerType, info.compression)
      fsLayers[n - 1 - i] = { blobSum: info.digest }
    })
    return this.changed({ ...this.doc, fsLayers })
  }

  /** The manifest naming another repository and tag (schema1 embeds them; containers/image rewrites them on copy). */
  withEmbeddedReference(name: string, tag: string): DockerSchema1Manifest {
    if (name === this.doc.name && tag === this.doc.tag) return this
    return this.changed({ ...this.doc, name, tag })
  }

  private changed(doc: DockerSchema1Manifest['doc']): DockerSchema1Manifest {
    return new DockerSchema1Manifest(
      { ...doc, fsLayers: [...doc.fsLayers], history: [...doc.history] },
      this.compat,
      undefined,
      true
    )
  }
}

/** containers/image fixManifestLayers: checks the v1 ID chain and drops consecutive duplicate entries. */
function fixManifestLayers(
  fsLayers: Array<{ blobSum: string }>,
  history: Array<{ v1Compatibility: string }>,
  compat: V1Compatibility[]
): void {
  for (const c of compat) {
    if (!/^[a-f0-9]{64}$/.test(c.id))
      throw new ManifestError('invalid-field', `image ID ${JSON.stringify(c.id)} is invalid`)
  }
  if (compat[compat.length - 1].parent !== '') {
    throw new ManifestError('invalid-field', 'Invalid parent ID in the base layer of the image')
  }
  const seen = new Set<string>()
  let lastId: string | undefined
  for (const c of compat) {
    if (c.id !== lastId && seen.has(c.id)) {
      throw new ManifestError('invalid-field', `ID ${c.id} appears multiple times in manifest`)
    }
    lastId = c.id
    seen.add(c.id)
  }
  for (let i = compat.length - 2; i >= 0; i--) {
    if (compat[i].id === compat[i + 1].id) {
      fsLayers.splice(i, 1)
      history.splice(i, 1)
      compat.splice(i, 1)
    } else if (compat[i].parent !== compat[i + 1].id) {
      throw new ManifestError(
        'invalid-field',
        `Invalid parent ID. Expected ${compat[i + 1].id}, got ${JSON.stringify(compat[i].parent)}`
      )
    }
  }
}
