export const id = 795;
export const ids = [795];
export const modules = {

/***/ 5542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bP: () => (/* reexport */ RegistryClient),
  gl: () => (/* reexport */ RegistryError),
  rh: () => (/* reexport */ addToFallbackIndex),
  kQ: () => (/* reexport */ blobExists),
  qW: () => (/* reexport */ getBlob),
  c2: () => (/* reexport */ getManifest),
  sy: () => (/* reexport */ headManifest),
  fg: () => (/* reexport */ isManifestTypeRejection),
  xt: () => (/* reexport */ listReferrers),
  cB: () => (/* reexport */ listTags),
  ti: () => (/* reexport */ mountBlob),
  RV: () => (/* reexport */ putManifest),
  HJ: () => (/* reexport */ putManifestAnswer),
  PM: () => (/* reexport */ uploadBlob)
});

// UNUSED EXPORTS: DEFAULT_RETRY_POLICY, DEFAULT_USER_AGENT, RegistryAuthError, cancelUpload, closeAllConnections, configureRegistry, describeRequest, formatScope, isRetryableError, isRetryableStatus, listReferrersApi, nextLink, parseChallenges, parseRetryAfter, parseScope, readFallbackIndex, redactUrl, registrySettings, resetRegistrySettings, simplifyContentType

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
;// CONCATENATED MODULE: ./src/registry/challenge.ts
// `WWW-Authenticate` challenges (RFC 7235) and token scopes (distribution token spec).
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
/**
 * Parses every challenge of one or more `WWW-Authenticate` header values. Unlike the parser
 * containers/image uses, several comma-separated challenges in one header value are recognized.
 */
function parseChallenges(headerValues) {
    if (headerValues === undefined)
        return [];
    const values = Array.isArray(headerValues) ? headerValues : [headerValues];
    return values.flatMap(parseHeaderValue);
}
function parseHeaderValue(header) {
    const challenges = [];
    let pos = 0;
    const skipSpace = () => {
        while (pos < header.length && (header[pos] === ' ' || header[pos] === '\t'))
            pos++;
    };
    const readToken = () => {
        const start = pos;
        while (pos < header.length && TOKEN_CHAR.test(header[pos]))
            pos++;
        return header.slice(start, pos);
    };
    const readQuoted = () => {
        pos++; // opening quote
        let value = '';
        while (pos < header.length) {
            const c = header[pos++];
            if (c === '"')
                return value;
            if (c === '\\' && pos < header.length)
                value += header[pos++];
            else
                value += c;
        }
        return undefined; // unterminated
    };
    let current;
    while (pos < header.length) {
        skipSpace();
        if (header[pos] === ',') {
            pos++;
            continue;
        }
        const token = readToken();
        if (token === '')
            return challenges; // garbage: keep what parsed so far
        skipSpace();
        if (header[pos] === '=' && current !== undefined) {
            // `name=value`, unless it is token68 (`Basic abc==`), which we do not need.
            pos++;
            skipSpace();
            const value = header[pos] === '"' ? readQuoted() : readToken();
            if (value === undefined)
                return challenges;
            current.params[token.toLowerCase()] = value;
            continue;
        }
        current = { scheme: token.toLowerCase(), params: {} };
        challenges.push(current);
    }
    return challenges;
}
/** `repository:acme/app:pull,push` → {type, name, actions}. The name may not contain `:`. */
function parseScope(scope) {
    const parts = scope.split(':');
    if (parts.length !== 3 || parts[0] === '' || parts[1] === '')
        return undefined;
    return { type: parts[0], name: parts[1], actions: parts[2].split(',').filter(a => a !== '') };
}
function formatScope(scope) {
    return `${scope.type}:${scope.name}:${scope.actions.join(',')}`;
}
function repositoryScope(repository, actions) {
    return { type: 'repository', name: repository, actions };
}

// EXTERNAL MODULE: ./src/registry/http.ts
var http = __webpack_require__(8851);
// EXTERNAL MODULE: ./src/limits.ts
var limits = __webpack_require__(351);
;// CONCATENATED MODULE: ./src/registry/errors.ts
// Errors from registry requests. A message names the request (method and URL without its query,
// which may carry signatures) and the registry's own error code and message; it never carries a
// credential, a token or an Authorization header.

class RegistryError extends errors/* ImageCopyError */.xv {
    status;
    request;
    code;
    registryMessage;
    constructor(message, init = {}) {
        super(message, categoryOf(init.status), init.hint);
        this.name = 'RegistryError';
        this.status = init.status;
        this.request = init.request;
        this.code = init.code;
        this.registryMessage = init.registryMessage;
        if (init.cause !== undefined)
            this.cause = init.cause;
    }
}
/** The registry rejected the credentials (HTTP 401 without a scope problem). */
class RegistryAuthError extends RegistryError {
    constructor(message, init = {}) {
        super(message, init);
        this.name = 'RegistryAuthError';
    }
}
function categoryOf(status) {
    return status === 404 ? 'not-found' : 'failure';
}
/** Query parameters safe to show in messages; every other value (upload state, signatures) is elided. */
const SHOWN_QUERY_PARAMS = new Set(['digest', 'mount', 'from', 'n', 'last']);
/** `https://host/path?a=b` → `https://host/path` with only harmless query parameters kept, no userinfo. */
function redactUrl(url) {
    let u;
    try {
        u = new URL(url.toString());
    }
    catch {
        return '<invalid URL>';
    }
    const kept = new URLSearchParams();
    let elided = false;
    for (const [k, v] of u.searchParams) {
        if (SHOWN_QUERY_PARAMS.has(k))
            kept.append(k, v);
        else
            elided = true;
    }
    const query = kept.toString();
    const tail = query !== '' ? `?${query}${elided ? '&…' : ''}` : elided ? '?…' : '';
    return `${u.protocol}//${u.host}${u.pathname}${tail}`;
}
function describeRequest(method, url) {
    return `${method} ${redactUrl(url)}`;
}
/**
 * Reads the distribution error body. The OCI spec allows any body on 4xx; when it is JSON it must
 * be `{"errors":[…]}`. Some token servers answer `{"details": "…"}`.
 */
function parseErrorBody(body) {
    const text = body.trim();
    if (text === '')
        return [];
    try {
        const parsed = JSON.parse(text);
        if (parsed && typeof parsed === 'object') {
            const errors = parsed.errors;
            if (Array.isArray(errors)) {
                return errors
                    .filter((e) => !!e && typeof e === 'object')
                    .slice(0, MAX_ERROR_DETAILS)
                    .map(e => ({
                    code: typeof e.code === 'string' ? capped(e.code, 64) : 'UNKNOWN',
                    message: typeof e.message === 'string' ? capped(e.message, MAX_ERROR_MESSAGE) : ''
                }));
            }
            const details = parsed.details;
            if (typeof details === 'string')
                return [{ code: 'UNKNOWN', message: capped(details, MAX_ERROR_MESSAGE) }];
            const error = parsed.error;
            if (typeof error === 'string')
                return [{ code: 'UNKNOWN', message: capped(error, MAX_ERROR_MESSAGE) }];
        }
    }
    catch {
        // not JSON: fall through
    }
    return [{ code: 'UNKNOWN', message: capped(text.split('\n', 1)[0], 120) }];
}
/** A registry's error text in a message is at most this long (the body itself is read up to a cap). */
const MAX_ERROR_MESSAGE = 400;
const MAX_ERROR_DETAILS = 5;
function capped(text, max) {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}
/** `DENIED: requested access to the resource is denied` */
function formatDetail(d) {
    if (d.code === 'UNKNOWN' || d.code === '')
        return d.message;
    return d.message !== '' ? `${d.code}: ${d.message}` : d.code;
}

;// CONCATENATED MODULE: ./src/registry/token.ts
// Bearer tokens from a registry's token endpoint: the distribution token protocol (GET with Basic
// credentials) and its OAuth2 form (POST with a refresh token, for docker config `identitytoken`).




const MINIMUM_TOKEN_LIFETIME_S = 60;
async function fetchBearerToken(send, req) {
    const realm = req.challenge.params.realm;
    if (!realm)
        throw new RegistryError(`registry ${req.registry}: the Bearer challenge has no realm`);
    let url;
    try {
        url = new URL(realm);
    }
    catch {
        throw new RegistryError(`registry ${req.registry}: the token realm is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new RegistryError(`registry ${req.registry}: the token realm has an unsupported scheme ${url.protocol}`);
    }
    const service = req.challenge.params.service;
    const scopes = req.scopes.filter(s => s.actions.length > 0).map(formatScope);
    const { username, password, identityToken } = req.credentials;
    const headers = { 'user-agent': req.userAgent };
    let res;
    let method;
    if (identityToken) {
        method = 'POST';
        const form = new URLSearchParams();
        if (service)
            form.append('service', service);
        for (const s of scopes)
            form.append('scope', s);
        form.append('grant_type', 'refresh_token');
        form.append('refresh_token', identityToken);
        form.append('client_id', 'containers/image');
        headers['content-type'] = 'application/x-www-form-urlencoded';
        res = await send(method, url, headers, form.toString());
    }
    else {
        method = 'GET';
        if (username)
            url.searchParams.append('account', username);
        if (service)
            url.searchParams.append('service', service);
        for (const s of scopes)
            url.searchParams.append('scope', s);
        if (username && password) {
            headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
        }
        res = await send(method, url, headers);
    }
    const request = describeRequest(method, url);
    if (res.status !== 200) {
        const details = parseErrorBody(await (0,http/* readErrorText */.Gb)(res.body));
        const what = details.length > 0 ? details.map(formatDetail).join('; ') : `HTTP ${res.status}`;
        if (res.status === 401 || res.status === 403) {
            const given = identityToken ? 'identity token' : username ? 'credentials' : undefined;
            throw new RegistryAuthError(given
                ? `registry ${req.registry}: the token service rejected the ${given} (${what}; HTTP ${res.status}, ${request})`
                : `registry ${req.registry}: the token service refused anonymous access (${what}; HTTP ${res.status}, ${request}); credentials are needed`, { status: res.status, request, code: details[0]?.code, registryMessage: details[0]?.message });
        }
        throw new RegistryError(`registry ${req.registry}: obtaining a bearer token failed (${what}; HTTP ${res.status}, ${request})`, {
            status: res.status,
            request,
            code: details[0]?.code,
            registryMessage: details[0]?.message
        });
    }
    let parsed;
    try {
        parsed = JSON.parse((await (0,http/* readBody */.x8)(res.body, limits/* MAX_TOKEN_BODY_BYTES */.GS)).toString('utf8'));
    }
    catch (e) {
        throw new RegistryError(`registry ${req.registry}: the token service answered something that is not a token (${request})`, {
            cause: e,
            request
        });
    }
    const token = typeof parsed.token === 'string' && parsed.token !== ''
        ? parsed.token
        : typeof parsed.access_token === 'string'
            ? parsed.access_token
            : '';
    if (token === '')
        throw new RegistryError(`registry ${req.registry}: the token service answered without a token (${request})`);
    req.onSecret(token);
    if (typeof parsed.refresh_token === 'string')
        req.onSecret(parsed.refresh_token);
    let lifetime = typeof parsed.expires_in === 'number' ? parsed.expires_in : 0;
    if (lifetime < MINIMUM_TOKEN_LIFETIME_S)
        lifetime = MINIMUM_TOKEN_LIFETIME_S;
    let issuedAt = typeof parsed.issued_at === 'string' ? Date.parse(parsed.issued_at) : NaN;
    if (Number.isNaN(issuedAt))
        issuedAt = Date.now();
    // The server's clock may be ahead of ours; never trust a token for longer than its lifetime from now.
    issuedAt = Math.min(issuedAt, Date.now());
    return { token, expiresAt: issuedAt + lifetime * 1000 };
}

;// CONCATENATED MODULE: ./src/registry/auth.ts
// Chooses the Authorization header for a request from the challenges of the registry's `/v2/` ping
// (as containers/image and docker do: some registries send no challenge on the real 401), and keeps
// bearer tokens per scope set until they expire.



class Authenticator {
    options;
    challenges = [];
    tokens = new Map();
    constructor(options) {
        this.options = options;
        const { username, password, registryToken, identityToken } = options.credentials;
        options.secrets.report(password);
        if (username !== undefined && password !== undefined) {
            options.secrets.report(Buffer.from(`${username}:${password}`).toString('base64'));
        }
        options.secrets.report(registryToken);
        options.secrets.report(identityToken);
    }
    /** Records the challenges of the ping answer. */
    setChallenges(challenges) {
        this.challenges = challenges;
    }
    get hasCredentials() {
        const c = this.options.credentials;
        return !!(c.password || c.registryToken || c.identityToken);
    }
    /** True when requests carry a bearer token (so a 401 may name a missing scope). */
    get usesBearer() {
        return this.chosen()?.scheme === 'bearer';
    }
    get schemes() {
        return this.challenges.map(c => c.scheme);
    }
    /** The Authorization header for a request needing the base scope plus `extraScopes`. */
    async authorization(extraScopes = []) {
        const challenge = this.chosen();
        if (!challenge)
            return undefined;
        const { username, password, registryToken } = this.options.credentials;
        if (challenge.scheme === 'basic') {
            if (username === undefined || password === undefined)
                return undefined;
            return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
        }
        if (registryToken)
            return `Bearer ${registryToken}`;
        const token = await this.bearerToken(challenge, extraScopes);
        return `Bearer ${token}`;
    }
    /** Forgets a token the registry refused, so the next request fetches a new one. */
    invalidate(extraScopes = []) {
        this.tokens.delete(this.cacheKey(extraScopes));
    }
    chosen() {
        return this.challenges.find(c => c.scheme === 'basic' || c.scheme === 'bearer');
    }
    cacheKey(extraScopes) {
        return extraScopes.map(formatScope).sort().join(' ');
    }
    async bearerToken(challenge, extraScopes) {
        const key = this.cacheKey(extraScopes);
        const cached = this.tokens.get(key);
        if (cached) {
            try {
                const t = await cached;
                if (Date.now() < t.expiresAt)
                    return t.token;
            }
            catch {
                // a failed fetch is retried below
            }
            if (this.tokens.get(key) === cached)
                this.tokens.delete(key);
            return this.bearerToken(challenge, extraScopes);
        }
        const { username, password, identityToken } = this.options.credentials;
        const pending = fetchBearerToken(this.options.send, {
            challenge,
            scopes: [this.options.baseScope, ...extraScopes],
            credentials: { username, password, identityToken },
            registry: this.options.registry,
            userAgent: this.options.userAgent,
            onSecret: v => this.options.secrets.report(v)
        });
        this.tokens.set(key, pending);
        try {
            return (await pending).token;
        }
        catch (e) {
            if (this.tokens.get(key) === pending)
                this.tokens.delete(key);
            throw e;
        }
    }
}
/** The scopes a 401 `insufficient_scope` challenge asks for (space-separated in `scope`), if any. */
function insufficientScopes(res) {
    if (res.status !== 401)
        return undefined;
    for (const c of parseChallenges((0,http/* headerValues */.UE)(res.headers, 'www-authenticate'))) {
        if (c.scheme === 'bearer' && c.params.error === 'insufficient_scope' && c.params.scope) {
            const scopes = c.params.scope
                .split(' ')
                .map(parseScope)
                .filter((s) => s !== undefined);
            return scopes.length > 0 ? scopes : undefined;
        }
    }
    return undefined;
}
/** The OAuth2 error of a 401 bearer challenge (`invalid_token`, `insufficient_scope`), if any. */
function bearerError(res) {
    for (const c of parseChallenges((0,http/* headerValues */.UE)(res.headers, 'www-authenticate'))) {
        if (c.scheme === 'bearer' && c.params.error)
            return { error: c.params.error, description: c.params.error_description };
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/lazy-builtin.ts
var lazy_builtin = __webpack_require__(839);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/registry/node-connections.ts
// Direct connections through node:http and node:https: one keep-alive Agent per scheme and TLS
// configuration, each keeping at most `connectionsPerHost` sockets per registry host.
//
// Node's own HTTP client is used rather than undici on this path because it is already part of the
// runtime: undici's bundle (fetch, websockets, its WebAssembly parser) cost ~45 ms of start-up CPU and
// ~15 MiB of memory in every run, for features a registry client never uses. undici stays behind the
// proxy path only (proxy-agent.ts), loaded when a proxy variable selects an origin.



// node:https (and the node:tls under it) loads with the first https request: a run against plain-http
// registries never needs it.
const https = (0,lazy_builtin/* lazyBuiltin */.q)('node:https');
/** A bounded keep-alive pool per host, for plain and for TLS origins. */
class NodeConnections {
    connectionsPerHost;
    timeouts;
    tls;
    plain;
    secure;
    constructor(connectionsPerHost, timeouts, tls) {
        this.connectionsPerHost = connectionsPerHost;
        this.timeouts = timeouts;
        this.tls = tls;
        this.plain = new (external_node_http_default()).Agent(this.agentOptions());
    }
    request(req) {
        const { url } = req;
        const isTls = url.protocol === 'https:';
        const send = isTls ? https().request : (external_node_http_default()).request;
        return new Promise((resolve, reject) => {
            const outgoing = send(url, {
                method: req.method,
                headers: req.headers,
                agent: isTls ? this.secureAgent() : this.plain,
                signal: req.signal,
                timeout: this.timeouts.idleTimeout
            });
            outgoing.on('timeout', () => outgoing.destroy(timeoutError(req.method, url)));
            outgoing.on('error', reject);
            outgoing.on('response', (res) => {
                resolve({ statusCode: res.statusCode ?? 0, headers: headersOf(res), body: withDump(res) });
            });
            writeBody(outgoing, req.body);
        });
    }
    async close() {
        this.plain.destroy();
        this.secure?.destroy();
    }
    secureAgent() {
        this.secure ??= new (https().Agent)({
            ...this.agentOptions(),
            rejectUnauthorized: this.tls.verify,
            secureContext: this.tls.secureContext()
        });
        return this.secure;
    }
    agentOptions() {
        return {
            keepAlive: true,
            maxSockets: this.connectionsPerHost,
            // closes idle pooled sockets; active requests carry their own (longer) timeout
            timeout: this.timeouts.keepAliveTimeout,
            scheduling: 'lifo'
        };
    }
}
function writeBody(outgoing, body) {
    if (body === undefined || body === null) {
        outgoing.end();
    }
    else if (typeof body === 'string' || Buffer.isBuffer(body)) {
        outgoing.end(body);
    }
    else {
        // A failed or abandoned body destroys the request; the request's own error reaches the caller.
        (0,external_node_stream_.pipeline)(body, outgoing, () => undefined);
    }
}
/** Node joins repeated headers with ", " (most) or keeps arrays (set-cookie); keep every value apart. */
function headersOf(res) {
    const headers = {};
    for (const [name, values] of Object.entries(res.headersDistinct)) {
        if (values === undefined)
            continue;
        headers[name] = values.length === 1 ? values[0] : values;
    }
    return headers;
}
function withDump(res) {
    const body = res;
    body.dump = ({ limit = 128 * 1024 } = {}) => dump(res, limit);
    return body;
}
/**
 * Reads and drops up to `limit` bytes so the connection can serve the next request; a longer body
 * closes the connection instead (reading it all would cost more than a new connection).
 */
function dump(res, limit) {
    return new Promise((resolve, reject) => {
        if (res.readableEnded || res.destroyed)
            return resolve();
        let seen = 0;
        res.on('data', (chunk) => {
            seen += chunk.length;
            if (seen > limit) {
                res.destroy();
                resolve();
            }
        });
        res.on('end', resolve);
        res.on('error', reject);
        res.on('close', resolve);
        res.resume();
    });
}
function timeoutError(method, url) {
    const e = new Error(`no data from ${url.origin} for a ${method} in time`);
    e.code = 'ETIMEDOUT';
    return e;
}

// EXTERNAL MODULE: ./src/registry/proxy-env.ts
var proxy_env = __webpack_require__(6073);
;// CONCATENATED MODULE: ./src/registry/connections.ts
// Connection pools: one set of keep-alive agents per TLS configuration (node-connections.ts), shared
// by every client in the process, so each registry host gets its own bounded set of connections,
// reused across repositories, sources and destinations. With HTTP(S)_PROXY set, requests whose origin
// the proxy variables select go through a proxy agent (proxy-agent.ts) with the same TLS configuration.






const DEFAULT_CONNECTIONS_PER_HOST = 16;
/**
 * Reads a certificate directory the way containers/image does: every `*.crt` is a CA, every
 * `*.cert` is a client certificate whose key is the `*.key` of the same base name.
 * A missing directory is not an error.
 */
async function loadCertDir(dir) {
    let names;
    try {
        names = (await (0,promises_.readdir)(dir)).sort();
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'EACCES')
            return { ca: [], certs: [], keys: [] };
        throw e;
    }
    const ca = [];
    const certs = [];
    const keys = [];
    for (const name of names) {
        if (name.endsWith('.crt'))
            ca.push(await (0,promises_.readFile)((0,external_node_path_.join)(dir, name), 'utf8'));
        if (name.endsWith('.cert')) {
            const keyName = `${name.slice(0, -'.cert'.length)}.key`;
            if (!names.includes(keyName)) {
                throw new Error(`missing key ${keyName} for client certificate ${name} in ${dir}. Note that CA certificates should use the extension .crt`);
            }
            certs.push(await (0,promises_.readFile)((0,external_node_path_.join)(dir, name), 'utf8'));
            keys.push(await (0,promises_.readFile)((0,external_node_path_.join)(dir, keyName), 'utf8'));
        }
        if (name.endsWith('.key')) {
            const certName = `${name.slice(0, -'.key'.length)}.cert`;
            if (!names.includes(certName))
                throw new Error(`missing client certificate ${certName} for key ${name} in ${dir}`);
        }
    }
    return { ca, certs, keys };
}
/**
 * The certificate directory for a registry when none is given: the first existing of
 * `~/.config/containers/certs.d/<host>`, `/etc/containers/certs.d/<host>`, `/etc/docker/certs.d/<host>`.
 */
async function defaultCertDir(hostPort) {
    const candidates = [
        (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.config/containers/certs.d', hostPort),
        (0,external_node_path_.join)('/etc/containers/certs.d', hostPort),
        (0,external_node_path_.join)('/etc/docker/certs.d', hostPort)
    ];
    for (const dir of candidates) {
        try {
            await (0,promises_.readdir)(dir);
            return dir;
        }
        catch {
            // try the next
        }
    }
    return undefined;
}
const tls = (0,lazy_builtin/* lazyBuiltin */.q)('node:tls');
const agents = new Map();
/** By the JSON of verify, CAs, certificates and keys (an in-process key; it is never written anywhere). */
const tlsEntries = new Map();
const KEEP_ALIVE_MS = 10_000;
/** A request fails when its connection is silent this long (waiting for headers or for body bytes). */
const IDLE_TIMEOUT_MS = 120_000;
const POOL_OPTIONS = {
    keepAliveTimeout: KEEP_ALIVE_MS,
    headersTimeout: IDLE_TIMEOUT_MS,
    bodyTimeout: IDLE_TIMEOUT_MS
};
function tlsEntry(settings) {
    const identity = JSON.stringify([settings.verify, settings.ca, settings.certs, settings.keys]);
    let entry = tlsEntries.get(identity);
    if (!entry) {
        let context;
        entry = {
            key: `tls${tlsEntries.size}`,
            settings,
            secureContext: () => (context ??= tls().createSecureContext(secureContextOptions(settings)))
        };
        tlsEntries.set(identity, entry);
    }
    return entry;
}
/**
 * The shared connections for these TLS settings. With a proxy variable set, each request's origin
 * decides between the direct Agent and a proxy (see proxy-env.ts); without, it is the Agent itself.
 */
function agentFor(settings, connectionsPerHost = DEFAULT_CONNECTIONS_PER_HOST, proxy) {
    const entry = tlsEntry(settings);
    const directKey = `${entry.key}:${connectionsPerHost}`;
    let direct = agents.get(directKey);
    if (!direct) {
        direct = new NodeConnections(connectionsPerHost, { keepAliveTimeout: KEEP_ALIVE_MS, idleTimeout: IDLE_TIMEOUT_MS }, { verify: entry.settings.verify, secureContext: entry.secureContext });
        agents.set(directKey, direct);
    }
    if (!proxy || !(0,proxy_env/* hasProxy */.jL)(proxy))
        return direct;
    const routesKey = JSON.stringify([
        directKey,
        proxy.http?.url?.href,
        proxy.https?.url?.href,
        proxy.noProxy,
        proxy.cgi
    ]);
    let routes = agents.get(routesKey);
    if (!routes) {
        routes = new ProxyRoutes(direct, proxy, entry, connectionsPerHost);
        agents.set(routesKey, routes);
    }
    return routes;
}
class ProxyRoutes {
    direct;
    proxy;
    tls;
    connectionsPerHost;
    viaProxy = new Map();
    constructor(direct, proxy, tls, connectionsPerHost) {
        this.direct = direct;
        this.proxy = proxy;
        this.tls = tls;
        this.connectionsPerHost = connectionsPerHost;
    }
    request(options) {
        const via = (0,proxy_env/* proxyFor */.iJ)(this.proxy, options.url);
        if (!via)
            return this.direct.request(options);
        return this.agentVia(via, options.url.protocol === 'https:').then(agent => agent.request(options));
    }
    /** One ProxyAgent per proxy and target scheme: only tunnelled TLS needs the secure context. */
    agentVia(proxy, https) {
        const key = `${https ? 's' : ''}:${proxy.href}`;
        let agent = this.viaProxy.get(key);
        if (!agent) {
            agent = Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(339)]).then(__webpack_require__.bind(__webpack_require__, 3339)).then(m => m.createProxyAgent({
                proxy,
                tls: https
                    ? { verify: this.tls.settings.verify, secureContext: this.tls.secureContext() }
                    : undefined,
                pool: { connections: this.connectionsPerHost, ...POOL_OPTIONS }
            }));
            this.viaProxy.set(key, agent);
        }
        return agent;
    }
    async close() {
        const all = await Promise.all(this.viaProxy.values());
        this.viaProxy.clear();
        await Promise.all(all.map(a => a.close()));
    }
}
function secureContextOptions(settings) {
    const clientCerts = settings.certs.length > 0 ? { cert: settings.certs, key: settings.keys } : {};
    // without verification no CA is consulted: skip loading the root store
    if (!settings.verify)
        return { ca: [], ...clientCerts };
    const ca = settings.ca.length > 0 ? { ca: [...tls().rootCertificates, ...settings.ca] } : {};
    return { ...ca, ...clientCerts };
}
/** Closes every pooled connection (end of a CLI run, end of a test file). */
async function closeAllConnections() {
    const all = [...agents.values()];
    agents.clear();
    tlsEntries.clear();
    await Promise.all(all.map(a => a.close().catch(() => undefined)));
}

;// CONCATENATED MODULE: ./src/registry/retry.ts
// When and how long to wait before repeating a registry request.

const DEFAULT_RETRY_POLICY = {
    retryTimes: 3,
    baseDelayMs: 200,
    maxDelayMs: 10_000,
    maxRetryAfterMs: 60_000
};
/** Statuses worth repeating: the registry (or something in front of it) is busy or briefly broken. */
function isRetryableStatus(status) {
    return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}
const RETRYABLE_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
    'ERR_STREAM_PREMATURE_CLOSE'
]);
/** Connection-level failures (reset, refused, hang up, timeouts, truncated bodies). TLS errors are not retried. */
function isRetryableError(e) {
    for (let cur = e, depth = 0; cur && depth < 5; depth++) {
        const err = cur;
        if (typeof err.code === 'string' && RETRYABLE_CODES.has(err.code))
            return true;
        if (typeof err.message === 'string' && /socket hang up|other side closed|terminated/i.test(err.message)) {
            return true;
        }
        cur = err.cause;
    }
    return false;
}
/** `Retry-After` in seconds or as an HTTP date; undefined when absent, invalid or in the past. */
function parseRetryAfter(value, now = Date.now()) {
    if (value === undefined)
        return undefined;
    const v = value.trim();
    if (/^\d+$/.test(v))
        return Number(v) * 1000;
    const date = Date.parse(v);
    if (Number.isNaN(date))
        return undefined;
    const delta = date - now;
    return delta > 0 ? delta : undefined;
}
/** Exponential backoff with jitter: a random delay in [d/2, d] for d = base × 2^attempt, capped. */
function backoffDelay(policy, attempt, random = Math.random) {
    const d = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
    return Math.round(d / 2 + random() * (d / 2));
}
/** The delay before retry number `attempt` (0-based): the server's Retry-After when given, else backoff. */
function retryDelay(policy, attempt, retryAfter) {
    const fromServer = parseRetryAfter(retryAfter);
    if (fromServer !== undefined)
        return Math.min(fromServer, policy.maxRetryAfterMs);
    return backoffDelay(policy, attempt);
}
/** Waits longer than this are called out in the line, so a quiet log is not mistaken for a hang. */
const LONG_WAIT_MS = 10_000;
function formatWait(ms) {
    return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
/** `GET https://r/v2/a/manifests/1: HTTP 503 (attempt 1 of 4); retrying in 0.4 s`. */
function retryLine(note) {
    const wait = formatWait(note.delayMs);
    const long = note.delayMs > LONG_WAIT_MS
        ? ` (a long wait, over ${LONG_WAIT_MS / 1000} s${note.fromServer ? ': the registry asked for it with Retry-After' : ''})`
        : '';
    return `${note.request}: ${note.reason} (attempt ${note.attempt} of ${note.attempts}); ${note.action ?? 'retrying'} in ${wait}${long}`;
}
/** The delay before retry number `attempt` and whether the registry chose it (Retry-After). */
function retryWait(policy, attempt, retryAfter) {
    const fromServer = parseRetryAfter(retryAfter) !== undefined;
    return { delayMs: retryDelay(policy, attempt, retryAfter), fromServer };
}
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject((0,errors/* cancellationError */._E)(signal));
        const t = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(t);
            reject((0,errors/* cancellationError */._E)(signal));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}

;// CONCATENATED MODULE: ./src/registry/secrets.ts
// Reports each secret value once, before anything could print it.
class SecretReporter {
    sink;
    seen = new Set();
    constructor(sink) {
        this.sink = sink;
    }
    report(value) {
        if (value === undefined || value === '' || this.seen.has(value))
            return;
        this.seen.add(value);
        this.sink?.(value);
    }
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/registry/tls-sniff.ts
// Whether a server speaks TLS, asked without loading node:tls.
//
// With TLS verification off, containers/image pings a registry over https first and falls back to
// plain http when that fails. A plain-http registry (a `registry:2` service on localhost:5000, the
// usual CI case) makes every run pay for node:tls and the crypto under it (~20 ms of CPU, as much as
// the rest of a re-run that finds nothing to copy) only to learn that the https ping fails. So the
// client first sends a ClientHello over a bare socket and reads the first bytes of the answer: a TLS
// record (handshake or alert) means TLS, `HTTP/` means plain http. Anything else (silence, a closed
// connection, other bytes) is not an answer, and the real https ping decides, as it did before.


/** How long the server may take to answer the ClientHello before the real https ping decides. */
const SNIFF_TIMEOUT_MS = 2_000;
const TLS_RECORD_ALERT = 0x15;
const TLS_RECORD_HANDSHAKE = 0x16;
/** How an HTTP server's answer starts. */
const HTTP_STATUS_LINE = Buffer.from('HTTP/');
/**
 * A TLS 1.2 ClientHello (a TLS 1.3-only server answers it with an alert, which says TLS just as well),
 * naming `serverName` (SNI) when the host is a name, so a front end that routes on SNI sends it where
 * the https ping would go. Its client random holds CR LF, so an HTTP server reads a (malformed)
 * request line at once and answers 400 instead of waiting for the line's end.
 */
function clientHello(serverName) {
    const u16 = (n) => [n >> 8, n & 0xff];
    const withLength16 = (body) => [...u16(body.length), ...body];
    const extension = (type, body) => [...u16(type), ...withLength16(body)];
    const random = Array.from({ length: 32 }, (_, i) => (i % 2 === 0 ? 0x0d : 0x0a));
    const suites = [0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0x009c].flatMap(u16);
    const name = serverName !== undefined && (0,external_node_net_.isIP)(serverName) === 0 ? [...Buffer.from(serverName, 'ascii')] : [];
    const extensions = [
        ...(name.length > 0 ? extension(0x0000, withLength16([0, ...withLength16(name)])) : []), // server_name
        ...extension(0x000a, withLength16([0x001d, 0x0017].flatMap(u16))), // supported_groups
        ...extension(0x000b, [1, 0]), // ec_point_formats: uncompressed
        ...extension(0x000d, withLength16([0x0403, 0x0804, 0x0401].flatMap(u16))) // signature_algorithms
    ];
    const hello = [0x03, 0x03, ...random, 0, ...withLength16(suites), 1, 0, ...withLength16(extensions)];
    const handshake = [0x01, 0, ...u16(hello.length), ...hello];
    return Buffer.from([TLS_RECORD_HANDSHAKE, 0x03, 0x01, ...withLength16(handshake)]);
}
/** What the first bytes of an answer to the ClientHello say, or undefined while they say nothing yet. */
function classifyAnswer(first) {
    if (first.length === 0)
        return undefined;
    if (first[0] === TLS_RECORD_HANDSHAKE || first[0] === TLS_RECORD_ALERT)
        return 'tls';
    const n = Math.min(first.length, HTTP_STATUS_LINE.length);
    if (!first.subarray(0, n).equals(HTTP_STATUS_LINE.subarray(0, n)))
        return 'unknown';
    return n === HTTP_STATUS_LINE.length ? 'plain' : undefined;
}
/**
 * Where to ask for `apiHost` (`host[:port]`, an IPv6 host in brackets): only a registry on its own port
 * is asked. On 443 (named or implied) a TLS server is the rule, and the question would only add a
 * round trip before the https ping.
 */
function sniffTarget(apiHost) {
    const url = new URL(`https://${apiHost}/`);
    if (url.port === '')
        return undefined;
    return { host: (0,http/* socketHost */.ez)(url), port: Number(url.port) };
}
/** Bytes of an answer that say what it is: a TLS record's type, or `HTTP/`. */
const ANSWER_BYTES = 5;
/** Asks `host:port` (an IPv6 host without brackets) whether it speaks TLS; never throws. */
function sniffTls(host, port, signal, timeoutMs = SNIFF_TIMEOUT_MS) {
    if (signal?.aborted)
        return Promise.resolve('unknown');
    return new Promise(resolve => {
        let seen = Buffer.alloc(0);
        let settled = false;
        const socket = (0,external_node_net_.connect)({ host, port });
        const done = (answer) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            signal?.removeEventListener('abort', cancel);
            socket.destroy();
            resolve(answer);
        };
        const cancel = () => done('unknown');
        const timer = setTimeout(cancel, timeoutMs);
        signal?.addEventListener('abort', cancel);
        socket.on('connect', () => socket.write(clientHello(host)));
        socket.on('data', (chunk) => {
            seen = Buffer.concat([seen, chunk]).subarray(0, ANSWER_BYTES);
            const answer = classifyAnswer(seen);
            if (answer !== undefined)
                done(answer);
        });
        socket.on('error', cancel);
        socket.on('close', cancel);
    });
}

// EXTERNAL MODULE: ./src/cache/blob-info-cache.ts + 2 modules
var blob_info_cache = __webpack_require__(5484);
;// CONCATENATED MODULE: ./src/registry/settings.ts
// Process-wide registry settings that are not per reference: where secrets are reported (the Action
// wires core.setSecret here), retry timing, upload tuning and logging. Per-client options override them.
const defaults = {
    retryBaseDelayMs: 200,
    retryMaxDelayMs: 10_000,
    retryAfterMaxMs: 60_000,
    uploadChunkSize: 0,
    monolithicUploadMaxSize: 1 << 20,
    connectionsPerHost: 16
};
let current = { ...defaults };
function registrySettings() {
    return current;
}
/** Changes settings for clients created afterwards; returns the previous settings (to restore in tests). */
function configureRegistry(changes) {
    const previous = current;
    current = { ...current, ...changes };
    return previous;
}
function resetRegistrySettings() {
    current = { ...defaults };
}

;// CONCATENATED MODULE: ./src/registry/client.ts
// A client for one repository of one registry, for pulling or for pushing: ping, authentication,
// retries, and the error messages a user sees. Blob and manifest operations live beside it
// (blob-reader.ts, upload.ts, operations in this file are thin).













const DEFAULT_USER_AGENT = 'image-copy-action';
/** How long `finish` and `cleanup` requests may still run after a cancellation. */
const CLEANUP_GRACE_MS = 5000;
/** A signal that fires `ms` after `signal` does; `done` removes the listener. */
function graceAfter(signal, ms) {
    const controller = new AbortController();
    let timer;
    const start = () => {
        timer = setTimeout(() => controller.abort((0,errors/* cancellationError */._E)(signal)), ms);
        timer.unref();
    };
    if (signal.aborted)
        start();
    else
        signal.addEventListener('abort', start, { once: true });
    return {
        signal: controller.signal,
        done: () => {
            signal.removeEventListener('abort', start);
            clearTimeout(timer);
        }
    };
}
const TLS_ERROR_CODES = new Set([
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_UNTRUSTED',
    'CERT_SIGNATURE_FAILURE',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'HOSTNAME_MISMATCH'
]);
class RegistryClient {
    registry;
    apiHost;
    repository;
    access;
    settings;
    retry;
    userAgent;
    /** Cancels every request and retry wait (the copy's signal). */
    signal;
    /** Records which repositories hold which blobs (pulls, pushes, HEADs, mounts); read for mounts. */
    blobInfoCache;
    tlsVerify;
    tlsVerifyOff;
    certDir;
    secrets;
    auth;
    proxy;
    agent;
    origin;
    pinged;
    warned = new Set();
    /** Whether the ping answer had `X-Registry-Supports-Signatures: 1`. */
    supportsSignatureExtension = false;
    constructor(options) {
        this.registry = options.registry;
        this.apiHost = options.apiHost ?? options.registry;
        this.repository = options.repository;
        this.access = options.access;
        this.settings = { ...registrySettings(), ...options.settings };
        this.retry = {
            retryTimes: options.retryTimes ?? 3,
            baseDelayMs: this.settings.retryBaseDelayMs,
            maxDelayMs: this.settings.retryMaxDelayMs,
            maxRetryAfterMs: this.settings.retryAfterMaxMs
        };
        this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
        this.signal = options.signal;
        this.blobInfoCache = options.blobInfoCache ?? (0,blob_info_cache/* processBlobInfoCache */.tS)();
        this.tlsVerify = options.tlsVerify ?? true;
        this.tlsVerifyOff = options.tlsVerifyOff ?? 'tls-verify set to false';
        this.certDir = options.certDir;
        this.proxy = options.proxy ?? (0,proxy_env/* proxyEnvironment */.wP)(process.env);
        const sinks = [options.onSecret, this.settings.onSecret].filter(f => f !== undefined);
        this.secrets = new SecretReporter(value => {
            for (const sink of new Set(sinks))
                sink(value);
        });
        for (const secret of (0,proxy_env/* proxySecrets */.Wm)(this.proxy))
            this.secrets.report(secret);
        this.auth = new Authenticator({
            registry: this.registry,
            credentials: options.credentials ?? {},
            baseScope: repositoryScope(this.repository, options.access === 'push' ? ['pull', 'push'] : ['pull']),
            userAgent: this.userAgent,
            secrets: this.secrets,
            send: (method, url, headers, body) => this.send({ method, url, headers, body, auth: false })
        });
    }
    /** `127.0.0.1:5000/acme/app`, for messages. */
    get name() {
        return `${this.registry}/${this.repository}`;
    }
    get hasCredentials() {
        return this.auth.hasCredentials;
    }
    log(level, message) {
        this.settings.log?.(level, message);
    }
    /** Pings `/v2/` once: picks https (or http when TLS verification is off) and learns the auth challenges. */
    ping() {
        this.pinged ??= this.doPing();
        return this.pinged;
    }
    async doPing() {
        let certDir = this.certDir;
        if (certDir === undefined)
            certDir = await defaultCertDir(this.registry);
        const files = certDir !== undefined ? await loadCertDir(certDir) : { ca: [], certs: [], keys: [] };
        this.agent = agentFor({ verify: this.tlsVerify, ...files }, this.settings.connectionsPerHost, this.proxy);
        const context = `pinging container registry ${this.registry}`;
        const schemes = this.tlsVerify ? ['https'] : await this.insecureSchemes(context);
        let lastError;
        for (const scheme of schemes) {
            const url = new URL(`${scheme}://${this.apiHost}/v2/`);
            try {
                const res = await this.send({ method: 'GET', url, auth: false, context });
                if (res.status === 200 || res.status === 401) {
                    await (0,http/* discard */.vf)(res.body);
                    this.origin = url.origin;
                    this.auth.setChallenges(parseChallenges((0,http/* headerValues */.UE)(res.headers, 'www-authenticate')));
                    this.supportsSignatureExtension = (0,http/* header */.wx)(res.headers, 'x-registry-supports-signatures') === '1';
                    return;
                }
                throw await this.responseError(res, context, describeRequest('GET', url));
            }
            catch (e) {
                lastError = e;
                if (scheme === 'https' && schemes.length > 1) {
                    this.log('debug', `${context}: https failed (${e.message}), trying http`);
                }
            }
        }
        throw lastError;
    }
    /**
     * With verification off: https, then http, as containers/image tries them; only http when the
     * server, asked directly (not through a proxy), answers a ClientHello in plain HTTP (tls-sniff.ts).
     */
    async insecureSchemes(context) {
        const target = sniffTarget(this.apiHost);
        if (target && this.isDirect(new URL(`https://${this.apiHost}/v2/`))) {
            if ((await sniffTls(target.host, target.port, this.signal)) === 'plain') {
                this.log('debug', `${context}: https skipped (the server answers in plain HTTP), trying http`);
                return ['http'];
            }
        }
        return ['https', 'http'];
    }
    /** Whether requests to `url` go straight to the server (a proxy variable in error: the request says so). */
    isDirect(url) {
        try {
            return (0,proxy_env/* proxyFor */.iJ)(this.proxy, url) === undefined;
        }
        catch {
            return false;
        }
    }
    /** Resolves a path or an upload Location against the registry origin. */
    resolve(url) {
        if (url instanceof URL)
            return url;
        if (!this.origin)
            throw new Error('internal error: registry client used before ping');
        return new URL(url, this.origin);
    }
    /**
     * One logical request: authentication (credentials only to the registry's own origin), a single
     * retry with the scopes an `insufficient_scope` challenge names, and retries with backoff on
     * connection errors, 429 and 5xx when the body can be sent again.
     */
    async send(opts) {
        const onCancel = opts.onCancel ?? 'abort';
        if (onCancel === 'abort' || !this.signal)
            return this.sendWith(opts, this.signal);
        if (onCancel === 'finish' && this.signal.aborted)
            throw (0,errors/* cancellationError */._E)(this.signal);
        const grace = graceAfter(this.signal, CLEANUP_GRACE_MS);
        try {
            return await this.sendWith({ ...opts, retry: this.signal.aborted ? false : opts.retry }, grace.signal);
        }
        finally {
            grace.done();
        }
    }
    /** `signal` ends the exchange; retry waits always end with the copy's signal (nothing to finish yet). */
    async sendWith(opts, signal) {
        if (signal?.aborted)
            throw (0,errors/* cancellationError */._E)(signal);
        const useAuth = opts.auth !== false;
        if (useAuth)
            await this.ping();
        const agent = this.agent ??
            agentFor({ verify: this.tlsVerify, ca: [], certs: [], keys: [] }, this.settings.connectionsPerHost, this.proxy);
        const url = this.resolve(opts.url);
        const replayable = opts.retry ?? !isStream(opts.body);
        let extraScopes = opts.extraScopes ?? [];
        let authRetried = false;
        for (let attempt = 0;;) {
            let res;
            try {
                res = await (0,http/* httpRequest */.aj)(agent, {
                    method: opts.method,
                    url,
                    headers: {
                        'user-agent': this.userAgent,
                        'docker-distribution-api-version': 'registry/2.0',
                        ...opts.headers
                    },
                    body: opts.body,
                    followRedirects: opts.followRedirects,
                    signal,
                    authorizationFor: useAuth ? u => this.authorizationFor(u, extraScopes) : undefined
                });
            }
            catch (e) {
                // Cancelled: never retried, and said as such (not as a network error).
                if (signal?.aborted)
                    throw (0,errors/* cancellationError */._E)(signal);
                if (e instanceof RegistryError)
                    throw e;
                if (replayable && isRetryableError(e) && attempt < this.retry.retryTimes) {
                    const delay = this.noteRetry(opts.method, url, networkReason(e), attempt, undefined);
                    attempt++;
                    await sleep(delay, this.signal);
                    continue;
                }
                throw this.connectionError(e, opts.context, opts.method, url, attempt + 1);
            }
            this.noteWarnings(res);
            if (res.status === 401 && useAuth && this.auth.usesBearer && replayable && !authRetried) {
                authRetried = true;
                const wanted = insufficientScopes(res);
                if (wanted) {
                    const known = new Set(extraScopes.map(formatScope));
                    extraScopes = [...extraScopes, ...wanted.filter(s => !known.has(formatScope(s)))];
                }
                else {
                    this.auth.invalidate(extraScopes);
                }
                await (0,http/* discard */.vf)(res.body);
                continue;
            }
            if (replayable && isRetryableStatus(res.status) && attempt < this.retry.retryTimes) {
                const reason = `HTTP ${res.status}${external_node_http_.STATUS_CODES[res.status] ? ` ${external_node_http_.STATUS_CODES[res.status]}` : ''}`;
                const delay = this.noteRetry(opts.method, url, reason, attempt, (0,http/* header */.wx)(res.headers, 'retry-after'));
                await (0,http/* discard */.vf)(res.body);
                attempt++;
                await sleep(delay, this.signal);
                continue;
            }
            if (attempt > 0)
                res.attempts = attempt + 1;
            return res;
        }
    }
    /** Logs one line for a retry of `method url` after attempt `attempt` (0-based) failed; returns the wait. */
    noteRetry(method, url, reason, attempt, retryAfter, action) {
        const { delayMs, fromServer } = retryWait(this.retry, attempt, retryAfter);
        this.log('info', retryLine({
            request: describeRequest(method, url),
            reason,
            attempt: attempt + 1,
            attempts: this.retry.retryTimes + 1,
            delayMs,
            fromServer,
            action
        }));
        return delayMs;
    }
    async authorizationFor(url, extraScopes) {
        if (url.origin !== this.origin)
            return undefined;
        return this.auth.authorization(extraScopes);
    }
    noteWarnings(res) {
        for (const w of (0,http/* headerValues */.UE)(res.headers, 'warning')) {
            const m = /^299 - "(.*)"$/.exec(w);
            if (!m || this.warned.has(m[1]))
                continue;
            this.warned.add(m[1]);
            this.log('warning', `warning from registry ${this.registry}: ${m[1].replace(/\\(.)/g, '$1')}`);
        }
    }
    /** Turns an unexpected answer into a RegistryError; reads (and releases) the body. */
    async responseError(res, context, request) {
        const details = parseErrorBody(await (0,http/* readErrorText */.Gb)(res.body));
        return this.errorFromDetails(res, details, context, request);
    }
    errorFromDetails(res, details, context, request) {
        const status = res.status;
        const attempts = res.attempts;
        const tail = `HTTP ${status}, ${request}${attempts ? `, after ${attempts} attempts` : ''}`;
        const bearer = status === 401 ? bearerError(res) : undefined;
        if (bearer?.error === 'insufficient_scope') {
            const message = bearer.description || 'requested access to the resource is denied';
            return new RegistryError(`${context}: DENIED: ${message} (${tail})`, {
                status,
                request,
                code: 'DENIED',
                registryMessage: message,
                hint: `the credentials used for ${this.registry} do not grant ${this.access} access to ${this.repository}`
            });
        }
        const first = details[0];
        const registrySays = details.map(formatDetail).join('; ');
        const what = registrySays || external_node_http_.STATUS_CODES[status] || `HTTP ${status}`;
        const init = { status, request, code: first?.code, registryMessage: first?.message };
        if (status === 401) {
            const text = this.hasCredentials
                ? `registry ${this.registry} rejected the credentials`
                : `registry ${this.registry} requires authentication and no credentials were given`;
            return new RegistryAuthError(`${context}: ${text} (${registrySays ? `${registrySays}; ` : ''}${tail})`, {
                ...init,
                hint: this.hasCredentials
                    ? `check the username and password (or token) for ${this.registry}`
                    : `give credentials for ${this.registry}`
            });
        }
        if (status === 403) {
            return new RegistryError(`${context}: ${what} (${tail})`, {
                ...init,
                hint: `the credentials used for ${this.registry} are not allowed to ${this.access} ${this.repository}`
            });
        }
        return new RegistryError(`${context}: ${what} (${tail})`, init);
    }
    connectionError(e, context, method, url, attempts) {
        const request = describeRequest(method, url);
        const code = errorCode(e);
        if (code !== undefined && TLS_ERROR_CODES.has(code)) {
            return new RegistryError(`${context ?? request}: TLS certificate verification failed for ${url.host}: ${networkReason(e)}`, {
                request,
                cause: e,
                hint: `trust the registry's CA with a cert dir holding it as *.crt, or turn TLS verification off for ${this.registry} (${this.tlsVerifyOff})`
            });
        }
        const after = attempts > 1 ? `, after ${attempts} attempts` : '';
        const prefix = context ? `${context}: ` : '';
        const proxy = (0,proxy_env/* describeProxyFor */.Ho)(this.proxy, url);
        const via = proxy ? ` through proxy ${proxy}` : '';
        if (url.protocol === 'https:' && isPlainHttpAnswer(e)) {
            return new RegistryError(`${prefix}${request} failed: ${networkReason(e)}; ${url.host} seems to speak plain http, not https`, {
                request,
                cause: e,
                hint: `for a registry on plain http, turn TLS verification off: ${this.tlsVerifyOff}`
            });
        }
        // A TLS server that drops the connection at once (or says so with an alert) most often wanted a
        // client certificate.
        const dropped = url.protocol === 'https:' && CLIENT_CERT_REFUSALS.test(rawCode(e) ?? '');
        const proxyRefused = proxy !== undefined && /\b40[17]\b/.test(networkReason(e));
        return new RegistryError(`${prefix}${request}${via} failed: ${networkReason(e)}${after}`, {
            request,
            cause: e,
            hint: proxyRefused
                ? `the proxy refused the credentials: check the user and password in the proxy URL (${proxy})`
                : dropped
                    ? `if ${this.registry} requires a client certificate, put <name>.cert and <name>.key in the cert dir`
                    : undefined
        });
    }
}
const CLIENT_CERT_REFUSALS = /^(UND_ERR_SOCKET|ECONNRESET|ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE|ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED|ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE)$/;
function isStream(body) {
    return !!body && typeof body.pipe === 'function';
}
/** An https request answered by a plain-http server: OpenSSL reads the HTTP answer as a broken TLS record. */
function isPlainHttpAnswer(e) {
    for (let cur = e, depth = 0; cur && depth < 5; depth++) {
        const { code, message } = cur;
        if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG')
            return true;
        if (typeof message === 'string' && /wrong version number|packet length too long/i.test(message))
            return true;
        cur = cur.cause;
    }
    return false;
}
function rawCode(e) {
    const c = e?.code;
    return typeof c === 'string' ? c : undefined;
}
function errorCode(e) {
    for (let cur = e, depth = 0; cur && depth < 5; depth++) {
        const c = cur.code;
        if (typeof c === 'string' && c !== 'UND_ERR_SOCKET' && c !== 'UND_ERR_CONNECT')
            return c;
        cur = cur.cause;
    }
    return undefined;
}
/** A short reason for a network failure, without URLs or headers. */
function networkReason(e) {
    const err = e;
    const code = errorCode(e) ?? (typeof err.code === 'string' ? err.code : undefined);
    const reason = e.reason;
    let message = typeof reason === 'string' ? reason : typeof err.message === 'string' ? err.message : String(e);
    // OpenSSL's errors on a socket write carry its whole error line: keep the reason only
    const openssl = /SSL routines:[^:\n]*:([^:\n]+):/.exec(message);
    if (openssl)
        message = openssl[1];
    if (err.cause && typeof err.cause.message === 'string' && err.cause.message !== message) {
        message = `${message}: ${err.cause.message}`;
    }
    return code && !message.includes(code) ? `${message} (${code})` : message;
}

;// CONCATENATED MODULE: ./src/registry/throughput.ts
/** A stalled or trickling transfer; retryable. */
class SlowTransferError extends Error {
    code = 'ESLOWTRANSFER';
    constructor(message) {
        super(message);
        this.name = 'SlowTransferError';
    }
}
class ThroughputWatch {
    rule;
    onSlow;
    samples = [];
    timer;
    total = 0;
    paused = false;
    constructor(rule, onSlow) {
        this.rule = rule;
        this.onSlow = onSlow;
    }
    /** Starts watching (a new connection): one timer until stop(), a window from now. */
    start() {
        this.restartWindow();
        this.timer ??= setInterval(() => this.check(), Math.max(this.rule.windowMs / 4, 20));
        this.timer.unref();
    }
    /** We hold the body back (the destination is slower): that time does not count. */
    pause() {
        this.paused = true;
    }
    /** Reading again: a new window from now. */
    resume() {
        if (this.paused)
            this.restartWindow();
    }
    stop() {
        if (this.timer !== undefined)
            clearInterval(this.timer);
        this.timer = undefined;
    }
    add(bytes) {
        this.total += bytes;
    }
    restartWindow() {
        this.paused = false;
        this.samples = [{ at: Date.now(), bytes: this.total }];
    }
    check() {
        if (this.paused)
            return;
        const now = Date.now();
        const from = now - this.rule.windowMs;
        this.samples.push({ at: now, bytes: this.total });
        while (this.samples.length > 1 && this.samples[1].at <= from)
            this.samples.shift();
        const oldest = this.samples[0];
        if (oldest.at > from)
            return; // less than a whole window observed yet
        const moved = this.total - oldest.bytes;
        if (moved >= this.rule.minBytes)
            return;
        this.stop();
        const seconds = (now - oldest.at) / 1000;
        this.onSlow(new SlowTransferError(`too slow: ${moved} bytes in the last ${seconds.toFixed(1)} s, below the minimum throughput of ` +
            `${this.rule.minBytes} bytes per ${this.rule.windowMs / 1000} s (IMAGE_COPY_MIN_THROUGHPUT)`));
    }
}

// EXTERNAL MODULE: ./src/memory.ts
var memory = __webpack_require__(8820);
;// CONCATENATED MODULE: ./src/registry/blob-reader.ts
// A blob download that survives broken connections: when the body is reset or ends early, the rest
// is requested with `Range: bytes=<offset>-` and appended, so the consumer sees exactly the blob's
// bytes once. The consumer (the copy engine) verifies the digest.






/** Progress that earns a fresh set of retries (a long download may survive many unrelated blips). */
const PROGRESS_RESETTING_RETRIES = 1 << 20;
/** The log line for a resumed download; `failures` counts this one. */
function resumeLine(o, offset, reason, failures, delayMs) {
    return retryLine({
        request: `reading ${o.describe}`,
        reason: `broke after ${offset} bytes (${reason})`,
        attempt: failures,
        attempts: o.retry.retryTimes + 1,
        delayMs,
        action: 'resuming'
    });
}
function resumableBlobStream(first, options) {
    return new ResumableBlobStream(first, options);
}
/**
 * A blob body that resumes with `Range` after a broken connection: the body's chunks are pushed
 * straight on (pausing the body on backpressure).
 */
class ResumableBlobStream extends external_node_stream_.Readable {
    o;
    body;
    expected;
    offset = 0;
    skip = 0;
    failures = 0;
    offsetAtLastFailure = 0;
    recovering = false;
    watch;
    constructor(first, o) {
        super({ highWaterMark: memory/* STAGE_BUFFER_BYTES */.Go });
        this.o = o;
        let expected = o.expectedSize;
        if (expected < 0) {
            const cl = (0,http/* header */.wx)(first.headers, 'content-length');
            if (cl !== undefined && /^\d+$/.test(cl))
                expected = Number(cl);
        }
        this.expected = expected;
        if (o.minThroughput) {
            this.watch = new ThroughputWatch(o.minThroughput, slow => {
                if (this.destroyed || this.recovering)
                    return;
                void this.recover(slow);
            });
        }
        this.attach(first.body);
    }
    attach(body) {
        this.body = body;
        this.watch?.start();
        body.on('data', (chunk) => {
            if (body !== this.body || this.destroyed)
                return;
            let b = chunk;
            if (this.skip > 0) {
                const n = Math.min(this.skip, b.length);
                this.skip -= n;
                b = b.subarray(n);
                if (b.length === 0)
                    return;
            }
            this.offset += b.length;
            this.watch?.add(b.length);
            if (this.expected >= 0 && this.offset > this.expected) {
                this.destroy(new RegistryError(`reading ${this.o.describe}: the registry sent more than the expected ${this.expected} bytes`));
                return;
            }
            if (!this.push(b)) {
                body.pause();
                this.watch?.pause(); // we hold the body back: not the registry's slowness
            }
        });
        body.on('end', () => {
            if (body !== this.body || this.destroyed)
                return;
            this.watch?.stop();
            if (this.expected < 0 || this.offset === this.expected)
                this.push(null);
            else
                void this.recover(new Error(`the body ended after ${this.offset} of ${this.expected} bytes`));
        });
        body.on('error', (e) => {
            if (body !== this.body || this.destroyed || this.recovering)
                return;
            if (e instanceof RegistryError || !isRetryableError(e))
                this.destroy(e);
            else
                void this.recover(e);
        });
    }
    _read() {
        if (this.recovering)
            return;
        if (this.body.isPaused())
            this.watch?.resume();
        this.body.resume();
    }
    _destroy(error, callback) {
        this.watch?.stop();
        this.body.destroy();
        callback(error);
    }
    async recover(failure) {
        this.recovering = true;
        this.watch?.stop();
        const o = this.o;
        try {
            if (this.offset - this.offsetAtLastFailure >= PROGRESS_RESETTING_RETRIES)
                this.failures = 0;
            this.offsetAtLastFailure = this.offset;
            const reason = failure.message;
            if (this.failures >= o.retry.retryTimes) {
                throw new RegistryError(`reading ${o.describe}: ${reason}; gave up after ${this.failures} resumed download${this.failures === 1 ? '' : 's'}`, { cause: failure });
            }
            const delay = backoffDelay(o.retry, this.failures);
            this.failures++;
            o.log?.(resumeLine(o, this.offset, reason, this.failures, delay));
            this.body.destroy();
            await sleep(delay, o.signal);
            const res = await o.reopen(this.offset);
            if (res.status === 206) {
                const range = parseContentRange((0,http/* header */.wx)(res.headers, 'content-range'));
                const okRange = range !== undefined &&
                    range.first === this.offset &&
                    (range.total < 0 || range.last + 1 === range.total) &&
                    (this.expected < 0 || range.total < 0 || range.total === this.expected);
                if (!okRange) {
                    await (0,http/* discard */.vf)(res.body);
                    throw new RegistryError(`reading ${o.describe}: resuming at byte ${this.offset} got an unusable Content-Range ` +
                        `"${(0,http/* header */.wx)(res.headers, 'content-range') ?? ''}"`, { status: 206 });
                }
            }
            else if (res.status === 200) {
                this.skip = this.offset;
            }
            else {
                await (0,http/* discard */.vf)(res.body);
                throw new RegistryError(`reading ${o.describe}: resuming at byte ${this.offset} failed with HTTP ${res.status}`, {
                    status: res.status
                });
            }
            if (this.destroyed) {
                res.body.destroy();
                return;
            }
            this.recovering = false;
            this.attach(res.body);
        }
        catch (e) {
            this.destroy(e);
        }
    }
}
function parseContentRange(value) {
    const m = value === undefined ? null : /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(value.trim());
    if (!m)
        return undefined;
    return { first: Number(m[1]), last: Number(m[2]), total: m[3] === '*' ? -1 : Number(m[3]) };
}

;// CONCATENATED MODULE: ./src/registry/blobs.ts





function blobPath(repository, digest) {
    return `/v2/${(0,http/* repositoryPath */.SH)(repository)}/blobs/${(0,http/* encodePathSegment */.$9)(digest)}`;
}
function contentLength(res) {
    const v = (0,http/* header */.wx)(res.headers, 'content-length');
    return v !== undefined && /^\d+$/.test(v) ? Number(v) : -1;
}
/** HEAD the blob in `repository` (default: the client's). Returns its size, or undefined when absent. */
async function blobExists(client, digest, repository = client.repository) {
    const context = `checking whether blob ${digest} exists in ${client.registry}/${repository}`;
    const extraScopes = repository !== client.repository ? [repositoryScope(repository, ['pull'])] : [];
    const res = await client.send({ method: 'HEAD', url: blobPath(repository, digest), extraScopes, context });
    await (0,http/* discard */.vf)(res.body);
    if (res.status === 200) {
        client.blobInfoCache.recordKnownLocation(client.registry, repository, digest);
        return { size: contentLength(res) };
    }
    if (res.status === 404)
        return undefined;
    throw await client.responseError(res, context, describeRequest('HEAD', res.url));
}
/** A stream of exactly the blob's bytes, resuming broken downloads with Range requests. */
async function getBlob(client, blob) {
    const external = await getExternalBlob(client, blob);
    if (external)
        return external;
    const describe = `blob ${blob.digest} in ${client.name}`;
    const path = blobPath(client.repository, blob.digest);
    const open = (offset) => client.send({
        method: 'GET',
        url: path,
        headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
        followRedirects: true,
        context: `reading ${describe}`
    });
    const res = await open(0);
    if (res.status !== 200) {
        throw await client.responseError(res, `reading ${describe}`, describeRequest('GET', res.url));
    }
    client.blobInfoCache.recordKnownLocation(client.registry, client.repository, blob.digest);
    const size = blob.size >= 0 ? blob.size : contentLength(res);
    const stream = resumableBlobStream(res, {
        expectedSize: blob.size,
        reopen: open,
        retry: client.retry,
        signal: client.signal,
        describe,
        log: m => client.log('info', m),
        minThroughput: (0,limits/* throughputRule */.Z4)()
    });
    return { stream, size };
}
/** Foreign layers: the first http(s) URL that answers 200, fetched without credentials (CVE-2020-15157). */
async function getExternalBlob(client, blob) {
    const errors = [];
    for (const raw of blob.urls ?? []) {
        let url;
        try {
            url = new URL(raw);
        }
        catch {
            continue;
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
            continue;
        try {
            await client.ping();
            const res = await client.send({ method: 'GET', url, auth: false, followRedirects: true });
            if (res.status === 200)
                return { stream: res.body, size: blob.size >= 0 ? blob.size : contentLength(res) };
            await (0,http/* discard */.vf)(res.body);
            errors.push(`${describeRequest('GET', url)}: HTTP ${res.status}`);
        }
        catch (e) {
            errors.push(e.message);
        }
    }
    if (errors.length > 0)
        client.log('debug', `foreign layer URLs failed, using the registry: ${errors.join('; ')}`);
    return undefined;
}
/**
 * Asks the registry to link a blob of `fromRepository` into the client's repository.
 * True when mounted (201). A 202 means the registry started an upload instead: it is cancelled.
 */
async function mountBlob(client, digest, fromRepository) {
    const query = new URLSearchParams({ mount: digest, from: fromRepository });
    const url = `/v2/${(0,http/* repositoryPath */.SH)(client.repository)}/blobs/uploads/?${query.toString()}`;
    const res = await client.send({
        method: 'POST',
        url,
        extraScopes: [repositoryScope(fromRepository, ['pull'])],
        context: `mounting blob ${digest} from ${client.registry}/${fromRepository}`
    });
    if (res.status === 201) {
        await (0,http/* discard */.vf)(res.body);
        client.blobInfoCache.recordKnownLocation(client.registry, client.repository, digest);
        return true;
    }
    if (res.status === 202) {
        await (0,http/* discard */.vf)(res.body);
        const location = (0,http/* header */.wx)(res.headers, 'location');
        if (location)
            await cancelUpload(client, client.resolve(new URL(location, res.url)));
        client.log('debug', `mounting ${digest} from ${fromRepository} started an upload instead; cancelled it`);
        return false;
    }
    const e = await client.responseError(res, `mounting blob ${digest} from ${fromRepository}`, describeRequest('POST', res.url));
    client.log('debug', e.message);
    return false;
}
/** Best effort: distribution only honours DELETE when the token grants `delete`. */
async function cancelUpload(client, location) {
    try {
        const res = await client.send({ method: 'DELETE', url: location, onCancel: 'cleanup' });
        await (0,http/* discard */.vf)(res.body);
        if (res.status !== 204 && res.status !== 200 && res.status !== 404) {
            client.log('debug', `cancelling upload ${describeRequest('DELETE', location)}: HTTP ${res.status}`);
        }
    }
    catch (e) {
        client.log('debug', `cancelling upload ${describeRequest('DELETE', location)} failed: ${e.message}`);
    }
}

// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./src/registry/upload.ts









const HASHES = { sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
function algorithmOf(digest) {
    const algorithm = digest?.split(':', 1)[0];
    return algorithm !== undefined && HASHES[algorithm] ? algorithm : 'sha256';
}
/** Passes bytes through while hashing and counting them. */
class DigestingStream extends external_node_stream_.Transform {
    algorithm;
    verified;
    hash;
    bytes = 0;
    /** With `verified` (the digest the engine's VerifyingStream checks on the same bytes, and the registry checks at PUT), only count. */
    constructor(algorithm, verified) {
        super({ highWaterMark: memory/* STAGE_BUFFER_BYTES */.Go });
        this.algorithm = algorithm;
        this.verified = verified;
        this.hash = verified ? undefined : (0,lazy_builtin/* nodeCrypto */.S)().createHash(HASHES[algorithm]);
    }
    _transform(chunk, _encoding, callback) {
        this.hash?.update(chunk);
        this.bytes += chunk.length;
        callback(null, chunk);
    }
    digest() {
        return this.hash ? `${this.algorithm}:${this.hash.digest('hex')}` : this.verified;
    }
}
async function uploadBlob(client, input, req) {
    let inputError;
    input.once('error', e => (inputError ??= e));
    if (req.digest !== undefined && req.size >= 0 && req.size < client.settings.monolithicUploadMaxSize) {
        return monolithicUpload(client, input, req, () => inputError);
    }
    return sessionUpload(client, input, req, () => inputError);
}
function uploadsPath(client) {
    return `/v2/${(0,http/* repositoryPath */.SH)(client.repository)}/blobs/uploads/`;
}
function context(client, req) {
    return req.digest !== undefined
        ? `uploading blob ${req.digest} to ${client.name}`
        : `uploading a blob to ${client.name}`;
}
/** POST: a new upload session. */
async function startUpload(client, req) {
    const res = await client.send({
        method: 'POST',
        url: uploadsPath(client),
        context: context(client, req),
        onCancel: 'finish'
    });
    if (res.status !== 202) {
        throw await client.responseError(res, context(client, req), describeRequest('POST', res.url));
    }
    await (0,http/* discard */.vf)(res.body);
    const location = nextLocation(res);
    if (!location)
        throw new RegistryError(`${context(client, req)}: the registry started an upload without a Location`);
    const min = Number((0,http/* header */.wx)(res.headers, 'oci-chunk-min-length') ?? '0');
    return { location, minChunk: Number.isFinite(min) && min > 0 ? min : 0 };
}
function nextLocation(res) {
    const location = (0,http/* header */.wx)(res.headers, 'location');
    return location ? new URL(location, res.url) : undefined;
}
/** Appends `digest=` without re-encoding the registry's own (opaque, possibly signed) query. */
function withDigest(location, digest) {
    return new URL(`${location.href}${location.search ? '&' : '?'}digest=${encodeURIComponent(digest)}`);
}
function mismatch(client, req, digest, bytes) {
    if (req.digest !== undefined && digest !== req.digest) {
        return new RegistryError(`${context(client, req)}: the data read has digest ${digest}, not the expected ${req.digest}`);
    }
    if (req.size >= 0 && bytes !== req.size) {
        return new RegistryError(`${context(client, req)}: read ${bytes} bytes, expected ${req.size}`);
    }
    return undefined;
}
async function monolithicUpload(client, input, req, inputError) {
    let data;
    try {
        data = await (0,http/* readBody */.x8)(input, req.size, `the blob is larger than its declared size ${req.size}`);
    }
    catch (e) {
        throw inputError() ?? e;
    }
    const algorithm = algorithmOf(req.digest);
    const digest = `${algorithm}:${(0,lazy_builtin/* nodeCrypto */.S)().createHash(HASHES[algorithm]).update(data).digest('hex')}`;
    const bad = mismatch(client, req, digest, data.length);
    if (bad)
        throw bad;
    // Each attempt uses a fresh session: a PUT that broke midway may have left bytes in the old one.
    for (let attempt = 0;; attempt++) {
        const { location } = await startUpload(client, req);
        const url = withDigest(location, digest);
        let res;
        let failure;
        try {
            res = await client.send({
                method: 'PUT',
                url,
                headers: { 'content-type': 'application/octet-stream', 'content-length': String(data.length) },
                body: data,
                retry: false,
                context: context(client, req)
            });
        }
        catch (e) {
            failure = e;
        }
        if (res?.status === 201) {
            await (0,http/* discard */.vf)(res.body);
            client.blobInfoCache.recordKnownLocation(client.registry, client.repository, digest);
            return { digest, size: data.length };
        }
        const retryable = res ? isRetryableStatus(res.status) : isRetryableError(failure);
        if (!retryable || attempt >= client.retry.retryTimes) {
            const error = res
                ? await client.responseError(res, context(client, req), describeRequest('PUT', url))
                : failure;
            await cancelUpload(client, location);
            throw error;
        }
        const delay = client.noteRetry('PUT', url, res ? `HTTP ${res.status}` : networkReason(failure), attempt, res ? (0,http/* header */.wx)(res.headers, 'retry-after') : undefined);
        if (res)
            await (0,http/* discard */.vf)(res.body);
        await cancelUpload(client, location);
        await sleep(delay, client.signal);
    }
}
async function sessionUpload(client, input, req, inputError) {
    const session = await startUpload(client, req);
    let location = session.location;
    // The input may have failed (or been dropped) while the session opened: then it never ends.
    const early = inputError() ?? (input.destroyed ? new Error(`${context(client, req)}: the input was closed`) : undefined);
    if (early) {
        await cancelUpload(client, location);
        throw early;
    }
    const digester = new DigestingStream(algorithmOf(req.digest), req.digest);
    input.on('error', e => digester.destroy(e));
    input.pipe(digester);
    try {
        const chunkSize = client.settings.uploadChunkSize;
        location =
            chunkSize > 0
                ? await chunkedPatches(client, req, digester, location, Math.max(chunkSize, session.minChunk))
                : await streamingPatch(client, req, digester, location);
        const error = inputError();
        if (error)
            throw error;
        const digest = digester.digest();
        const bad = mismatch(client, req, digest, digester.bytes);
        if (bad)
            throw bad;
        await completeUpload(client, req, location, digest);
        return { digest, size: digester.bytes };
    }
    catch (e) {
        digester.destroy();
        await cancelUpload(client, location);
        throw inputError() ?? e;
    }
}
async function streamingPatch(client, req, digester, location) {
    const headers = { 'content-type': 'application/octet-stream' };
    if (req.size >= 0)
        headers['content-length'] = String(req.size);
    const res = await client.send({
        method: 'PATCH',
        url: location,
        headers,
        body: digester,
        retry: false,
        context: context(client, req)
    });
    if (res.status !== 202 && res.status !== 204) {
        throw await client.responseError(res, context(client, req), describeRequest('PATCH', location));
    }
    await (0,http/* discard */.vf)(res.body);
    // The answer may come before the input reported its end (or its failure); wait for it.
    await (0,external_node_stream_promises_.finished)(digester);
    return nextLocation(res) ?? location;
}
async function chunkedPatches(client, req, digester, location, chunkSize) {
    let start = 0;
    let pending = [];
    let pendingBytes = 0;
    const flush = async (n) => {
        const all = Buffer.concat(pending);
        const chunk = all.subarray(0, n);
        pending = n < all.length ? [all.subarray(n)] : [];
        pendingBytes = all.length - n;
        location = await patchChunk(client, req, location, chunk, start);
        start += chunk.length;
    };
    for await (const b of digester) {
        pending.push(b);
        pendingBytes += b.length;
        while (pendingBytes >= chunkSize)
            await flush(chunkSize);
    }
    if (pendingBytes > 0)
        await flush(pendingBytes);
    return location;
}
/** One chunk, repeated after failures from where the registry says it stands. */
async function patchChunk(client, req, location, chunk, start) {
    for (let attempt = 0;; attempt++) {
        const range = `${start}-${start + chunk.length - 1}`;
        let res;
        let failure;
        try {
            res = await client.send({
                method: 'PATCH',
                url: location,
                headers: {
                    'content-type': 'application/octet-stream',
                    'content-range': range,
                    'content-length': String(chunk.length)
                },
                body: chunk,
                retry: false,
                context: context(client, req)
            });
        }
        catch (e) {
            failure = e;
        }
        if (res && (res.status === 202 || res.status === 204)) {
            await (0,http/* discard */.vf)(res.body);
            return nextLocation(res) ?? location;
        }
        const retryable = res ? isRetryableStatus(res.status) : isRetryableError(failure);
        if (!retryable || attempt >= client.retry.retryTimes) {
            throw res
                ? await client.responseError(res, context(client, req), describeRequest('PATCH', location))
                : failure;
        }
        const delay = client.noteRetry('PATCH', location, `chunk ${range}: ${res ? `HTTP ${res.status}` : networkReason(failure)}`, attempt, res ? (0,http/* header */.wx)(res.headers, 'retry-after') : undefined);
        if (res)
            await (0,http/* discard */.vf)(res.body);
        await sleep(delay, client.signal);
        // Ask how much the registry holds: a broken PATCH may have stored part of the chunk.
        const status = await client.send({ method: 'GET', url: location, context: context(client, req) });
        await (0,http/* discard */.vf)(status.body);
        if (status.status !== 204 && status.status !== 200) {
            throw new RegistryError(`${context(client, req)}: the upload session was lost (HTTP ${status.status})`, {
                status: status.status,
                request: describeRequest('GET', location)
            });
        }
        location = nextLocation(status) ?? location;
        const held = uploadedBytes((0,http/* header */.wx)(status.headers, 'range'), start);
        if (held < start || held > start + chunk.length) {
            throw new RegistryError(`${context(client, req)}: the registry holds ${held} bytes, expected ${start} to ${start + chunk.length}`);
        }
        chunk = chunk.subarray(held - start);
        start = held;
        if (chunk.length === 0)
            return location;
    }
}
/**
 * Bytes held according to an upload status `Range: 0-<last>`. Distribution reports an empty upload
 * as `0-0` too, so `0-0` counts as 0 when we had not sent anything before this chunk.
 */
function uploadedBytes(range, start) {
    const m = range === undefined ? null : /^(?:bytes=)?0-(\d+)$/.exec(range.trim());
    if (!m)
        return 0;
    const last = Number(m[1]);
    return last === 0 && start === 0 ? 0 : last + 1;
}
/** `PUT <location>&digest=`: the registry checks the bytes and makes the blob visible. */
async function completeUpload(client, req, location, digest) {
    const url = withDigest(location, digest);
    const res = await client.send({
        method: 'PUT',
        url,
        headers: { 'content-type': 'application/octet-stream', 'content-length': '0' },
        context: context(client, req)
    });
    if (res.status === 201) {
        await (0,http/* discard */.vf)(res.body);
        client.blobInfoCache.recordKnownLocation(client.registry, client.repository, digest);
        return;
    }
    // A retried PUT after a lost answer finds the session gone; the blob may well be there.
    if (res.status === 404 && res.attempts !== undefined && (await blobExists(client, digest))) {
        await (0,http/* discard */.vf)(res.body);
        return;
    }
    throw await client.responseError(res, context(client, req), describeRequest('PUT', url));
}

;// CONCATENATED MODULE: ./src/registry/manifests.ts



function manifestPath(repository, tagOrDigest) {
    return `/v2/${(0,http/* repositoryPath */.SH)(repository)}/manifests/${(0,http/* encodePathSegment */.$9)(tagOrDigest)}`;
}
/** `application/vnd.oci.image.manifest.v1+json; charset=utf-8` → the bare media type, lower-cased. */
function simplifyContentType(value) {
    if (!value)
        return '';
    const type = value.split(';', 1)[0].trim().toLowerCase();
    return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : '';
}
async function getManifest(client, tagOrDigest, accept) {
    const context = `reading manifest ${tagOrDigest} of ${client.name}`;
    const path = manifestPath(client.repository, tagOrDigest);
    const res = await client.send({ method: 'GET', url: path, headers: { accept: accept.join(', ') }, context });
    if (res.status !== 200)
        throw await client.responseError(res, context, describeRequest('GET', res.url));
    noteRateLimit(client, res.headers);
    let bytes;
    try {
        bytes = await (0,http/* readBody */.x8)(res.body, limits/* MAX_MANIFEST_BYTES */.ZJ);
    }
    catch (e) {
        throw new RegistryError(`${context}: ${e.message}`, {
            cause: e,
            request: describeRequest('GET', res.url)
        });
    }
    return {
        bytes,
        contentType: simplifyContentType((0,http/* header */.wx)(res.headers, 'content-type')),
        digestHeader: (0,http/* header */.wx)(res.headers, 'docker-content-digest')
    };
}
/**
 * HEAD the manifest a tag or digest names: undefined when there is none (404). A HEAD costs no
 * body, and Docker Hub does not count it against its pull limit.
 */
async function headManifest(client, tagOrDigest, accept) {
    const context = `checking manifest ${tagOrDigest} of ${client.name}`;
    const path = manifestPath(client.repository, tagOrDigest);
    const res = await client.send({
        method: 'HEAD',
        url: path,
        headers: { accept: accept.join(', ') },
        context
    });
    await (0,http/* discard */.vf)(res.body);
    if (res.status === 404)
        return undefined;
    if (res.status !== 200)
        throw await client.responseError(res, context, describeRequest('HEAD', res.url));
    return {
        digestHeader: (0,http/* header */.wx)(res.headers, 'docker-content-digest'),
        contentType: simplifyContentType((0,http/* header */.wx)(res.headers, 'content-type'))
    };
}
/** PUT the manifest; returns the registry's Docker-Content-Digest, if it sent one. */
async function putManifest(client, tagOrDigest, bytes, mimeType) {
    return (await putManifestAnswer(client, tagOrDigest, bytes, mimeType)).digest;
}
/** PUT the manifest; the registry's Docker-Content-Digest and OCI-Subject (a referrers API registry's answer to a manifest with a subject). */
async function putManifestAnswer(client, tagOrDigest, bytes, mimeType) {
    const context = `writing manifest ${tagOrDigest} to ${client.name}`;
    const path = manifestPath(client.repository, tagOrDigest);
    const res = await client.send({
        method: 'PUT',
        url: path,
        headers: { 'content-type': mimeType, 'content-length': String(bytes.length) },
        body: bytes,
        context
    });
    if (res.status < 200 || res.status > 399) {
        throw await client.responseError(res, context, describeRequest('PUT', res.url));
    }
    await (0,http/* discard */.vf)(res.body);
    const digest = (0,http/* header */.wx)(res.headers, 'docker-content-digest');
    if (digest === undefined) {
        client.log('debug', `${context}: no Docker-Content-Digest in the answer; ${client.registry} may not be a registry`);
    }
    return { digest, subject: (0,http/* header */.wx)(res.headers, 'oci-subject') };
}
/**
 * Whether a manifest PUT failed because the registry does not take this manifest type (the caller
 * may try another type): MANIFEST_INVALID (OpenShift), TAG_INVALID (distribution), and ECR's
 * UNSUPPORTED "Invalid JSON syntax".
 */
function isManifestTypeRejection(e) {
    if (!(e instanceof RegistryError))
        return false;
    if (e.code === 'MANIFEST_INVALID' || e.code === 'TAG_INVALID')
        return true;
    return e.code === 'UNSUPPORTED' && e.message.includes('Invalid JSON syntax');
}
const rateLimitLogged = new Set();
/**
 * Docker Hub's pull limit (`ratelimit-limit: 100;w=21600`, `ratelimit-remaining: 76;w=21600`), logged
 * once per registry and process when a manifest answer carries it. Values are checked before printing.
 */
function noteRateLimit(client, headers) {
    if (rateLimitLogged.has(client.registry))
        return;
    const remaining = (0,http/* header */.wx)(headers, 'ratelimit-remaining');
    const limit = (0,http/* header */.wx)(headers, 'ratelimit-limit');
    const valid = (v) => v !== undefined && /^\d{1,9}(;w=\d{1,9})?$/.test(v.trim());
    if (!valid(remaining))
        return;
    rateLimitLogged.add(client.registry);
    const window = /;w=(\d+)/.exec(remaining)?.[1];
    const of = valid(limit) ? ` of ${limit.split(';')[0]}` : '';
    const per = window ? ` per ${Number(window) / 3600} h` : '';
    client.log('info', `${client.registry} pull limit: ${remaining.split(';')[0].trim()}${of} manifest requests left${per}`);
}

// EXTERNAL MODULE: ./src/reference/docker.ts
var docker = __webpack_require__(9085);
;// CONCATENATED MODULE: ./src/registry/tags.ts
// The tag list of a repository: GET /v2/<name>/tags/list, page by page (`n=`, then the `Link:
// <…>; rel="next"` header the registry sends, else `last=` with the last tag seen). Every name is
// checked against the reference grammar before anyone uses it: a registry's answer is foreign text.




/** The URL of the `rel="next"` link, when the header has one. */
function nextLink(value) {
    if (!value)
        return undefined;
    for (const part of value.split(',')) {
        const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
        if (m && /(?:^|;)\s*rel\s*=\s*"?next"?\s*(?:;|$)/i.test(m[2]))
            return m[1];
    }
    return undefined;
}
function parsePage(bytes, context) {
    let body;
    try {
        body = JSON.parse(bytes.toString('utf8'));
    }
    catch (e) {
        throw new RegistryError(`${context}: the answer is not JSON`, { cause: e });
    }
    const tags = body?.tags;
    if (tags === null || tags === undefined)
        return [];
    if (!Array.isArray(tags))
        throw new RegistryError(`${context}: "tags" is not a list`);
    return tags;
}
/** Every tag of the client's repository, in the registry's order, each a valid tag name. */
async function listTags(client, options = {}) {
    const context = `listing the tags of ${client.name}`;
    const pageSize = options.pageSize ?? 1000;
    const maxPages = options.maxPages ?? 1000;
    const base = `/v2/${(0,http/* repositoryPath */.SH)(client.repository)}/tags/list`;
    const tags = [];
    const seen = new Set();
    const visited = new Set();
    let next = `${base}?n=${pageSize}`;
    while (next !== undefined) {
        if (visited.size >= maxPages)
            throw new RegistryError(`${context}: more than ${maxPages} pages`);
        const res = await client.send({ method: 'GET', url: next, context });
        if (res.status !== 200)
            throw await client.responseError(res, context, describeRequest('GET', res.url));
        visited.add(res.url.href);
        const page = parsePage(await (0,http/* readBody */.x8)(res.body, limits/* MAX_MANIFEST_BYTES */.ZJ), context);
        for (const tag of page) {
            if (typeof tag !== 'string' || !docker/* TAG_RE */.PP.test(tag)) {
                const shown = JSON.stringify(tag)?.slice(0, 80) ?? String(tag);
                client.log('warning', `${context}: ignoring ${shown}, which is not a valid tag name`);
            }
            else if (!seen.has(tag)) {
                seen.add(tag);
                tags.push(tag);
            }
        }
        next = nextPage(res.url, (0,http/* header */.wx)(res.headers, 'link'), visited, context);
    }
    return tags;
}
/** The next page's path: only on the registry's own origin, and never a page already read. */
function nextPage(current, link, visited, context) {
    const target = nextLink(link);
    if (target === undefined)
        return undefined;
    const url = new URL(target, current);
    if (url.origin !== current.origin) {
        throw new RegistryError(`${context}: the next page is on another host (${url.host}); not followed`);
    }
    if (visited.has(url.href))
        throw new RegistryError(`${context}: the next page link goes back to a page already read`);
    return url.pathname + url.search;
}

// EXTERNAL MODULE: ./src/manifest/index.ts + 17 modules
var manifest = __webpack_require__(571);
;// CONCATENATED MODULE: ./src/registry/referrers.ts
// OCI referrers on a registry (distribution-spec 1.1): the referrers API with its pagination, the
// referrers tag schema (a `sha256-<hex>` OCI index kept by clients), and the tag list (cosign's
// `sha256-<hex>.sig` tags). Every answer is capped and checked before use.





/** A tag list or referrers list longer than this many pages is refused (a registry answering in a loop). */
const MAX_PAGES = 1000;
const MAX_TAG_PAGE_BYTES = 4 * 1024 * 1024;
const NO_API = [404, 405, 501];
/** Clients whose registry answered 404 on the referrers endpoint: asked once per client. */
const noReferrersApi = new WeakSet();
/**
 * The `next` URL of a Link header (`<url>; rel="next"`), resolved against the request's URL; only one
 * on the registry's own origin is followed (credentials never go elsewhere).
 */
function referrers_nextPage(value, current) {
    const target = nextLink(value);
    if (target === undefined)
        return undefined;
    const next = new URL(target, current);
    if (next.origin !== current.origin) {
        throw new RegistryError(`the registry's Link header points to another host (${next.origin}); not followed`);
    }
    return next;
}
/** Pages of a paginated GET, each read whole (capped), until there is no `next`. */
async function* pages(client, first, accept, context, notFound) {
    let url = first;
    for (let page = 0; page < MAX_PAGES; page++) {
        const res = await client.send({ method: 'GET', url, headers: { accept }, context });
        // 404 is the spec's "no referrers API"; some registries say it with 405 or 501.
        if (NO_API.includes(res.status) && notFound === 'undefined' && page === 0) {
            await (0,http/* discard */.vf)(res.body);
            yield undefined;
            return;
        }
        if (res.status !== 200)
            throw await client.responseError(res, context, describeRequest('GET', res.url));
        const bytes = await (0,http/* readBody */.x8)(res.body, MAX_TAG_PAGE_BYTES, `${context}: the answer is larger than 4 MiB`);
        yield {
            bytes,
            headers: { filters: (0,http/* header */.wx)(res.headers, 'oci-filters-applied') }
        };
        const next = referrers_nextPage((0,http/* header */.wx)(res.headers, 'link'), res.url);
        if (!next)
            return;
        url = next;
    }
    throw new RegistryError(`${context}: more than ${MAX_PAGES} pages`);
}
/**
 * The referrers of `digest` through the API, every page; undefined when the registry has none (404,
 * or 405/501, on the endpoint: a registry with the API answers an empty index for an unknown digest).
 */
async function listReferrersApi(client, digest, artifactType) {
    if (noReferrersApi.has(client))
        return undefined;
    const query = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : '';
    const path = `/v2/${(0,http/* repositoryPath */.SH)(client.repository)}/referrers/${(0,http/* encodePathSegment */.$9)(digest)}${query}`;
    const context = `listing the referrers of ${digest} in ${client.name}`;
    const descriptors = [];
    let filtered = artifactType !== undefined;
    for await (const page of pages(client, path, manifest/* MediaType */.zu.OCIIndex, context, 'undefined')) {
        if (!page) {
            noReferrersApi.add(client);
            return undefined;
        }
        descriptors.push(...(0,manifest/* parseReferrersIndex */.AH)(page.bytes));
        filtered &&= (page.headers.filters ?? '').split(',').some(f => f.trim() === 'artifactType');
    }
    return { descriptors, via: 'api', filtered };
}
/** The index under the referrers fallback tag of `digest`, or undefined when the tag does not exist. */
async function readFallbackIndex(client, digest) {
    try {
        return await getManifest(client, (0,manifest/* fallbackTag */.fH)(digest), [manifest/* MediaType */.zu.OCIIndex]);
    }
    catch (e) {
        if (e instanceof RegistryError && e.status === 404)
            return undefined;
        throw e;
    }
}
/** The referrers of `digest`: the API, else the fallback tag's index (none when neither exists). */
async function listReferrers(client, digest, artifactType) {
    const api = await listReferrersApi(client, digest, artifactType);
    if (api)
        return api;
    const index = await readFallbackIndex(client, digest);
    return { descriptors: index ? (0,manifest/* parseReferrersIndex */.AH)(index.bytes) : [], via: 'tag', filtered: false };
}
/** Fallback index updates in flight, per registry, repository and tag: this process's writers take turns. */
const updating = new Map();
/**
 * Adds `desc` to the fallback index of `subject`, keeping every entry already there
 * (read-modify-write). Within this process updates of one index take turns. Another process may
 * replace the index between our read and our write (registries offer no conditional PUT): the entry
 * is read back, and the update redone when it was lost.
 */
async function addToFallbackIndex(client, subject, desc) {
    const key = `${client.registry}/${client.repository}:${(0,manifest/* fallbackTag */.fH)(subject)}`;
    const previous = updating.get(key) ?? Promise.resolve();
    const run = previous.then(() => updateFallbackIndex(client, subject, desc));
    const tail = run.catch(() => undefined);
    updating.set(key, tail);
    try {
        await run;
    }
    finally {
        if (updating.get(key) === tail)
            updating.delete(key);
    }
}
async function updateFallbackIndex(client, subject, desc) {
    const tag = (0,manifest/* fallbackTag */.fH)(subject);
    for (let attempt = 0; attempt < 4; attempt++) {
        const current = await readFallbackIndex(client, subject);
        if (current && current.contentType !== '' && current.contentType !== manifest/* MediaType */.zu.OCIIndex) {
            throw new RegistryError(`${client.name}:${tag} holds a ${current.contentType}, not a referrers index; it is left as it is`);
        }
        const merged = (0,manifest/* mergeReferrersIndex */.l1)(current?.bytes, desc);
        if (merged === undefined)
            return;
        await putManifest(client, tag, merged, manifest/* MediaType */.zu.OCIIndex);
        const after = await readFallbackIndex(client, subject);
        if (after && (0,manifest/* parseReferrersIndex */.AH)(after.bytes).some(d => d.digest === desc.digest))
            return;
        client.log('info', `${client.name}:${tag} changed while it was updated; updating it again`);
    }
    throw new RegistryError(`${client.name}:${tag}: another writer kept replacing the referrers index`);
}

;// CONCATENATED MODULE: ./src/registry/index.ts
// The registry client: the distribution API (OCI distribution spec) over node:http (undici only behind proxies).














/***/ }),

/***/ 6795:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ registryClientFor)
/* harmony export */ });
/* harmony import */ var _registry_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5542);

function isEmpty(c) {
    return !c || !(c.username || c.password || c.registryToken || c.identityToken);
}
async function registryClientFor(ref, ctx, access) {
    const options = ctx.registry ?? {};
    let credentials = options.credentials;
    if (isEmpty(credentials) && options.credentialLookup) {
        credentials = await options.credentialLookup(ref.registry, ref.repository);
    }
    return new _registry_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryClient */ .bP({
        registry: ref.registry,
        apiHost: ref.apiHost,
        repository: ref.repository,
        access,
        credentials: isEmpty(credentials) ? undefined : credentials,
        tlsVerify: options.tlsVerify,
        tlsVerifyOff: options.tlsVerifyOff,
        certDir: options.certDir,
        retryTimes: options.retryTimes,
        userAgent: options.userAgent,
        onSecret: options.onSecret,
        proxy: options.proxy,
        signal: ctx.signal,
        blobInfoCache: ctx.blobInfoCache,
        ...(options.log ? { settings: { log: options.log } } : {})
    });
}


/***/ })

};
