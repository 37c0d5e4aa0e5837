// The CLI's answers to the mistakes new users make (issue 12, item 8), through run() of src/cli/main.ts.
import { afterAll, describe, expect, it } from '@jest/globals'
import { Readable, Writable } from 'node:stream'
import { hasZstd } from '../../../src/compression/streams.js'
import { booleanFlags, valueFlags } from '../../../src/cli/args.js'
import { run } from '../../../src/cli/main.js'
import { exampleLayout, ociRefDigest, removeTempDirs, tempDir } from '../../harness/local.js'

const example = `oci:${exampleLayout}:1.0`

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString())
      done()
    }
  })
  return { stream, text: () => chunks.join('') }
}

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = sink()
  const err = sink()
  // Refusals are usage errors (exit 2) raised while parsing; a network failure would exit 1.
  const env = { HOME: '/nonexistent' }
  const code = await run(argv, env, out.stream, err.stream, Readable.from([]))
  return { code, stdout: out.text(), stderr: err.text() }
}

describe('image-copy refuses the usual mistakes, saying what to write', () => {
  afterAll(removeTempDirs)

  it.each([
    ['--all-images', 'false'],
    ['--src-tls-verify', 'false'],
    ['--dest-tls-verify', 'TRUE'],
    ['--preserve-digests', 'true']
  ])('%s %s (with a space) is refused: write FLAG=VALUE', async (flag, value) => {
    const { code, stderr } = await cli(example, 'oci:/tmp/never:1.0', flag, value)
    expect(code).toBe(2)
    expect(stderr).toContain(`write ${flag}=${value.toLowerCase()}`)
    expect(stderr).toContain(`"${value}" would be read as an image reference`)
  })

  it('--all-images=false with "=" is a boolean, and a bare --all-images is true', async () => {
    const out = await tempDir()
    expect((await cli(example, `oci:${out}/a:1.0`, '--all-images=false', '--quiet')).code).toBe(0)
    expect((await cli(example, `oci:${out}/b:1.0`, '--all-images', '--quiet')).code).toBe(0)
    expect(await ociRefDigest(`${out}/b`, '1.0')).toBe(await ociRefDigest(exampleLayout, '1.0'))
    expect(await ociRefDigest(`${out}/a`, '1.0')).not.toBe(await ociRefDigest(exampleLayout, '1.0'))
  })

  it.each([
    [
      'containers-storage-typo:x',
      'unknown transport "containers-storage-typo"; known: docker, oci, oci-archive, dir, docker-archive, docker-daemon, containers-storage, ostree'
    ],
    [
      'oci-layout:/x',
      'unknown transport "oci-layout"; known: docker, oci, oci-archive, dir, docker-archive, docker-daemon, containers-storage, ostree; did you mean oci:?'
    ],
    ['openshift:ns/app:1', 'the openshift: transport is retired'],
    [
      'atomic:ns/app:1',
      'retired (it spoke the OpenShift 3 image API); copy through the registry instead: docker://'
    ]
  ])('source %s is refused with exit 2, before any network access', async (src, message) => {
    const { code, stderr } = await cli(src, 'oci:/tmp/never:1.0')
    expect(code).toBe(2)
    expect(stderr).toContain(`--src "${src}"`)
    expect(stderr).toContain(message)
  })

  it('a destination with an unknown transport is named as --dest', async () => {
    const { code, stderr } = await cli(example, 'oci-layuot:/tmp/x:1.0')
    expect(code).toBe(2)
    expect(stderr).toContain('--dest "oci-layuot:/tmp/x:1.0": unknown transport "oci-layuot"')
  })

  it('a local OCI layout or path without a transport suggests oci: (exit 2)', async () => {
    const layout = await cli(exampleLayout, 'oci:/tmp/never:1.0')
    expect(layout.code).toBe(2)
    expect(layout.stderr).toContain(`write oci:${exampleLayout}[:TAG]`)
    const out = await tempDir()
    const relative = await cli(example, './layout')
    expect(relative.code).toBe(2)
    expect(relative.stderr).toContain('--dest "./layout" looks like a local path')
    expect(relative.stderr).toContain('oci:./layout')
    const existing = await cli(example, out)
    expect(existing.code).toBe(2)
    expect(existing.stderr).toContain(`write oci:${out}:TAG (an OCI layout) or dir:${out}`)
  })

  it.each([
    ['--all', 'use --all-images'],
    ['--multi-arch=all', "use --all-images (skopeo's --multi-arch=all) or --platforms"],
    ['--override-arch', 'use --platform OS/ARCH[/VARIANT]'],
    ['--override-os', 'use --platform OS/ARCH[/VARIANT]'],
    ['--override-variant', 'use --platform OS/ARCH[/VARIANT]'],
    ['--format', 'use --force-mime-type oci|v2s2|v2s1'],
    ['-f', 'use --force-mime-type oci|v2s2|v2s1'],
    ['--src-creds', 'use --src-username USER --src-password PASS'],
    ['--dest-creds', 'use --dest-username USER --dest-password PASS'],
    ['--dest-authfile', 'use --auth-file'],
    ['--authfile', 'use --auth-file'],
    ['--all-image', 'did you mean --all-images?'],
    ['--platfrom', 'did you mean --platform?'],
    ['--src-tls-verfy', 'did you mean --src-tls-verify?'],
    ['--retry-time', 'did you mean --retry-times?'],
    ['--preserve-digest', 'did you mean --preserve-digests?']
  ])('unknown flag %s: %s (exit 2)', async (flag, message) => {
    const { code, stderr } = await cli(example, 'oci:/tmp/never:1.0', flag, 'x')
    expect(code).toBe(2)
    expect(stderr).toContain(`unknown flag ${flag.split('=')[0]}`)
    expect(stderr).toContain(message)
  })

  it("a compression level outside the algorithm's range is refused, naming the range (exit 2)", async () => {
    const gzip = await cli(example, 'oci:/tmp/never:1.0', '--dest-compress-level', '12')
    expect(gzip.code).toBe(2)
    expect(gzip.stderr).toContain('--dest-compress-level 12: gzip takes a level from 1 to 9')
    const bad = await cli(example, 'oci:/tmp/never:1.0', '--dest-compress-format', 'brotli')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--dest-compress-format')
  })

  // The zstd copies themselves are tested on Node 24 (integration/copy/compression.test.ts).
  ;(hasZstd() ? it.skip : it)(
    '--dest-compress-format zstd on a node without zstd says which node has it (exit 2)',
    async () => {
      const { code, stderr } = await cli(example, 'oci:/tmp/never:1.0', '--dest-compress-format', 'zstd')
      expect(code).toBe(2)
      expect(stderr).toContain('has no zstd support; node 22.15 or newer has')
    }
  )

  it('an unknown flag far from every known one gets no guess', async () => {
    const { code, stderr } = await cli(example, 'oci:/tmp/never:1.0', '--frobnicate')
    expect(code).toBe(2)
    expect(stderr).toContain('unknown flag --frobnicate (image-copy --help lists them)')
  })

  it('a platform missing from the list is named with the platforms the list has', async () => {
    const out = await tempDir()
    const one = await cli(example, `oci:${out}/a:1.0`, '--platform', 'linux/s390x')
    expect(one.code).toBe(1)
    expect(one.stderr).toContain(
      'no image for linux/s390x in the image index; it has linux/amd64, linux/arm64/v8, linux/arm/v7'
    )
    const some = await cli(example, `oci:${out}/b:1.0`, '--platforms', 'linux/amd64,linux/s390x')
    expect(some.code).toBe(1)
    expect(some.stderr).toContain(
      'no image for linux/s390x in the list; it has linux/amd64, linux/arm64/v8, linux/arm/v7'
    )
  })

  it('--help lists every flag and has examples', async () => {
    const { code, stdout } = await cli('--help')
    expect(code).toBe(0)
    for (const flag of [...booleanFlags, ...valueFlags])
      expect(stdout).toMatch(new RegExp(`--${flag}(?![\\w-])`))
    const examples = stdout.slice(stdout.indexOf('Examples:'))
    expect(examples).toMatch(/image-copy docker:\S+ docker:\S+ --all-images\n/)
    expect(examples).toContain('--platforms linux/amd64,linux/arm64')
    expect(examples).toMatch(/image-copy docker:\S+ oci:\.\/layout:1\.4/)
    expect(examples).toMatch(/image-copy docker:\S+ docker:\S+ \\\n\s+docker:\S+ oci-archive:/)
  })
})
