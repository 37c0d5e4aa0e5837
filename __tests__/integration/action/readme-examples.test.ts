// The README's workflow examples are tests: every step that uses this Action in a ```yaml block of
// README.md is run through the runner harness (the bundled Action on Node 24, every input the runner
// sets, main then post) against local registries. An example that no longer runs fails the build, and
// so does an example this file has no plan for: nobody can add an untested example.
//
// What running an example here takes, for all of them:
// - Registry hosts become local distribution registries (REGISTRIES below), on TLS with a test CA the
//   runner trusts through NODE_EXTRA_CA_CERTS, so `*-tls-verify` stays at its default (true).
// - `${{ … }}` expressions get test values (`expressions`, set in beforeAll; `secrets.*` are the test
//   registries' users, `runner.temp` the step's RUNNER_TEMP); an expression with no value fails.
// - The source images exist: the bundled example (a 3-platform OCI index) is pushed first.
// Each plan (PLANS) says what else its example needs and checks what the example promises.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { request } from 'node:https'
import path from 'node:path'
import { promisify } from 'node:util'
import { copyImage } from '../../../src/copy/copy-image.js'
import { parseImageReference } from '../../../src/transports/index.js'
import { expandExpressions, fakeGithubToken } from '../../harness/action-manifest.js'
import { requireNode24, runActionWithPost, type ActionRun } from '../../harness/action-runner.js'
import { exampleLayout, ociRefDigest, removeTempDirs, sha256, tempDir } from '../../harness/local.js'
import { startPodman } from '../../harness/podman.js'
import { requireProgram } from '../../harness/programs.js'
import { readReadme, readmeActionSteps, type ReadmeStep } from '../../harness/readme.js'
import { addToLayout, artifact, cosignSignature, type Artifact } from '../../harness/artifacts.js'
import { startRegistry, type RegistryUser, type TestRegistry } from '../../harness/registry.js'

const node24 = requireNode24()
const registryPath = requireProgram('docker-registry')
const withAll = node24 && registryPath ? describe : describe.skip

/** Stand-ins for the hosts the examples name: each a TLS registry; users where the real one needs them. */
const REGISTRIES = {
  'build.example.com': { user: { name: 'builder', password: 'pw-Build-51c0' } }, // src-username/-password
  'staging.example.com': { user: { name: 'stager', password: 'pw-Stage-9e2d' } }, // secrets.STAGING_*
  'registry.example.com': { user: { name: 'prod', password: 'pw-Prod-77ab' } }, // secrets.PROD_* or a login
  'docker.io': { user: { name: 'hubber', password: 'pw-Hub-0f3e' } }, // docker/login-action's config.json
  '123456789012.dkr.ecr.eu-west-1.amazonaws.com': { user: { name: 'AWS', password: 'pw-Ecr-4a4a' } }, // amazon-ecr-login
  // Open: `github-token` is used for the host ghcr.io only, which a rewrite to 127.0.0.1 cannot keep
  // (tests of the credential lookup cover that rule); pushes to it are anonymous here.
  'ghcr.io': { user: undefined }
} satisfies Record<string, { user: RegistryUser | undefined }>
type Host = keyof typeof REGISTRIES

const tag = '1.4.0'

interface World {
  registries: Record<Host, TestRegistry>
  /** Run after all examples (services a plan started). */
  cleanups: Array<() => Promise<void>>
  /** The image ID (config hex) the buildah example's stand-in stored. */
  builtConfig?: string
  exampleDigest: string
  /** The digest the promote example's `needs.build.outputs.digest` names (pushed to staging). */
  stagedDigest: string
  /** Hanging off the staged list: an SBOM referrer, a signature of the SBOM, a cosign `.sig` tag. */
  staged: { sbom: Artifact; sbomSig: Artifact; cosign: Artifact }
}

interface Plan {
  /** The registry hosts the example names, each rewritten to its stand-in in REGISTRIES. */
  rewrites: Host[]
  /** Registries a login step writes into ~/.docker/config.json before this step (shown or implied). */
  dockerLogins: Host[]
  check(run: { main: ActionRun; post: ActionRun }, world: World, runnerTemp: string): Promise<void>
  /** What the example's earlier steps would have made (an image in a store): the step's extra env. */
  prepare?(world: World): Promise<Record<string, string>>
}

/** Fetches a manifest from a test registry as a client would; its digest is computed from the bytes. */
async function manifestAt(world: World, host: Host, repo: string, ref: string) {
  const registry = world.registries[host]
  const user = REGISTRIES[host].user
  const body = await new Promise<Buffer>((resolve, reject) => {
    const req = request(
      `${registry.url}/v2/${repo}/manifests/${ref}`,
      {
        ca: [caCerts.get(registry)!],
        headers: {
          Accept: [
            'application/vnd.oci.image.index.v1+json',
            'application/vnd.docker.distribution.manifest.list.v2+json',
            'application/vnd.oci.image.manifest.v1+json',
            'application/vnd.docker.distribution.manifest.v2+json'
          ].join(', '),
          ...(user
            ? { Authorization: `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}` }
            : {})
        }
      },
      res => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(Buffer.concat(chunks))
            : reject(new Error(`GET ${host} ${repo}:${ref}: ${res.statusCode}`))
        )
      }
    )
    req.on('error', reject)
    req.end()
  })
  return { digest: sha256(body), json: JSON.parse(body.toString('utf8')) as Record<string, unknown> }
}
/** Each test registry's CA; together, the bundle the runner's NODE_EXTRA_CA_CERTS names. */
const caCerts = new Map<TestRegistry, Buffer>()

const platformsOf = (list: Record<string, unknown>) =>
  (list.manifests as Array<{ platform: { os: string; architecture: string; variant?: string } }>).map(m =>
    [m.platform.os, m.platform.architecture, m.platform.variant].filter(Boolean).join('/')
  )

function expectClean(run: { main: ActionRun; post: ActionRun }): void {
  for (const step of [run.main, run.post]) {
    const lines = step.stdout.split('\n')
    expect(lines.filter(l => l.startsWith('::error') || l.startsWith('::warning'))).toEqual([])
    expect(step.code).toBe(0)
    // Secrets reach the log only in ::add-mask:: lines (which the runner turns into masks).
    const printed = lines.filter(l => !l.startsWith('::add-mask::')).join('\n') + JSON.stringify(step.outputs)
    const secrets = Object.values(REGISTRIES).flatMap(r => (r.user ? [r.user.password] : []))
    expect(secrets.filter(secret => printed.includes(secret))).toEqual([])
  }
}

/** One plan per README example, keyed by the heading above it. */
const PLANS: Record<string, Plan> = {
  'Mirror a release to Docker Hub, GHCR and ECR in one step': {
    // docker/login-action (Docker Hub) and amazon-ecr-login (ECR) run before the step; GHCR is open here.
    rewrites: ['build.example.com', 'docker.io', 'ghcr.io', '123456789012.dkr.ecr.eu-west-1.amazonaws.com'],
    dockerLogins: ['docker.io', '123456789012.dkr.ecr.eu-west-1.amazonaws.com'],
    async check(run, world) {
      expectClean(run)
      const { digest } = run.main.outputs
      expect(digest).toBe(world.exampleDigest) // all-images, registry to registry: the list as it was
      const targets: Array<[Host, string]> = [
        ['docker.io', 'acme/app'],
        ['ghcr.io', 'acme/app'],
        ['123456789012.dkr.ecr.eu-west-1.amazonaws.com', 'app']
      ]
      for (const [host, repo] of targets)
        expect((await manifestAt(world, host, repo, tag)).digest).toBe(digest)
      // The next step echoes steps.copy.outputs.digest and .digests: one entry per destination.
      expect(Object.values(JSON.parse(run.main.outputs.digests) as Record<string, string>)).toEqual([
        digest,
        digest,
        digest
      ])
      // Docker Hub and ECR take what the login steps wrote; explicit src-* inputs are not logged.
      const from = (h: Host, repo: string) =>
        new RegExp(`^Credentials for ${world.registries[h].host}/${repo}: (.*)$`, 'm').exec(
          run.main.stdout
        )?.[1]
      expect(from('docker.io', 'acme/app')).toMatch(/\.docker\/config\.json auths/)
      expect(from('123456789012.dkr.ecr.eu-west-1.amazonaws.com', 'app')).toMatch(
        /\.docker\/config\.json auths/
      )
      expect(from('ghcr.io', 'acme/app')).toBe('anonymous')
    }
  },
  'Promote a tested build between registries, digests unchanged': {
    rewrites: ['staging.example.com', 'registry.example.com'],
    dockerLogins: [],
    async check(run, world) {
      expectClean(run)
      expect(run.main.outputs.digest).toBe(world.stagedDigest)
      expect((await manifestAt(world, 'registry.example.com', 'acme/app', 'stable')).digest).toBe(
        world.stagedDigest
      )
    }
  },
  'Promote with its signatures, SBOMs and attestations': {
    rewrites: ['staging.example.com', 'registry.example.com'],
    dockerLogins: [],
    async check(run, world) {
      expectClean(run)
      expect(run.main.outputs.digest).toBe(world.stagedDigest)
      const { sbom, sbomSig, cosign } = world.staged
      const copied = JSON.parse(run.main.outputs.referrers) as Array<{
        digest: string
        via: string
        subject: string
      }>
      expect(copied.map(r => [r.digest, r.via, r.subject])).toEqual([
        [sbom.digest, 'tag', world.stagedDigest],
        [sbomSig.digest, 'tag', sbom.digest],
        [cosign.digest, 'digest-tag', world.stagedDigest]
      ])
      // What cosign verify reads at the destination: the .sig tag; referrers tools: the fallback index.
      const hex = world.stagedDigest.slice('sha256:'.length)
      expect((await manifestAt(world, 'registry.example.com', 'acme/app', `sha256-${hex}.sig`)).digest).toBe(
        cosign.digest
      )
      const index = await manifestAt(world, 'registry.example.com', 'acme/app', `sha256-${hex}`)
      expect((index.json.manifests as Array<{ digest: string }>).map(m => m.digest)).toEqual([sbom.digest])
    }
  },
  'Only some platforms, as a valid list': {
    // The snippet gives no credentials for registry.example.com: a docker login earlier in the job.
    rewrites: ['ghcr.io', 'registry.example.com'],
    dockerLogins: ['registry.example.com'],
    async check(run, world) {
      expectClean(run)
      const written = await manifestAt(world, 'registry.example.com', 'acme/app', `${tag}-arm`)
      expect(written.digest).toBe(run.main.outputs.digest)
      expect(platformsOf(written.json)).toEqual(['linux/arm64/v8', 'linux/arm/v7'])
    }
  },
  'Push an image built with buildah or podman': {
    // `buildah bud` stands in as our own copy of the example's amd64 image into a podman store
    // (the harness's, as root with vfs), which the Action reaches through CONTAINER_HOST.
    rewrites: ['registry.example.com'],
    dockerLogins: [],
    async prepare(world) {
      const podman = await startPodman()
      world.cleanups.push(() => podman.stop())
      await copyImage({
        ...seedOptions(),
        source: parseImageReference(`oci:${exampleLayout}:1.0`),
        destinations: [parseImageReference(`containers-storage:${podman.spec}localhost/app:${tag}`)],
        destinationContext: {}
      })
      world.builtConfig = JSON.parse(await podman.podman(['image', 'inspect', `localhost/app:${tag}`]))[0].Id
      return { CONTAINER_HOST: podman.host }
    },
    async check(run, world) {
      expectClean(run)
      const written = await manifestAt(world, 'registry.example.com', 'acme/app', tag)
      expect(written.digest).toBe(run.main.outputs.digest)
      const json = written.json as { config: { digest: string }; layers: Array<{ mediaType: string }> }
      expect(json.config.digest).toBe(`sha256:${world.builtConfig}`)
      expect(json.layers.every(l => l.mediaType.endsWith('gzip'))).toBe(true)
    }
  },
  'Mirror every 1.x tag, split across runners': {
    rewrites: ['ghcr.io', 'registry.example.com'],
    dockerLogins: [],
    async check(run) {
      expectClean(run)
      expect(JSON.parse(run.main.outputs.matrix)).toEqual({ shard: ['1/3', '2/3', '3/3'] })
      // ghcr.io here holds one tag, 1.4.0: the heaviest (only) image goes to shard 1; nothing is copied.
      const images = JSON.parse(run.main.outputs.images) as Array<Record<string, unknown>>
      expect(images).toEqual([
        expect.objectContaining({
          destination: expect.stringMatching(/\/mirror\/app:1\.4\.0$/),
          status: 'planned',
          shard: 1
        })
      ])
      expect(images[0].bytes).toBeGreaterThan(0)
    }
  },
  'Then one copy job per shard': {
    rewrites: ['ghcr.io', 'registry.example.com'],
    dockerLogins: [],
    async check(run, world) {
      expectClean(run)
      expect((await manifestAt(world, 'registry.example.com', 'mirror/app', tag)).digest).toBe(
        world.exampleDigest
      )
      const images = JSON.parse(run.main.outputs.images) as Array<Record<string, unknown>>
      expect(images.map(i => [i.status, i.digest])).toEqual([['copied', world.exampleDigest]])
    }
  },
  'Export an image to an artifact': {
    rewrites: ['ghcr.io'],
    dockerLogins: [],
    async check(run, world, runnerTemp) {
      expectClean(run)
      expect(run.main.outputs['media-type']).toBe('application/vnd.oci.image.index.v1+json')
      expect(run.main.outputs.digest).toBe(world.exampleDigest)
      // What actions/upload-artifact would pick up: an OCI archive whose index names the tag.
      const archive = path.join(runnerTemp, 'app.tar')
      expect((await stat(archive)).size).toBeGreaterThan(0)
      const unpacked = await tempDir()
      await promisify(execFile)('tar', ['-xf', archive, '-C', unpacked])
      expect(await ociRefDigest(unpacked, tag)).toBe(run.main.outputs.digest)
    }
  }
}

/**
 * Puts an SBOM (subject: the staged list), a signature of it and a cosign `.sig` tag next to the
 * staged image, through an OCI layout holding them and a copy with referrers (the registry has no
 * referrers API: the copy writes the fallback indexes).
 */
async function stageArtifacts(world: World): Promise<World['staged']> {
  const layout = path.join(await tempDir(), 'staged')
  await cp(exampleLayout, layout, { recursive: true })
  const list = { mediaType: 'application/vnd.oci.image.index.v1+json', digest: world.stagedDigest, size: 0 }
  list.size = (await readFile(path.join(layout, 'blobs', 'sha256', world.stagedDigest.slice(7)))).length
  const sbom = artifact({
    artifactType: 'application/spdx+json',
    subject: list,
    layers: [{ mediaType: 'application/spdx+json', bytes: Buffer.from('{"spdxVersion":"SPDX-2.3"}') }]
  })
  const sbomSig = artifact({
    artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    subject: sbom.descriptor,
    layers: [{ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', bytes: Buffer.from('{}') }]
  })
  const cosign = cosignSignature(world.stagedDigest, 'staging.example.com/acme/app')
  await addToLayout(layout, sbom)
  await addToLayout(layout, sbomSig)
  await addToLayout(layout, cosign, `sha256-${world.stagedDigest.slice(7)}.sig`)
  const registry = world.registries['staging.example.com']
  const user = REGISTRIES['staging.example.com'].user
  await copyImage({
    source: parseImageReference(`oci:${layout}:1.0`),
    destinations: [parseImageReference(`docker://${registry.host}/acme/app:candidate`)],
    selection: { kind: 'all' },
    sparseList: 'strip',
    preserveDigests: true,
    removeSignatures: false,
    parallel: 4,
    referrers: { referrers: true, digestTags: true, artifactTypes: [] },
    sourceContext: {},
    destinationContext: {
      registry: {
        certDir: registry.clientCertDir,
        credentials: { username: user.name, password: user.password }
      }
    }
  })
  return { sbom, sbomSig, cosign }
}

const steps = readmeActionSteps(readReadme())

/** Why the examples that need podman cannot run here (fails under CI=true), or undefined. */
function podmanMissing(): string | undefined {
  const isRoot = typeof process.getuid !== 'function' || process.getuid() === 0
  if (!isRoot && process.env.CI === 'true') throw new Error('podman examples must run as root (CI=true)')
  if (!isRoot) return 'the harness runs podman as root'
  return requireProgram('podman') ? undefined : 'podman is not installed'
}

function seedOptions() {
  return {
    selection: { kind: 'system' as const },
    runtimePlatform: { os: 'linux', architecture: 'amd64' },
    sparseList: 'strip' as const,
    preserveDigests: false,
    removeSignatures: false,
    parallel: 4,
    sourceContext: {}
  }
}

describe('the README workflow examples', () => {
  it('are all known to this test: each has a plan, and each plan an example', () => {
    expect(steps.length).toBeGreaterThanOrEqual(4)
    expect(steps.map(s => s.heading).filter(h => !Object.hasOwn(PLANS, h))).toEqual([])
    expect(Object.keys(PLANS).filter(h => !steps.some(s => s.heading === h))).toEqual([])
    // One step per plan: a second step under a heading needs its own plan (and check).
    expect(new Set(steps.map(s => s.heading)).size).toBe(steps.length)
  })

  it.each(steps.map(s => [s.heading, s] as const))(
    '%s: names only the hosts its plan rewrites',
    (heading, step) => {
      const images = ['src', 'dest'].flatMap(n => (step.with[n] ?? '').split('\n')).map(l => l.trim())
      // A registry is written docker://host/…; a bare host/repo would escape the rewrite.
      expect(
        images.filter(
          l =>
            l !== '' &&
            !/^(docker:\/\/|oci:|oci-archive:|dir:|docker-archive:|docker-daemon:|containers-storage:)/.test(
              l
            )
        )
      ).toEqual([])
      const named = new Set(
        Object.values(step.with).flatMap(v => [...v.matchAll(/docker:\/\/([^/\s]+)\//g)].map(m => m[1]))
      )
      expect([...named].sort()).toEqual([...(PLANS[heading]?.rewrites ?? [])].sort())
    }
  )
})

withAll('the README workflow examples, run as the runner runs them', () => {
  const world = { cleanups: [] } as unknown as World
  const expressions: Record<string, string> = {}
  let caBundle: string

  beforeAll(async () => {
    const entries = await Promise.all(
      Object.entries(REGISTRIES).map(async ([host, { user }]) => {
        const registry = await startRegistry({
          tls: true,
          ...(user ? { auth: 'htpasswd', users: [user] } : {})
        })
        caCerts.set(registry, await readFile(registry.caCertPath!))
        return [host, registry] as const
      })
    )
    world.registries = Object.fromEntries(entries) as Record<Host, TestRegistry>
    caBundle = path.join(await tempDir(), 'ca.pem')
    await writeFile(caBundle, Buffer.concat([...caCerts.values()]))
    world.exampleDigest = (await ociRefDigest(exampleLayout, '1.0'))!
    const push = (host: Host, repoAndTag: string) => {
      const registry = world.registries[host]
      const user = REGISTRIES[host].user
      return copyImage({
        source: parseImageReference(`oci:${exampleLayout}:1.0`),
        destinations: [parseImageReference(`docker://${registry.host}/${repoAndTag}`)],
        selection: { kind: 'all' },
        sparseList: 'strip',
        preserveDigests: false,
        removeSignatures: false,
        parallel: 4,
        sourceContext: {},
        destinationContext: {
          registry: {
            certDir: registry.clientCertDir,
            credentials: user ? { username: user.name, password: user.password } : undefined
          }
        }
      })
    }
    await push('build.example.com', `acme/app:${tag}`)
    await push('staging.example.com', 'acme/app:candidate')
    await push('ghcr.io', `acme/app:${tag}`)
    world.stagedDigest = (await manifestAt(world, 'staging.example.com', 'acme/app', 'candidate')).digest
    world.staged = await stageArtifacts(world)
    const secrets = (prefix: string, host: Host) => ({
      [`secrets.${prefix}_USER`]: REGISTRIES[host].user!.name,
      [`secrets.${prefix}_TOKEN`]: REGISTRIES[host].user!.password
    })
    Object.assign(expressions, {
      'github.event.release.tag_name': tag,
      'github.repository_owner': 'acme',
      'github.token': fakeGithubToken,
      'matrix.shard': '1/3',
      'needs.build.outputs.digest': world.stagedDigest,
      'secrets.BUILD_REGISTRY_USER': REGISTRIES['build.example.com'].user.name,
      'secrets.BUILD_REGISTRY_TOKEN': REGISTRIES['build.example.com'].user.password,
      ...secrets('STAGING', 'staging.example.com'),
      ...secrets('PROD', 'registry.example.com')
    })
  })
  afterAll(async () => {
    await Promise.all(world.cleanups.map(c => c()))
    await Promise.all(Object.values(world.registries ?? {}).map(r => r.stop()))
    await removeTempDirs()
  })

  /** The step's with: as the runner hands it over here: expressions evaluated, hosts rewritten. */
  function inputsFor(step: ReadmeStep, runnerTemp: string): Record<string, string> {
    const where = `README.md example "${step.heading}"`
    const values = { ...expressions, 'runner.temp': runnerTemp }
    return Object.fromEntries(
      Object.entries(step.with).map(([name, raw]) => {
        let value = expandExpressions(raw, values, where)
        for (const host of Object.keys(REGISTRIES) as Host[])
          value = value.replaceAll(`docker://${host}/`, `docker://${world.registries[host].host}/`)
        const unmapped = /docker:\/\/(?!127\.0\.0\.1:)[^/\s]+/.exec(value)
        if (unmapped) throw new Error(`${where}: ${name} names ${unmapped[0]}, which has no local stand-in`)
        return [name, value]
      })
    )
  }

  async function dockerConfig(logins: Host[]): Promise<string> {
    const home = await tempDir()
    const auths = Object.fromEntries(
      logins.map(host => {
        const user = REGISTRIES[host].user!
        return [
          world.registries[host].host,
          { auth: Buffer.from(`${user.name}:${user.password}`).toString('base64') }
        ]
      })
    )
    await mkdir(path.join(home, '.docker'))
    await writeFile(path.join(home, '.docker', 'config.json'), JSON.stringify({ auths }))
    return home
  }

  it.each(steps.map(s => [s.heading, s] as const))('%s', async (heading, step) => {
    const plan = PLANS[heading]
    if (!plan) throw new Error(`README example "${heading}" has no plan in readme-examples.test.ts`)
    const runnerTemp = await tempDir()
    let env: Record<string, string> = {}
    if (plan.prepare) {
      const missing = podmanMissing()
      if (missing) return console.warn(`skipping README example "${heading}": ${missing}`)
      env = await plan.prepare(world)
    }
    const run = await runActionWithPost(node24!, inputsFor(step, runnerTemp), {
      ...env,
      HOME: await dockerConfig(plan.dockerLogins),
      RUNNER_TEMP: runnerTemp,
      NODE_EXTRA_CA_CERTS: caBundle
    })
    await plan.check(run, world, runnerTemp)
  })
})
