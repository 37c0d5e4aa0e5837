// Go struct shapes shared by manifests and lists: decoders and encoders with the exact field order of
// image-spec's v1.Descriptor / v1.Platform and containers/image's Schema2Descriptor / Schema2PlatformSpec.
import { ManifestError } from './errors.js'
import {
  GoMap,
  field,
  goInt,
  goPointer,
  goSlice,
  goString,
  goStringMap,
  goStruct,
  typeError,
  type Decoder,
  type GoValue
} from './go-json.js'
import { goBase64Decode } from './jws.js'
import type { Descriptor, Platform } from './types.js'

export const optString: Decoder<string | undefined> = (cur, v, path, raw) => goString(cur ?? '', v, path, raw)

const stringSlice = goSlice(goString, () => '')
const stringMap = goStringMap(goString, () => '')

const bytesField: Decoder<Buffer | undefined> = (cur, v, path) => {
  if (v === null) return undefined
  if (typeof v !== 'string') throw typeError(path, v, 'a base64 string')
  const b = goBase64Decode(v, 'std')
  if (!b) throw new ManifestError('invalid-field', `field ${JSON.stringify(path)}: illegal base64 data`)
  return b
}

export const zeroPlatform = (): Platform => ({ os: '', architecture: '' })

/** image-spec v1.Platform (no `features`). */
export const ociPlatform = goStruct<Platform>([
  field('architecture', 'architecture', goString),
  field('os', 'os', goString),
  field('os.version', 'osVersion', optString),
  field('os.features', 'osFeatures', stringSlice),
  field('variant', 'variant', optString)
])

/** containers/image Schema2PlatformSpec. */
export const schema2Platform = goStruct<Platform>([
  field('architecture', 'architecture', goString),
  field('os', 'os', goString),
  field('os.version', 'osVersion', optString),
  field('os.features', 'osFeatures', stringSlice),
  field('variant', 'variant', optString),
  field('features', 'features', stringSlice)
])

export const zeroDescriptor = (): Descriptor => ({ mediaType: '', digest: '', size: 0 })

/** image-spec v1.Descriptor. */
export const ociDescriptor = goStruct<Descriptor>([
  field('mediaType', 'mediaType', goString),
  field('digest', 'digest', goString),
  field('size', 'size', goInt),
  field('urls', 'urls', stringSlice),
  field('annotations', 'annotations', stringMap),
  field('data', 'data', bytesField),
  field('platform', 'platform', goPointer(ociPlatform, zeroPlatform)),
  field('artifactType', 'artifactType', optString)
])

export const ociDescriptorSlice = goSlice(ociDescriptor, zeroDescriptor)

/** containers/image Schema2Descriptor. */
export const schema2Descriptor = goStruct<Descriptor>([
  field('mediaType', 'mediaType', goString),
  field('size', 'size', goInt),
  field('digest', 'digest', goString),
  field('urls', 'urls', stringSlice)
])

/** containers/image Schema2ManifestDescriptor: a Schema2Descriptor with a (non-pointer) platform. */
export const schema2ManifestDescriptor = goStruct<Descriptor>([
  field('mediaType', 'mediaType', goString),
  field('size', 'size', goInt),
  field('digest', 'digest', goString),
  field('urls', 'urls', stringSlice),
  field('platform', 'platform', (cur, v, path, raw) => schema2Platform(cur ?? zeroPlatform(), v, path, raw))
])

export const zeroSchema2ManifestDescriptor = (): Descriptor => ({
  ...zeroDescriptor(),
  platform: zeroPlatform()
})

export const annotationsField = stringMap
export { stringSlice, stringMap }

// ---------------------------------------------------------------------------------------------------
// Encoders; `undefined` leaves a field out (omitempty).

export function omitEmpty(s: string | undefined): string | undefined {
  return s === undefined || s === '' ? undefined : s
}

export function omitEmptyList<T extends GoValue>(a: T[] | undefined): T[] | undefined {
  return a === undefined || a.length === 0 ? undefined : a
}

export function omitEmptyMap(m: Record<string, string> | undefined): GoMap | undefined {
  if (m === undefined) return undefined
  const entries = Object.entries(m)
  return entries.length === 0 ? undefined : new GoMap(entries)
}

export function encodeOciPlatform(p: Platform): GoValue {
  return {
    architecture: p.architecture,
    os: p.os,
    'os.version': omitEmpty(p.osVersion),
    'os.features': omitEmptyList(p.osFeatures),
    variant: omitEmpty(p.variant)
  }
}

export function encodeSchema2Platform(p: Platform): GoValue {
  return {
    architecture: p.architecture,
    os: p.os,
    'os.version': omitEmpty(p.osVersion),
    'os.features': omitEmptyList(p.osFeatures),
    variant: omitEmpty(p.variant),
    features: omitEmptyList(p.features)
  }
}

export function encodeOciDescriptor(d: Descriptor): GoValue {
  return {
    mediaType: d.mediaType,
    digest: d.digest,
    size: d.size,
    urls: omitEmptyList(d.urls),
    annotations: omitEmptyMap(d.annotations),
    data: d.data && d.data.length > 0 ? d.data.toString('base64') : undefined,
    platform: d.platform ? encodeOciPlatform(d.platform) : undefined,
    artifactType: omitEmpty(d.artifactType)
  }
}

export function encodeSchema2Descriptor(d: Descriptor): GoValue {
  return { mediaType: d.mediaType, size: d.size, digest: d.digest, urls: omitEmptyList(d.urls) }
}

export function encodeSchema2ManifestDescriptor(d: Descriptor): GoValue {
  return {
    mediaType: d.mediaType,
    size: d.size,
    digest: d.digest,
    urls: omitEmptyList(d.urls),
    platform: encodeSchema2Platform(d.platform ?? zeroPlatform())
  }
}

// ---------------------------------------------------------------------------------------------------
// Copies for the public API: no shared arrays or maps, and Go's empty values shown as absent.

export function clonePlatform(p: Platform): Platform {
  const out: Platform = { os: p.os, architecture: p.architecture }
  if (p.variant) out.variant = p.variant
  if (p.osVersion) out.osVersion = p.osVersion
  if (p.osFeatures && p.osFeatures.length > 0) out.osFeatures = [...p.osFeatures]
  if (p.features && p.features.length > 0) out.features = [...p.features]
  return out
}

export function cloneDescriptor(d: Descriptor): Descriptor {
  const out: Descriptor = { mediaType: d.mediaType, digest: d.digest, size: d.size }
  if (d.urls && d.urls.length > 0) out.urls = [...d.urls]
  if (d.annotations && Object.keys(d.annotations).length > 0) out.annotations = { ...d.annotations }
  if (d.platform) out.platform = clonePlatform(d.platform)
  if (d.artifactType) out.artifactType = d.artifactType
  if (d.data && d.data.length > 0) out.data = Buffer.from(d.data)
  return out
}
