// Whether a server speaks TLS, asked without loading node:tls.
//
// With TLS verification off, containers/image pings a registry over https first and falls back to
// plain http when that fails. A plain-http registry (a `registry:2` service on localhost:5000, the
// usual CI case) makes every run pay for node:tls and the crypto under it (~20 ms of CPU, as much as
// the rest of a re-run that finds nothing to copy) only to learn that the https ping fails. So the
// client first sends a ClientHello over a bare socket and reads the first bytes of the answer: a TLS
// record (handshake or alert) means TLS, `HTTP/` means plain http. Anything else (silence, a closed
// connection, other bytes) is not an answer, and the real https ping decides, as it did before.
import { connect, isIP } from 'node:net'
import { socketHost } from './http.js'

export type Sniffed = 'tls' | 'plain' | 'unknown'

/** How long the server may take to answer the ClientHello before the real https ping decides. */
export const SNIFF_TIMEOUT_MS = 2_000

const TLS_RECORD_ALERT = 0x15
const TLS_RECORD_HANDSHAKE = 0x16
/** How an HTTP server's answer starts. */
const HTTP_STATUS_LINE = Buffer.from('HTTP/')

/**
 * A TLS 1.2 ClientHello (a TLS 1.3-only server answers it with an alert, which says TLS just as well),
 * naming `serverName` (SNI) when the host is a name, so a front end that routes on SNI sends it where
 * the https ping would go. Its client random holds CR LF, so an HTTP server reads a (malformed)
 * request line at once and answers 400 instead of waiting for the line's end.
 */
export function clientHello(serverName?: string): Buffer {
  const u16 = (n: number): number[] => [n >> 8, n & 0xff]
  const withLength16 = (body: number[]): number[] => [...u16(body.length), ...body]
  const extension = (type: number, body: number[]): number[] => [...u16(type), ...withLength16(body)]
  const random = Array.from({ length: 32 }, (_, i) => (i % 2 === 0 ? 0x0d : 0x0a))
  const suites = [0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0x009c].flatMap(u16)
  const name = serverName !== undefined && isIP(serverName) === 0 ? [...Buffer.from(serverName, 'ascii')] : []
  const extensions = [
    ...(name.length > 0 ? extension(0x0000, withLength16([0, ...withLength16(name)])) : []), // server_name
    ...extension(0x000a, withLength16([0x001d, 0x0017].flatMap(u16))), // supported_groups
    ...extension(0x000b, [1, 0]), // ec_point_formats: uncompressed
    ...extension(0x000d, withLength16([0x0403, 0x0804, 0x0401].flatMap(u16))) // signature_algorithms
  ]
  const hello = [0x03, 0x03, ...random, 0, ...withLength16(suites), 1, 0, ...withLength16(extensions)]
  const handshake = [0x01, 0, ...u16(hello.length), ...hello]
  return Buffer.from([TLS_RECORD_HANDSHAKE, 0x03, 0x01, ...withLength16(handshake)])
}

/** What the first bytes of an answer to the ClientHello say, or undefined while they say nothing yet. */
export function classifyAnswer(first: Buffer): Sniffed | undefined {
  if (first.length === 0) return undefined
  if (first[0] === TLS_RECORD_HANDSHAKE || first[0] === TLS_RECORD_ALERT) return 'tls'
  const n = Math.min(first.length, HTTP_STATUS_LINE.length)
  if (!first.subarray(0, n).equals(HTTP_STATUS_LINE.subarray(0, n))) return 'unknown'
  return n === HTTP_STATUS_LINE.length ? 'plain' : undefined
}

/**
 * Where to ask for `apiHost` (`host[:port]`, an IPv6 host in brackets): only a registry on its own port
 * is asked. On 443 (named or implied) a TLS server is the rule, and the question would only add a
 * round trip before the https ping.
 */
export function sniffTarget(apiHost: string): { host: string; port: number } | undefined {
  const url = new URL(`https://${apiHost}/`)
  if (url.port === '') return undefined
  return { host: socketHost(url), port: Number(url.port) }
}

/** Bytes of an answer that say what it is: a TLS record's type, or `HTTP/`. */
const ANSWER_BYTES = 5

/** Asks `host:port` (an IPv6 host without brackets) whether it speaks TLS; never throws. */
export function sniffTls(
  host: string,
  port: number,
  signal?: AbortSignal,
  timeoutMs = SNIFF_TIMEOUT_MS
): Promise<Sniffed> {
  if (signal?.aborted) return Promise.resolve('unknown')
  return new Promise(resolve => {
    let seen = Buffer.alloc(0)
    let settled = false
    const socket = connect({ host, port })
    const done = (answer: Sniffed): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', cancel)
      socket.destroy()
      resolve(answer)
    }
    const cancel = (): void => done('unknown')
    const timer = setTimeout(cancel, timeoutMs)
    signal?.addEventListener('abort', cancel)
    socket.on('connect', () => socket.write(clientHello(host)))
    socket.on('data', (chunk: Buffer) => {
      seen = Buffer.concat([seen, chunk]).subarray(0, ANSWER_BYTES)
      const answer = classifyAnswer(seen)
      if (answer !== undefined) done(answer)
    })
    socket.on('error', cancel)
    socket.on('close', cancel)
  })
}
