// The docker transport's own logic, against scripted servers: references, manifest verification, MIME types.
import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { closeAllConnections } from '../../../src/registry/index.js'
import { isDockerImageReference, parseDockerImageReference } from '../../../src/transports/docker/index.js'
import { manifestMimeType } from '../../../src/transports/docker/source.js'

const sha256 = (b: Buffer | string): string => 'sha256:' + createHash('sha256').update(b).digest('hex')
const servers: Server[] = []

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler)
  servers.push(server)
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  return `127.0.0.1:${(server.address() as AddressInfo).port}`
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections()
    await new Promise(r => s.close(r))
  }
})
afterAll(async () => {
  await closeAllConnections()
})

const OCI = 'application/vnd.oci.image.manifest.v1+json'
const manifest = JSON.stringify({
  schemaVersion: 2,
  mediaType: OCI,
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256('c'), size: 1 },
  layers: []
})

describe('docker references', () => {
  it('parses what follows docker:// and prints it back', () => {
    const ref = parseDockerImageReference('alpine')
    expect(ref.transport).toBe('docker')
    expect(ref.reference).toBe('//alpine:latest')
    expect(ref.toString()).toBe('docker://alpine:latest')
    expect(ref.digest).toBeUndefined()
    expect(ref.docker.apiHost).toBe('registry-1.docker.io')
    expect(parseDockerImageReference('//ghcr.io/a/b:1').toString()).toBe('docker://ghcr.io/a/b:1')
    const d = sha256('x')
    expect(parseDockerImageReference(`ghcr.io/a/b@${d}`).digest).toBe(d)
    expect(isDockerImageReference(ref)).toBe(true)
    expect(isDockerImageReference(undefined)).toBe(false)
  })
})

describe('docker source', () => {
  it('verifies a manifest fetched by digest', async () => {
    const host = await serve((req, res) => {
      if (req.url === '/v2/') return res.writeHead(200).end()
      res.writeHead(200, { 'content-type': OCI }).end(manifest + ' ')
    })
    const want = sha256(manifest)
    await expect(
      parseDockerImageReference(`${host}/a/b@${want}`).newSource({ registry: { tlsVerify: false } })
    ).rejects.toThrow(
      new RegExp(`the manifest the registry sent for ${want} has digest sha256:[a-f0-9]{64}, not ${want}`)
    )
  })

  it('takes the MIME type from Content-Type without parameters, else from the bytes', async () => {
    for (const [contentType, expected] of [
      [`${OCI}; charset=utf-8`, OCI],
      ['', OCI],
      ['text/plain', OCI]
    ]) {
      const host = await serve((req, res) => {
        if (req.url === '/v2/') return res.writeHead(200).end()
        res.writeHead(200, contentType ? { 'content-type': contentType } : {}).end(manifest)
      })
      const src = await parseDockerImageReference(`${host}/a/b:t`).newSource({
        registry: { tlsVerify: false }
      })
      expect((await src.getManifest()).mimeType).toBe(expected)
    }
    expect(manifestMimeType('', Buffer.from('not json'))).toBe(
      'application/vnd.docker.distribution.manifest.v1+prettyjws'
    )
  })

  it('asks for every manifest type', async () => {
    let accept = ''
    const host = await serve((req, res) => {
      if (req.url === '/v2/') return res.writeHead(200).end()
      accept = String(req.headers.accept)
      res.writeHead(200, { 'content-type': OCI }).end(manifest)
    })
    await parseDockerImageReference(`${host}/a/b:t`).newSource({ registry: { tlsVerify: false } })
    expect(accept.split(', ')).toEqual([
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.docker.distribution.manifest.v2+json',
      'application/vnd.docker.distribution.manifest.v1+prettyjws',
      'application/vnd.docker.distribution.manifest.v1+json',
      'application/vnd.docker.distribution.manifest.list.v2+json',
      'application/vnd.oci.image.index.v1+json'
    ])
  })
})
