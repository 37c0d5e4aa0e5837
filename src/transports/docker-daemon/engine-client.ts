// The few Docker Engine API calls the docker-daemon transport makes, over undici: /_ping,
// GET /images/get (docker save) and POST /images/load (docker load). Paths carry no API version, so
// the daemon serves its own (any version since 1.24 has these endpoints unchanged).
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import type { Dispatcher } from 'undici'
import { Agent } from 'undici'
import { cancellationError, ImageCopyError } from '../../errors.js'
import {
  ENGINE_BODY_IDLE_TIMEOUT_MS,
  ENGINE_CONNECT_TIMEOUT_MS,
  ENGINE_HEADERS_TIMEOUT_MS
} from '../../limits.js'
import { engineErrorMessage, readEngineAnswer } from '../engine-answer.js'
import { isNotFound } from '../local/files.js'
import { ImageNotFoundError } from '../errors.js'
import type { EngineHost } from './engine-host.js'

/** An error the Docker Engine reported, with its message as the engine wrote it. */
export class EngineError extends ImageCopyError {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
    this.name = 'EngineError'
  }
}

export class EngineClient {
  private constructor(
    readonly engine: EngineHost,
    private readonly agent: Agent,
    private readonly signal?: AbortSignal
  ) {}

  /** With `signal`, every call ends at once when it fires, failing with its reason. */
  static async open(engine: EngineHost, signal?: AbortSignal): Promise<EngineClient> {
    const connect: Record<string, unknown> = {}
    if (engine.socketPath !== undefined) connect.socketPath = engine.socketPath
    if (engine.tls !== undefined) {
      const read = async (name: string): Promise<Buffer | undefined> => {
        if (engine.tls!.certPath === '') return undefined
        try {
          return await fs.readFile(path.join(engine.tls!.certPath, name))
        } catch (e) {
          if (isNotFound(e)) return undefined
          throw e
        }
      }
      const [ca, cert, key] = await Promise.all([read('ca.pem'), read('cert.pem'), read('key.pem')])
      Object.assign(connect, { ca, cert, key, rejectUnauthorized: engine.tls.verify })
    }
    connect.timeout = ENGINE_CONNECT_TIMEOUT_MS
    const agent = new Agent({
      connect,
      headersTimeout: ENGINE_HEADERS_TIMEOUT_MS,
      bodyTimeout: ENGINE_BODY_IDLE_TIMEOUT_MS
    })
    return new EngineClient(engine, agent, signal)
  }

  /** Fails with a clear message when no engine answers. */
  async ping(): Promise<void> {
    const response = await this.request({
      method: 'GET',
      path: '/_ping',
      headersTimeout: ENGINE_CONNECT_TIMEOUT_MS,
      bodyTimeout: ENGINE_CONNECT_TIMEOUT_MS
    })
    const text = await this.answer(response, '/_ping')
    if (response.statusCode !== 200) throw engineError(response.statusCode, text, 'ping')
  }

  /** `docker save NAME`: the archive stream. */
  async imageSave(name: string): Promise<Readable> {
    const response = await this.request({
      method: 'GET',
      path: `/images/get?names=${encodeURIComponent(name)}`
    })
    if (response.statusCode !== 200) {
      const text = await this.answer(response, '/images/get')
      const error = engineError(response.statusCode, text, `saving image ${name}`)
      if (response.statusCode === 404) throw new ImageNotFoundError(error.message)
      throw error
    }
    return response.body
  }

  /**
   * `docker load --quiet` of the archive streamed in `body`; resolves with the engine's messages
   * ("Loaded image: …") once it has loaded the image, rejects with the error it reported.
   */
  async imageLoad(body: Readable): Promise<string[]> {
    const response = await this.request({
      method: 'POST',
      path: '/images/load?quiet=1',
      headers: { 'content-type': 'application/x-tar' },
      body,
      // The engine answers once the whole image is stored: no headers deadline, the body's idle one.
      headersTimeout: ENGINE_BODY_IDLE_TIMEOUT_MS
    })
    const text = await this.answer(response, '/images/load')
    if (response.statusCode !== 200) throw engineError(response.statusCode, text, 'loading the image')
    return loadMessages(text)
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => undefined)
  }

  private async request(options: {
    method: Dispatcher.HttpMethod
    path: string
    headers?: Record<string, string>
    body?: Readable
    headersTimeout?: number
    bodyTimeout?: number
  }): Promise<Dispatcher.ResponseData> {
    try {
      return await this.agent.request({ origin: this.engine.origin, ...options, signal: this.signal })
    } catch (e) {
      throw this.talkError(e)
    }
  }

  private async answer(response: Dispatcher.ResponseData, endpoint: string): Promise<string> {
    const what = `the Docker daemon's answer to ${endpoint} at ${this.engine.host}`
    return readEngineAnswer(
      response,
      what,
      message => new EngineError(message),
      e => this.talkError(e)
    )
  }

  private talkError(e: unknown): Error {
    const signal = this.signal
    if (signal?.aborted) return cancellationError(signal)
    const cause = e as Error & { code?: string }
    const timeout = cause.code === 'UND_ERR_HEADERS_TIMEOUT' || cause.code === 'UND_ERR_BODY_TIMEOUT'
    return new EngineError(
      `cannot talk to the Docker daemon at ${this.engine.host}: ${cause.message}${cause.code ? ` (${cause.code})` : ''}` +
        (timeout ? '; the engine stopped answering (see README "Limits")' : '')
    )
  }
}

function engineError(status: number, text: string, doing: string): EngineError {
  return new EngineError(
    `docker engine: ${doing} failed (HTTP ${status}): ${engineErrorMessage(text)}`,
    status
  )
}

/** The JSON messages of a load response; an `error`/`errorDetail` message becomes an EngineError. */
export function loadMessages(text: string): string[] {
  const messages: string[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    let msg: { stream?: unknown; error?: unknown; errorDetail?: { message?: unknown } }
    try {
      msg = JSON.parse(line)
    } catch {
      throw new EngineError(
        `docker engine: unexpected answer to the image load: ${text.trim().slice(0, 500)}`
      )
    }
    const detail = typeof msg.errorDetail?.message === 'string' ? msg.errorDetail.message : undefined
    const error = detail ?? (typeof msg.error === 'string' ? msg.error : undefined)
    if (error !== undefined) throw new EngineError(`docker engine reported: ${error}`)
    if (typeof msg.stream === 'string' && msg.stream.trim() !== '') messages.push(msg.stream.trim())
  }
  return messages
}
