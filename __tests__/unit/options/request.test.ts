import { describe, expect, it } from '@jest/globals'
import { parseCopyRequest, type OptionReader } from '../../../src/options/request.js'
import { splitList } from '../../../src/options/split-list.js'
import { argsReader, parseArgs } from '../../../src/cli/args.js'

function reader(values: Record<string, string>): OptionReader {
  return {
    label: n => `input "${n}"`,
    get: n => values[n],
    getList: n => (n === 'dest' ? (values[n] ?? '').split('\n').filter(Boolean) : splitList(values[n]))
  }
}
const base = { src: 'oci:/a:1', dest: 'oci:/b:1' }

describe('parseCopyRequest', () => {
  it('defaults: system copy, strip, 6 in parallel, TLS verified', () => {
    const r = parseCopyRequest(reader(base))
    expect(r.selection).toEqual({ kind: 'system', platform: undefined })
    expect(r.sparseList).toBe('strip')
    expect(r.parallel).toBe(6)
    expect(r.src.tlsVerify).toBe(true)
  })
  it('selections', () => {
    expect(parseCopyRequest(reader({ ...base, 'all-images': 'true' })).selection).toEqual({ kind: 'all' })
    const d = `sha256:${'a'.repeat(64)}`
    expect(
      parseCopyRequest(reader({ ...base, instances: `${d}\n`, platforms: 'linux/arm64, linux/arm/v7' }))
        .selection
    ).toEqual({
      kind: 'specific',
      instances: [d],
      platforms: [
        { os: 'linux', architecture: 'arm64' },
        { os: 'linux', architecture: 'arm', variant: 'v7' }
      ]
    })
    expect(parseCopyRequest(reader({ ...base, platform: 'linux/arm/v7' })).selection).toEqual({
      kind: 'system',
      platform: { os: 'linux', architecture: 'arm', variant: 'v7' }
    })
  })
  it('cache: on by default and when set to true (the Action always gets cache=true from action.yml)', () => {
    expect(parseCopyRequest(reader(base)).cache.enabled).toBe(true)
    expect(parseCopyRequest(reader({ ...base, cache: 'true' })).cache.enabled).toBe(true)
    expect(parseCopyRequest(reader({ ...base, cache: 'false' })).cache.enabled).toBe(false)
  })
  it('force-mime-type short names', () => {
    expect(parseCopyRequest(reader({ ...base, 'force-mime-type': 'oci' })).forceMimeType).toBe(
      'application/vnd.oci.image.manifest.v1+json'
    )
    expect(parseCopyRequest(reader({ ...base, 'force-mime-type': 'v2s2' })).forceMimeType).toBe(
      'application/vnd.docker.distribution.manifest.v2+json'
    )
  })
  const bad: Array<[string, Record<string, string>, RegExp]> = [
    ['missing src', { dest: 'oci:/b:1' }, /input "src" is required/],
    ['missing dest', { src: 'oci:/a:1' }, /input "dest" is required/],
    [
      'non-boolean',
      { ...base, 'all-images': 'yes' },
      /input "all-images": expected true or false, got "yes"/
    ],
    ['bad digest', { ...base, instances: 'sha256:xyz' }, /input "instances": "sha256:xyz" is not a digest/],
    ['bad platform', { ...base, platforms: 'linux' }, /input "platforms": "linux" is not a platform/],
    [
      'all-images with instances',
      { ...base, 'all-images': 'true', instances: `sha256:${'a'.repeat(64)}` },
      /cannot go with input "instances"/
    ],
    ['unknown force-mime-type', { ...base, 'force-mime-type': 'v3' }, /input "force-mime-type"/],
    ['bad sparse-list', { ...base, 'sparse-list': 'drop' }, /input "sparse-list": expected strip or keep/],
    ['parallel zero', { ...base, parallel: '0' }, /input "parallel"/],
    ['username without password', { ...base, 'src-username': 'u' }, /input "src-password" is missing/],
    [
      'bad cache-max-size',
      { ...base, 'cache-max-size': 'lots' },
      /input "cache-max-size": "lots" is not a size/
    ],
    ['duplicate destination', { ...base, dest: 'oci:/b:1\noci:/b:1' }, /given twice/]
  ]
  for (const [name, values, message] of bad) {
    it(`error: ${name}`, () => {
      expect(() => parseCopyRequest(reader(values))).toThrow(message)
    })
  }
})

describe('CLI flags', () => {
  it('accept --flag value, --flag=value, bare booleans, repeated --dest, positional SRC DEST', () => {
    const args = parseArgs([
      'oci:/a:1',
      'oci:/b:1',
      '--dest',
      'dir:/c',
      '--all-images',
      '--parallel=3',
      '--src-tls-verify=false'
    ])
    const r = parseCopyRequest(argsReader(args, {}))
    expect(r.source).toBe('oci:/a:1')
    expect(r.destinations).toEqual(['oci:/b:1', 'dir:/c'])
    expect(r.selection.kind).toBe('all')
    expect(r.parallel).toBe(3)
    expect(r.src.tlsVerify).toBe(false)
  })
  it('errors name the flag', () => {
    expect(() =>
      parseCopyRequest(argsReader(parseArgs(['oci:/a:1', 'oci:/b:1', '--all-images=maybe']), {}))
    ).toThrow(/--all-images: expected true or false/)
    expect(() => parseArgs(['--nope'])).toThrow(/unknown flag --nope/)
    expect(() => parseArgs(['--parallel'])).toThrow(/--parallel needs a value/)
  })
  it('passwords from the environment', () => {
    const r = parseCopyRequest(
      argsReader(parseArgs(['oci:/a:1', 'oci:/b:1', '--src-username', 'u']), { IMAGE_COPY_SRC_PASSWORD: 'p' })
    )
    expect(r.src.password).toBe('p')
  })
})
