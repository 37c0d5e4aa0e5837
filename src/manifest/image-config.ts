// Image configs as containers/image re-marshals them during conversions.
import { stringMap, stringSlice } from './descriptors.js'
import {
  GoMap,
  field,
  goBool,
  goEmptyStruct,
  goMarshal,
  goSlice,
  goString,
  goStringMap,
  goStruct,
  parseJson,
  type GoValue
} from './go-json.js'
import { goTimePointer } from './go-time.js'

interface OciImageConfig {
  User: string
  ExposedPorts: Record<string, Record<string, never>> | undefined
  Env: string[] | undefined
  Entrypoint: string[] | undefined
  Cmd: string[] | undefined
  Volumes: Record<string, Record<string, never>> | undefined
  WorkingDir: string
  Labels: Record<string, string> | undefined
  StopSignal: string
  ArgsEscaped: boolean
}

interface OciHistory {
  created: string | undefined
  created_by: string
  author: string
  comment: string
  empty_layer: boolean
}

/** image-spec v1.Image. */
export interface OciImage {
  created: string | undefined
  author: string
  architecture: string
  os: string
  osVersion: string
  osFeatures: string[] | undefined
  variant: string
  config: OciImageConfig
  rootfs: { type: string; diffIDs: string[] | undefined }
  history: OciHistory[] | undefined
}

const emptyStructMap = goStringMap(goEmptyStruct, () => ({}))

const ociImageConfig = goStruct<OciImageConfig>([
  field('User', 'User', goString),
  field('ExposedPorts', 'ExposedPorts', emptyStructMap),
  field('Env', 'Env', stringSlice),
  field('Entrypoint', 'Entrypoint', stringSlice),
  field('Cmd', 'Cmd', stringSlice),
  field('Volumes', 'Volumes', emptyStructMap),
  field('WorkingDir', 'WorkingDir', goString),
  field('Labels', 'Labels', stringMap),
  field('StopSignal', 'StopSignal', goString),
  field('ArgsEscaped', 'ArgsEscaped', goBool)
])

const zeroHistory = (): OciHistory => ({
  created: undefined,
  created_by: '',
  author: '',
  comment: '',
  empty_layer: false
})

const ociHistory = goStruct<OciHistory>([
  field('created', 'created', goTimePointer),
  field('created_by', 'created_by', goString),
  field('author', 'author', goString),
  field('comment', 'comment', goString),
  field('empty_layer', 'empty_layer', goBool)
])

const ociImage = goStruct<OciImage>([
  field('created', 'created', goTimePointer),
  field('author', 'author', goString),
  field('architecture', 'architecture', goString),
  field('os', 'os', goString),
  field('os.version', 'osVersion', goString),
  field('os.features', 'osFeatures', stringSlice),
  field('variant', 'variant', goString),
  field('config', 'config', ociImageConfig),
  field(
    'rootfs',
    'rootfs',
    goStruct<OciImage['rootfs']>([
      field('type', 'type', goString),
      field(
        'diff_ids',
        'diffIDs',
        goSlice(goString, () => '')
      )
    ])
  ),
  field('history', 'history', goSlice(ociHistory, zeroHistory))
])

export function zeroOciImage(): OciImage {
  return {
    created: undefined,
    author: '',
    architecture: '',
    os: '',
    osVersion: '',
    osFeatures: undefined,
    variant: '',
    config: {
      User: '',
      ExposedPorts: undefined,
      Env: undefined,
      Entrypoint: undefined,
      Cmd: undefined,
      Volumes: undefined,
      WorkingDir: '',
      Labels: undefined,
      StopSignal: '',
      ArgsEscaped: false
    },
    rootfs: { type: '', diffIDs: undefined },
    history: undefined
  }
}

/** Decodes a config (Docker or OCI) into image-spec's v1.Image, dropping what that struct does not have. */
export function decodeOciImage(configBytes: Uint8Array): OciImage {
  return ociImage(zeroOciImage(), parseJson(configBytes, 'image config'), '', () => configBytes)
}

const s = (v: string): string | undefined => (v === '' ? undefined : v)
const list = (v: string[] | undefined): string[] | undefined => (v && v.length > 0 ? v : undefined)
const emptySet = (m: Record<string, Record<string, never>> | undefined): GoMap | undefined =>
  m && Object.keys(m).length > 0 ? new GoMap(Object.keys(m).map(k => [k, {}])) : undefined
const strMap = (m: Record<string, string> | undefined): GoMap | undefined =>
  m && Object.keys(m).length > 0 ? new GoMap(Object.entries(m)) : undefined

export function encodeOciImage(img: OciImage): Buffer {
  const c = img.config
  const value: GoValue = {
    created: img.created,
    author: s(img.author),
    architecture: img.architecture,
    os: img.os,
    'os.version': s(img.osVersion),
    'os.features': list(img.osFeatures),
    variant: s(img.variant),
    config: {
      User: s(c.User),
      ExposedPorts: emptySet(c.ExposedPorts),
      Env: list(c.Env),
      Entrypoint: list(c.Entrypoint),
      Cmd: list(c.Cmd),
      Volumes: emptySet(c.Volumes),
      WorkingDir: s(c.WorkingDir),
      Labels: strMap(c.Labels),
      StopSignal: s(c.StopSignal),
      ArgsEscaped: c.ArgsEscaped ? true : undefined
    },
    rootfs: { type: img.rootfs.type, diff_ids: img.rootfs.diffIDs ?? null },
    history:
      img.history && img.history.length > 0
        ? img.history.map(h => ({
            created: h.created,
            created_by: s(h.created_by),
            author: s(h.author),
            comment: s(h.comment),
            empty_layer: h.empty_layer ? true : undefined
          }))
        : undefined
  }
  return goMarshal(value)
}

/** containers/image convertToManifestOCI1: the Docker config re-marshalled through v1.Image. */
export function dockerConfigToOci(configBytes: Uint8Array): Buffer {
  return encodeOciImage(decodeOciImage(configBytes))
}
