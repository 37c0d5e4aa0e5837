// One typed, validated request from named options. The Action reads them from its inputs, the CLI
// from its flags; both use these names (DESIGN.md section 8), so errors name what the user wrote.
import { isValidDigest, parseMimeTypeOption, parsePlatform, type Platform } from '../manifest/index.js'
import { UsageError } from '../errors.js'
import { parseSize } from '../cache/size.js'
import type { ImageSelection, SparseListAction } from '../copy/options.js'

/** Reads named options; `label` renders a name the way the user wrote it (`input "all-images"`, `--all-images`). */
export interface OptionReader {
  get(name: string): string | undefined
  getList(name: string): string[]
  label(name: string): string
  /** An option set to a value, as the user writes it (`--src-tls-verify=false`, `src-tls-verify: false`). */
  setting?(name: string, value: string): string
}

export function settingText(reader: OptionReader, name: string, value: string): string {
  return reader.setting?.(name, value) ?? `${reader.label(name)} set to ${value}`
}

export interface RegistrySide {
  /** A directory of blobs shared between OCI layouts (oci: transport). */
  sharedBlobDir?: string
  username?: string
  password?: string
  registryToken?: string
  tlsVerify: boolean
  certDir?: string
}

export interface CopyRequest {
  source: string
  destinations: string[]
  selection: ImageSelection
  sparseList: SparseListAction
  forceMimeType?: string
  preserveDigests: boolean
  removeSignatures: boolean
  parallel: number
  retryTimes: number
  src: RegistrySide
  dest: RegistrySide
  digestFile?: string
  authFile?: string
  /** Used for ghcr.io when no other credentials match. */
  githubToken?: string
  cache: { enabled: boolean; key?: string; maxBytes: number; dir?: string }
}

/** Options this version does not implement yet: setting them is an error, never silently ignored. */
export const notSupportedYet: string[] = []

export const defaultCacheMaxBytes = 2 * 1024 ** 3

function bool(reader: OptionReader, name: string, fallback: boolean): boolean {
  const raw = reader.get(name)
  if (raw === undefined || raw === '') return fallback
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE'].includes(raw)) return false
  throw new UsageError(`${reader.label(name)}: expected true or false, got "${raw}"`)
}

function int(reader: OptionReader, name: string, fallback: number, min: number, max: number): number {
  const raw = reader.get(name)
  if (raw === undefined || raw === '') return fallback
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`${reader.label(name)}: expected a whole number from ${min} to ${max}, got "${raw}"`)
  }
  return Number(raw)
}

function optional(reader: OptionReader, name: string): string | undefined {
  const v = reader.get(name)
  return v === undefined || v === '' ? undefined : v
}

function side(reader: OptionReader, prefix: 'src' | 'dest'): RegistrySide {
  const username = optional(reader, `${prefix}-username`)
  const password = optional(reader, `${prefix}-password`)
  const registryToken = optional(reader, `${prefix}-registry-token`)
  if ((username === undefined) !== (password === undefined)) {
    const missing = username === undefined ? `${prefix}-username` : `${prefix}-password`
    throw new UsageError(
      `${reader.label(missing)} is missing: ${prefix}-username and ${prefix}-password go together`
    )
  }
  if (registryToken !== undefined && username !== undefined) {
    throw new UsageError(
      `${reader.label(`${prefix}-registry-token`)} and ${reader.label(`${prefix}-username`)} are both set: give a token or a username and password, not both`
    )
  }
  return {
    username,
    password,
    registryToken,
    tlsVerify: bool(reader, `${prefix}-tls-verify`, true),
    sharedBlobDir: optional(reader, `${prefix}-shared-blob-dir`),
    certDir: optional(reader, `${prefix}-cert-dir`)
  }
}

function parsePlatformOption(reader: OptionReader, name: string, value: string): Platform {
  try {
    return parsePlatform(value)
  } catch {
    throw new UsageError(
      `${reader.label(name)}: "${value}" is not a platform; write os/arch[/variant], e.g. linux/arm64 or linux/arm/v7`
    )
  }
}

function platforms(reader: OptionReader, name: string): Platform[] {
  return reader.getList(name).map(p => parsePlatformOption(reader, name, p))
}

export function parseCopyRequest(reader: OptionReader): CopyRequest {
  for (const name of notSupportedYet) {
    if (optional(reader, name) !== undefined) throw new UsageError(`not supported yet: ${reader.label(name)}`)
  }

  const source = optional(reader, 'src')
  if (!source)
    throw new UsageError(
      `${reader.label('src')} is required: the image to copy, e.g. docker://ghcr.io/acme/app:1.0`
    )
  const destinations = reader.getList('dest')
  if (destinations.length === 0) {
    throw new UsageError(
      `${reader.label('dest')} is required: one or more destinations, e.g. oci:./layout:1.0`
    )
  }
  const duplicate = destinations.find((d, i) => destinations.indexOf(d) !== i)
  if (duplicate) throw new UsageError(`${reader.label('dest')}: "${duplicate}" is given twice`)

  const allImages = bool(reader, 'all-images', false)
  const instances = reader.getList('instances')
  for (const d of instances) {
    if (!isValidDigest(d)) {
      throw new UsageError(
        `${reader.label('instances')}: "${d}" is not a digest; write sha256:<64 hex digits>`
      )
    }
  }
  const platformList = platforms(reader, 'platforms')
  const platformRaw = optional(reader, 'platform')
  const platform = platformRaw ? parsePlatformOption(reader, 'platform', platformRaw) : undefined

  let selection: ImageSelection
  if (allImages && (instances.length > 0 || platformList.length > 0)) {
    throw new UsageError(
      `${reader.label('all-images')} copies every instance; it cannot go with ${reader.label(instances.length > 0 ? 'instances' : 'platforms')}`
    )
  }
  if (platform && (allImages || instances.length > 0 || platformList.length > 0)) {
    throw new UsageError(
      `${reader.label('platform')} picks one image for a single-image copy; it cannot go with all-images, instances or platforms`
    )
  }
  if (allImages) selection = { kind: 'all' }
  else if (instances.length > 0 || platformList.length > 0)
    selection = { kind: 'specific', instances, platforms: platformList }
  else selection = { kind: 'system', platform }

  const sparse = optional(reader, 'sparse-list') ?? 'strip'
  if (sparse !== 'strip' && sparse !== 'keep') {
    throw new UsageError(`${reader.label('sparse-list')}: expected strip or keep, got "${sparse}"`)
  }

  let forceMimeType: string | undefined
  const forced = optional(reader, 'force-mime-type')
  if (forced) {
    try {
      forceMimeType = parseMimeTypeOption(forced)
    } catch (e) {
      throw new UsageError(`${reader.label('force-mime-type')}: ${(e as Error).message}`)
    }
  }

  return {
    source,
    destinations,
    selection,
    sparseList: sparse,
    forceMimeType,
    preserveDigests: bool(reader, 'preserve-digests', false),
    removeSignatures: bool(reader, 'remove-signatures', false),
    parallel: int(reader, 'parallel', 6, 1, 64),
    retryTimes: int(reader, 'retry-times', 3, 0, 20),
    src: side(reader, 'src'),
    dest: side(reader, 'dest'),
    digestFile: optional(reader, 'digestfile'),
    authFile: optional(reader, 'auth-file'),
    githubToken: optional(reader, 'github-token'),
    cache: {
      enabled: bool(reader, 'cache', true),
      key: optional(reader, 'cache-key'),
      maxBytes: cacheSize(reader),
      dir: optional(reader, 'cache-dir')
    }
  }
}

function cacheSize(reader: OptionReader): number {
  const raw = optional(reader, 'cache-max-size')
  if (raw === undefined) return defaultCacheMaxBytes
  try {
    return parseSize(raw, reader.label('cache-max-size'))
  } catch (e) {
    if (e instanceof UsageError) throw e
    throw new UsageError(`${reader.label('cache-max-size')}: ${(e as Error).message}`)
  }
}

/** Splits a list input: one item per line or comma-separated; blank items dropped. */
export function splitList(raw: string | undefined): string[] {
  if (!raw) return []
  return raw
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(s => s !== '')
}
