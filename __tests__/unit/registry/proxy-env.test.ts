// The proxy decision for each request URL, by Go's httpproxy rules (golang.org/x/net/http/httpproxy).
import { describe, expect, it } from '@jest/globals'
import { RegistryClient } from '../../../src/registry/client.js'
import {
  describeProxyFor,
  ipBytes,
  proxyEnvironment,
  proxyFor,
  proxySecrets
} from '../../../src/registry/proxy-env.js'

function via(env: NodeJS.ProcessEnv, url: string): string | undefined {
  return proxyFor(proxyEnvironment(env), new URL(url))?.href
}

const P = 'http://proxy.corp:3128/'

describe('proxy variables', () => {
  it('reads the upper-case name first, the lower-case one when it is unset or empty', () => {
    expect(via({ HTTPS_PROXY: P, https_proxy: 'http://other:1' }, 'https://r.io/v2/')).toBe(P)
    expect(via({ https_proxy: P }, 'https://r.io/v2/')).toBe(P)
    expect(via({ HTTPS_PROXY: '', https_proxy: P }, 'https://r.io/v2/')).toBe(P)
    expect(via({ HTTP_PROXY: 'http://other:1', http_proxy: P }, 'http://r.io/v2/')).toBe('http://other:1/')
  })

  it('uses HTTPS_PROXY for https and HTTP_PROXY for http, with no fallback between them', () => {
    expect(via({ HTTP_PROXY: P }, 'https://r.io/v2/')).toBeUndefined()
    expect(via({ HTTPS_PROXY: P }, 'http://r.io/v2/')).toBeUndefined()
    expect(via({ HTTP_PROXY: P, HTTPS_PROXY: 'http://s:2' }, 'https://r.io/v2/')).toBe('http://s:2/')
  })

  it('takes a value without a scheme as http://, and keeps https and socks5 proxies', () => {
    expect(via({ HTTPS_PROXY: 'proxy.corp:3128' }, 'https://r.io/')).toBe(P)
    expect(via({ HTTPS_PROXY: '10.1.2.3:3128' }, 'https://r.io/')).toBe('http://10.1.2.3:3128/')
    expect(via({ HTTPS_PROXY: 'https://proxy.corp' }, 'https://r.io/')).toBe('https://proxy.corp/')
    expect(via({ HTTPS_PROXY: 'socks5://proxy.corp:1080' }, 'https://r.io/')).toBe('socks5://proxy.corp:1080')
  })

  it('never proxies localhost or loopback addresses', () => {
    const env = { HTTP_PROXY: P, HTTPS_PROXY: P }
    for (const url of [
      'http://localhost:5000/',
      'https://localhost/',
      'http://127.0.0.1:5000/',
      'http://127.8.9.10/',
      'http://[::1]:5000/',
      'http://[::ffff:127.0.0.1]/'
    ]) {
      expect([url, via(env, url)]).toEqual([url, undefined])
    }
    // not loopback: unspecified addresses, other names
    expect(via(env, 'http://0.0.0.0:5000/')).toBe(P)
    expect(via(env, 'http://[::]:5000/')).toBe(P)
    expect(via(env, 'http://localhost.corp/')).toBe(P)
  })

  it('refuses HTTP_PROXY in a CGI environment (REQUEST_METHOD set), as Go does', () => {
    const env = { HTTP_PROXY: P, HTTPS_PROXY: P, REQUEST_METHOD: 'GET' }
    expect(() => via(env, 'http://r.io/')).toThrow(/refusing to use HTTP_PROXY with REQUEST_METHOD set/)
    expect(via(env, 'https://r.io/')).toBe(P)
  })

  it('fails a request that would use an unusable value, naming the variable, not the value', () => {
    const env = { HTTPS_PROXY: 'proxy corp:3128', NO_PROXY: 'r.io' }
    expect(() => via(env, 'https://q.io/')).toThrow(/^HTTPS_PROXY is not a proxy URL \(http:\/\/host:port\)$/)
    expect(via(env, 'https://r.io/')).toBeUndefined() // NO_PROXY decides first
  })
})

describe('NO_PROXY', () => {
  const decide = (noProxy: string, url: string): boolean =>
    via({ HTTP_PROXY: P, HTTPS_PROXY: P, no_proxy: noProxy }, url) === undefined

  it('* turns the proxy off for every host', () => {
    expect(decide('example.com, *', 'https://r.io/')).toBe(true)
  })

  it('a domain matches itself and its subdomains; a leading . or *. only subdomains', () => {
    expect(decide('r.io', 'https://r.io/')).toBe(true)
    expect(decide('r.io', 'https://eu.r.io/')).toBe(true)
    expect(decide('r.io', 'https://ar.io/')).toBe(false)
    expect(decide('.r.io', 'https://r.io/')).toBe(false)
    expect(decide('.r.io', 'https://eu.r.io/')).toBe(true)
    expect(decide('*.r.io', 'https://r.io/')).toBe(false)
    expect(decide('*.r.io', 'https://eu.r.io/')).toBe(true)
    expect(decide(' R.IO ', 'https://r.io/')).toBe(true)
  })

  it('a port narrows an entry to that port (default ports count)', () => {
    expect(decide('r.io:5000', 'https://r.io:5000/')).toBe(true)
    expect(decide('r.io:5000', 'https://r.io/')).toBe(false)
    expect(decide('r.io:443', 'https://r.io/')).toBe(true)
    expect(decide('r.io:80', 'http://r.io/')).toBe(true)
    expect(decide('10.0.0.5:5000', 'https://10.0.0.5:5000/')).toBe(true)
    expect(decide('10.0.0.5:5000', 'https://10.0.0.5:5001/')).toBe(false)
    expect(decide('[fd00::5]:5000', 'https://[fd00::5]:5000/')).toBe(true)
  })

  it('matches IP addresses and CIDR ranges, IPv4 and IPv6', () => {
    expect(decide('10.0.0.5', 'https://10.0.0.5/')).toBe(true)
    expect(decide('10.0.0.5', 'https://10.0.0.6/')).toBe(false)
    expect(decide('10.0.0.0/8', 'https://10.200.3.4:5000/')).toBe(true)
    expect(decide('10.0.0.0/8', 'https://11.0.0.1/')).toBe(false)
    expect(decide('192.168.1.0/25', 'https://192.168.1.127/')).toBe(true)
    expect(decide('192.168.1.0/25', 'https://192.168.1.128/')).toBe(false)
    expect(decide('fd00::/8', 'https://[fd12:3456::1]/')).toBe(true)
    expect(decide('fd00::/8', 'https://[fe80::1]/')).toBe(false)
    expect(decide('fd00::5', 'https://[fd00:0:0::5]/')).toBe(true)
    // a CIDR matches addresses only, never names
    expect(decide('10.0.0.0/8', 'https://r.io/')).toBe(false)
  })

  it('skips malformed entries and keeps the rest', () => {
    expect(decide(',,:5000, /8, r.io', 'https://r.io/')).toBe(true)
    expect(decide(',,:5000, /8', 'https://q.io/')).toBe(false)
  })
})

describe('proxy credentials', () => {
  it('are reported as secrets: as written, decoded, and as the Proxy-Authorization value', () => {
    const env = proxyEnvironment({ HTTPS_PROXY: 'http://us%65r:p%40ss@proxy:3128' })
    expect(proxySecrets(env)).toEqual(['p%40ss', 'p@ss', Buffer.from('user:p@ss').toString('base64')])
    const reported: string[] = []
    new RegistryClient({
      registry: 'r.io',
      repository: 'a',
      access: 'pull',
      proxy: env,
      onSecret: s => void reported.push(s)
    })
    expect(reported).toEqual(proxySecrets(env))
  })

  it('never appear in how a proxy is described', () => {
    const env = proxyEnvironment({ HTTPS_PROXY: 'http://user:pass@proxy:3128' })
    expect(describeProxyFor(env, new URL('https://r.io/v2/'))).toBe('http://proxy:3128 from HTTPS_PROXY')
    expect(describeProxyFor(env, new URL('http://r.io/v2/'))).toBeUndefined()
  })
})

describe('ipBytes', () => {
  it('holds IPv4 as IPv4-mapped IPv6, expands ::, and refuses zones and names', () => {
    expect(Buffer.from(ipBytes('1.2.3.4')!).toString('hex')).toBe('00000000000000000000ffff01020304')
    expect(Buffer.from(ipBytes('::ffff:1.2.3.4')!).toString('hex')).toBe('00000000000000000000ffff01020304')
    expect(Buffer.from(ipBytes('fd00::1:2')!).toString('hex')).toBe('fd000000000000000000000000010002')
    expect(ipBytes('fe80::1%eth0')).toBeUndefined()
    expect(ipBytes('r.io')).toBeUndefined()
    expect(ipBytes('01.2.3.4')).toBeUndefined()
  })
})
