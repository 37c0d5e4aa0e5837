// skopeo sync's YAML source file (skopeo-sync(1), "YAML file content"), read strictly: every key
// is one skopeo knows, every value has the shape skopeo expects, and an error names the key.
//
//   registry.example.com:
//     images: {busybox: [], redis: ["1.0", "sha256:…"]}   # empty list: every tag
//     images-by-tag-regex: {nginx: ^1\.13\.[12]-alpine-perl$}
//     images-by-semver: {alpine: ">= 3.12.0"}
//     credentials: {username: john, password: secret}
//     tls-verify: false
//     cert-dir: /home/john/certs
import { UsageError } from '../errors.js'

export interface SyncRegistry {
  registry: string
  /** Repository → tags or digests; an empty list means every tag. */
  images: Array<{ repository: string; refs: string[] }>
  byTagRegex: Array<{ repository: string; pattern: string }>
  bySemver: Array<{ repository: string; range: string }>
  credentials?: { username: string; password: string }
  tlsVerify?: boolean
  certDir?: string
}

const registryKeys = [
  'images',
  'images-by-tag-regex',
  'images-by-semver',
  'credentials',
  'tls-verify',
  'cert-dir'
]

type Fail = (where: string, what: string) => never

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function mapOf<T>(
  value: unknown,
  where: string,
  fail: Fail,
  each: (v: unknown, at: string) => T
): Array<[string, T]> {
  if (value === null || value === undefined) return []
  if (!isMap(value)) fail(where, 'a map of repository names')
  return Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, each(v, `${where}.${k}`)])
}

function text(v: unknown, where: string, fail: Fail): string {
  if (typeof v === 'string') return v
  // YAML reads `1.0` as a number; skopeo (Go, into a string) reads the text. Keep it as written.
  if (typeof v === 'number') return String(v)
  return fail(where, 'text')
}

function refList(v: unknown, where: string, fail: Fail): string[] {
  if (v === null || v === undefined) return []
  if (!Array.isArray(v)) fail(where, 'a list of tags or digests')
  return (v as unknown[]).map((r, i) => text(r, `${where}[${i}]`, fail))
}

function credentials(v: unknown, where: string, fail: Fail): SyncRegistry['credentials'] {
  if (v === null || v === undefined) return undefined
  if (!isMap(v)) fail(where, 'a map with username and password')
  const map = v as Record<string, unknown>
  const unknown = Object.keys(map).find(k => k !== 'username' && k !== 'password')
  if (unknown !== undefined) fail(`${where}.${unknown}`, 'username or password (unknown key)')
  const username = map.username === undefined ? '' : text(map.username, `${where}.username`, fail)
  const password = map.password === undefined ? '' : text(map.password, `${where}.password`, fail)
  if (username === '' && password === '') return undefined
  return { username, password }
}

function registryEntry(registry: string, v: unknown, fail: Fail): SyncRegistry {
  if (v === null || v === undefined) v = {}
  if (!isMap(v))
    fail(
      registry,
      'a map of images, images-by-tag-regex, images-by-semver, credentials, tls-verify, cert-dir'
    )
  const map = v as Record<string, unknown>
  const unknown = Object.keys(map).find(k => !registryKeys.includes(k))
  if (unknown !== undefined) fail(`${registry}.${unknown}`, `one of ${registryKeys.join(', ')} (unknown key)`)
  const tls = map['tls-verify']
  if (tls !== undefined && typeof tls !== 'boolean') fail(`${registry}.tls-verify`, 'true or false')
  const certDir = map['cert-dir']
  return {
    registry,
    images: mapOf(map.images, `${registry}.images`, fail, (r, at) => refList(r, at, fail)).map(
      ([repository, refs]) => ({ repository, refs })
    ),
    byTagRegex: mapOf(map['images-by-tag-regex'], `${registry}.images-by-tag-regex`, fail, (r, at) =>
      text(r, at, fail)
    ).map(([repository, pattern]) => ({ repository, pattern })),
    bySemver: mapOf(map['images-by-semver'], `${registry}.images-by-semver`, fail, (r, at) =>
      text(r, at, fail)
    ).map(([repository, range]) => ({ repository, range })),
    credentials: credentials(map.credentials, `${registry}.credentials`, fail),
    tlsVerify: tls as boolean | undefined,
    certDir:
      certDir === undefined || certDir === null ? undefined : text(certDir, `${registry}.cert-dir`, fail)
  }
}

/** The registries of a sync file's text; `file` names it in errors. (js-yaml is loaded only here.) */
export async function parseSyncFile(content: string, file: string): Promise<SyncRegistry[]> {
  const { default: yaml } = await import('js-yaml')
  const fail: Fail = (where, what) => {
    throw new UsageError(`${file}: ${where}: expected ${what}`)
  }
  let doc: unknown
  try {
    doc = yaml.safeLoad(content, { filename: file })
  } catch (e) {
    throw new UsageError(`${file} is not valid YAML: ${(e as Error).message}`)
  }
  if (doc === null || doc === undefined) throw new UsageError(`${file} names no registry`)
  if (!isMap(doc)) fail('the top level', 'a map of registry names')
  return Object.entries(doc as Record<string, unknown>).map(([registry, v]) =>
    registryEntry(registry, v, fail)
  )
}
