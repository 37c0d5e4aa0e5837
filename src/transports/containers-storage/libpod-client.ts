// The few libpod REST calls the containers-storage: transport makes, over a unix socket with undici.
// Paths carry the version `_ping` reports in Libpod-Api-Version: podman 4.3 answers 404 to
// unversioned libpod paths.
import type { Readable } from 'node:stream'
import { Agent, type Dispatcher } from 'undici'
import { cancellationError, ImageCopyError } from '../../errors.js'
import {
  ENGINE_BODY_IDLE_TIMEOUT_MS,
  ENGINE_CONNECT_TIMEOUT_MS,
  ENGINE_HEADERS_TIMEOUT_MS
} from '../../limits.js'
import { engineErrorMessage, readEngineAnswer } from '../engine-answer.js'
import { ImageNotFoundError } from '../errors.js'

export class PodmanError extends ImageCopyError {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
    this.name = 'PodmanError'
  }
}

/** What `GET /libpod/images/{name}/json` says of an image (the fields we use, validated). */
export interface PodmanImage {
  id: string
  digest: string
  repoDigests: string[]
  repoTags: string[]
}

/** Where the service keeps its store, and what it runs on. */
export interface PodmanInfo {
  graphRoot: string
  driver: string
  os: string
  architecture: string
  variant?: string
}

export class LibpodClient {
  private constructor(
    readonly socketPath: string,
    private readonly agent: Agent,
    readonly version: string,
    private readonly signal?: AbortSignal
  ) {}

  /**
   * Connects and pings; undefined when nothing answers there, or something that is not podman
   * (a Docker Engine answers `_ping` without Libpod-Api-Version).
   */
  static async connect(socketPath: string, signal?: AbortSignal): Promise<LibpodClient | undefined> {
    const agent = new Agent({
      connect: { socketPath, timeout: ENGINE_CONNECT_TIMEOUT_MS },
      headersTimeout: ENGINE_HEADERS_TIMEOUT_MS,
      bodyTimeout: ENGINE_BODY_IDLE_TIMEOUT_MS
    })
    try {
      const response = await agent.request({
        origin: 'http://d',
        path: '/_ping',
        method: 'GET',
        headersTimeout: ENGINE_CONNECT_TIMEOUT_MS,
        bodyTimeout: ENGINE_CONNECT_TIMEOUT_MS,
        signal
      })
      await response.body.dump()
      const version = response.headers['libpod-api-version']
      if (response.statusCode === 200 && typeof version === 'string' && /^\d+(\.\d+){0,2}$/.test(version))
        return new LibpodClient(socketPath, agent, version, signal)
    } catch {
      // Nothing answers there (no socket, refused, not HTTP): not a service we can use.
      if (signal?.aborted) {
        await agent.close().catch(() => undefined)
        throw cancellationError(signal)
      }
    }
    await agent.close().catch(() => undefined)
    return undefined
  }

  async info(): Promise<PodmanInfo> {
    const doc = asRecord(await this.getJson('/info', 'reading the service info'))
    const store = asRecord(doc.store)
    const host = asRecord(doc.host)
    const text = (v: unknown, what: string): string => {
      if (typeof v !== 'string' || v === '') throw new PodmanError(`podman's info has no ${what}`)
      return v
    }
    const variant = typeof host.variant === 'string' && host.variant !== '' ? host.variant : undefined
    return {
      graphRoot: text(store.graphRoot, 'store.graphRoot'),
      driver: text(store.graphDriverName, 'store.graphDriverName'),
      os: text(host.os, 'host.os'),
      architecture: text(host.arch, 'host.arch'),
      variant
    }
  }

  /** The image a name or ID resolves to (podman's own short-name rules); undefined when there is none. */
  async image(nameOrId: string): Promise<PodmanImage | undefined> {
    const response = await this.request('GET', `/images/${encodeURIComponent(nameOrId)}/json`)
    const text = await this.answer(response, 'images/json')
    if (response.statusCode === 404) return undefined
    if (response.statusCode !== 200) throw podmanError(response.statusCode, text, `inspecting ${nameOrId}`)
    const doc = asRecord(parseJson(text))
    const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter(s => typeof s === 'string') : [])
    if (typeof doc.Id !== 'string' || !/^[a-f0-9]{64}$/.test(doc.Id))
      throw new PodmanError(`podman's description of ${nameOrId} has no valid Id`)
    return {
      id: doc.Id,
      digest: typeof doc.Digest === 'string' ? doc.Digest : '',
      repoDigests: strings(doc.RepoDigests),
      repoTags: strings(doc.RepoTags)
    }
  }

  /** `podman save --format docker-archive ID`: the archive stream (layers uncompressed, byte-exact). */
  async saveDockerArchive(id: string): Promise<Readable> {
    const response = await this.request('GET', `/images/${encodeURIComponent(id)}/get?format=docker-archive`)
    if (response.statusCode !== 200) {
      const error = podmanError(
        response.statusCode,
        await this.answer(response, 'images/get'),
        `exporting ${id}`
      )
      if (response.statusCode === 404) throw new ImageNotFoundError(error.message)
      throw error
    }
    return response.body
  }

  /** `podman load` of the archive streamed in `body`; resolves with the names podman reports. */
  async load(body: Readable): Promise<string[]> {
    const response = await this.request('POST', '/images/load', {
      body,
      headers: { 'content-type': 'application/x-tar' },
      headersTimeout: ENGINE_BODY_IDLE_TIMEOUT_MS
    })
    const text = await this.answer(response, 'images/load')
    if (response.statusCode !== 200) throw podmanError(response.statusCode, text, 'loading the image')
    const doc = asRecord(parseJson(text))
    return Array.isArray(doc.Names) ? doc.Names.filter(n => typeof n === 'string') : []
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => undefined)
  }

  private async getJson(path: string, doing: string): Promise<unknown> {
    const response = await this.request('GET', path)
    const text = await this.answer(response, path)
    if (response.statusCode !== 200) throw podmanError(response.statusCode, text, doing)
    return parseJson(text)
  }

  private async request(
    method: Dispatcher.HttpMethod,
    path: string,
    extra: { body?: Readable; headers?: Record<string, string>; headersTimeout?: number } = {}
  ): Promise<Dispatcher.ResponseData> {
    try {
      return await this.agent.request({
        origin: 'http://d',
        method,
        path: `/v${this.version}/libpod${path}`,
        signal: this.signal,
        ...extra
      })
    } catch (e) {
      throw this.talkError(e)
    }
  }

  private async answer(response: Dispatcher.ResponseData, endpoint: string): Promise<string> {
    const what = `podman's answer to ${endpoint} at ${this.socketPath}`
    return readEngineAnswer(
      response,
      what,
      message => new PodmanError(message),
      e => this.talkError(e)
    )
  }

  private talkError(e: unknown): Error {
    if (this.signal?.aborted) return cancellationError(this.signal)
    const cause = e as Error & { code?: string }
    return new PodmanError(
      `cannot talk to podman at ${this.socketPath}: ${cause.message}${cause.code ? ` (${cause.code})` : ''}`
    )
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new PodmanError(`podman answered something that is not JSON: ${JSON.stringify(text.slice(0, 200))}`)
  }
}

function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
}

function podmanError(status: number, text: string, doing: string): PodmanError {
  const message = JSON.stringify(engineErrorMessage(text)).slice(1, -1)
  return new PodmanError(`podman: ${doing} failed (HTTP ${status}): ${message}`, status)
}
