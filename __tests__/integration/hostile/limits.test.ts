// Reads are capped and transfers must move: a 600 MB config, an endless Engine answer and a registry
// that sends one byte at a time each fail with an error that says why, in bounded memory.
import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import { runCli } from '../../harness/cli-run.js'
import {
  bytesAnswer,
  serveLayout,
  startHostileRegistry,
  type Handler,
  type HostileRegistry
} from '../../harness/hostile-registry.js'
import { exampleLayout, removeTempDirs, tempDir } from '../../harness/local.js'

interface ChildRun {
  code: number
  stderr: string
  maxRssKiB: number
}

/** The CLI bundle as a child; its peak RSS as the child itself reports it when it exits. */
async function cliChild(args: string[], env: Record<string, string> = {}): Promise<ChildRun> {
  const dir = await tempDir()
  const rssFile = path.join(dir, 'rss')
  const preload = path.join(dir, 'rss.mjs')
  await writeFile(
    preload,
    `import { writeFileSync } from 'node:fs'\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)))\n`
  )
  const { code, stderr } = await new Promise<{ code: number; stderr: string }>(resolve => {
    execFile(
      process.execPath,
      ['--import', preload, path.join('dist', 'cli', 'index.js'), ...args],
      { env: { ...process.env, ...env } },
      (error, _stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr })
    )
  })
  return { code, stderr, maxRssKiB: Number(await readFile(rssFile, 'utf8')) }
}

/** Zeros, as long as the client reads (or `total` bytes). */
function zeros(total: number): Handler {
  return (req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(total) })
    const chunk = Buffer.alloc(1 << 16)
    let sent = 0
    const pump = (): void => {
      while (sent < total) {
        const n = Math.min(chunk.length, total - sent)
        sent += n
        if (!res.write(chunk.subarray(0, n))) return void res.once('drain', pump)
      }
      res.end()
    }
    req.on('close', () => (sent = total))
    pump()
  }
}

describe('limits', () => {
  let registry: HostileRegistry | undefined
  afterEach(async () => registry?.close())
  afterAll(removeTempDirs)

  it('a 600 MB config is refused before it is read; peak memory stays under 200 MiB', async () => {
    registry = await startHostileRegistry()
    const size = 600 * 1024 * 1024
    const config = `sha256:${'c'.repeat(64)}`
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config, size },
      layers: []
    })
    registry.route(
      '/v2/app/manifests/big',
      bytesAnswer(manifest, 'application/vnd.oci.image.manifest.v1+json')
    )
    registry.route(`/v2/app/blobs/${config}`, zeros(size))
    const src = `docker://${registry.host}/app:big`
    const run = await cliChild([src, `oci:${await tempDir()}/x:1`, '--src-tls-verify=false', '--quiet'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `the config blob ${config} from ${src} is ${size} bytes, larger than the limit of 4 MiB for image configs`
    )
    expect(run.maxRssKiB).toBeGreaterThan(0)
    expect(run.maxRssKiB).toBeLessThan(200 * 1024)
  })

  it('a blob trickling at a few bytes a second fails by the throughput rule, after its retries', async () => {
    registry = await startHostileRegistry()
    await serveLayout(registry, 'app', exampleLayout)
    const index = JSON.parse(await readFile(path.join(exampleLayout, 'index.json'), 'utf8'))
    registry.route('/v2/app/manifests/1', async (req, res) => {
      const bytes = await readFile(
        path.join(exampleLayout, 'blobs', 'sha256', index.manifests[0].digest.slice(7))
      )
      return bytesAnswer(bytes, index.manifests[0].mediaType)(req, res)
    })
    // Every layer of the amd64 image trickles: one byte every 100 ms.
    const top = JSON.parse(
      await readFile(path.join(exampleLayout, 'blobs', 'sha256', index.manifests[0].digest.slice(7)), 'utf8')
    )
    const amd64 = top.manifests.find(
      (m: { platform: { architecture: string } }) => m.platform.architecture === 'amd64'
    )
    const image = JSON.parse(
      await readFile(path.join(exampleLayout, 'blobs', 'sha256', amd64.digest.slice(7)), 'utf8')
    )
    const layer = image.layers[0]
    registry.route(`/v2/app/blobs/${layer.digest}`, (req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(layer.size) })
      const timer = setInterval(() => res.write(Buffer.alloc(1)), 100)
      req.on('close', () => clearInterval(timer))
      res.on('close', () => clearInterval(timer))
    })
    const run = await cliChild(
      [
        `docker://${registry.host}/app:1`,
        `oci:${await tempDir()}/x:1`,
        '--platform',
        'linux/amd64',
        '--src-tls-verify=false',
        '--retry-times',
        '1',
        '--quiet'
      ],
      { IMAGE_COPY_MIN_THROUGHPUT: '1000/1' }
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`reading blob ${layer.digest} in ${registry.host}/app: too slow:`)
    expect(run.stderr).toContain(
      'below the minimum throughput of 1000 bytes per 1 s (IMAGE_COPY_MIN_THROUGHPUT)'
    )
    expect(run.stderr).toContain('gave up after 1 resumed download')
    expect(run.maxRssKiB).toBeLessThan(200 * 1024)
    // The first request and one resumed at the offset reached.
    const layerRequests = registry.requests.filter(r => r.url === `/v2/app/blobs/${layer.digest}`)
    expect(layerRequests).toHaveLength(2)
  })

  /** A Docker Engine on a unix socket that answers every request with an endless body of "O". */
  async function endlessEngine(dir: string): Promise<{ socket: string; close: () => Promise<void> }> {
    const socket = path.join(dir, 'docker.sock')
    const server: Server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      const chunk = Buffer.alloc(1 << 16, 'O')
      const pump = (): void => {
        while (res.write(chunk));
        res.once('drain', pump)
      }
      req.on('close', () => res.removeAllListeners('drain'))
      pump()
    })
    await new Promise<void>(resolve => server.listen(socket, resolve))
    return {
      socket,
      close: async () => {
        server.closeAllConnections()
        await new Promise(resolve => server.close(resolve))
      }
    }
  }

  /** Runs the CLI with DOCKER_HOST set (the transport reads the process's environment). */
  async function withEngine(socket: string, args: string[]): Promise<{ code: number; stderr: string }> {
    const saved = process.env.DOCKER_HOST
    process.env.DOCKER_HOST = `unix://${socket}`
    try {
      return await runCli(args)
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST
      else process.env.DOCKER_HOST = saved
    }
  }

  it('an endless answer of the Docker Engine to /_ping fails at the cap; peak memory stays under 200 MiB', async () => {
    const dir = await tempDir()
    const engine = await endlessEngine(dir)
    try {
      // The destination pings the engine first.
      const run = await cliChild(
        [`oci:${exampleLayout}:1.0`, 'docker-daemon:app:1', '--platform', 'linux/amd64'],
        { DOCKER_HOST: `unix://${engine.socket}` }
      )
      expect(run.code).toBe(1)
      expect(run.stderr).toContain(
        `the Docker daemon's answer to /_ping at unix://${engine.socket} is larger than the limit of 1 MiB`
      )
      expect(run.maxRssKiB).toBeLessThan(200 * 1024)
    } finally {
      await engine.close()
    }
  })

  it('an endless answer to docker save that is no tar fails at its first block, not after filling the disk', async () => {
    const dir = await tempDir()
    const engine = await endlessEngine(dir)
    try {
      const run = await withEngine(engine.socket, ['docker-daemon:app:1', `oci:${dir}/x:1`])
      expect(run.code).toBe(1)
      expect(run.stderr).toContain(
        `image app:1 saved by the Docker daemon at unix://${engine.socket}: invalid tar header (checksum mismatch)`
      )
    } finally {
      await engine.close()
    }
  })
})
