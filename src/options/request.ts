// One typed, validated request from named options. The Action reads them from its inputs, the CLI
// from its flags; both use these names (DESIGN.md section 8), so errors name what the user wrote.
import { isValidDigest, parseMimeTypeOption, parsePlatform, type Platform } from '../manifest/index.js'
import { UsageError } from '../errors.js'
import { parseValue } from './kinds.js'
import { option } from './table.js'
import type { ImageSelection, SparseListAction } from '../copy/options.js'
import { levelProblem, type CompressionAlgorithm } from '../compression/streams.js'

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
  skipUnchanged: boolean
  parallel: number
  retryTimes: number
  src: RegistrySide
  dest: RegistrySide
  digestFile?: string
  authFile?: string
  /** Used for ghcr.io when no other credentials match. */
  githubToken?: string
  cache: {
    enabled: boolean
    key?: string
    maxBytes: number
    dir?: string
    location: 'actions' | 'runner' | 'both'
  }
  layers: LayerOptions
  /** `referrers`, `digest-tags`, `referrers-artifact-types`. */
  referrers: { referrers: boolean; digestTags: boolean; artifactTypes: string[] }
}

/** What happens to layers' compression (skopeo's --dest-compress* flags). */
export interface LayerOptions {
  compressFormat?: CompressionAlgorithm
  compressLevel?: number
  dirCompress: boolean
  dirDecompress: boolean
  ociAcceptUncompressed: boolean
}

/** Options this version does not implement yet: setting them is an error, never silently ignored. */
export const notSupportedYet: string[] = []

/** A default from the option table, read as that option's kind. */
function defaultValue(name: string): boolean | number | string | undefined {
  const spec = option(name)
  return spec.default === undefined ? undefined : parseValue(spec.kind, spec.default, spec.name)
}

/** The option's value as given, else the table's default; checked against the option's kind. */
function value(reader: OptionReader, name: string): boolean | number | string | undefined {
  const raw = optional(reader, name)
  return raw === undefined ? defaultValue(name) : parseValue(option(name).kind, raw, reader.label(name))
}

function bool(reader: OptionReader, name: string): boolean {
  const v = value(reader, name)
  if (typeof v !== 'boolean') throw new Error(`option ${name}: not a true/false option in the option table`)
  return v
}

/** An integer or a size option (never undefined: each has a default). */
function number(reader: OptionReader, name: string): number {
  const v = value(reader, name)
  if (typeof v !== 'number') throw new Error(`option ${name}: no number in the option table`)
  return v
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
    tlsVerify: bool(reader, `${prefix}-tls-verify`),
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

  const source = optional(reader, 'src') ?? ''
  const fromFile = optional(reader, 'images-file') !== undefined
  if (source && fromFile) {
    throw new UsageError(
      `${reader.label('src')} and ${reader.label('images-file')} cannot go together: the file names the images to copy`
    )
  }
  if (!source && !fromFile)
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

  const allImages = bool(reader, 'all-images')
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

  const sparse = value(reader, 'sparse-list') as SparseListAction

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
    preserveDigests: bool(reader, 'preserve-digests'),
    removeSignatures: bool(reader, 'remove-signatures'),
    skipUnchanged: bool(reader, 'skip-unchanged'),
    parallel: number(reader, 'parallel'),
    retryTimes: number(reader, 'retry-times'),
    src: side(reader, 'src'),
    dest: side(reader, 'dest'),
    digestFile: optional(reader, 'digestfile'),
    authFile: optional(reader, 'auth-file'),
    githubToken: optional(reader, 'github-token'),
    layers: layerOptions(reader),
    referrers: referrerOptions(reader),
    cache: {
      enabled: bool(reader, 'cache'),
      key: optional(reader, 'cache-key'),
      location: value(reader, 'cache-location') as 'actions' | 'runner' | 'both',
      maxBytes: number(reader, 'cache-max-size'),
      dir: optional(reader, 'cache-dir')
    }
  }
}

function referrerOptions(reader: OptionReader): CopyRequest['referrers'] {
  const referrers = bool(reader, 'referrers')
  const artifactTypes = reader.getList('referrers-artifact-types')
  if (artifactTypes.length > 0 && !referrers) {
    throw new UsageError(
      `${reader.label('referrers-artifact-types')} limits the referrers copied; set ${reader.label('referrers')} too`
    )
  }
  for (const t of artifactTypes) {
    if (!/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i.test(t))
      throw new UsageError(`${reader.label('referrers-artifact-types')}: "${t}" is not a media type`)
  }
  return { referrers, digestTags: bool(reader, 'digest-tags'), artifactTypes }
}

function layerOptions(reader: OptionReader): LayerOptions {
  const compressFormat = value(reader, 'dest-compress-format') as CompressionAlgorithm | undefined
  const compressLevel = value(reader, 'dest-compress-level') as number | undefined
  const problem = levelProblem(compressFormat ?? 'gzip', compressLevel)
  if (problem) throw new UsageError(`${reader.label('dest-compress-level')} ${compressLevel}: ${problem}`)
  const dirCompress = bool(reader, 'dest-compress')
  const dirDecompress = bool(reader, 'dest-decompress')
  if (dirCompress && dirDecompress) {
    throw new UsageError(
      `${reader.label('dest-compress')} and ${reader.label('dest-decompress')} cannot go together`
    )
  }
  return {
    compressFormat,
    compressLevel,
    dirCompress,
    dirDecompress,
    ociAcceptUncompressed: bool(reader, 'dest-oci-accept-uncompressed-layers')
  }
}
