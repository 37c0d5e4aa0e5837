// A manifest list whose entries name "digests" that are URL paths: before it is validated, such a
// digest would be resolved into a request elsewhere on the registry, carrying the user's credentials.
import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { runCli } from '../../harness/cli-run.js'
import { bytesAnswer, startHostileRegistry, type HostileRegistry } from '../../harness/hostile-registry.js'
import { exampleLayout, removeTempDirs, tempDir } from '../../harness/local.js'

const listType = 'application/vnd.docker.distribution.manifest.list.v2+json'
const valid = `sha256:${'a'.repeat(64)}`

function listWith(digests: string[]): string {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: listType,
    manifests: digests.map((digest, i) => ({
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      size: 100,
      digest,
      platform: { architecture: i === 0 ? 'amd64' : 'arm64', os: 'linux' }
    }))
  })
}

describe('forged digests in manifests', () => {
  let registry: HostileRegistry | undefined
  afterEach(async () => registry?.close())
  afterAll(removeTempDirs)

  it.each([
    ['sha256:../../../../v2/victim/private/manifests/latest'],
    ['sha256:../../../../api/v1/x?action=delete'],
    ['sha256:%2e%2e/%2e%2e/v2/victim/private/manifests/latest']
  ])('a list entry %s is refused before any request, naming the field and the list', async bad => {
    registry = await startHostileRegistry()
    registry.route('/v2/app/manifests/1', bytesAnswer(listWith([valid, bad]), listType))
    const src = `docker://${registry.host}/app:1`
    const out = await tempDir()
    for (const selection of [[], ['--all-images'], ['--platform', 'linux/arm64']]) {
      const run = await runCli([
        src,
        `oci:${out}/x:1`,
        ...selection,
        '--src-tls-verify=false',
        '--src-username',
        'user',
        '--src-password',
        'secret',
        '--retry-times',
        '0'
      ])
      expect(run.code).toBe(1)
      expect(run.stderr).toContain(
        `invalid digest ${JSON.stringify(bad)} in manifests[1].digest of the list ${src}`
      )
    }
    const allowed = /^\/v2\/(app\/manifests\/(1|sha256:[a-f0-9]{64}))?$/
    expect(registry.requests.filter(r => !allowed.test(r.url))).toEqual([])
    // The credentials were in use (so a forged request would have carried them).
    expect(registry.requests.some(r => r.authorization?.startsWith('Basic '))).toBe(true)
  })

  it('a layer digest with a path in an image manifest is refused naming layers[0].digest', async () => {
    registry = await startHostileRegistry()
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: valid, size: 2 },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: 'sha256:../../../x', size: 1 }]
    })
    registry.route('/v2/app/manifests/2', bytesAnswer(manifest, 'application/vnd.oci.image.manifest.v1+json'))
    const src = `docker://${registry.host}/app:2`
    const run = await runCli([src, `oci:${await tempDir()}/x:1`, '--src-tls-verify=false'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `invalid digest "sha256:../../../x" in layers[0].digest of the manifest ${src}`
    )
    expect(registry.requests.map(r => r.url).filter(u => u.includes('/blobs/'))).toEqual([])
  })

  it('an oci: layout whose index.json names a path as a digest fails naming the entry and the file', async () => {
    const layout = path.join(await tempDir(), 'layout')
    await cp(exampleLayout, layout, { recursive: true })
    const indexFile = path.join(layout, 'index.json')
    const index = JSON.parse(await readFile(indexFile, 'utf8'))
    index.manifests.push({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: 'sha256:../../../../etc/passwd',
      size: 10,
      annotations: { 'org.opencontainers.image.ref.name': 'evil' }
    })
    await writeFile(indexFile, JSON.stringify(index))
    const run = await runCli([`oci:${layout}:evil`, `oci:${await tempDir()}/x:1`])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `invalid digest "sha256:../../../../etc/passwd" in manifests[1].digest of ${indexFile}`
    )
  })

  it('an oci: list instance with a forged digest names the list', async () => {
    const layout = path.join(await tempDir(), 'layout')
    await cp(exampleLayout, layout, { recursive: true })
    const index = JSON.parse(await readFile(path.join(layout, 'index.json'), 'utf8'))
    const topFile = path.join(layout, 'blobs', 'sha256', index.manifests[0].digest.slice(7))
    const top = JSON.parse(await readFile(topFile, 'utf8'))
    top.manifests[2].digest = 'sha512:../../blobs/sha256/x'
    const bytes = Buffer.from(JSON.stringify(top))
    const { createHash } = await import('node:crypto')
    const hex = createHash('sha256').update(bytes).digest('hex')
    await writeFile(path.join(layout, 'blobs', 'sha256', hex), bytes)
    index.manifests[0] = { ...index.manifests[0], digest: `sha256:${hex}`, size: bytes.length }
    await writeFile(path.join(layout, 'index.json'), JSON.stringify(index))
    const run = await runCli([`oci:${layout}:1.0`, `oci:${await tempDir()}/x:1`, '--all-images'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `invalid digest "sha512:../../blobs/sha256/x" in manifests[2].digest of the list oci:${layout}:1.0`
    )
  })
})
