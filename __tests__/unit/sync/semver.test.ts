// Our semver module against the range forms users write (and Masterminds/semver, which skopeo sync
// uses, reads): comparisons, ^, ~, x-ranges, hyphen ranges, ||; tags that are not versions never match.
import { describe, expect, it } from '@jest/globals'
import { compareVersions, parseRange, parseVersion } from '../../../src/sync/semver.js'

const tags = [
  '1.0.0',
  'v1.2.0',
  '1.2.3',
  '1.2.10',
  '1.3',
  '1.4.0-rc.1',
  '1.4.0',
  '1.9.9',
  '2.0.0',
  '2.1',
  '0.2.3',
  '0.2.9',
  '0.3.0',
  'latest',
  'stable-1.4',
  '1.4.0-alpine'
]

const matching = (range: string): string[] => tags.filter(t => parseRange(range).test(t))

describe('versions', () => {
  it('reads lenient versions and refuses what is not one', () => {
    expect(parseVersion('v1.2')).toEqual({ major: 1, minor: 2, patch: 0, prerelease: [] })
    expect(parseVersion('1.4.0-rc.1+build.5')).toEqual({
      major: 1,
      minor: 4,
      patch: 0,
      prerelease: ['rc', '1']
    })
    for (const t of ['latest', '1.2.3.4', 'stable-1.4', '', 'v', '1..2'])
      expect([t, parseVersion(t)]).toEqual([t, undefined])
  })

  it('orders pre-releases before their release, numerically where numeric', () => {
    const order = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0'
    ]
    const sorted = [...order].reverse().sort((a, b) => compareVersions(parseVersion(a)!, parseVersion(b)!))
    expect(sorted).toEqual(order)
  })
})

describe('ranges', () => {
  it.each([
    ['>=1.4 <2', ['1.4.0', '1.9.9']],
    ['>= 1.4, < 2', ['1.4.0', '1.9.9']],
    ['^1.2', ['v1.2.0', '1.2.3', '1.2.10', '1.3', '1.4.0', '1.9.9']],
    ['^0.2.3', ['0.2.3', '0.2.9']],
    ['~1.2.3', ['1.2.3', '1.2.10']],
    ['~1.2', ['v1.2.0', '1.2.3', '1.2.10']],
    ['1.x', ['1.0.0', 'v1.2.0', '1.2.3', '1.2.10', '1.3', '1.4.0', '1.9.9']],
    ['1.2.*', ['v1.2.0', '1.2.3', '1.2.10']],
    ['1.2 - 1.3', ['v1.2.0', '1.2.3', '1.2.10', '1.3']],
    ['<1 || >=2.1', ['2.1', '0.2.3', '0.2.9', '0.3.0']],
    ['>1.9', ['2.0.0', '2.1']],
    ['<=1.2', ['1.0.0', 'v1.2.0', '1.2.3', '1.2.10', '0.2.3', '0.2.9', '0.3.0']],
    ['=1.2.3', ['1.2.3']],
    ['>=1.4.0-rc.0 <1.5', ['1.4.0-rc.1', '1.4.0']] // 1.4.0-alpine sorts before rc (alphabetical)
  ])('%s', (range, expected) => {
    expect(matching(range)).toEqual(expected)
  })

  it('keeps pre-releases out unless the range names one', () => {
    expect(parseRange('>=1.0').test('1.4.0-rc.1')).toBe(false)
    expect(parseRange('>=1.4.0-rc.0').test('1.4.0-rc.1')).toBe(true)
  })

  it.each(['', '>=', 'abc', '>=1.2 <x.y.z.w', '!=1.2'])('refuses "%s" with a reason', range => {
    expect(() => parseRange(range)).toThrow(/is not a semver range/)
  })
})
