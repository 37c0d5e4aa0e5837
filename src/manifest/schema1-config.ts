// containers/image Schema1.ToSchema2Config: the schema2 config built from a schema1 manifest's history.
import { stringMap, stringSlice } from './descriptors.js'
import type { DockerSchema1Manifest } from './docker-schema1.js'
import {
  GoMap,
  RawJson,
  field,
  goBool,
  goEmptyStruct,
  goInt,
  goMarshal,
  goPointer,
  goString,
  goStringMap,
  goStruct,
  parseJson,
  rawObjectEntries,
  typeError,
  type Decoder,
  type GoValue
} from './go-json.js'
import { GO_ZERO_TIME, goTime } from './go-time.js'

/** docker's strslice.StrSlice: a string or an array of strings. */
const strSlice: Decoder<string[] | undefined> = (cur, v, path, raw) => {
  if (typeof v === 'string') return [v]
  if (v === null || Array.isArray(v)) return stringSlice(cur, v, path, raw)
  throw typeError(path, v, 'a string or an array of strings')
}

interface HealthConfig {
  Test: string[] | undefined
  StartPeriod: number
  StartInterval: number
  Interval: number
  Timeout: number
  Retries: number
}

interface DockerContainerConfig {
  Hostname: string
  Domainname: string
  User: string
  AttachStdin: boolean
  AttachStdout: boolean
  AttachStderr: boolean
  ExposedPorts: Record<string, Record<string, never>> | undefined
  Tty: boolean
  OpenStdin: boolean
  StdinOnce: boolean
  Env: string[] | undefined
  Cmd: string[] | undefined
  Healthcheck: HealthConfig | undefined
  ArgsEscaped: boolean
  Image: string
  Volumes: Record<string, Record<string, never>> | undefined
  WorkingDir: string
  Entrypoint: string[] | undefined
  NetworkDisabled: boolean
  MacAddress: string
  OnBuild: string[] | undefined
  Labels: Record<string, string> | undefined
  StopSignal: string
  StopTimeout: number | undefined
  Shell: string[] | undefined
}

/** containers/image Schema2V1Image. */
interface V1Image {
  id: string
  parent: string
  comment: string
  created: string
  container: string
  container_config: DockerContainerConfig
  docker_version: string
  author: string
  config: DockerContainerConfig | undefined
  architecture: string
  variant: string
  os: string
  Size: number
}

const emptyStructMap = goStringMap(goEmptyStruct, () => ({}))

const healthConfig = goStruct<HealthConfig>([
  field('Test', 'Test', stringSlice),
  field('StartPeriod', 'StartPeriod', goInt),
  field('StartInterval', 'StartInterval', goInt),
  field('Interval', 'Interval', goInt),
  field('Timeout', 'Timeout', goInt),
  field('Retries', 'Retries', goInt)
])

const zeroContainerConfig = (): DockerContainerConfig => ({
  Hostname: '',
  Domainname: '',
  User: '',
  AttachStdin: false,
  AttachStdout: false,
  AttachStderr: false,
  ExposedPorts: undefined,
  Tty: false,
  OpenStdin: false,
  StdinOnce: false,
  Env: undefined,
  Cmd: undefined,
  Healthcheck: undefined,
  ArgsEscaped: false,
  Image: '',
  Volumes: undefined,
  WorkingDir: '',
  Entrypoint: undefined,
  NetworkDisabled: false,
  MacAddress: '',
  OnBuild: undefined,
  Labels: undefined,
  StopSignal: '',
  StopTimeout: undefined,
  Shell: undefined
})

const containerConfig = goStruct<DockerContainerConfig>([
  field('Hostname', 'Hostname', goString),
  field('Domainname', 'Domainname', goString),
  field('User', 'User', goString),
  field('AttachStdin', 'AttachStdin', goBool),
  field('AttachStdout', 'AttachStdout', goBool),
  field('AttachStderr', 'AttachStderr', goBool),
  field('ExposedPorts', 'ExposedPorts', emptyStructMap),
  field('Tty', 'Tty', goBool),
  field('OpenStdin', 'OpenStdin', goBool),
  field('StdinOnce', 'StdinOnce', goBool),
  field('Env', 'Env', stringSlice),
  field('Cmd', 'Cmd', strSlice),
  field(
    'Healthcheck',
    'Healthcheck',
    goPointer(healthConfig, () => ({
      Test: undefined,
      StartPeriod: 0,
      StartInterval: 0,
      Interval: 0,
      Timeout: 0,
      Retries: 0
    }))
  ),
  field('ArgsEscaped', 'ArgsEscaped', goBool),
  field('Image', 'Image', goString),
  field('Volumes', 'Volumes', emptyStructMap),
  field('WorkingDir', 'WorkingDir', goString),
  field('Entrypoint', 'Entrypoint', strSlice),
  field('NetworkDisabled', 'NetworkDisabled', goBool),
  field('MacAddress', 'MacAddress', goString),
  field('OnBuild', 'OnBuild', stringSlice),
  field('Labels', 'Labels', stringMap),
  field('StopSignal', 'StopSignal', goString),
  field('StopTimeout', 'StopTimeout', (cur, v, path, raw) =>
    v === null ? undefined : goInt(cur ?? 0, v, path, raw)
  ),
  field('Shell', 'Shell', strSlice)
])

const v1Image = goStruct<V1Image>([
  field('id', 'id', goString),
  field('parent', 'parent', goString),
  field('comment', 'comment', goString),
  field('created', 'created', goTime),
  field('container', 'container', goString),
  field('container_config', 'container_config', containerConfig),
  field('docker_version', 'docker_version', goString),
  field('author', 'author', goString),
  field('config', 'config', goPointer(containerConfig, zeroContainerConfig)),
  field('architecture', 'architecture', goString),
  field('variant', 'variant', goString),
  field('os', 'os', goString),
  field('Size', 'Size', goInt)
])

const opt = (v: string): string | undefined => (v === '' ? undefined : v)
const optList = (v: string[] | undefined): string[] | undefined => (v && v.length > 0 ? v : undefined)
const emptySet = (m: Record<string, unknown> | undefined): GoMap | null =>
  m === undefined ? null : new GoMap(Object.keys(m).map(k => [k, {}]))

function encodeContainerConfig(c: DockerContainerConfig): GoValue {
  const h = c.Healthcheck
  return {
    Hostname: c.Hostname,
    Domainname: c.Domainname,
    User: c.User,
    AttachStdin: c.AttachStdin,
    AttachStdout: c.AttachStdout,
    AttachStderr: c.AttachStderr,
    ExposedPorts:
      c.ExposedPorts && Object.keys(c.ExposedPorts).length > 0 ? emptySet(c.ExposedPorts) : undefined,
    Tty: c.Tty,
    OpenStdin: c.OpenStdin,
    StdinOnce: c.StdinOnce,
    Env: c.Env ?? null,
    Cmd: c.Cmd ?? null,
    Healthcheck: h
      ? {
          Test: optList(h.Test),
          StartPeriod: h.StartPeriod || undefined,
          StartInterval: h.StartInterval || undefined,
          Interval: h.Interval || undefined,
          Timeout: h.Timeout || undefined,
          Retries: h.Retries || undefined
        }
      : undefined,
    ArgsEscaped: c.ArgsEscaped || undefined,
    Image: c.Image,
    Volumes: emptySet(c.Volumes),
    WorkingDir: c.WorkingDir,
    Entrypoint: c.Entrypoint ?? null,
    NetworkDisabled: c.NetworkDisabled || undefined,
    MacAddress: opt(c.MacAddress),
    OnBuild: c.OnBuild ?? null,
    Labels: c.Labels === undefined ? null : new GoMap(Object.entries(c.Labels)),
    StopSignal: opt(c.StopSignal),
    StopTimeout: c.StopTimeout,
    Shell: optList(c.Shell)
  }
}

function encodeV1Image(i: V1Image): Buffer {
  return goMarshal({
    id: opt(i.id),
    parent: opt(i.parent),
    comment: opt(i.comment),
    created: i.created,
    container: opt(i.container),
    container_config: encodeContainerConfig(i.container_config),
    docker_version: opt(i.docker_version),
    author: opt(i.author),
    config: i.config ? encodeContainerConfig(i.config) : undefined,
    architecture: opt(i.architecture),
    variant: opt(i.variant),
    os: opt(i.os),
    Size: i.Size || undefined
  })
}

/** moby versions.LessThan: dotted numeric comparison, non-numbers count as 0. */
export function dockerVersionLessThan(a: string, b: string): boolean {
  if (a === b) return false
  const pa = a.split('.')
  const pb = b.split('.')
  const atoi = (s: string | undefined): number =>
    s !== undefined && /^[+-]?\d+$/.test(s) ? parseInt(s, 10) : 0
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = atoi(pa[i])
    const y = atoi(pb[i])
    if (x !== y) return x < y
  }
  return false
}

/** The schema2 config for a schema1 image whose non-empty layers have these DiffIDs (base first). */
export function schema1ToSchema2Config(m: DockerSchema1Manifest, diffIDs: string[]): Buffer {
  let config: Uint8Array = Buffer.from(m.v1CompatibilityStrings()[0], 'utf8')
  const image = v1Image(
    {
      id: '',
      parent: '',
      comment: '',
      created: GO_ZERO_TIME,
      container: '',
      container_config: zeroContainerConfig(),
      docker_version: '',
      author: '',
      config: undefined,
      architecture: '',
      variant: '',
      os: '',
      Size: 0
    },
    parseJson(config, 'schema1 image configuration'),
    '',
    () => config
  )
  if (image.docker_version !== '' && dockerVersionLessThan(image.docker_version, '1.8.3')) {
    config = encodeV1Image(image)
  }
  const history = [...m.compat].reverse().map(c => ({
    created: c.created,
    author: opt(c.author),
    created_by: opt((c.cmd ?? []).join(' ')),
    comment: opt(c.comment),
    empty_layer: c.throwaway || undefined
  }))
  const raw = rawObjectEntries(
    parseJson(config, 'schema1 image configuration'),
    'schema1 image configuration'
  )
  for (const key of ['id', 'parent', 'parent_id', 'layer_id', 'throwaway', 'Size']) raw.delete(key)
  raw.set('rootfs', new RawJson(goMarshal({ type: 'layers', diff_ids: optList(diffIDs) })))
  raw.set('history', new RawJson(goMarshal(history)))
  return goMarshal(new GoMap(raw))
}
