// What a run of the bundled Action (dist/, Node 24) tells the user: one log line per retry, outputs
// and one error annotation per destination when some destinations fail, where each registry's
// credentials came from, which platform a single-image copy took, and BuildKit attestations.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { nodeToOciPlatform } from '../../../src/manifest/index.js'
import { requireNode24, runActionStep, type ActionRun } from '../../harness/action-runner.js'
import { buildkitLayout, type BuildkitLayout } from '../../harness/buildkit-layout.js'
import { startFaultProxy, type FaultProxy } from '../../harness/fault-proxy.js'
import { exampleLayout, ociRefDigest, removeTempDirs, sha256, skopeo, tempDir } from '../../harness/local.js'
import { requireProgram } from '../../harness/programs.js'
import { freePort, startRegistry, type TestRegistry } from '../../harness/registry.js'

const node24 = requireNode24()
const skopeoPath = requireProgram('skopeo')
const registryPath = requireProgram('docker-registry')
const withAll = node24 && skopeoPath && registryPath ? describe : describe.skip

const alice = { name: 'alice', password: 'pw-Alice-51c0de' }
const example = `oci:${exampleLayout}:1.0`

/** A workflow-command property as @actions/core escapes it. */
function commandProperty(value: string): string {
  return value
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/:/g, '%3A')
    .replace(/,/g, '%2C')
}

function lines(run: ActionRun, prefix: string): string[] {
  return run.stdout.split('\n').filter(l => l.startsWith(prefix))
}

withAll('what the Action reports', () => {
  let secured: TestRegistry
  let open: TestRegistry
  let proxy: FaultProxy
  let policyDir: string
  let exampleDigest: string
  const sk = (...args: string[]) => skopeo(skopeoPath!, args, policyDir)
  const step = (inputs: Record<string, string>): Promise<ActionRun> =>
    runActionStep(node24!, 'dist/main/index.js', { cache: 'false', ...inputs })

  beforeAll(async () => {
    policyDir = await tempDir()
    exampleDigest = (await ociRefDigest(exampleLayout, '1.0'))!
    secured = await startRegistry({ auth: 'htpasswd', users: [alice] })
    open = await startRegistry()
    proxy = await startFaultProxy(open.url)
  })
  afterAll(async () => {
    await proxy?.stop()
    await Promise.all([secured?.stop(), open?.stop()])
    await removeTempDirs()
  })

  it('logs one line per retry: request without query secrets, reason, attempt n of m, the wait', async () => {
    proxy.clearFaults()
    // the first manifest PUT: Retry-After 11 s (a long wait); the next one a plain 503; one blob PUT a 503
    proxy.inject({
      kind: 'status',
      status: 503,
      retryAfter: '11',
      count: 1,
      match: { method: 'PUT', path: /\/manifests\// }
    })
    proxy.inject({ kind: 'status', status: 503, count: 1, match: { method: 'PUT', path: /\/manifests\// } })
    proxy.inject({
      kind: 'status',
      status: 503,
      count: 1,
      match: { method: 'PUT', path: /\/blobs\/uploads\// }
    })
    const dest = `docker://${proxy.host}/retry/app:1.0`
    const run = await step({
      src: example,
      dest,
      'all-images': 'true',
      'dest-tls-verify': 'false',
      'retry-times': '3'
    })
    expect(run.code).toBe(0)
    expect(proxy.pendingFaults()).toBe(0)
    expect(run.outputs.digest).toBe(exampleDigest)
    const base = `http://${proxy.host}/v2/retry/app`
    const retries = run.stdout.split('\n').filter(l => /\(attempt \d+ of \d+\); retrying in/.test(l))
    expect(retries).toHaveLength(3)
    const long = retries.find(l => l.includes(' 11 s'))!
    expect(long).toMatch(
      new RegExp(
        `^PUT ${base}/manifests/\\S+: HTTP 503 Service Unavailable \\(attempt 1 of 4\\); retrying in 11 s \\(a long wait, over 10 s: the registry asked for it with Retry-After\\)$`
      )
    )
    expect(retries).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^PUT ${base}/manifests/\\S+: HTTP 503 Service Unavailable \\(attempt 1 of 4\\); retrying in \\d\\.\\d s$`
        )
      )
    )
    // an upload location carries the registry's upload state in its query: elided, the digest kept
    const upload = retries.find(l => l.includes('/blobs/uploads/'))!
    expect(upload).toMatch(
      new RegExp(
        `^PUT ${base}/blobs/uploads/[^?\\s]+\\?digest=sha256%3A[0-9a-f]{64}&…: HTTP 503 \\(attempt 1 of 4\\); retrying in \\d\\.\\d s$`
      )
    )
    expect(run.stdout).not.toContain('_state')
  }, 60_000)

  it('one destination failing: outputs for the other, failed, one error annotation, the step fails', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'file'), 'a regular file')
    const good = `${secured.host}/acme/app:1.0` // as written: no transport, so not the normalised docker://…
    const bad = `oci:${dir}/file/layout:1.0`
    const digestFile = path.join(dir, 'digest')
    const run = await step({
      src: example,
      dest: `${good}\n${bad}`,
      'all-images': 'true',
      'dest-username': alice.name,
      'dest-password': alice.password,
      'dest-tls-verify': 'false',
      digestfile: digestFile
    })
    expect(run.code).toBe(1)
    expect(JSON.parse(run.outputs.digests)).toEqual({ [good]: exampleDigest })
    const failed = JSON.parse(run.outputs.failed) as Record<string, string>
    expect(Object.keys(failed)).toEqual([bad])
    expect(failed[bad]).toMatch(/not a directory|ENOTDIR/i)
    expect(run.outputs.digest).toBe(exampleDigest)
    expect(run.outputs['media-type']).toBe('application/vnd.oci.image.index.v1+json')
    expect(JSON.parse(run.outputs.instances)).toHaveLength(3)
    expect(await readFile(digestFile, 'utf8')).toBe(exampleDigest)
    const errors = lines(run, '::error')
    expect(errors).toHaveLength(1)
    expect(errors[0].startsWith(`::error title=${commandProperty(bad)}::`)).toBe(true)
    expect(run.stdout).toContain(`Credentials for ${secured.host}/acme/app: input "dest-username"`)
    expect(run.summary).toContain(`**${good}**: <code>${exampleDigest}</code>`)
    expect(run.summary).toContain(`**${bad}**: failed:`)
    expect(
      await sk(
        'inspect',
        '--raw',
        '--tls-verify=false',
        '--creds',
        `${alice.name}:${alice.password}`,
        `docker://${good}`
      ).then(r => sha256(Buffer.from(r)))
    ).toBe(exampleDigest)
  })

  it('the first destination failing (a closed port, no retries): no digest output, the others in digests', async () => {
    const out = await tempDir()
    const closed = `docker://127.0.0.1:${await freePort()}/x/app:1.0`
    const good = `oci:${out}/layout:1.0`
    const run = await step({
      src: example,
      dest: `${closed}\n${good}`,
      'all-images': 'true',
      'dest-tls-verify': 'false',
      'retry-times': '0'
    })
    expect(run.code).toBe(1)
    expect(run.outputs.digest).toBeUndefined()
    expect(run.outputs.manifest).toBeUndefined()
    expect(JSON.parse(run.outputs.digests)).toEqual({ [good]: exampleDigest })
    const failed = JSON.parse(run.outputs.failed) as Record<string, string>
    expect(Object.keys(failed)).toEqual([closed])
    expect(failed[closed]).toMatch(/ECONNREFUSED|connection refused/i)
    const errors = lines(run, '::error')
    expect(errors).toHaveLength(1)
    expect(errors[0].startsWith(`::error title=${commandProperty(closed)}::`)).toBe(true)
    expect(await ociRefDigest(`${out}/layout`, '1.0')).toBe(exampleDigest)
  })

  it('failed is {} when nothing failed', async () => {
    const out = await tempDir()
    const run = await step({ src: example, dest: `oci:${out}/l:1`, 'all-images': 'true' })
    expect(run.code).toBe(0)
    expect(run.outputs.failed).toBe('{}')
    expect(lines(run, '::error')).toEqual([])
  })

  it('a single image from a list: a notice names the platform copied and points to all-images/platforms', async () => {
    const out = await tempDir()
    const run = await step({ src: example, dest: `oci:${out}/l:1` })
    expect(run.code).toBe(0)
    const { architecture } = nodeToOciPlatform(process.platform, process.arch)
    expect(lines(run, '::notice::')).toEqual([
      `::notice::Copied only linux/${architecture}${architecture === 'arm64' ? '/v8' : ''} (the default: this runner's architecture) of the 3 images in the list; set all-images: true to copy the whole list, or platforms: to choose`
    ])
    const asked = await step({ src: example, dest: `oci:${out}/l:2`, platform: 'linux/arm/v7' })
    expect(lines(asked, '::notice::')).toEqual([
      '::notice::Copied only linux/arm/v7 (the platform asked for) of the 3 images in the list; set all-images: true to copy the whole list, or platforms: to choose'
    ])
  })

  describe('a BuildKit list with attestations', () => {
    let built: BuildkitLayout
    beforeAll(async () => {
      built = await buildkitLayout(await tempDir())
    })

    it('platforms linux/arm64 to a registry: the image and its attestation; the summary says whose', async () => {
      const dest = `docker://${open.host}/bk/app:arm64`
      const arm64 = built.images.find(i => i.platform.architecture === 'arm64')!
      const attestation = built.attestations.find(a => a.of === arm64.digest)!
      const run = await step({
        src: `oci:${built.layout}:1.0`,
        dest,
        platforms: 'linux/arm64',
        'dest-tls-verify': 'false'
      })
      expect(run.code).toBe(0)
      const raw = await sk('inspect', '--raw', '--tls-verify=false', dest)
      expect(sha256(Buffer.from(raw))).toBe(run.outputs.digest)
      const list = JSON.parse(raw) as {
        manifests: Array<{ digest: string; annotations?: Record<string, string> }>
      }
      expect(list.manifests.map(m => m.digest)).toEqual([arm64.digest, attestation.digest])
      expect(list.manifests[1].annotations?.['vnd.docker.reference.digest']).toBe(arm64.digest)
      const instances = JSON.parse(run.outputs.instances) as Array<{
        sourceDigest: string
        attests?: string
        status: string
      }>
      expect(instances.filter(i => i.status === 'copied')).toEqual([
        expect.objectContaining({ sourceDigest: arm64.digest }),
        expect.objectContaining({ sourceDigest: attestation.digest, attests: arm64.digest })
      ])
      expect(run.summary).toContain('<td>attestation of linux/arm64/v8</td>')
      expect(run.stdout).toMatch(/attestation of linux\/arm64\/v8 +sha256:\S+ +sha256:\S+ +oci +copied/)
    })
  })
})
