// Which proxy a request goes through, from HTTP_PROXY, HTTPS_PROXY and NO_PROXY, with the rules of Go's
// golang.org/x/net/http/httpproxy (what skopeo, podman and docker use), so a runner's proxy variables
// mean here what they mean to those tools:
// - each variable is read upper case first, then lower case; an empty value counts as unset;
// - https requests use HTTPS_PROXY only, http requests HTTP_PROXY only (no fallback between them);
// - a value without a scheme (`proxy:3128`) is `http://proxy:3128`;
// - `localhost` and loopback addresses (127.0.0.0/8, ::1) are never proxied;
// - NO_PROXY is a comma-separated list of `*` (nothing is proxied), IP addresses, CIDR ranges, and
//   domains (`example.com` matches it and its subdomains, `.example.com` and `*.example.com` only
//   subdomains), each optionally with `:port`;
// - with REQUEST_METHOD set (a CGI handler) HTTP_PROXY is refused, as a client may have set it.
// Unlike Go, an unusable proxy value is an error when a request would use it, not a silent direct
// connection.
import { isIPv4, isIPv6 } from 'node:net'
import { domainToASCII } from 'node:url'
import { socketHost } from './http.js'

export interface ProxyEnvironment {
  /** The proxy for http and for https requests, with the variable each came from. */
  http?: ProxyValue
  https?: ProxyValue
  noProxy: NoProxyRule[]
  cgi: boolean
}

export interface ProxyValue {
  variable: string
  /** May hold credentials: print it with describeProxyFor only. */
  url?: URL
  /** Why the value is unusable. */
  invalid?: string
}

type NoProxyRule =
  | { kind: 'all' }
  | { kind: 'cidr'; family: 4 | 6; bytes: Uint8Array; bits: number }
  | { kind: 'ip'; bytes: Uint8Array; port: string }
  | { kind: 'domain'; suffix: string; matchHost: boolean; port: string }

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' }

function firstSet(env: NodeJS.ProcessEnv, names: string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name]
    if (value) return { name, value }
  }
  return undefined
}

export function proxyEnvironment(env: NodeJS.ProcessEnv): ProxyEnvironment {
  const http = firstSet(env, ['HTTP_PROXY', 'http_proxy'])
  const https = firstSet(env, ['HTTPS_PROXY', 'https_proxy'])
  return {
    http: http && parseProxyValue(http.name, http.value),
    https: https && parseProxyValue(https.name, https.value),
    noProxy: parseNoProxy(firstSet(env, ['NO_PROXY', 'no_proxy'])?.value ?? ''),
    cgi: !!env.REQUEST_METHOD
  }
}

/** Whether any request could go through a proxy. */
export function hasProxy(proxy: ProxyEnvironment | undefined): boolean {
  return proxy !== undefined && (proxy.http !== undefined || proxy.https !== undefined)
}

const PROXY_SCHEMES = new Set(['http:', 'https:', 'socks5:'])

function parseProxyValue(variable: string, value: string): ProxyValue {
  for (const text of [value, `http://${value}`]) {
    let url: URL
    try {
      url = new URL(text)
    } catch {
      continue
    }
    if (PROXY_SCHEMES.has(url.protocol) && url.hostname !== '') return { variable, url }
  }
  return { variable, invalid: `${variable} is not a proxy URL (http://host:port)` }
}

/**
 * The proxy for a request URL, or undefined for a direct connection.
 * Throws when the proxy that applies is unusable.
 */
export function proxyFor(proxy: ProxyEnvironment, url: URL): URL | undefined {
  const value = url.protocol === 'https:' ? proxy.https : url.protocol === 'http:' ? proxy.http : undefined
  if (value === undefined) return undefined
  if (!useProxy(proxy.noProxy, url)) return undefined
  if (url.protocol === 'http:' && proxy.cgi) {
    throw new Error(`refusing to use ${value.variable} with REQUEST_METHOD set (a CGI environment)`)
  }
  if (value.invalid !== undefined) throw new Error(value.invalid)
  return value.url
}

function useProxy(rules: NoProxyRule[], url: URL): boolean {
  const host = socketHost(url).toLowerCase()
  const port = url.port || DEFAULT_PORTS[url.protocol]
  if (host === 'localhost') return false
  const ip = ipBytes(host)
  if (ip !== undefined && isLoopback(ip)) return false
  return !rules.some(rule => matches(rule, host, port, ip))
}

function matches(rule: NoProxyRule, host: string, port: string, ip: Uint8Array | undefined): boolean {
  switch (rule.kind) {
    case 'all':
      return true
    case 'cidr':
      return ip !== undefined && ipFamily(ip) === rule.family && prefixEqual(ip, rule.bytes, rule.bits)
    case 'ip':
      return ip !== undefined && prefixEqual(ip, rule.bytes, 128) && (rule.port === '' || rule.port === port)
    case 'domain':
      return (
        (host.endsWith(rule.suffix) || (rule.matchHost && host === rule.suffix.slice(1))) &&
        (rule.port === '' || rule.port === port)
      )
  }
}

export function parseNoProxy(value: string): NoProxyRule[] {
  const rules: NoProxyRule[] = []
  for (const raw of value.split(',')) {
    const entry = raw.trim().toLowerCase()
    if (entry === '') continue
    if (entry === '*') return [{ kind: 'all' }]
    const rule = parseNoProxyEntry(entry)
    if (rule) rules.push(rule)
  }
  return rules
}

function parseNoProxyEntry(entry: string): NoProxyRule | undefined {
  const cidr = parseCidr(entry)
  if (cidr) return cidr
  const { port, ...rest } = splitHostPort(entry)
  let host = rest.host
  const ip = ipBytes(host)
  if (ip !== undefined) return { kind: 'ip', bytes: ip, port }
  if (host === '') return undefined
  if (host.startsWith('*.')) host = host.slice(1)
  const matchHost = !host.startsWith('.')
  const name = matchHost ? host : host.slice(1)
  const ascii = /^[\x20-\x7e]*$/.test(name) ? name : domainToASCII(name) || name
  return { kind: 'domain', suffix: `.${ascii}`, matchHost, port }
}

/** `host:port`, `[v6]:port`, or a bare host (a bare IPv6 address has no port). */
function splitHostPort(entry: string): { host: string; port: string } {
  const bracketed = /^\[([^\]]*)\]:(\d*)$/.exec(entry)
  if (bracketed) return { host: bracketed[1], port: bracketed[2] }
  const colon = entry.lastIndexOf(':')
  if (colon >= 0 && entry.indexOf(':') === colon)
    return { host: entry.slice(0, colon), port: entry.slice(colon + 1) }
  return { host: entry, port: '' }
}

function parseCidr(entry: string): NoProxyRule | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(entry)
  if (!m) return undefined
  const bytes = ipBytes(m[1])
  const family = isIPv4(m[1]) ? 4 : 6
  const bits = Number(m[2])
  if (bytes === undefined || bits > (family === 4 ? 32 : 128)) return undefined
  return { kind: 'cidr', family, bytes, bits: family === 4 ? bits + 96 : bits }
}

/** An IPv4 or IPv6 address as 16 bytes (IPv4 as `::ffff:a.b.c.d`, as Go holds it), or undefined. */
export function ipBytes(text: string): Uint8Array | undefined {
  if (isIPv4(text)) return Uint8Array.from([...V4_PREFIX, ...text.split('.').map(Number)])
  if (!isIPv6(text) || text.includes('%')) return undefined
  let groups = text
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number)
    groups = `${text.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = groups.includes('::') ? groups.split('::') : [groups, undefined]
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const words = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  const bytes = new Uint8Array(16)
  words.forEach((w, i) => {
    const n = parseInt(w, 16)
    bytes[2 * i] = n >> 8
    bytes[2 * i + 1] = n & 0xff
  })
  return bytes
}

const V4_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]

function ipFamily(ip: Uint8Array): 4 | 6 {
  return V4_PREFIX.every((b, i) => ip[i] === b) ? 4 : 6
}

function isLoopback(ip: Uint8Array): boolean {
  if (ipFamily(ip) === 4) return ip[12] === 127
  return ip.every((b, i) => b === (i === 15 ? 1 : 0))
}

function prefixEqual(a: Uint8Array, b: Uint8Array, bits: number): boolean {
  for (let i = 0; i < 16 && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff
    if ((a[i] & mask) !== (b[i] & mask)) return false
  }
  return true
}

/** The secrets in the proxy URLs: passwords as written and decoded, and the Proxy-Authorization value. */
export function proxySecrets(proxy: ProxyEnvironment): string[] {
  const secrets: string[] = []
  for (const url of [proxy.http?.url, proxy.https?.url]) {
    if (!url?.password) continue
    const user = decodeURIComponent(url.username)
    const password = decodeURIComponent(url.password)
    secrets.push(url.password, password, Buffer.from(`${user}:${password}`).toString('base64'))
  }
  return secrets
}

/** The proxy a request URL goes through as it may be printed (no credentials), or undefined. */
export function describeProxyFor(proxy: ProxyEnvironment, url: URL): string | undefined {
  let via: URL | undefined
  try {
    via = proxyFor(proxy, url)
  } catch {
    return undefined
  }
  const variable = url.protocol === 'https:' ? proxy.https?.variable : proxy.http?.variable
  return via && `${via.protocol}//${via.host} from ${variable}`
}
