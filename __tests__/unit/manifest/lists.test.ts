import { describe, expect, it } from '@jest/globals'
import {
  DockerManifestList,
  formatPlatform,
  MediaType,
  OciIndex,
  ZstdInstanceAnnotation,
  assertNoNestedLists,
  guessMimeType,
  parseImageManifest,
  parseList,
  sha256Digest,
  type ManifestList
} from '../../../src/manifest/index.js'
import { fixture, localFixture, thrown } from './helpers.js'

const listFixtures = [
  'schema2list.json',
  'v2list.manifest.json',
  'v2list.everything.json',
  'schema2list-variants.json',
  'oci1index.json',
  'ociv1.image.index.json',
  'ociv1nomime.image.index.json',
  'oci1.index.everything.json',
  'oci1.index.zstd-selection.json',
  'oci1.index.zstd-selection2.json',
  'ocilist-variants.json'
]

function load(name: string): ManifestList {
  const bytes = fixture(name)
  return parseList(bytes, guessMimeType(bytes))
}

function wanted(
  platform: string,
  preferGzip?: boolean
): { os: string; architecture: string; variant?: string; preferGzip?: boolean } {
  const [architecture, variant] = platform.split('/')
  return { os: 'linux', architecture, ...(variant ? { variant } : {}), ...(preferGzip ? { preferGzip } : {}) }
}

// [platform, digest chosen (zstd preferred, the default), digest chosen with preferGzip]; null = no match.
// Derived by reading each fixture; agrees with containers/image's TestChooseInstance tables where they overlap.
type Row = [string, string | null, string | null]
const chosen: Record<string, Row[]> = {
  'schema2list.json': [
    [
      'amd64',
      'sha256:030fcb92e1487b18c974784dcc110a93147c9fc402188370fbfd17efabffc6af',
      'sha256:030fcb92e1487b18c974784dcc110a93147c9fc402188370fbfd17efabffc6af'
    ],
    [
      'arm64',
      'sha256:dc472a59fb006797aa2a6bfb54cc9c57959bb0a6d11fadaa608df8c16dea39cf',
      'sha256:dc472a59fb006797aa2a6bfb54cc9c57959bb0a6d11fadaa608df8c16dea39cf'
    ],
    [
      'arm/v7',
      'sha256:b5dbad4bdb4444d919294afe49a095c23e86782f98cdf0aa286198ddb814b50b',
      'sha256:b5dbad4bdb4444d919294afe49a095c23e86782f98cdf0aa286198ddb814b50b'
    ],
    [
      'arm/v6',
      'sha256:b5dbad4bdb4444d919294afe49a095c23e86782f98cdf0aa286198ddb814b50b',
      'sha256:b5dbad4bdb4444d919294afe49a095c23e86782f98cdf0aa286198ddb814b50b'
    ],
    [
      's390x',
      'sha256:e5aa1b0a24620228b75382997a0977f609b3ca3a95533dafdef84c74cc8df642',
      'sha256:e5aa1b0a24620228b75382997a0977f609b3ca3a95533dafdef84c74cc8df642'
    ],
    [
      'ppc64le',
      'sha256:59117d7c016fba6ede7f87991204bd672a1dca444102de66db632383507ed90b',
      'sha256:59117d7c016fba6ede7f87991204bd672a1dca444102de66db632383507ed90b'
    ],
    ['riscv64', null, null]
  ],
  // Its variants are spelled "armv7"/"armv8", so no arm query matches.
  'v2list.manifest.json': [
    [
      'amd64',
      'sha256:ae1b0e06e8ade3a11267564a26e750585ba2259c0ecab59ab165ad1af41d1bdd',
      'sha256:ae1b0e06e8ade3a11267564a26e750585ba2259c0ecab59ab165ad1af41d1bdd'
    ],
    ['arm64', null, null],
    ['arm/v7', null, null],
    ['arm/v6', null, null],
    [
      's390x',
      'sha256:e4c0df75810b953d6717b8f8f28298d73870e8aa2a0d5e77b8391f16fdfbbbe2',
      'sha256:e4c0df75810b953d6717b8f8f28298d73870e8aa2a0d5e77b8391f16fdfbbbe2'
    ],
    [
      'ppc64le',
      'sha256:7820f9a86d4ad15a2c4f0c0e5479298df2aa7c2f6871288e2ef8546f3e7b6783',
      'sha256:7820f9a86d4ad15a2c4f0c0e5479298df2aa7c2f6871288e2ef8546f3e7b6783'
    ],
    ['riscv64', null, null]
  ],
  'v2list.everything.json': [
    ['amd64', null, null],
    ['arm64', null, null],
    ['arm/v7', null, null],
    ['arm/v6', null, null],
    ['s390x', null, null],
    ['ppc64le', null, null],
    ['riscv64', null, null]
  ],
  'schema2list-variants.json': [
    [
      'amd64',
      'sha256:59eec8837a4d942cc19a52b8c09ea75121acc38114a2c68b98983ce9356b8610',
      'sha256:59eec8837a4d942cc19a52b8c09ea75121acc38114a2c68b98983ce9356b8610'
    ],
    ['arm64', null, null],
    [
      'arm/v7',
      'sha256:f365626a556e58189fc21d099fc64603db0f440bff07f77c740989515c544a39',
      'sha256:f365626a556e58189fc21d099fc64603db0f440bff07f77c740989515c544a39'
    ],
    [
      'arm/v6',
      'sha256:f365626a556e58189fc21d099fc64603db0f440bff07f77c740989515c544a39',
      'sha256:f365626a556e58189fc21d099fc64603db0f440bff07f77c740989515c544a39'
    ],
    ['s390x', null, null],
    ['ppc64le', null, null],
    ['riscv64', null, null]
  ],
  'oci1index.json': [
    [
      'amd64',
      'sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270',
      'sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270'
    ],
    [
      'arm64',
      'sha256:615e8db5ae085b39e9cd24e5bc887d03fbd30ee4f55f5fedf9b697fafea4fbdd',
      'sha256:615e8db5ae085b39e9cd24e5bc887d03fbd30ee4f55f5fedf9b697fafea4fbdd'
    ],
    ['arm/v7', null, null],
    ['arm/v6', null, null],
    ['s390x', null, null],
    [
      'ppc64le',
      'sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f',
      'sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f'
    ],
    ['riscv64', null, null]
  ],
  'ociv1.image.index.json': [
    [
      'amd64',
      'sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270',
      'sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270'
    ],
    ['arm64', null, null],
    ['arm/v7', null, null],
    ['arm/v6', null, null],
    ['s390x', null, null],
    [
      'ppc64le',
      'sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f',
      'sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f'
    ],
    ['riscv64', null, null]
  ],
  'ociv1nomime.image.index.json': [
    [
      'amd64',
      'sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270',
      'sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270'
    ],
    ['arm64', null, null],
    ['arm/v7', null, null],
    ['arm/v6', null, null],
    ['s390x', null, null],
    [
      'ppc64le',
      'sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f',
      'sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f'
    ],
    ['riscv64', null, null]
  ],
  'oci1.index.everything.json': [
    ['amd64', null, null],
    ['arm64', null, null],
    ['arm/v7', null, null],
    ['arm/v6', null, null],
    ['s390x', null, null],
    ['ppc64le', null, null],
    ['riscv64', null, null]
  ],
  'oci1.index.zstd-selection.json': [
    [
      'amd64',
      'sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
      'sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
    ],
    [
      'arm64',
      'sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc',
      'sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc'
    ],
    ['arm/v7', null, null],
    ['arm/v6', null, null],
    [
      's390x',
      'sha256:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee',
      'sha256:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee'
    ],
    ['ppc64le', null, null],
    ['riscv64', null, null]
  ],
  // Entries without a platform are a last resort, so every query finds one.
  'oci1.index.zstd-selection2.json': [
    [
      'amd64',
      'sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc',
      'sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
    ],
    [
      'arm64',
      'sha256:1c98002b30a71b08ab175915ce7c8fb8da9e9b502ae082d6f0c572bac9dee324',
      'sha256:6dc14a60d2ba724646cfbf5fccbb9a618a5978a64a352e060b17caf5e005da9d'
    ],
    [
      'arm/v7',
      'sha256:f2f5f52a2cf2c51d4cac6df0545f751c0adc3f3427eb47c59fcb32894503e18f',
      'sha256:c76757bb6006babdd8464dbf2f1157fdfa6fead0bc6f84f15816a32d6f68f706'
    ],
    [
      'arm/v6',
      'sha256:f2f5f52a2cf2c51d4cac6df0545f751c0adc3f3427eb47c59fcb32894503e18f',
      'sha256:c76757bb6006babdd8464dbf2f1157fdfa6fead0bc6f84f15816a32d6f68f706'
    ],
    [
      's390x',
      'sha256:f2f5f52a2cf2c51d4cac6df0545f751c0adc3f3427eb47c59fcb32894503e18f',
      'sha256:c76757bb6006babdd8464dbf2f1157fdfa6fead0bc6f84f15816a32d6f68f706'
    ],
    [
      'ppc64le',
      'sha256:f2f5f52a2cf2c51d4cac6df0545f751c0adc3f3427eb47c59fcb32894503e18f',
      'sha256:c76757bb6006babdd8464dbf2f1157fdfa6fead0bc6f84f15816a32d6f68f706'
    ],
    [
      'riscv64',
      'sha256:f2f5f52a2cf2c51d4cac6df0545f751c0adc3f3427eb47c59fcb32894503e18f',
      'sha256:c76757bb6006babdd8464dbf2f1157fdfa6fead0bc6f84f15816a32d6f68f706'
    ]
  ],
  'ocilist-variants.json': [
    [
      'amd64',
      'sha256:59eec8837a4d942cc19a52b8c09ea75121acc38114a2c68b98983ce9356b8610',
      'sha256:59eec8837a4d942cc19a52b8c09ea75121acc38114a2c68b98983ce9356b8610'
    ],
    ['arm64', null, null],
    [
      'arm/v7',
      'sha256:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee',
      'sha256:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee'
    ],
    [
      'arm/v6',
      'sha256:f365626a556e58189fc21d099fc64603db0f440bff07f77c740989515c544a39',
      'sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd'
    ],
    ['s390x', null, null],
    ['ppc64le', null, null],
    ['riscv64', null, null]
  ]
}

describe('chooseInstance on every list fixture', () => {
  it('covers every list fixture', () => {
    expect(Object.keys(chosen).sort()).toEqual([...listFixtures].sort())
  })

  describe.each(Object.keys(chosen))('%s', name => {
    it.each(chosen[name])('linux/%s', (platform, zstdPreferred, gzipPreferred) => {
      const list = load(name)
      for (const [preferGzip, expected] of [
        [false, zstdPreferred],
        [true, gzipPreferred]
      ] as const) {
        if (expected) {
          expect(list.chooseInstance(wanted(platform, preferGzip))).toBe(expected)
        } else {
          const e = thrown(() => list.chooseInstance(wanted(platform, preferGzip)))
          expect(e.kind).toBe('no-matching-instance')
          const [arch, variant] = platform.split('/')
          const kind = list.mimeType === MediaType.DockerV2List ? 'manifest list' : 'image index'
          expect(e.message).toMatch(
            new RegExp(`^no image for linux/${arch}${variant ? `/${variant}` : ''} in the ${kind}; it has `)
          )
          for (const entry of list.instances()) {
            if (entry.platform) expect(e.message).toContain(formatPlatform(entry.platform))
          }
        }
      }
    })
  })
})

describe('containers/image TestChooseInstance and TestOCI1IndexChooseInstanceByCompression', () => {
  const upstream: Array<[string, string, string, string, boolean?]> = [
    [
      'schema2list.json',
      'amd64',
      '',
      'sha256:030fcb92e1487b18c974784dcc110a93147c9fc402188370fbfd17efabffc6af'
    ],
    [
      'schema2list.json',
      's390x',
      '',
      'sha256:e5aa1b0a24620228b75382997a0977f609b3ca3a95533dafdef84c74cc8df642'
    ],
    [
      'schema2list.json',
      'arm',
      'v7',
      'sha256:b5dbad4bdb4444d919294afe49a095c23e86782f98cdf0aa286198ddb814b50b'
    ],
    [
      'schema2list.json',
      'arm64',
      '',
      'sha256:dc472a59fb006797aa2a6bfb54cc9c57959bb0a6d11fadaa608df8c16dea39cf'
    ],
    [
      'schema2list-variants.json',
      'amd64',
      '',
      'sha256:59eec8837a4d942cc19a52b8c09ea75121acc38114a2c68b98983ce9356b8610'
    ],
    [
      'schema2list-variants.json',
      'arm',
      'v7',
      'sha256:f365626a556e58189fc21d099fc64603db0f440bff07f77c740989515c544a39'
    ],
    [
      'schema2list-variants.json',
      'arm',
      'v6',
      'sha256:f365626a556e58189fc21d099fc64603db0f440bff07f77c740989515c544a39'
    ],
    [
      'schema2list-variants.json',
      'arm',
      'v5',
      'sha256:c84b0a3a07b628bc4d62e5047d0f8dff80f7c00979e1e28a821a033ecda8fe53'
    ],
    [
      'schema2list-variants.json',
      'arm',
      '',
      'sha256:c84b0a3a07b628bc4d62e5047d0f8dff80f7c00979e1e28a821a033ecda8fe53'
    ],
    [
      'schema2list-variants.json',
      'arm',
      'unrecognized-present',
      'sha256:bcf9771c0b505e68c65440474179592ffdfa98790eb54ffbf129969c5e429990'
    ],
    [
      'schema2list-variants.json',
      'arm',
      'unrecognized-not-present',
      'sha256:c84b0a3a07b628bc4d62e5047d0f8dff80f7c00979e1e28a821a033ecda8fe53'
    ],
    [
      'oci1index.json',
      'amd64',
      '',
      'sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270'
    ],
    [
      'oci1index.json',
      'ppc64le',
      '',
      'sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f'
    ],
    [
      'oci1.index.zstd-selection.json',
      'amd64',
      '',
      'sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
      false
    ],
    [
      'oci1.index.zstd-selection.json',
      'arm64',
      '',
      'sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc',
      false
    ],
    [
      'oci1.index.zstd-selection.json',
      's390x',
      '',
      'sha256:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee',
      false
    ],
    [
      'oci1.index.zstd-selection.json',
      'amd64',
      '',
      'sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      true
    ],
    [
      'ocilist-variants.json',
      'arm',
      'v7',
      'sha256:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee',
      false
    ],
    [
      'ocilist-variants.json',
      'arm',
      'v6',
      'sha256:f365626a556e58189fc21d099fc64603db0f440bff07f77c740989515c544a39',
      false
    ],
    [
      'ocilist-variants.json',
      'arm',
      'v6',
      'sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd',
      true
    ],
    [
      'ocilist-variants.json',
      'arm',
      'v5',
      'sha256:c84b0a3a07b628bc4d62e5047d0f8dff80f7c00979e1e28a821a033ecda8fe53',
      true
    ],
    [
      'ocilist-variants.json',
      'arm',
      'unrecognized-present',
      'sha256:bcf9771c0b505e68c65440474179592ffdfa98790eb54ffbf129969c5e429990',
      false
    ],
    [
      'oci1.index.zstd-selection2.json',
      'amd64',
      '',
      'sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc',
      false
    ],
    [
      'oci1.index.zstd-selection2.json',
      'amd64',
      '',
      'sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      true
    ],
    [
      'oci1.index.zstd-selection2.json',
      'arm64',
      '',
      'sha256:6dc14a60d2ba724646cfbf5fccbb9a618a5978a64a352e060b17caf5e005da9d',
      true
    ],
    [
      'oci1.index.zstd-selection2.json',
      'arm64',
      '',
      'sha256:1c98002b30a71b08ab175915ce7c8fb8da9e9b502ae082d6f0c572bac9dee324',
      false
    ],
    [
      'oci1.index.zstd-selection2.json',
      'matchesImageWithNoPlatform',
      '',
      'sha256:f2f5f52a2cf2c51d4cac6df0545f751c0adc3f3427eb47c59fcb32894503e18f',
      false
    ],
    [
      'oci1.index.zstd-selection2.json',
      'matchesImageWithNoPlatform',
      '',
      'sha256:c76757bb6006babdd8464dbf2f1157fdfa6fead0bc6f84f15816a32d6f68f706',
      true
    ]
  ]
  for (const [name, architecture, variant, digest, preferGzip] of upstream) {
    it(`${name} linux/${architecture}${variant ? '/' + variant : ''}${preferGzip ? ' preferring gzip' : ''}`, () => {
      const choice = load(name).chooseInstance({
        os: 'linux',
        architecture,
        variant: variant || undefined,
        preferGzip
      })
      expect(choice).toBe(digest)
    })
  }
})

describe('list conversions', () => {
  it.each(listFixtures)('%s: Docker list ⇄ OCI index and back keeps every platform field', name => {
    const list = load(name)
    const runtime = { os: 'linux', architecture: 'amd64' }
    const other = list.mimeType === MediaType.DockerV2List ? MediaType.OCIIndex : MediaType.DockerV2List
    const converted = list.convertTo(other, runtime)
    expect(converted.mimeType).toBe(other)
    const back = converted.convertTo(list.mimeType, runtime)
    const strip = (l: ManifestList) =>
      l.instances().map(d => {
        const platform = d.platform
          ? { ...d.platform }
          : { os: runtime.os, architecture: runtime.architecture }
        delete platform.features // OCI has no `features`: dropped by ociPlatformFromSchema2PlatformSpec
        return { digest: d.digest, mediaType: d.mediaType, size: d.size, urls: d.urls, platform }
      })
    expect(strip(converted)).toEqual(strip(list))
    expect(strip(back)).toEqual(strip(list))
    // Converting the same way twice gives the same bytes.
    expect(back.convertTo(other, runtime).serialize()).toEqual(converted.serialize())
    // Instance media types are not converted.
    expect(converted.instances().map(i => i.mediaType)).toEqual(list.instances().map(i => i.mediaType))
  })

  it('keeps os.version, os.features and variant; drops Docker-only features going to OCI', () => {
    const list = load('v2list.everything.json')
    expect(list.instances()[0].platform).toEqual({
      architecture: 'a',
      os: 'b',
      osVersion: 'c',
      osFeatures: ['d'],
      variant: 'e',
      features: ['f']
    })
    const oci = list.convertTo(MediaType.OCIIndex)
    expect(oci.instances()[0].platform).toEqual({
      architecture: 'a',
      os: 'b',
      osVersion: 'c',
      osFeatures: ['d'],
      variant: 'e'
    })
    expect(oci.instances()[0].urls).toEqual(['https://some.example/manifest'])
  })

  it('OCI → Docker drops index and entry annotations, artifactType, data; entries without platform get the runtime one', () => {
    const index = load('oci1.index.zstd-selection2.json')
    expect(thrown(() => index.convertTo(MediaType.DockerV2List)).kind).toBe('invalid-platform')
    const docker = index.convertTo(MediaType.DockerV2List, { os: 'linux', architecture: 's390x' })
    expect(docker.instances()[4].platform).toEqual({ os: 'linux', architecture: 's390x' })
    expect(docker.instances().some(i => i.annotations)).toBe(false)
    const everything = load('oci1.index.everything.json').convertTo(MediaType.DockerV2List)
    expect(JSON.parse(everything.serialize().toString())).toEqual({
      schemaVersion: 2,
      mediaType: MediaType.DockerV2List,
      manifests: [
        {
          mediaType: MediaType.OCIManifest,
          size: 1,
          digest: 'sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
          urls: ['https://some.example/manifest'],
          platform: { architecture: 'A', os: 'B', 'os.version': 'C', 'os.features': ['D'], variant: 'E' }
        }
      ]
    })
  })

  it('refuses to convert to a single-image type', () => {
    const e = thrown(() => load('schema2list.json').convertTo(MediaType.DockerV2Schema2))
    expect(e.kind).toBe('unsupported-conversion')
    expect(e.message).toContain(MediaType.DockerV2Schema2)
  })

  it('matches skopeo byte for byte: Docker list → OCI index → Docker list (instances updated)', () => {
    const docker = parseList(localFixture('skopeo/list.docker.golden'), MediaType.DockerV2List)
    const ociInstances = [localFixture('skopeo/img1.oci.golden'), localFixture('skopeo/img2.oci.golden')]
    const toOci = docker
      .withUpdatedInstances(
        docker.instances().map((inst, i) => ({
          digest: inst.digest,
          newDigest: sha256Digest(ociInstances[i]),
          size: ociInstances[i].length,
          mediaType: MediaType.OCIManifest,
          compressionAlgorithms: ['gzip']
        }))
      )
      .convertTo(MediaType.OCIIndex)
    expect(toOci.serialize().toString()).toBe(localFixture('skopeo/list.oci.golden').toString())

    const index = parseList(localFixture('skopeo/list.oci.golden'), MediaType.OCIIndex)
    const dockerInstances = [
      localFixture('skopeo/img1.oci-v2s2.golden'),
      localFixture('skopeo/img2.oci-v2s2.golden')
    ]
    const update = (l: ManifestList) =>
      l.withUpdatedInstances(
        l.instances().map((inst, i) => ({
          digest: inst.digest,
          newDigest: sha256Digest(dockerInstances[i]),
          size: dockerInstances[i].length,
          mediaType: MediaType.DockerV2Schema2
        }))
      )
    expect(update(index).convertTo(MediaType.DockerV2List).serialize().toString()).toBe(
      localFixture('skopeo/list.oci-docker.golden').toString()
    )
    const index2 = parseList(localFixture('skopeo/index2.oci.golden'), MediaType.OCIIndex)
    expect(
      update(index2)
        .convertTo(MediaType.DockerV2List, { os: 'linux', architecture: 'amd64' })
        .serialize()
        .toString()
    ).toBe(localFixture('skopeo/index2.docker.golden').toString())
  })
})

describe('list edits', () => {
  const a = 'sha256:' + 'a'.repeat(64)

  it('updates digest, size and media type of an entry, keeping the rest (TestOCI1EditInstances)', () => {
    const list = load('ociv1.image.index.json')
    const first = list.instances()[0].digest
    const updated = list.withUpdatedInstances([
      { digest: first, newDigest: 'sha256:' + 'b'.repeat(64), size: 32, mediaType: 'something' }
    ])
    expect(updated.instances()[0]).toEqual({
      digest: 'sha256:' + 'b'.repeat(64),
      size: 32,
      mediaType: 'something',
      platform: { architecture: 'ppc64le', os: 'linux' }
    })
    expect(list.instances()[0].digest).toBe(first) // the original is unchanged
    expect(updated.instance('sha256:' + 'b'.repeat(64)).size).toBe(32)
    expect(thrown(() => updated.instance(first)).kind).toBe('no-matching-instance')
  })

  it('adds the zstd annotation for zstd instances unless the list cannot be modified, without re-sorting', () => {
    const list = load('ociv1.image.index.json')
    const [first, second] = list.instances()
    const update = {
      digest: first.digest,
      newDigest: first.digest,
      size: first.size,
      mediaType: first.mediaType
    }
    const zstd = list.withUpdatedInstances([{ ...update, compressionAlgorithms: ['zstd'] }])
    expect(zstd.instances()[0].annotations).toEqual({ [ZstdInstanceAnnotation]: 'true' })
    expect(zstd.instances()[1].digest).toBe(second.digest)
    expect(
      list.withUpdatedInstances([{ ...update, compressionAlgorithms: ['zstd:chunked'] }]).instances()[0]
        .annotations
    ).toEqual({
      [ZstdInstanceAnnotation]: 'true'
    })
    const untouched = list.withUpdatedInstances([{ ...update, compressionAlgorithms: ['zstd'] }], {
      cannotModify: true
    })
    expect(untouched.serialize()).toEqual(list.serialize())
    const gzip = list.withUpdatedInstances([{ ...update, compressionAlgorithms: ['gzip'] }])
    expect(gzip.instances()[0].annotations).toBeUndefined()
    expect(gzip.serialize()).toEqual(list.serialize())
  })

  it('refuses invalid updates', () => {
    const list = load('schema2list.json')
    const d = list.instances()[0].digest
    expect(
      thrown(() =>
        list.withUpdatedInstances([{ digest: 'sha256:bad', newDigest: a, size: 1, mediaType: 'x' }])
      ).kind
    ).toBe('invalid-digest')
    expect(
      thrown(() => list.withUpdatedInstances([{ digest: d, newDigest: 'nope', size: 1, mediaType: 'x' }]))
        .kind
    ).toBe('invalid-digest')
    expect(
      thrown(() => list.withUpdatedInstances([{ digest: a, newDigest: a, size: 1, mediaType: 'x' }])).kind
    ).toBe('no-matching-instance')
    expect(
      thrown(() => list.withUpdatedInstances([{ digest: d, newDigest: a, size: -1, mediaType: 'x' }])).message
    ).toContain('invalid size')
    expect(
      thrown(() => list.withUpdatedInstances([{ digest: d, newDigest: a, size: 1, mediaType: '' }])).message
    ).toContain('no media type')
  })

  it('removes entries, refusing unknown digests and an emptied list', () => {
    const list = load('schema2list.json')
    const digests = list.instances().map(i => i.digest)
    const fewer = list.withoutInstances([digests[1], digests[3]])
    expect(fewer.instances().map(i => i.digest)).toEqual(digests.filter((_, i) => i !== 1 && i !== 3))
    expect(JSON.parse(fewer.serialize().toString()).manifests).toHaveLength(digests.length - 2)
    expect(thrown(() => list.withoutInstances([a])).kind).toBe('no-matching-instance')
    expect(thrown(() => list.withoutInstances(digests)).message).toContain('would create an empty image')
  })

  it('re-serializes an unchanged list to the same bytes when it is canonical', () => {
    const bytes = localFixture('skopeo/list.oci.golden')
    const list = parseList(bytes, MediaType.OCIIndex)
    expect(list.withUpdatedInstances([]).serialize()).toEqual(bytes)
    expect(list.convertTo(MediaType.OCIIndex).serialize()).toEqual(bytes)
  })

  it('builds lists from components', () => {
    const d = {
      mediaType: MediaType.OCIManifest,
      digest: a,
      size: 3,
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }
    }
    expect(OciIndex.fromInstances([d]).serialize().toString()).toBe(
      `{"schemaVersion":2,"mediaType":"${MediaType.OCIIndex}","manifests":[{"mediaType":"${MediaType.OCIManifest}","digest":"${a}","size":3,"platform":{"architecture":"arm64","os":"linux","variant":"v8"}}]}`
    )
    expect(DockerManifestList.fromInstances([d]).serialize().toString()).toBe(
      `{"schemaVersion":2,"mediaType":"${MediaType.DockerV2List}","manifests":[{"mediaType":"${MediaType.OCIManifest}","size":3,"digest":"${a}","platform":{"architecture":"arm64","os":"linux","variant":"v8"}}]}`
    )
  })
})

describe('errors', () => {
  it('a list nested in a list', () => {
    const nested = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.OCIIndex,
        manifests: [
          {
            mediaType: MediaType.OCIManifest,
            digest: 'sha256:' + '1'.repeat(64),
            size: 1,
            platform: { os: 'linux', architecture: 'amd64' }
          },
          { mediaType: MediaType.OCIIndex, digest: 'sha256:' + '2'.repeat(64), size: 2 }
        ]
      })
    )
    const list = parseList(nested, MediaType.OCIIndex) // valid OCI
    const e = thrown(() => assertNoNestedLists(list))
    expect(e.kind).toBe('nested-list')
    expect(e.message).toContain('sha256:' + '2'.repeat(64))
    expect(e.message).toContain(MediaType.OCIIndex)
    expect(() => assertNoNestedLists(load('schema2list.json'))).not.toThrow()
  })

  it('a list where a single manifest is expected, and the reverse', () => {
    const e = thrown(() => parseImageManifest(fixture('schema2list.json'), MediaType.DockerV2List))
    expect(e.kind).toBe('invalid-field')
    expect(e.message).toContain(MediaType.DockerV2List)
    const e2 = thrown(() => parseList(fixture('v2s2.manifest.json'), MediaType.DockerV2Schema2))
    expect(e2.kind).toBe('invalid-field')
    expect(e2.message).toContain(MediaType.DockerV2Schema2)
  })

  it('an ambiguous list (with layers) is refused, naming the field', () => {
    const bytes = Buffer.from(
      fixture('ociv1.image.index.json').toString().replace('"manifests"', '"layers": [], "manifests"')
    )
    const e = thrown(() => parseList(bytes, MediaType.OCIIndex))
    expect(e.kind).toBe('invalid-field')
    expect(e.message).toContain('"layers"')
    for (const other of ['v2s2.manifest.json', 'ociv1.manifest.json']) {
      expect(thrown(() => parseList(fixture(other), MediaType.OCIIndex)).kind).toBe('invalid-field')
    }
  })

  it('malformed and truncated lists', () => {
    const bytes = fixture('schema2list.json')
    expect(thrown(() => parseList(bytes.subarray(0, 100), MediaType.DockerV2List)).kind).toBe('truncated')
    expect(thrown(() => parseList(Buffer.from('{"manifests": [1,]}'), MediaType.DockerV2List)).kind).toBe(
      'malformed-json'
    )
    const e = thrown(() => parseList(Buffer.from('{"manifests": [{"size": "12"}]}'), MediaType.DockerV2List))
    expect(e.kind).toBe('invalid-field')
    expect(e.message).toContain('manifests[0].size')
  })
})
