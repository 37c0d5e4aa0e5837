// The `docker save` format (containers/image docker/internal/tarfile/types.go): manifest.json, the
// file names our writer chooses, and the reading of manifest.json.
import { parseDigest } from '../local/digest.js'
import { GoMap, goMarshal, isValidDigest } from '../../manifest/index.js'

export const MANIFEST_FILE = 'manifest.json'
export const REPOSITORIES_FILE = 'repositories'
export const LEGACY_LAYER_FILE = 'layer.tar'
export const LEGACY_CONFIG_FILE = 'json'
export const LEGACY_VERSION_FILE = 'VERSION'

/** Config files and layer files inside an archive are limited like containers/image's iolimits. */
export const MAX_CONFIG_SIZE = 4 * 1024 * 1024
export const MAX_MANIFEST_JSON_SIZE = 1024 * 1024

/** One element of manifest.json. */
export interface ManifestItem {
  Config: string
  RepoTags: string[]
  Layers: string[]
}

/** `<hex>.json`: where our writer puts a config (an implementation detail, as upstream says). */
export function configFileName(digest: string): string {
  return `${parseDigest(digest).hex}.json`
}

/** `<hex>.tar`: where our writer puts a layer, at the root of the archive (see writer.go physicalLayerPath). */
export function layerFileName(digest: string): string {
  return `${parseDigest(digest).hex}.tar`
}

/** manifest.json as Go's json.Marshal writes []ManifestItem (Parent and LayerSources are empty, so omitted). */
export function serializeManifestJson(items: ManifestItem[]): Buffer {
  return goMarshal(items.map(i => ({ Config: i.Config, RepoTags: [...i.RepoTags], Layers: [...i.Layers] })))
}

/** `repositories`: name → tag → the legacy ID of the image's top layer; Go writes map keys sorted. */
export function serializeRepositories(repositories: Map<string, Map<string, string>>): Buffer {
  return goMarshal(
    new GoMap([...repositories].map(([name, tags]) => [name, new GoMap([...tags])] as [string, GoMap]))
  )
}

/** Parses manifest.json; `where` names the archive in errors. */
export function parseManifestJson(bytes: Buffer, where: string): ManifestItem[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(bytes.toString('utf8'))
  } catch (e) {
    throw new Error(`${where}: decoding manifest.json: ${(e as Error).message}`, { cause: e })
  }
  if (!Array.isArray(parsed)) throw new Error(`${where}: manifest.json is not an array of images`)
  return parsed.map((raw: unknown, i) => {
    const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
    const strings = (v: unknown, field: string): string[] => {
      if (v === undefined || v === null) return []
      if (!Array.isArray(v) || !v.every(s => typeof s === 'string')) {
        throw new Error(`${where}: manifest.json item @${i}: ${field} is not a list of strings`)
      }
      return v as string[]
    }
    if (typeof item.Config !== 'string' || item.Config === '') {
      throw new Error(`${where}: manifest.json item @${i} has no Config`)
    }
    return {
      Config: item.Config,
      RepoTags: strings(item.RepoTags, 'RepoTags'),
      Layers: strings(item.Layers, 'Layers')
    }
  })
}

/** The config's rootfs.diff_ids (upstream refuses a config without rootfs). */
export function configDiffIds(configBytes: Buffer, where: string): string[] {
  let config: unknown
  try {
    config = JSON.parse(configBytes.toString('utf8'))
  } catch (e) {
    throw new Error(`${where} is not valid JSON: ${(e as Error).message}`, { cause: e })
  }
  const rootfs = (config as { rootfs?: { diff_ids?: unknown } } | null)?.rootfs
  if (typeof rootfs !== 'object' || rootfs === null)
    throw new Error(`${where}: invalid image config (rootfs is not set)`)
  const diffIds = rootfs.diff_ids ?? []
  if (!Array.isArray(diffIds) || !diffIds.every(d => typeof d === 'string' && isValidDigest(d))) {
    throw new Error(`${where}: rootfs.diff_ids is not a list of digests`)
  }
  return diffIds as string[]
}
