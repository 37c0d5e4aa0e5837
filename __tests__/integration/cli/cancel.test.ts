// SIGTERM and SIGINT cancel a copy of the CLI bundle: destinations roll back, no temp file stays,
// and the exit code is 128 + the signal. The source is an OCI layout whose layer is a named pipe
// the test feeds, so the copy is held mid-blob for as long as the test wants, without timing.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFile, execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { requireNode24 } from '../../harness/action-runner.js'
import { removeTempDirs, sha256, tempDir } from '../../harness/local.js'

const cliPath = path.resolve('dist', 'cli', 'index.js')
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

/** An OCI layout `src:v1` whose one layer is a FIFO; returns the FIFO and the layer's bytes. */
async function layoutWithPipedLayer(root: string): Promise<{ layout: string; fifo: string; layer: Buffer }> {
  const layout = path.join(root, 'src')
  const blobs = path.join(layout, 'blobs', 'sha256')
  await fs.mkdir(blobs, { recursive: true })
  const layer = gzipSync(randomBytes(4 << 20), { level: 1 })
  const config = Buffer.from(
    JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } })
  )
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha256(config),
        size: config.length
      },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: sha256(layer),
          size: layer.length
        }
      ]
    })
  )
  for (const b of [config, manifest]) await fs.writeFile(path.join(blobs, sha256(b).slice(7)), b)
  const fifo = path.join(blobs, sha256(layer).slice(7))
  execFileSync('mkfifo', [fifo])
  await fs.writeFile(path.join(layout, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  await fs.writeFile(
    path.join(layout, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: OCI_MANIFEST,
          digest: sha256(manifest),
          size: manifest.length,
          annotations: { 'org.opencontainers.image.ref.name': 'v1' }
        }
      ]
    })
  )
  return { layout, fifo, layer }
}

/** Every entry under `dir` (relative paths), directories included. */
async function entries(dir: string): Promise<string[]> {
  return (await fs.readdir(dir, { recursive: true })).map(String).sort()
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 3000; i++) {
    const found = await probe()
    if (found !== undefined) return found
    await new Promise(resolve => setTimeout(resolve, 20))
  }
  throw new Error(`never saw: ${what}`)
}

function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
    child.on('error', reject)
    child.on('exit', () => resolve(child.pid!))
  })
}

describe('the CLI bundle, cancelled', () => {
  afterAll(removeTempDirs)

  /** Runs `argv` (given the source, destinations and TMPDIR), cancels it mid-blob with `signal`. */
  async function cancelMidBlob(
    node: string,
    argv: (src: string, dests: string[]) => { args: string[]; env: Record<string, string> },
    signal: NodeJS.Signals
  ): Promise<{ code: number | null; output: string; out: string; tmp: string }> {
    const root = await tempDir()
    const { layout, fifo, layer } = await layoutWithPipedLayer(root)
    const out = path.join(root, 'out')
    const tmp = path.join(root, 'tmp')
    await fs.mkdir(out)
    await fs.mkdir(tmp)
    // An existing dir: image must survive as it was.
    await fs.mkdir(path.join(out, 'img'))
    await fs.writeFile(path.join(out, 'img', 'version'), 'Directory Transport Version: 1.1\n')
    await fs.writeFile(path.join(out, 'img', 'manifest.json'), '{"old":true}')
    const pipe = await fs.open(fifo, 'r+') // a writer that never blocks the copy's open
    const { args, env } = argv(`oci:${layout}:v1`, [
      `oci:${out}/layout:v1`,
      `dir:${out}/img`,
      `oci-archive:${out}/image.tar:v1`
    ])
    const child = spawn(node, args, {
      env: { ...env, TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.on('data', d => (output += String(d)))
    child.stderr.on('data', d => (output += String(d)))
    const exited = new Promise<number | null>(resolve => child.on('exit', c => resolve(c)))
    // Half the layer, then nothing more: the copy is mid-blob, with temp files on disk.
    await pipe.write(layer.subarray(0, layer.length >> 1))
    const early = exited.then(c => {
      throw new Error(`the copy ended (${c}) before it was cancelled: ${output}`)
    })
    await Promise.race([
      early,
      waitFor('partial blobs in every destination', async () => {
        const all = [...(await entries(out)), ...(await entries(tmp))]
        const partial = all.filter(n => /\.put-blob-\d+-[0-9a-f]{16}\.tmp$/.test(n))
        return partial.length >= 3 ? partial : undefined // oci, dir staging, oci-archive's layout
      })
    ])
    early.catch(() => undefined)
    child.kill(signal)
    // The copy reports once it has rolled back; then the pipe is closed, as a thread still blocked
    // reading it would hold the exit (a stalled pipe, unlike a socket, cannot be interrupted).
    await waitFor('the cancellation reported', async () => (output.includes('cancelled') ? true : undefined))
    await pipe.close()
    return { code: await exited, output, out, tmp }
  }

  async function expectRolledBack(out: string, tmp: string): Promise<void> {
    expect(await entries(tmp)).toEqual([])
    expect(await entries(out)).toEqual(['img', 'img/manifest.json', 'img/version'])
    expect(await fs.readFile(path.join(out, 'img', 'manifest.json'), 'utf8')).toBe('{"old":true}')
  }

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130]
  ] as const) {
    it(`${signal} mid-blob: exit code ${code}, destinations rolled back, no temp file anywhere`, async () => {
      const run = await cancelMidBlob(
        process.execPath,
        (src, dests) => ({
          args: [cliPath, src, ...dests, '--quiet'],
          env: { ...process.env } as Record<string, string>
        }),
        signal
      )
      expect(run.code).toBe(code)
      expect(run.output).toBe(`image-copy: cancelled by ${signal}; what this copy wrote was rolled back\n`)
      await expectRolledBack(run.out, run.tmp)
    })
  }

  const node24 = requireNode24()
  ;(node24 ? it : it.skip)(
    'the Action on Node 24, SIGTERM mid-blob: exit 143, one error, rolled back',
    async () => {
      const dir = await tempDir()
      const files = ['output', 'state', 'summary', 'env', 'path'].map(f => path.join(dir, f))
      for (const f of files) await fs.writeFile(f, '')
      const run = await cancelMidBlob(
        node24!,
        (src, dests) => ({
          args: ['dist/main/index.js'],
          env: {
            PATH: process.env.PATH ?? '/usr/bin:/bin',
            HOME: process.env.HOME ?? dir,
            IMAGE_COPY_BLOB_INFO_CACHE: 'off',
            GITHUB_ACTIONS: 'true',
            RUNNER_TEMP: dir,
            GITHUB_OUTPUT: files[0],
            GITHUB_STATE: files[1],
            GITHUB_STEP_SUMMARY: files[2],
            GITHUB_ENV: files[3],
            GITHUB_PATH: files[4],
            INPUT_SRC: src,
            INPUT_DEST: dests.join('\n')
          }
        }),
        'SIGTERM'
      )
      expect(run.code).toBe(143)
      expect(run.output).toContain('::error::cancelled by SIGTERM; what this copy wrote was rolled back')
      await expectRolledBack(run.out, run.tmp)
    }
  )

  it('the next run removes temp entries that a killed process (a dead pid) left', async () => {
    const root = await tempDir()
    const out = path.join(root, 'out')
    const tmp = path.join(root, 'tmp')
    const dead = await deadPid()
    const stale = [
      `out/layout/blobs/sha256/.put-blob-${dead}-0123456789abcdef.tmp`,
      `out/.img-${dead}-0123456789abcdef.tmp/0123`,
      `out/.img-${dead}-0123456789abcdef.old/version`, // a swap killed midway: restored, then replaced
      `out/.image.tar-${dead}-0123456789abcdef.tmp`,
      `out/.d.tar-${dead}-0123456789abcdef.tmp`,
      `tmp/image-copy-oci-archive-${dead}-0123456789abcdef/blobs/sha256/partial`,
      `tmp/image-copy-docker-archive-spool-${dead}-0123456789abcdef/.layer-${dead}-0123456789abcdef.tmp`
    ]
    for (const f of stale) {
      await fs.mkdir(path.dirname(path.join(root, f)), { recursive: true })
      await fs.writeFile(
        path.join(root, f),
        f.endsWith('version') ? 'Directory Transport Version: 1.1\n' : 'left'
      )
    }
    const example = `oci:${path.resolve('example', 'multiarch')}:1.0`
    const run = await new Promise<{ code: number; stderr: string }>(resolve =>
      execFile(
        process.execPath,
        [
          cliPath,
          example,
          `oci:${out}/layout:v1`,
          `dir:${out}/img`,
          `oci-archive:${out}/image.tar:v1`,
          `docker-archive:${out}/d.tar`,
          '--quiet'
        ],
        { env: { ...process.env, TMPDIR: tmp } },
        (error, _stdout, stderr) =>
          resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr })
      )
    )
    expect(run).toEqual({ code: 0, stderr: '' })
    const left = [...(await entries(out)), ...(await entries(tmp))].filter(n => n.includes(String(dead)))
    expect(left).toEqual([])
  })
})
