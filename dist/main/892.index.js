export const id = 892;
export const ids = [892];
export const modules = {

/***/ 86686:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ej: () => (/* binding */ openPodman)
});

// UNUSED EXPORTS: PODMAN_INSTALL_HINT, PODMAN_MISSING, ROOT_SOCKET

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/auth/credential-helper.ts
var credential_helper = __webpack_require__(55682);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
// EXTERNAL MODULE: ./src/limits.ts
var limits = __webpack_require__(30351);
// EXTERNAL MODULE: ./src/transports/engine-answer.ts
var engine_answer = __webpack_require__(75017);
// EXTERNAL MODULE: ./src/transports/errors.ts
var transports_errors = __webpack_require__(66355);
;// CONCATENATED MODULE: ./src/transports/containers-storage/libpod-client.ts





class PodmanError extends errors/* ImageCopyError */.xv {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'PodmanError';
    }
}
class LibpodClient {
    socketPath;
    agent;
    version;
    signal;
    constructor(socketPath, agent, version, signal) {
        this.socketPath = socketPath;
        this.agent = agent;
        this.version = version;
        this.signal = signal;
    }
    /**
     * Connects and pings; undefined when nothing answers there, or something that is not podman
     * (a Docker Engine answers `_ping` without Libpod-Api-Version).
     */
    static async connect(socketPath, signal) {
        const agent = new undici/* Agent */.g6({
            connect: { socketPath, timeout: limits/* ENGINE_CONNECT_TIMEOUT_MS */.JN },
            headersTimeout: limits/* ENGINE_HEADERS_TIMEOUT_MS */.tL,
            bodyTimeout: limits/* ENGINE_BODY_IDLE_TIMEOUT_MS */.KW
        });
        try {
            const response = await agent.request({
                origin: 'http://d',
                path: '/_ping',
                method: 'GET',
                headersTimeout: limits/* ENGINE_CONNECT_TIMEOUT_MS */.JN,
                bodyTimeout: limits/* ENGINE_CONNECT_TIMEOUT_MS */.JN,
                signal
            });
            await response.body.dump();
            const version = response.headers['libpod-api-version'];
            if (response.statusCode === 200 && typeof version === 'string' && /^\d+(\.\d+){0,2}$/.test(version))
                return new LibpodClient(socketPath, agent, version, signal);
        }
        catch {
            // Nothing answers there (no socket, refused, not HTTP): not a service we can use.
            if (signal?.aborted) {
                await agent.close().catch(() => undefined);
                throw (0,errors/* cancellationError */._E)(signal);
            }
        }
        await agent.close().catch(() => undefined);
        return undefined;
    }
    async info() {
        const doc = asRecord(await this.getJson('/info', 'reading the service info'));
        const store = asRecord(doc.store);
        const host = asRecord(doc.host);
        const text = (v, what) => {
            if (typeof v !== 'string' || v === '')
                throw new PodmanError(`podman's info has no ${what}`);
            return v;
        };
        const variant = typeof host.variant === 'string' && host.variant !== '' ? host.variant : undefined;
        return {
            graphRoot: text(store.graphRoot, 'store.graphRoot'),
            driver: text(store.graphDriverName, 'store.graphDriverName'),
            os: text(host.os, 'host.os'),
            architecture: text(host.arch, 'host.arch'),
            variant
        };
    }
    /** The image a name or ID resolves to (podman's own short-name rules); undefined when there is none. */
    async image(nameOrId) {
        const response = await this.request('GET', `/images/${encodeURIComponent(nameOrId)}/json`);
        const text = await this.answer(response, 'images/json');
        if (response.statusCode === 404)
            return undefined;
        if (response.statusCode !== 200)
            throw podmanError(response.statusCode, text, `inspecting ${nameOrId}`);
        const doc = asRecord(parseJson(text));
        const strings = (v) => (Array.isArray(v) ? v.filter(s => typeof s === 'string') : []);
        if (typeof doc.Id !== 'string' || !/^[a-f0-9]{64}$/.test(doc.Id))
            throw new PodmanError(`podman's description of ${nameOrId} has no valid Id`);
        return {
            id: doc.Id,
            digest: typeof doc.Digest === 'string' ? doc.Digest : '',
            repoDigests: strings(doc.RepoDigests),
            repoTags: strings(doc.RepoTags)
        };
    }
    /** `podman save --format docker-archive ID`: the archive stream (layers uncompressed, byte-exact). */
    async saveDockerArchive(id) {
        const response = await this.request('GET', `/images/${encodeURIComponent(id)}/get?format=docker-archive`);
        if (response.statusCode !== 200) {
            const error = podmanError(response.statusCode, await this.answer(response, 'images/get'), `exporting ${id}`);
            if (response.statusCode === 404)
                throw new transports_errors/* ImageNotFoundError */.Z(error.message);
            throw error;
        }
        return response.body;
    }
    /** `podman load` of the archive streamed in `body`; resolves with the names podman reports. */
    async load(body) {
        const response = await this.request('POST', '/images/load', {
            body,
            headers: { 'content-type': 'application/x-tar' },
            headersTimeout: limits/* ENGINE_BODY_IDLE_TIMEOUT_MS */.KW
        });
        const text = await this.answer(response, 'images/load');
        if (response.statusCode !== 200)
            throw podmanError(response.statusCode, text, 'loading the image');
        const doc = asRecord(parseJson(text));
        return Array.isArray(doc.Names) ? doc.Names.filter(n => typeof n === 'string') : [];
    }
    async close() {
        await this.agent.close().catch(() => undefined);
    }
    async getJson(path, doing) {
        const response = await this.request('GET', path);
        const text = await this.answer(response, path);
        if (response.statusCode !== 200)
            throw podmanError(response.statusCode, text, doing);
        return parseJson(text);
    }
    async request(method, path, extra = {}) {
        try {
            return await this.agent.request({
                origin: 'http://d',
                method,
                path: `/v${this.version}/libpod${path}`,
                signal: this.signal,
                ...extra
            });
        }
        catch (e) {
            throw this.talkError(e);
        }
    }
    async answer(response, endpoint) {
        const what = `podman's answer to ${endpoint} at ${this.socketPath}`;
        return (0,engine_answer/* readEngineAnswer */.f)(response, what, message => new PodmanError(message), e => this.talkError(e));
    }
    talkError(e) {
        if (this.signal?.aborted)
            return (0,errors/* cancellationError */._E)(this.signal);
        const cause = e;
        return new PodmanError(`cannot talk to podman at ${this.socketPath}: ${cause.message}${cause.code ? ` (${cause.code})` : ''}`);
    }
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        throw new PodmanError(`podman answered something that is not JSON: ${JSON.stringify(text.slice(0, 200))}`);
    }
}
function asRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {};
}
function podmanError(status, text, doing) {
    const message = JSON.stringify((0,engine_answer/* engineErrorMessage */.m)(text)).slice(1, -1);
    return new PodmanError(`podman: ${doing} failed (HTTP ${status}): ${message}`, status);
}

;// CONCATENATED MODULE: ./src/transports/containers-storage/podman-host.ts
// Finding podman's libpod service, or starting one for the duration of a copy. Order: CONTAINER_HOST
// (unix:// only), the rootless default socket ($XDG_RUNTIME_DIR/podman/podman.sock), the root one
// (/run/podman/podman.sock). A service is used only when it serves the store the reference names. When
// none answers, `podman [store flags] system service --time=60 unix://<tmp>/podman.sock` is started
// (the finite --time makes an orphan exit on its own) and stopped on close: SIGTERM, then SIGKILL
// after 10 s. It is not detached, so a cancelled job ends it too.







const ROOT_SOCKET = '/run/podman/podman.sock';
const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;
const IDLE_EXIT_SECONDS = 60;
const PODMAN_MISSING = 'the containers-storage: transport needs podman, and no podman service answers and no podman program is on PATH';
const PODMAN_INSTALL_HINT = 'install podman (Debian/Ubuntu: sudo apt-get install -y podman; Fedora: sudo dnf install -y podman), or set CONTAINER_HOST=unix:///path/to/podman.sock';
async function openPodman(store, ctx, env = process.env) {
    const log = ctx.registry?.log ?? (() => undefined);
    for (const socket of candidateSockets(env)) {
        const client = await LibpodClient.connect(socket, ctx.signal);
        if (!client)
            continue;
        const info = await infoOrClose(client);
        if (servesStore(info, store)) {
            log('debug', `containers-storage: podman ${client.version} at ${socket}, store ${info.graphRoot}`);
            return { client, info, description: socket, close: () => client.close() };
        }
        log('debug', `containers-storage: the podman service at ${socket} serves ${info.graphRoot}, not the store named`);
        await client.close();
    }
    return startService(store, ctx, log, env);
}
/** The service's info; on failure the client is closed before the error is thrown. */
async function infoOrClose(client) {
    try {
        return await client.info();
    }
    catch (e) {
        await client.close();
        throw e;
    }
}
function candidateSockets(env) {
    const sockets = [];
    const host = env.CONTAINER_HOST?.trim();
    if (host) {
        if (!host.startsWith('unix://') || host.length === 'unix://'.length)
            throw new errors/* UsageError */.eb(`CONTAINER_HOST ${JSON.stringify(host)}: only a local unix:///path/to/podman.sock is supported by containers-storage:`, 'unset CONTAINER_HOST to use (or start) the local podman');
        sockets.push(host.slice('unix://'.length));
    }
    if (env.XDG_RUNTIME_DIR)
        sockets.push(external_node_path_default().join(env.XDG_RUNTIME_DIR, 'podman', 'podman.sock'));
    sockets.push(ROOT_SOCKET);
    return [...new Set(sockets)];
}
function servesStore(info, store) {
    if (!store)
        return true;
    if (store.driver !== undefined && store.driver !== info.driver)
        return false;
    return canonical(store.graphRoot) === canonical(info.graphRoot);
}
function canonical(p) {
    try {
        return (0,external_node_fs_.realpathSync)(p);
    }
    catch {
        return external_node_path_default().resolve(p);
    }
}
function serviceArgs(store, socket) {
    const args = [];
    if (store) {
        args.push('--root', store.graphRoot);
        if (store.runRoot)
            args.push('--runroot', store.runRoot);
        if (store.driver)
            args.push('--storage-driver', store.driver);
        for (const option of store.options)
            args.push('--storage-opt', option);
    }
    // The service only loads and exports images: no systemd or journald is needed for that.
    args.push('--cgroup-manager=cgroupfs', '--events-backend=file');
    args.push('system', 'service', `--time=${IDLE_EXIT_SECONDS}`, `unix://${socket}`);
    return args;
}
async function startService(store, ctx, log, env) {
    const podman = await (0,credential_helper/* findExecutable */.oq)('podman', env);
    if (!podman)
        throw new errors/* ImageCopyError */.xv(PODMAN_MISSING, 'failure', PODMAN_INSTALL_HINT);
    const service = await ServiceProcess.spawn(podman, store, env);
    const deadline = Date.now() + START_TIMEOUT_MS;
    try {
        for (;;) {
            if (service.exited)
                throw new errors/* ImageCopyError */.xv(`podman system service exited during start:\n${await service.tail()}`);
            const client = await LibpodClient.connect(service.socket, ctx.signal);
            if (client) {
                const info = await infoOrClose(client);
                log('info', `containers-storage: started podman ${client.version} for this copy (store ${info.graphRoot})`);
                const close = async () => {
                    await client.close();
                    await service.stop();
                };
                return { client, info, description: 'a podman service started for this copy', close };
            }
            if (Date.now() > deadline)
                throw new errors/* ImageCopyError */.xv(`podman system service did not answer within ${START_TIMEOUT_MS / 1000} s:\n${await service.tail()}`);
            await new Promise(resolve => setTimeout(resolve, 100));
        }
    }
    catch (e) {
        await service.stop();
        throw e;
    }
}
/** A `podman system service` child, its socket and log in a temp dir that stop() removes. */
class ServiceProcess {
    child;
    dir;
    exited = false;
    exit;
    constructor(child, dir) {
        this.child = child;
        this.dir = dir;
        // A spawn failure emits 'error', and 'exit' may then never come: either ends it.
        this.exit = new Promise(resolve => {
            const ended = () => {
                this.exited = true;
                resolve();
            };
            child.once('exit', ended);
            child.once('error', ended);
        });
    }
    static async spawn(podman, store, env) {
        // Short: a unix socket path has at most 107 bytes.
        const dir = await external_node_fs_.promises.mkdtemp(external_node_path_default().join(external_node_os_default().tmpdir(), 'image-copy-podman-'));
        const out = (0,external_node_fs_.openSync)(external_node_path_default().join(dir, 'service.log'), 'a');
        try {
            // With CONTAINER_HOST (or CONTAINER_CONNECTION) set, podman is a remote client and has no --root.
            const local = { ...env };
            delete local.CONTAINER_HOST;
            delete local.CONTAINER_CONNECTION;
            const args = serviceArgs(store, external_node_path_default().join(dir, 'podman.sock'));
            return new ServiceProcess((0,external_node_child_process_.spawn)(podman, args, { stdio: ['ignore', out, out], env: local }), dir);
        }
        finally {
            (0,external_node_fs_.closeSync)(out);
        }
    }
    get socket() {
        return external_node_path_default().join(this.dir, 'podman.sock');
    }
    /** The last lines of its output, for an error. */
    async tail() {
        const text = await external_node_fs_.promises.readFile(external_node_path_default().join(this.dir, 'service.log'), 'utf8').catch(() => '');
        return text.trim().split('\n').slice(-10).join('\n');
    }
    /** SIGTERM, SIGKILL after a grace period, then the temp dir removed. */
    async stop() {
        if (!this.exited) {
            this.child.kill('SIGTERM');
            const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
            await this.exit;
            clearTimeout(timer);
        }
        await external_node_fs_.promises.rm(this.dir, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 3892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openStorageSource: () => (/* binding */ openStorageSource)
});

// UNUSED EXPORTS: StorageImageSource

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/manifest/index.ts + 17 modules
var src_manifest = __webpack_require__(60571);
// EXTERNAL MODULE: ./src/transports/docker-archive/archive-format.ts
var archive_format = __webpack_require__(88772);
// EXTERNAL MODULE: ./src/transports/docker-archive/index.ts
var docker_archive = __webpack_require__(30980);
// EXTERNAL MODULE: ./src/transports/types.ts + 1 modules
var types = __webpack_require__(31072);
// EXTERNAL MODULE: ./src/transports/containers-storage/podman-host.ts + 1 modules
var podman_host = __webpack_require__(86686);
// EXTERNAL MODULE: ./src/reference/docker.ts
var docker = __webpack_require__(19085);
// EXTERNAL MODULE: ./src/transports/errors.ts
var transports_errors = __webpack_require__(66355);
;// CONCATENATED MODULE: ./src/transports/containers-storage/resolve.ts
// Which stored image a containers-storage: source reference means. The store's own records are read
// first (a podman manifest list is only visible there: the API resolves a list's name to one of its
// images), then podman is asked, which applies its short-name rules and resolves ID prefixes.


async function resolveImage(ref, client, meta) {
    const found = (id) => ({ id, record: meta?.byId(id) });
    if (ref.name === undefined || ref.imageId !== undefined) {
        const id = ref.imageId;
        const local = meta?.byIdPrefix(id);
        if (local?.length === 1)
            return found(local[0].id);
        const image = await client.image(id);
        if (image && image.id.startsWith(id))
            return found(image.id);
        throw notFound(ref);
    }
    const names = candidateNames(ref);
    for (const name of names) {
        const record = byName(meta, name, ref.name.digest);
        if (record)
            return found(record.id);
    }
    for (const name of names) {
        const image = await client.image(name);
        if (image)
            return found(image.id);
    }
    throw notFound(ref);
}
/** The normalised name, then (for a name written without a host) docker's reading of it. */
function candidateNames(ref) {
    const names = [ref.name.toString()];
    if (ref.givenName !== undefined && !ref.givenName.startsWith('localhost/')) {
        try {
            names.push((0,docker/* parseDockerReference */.F4)(ref.givenName).toString());
        }
        catch {
            // not a docker name either: the local one only
        }
    }
    return [...new Set(names)];
}
function byName(meta, name, digest) {
    if (!meta)
        return undefined;
    if (digest === undefined)
        return meta.byName(name);
    const repository = name.slice(0, name.indexOf('@'));
    return meta.images.find(i => i.names.some(n => n.startsWith(`${repository}:`) || n.startsWith(`${repository}@`)) &&
        Object.entries(i.bigDataDigests).some(([k, d]) => k.startsWith('manifest') && d === digest));
}
function notFound(ref) {
    const what = ref.name ? ref.name.toString() : `the image with ID ${ref.imageId}`;
    return new transports_errors/* ImageNotFoundError */.Z(`${ref.toString()}: no image ${what} in this store`, '`podman images` lists what the store holds (names of local images start with localhost/)');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/transports/local/files.ts
var files = __webpack_require__(72437);
;// CONCATENATED MODULE: ./src/transports/containers-storage/store-metadata.ts
// Reading a c/storage image store's metadata, read-only and without its locks: images.json and the
// big-data files of one image (<graphroot>/<driver>-images/<id>/<name>, where a key other than
// [0-9a-z.]* is stored as "=" + base64(key), c/storage images.go makeBigDataBaseName). Both are
// replaced by atomic renames, so a read sees one whole version; a stale read fails verification
// against the digest the store records, it never corrupts anything. Everything here is hostile input.





const MAX_IMAGES_JSON = 64 << 20;
const MAX_BIG_DATA = 4 << 20;
class StoreMetadata {
    imagesDir;
    images;
    constructor(imagesDir, images) {
        this.imagesDir = imagesDir;
        this.images = images;
    }
    /** undefined when the store's images.json cannot be read here (another machine, no permission). */
    static async open(graphRoot, driver) {
        const imagesDir = external_node_path_default().join(graphRoot, `${driver}-images`);
        const file = external_node_path_default().join(imagesDir, 'images.json');
        let text;
        try {
            text = (await readCapped(file, MAX_IMAGES_JSON)).toString('utf8');
        }
        catch (e) {
            if ((0,files/* isNotFound */.c4)(e) || e.code === 'EACCES')
                return undefined;
            throw e;
        }
        let doc;
        try {
            doc = JSON.parse(text);
        }
        catch {
            throw new errors/* ImageCopyError */.xv(`${file} is not valid JSON`);
        }
        if (!Array.isArray(doc))
            throw new errors/* ImageCopyError */.xv(`${file} is not a list of images`);
        return new StoreMetadata(imagesDir, doc.map(parseImage).filter(i => i !== undefined));
    }
    byId(id) {
        return this.images.find(i => i.id === id);
    }
    byName(name) {
        return this.images.find(i => i.names.includes(name));
    }
    /** Images whose full ID starts with `prefix`. */
    byIdPrefix(prefix) {
        return this.images.filter(i => i.id.startsWith(prefix));
    }
    /** An image (not a podman list) holding a manifest with this digest. */
    holding(digest) {
        return this.images.find(i => !isPodmanList(i) &&
            i.bigDataNames.some(n => n.startsWith('manifest') && i.bigDataDigests[n] === digest));
    }
    /** A big-data item, verified against the digest the store records for it (when it records one). */
    async bigData(image, key) {
        if (!image.bigDataNames.includes(key))
            return undefined;
        const file = external_node_path_default().join(this.imagesDir, image.id, bigDataFileName(key));
        let bytes;
        try {
            bytes = await readCapped(file, MAX_BIG_DATA);
        }
        catch (e) {
            if ((0,files/* isNotFound */.c4)(e))
                return undefined;
            throw e;
        }
        const recorded = image.bigDataDigests[key];
        if (recorded !== undefined && recorded.startsWith('sha256:')) {
            const actual = (0,src_manifest/* sha256Digest */.sI)(bytes);
            if (actual !== recorded)
                throw new errors/* ImageCopyError */.xv(`${file} hashes to ${actual}, the store records ${recorded}: the store changed while it was read`);
        }
        return bytes;
    }
}
/** A file's bytes, refused when it is larger than `max`; open errors are thrown as they are. */
async function readCapped(file, max) {
    const handle = await external_node_fs_.promises.open(file, 'r');
    try {
        if ((await handle.stat()).size > max)
            throw new errors/* ImageCopyError */.xv(`${file} is too large to read`);
        return await handle.readFile();
    }
    finally {
        await handle.close();
    }
}
/** A list `podman manifest create` made: big data `manifest` and `instances.json`, no layer. */
function isPodmanList(image) {
    return image.bigDataNames.includes('instances.json');
}
function bigDataFileName(key) {
    return /^[0-9a-z.]*$/.test(key) ? key : `=${Buffer.from(key, 'utf8').toString('base64')}`;
}
function parseImage(v) {
    if (typeof v !== 'object' || v === null)
        return undefined;
    const o = v;
    if (typeof o.id !== 'string' || !/^[a-f0-9]{64}$/.test(o.id))
        return undefined;
    const strings = (x) => (Array.isArray(x) ? x.filter(s => typeof s === 'string') : []);
    const digests = {};
    if (typeof o['big-data-digests'] === 'object' && o['big-data-digests'] !== null)
        for (const [k, d] of Object.entries(o['big-data-digests']))
            if (typeof d === 'string')
                digests[k] = d;
    return {
        id: o.id,
        names: strings(o.names),
        bigDataNames: strings(o['big-data-names']),
        bigDataDigests: digests,
        signatureSizes: signatureSizes(o.metadata)
    };
}
function signatureSizes(metadata) {
    if (typeof metadata !== 'string')
        return {};
    try {
        const doc = JSON.parse(metadata);
        const sizes = doc['signatures-sizes'];
        if (typeof sizes !== 'object' || sizes === null)
            return {};
        const out = {};
        for (const [k, list] of Object.entries(sizes))
            if (Array.isArray(list) && list.every(n => Number.isSafeInteger(n) && n >= 0))
                out[k] = list;
        return out;
    }
    catch {
        return {};
    }
}

;// CONCATENATED MODULE: ./src/transports/containers-storage/source.ts
// Reading an image from containers-storage, as containers/image's storage source does, through two
// channels: the original manifest, the configs, the signatures and podman manifest lists are read
// read-only from the store's metadata (store-metadata.ts); layer bytes come from podman as a
// docker-archive export (uncompressed, byte-exact), served as layer-info overrides named by their
// DiffIDs, which the engine compresses again as the destination wants. A podman manifest list
// (`podman manifest create/add`) is read as a list, its instances from the images that hold them.
// When the metadata cannot be read here (another user's store), the source is the export alone: a
// Docker schema2 manifest synthesized from it (said in the log).









async function openStorageSource(ref, ctx) {
    const podman = await (0,podman_host/* openPodman */.Ej)(ref.store, ctx);
    const source = new StorageImageSource(ref, podman, ctx);
    try {
        await source.open();
        return source;
    }
    catch (e) {
        await source.close();
        throw e;
    }
}
class StorageImageSource {
    ref;
    podman;
    ctx;
    properties = (0,types/* sourceProperties */.rj)({ hasThreadSafeGetBlob: true });
    meta;
    top;
    /** The image the reference names (for a podman list: the list's record). */
    image;
    archives = new Map();
    opened = [];
    constructor(ref, podman, ctx) {
        this.ref = ref;
        this.podman = podman;
        this.ctx = ctx;
    }
    async open() {
        const { graphRoot, driver } = this.podman.info;
        this.meta = await StoreMetadata.open(graphRoot, driver);
        this.image = await resolveImage(this.ref, this.podman.client, this.meta);
        const record = this.image.record;
        if (!this.meta || !record) {
            this.ctx.registry?.log?.('info', `containers-storage: the store's metadata (${graphRoot}) cannot be read here: the manifest is rebuilt from podman's export, so its digest differs from the stored one`);
            this.top = await (await this.archiveOf(this.image.id)).getManifest();
            return;
        }
        const key = this.ref.digest !== undefined && !isPodmanList(record) ? `manifest-${this.ref.digest}` : 'manifest';
        this.top = await this.manifestOf(record, key);
    }
    async getManifest(instanceDigest) {
        if (instanceDigest === undefined)
            return this.top;
        const holder = this.holderOf(instanceDigest);
        return this.manifestOf(holder, `manifest-${instanceDigest}`);
    }
    async layerInfosForCopy(instanceDigest) {
        if (!this.image.record)
            return undefined; // the synthesized manifest names the DiffIDs already
        const record = instanceDigest === undefined ? this.image.record : this.holderOf(instanceDigest);
        const manifest = instanceDigest === undefined ? this.top : await this.getManifest(instanceDigest);
        if ((0,src_manifest/* isSchema1MimeType */.rn)(manifest.mimeType))
            throw new errors/* ImageCopyError */.xv(`${this.ref.toString()}: the stored manifest is Docker schema1, which this transport cannot read from containers-storage`);
        const doc = JSON.parse(manifest.bytes.toString('utf8'));
        const configDigest = doc.config?.digest;
        if (typeof configDigest !== 'string' || !Array.isArray(doc.layers))
            throw new errors/* ImageCopyError */.xv(`${this.ref.toString()}: the stored manifest names no config or layers`);
        const config = await this.configBytes(record, configDigest);
        const diffIds = (0,archive_format/* configDiffIds */.eL)(config, `${this.ref.toString()}: config ${configDigest}`);
        if (diffIds.length !== doc.layers.length)
            throw new errors/* ImageCopyError */.xv(`${this.ref.toString()}: the manifest names ${doc.layers.length} layers, the config ${diffIds.length}`);
        const exported = JSON.parse((await (await this.archiveOf(record.id)).getManifest()).bytes.toString('utf8'));
        const mediaType = manifest.mimeType === src_manifest/* MediaType */.zu.OCIManifest
            ? src_manifest/* MediaType */.zu.OCILayer
            : src_manifest/* MediaType */.zu.DockerV2SchemaLayerUncompressed;
        return diffIds.map(digest => ({
            digest,
            size: exported.layers.find(l => l.digest === digest)?.size ?? -1,
            mediaType
        }));
    }
    async getBlob(info) {
        const config = this.meta?.images.find(i => i.bigDataNames.includes(info.digest) && !isPodmanList(i));
        if (config) {
            const bytes = await this.configBytes(config, info.digest);
            return { stream: external_node_stream_.Readable.from([bytes]), size: bytes.length };
        }
        for (const id of this.imageIds()) {
            try {
                return await (await this.archiveOf(id)).getBlob(info);
            }
            catch (e) {
                if (e.code !== 'ENOENT')
                    throw e;
            }
        }
        const error = new Error(`blob ${info.digest} is not a part of ${this.ref.toString()}`);
        error.code = 'ENOENT';
        throw error;
    }
    async getSignatures(instanceDigest) {
        const record = this.image.record;
        if (!record || !this.meta)
            return [];
        const digest = instanceDigest ?? (0,src_manifest/* sha256Digest */.sI)(this.top.bytes);
        const holder = instanceDigest === undefined ? record : this.holderOf(instanceDigest);
        const key = `signature-${digest.slice(digest.indexOf(':') + 1)}`;
        const sizes = holder.signatureSizes[digest] ?? [];
        const bytes = sizes.length > 0 ? await this.meta.bigData(holder, key) : undefined;
        if (!bytes)
            return [];
        const signatures = [];
        let offset = 0;
        for (const size of sizes) {
            if (offset + size > bytes.length)
                throw new errors/* ImageCopyError */.xv(`${this.ref.toString()}: the stored signatures are shorter than their recorded sizes`);
            signatures.push(bytes.subarray(offset, offset + size));
            offset += size;
        }
        return signatures;
    }
    async close() {
        await Promise.all(this.opened.map(a => a.close().catch(() => undefined)));
        await this.podman.close();
    }
    /** The image record holding an instance's manifest (for a podman list, the image it was added from). */
    holderOf(digest) {
        const record = this.image.record;
        if (!isPodmanList(record) && record.bigDataNames.includes(`manifest-${digest}`))
            return record;
        const holder = this.meta?.holding(digest);
        if (!holder)
            throw new errors/* ImageCopyError */.xv(`${this.ref.toString()}: the list names ${digest}, and no image in this store holds it (an instance added from a registry is not stored locally)`);
        return holder;
    }
    /** The images whose layers this source may serve: the one named, or a list's instances. */
    imageIds() {
        const record = this.image.record;
        if (!record || !isPodmanList(record) || !(0,src_manifest/* isListMimeType */.VI)(this.top.mimeType))
            return [this.image.id];
        const digests = JSON.parse(this.top.bytes.toString('utf8')).manifests;
        const ids = (digests ?? []).map(m => (m.digest ? this.meta?.holding(m.digest)?.id : undefined));
        return [...new Set(ids.filter(id => id !== undefined))];
    }
    async manifestOf(record, key) {
        const bytes = await this.meta.bigData(record, key);
        if (!bytes)
            throw new errors/* ImageCopyError */.xv(`${this.ref.toString()}: the store holds no ${key} for image ${record.id}`);
        const digest = key.startsWith('manifest-') ? key.slice('manifest-'.length) : undefined;
        if (digest !== undefined && (0,src_manifest/* sha256Digest */.sI)(bytes) !== digest)
            throw new errors/* ImageCopyError */.xv(`${this.ref.toString()}: the stored ${key} does not hash to ${digest}`);
        return { bytes, mimeType: (0,src_manifest/* guessMimeType */._B)(bytes) };
    }
    async configBytes(record, digest) {
        const bytes = await this.meta.bigData(record, digest);
        if (!bytes || (0,src_manifest/* sha256Digest */.sI)(bytes) !== digest)
            throw new errors/* ImageCopyError */.xv(`${this.ref.toString()}: image ${record.id} holds no config ${digest}`);
        return bytes;
    }
    /** podman's docker-archive export of one image, spooled once and shared. */
    archiveOf(id) {
        let archive = this.archives.get(id);
        if (!archive) {
            archive = (async () => {
                const stream = await this.podman.client.saveDockerArchive(id);
                const where = `image ${id.slice(0, 12)} exported by podman (${this.podman.description})`;
                const reader = await docker_archive/* ArchiveReader */.gY.fromStream(stream, where, this.ctx);
                const source = await docker_archive/* DockerArchiveImageSource */.b6.fromReader(this.ref, reader, { kind: 'only' });
                this.opened.push(source);
                return source;
            })();
            this.archives.set(id, archive);
        }
        return archive;
    }
}


/***/ }),

/***/ 30980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T2: () => (/* reexport safe */ _tarball_destination_js__WEBPACK_IMPORTED_MODULE_5__.T),
/* harmony export */   V5: () => (/* reexport safe */ _tar_sink_js__WEBPACK_IMPORTED_MODULE_6__.V),
/* harmony export */   b6: () => (/* reexport safe */ _source_js__WEBPACK_IMPORTED_MODULE_1__.DockerArchiveImageSource),
/* harmony export */   gY: () => (/* reexport safe */ _archive_reader_js__WEBPACK_IMPORTED_MODULE_3__.g),
/* harmony export */   u3: () => (/* reexport safe */ _archive_writer_js__WEBPACK_IMPORTED_MODULE_4__.u)
/* harmony export */ });
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62661);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(31211);
/* harmony import */ var _destination_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28372);
/* harmony import */ var _archive_reader_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33460);
/* harmony import */ var _archive_writer_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(19963);
/* harmony import */ var _tarball_destination_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(40051);
/* harmony import */ var _tar_sink_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(92743);
// The `docker-archive:` transport: a `docker save` tar file. Its reader, writer and destination are
// shared with docker-daemon:, which streams the same format through the Docker Engine API.









/***/ }),

/***/ 75017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ readEngineAnswer),
/* harmony export */   m: () => (/* binding */ engineErrorMessage)
/* harmony export */ });
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(30351);

/**
 * A short answer as text, capped (an endless answer fails instead of filling memory): over the cap
 * with `tooLarge(message)`, any other read failure with `talkError(e)`.
 */
async function readEngineAnswer(response, what, tooLarge, talkError) {
    try {
        return (await (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .readAtMost */ .rU)(response.body, _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_ENGINE_ANSWER_BYTES */ .r, what)).toString('utf8');
    }
    catch (e) {
        if (e instanceof _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ReadLimitError */ .mF)
            throw tooLarge(e.message);
        throw talkError(e);
    }
}
/** An error answer's JSON `message` (else its text), cut to 500 characters. */
function engineErrorMessage(text) {
    let message = text.trim();
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed.message === 'string')
            message = parsed.message;
    }
    catch {
        // not JSON: the text as it is
    }
    return message.length > 500 ? `${message.slice(0, 500)}…` : message;
}


/***/ })

};
