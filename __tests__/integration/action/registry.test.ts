// The bundled Action (dist/, Node 24, as the runner runs it) against real registries: outputs equal
// what skopeo reports for the destination; credentials from inputs, docker config.json (auths,
// credHelpers, credsStore) and containers auth.json; no secret anywhere in what a run prints.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fakeGithubToken } from '../../harness/action-manifest.js'
import {
  requireNode24,
  runActionStep,
  runActionWithPost,
  type ActionRun
} from '../../harness/action-runner.js'
import { exampleLayout, ociRefDigest, removeTempDirs, sha256, skopeo, tempDir } from '../../harness/local.js'
import { requireProgram } from '../../harness/programs.js'
import { startRegistry, type TestRegistry } from '../../harness/registry.js'
import { startTokenIssuer, type TokenIssuer } from '../../harness/token-issuer.js'

const node24 = requireNode24()
const skopeoPath = requireProgram('skopeo')
const registryPath = requireProgram('docker-registry')
const ready = node24 && skopeoPath && registryPath
const withAll = ready ? describe : describe.skip

const alice = { name: 'alice', password: 'pw-Alice-7f3e9c' }
const bob = { name: 'bob', password: 'pw-Bob-2d81aa' }
const example = `oci:${exampleLayout}:1.0`

withAll('the Action against real registries', () => {
  let secured: TestRegistry
  let open: TestRegistry
  let tokenRegistry: TestRegistry
  let issuer: TokenIssuer
  let home: string
  let policyDir: string
  let exampleDigest: string
  const transcripts: Array<{ name: string; run: ActionRun }> = []
  const sk = (...args: string[]) => skopeo(skopeoPath!, args, policyDir)
  const baseEnv = () => ({ HOME: home })

  async function step(
    name: string,
    inputs: Record<string, string>,
    env: Record<string, string> = {}
  ): Promise<ActionRun> {
    const { main, post } = await runActionWithPost(node24!, inputs, { ...baseEnv(), ...env })
    transcripts.push({ name, run: main }, { name: `${name} (post)`, run: post })
    return main
  }
  const remoteDigest = async (ref: string, ...auth: string[]) =>
    sha256(Buffer.from(await sk('inspect', '--raw', '--tls-verify=false', ...auth, ref)))

  beforeAll(async () => {
    home = await tempDir()
    policyDir = await tempDir()
    exampleDigest = (await ociRefDigest(exampleLayout, '1.0'))!
    secured = await startRegistry({ auth: 'htpasswd', users: [alice, bob] })
    open = await startRegistry()
    issuer = await startTokenIssuer({
      dir: await tempDir(),
      users: [{ name: alice.name, password: alice.password, access: { '*': ['pull', 'push'] } }]
    })
    tokenRegistry = await startRegistry({ auth: 'token', tokenIssuer: issuer })
  })
  afterAll(async () => {
    await Promise.all([secured?.stop(), open?.stop(), tokenRegistry?.stop(), issuer?.stop()])
    await removeTempDirs()
  })

  it('all images to two registries from one read; digest outputs equal what skopeo reads there', async () => {
    const a = `docker://${secured.host}/acme/app:1.0`
    const b = `docker://${open.host}/mirror/app:1.0`
    const run = await step('two destinations', {
      src: example,
      dest: `${a}\n${b}`,
      'all-images': 'true',
      'dest-username': alice.name,
      'dest-password': alice.password,
      'dest-tls-verify': 'false'
    })
    expect(run.code).toBe(0)
    expect(run.outputs.digest).toBe(exampleDigest)
    expect(await remoteDigest(a, '--creds', `${alice.name}:${alice.password}`)).toBe(run.outputs.digest)
    expect(await remoteDigest(b)).toBe(exampleDigest)
    expect(JSON.parse(run.outputs.digests)).toEqual({ [a]: exampleDigest, [b]: exampleDigest })
    const raw = JSON.parse(await sk('inspect', '--raw', '--tls-verify=false', b)) as {
      manifests: Array<{ digest: string }>
    }
    const instances = JSON.parse(run.outputs.instances) as Array<{ digest: string; status: string }>
    expect(instances.map(i => i.digest)).toEqual(raw.manifests.map(m => m.digest))
    expect(run.summary).toContain(exampleDigest)
  })

  it('a platform subset: a valid stripped list, digest output equal to skopeo', async () => {
    const dest = `docker://${open.host}/mirror/app:arm64`
    const run = await step('platform subset', {
      src: example,
      dest,
      platforms: 'linux/arm64',
      'dest-tls-verify': 'false'
    })
    expect(run.code).toBe(0)
    expect(await remoteDigest(dest)).toBe(run.outputs.digest)
    const list = JSON.parse(run.outputs.manifest) as {
      manifests: Array<{ platform: { architecture: string } }>
    }
    expect(list.manifests.map(m => m.platform.architecture)).toEqual(['arm64'])
    // skopeo can copy the whole (trimmed) list back out
    await sk('copy', '--all', '--src-tls-verify=false', dest, `oci:${await tempDir()}/x:1`)
  })

  it('a conversion to Docker v2s2: media-type output and digest as skopeo reads them', async () => {
    const dest = `docker://${open.host}/mirror/app:v2s2`
    const run = await step('conversion', {
      src: example,
      dest,
      'all-images': 'true',
      'force-mime-type': 'v2s2',
      'dest-tls-verify': 'false'
    })
    expect(run.code).toBe(0)
    expect(run.outputs['media-type']).toBe('application/vnd.docker.distribution.manifest.list.v2+json')
    expect(await remoteDigest(dest)).toBe(run.outputs.digest)
  })

  it('a token-auth registry with credentials from inputs', async () => {
    const dest = `docker://${tokenRegistry.host}/team/app:1.0`
    const run = await step('token registry', {
      src: example,
      dest,
      'all-images': 'true',
      'dest-username': alice.name,
      'dest-password': alice.password,
      'dest-tls-verify': 'false'
    })
    expect(run.code).toBe(0)
    expect(run.outputs.digest).toBe(exampleDigest)
    expect(issuer.issuedTokens.length).toBeGreaterThan(0)
  })

  describe('credentials from files and helpers', () => {
    const auth = (u: { name: string; password: string }) =>
      Buffer.from(`${u.name}:${u.password}`).toString('base64')

    it('docker config.json as docker/login-action writes it (auths)', async () => {
      const dir = await tempDir()
      await writeFile(
        path.join(dir, 'config.json'),
        JSON.stringify({ auths: { [secured.host]: { auth: auth(bob) } } })
      )
      const run = await step(
        'docker config auths',
        {
          src: example,
          dest: `docker://${secured.host}/cfg/app:1`,
          'dest-tls-verify': 'false'
        },
        { DOCKER_CONFIG: dir }
      )
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(`${dir}/config.json`)
    })

    it('a docker config.json with credHelpers (a helper program on PATH)', async () => {
      const bin = await tempDir()
      const helper = path.join(bin, 'docker-credential-e2etest')
      await writeFile(
        helper,
        `#!/bin/sh\nread server\nprintf '{"ServerURL":"%s","Username":"${bob.name}","Secret":"${bob.password}"}' "$server"\n`
      )
      await chmod(helper, 0o755)
      const dir = await tempDir()
      await writeFile(
        path.join(dir, 'config.json'),
        JSON.stringify({ credHelpers: { [secured.host]: 'e2etest' } })
      )
      const run = await step(
        'credHelpers',
        {
          src: example,
          dest: `docker://${secured.host}/helper/app:1`,
          'dest-tls-verify': 'false'
        },
        { DOCKER_CONFIG: dir, PATH: `${bin}:${process.env.PATH}` }
      )
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('docker-credential-e2etest')
    })

    it('a docker config.json with credsStore', async () => {
      const bin = await tempDir()
      const helper = path.join(bin, 'docker-credential-e2estore')
      await writeFile(
        helper,
        `#!/bin/sh\nread server\nprintf '{"ServerURL":"%s","Username":"${alice.name}","Secret":"${alice.password}"}' "$server"\n`
      )
      await chmod(helper, 0o755)
      const dir = await tempDir()
      await writeFile(path.join(dir, 'config.json'), JSON.stringify({ credsStore: 'e2estore' }))
      const run = await step(
        'credsStore',
        {
          src: example,
          dest: `docker://${secured.host}/store/app:1`,
          'dest-tls-verify': 'false'
        },
        { DOCKER_CONFIG: dir, PATH: `${bin}:${process.env.PATH}` }
      )
      expect(run.code).toBe(0)
    })

    it('a containers auth.json (REGISTRY_AUTH_FILE)', async () => {
      const file = path.join(await tempDir(), 'auth.json')
      await writeFile(file, JSON.stringify({ auths: { [`${secured.host}/podman`]: { auth: auth(alice) } } }))
      const run = await step(
        'auth.json',
        {
          src: example,
          dest: `docker://${secured.host}/podman/app:1`,
          'dest-tls-verify': 'false'
        },
        { REGISTRY_AUTH_FILE: file }
      )
      expect(run.code).toBe(0)
    })

    it('the auth-file input', async () => {
      const file = path.join(await tempDir(), 'auth.json')
      await writeFile(file, JSON.stringify({ auths: { [secured.host]: { auth: auth(alice) } } }))
      const run = await step('auth-file', {
        src: example,
        dest: `docker://${secured.host}/authfile/app:1`,
        'auth-file': file,
        'dest-tls-verify': 'false'
      })
      expect(run.code).toBe(0)
    })

    it('explicit inputs override a config.json with a wrong password', async () => {
      const dir = await tempDir()
      await writeFile(
        path.join(dir, 'config.json'),
        JSON.stringify({
          auths: { [secured.host]: { auth: auth({ name: 'alice', password: 'pw-Wrong-0000' }) } }
        })
      )
      const run = await step(
        'explicit overrides',
        {
          src: example,
          dest: `docker://${secured.host}/explicit/app:1`,
          'dest-username': bob.name,
          'dest-password': bob.password,
          'dest-tls-verify': 'false'
        },
        { DOCKER_CONFIG: dir }
      )
      expect(run.code).toBe(0)
    })

    it('a wrong password fails with one error naming the registry', async () => {
      const run = await step('wrong password', {
        src: example,
        dest: `docker://${secured.host}/wrong/app:1`,
        'dest-username': alice.name,
        'dest-password': 'pw-Wrong-1234',
        'dest-tls-verify': 'false'
      })
      expect(run.code).not.toBe(0)
      const errors = run.stdout.split('\n').filter(l => l.startsWith('::error'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain(secured.host)
      expect(errors[0]).toMatch(/401|unauthori[sz]ed|credentials/i)
    })
  })

  it('no secret appears in any output, log, summary or error of these runs', async () => {
    await mkdir(home, { recursive: true })
    const secrets = [
      alice.password,
      bob.password,
      'pw-Wrong-0000',
      'pw-Wrong-1234',
      Buffer.from(`${alice.name}:${alice.password}`).toString('base64'),
      Buffer.from(`${bob.name}:${bob.password}`).toString('base64'),
      ...issuer.issuedTokens,
      // the job's token: every run gets it as the github-token default, as on GitHub
      fakeGithubToken
    ]
    expect(transcripts.length).toBeGreaterThan(10)
    expect(transcripts[0].run.inputs['INPUT_GITHUB-TOKEN']).toBe(fakeGithubToken)
    for (const { name, run } of transcripts) {
      // ::add-mask:: lines register secrets with the runner, which then hides them; they are the
      // one place a secret may appear.
      const printed = [run.stdout, run.stderr]
        .join('\n')
        .split('\n')
        .filter(l => !l.startsWith('::add-mask::'))
        .join('\n')
      const everything = [printed, JSON.stringify(run.outputs), run.summary, JSON.stringify(run.state)].join(
        '\n'
      )
      for (const secret of secrets) {
        if (everything.includes(secret))
          throw new Error(`run "${name}" printed a secret (${secret.slice(0, 4)}…)`)
      }
    }
  })

  it('explicit secrets are masked before anything else is printed', async () => {
    const run = transcripts.find(t => t.name === 'two destinations')!.run
    const lines = run.stdout.split('\n')
    const mask = lines.findIndex(l => l === `::add-mask::${alice.password}`)
    expect(mask).toBeGreaterThanOrEqual(0)
    expect(lines.slice(0, mask).every(l => l.startsWith('::add-mask::'))).toBe(true)
  })

  it('runs with nothing to mask still work from the runner: post step succeeds', async () => {
    const run = await runActionStep(node24!, 'dist/post/index.js', {}, baseEnv())
    expect(run.code).toBe(0)
  })
})
