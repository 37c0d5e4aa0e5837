// An undici ProxyAgent for one proxy and one TLS configuration, made by connections.ts for the first
// request that a proxy variable selects.
import type { SecureContext } from 'node:tls'
import { Pool, ProxyAgent, type Dispatcher } from 'undici'
import type { Connections } from './connections.js'

export interface ProxyAgentOptions {
  proxy: URL
  /** For https origins: verify (or not) with this context inside the CONNECT tunnel. */
  tls?: { verify: boolean; secureContext: SecureContext }
  pool: { connections: number; keepAliveTimeout: number; headersTimeout: number; bodyTimeout: number }
}

/**
 * http origins are sent to an http proxy as absolute-form requests (`GET http://host/path`), https
 * origins through a CONNECT tunnel, as Go's net/http does. Credentials in the proxy URL become a
 * Proxy-Authorization header, sent to the proxy only.
 */
export function createProxyAgent(options: ProxyAgentOptions): Connections {
  const agent = new ProxyAgent({
    uri: options.proxy.href,
    proxyTunnel: false,
    ...options.pool,
    ...(options.tls
      ? { requestTls: { rejectUnauthorized: options.tls.verify, secureContext: options.tls.secureContext } }
      : {}),
    // one bounded keep-alive pool per origin (or, without a tunnel, to the proxy), like direct connections
    factory: (origin, opts) => new Pool(origin, { ...options.pool, ...opts })
  })
  return {
    request: ({ url, ...req }) =>
      agent.request({
        ...req,
        origin: url.origin,
        path: url.pathname + url.search,
        method: req.method as Dispatcher.HttpMethod,
        body: req.body ?? null,
        // undici closes the connection after every HEAD (in case a server sends a body anyway), so each
        // blob existence check would open a new tunnel; registries follow HTTP
        ...(req.method === 'HEAD' ? { reset: false } : {})
      }),
    close: () => agent.close()
  }
}
