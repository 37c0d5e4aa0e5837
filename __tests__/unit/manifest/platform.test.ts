import { describe, expect, it } from '@jest/globals'
import {
  describePlatforms,
  formatPlatform,
  nodeToOciPlatform,
  parseList,
  parsePlatform,
  platformMatches,
  selectInstances,
  wantedPlatforms,
  MediaType
} from '../../../src/manifest/index.js'
import { fixture, thrown } from './helpers.js'

describe('wantedPlatforms (containers/image TestWantedPlatforms)', () => {
  it.each([
    [{ os: 'linux', architecture: 'amd64' }, [{ os: 'linux', architecture: 'amd64' }]],
    [
      { os: 'linux', architecture: 'arm', variant: 'v6' },
      [
        { os: 'linux', architecture: 'arm', variant: 'v6' },
        { os: 'linux', architecture: 'arm', variant: 'v5' },
        { os: 'linux', architecture: 'arm' }
      ]
    ],
    [
      { os: 'linux', architecture: 'arm' },
      [
        { os: 'linux', architecture: 'arm' },
        { os: 'linux', architecture: 'arm', variant: 'v8' },
        { os: 'linux', architecture: 'arm', variant: 'v7' },
        { os: 'linux', architecture: 'arm', variant: 'v6' },
        { os: 'linux', architecture: 'arm', variant: 'v5' }
      ]
    ],
    [
      { os: 'linux', architecture: 'arm64' },
      [
        { os: 'linux', architecture: 'arm64' },
        { os: 'linux', architecture: 'arm64', variant: 'v8' }
      ]
    ],
    [
      { os: 'freeBSD', architecture: 'armel', variant: 'custom' },
      [
        { os: 'freeBSD', architecture: 'armel', variant: 'custom' },
        { os: 'freeBSD', architecture: 'armel' }
      ]
    ],
    [
      { os: 'linux', architecture: 'arm64', variant: 'v9' },
      [
        { os: 'linux', architecture: 'arm64', variant: 'v9' },
        { os: 'linux', architecture: 'arm64' }
      ]
    ]
  ])('%j', (input, expected) => {
    expect(wantedPlatforms(input)).toEqual(expected)
  })
})

describe('platform strings', () => {
  it.each([
    ['linux/amd64', { os: 'linux', architecture: 'amd64' }],
    ['linux/arm/v7', { os: 'linux', architecture: 'arm', variant: 'v7' }],
    [' windows/amd64 ', { os: 'windows', architecture: 'amd64' }]
  ])('parses %j', (text, platform) => {
    expect(parsePlatform(text)).toEqual(platform)
    expect(formatPlatform(platform)).toBe(text.trim())
  })

  it.each(['linux', 'linux/', '/amd64', 'linux/arm/v7/x', '', 'linux/ amd64'])(
    'refuses %j, naming it',
    text => {
      const e = thrown(() => parsePlatform(text))
      expect(e.kind).toBe('invalid-platform')
      expect(e.message).toContain(JSON.stringify(text))
    }
  )

  it('maps Node names to OCI names', () => {
    expect(nodeToOciPlatform('linux', 'x64')).toEqual({ os: 'linux', architecture: 'amd64' })
    expect(nodeToOciPlatform('linux', 'arm64')).toEqual({ os: 'linux', architecture: 'arm64' })
    expect(nodeToOciPlatform('linux', 'arm')).toEqual({ os: 'linux', architecture: 'arm' })
    expect(nodeToOciPlatform('win32', 'ia32')).toEqual({ os: 'windows', architecture: '386' })
    expect(nodeToOciPlatform('linux', 'ppc64')).toEqual({ os: 'linux', architecture: 'ppc64le' })
    expect(nodeToOciPlatform('linux', 's390x')).toEqual({ os: 'linux', architecture: 's390x' })
    expect(nodeToOciPlatform('linux', 'riscv64')).toEqual({ os: 'linux', architecture: 'riscv64' })
    expect(nodeToOciPlatform('linux', 'loong64')).toEqual({ os: 'linux', architecture: 'loong64' })
    expect(nodeToOciPlatform('darwin', 'arm64')).toEqual({ os: 'darwin', architecture: 'arm64' })
  })

  it('platformMatches compares OS, architecture and variant only', () => {
    expect(
      platformMatches(
        { os: 'linux', architecture: 'amd64', osFeatures: ['sse4'] },
        { os: 'linux', architecture: 'amd64' }
      )
    ).toBe(true)
    expect(
      platformMatches(
        { os: 'linux', architecture: 'arm', variant: 'v7' },
        { os: 'linux', architecture: 'arm' }
      )
    ).toBe(false)
  })
})

describe('selectInstances', () => {
  const list = parseList(fixture('schema2list.json'), MediaType.DockerV2List)
  const digests = list.instances().map(i => i.digest)

  it('selects by platform (any variant unless one is given) and by digest, in list order', () => {
    expect(selectInstances(list, { platforms: [{ os: 'linux', architecture: 'arm' }] })).toEqual([
      digests[1],
      digests[2]
    ])
    // Our extension: a variant in the filter must match (containers/image ignores it).
    expect(
      selectInstances(list, { platforms: [{ os: 'linux', architecture: 'arm', variant: 'v6' }] })
    ).toEqual([digests[2]])
    expect(
      selectInstances(list, {
        digests: [digests[6], digests[0]],
        platforms: [{ os: 'linux', architecture: 'amd64' }]
      })
    ).toEqual([digests[0], digests[6]])
    expect(selectInstances(list, {})).toEqual([])
  })

  it('a digest or platform that matches nothing is an error naming it', () => {
    const missing = 'sha256:' + '0'.repeat(64)
    const e = thrown(() => selectInstances(list, { digests: [missing] }))
    expect(e.kind).toBe('no-matching-instance')
    expect(e.message).toContain(missing)
    const p = thrown(() =>
      selectInstances(list, { platforms: [{ os: 'linux', architecture: 'arm', variant: 'v7' }] })
    )
    expect(p.kind).toBe('no-matching-instance')
    expect(p.message).toMatch(/^no image for linux\/arm\/v7 in the list; it has /)
    for (const entry of list.instances()) {
      if (entry.platform) expect(p.message).toContain(formatPlatform(entry.platform))
    }
  })

  it('lists the platforms present, distinct, escaped and at most 20', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ os: 'linux', architecture: `arch${i}` }))
    expect(describePlatforms([...many, many[0]])).toBe(
      `${many
        .slice(0, 20)
        .map(p => `linux/${p.architecture}`)
        .join(', ')} and 5 more`
    )
    expect(describePlatforms([{ os: 'linux', architecture: 'amd64\u001b[31m' }, undefined])).toBe(
      '"linux/amd64\\u001b[31m", (no platform)'
    )
    expect(describePlatforms([])).toBe('no images')
  })

  it('instances without a platform match only an empty filter', () => {
    const index = parseList(fixture('oci1.index.zstd-selection2.json'), MediaType.OCIIndex)
    expect(selectInstances(index, { platforms: [{ os: '', architecture: '' }] })).toHaveLength(3)
  })
})
