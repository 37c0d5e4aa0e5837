// docker-daemon: against a small fake Engine API on a unix socket: what the load request carries
// and when, how engine errors surface, that an unfinished copy aborts the request, and the source
// side of /images/get. The real dockerd is exercised in __tests__/integration/docker.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import path from 'node:path'
import { ImageNotFoundError } from '../../../src/transports/errors.js'
import {
  copy,
  example,
  imageConfig,
  makeLayer,
  OCI_LAYER_GZIP_TYPE,
  tarEntries,
  writeOciImage
} from './docker-archive-helpers.js'
import { sha256, tempDir } from './helpers.js'

interface LoadRequest {
  url: string
  contentType: string | undefined
  body: Buffer
  aborted: boolean
  /** Bytes received when the engine's manifest was written by the copy (set by the test). */
  receivedAt: number[]
}

let root: string
let tmp: string
let socket: string
let server: Server
const loads: LoadRequest[] = []
let answer: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void
let savedHost: string | undefined
const ctx = () => ({ tmpDir: tmp })

beforeAll(async () => {
  root = await tempDir('fake-engine')
  tmp = path.join(root, 'tmp')
  await fs.mkdir(tmp)
  socket = path.join(root, 'engine.sock')
  server = createServer((req, res) => {
    if (req.url === '/_ping') {
      res.end('OK')
      return
    }
    if (req.method === 'POST' && req.url?.startsWith('/images/load')) {
      const load: LoadRequest = {
        url: req.url,
        contentType: req.headers['content-type'],
        body: Buffer.alloc(0),
        aborted: false,
        receivedAt: []
      }
      loads.push(load)
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => {
        chunks.push(c)
        load.body = Buffer.concat(chunks)
      })
      req.on('aborted', () => (load.aborted = true))
      req.on('error', () => (load.aborted = true))
      req.on('end', () => answer(req, res, load.body))
      return
    }
    answer(req, res, Buffer.alloc(0))
  })
  await new Promise<void>(resolve => server.listen(socket, resolve))
  savedHost = process.env.DOCKER_HOST
  process.env.DOCKER_HOST = `unix://${socket}`
})
afterAll(async () => {
  if (savedHost === undefined) delete process.env.DOCKER_HOST
  else process.env.DOCKER_HOST = savedHost
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
  await fs.rm(root, { recursive: true, force: true })
})
afterEach(async () => {
  loads.length = 0
  expect(await fs.readdir(tmp)).toEqual([])
})

const loaded = (_req: IncomingMessage, res: ServerResponse) => {
  res.setHeader('content-type', 'application/json')
  res.end('{"stream":"Loaded image: acme/app:1\\n"}\r\n')
}

describe('docker-daemon: destination (fake engine)', () => {
  it('streams the archive into POST /images/load?quiet=1 while the blobs arrive, manifest.json last, layers as they came', async () => {
    answer = loaded
    const received: number[] = []
    const result = await copy(example, ['docker-daemon:acme/app:1'], {
      destinationContext: ctx(),
      onEvent: e => {
        if (e.type === 'manifest-written') received.push(loads[0]?.body.length ?? -1)
      }
    })
    expect(loads).toHaveLength(1)
    const [load] = loads
    expect(load.url).toBe('/images/load?quiet=1')
    expect(load.contentType).toBe('application/x-tar')
    // The layers and the config had reached the engine before the copy wrote its manifest.
    expect(received[0]).toBeGreaterThan(1024)
    const file = path.join(root, 'loaded.tar')
    await fs.writeFile(file, load.body)
    const entries = await tarEntries(file)
    expect(entries.at(-2)?.name).toBe('manifest.json')
    const manifestJson = JSON.parse(entries.at(-2)!.data.toString())
    expect(manifestJson[0].RepoTags).toEqual(['docker.io/acme/app:1'])
    // Upstream's docker-daemon keeps layers compressed: they are the source's gzip blobs.
    const written = JSON.parse(result.destinations[0].manifest.toString())
    expect(written.layers.map((l: { mediaType: string }) => l.mediaType)).toEqual([
      'application/vnd.docker.image.rootfs.diff.tar.gzip',
      'application/vnd.docker.image.rootfs.diff.tar.gzip'
    ])
    for (const l of written.layers) {
      const entry = entries.find(e => e.name === `${l.digest.slice(7)}.tar`)!
      expect(sha256(entry.data)).toBe(l.digest)
    }
  })

  it('surfaces an error the engine reports in the load response as it is', async () => {
    answer = (_req, res) => {
      res.setHeader('content-type', 'application/json')
      res.end(
        '{"errorDetail":{"message":"invalid diffID for layer 0: expected sha256:aa, got sha256:bb"},"error":"invalid diffID for layer 0: expected sha256:aa, got sha256:bb"}\r\n'
      )
    }
    await expect(copy(example, ['docker-daemon:acme/app:1'], { destinationContext: ctx() })).rejects.toThrow(
      'docker engine reported: invalid diffID for layer 0: expected sha256:aa, got sha256:bb'
    )
    answer = (_req, res) => {
      res.statusCode = 500
      res.end('{"message":"write /var/lib/docker/tmp: no space left on device"}')
    }
    await expect(copy(example, ['docker-daemon:acme/app:1'], { destinationContext: ctx() })).rejects.toThrow(
      'docker engine: loading the image failed (HTTP 500): write /var/lib/docker/tmp: no space left on device'
    )
  })

  it('aborts the load request when the copy fails, so the engine loads nothing', async () => {
    answer = loaded
    const dir = await fs.mkdtemp(path.join(root, 'corrupt-'))
    const layer = await makeLayer('etc/x', 'x'.repeat(100000))
    const src = await writeOciImage(dir, imageConfig([layer.diffId]), [
      { bytes: layer.gzip, mediaType: OCI_LAYER_GZIP_TYPE }
    ])
    const blob = path.join(dir, 'blobs', 'sha256', sha256(layer.gzip).slice(7))
    const bytes = await fs.readFile(blob)
    bytes[bytes.length - 20] ^= 0xff
    await fs.writeFile(blob, bytes)
    await expect(copy(src, ['docker-daemon:acme/app:1'], { destinationContext: ctx() })).rejects.toThrow(
      `blob ${sha256(layer.gzip)} does not match its digest`
    )
    await new Promise(resolve => setTimeout(resolve, 100))
    expect(loads).toHaveLength(1)
    expect(loads[0].aborted).toBe(true)
  })

  it('says which daemon it could not reach', async () => {
    const saved = process.env.DOCKER_HOST
    process.env.DOCKER_HOST = `unix://${root}/nothing.sock`
    try {
      await expect(copy(example, ['docker-daemon:acme/app:1'])).rejects.toThrow(
        new RegExp(`cannot talk to the Docker daemon at unix://${root}/nothing.sock: .*ENOENT`)
      )
    } finally {
      process.env.DOCKER_HOST = saved
    }
  })
})

describe('docker-daemon: source (fake engine)', () => {
  it('reads GET /images/get?names=… as a docker archive through a temp file removed on close', async () => {
    const dir = await fs.mkdtemp(path.join(root, 'save-'))
    const archive = await copy(example, [`docker-archive:${dir}/saved.tar:acme/app:1`])
    const saved = await fs.readFile(`${dir}/saved.tar`)
    const urls: string[] = []
    answer = (req, res) => {
      urls.push(req.url ?? '')
      if (req.url === `/images/get?names=${encodeURIComponent('acme/app:1')}`) {
        res.setHeader('content-type', 'application/x-tar')
        res.end(saved)
      } else {
        res.statusCode = 404
        res.end('{"message":"reference does not exist"}')
      }
    }
    const result = await copy('docker-daemon:acme/app:1', [`oci:${dir}/layout:1`], { sourceContext: ctx() })
    expect(result.sourceDigest).toBe(archive.destinations[0].digest)
    await expect(
      copy('docker-daemon:acme/other:1', [`oci:${dir}/layout:2`], { sourceContext: ctx() })
    ).rejects.toThrow(ImageNotFoundError)
    expect(urls).toEqual(['/images/get?names=acme%2Fapp%3A1', '/images/get?names=acme%2Fother%3A1'])
  })
})
