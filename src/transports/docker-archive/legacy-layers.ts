// The pre-1.10 `docker save` layout that old `docker load` needs: one directory per layer with
// `layer.tar` (a symlink to the real layer file), `VERSION` and `json`; computed as containers/image
// writer.go writeLegacyMetadataLocked does, so the IDs equal skopeo's.
import { createHash } from 'node:crypto'
import { GoMap, goMarshal, parseJson, type GoValue } from '../../manifest/index.js'
import { rawObjectEntries } from '../../manifest/go-json.js'
import { parseDigest } from '../local/digest.js'

export interface LegacyLayer {
  /** The directory name. */
  id: string
  /** The `json` file. */
  json: Buffer
  /** The layer's digest as the manifest lists it (the symlink points at its file). */
  digest: string
}

/** Fields of the image config copied into the top layer's `json`. */
const TOP_LAYER_FIELDS = [
  'architecture',
  'config',
  'container',
  'container_config',
  'created',
  'docker_version',
  'os'
]

/** The legacy layers of an image, base first; the last one's ID is what `repositories` names. */
export function legacyLayers(layerDigests: string[], configBytes: Buffer): LegacyLayer[] {
  const config = rawObjectEntries(parseJson(configBytes, 'image config'), 'image config')
  const out: LegacyLayer[] = []
  let chainId = ''
  let lastId = ''
  layerDigests.forEach((digest, i) => {
    parseDigest(digest) // validated, so that the chain ID below is unambiguous
    const fields = new Map<string, GoValue>()
    if (lastId !== '') fields.set('parent', lastId)
    if (i === layerDigests.length - 1) {
      // A missing field is a nil *json.RawMessage: `null`.
      for (const attr of TOP_LAYER_FIELDS) fields.set(attr, config.get(attr) ?? null)
    }
    chainId = chainId === '' ? digest : `sha256:${sha256Hex(`${chainId} ${digest}`)}`
    fields.set('layer_id', chainId)
    const id = sha256Hex(goMarshal(new GoMap(fields)))
    fields.delete('layer_id')
    fields.set('id', id)
    out.push({ id, json: goMarshal(new GoMap(fields)), digest })
    lastId = id
  })
  return out
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}
