// containers/image convertToManifestSchema1 (internal/image/docker_schema2.go, after docker/distribution
// manifest/schema1/config_builder.go): a signed schema1 manifest built from a schema2 image's config.
import { nodeCrypto } from '../lazy-builtin.js'
import { parseDigest } from './digest.js'
import { DockerSchema1Manifest } from './docker-schema1.js'
import type { DockerSchema2Manifest } from './docker-schema2.js'
import { ManifestError } from './errors.js'
import {
  GoMap,
  RawJson,
  field,
  goBool,
  goMarshal,
  goSlice,
  goString,
  goStruct,
  parseJson,
  rawObjectEntries
} from './go-json.js'
import { GO_ZERO_TIME, goTime } from './go-time.js'
import type { LayerUpdate } from './types.js'

/** A gzipped empty tar (1024 zero bytes), byte for byte docker/distribution's and containers/image's. */
export const GZIPPED_EMPTY_LAYER: Buffer = Buffer.from([
  31, 139, 8, 0, 0, 9, 110, 136, 0, 255, 98, 24, 5, 163, 96, 20, 140, 88, 0, 8, 0, 0, 255, 255, 46, 175, 181,
  239, 0, 4, 0, 0
])
export const GZIPPED_EMPTY_LAYER_DIGEST =
  'sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4'

/** A blob the converted manifest names that the source does not have (the destination must be given it). */
export interface ExtraBlob {
  digest: string
  size: number
  bytes: Buffer
}

/** The Docker reference a schema1 manifest embeds: the repository path (no registry) and the tag. */
export interface EmbeddedReference {
  name: string
  tag: string
}

interface HistoryEntry {
  created: string
  created_by: string
  author: string
  comment: string
  empty_layer: boolean
}

const schema2Image = goStruct<{ architecture: string; history: HistoryEntry[] | undefined }>([
  field('architecture', 'architecture', goString),
  field(
    'history',
    'history',
    goSlice(
      goStruct<HistoryEntry>([
        field('created', 'created', goTime),
        field('created_by', 'created_by', goString),
        field('author', 'author', goString),
        field('comment', 'comment', goString),
        field('empty_layer', 'empty_layer', goBool)
      ]),
      () => ({ created: GO_ZERO_TIME, created_by: '', author: '', comment: '', empty_layer: false })
    )
  )
])

/** v1IDFromBlobDigestAndComponents: sha256 of the blob digest's hex and the others, joined by spaces. */
function v1Id(blobDigest: string, ...others: Array<string | Buffer>): string {
  const hash = nodeCrypto().createHash('sha256').update(parseDigest(blobDigest).hex)
  for (const o of others) hash.update(' ').update(o)
  return hash.digest('hex')
}

/** The top history entry: the whole config (rootfs and history dropped) with the v1 ID fields. */
function v1ConfigFromConfigJson(config: Buffer, id: string, parent: string, throwaway: boolean): string {
  const raw = rawObjectEntries(parseJson(config, 'image config'), 'image config')
  raw.delete('rootfs')
  raw.delete('history')
  raw.set('id', new RawJson(goMarshal(id)))
  if (parent !== '') raw.set('parent', new RawJson(goMarshal(parent)))
  if (throwaway) raw.set('throwaway', new RawJson(goMarshal(true)))
  return goMarshal(new GoMap(raw)).toString('utf8')
}

/**
 * Converts a schema2 image to schema1. `edits` (one per schema2 layer, what each became at the
 * destination) are expanded with the empty layers and applied to the result, as upstream does.
 */
export function schema2ToSchema1(
  m: DockerSchema2Manifest,
  configBytes: Buffer,
  reference: EmbeddedReference | undefined,
  edits: LayerUpdate[] | undefined
): { manifest: DockerSchema1Manifest; extraBlobs: ExtraBlob[] } {
  const layers = m.layerInfos()
  if (edits && edits.length !== layers.length) {
    throw new ManifestError(
      'invalid-field',
      `Error converting image: layer edits for ${edits.length} layers vs ${layers.length} existing layers`
    )
  }
  const image = schema2Image(
    { architecture: '', history: undefined },
    parseJson(configBytes),
    '',
    () => configBytes
  )
  const history = image.history ?? []
  if (history.length === 0) {
    throw new ManifestError(
      'unsupported-conversion',
      'Cannot convert an image with 0 history entries to application/vnd.docker.distribution.manifest.v1+prettyjws'
    )
  }
  const n = history.length
  const blobSums = new Array<string>(n)
  const v1Compat = new Array<string>(n)
  const expandedEdits: LayerUpdate[] = []
  const extraBlobs: ExtraBlob[] = []
  let nonEmpty = 0
  let parent = ''
  let id = ''
  history.forEach((entry, v2Index) => {
    parent = id
    let blob: string
    if (entry.empty_layer) {
      blob = GZIPPED_EMPTY_LAYER_DIGEST
      if (extraBlobs.length === 0)
        extraBlobs.push({ digest: blob, size: GZIPPED_EMPTY_LAYER.length, bytes: GZIPPED_EMPTY_LAYER })
      expandedEdits.push({ digest: blob, size: GZIPPED_EMPTY_LAYER.length })
    } else {
      if (nonEmpty >= layers.length) {
        throw new ManifestError(
          'invalid-field',
          `Invalid image configuration, needs more than the ${layers.length} distributed layers`
        )
      }
      if (edits) expandedEdits.push(edits[nonEmpty])
      blob = layers[nonEmpty].digest
      nonEmpty++
    }
    id = v1Id(blob, parent)
    const v1Index = n - 1 - v2Index
    blobSums[v1Index] = blob
    v1Compat[v1Index] = goMarshal({
      id,
      parent: parent || undefined,
      comment: entry.comment || undefined,
      created: entry.created,
      container_config: { Cmd: [entry.created_by] },
      author: entry.author || undefined,
      throwaway: entry.empty_layer || undefined
    }).toString('utf8')
  })
  // The top entry carries the real configuration; its ID also covers the config.
  const topId = v1Id(blobSums[0], parent, configBytes)
  v1Compat[0] = v1ConfigFromConfigJson(configBytes, topId, parent, history[n - 1].empty_layer)
  const s1 = DockerSchema1Manifest.fromComponents(
    reference ?? { name: '', tag: '' },
    image.architecture,
    blobSums,
    v1Compat
  )
  return { manifest: edits ? s1.updateLayerInfos(expandedEdits) : s1, extraBlobs }
}
