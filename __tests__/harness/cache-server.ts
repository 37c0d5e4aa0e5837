/**
 * A local GitHub Actions cache service (v2) for tests, so the real `@actions/cache` library can save and
 * restore against it (reference: github-action-engineering.md section 2).
 *
 *   const server = await startCacheServer()
 *   const restoreEnv = setProcessEnv({ ...cacheEnv(server), ACTIONS_CACHE_MODE: undefined })
 *   … saveCache / restoreCache …
 *   restoreEnv()
 *   server.fault = 'fail500'      // every request answers 500 (Twirp error body)
 *   server.fault = 'hang'         // every request is accepted and never answered
 *   server.counters               // { rpc: { CreateCacheEntry: n, … }, uploads, blocks, blockLists, downloads, … }
 *   server.entries()              // what was stored: key, version, finalized, size, file (the archive on disk)
 *   await server.close()          // also destroys hanging connections; removes the temp dir
 *
 * Protocol, as @actions/cache 6.3 speaks it:
 * - Twirp JSON: `POST /twirp/github.actions.results.api.v1.CacheService/<Method>` with a bearer token;
 *   replies in snake_case (the library masks `sig` of the signed URLs only under snake_case keys).
 *   CreateCacheEntry {key, version} → {ok, signed_upload_url}; a finalized key+version answers 409
 *   `already_exists`, as the real service does. FinalizeCacheEntryUpload {key, version, size_bytes} →
 *   {ok, entry_id}. GetCacheEntryDownloadURL {key, restore_keys, version} → exact key, else the newest
 *   entry whose key starts with each restore key in turn (same version, finalized) → {ok,
 *   signed_download_url, matched_key}, or {ok: false}.
 * - Azure-blob-style storage at `/devstoreaccount1/cache/<id>?sig=…` (the account segment keeps the
 *   Azure SDK's IP-style URL parsing happy): `PUT` (single shot, `x-ms-blob-type: BlockBlob`), or
 *   `PUT …&comp=block&blockid=<b64>` per block then `PUT …&comp=blocklist` with
 *   `<BlockList><Latest>id</Latest>…</BlockList>`; 201 each. Download is a plain `GET` with
 *   Content-Length (the library uses the Azure SDK only for hosts under .blob.core.windows.net).
 * Archives and blocks are kept on disk under `root`, never in memory.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, open, rm, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

export type CacheFault = 'none' | 'fail500' | 'hang'

export interface CacheServerCounters {
  rpc: Record<string, number>
  /** Single-shot blob PUTs. */
  uploads: number
  /** `comp=block` PUTs. */
  blocks: number
  /** `comp=blocklist` PUTs. */
  blockLists: number
  downloads: number
  /** Requests answered 500 by the `fail500` fault. */
  failed: number
  /** Requests left unanswered by the `hang` fault. */
  hung: number
}

export interface StoredEntry {
  id: number
  key: string
  version: string
  finalized: boolean
  /** size_bytes the client finalized with. */
  sizeBytes?: number
  /** The archive as uploaded. */
  file: string
  /** Order of creation (newest wins a prefix match). */
  sequence: number
}

export interface CacheServer {
  /** `http://127.0.0.1:PORT/` (with the trailing slash ACTIONS_RESULTS_URL has). */
  url: string
  port: number
  /** Temp dir holding the store, and `runner-temp` and `workspace` for cacheEnv. */
  root: string
  runnerTemp: string
  workspace: string
  fault: CacheFault
  readonly counters: CacheServerCounters
  entries(): StoredEntry[]
  /** The finalized entry saved under `key`. */
  entry(key: string): StoredEntry | undefined
  resetCounters(): void
  close(): Promise<void>
}

const servicePath = '/twirp/github.actions.results.api.v1.CacheService/'
const blobPath = /^\/devstoreaccount1\/cache\/(\d+)$/

function freshCounters(): CacheServerCounters {
  return {
    rpc: {},
    uploads: 0,
    blocks: 0,
    blockLists: 0,
    downloads: 0,
    failed: 0,
    hung: 0
  }
}

export async function startCacheServer(options: { keep?: boolean } = {}): Promise<CacheServer> {
  const root = await mkdtemp(path.join(tmpdir(), 'cache-server-'))
  const storeDir = path.join(root, 'store')
  const blocksDir = path.join(root, 'blocks')
  const runnerTemp = path.join(root, 'runner-temp')
  const workspace = path.join(root, 'workspace')
  await Promise.all([storeDir, blocksDir, runnerTemp, workspace].map(d => mkdir(d, { recursive: true })))

  const entries = new Map<number, StoredEntry>()
  let nextId = 1
  const sockets = new Set<Socket>()
  let base = ''

  const state = {
    fault: 'none' as CacheFault,
    counters: freshCounters()
  }

  function json(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body)
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
    res.end(text)
  }

  function twirpError(res: ServerResponse, status: number, code: string, msg: string): void {
    json(res, status, { code, msg })
  }

  async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    return text ? (JSON.parse(text) as Record<string, unknown>) : {}
  }

  function field(body: Record<string, unknown>, snake: string, camel: string): unknown {
    return body[snake] ?? body[camel]
  }

  function signedUrl(id: number, purpose: string): string {
    return `${base}devstoreaccount1/cache/${id}?sig=${purpose}-${randomBytes(6).toString('hex')}`
  }

  function finalizedMatching(version: string, match: (key: string) => boolean): StoredEntry | undefined {
    let best: StoredEntry | undefined
    for (const e of entries.values()) {
      if (!e.finalized || e.version !== version || !match(e.key)) continue
      if (!best || e.sequence > best.sequence) best = e
    }
    return best
  }

  async function rpc(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    state.counters.rpc[method] = (state.counters.rpc[method] ?? 0) + 1
    if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) {
      return twirpError(res, 401, 'unauthenticated', 'missing bearer token')
    }
    const body = await readJson(req)
    const key = String(body.key ?? '')
    const version = String(body.version ?? '')
    switch (method) {
      case 'CreateCacheEntry': {
        if (!key || !version) return twirpError(res, 400, 'invalid_argument', 'key and version are required')
        if (finalizedMatching(version, k => k === key)) {
          return twirpError(
            res,
            409,
            'already_exists',
            'cache entry with the same key, version, and scope already exists'
          )
        }
        for (const [id, e] of entries)
          if (!e.finalized && e.key === key && e.version === version) entries.delete(id)
        const id = nextId++
        entries.set(id, {
          id,
          key,
          version,
          finalized: false,
          file: path.join(storeDir, String(id)),
          sequence: id
        })
        return json(res, 200, { ok: true, signed_upload_url: signedUrl(id, 'upload'), message: '' })
      }
      case 'FinalizeCacheEntryUpload': {
        const pending = [...entries.values()].find(
          e => !e.finalized && e.key === key && e.version === version
        )
        if (!pending) return json(res, 200, { ok: false, entry_id: '0', message: `no upload for key ${key}` })
        const size = Number(field(body, 'size_bytes', 'sizeBytes'))
        const stored = await stat(pending.file).catch(() => undefined)
        if (!stored || stored.size !== size) {
          return json(res, 200, {
            ok: false,
            entry_id: '0',
            message: `size_bytes ${size} does not match the ${stored?.size ?? 0} bytes uploaded`
          })
        }
        pending.finalized = true
        pending.sizeBytes = size
        return json(res, 200, { ok: true, entry_id: String(pending.id), message: '' })
      }
      case 'GetCacheEntryDownloadURL': {
        const restoreKeys = (field(body, 'restore_keys', 'restoreKeys') as string[] | undefined) ?? []
        let found = finalizedMatching(version, k => k === key)
        for (const prefix of restoreKeys) {
          if (found) break
          found = finalizedMatching(version, k => k.startsWith(prefix))
        }
        if (!found) return json(res, 200, { ok: false, signed_download_url: '', matched_key: '' })
        return json(res, 200, {
          ok: true,
          signed_download_url: signedUrl(found.id, 'download'),
          matched_key: found.key
        })
      }
      default:
        return twirpError(res, 404, 'bad_route', `no method ${method}`)
    }
  }

  function blobReply(res: ServerResponse, status = 201): void {
    res.writeHead(status, {
      'x-ms-request-id': randomUUID(),
      'x-ms-version': '2024-11-04',
      'x-ms-request-server-encrypted': 'true',
      etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
      'last-modified': new Date().toUTCString(),
      date: new Date().toUTCString(),
      'content-length': '0'
    })
    res.end()
  }

  async function blob(id: number, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const entry = entries.get(id)
    if (!entry) {
      res.writeHead(404, { 'x-ms-error-code': 'BlobNotFound', 'content-length': '0' })
      return void res.end()
    }
    if (req.method === 'GET') {
      if (!entry.finalized) {
        res.writeHead(404, { 'x-ms-error-code': 'BlobNotFound', 'content-length': '0' })
        return void res.end()
      }
      state.counters.downloads++
      const { size } = await stat(entry.file)
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size })
      await pipeline(createReadStream(entry.file), res)
      return
    }
    if (req.method !== 'PUT' || entry.finalized) {
      res.writeHead(405, { 'content-length': '0' })
      return void res.end()
    }
    const comp = url.searchParams.get('comp')
    const blockDir = path.join(blocksDir, String(id))
    if (comp === 'block') {
      const blockId = url.searchParams.get('blockid') ?? ''
      state.counters.blocks++
      await mkdir(blockDir, { recursive: true })
      await pipeline(req, createWriteStream(path.join(blockDir, Buffer.from(blockId).toString('hex'))))
      return blobReply(res)
    }
    if (comp === 'blocklist') {
      state.counters.blockLists++
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const xml = Buffer.concat(chunks).toString('utf8')
      const ids = [...xml.matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)].map(m => m[2])
      const files = ids.map(blockId => path.join(blockDir, Buffer.from(blockId).toString('hex')))
      await pipeline(async function* () {
        for (const file of files) yield* createReadStream(file)
      }, createWriteStream(entry.file))
      await rm(blockDir, { recursive: true, force: true })
      return blobReply(res)
    }
    if (comp) {
      res.writeHead(400, { 'x-ms-error-code': 'InvalidQueryParameterValue', 'content-length': '0' })
      return void res.end()
    }
    state.counters.uploads++
    await pipeline(req, createWriteStream(entry.file))
    return blobReply(res)
  }

  const server = createServer((req, res) => {
    if (state.fault === 'hang') {
      state.counters.hung++
      return
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (state.fault === 'fail500') {
      state.counters.failed++
      req.resume()
      return twirpError(res, 500, 'internal', 'injected fault: fail500')
    }
    const handle = async (): Promise<void> => {
      if (req.method === 'POST' && url.pathname.startsWith(servicePath)) {
        return rpc(url.pathname.slice(servicePath.length), req, res)
      }
      const m = blobPath.exec(url.pathname)
      if (m) return blob(Number(m[1]), url, req, res)
      res.writeHead(404, { 'content-length': '0' })
      res.end()
    }
    handle().catch((e: Error) => {
      if (!res.headersSent) json(res, 500, { code: 'internal', msg: `cache server: ${e.message}` })
      else res.destroy(e)
    })
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  base = `http://127.0.0.1:${port}/`

  return {
    url: base,
    port,
    root,
    runnerTemp,
    workspace,
    get fault() {
      return state.fault
    },
    set fault(f: CacheFault) {
      state.fault = f
    },
    get counters() {
      return state.counters
    },
    entries: () => [...entries.values()].map(e => ({ ...e })),
    entry: key => {
      const found = [...entries.values()].filter(e => e.finalized && e.key === key)
      return found.length ? { ...found[found.length - 1] } : undefined
    },
    resetCounters: () => {
      state.counters = freshCounters()
    },
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>(resolve => server.close(() => resolve()))
      if (!options.keep) await rm(root, { recursive: true, force: true })
    }
  }
}

/**
 * The environment that points @actions/cache at `server`: cache service v2, a runtime token (any string:
 * the library does not decode it), RUNNER_TEMP and GITHUB_WORKSPACE (the server's temp dirs unless
 * given), and GITHUB_SERVER_URL=https://github.com so it is not taken for GHES (which means v1).
 */
export function cacheEnv(
  server: CacheServer,
  dirs: { runnerTemp?: string; workspace?: string } = {}
): Record<string, string> {
  return {
    ACTIONS_CACHE_SERVICE_V2: 'true',
    ACTIONS_RESULTS_URL: server.url,
    ACTIONS_RUNTIME_TOKEN: 'test-runtime-token',
    RUNNER_TEMP: dirs.runnerTemp ?? server.runnerTemp,
    GITHUB_WORKSPACE: dirs.workspace ?? server.workspace,
    GITHUB_SERVER_URL: 'https://github.com'
  }
}

/** The cache variables a test should clear so the developer's environment does not leak in. */
export const cacheEnvUnset: Record<string, undefined> = {
  ACTIONS_CACHE_URL: undefined,
  ACTIONS_CACHE_MODE: undefined,
  SEGMENT_DOWNLOAD_TIMEOUT_MINS: undefined,
  CACHE_UPLOAD_CONCURRENCY: undefined,
  CACHE_UPLOAD_CHUNK_SIZE: undefined
}

/**
 * Sets (a value) or deletes (undefined) variables in process.env; returns a function that puts back
 * exactly what was there. @actions/cache reads process.env on every call, so in-process tests use this.
 */
export function setProcessEnv(vars: Record<string, string | undefined>): () => void {
  const saved = new Map<string, string | undefined>()
  for (const [name, value] of Object.entries(vars)) {
    saved.set(name, process.env[name])
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

export interface StdoutCapture {
  /** Everything written since the capture began. */
  text(): string
  /** Workflow-command warnings and errors (`::warning::…`, `::error::…`) among the captured lines. */
  annotations(): string[]
  restore(): void
}

/** Collects what is written to process.stdout (the library's @actions/core output) instead of printing it. */
export function captureStdout(): StdoutCapture {
  const original = process.stdout.write
  let text = ''
  const patched = ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown): boolean => {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    const cb = typeof encoding === 'function' ? encoding : callback
    if (typeof cb === 'function') process.nextTick(cb as () => void)
    return true
  }) as typeof process.stdout.write
  process.stdout.write = patched
  return {
    text: () => text,
    annotations: () => text.split('\n').filter(l => /^::(warning|error)[ :]/.test(l)),
    restore: () => {
      if (process.stdout.write === patched) process.stdout.write = original
    }
  }
}

/** Reads a stored archive's first bytes: 'zstd', 'gzip' or undefined. */
export async function archiveCompression(file: string): Promise<'zstd' | 'gzip' | undefined> {
  const handle = await open(file, 'r')
  const head = Buffer.alloc(4)
  try {
    await handle.read(head, 0, 4, 0)
  } finally {
    await handle.close()
  }
  if (head.equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))) return 'zstd'
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip'
  return undefined
}
