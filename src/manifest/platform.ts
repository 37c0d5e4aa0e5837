import { ManifestError } from './errors.js'
import { imageEntries, withAttestations } from './attestation.js'
import type { Descriptor, Platform, WantedPlatformOptions } from './types.js'

export type { WantedPlatformOptions }

/** Parses `os/arch[/variant]` (e.g. `linux/arm64`, `linux/arm/v7`). */
export function parsePlatform(value: string): Platform {
  const parts = value.trim().split('/')
  if (parts.length < 2 || parts.length > 3 || parts.some(p => p === '' || /\s/.test(p))) {
    throw new ManifestError(
      'invalid-platform',
      `invalid platform ${JSON.stringify(value)}: expected os/architecture[/variant], e.g. linux/arm64 or linux/arm/v7`
    )
  }
  const platform: Platform = { os: parts[0], architecture: parts[1] }
  if (parts[2] !== undefined) platform.variant = parts[2]
  return platform
}

export function formatPlatform(p: Pick<Platform, 'os' | 'architecture' | 'variant'>): string {
  return p.variant ? `${p.os}/${p.architecture}/${p.variant}` : `${p.os}/${p.architecture}`
}

const nodeArchitectures: Readonly<Record<string, string>> = {
  x64: 'amd64',
  ia32: '386',
  arm: 'arm',
  arm64: 'arm64',
  ppc64: 'ppc64le', // Node reports little-endian POWER as ppc64
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loong64',
  mips: 'mips',
  mipsel: 'mipsle'
}

const nodeSystems: Readonly<Record<string, string>> = {
  win32: 'windows',
  sunos: 'solaris'
}

/** Maps Node's process.platform / process.arch to OCI (Go) names. */
export function nodeToOciPlatform(platform: string, arch: string): { os: string; architecture: string } {
  return { os: nodeSystems[platform] ?? platform, architecture: nodeArchitectures[arch] ?? arch }
}

/** Variants an architecture can run, best first (containers/image platform compatibility table). */
const compatibility: Readonly<Record<string, readonly string[]>> = {
  arm: ['v8', 'v7', 'v6', 'v5'],
  arm64: ['v8']
}

/** containers/image WantedPlatforms: the platforms acceptable for `wanted`, best first. */
export function wantedPlatforms(wanted: WantedPlatformOptions): Platform[] {
  let variants: string[]
  if (wanted.variant) {
    const order = compatibility[wanted.architecture]
    const i = order ? order.indexOf(wanted.variant) : -1
    variants = i >= 0 ? [...order.slice(i), ''] : [wanted.variant, '']
  } else {
    variants = ['', ...(compatibility[wanted.architecture] ?? [])]
  }
  return variants.map(v => {
    const p: Platform = { os: wanted.os, architecture: wanted.architecture }
    if (v !== '') p.variant = v
    return p
  })
}

/** containers/image MatchesPlatform: architecture, OS and variant equal (OS version and features ignored). */
export function platformMatches(image: Platform, wanted: Platform): boolean {
  return (
    image.architecture === wanted.architecture &&
    image.os === wanted.os &&
    (image.variant ?? '') === (wanted.variant ?? '')
  )
}

export function noMatchError(
  kind: 'manifest list' | 'image index' | 'list',
  wanted: WantedPlatformOptions,
  present: Array<Platform | undefined>
): ManifestError {
  return new ManifestError(
    'no-matching-instance',
    `no image for ${formatPlatform(wanted)} in the ${kind}; it has ${describePlatforms(present)}`
  )
}

const SHOWN_PLATFORMS = 20

/**
 * The platforms of a list's entries for a message: distinct, in list order, at most 20. They come
 * from the manifest, so anything but plain name characters is shown quoted (escaped).
 */
export function describePlatforms(present: Array<Platform | undefined>): string {
  if (present.length === 0) return 'no images'
  const names = present.map(p => {
    if (!p) return '(no platform)'
    const text = formatPlatform(p)
    return /^[\w./+-]{1,80}$/.test(text) ? text : JSON.stringify(text.slice(0, 80))
  })
  const distinct = names.filter((n, i) => names.indexOf(n) === i)
  const shown = distinct.slice(0, SHOWN_PLATFORMS).join(', ')
  const more = distinct.length - SHOWN_PLATFORMS
  return more > 0 ? `${shown} and ${more} more` : shown
}

interface InstanceSource {
  instances(): Array<Pick<Descriptor, 'digest' | 'platform' | 'annotations'>>
}

/**
 * The instances a copy of specific images takes from a list: the given digests (each must be in the
 * list) and every instance whose OS and architecture match a given platform. Unlike containers/image,
 * which ignores variants here, a platform that names a variant only matches instances of that variant.
 * A platform that matches nothing is an error. Attestation manifests never match a platform; those
 * of the selected images are added. Result in list order.
 */
export function selectInstances(
  list: InstanceSource,
  selection: { digests?: string[]; platforms?: Platform[] }
): string[] {
  const instances = list.instances()
  const selected = new Set<string>()
  for (const digest of selection.digests ?? []) {
    if (!instances.some(i => i.digest === digest)) {
      throw new ManifestError('no-matching-instance', `instance ${digest} is not in the manifest list`)
    }
    selected.add(digest)
  }
  const images = imageEntries(instances)
  for (const wanted of selection.platforms ?? []) {
    const matches = images.filter(i => {
      const p = i.platform ?? { os: '', architecture: '' }
      return (
        p.os === wanted.os &&
        p.architecture === wanted.architecture &&
        (!wanted.variant || p.variant === wanted.variant)
      )
    })
    if (matches.length === 0) {
      throw noMatchError(
        'list',
        wanted,
        images.map(i => i.platform)
      )
    }
    for (const m of matches) selected.add(m.digest)
  }
  return withAttestations(instances, [...selected])
}
