export const id = 959;
export const ids = [959];
export const modules = {

/***/ 5959:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openStorageDestination: () => (/* binding */ openStorageDestination)
/* harmony export */ });
/* unused harmony exports storageDestinationProperties, StorageImageDestination */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(571);
/* harmony import */ var _local_digest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2200);
/* harmony import */ var _local_blob_store_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7931);
/* harmony import */ var _local_files_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2437);
/* harmony import */ var _oci_layout_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7856);
/* harmony import */ var _oci_archive_tar_pack_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8676);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1072);
/* harmony import */ var _podman_host_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(6686);
// Writing an image into containers-storage through podman: the blobs are laid out as an OCI layout in
// a temp dir, and at commit that layout is streamed as an oci-archive to POST /libpod/images/load,
// so podman stores the manifest bytes and the compressed digests as they are (what skopeo stores for
// the same input). index.json names the image by its fully qualified name, which podman reads as the
// image's name. When one image was chosen from a list, the entry points at the list (the archive
// holds only the chosen image's blobs) when podman would choose that same image, so podman keeps the
// list beside it, as containers/image's storage destination does; otherwise the image alone.
// Nothing reaches the store before commit.












const SUPPORTED_TYPES = [
    _manifest_index_js__WEBPACK_IMPORTED_MODULE_4__/* .MediaType */ .zu.OCIManifest,
    _manifest_index_js__WEBPACK_IMPORTED_MODULE_4__/* .MediaType */ .zu.DockerV2Schema2,
    _manifest_index_js__WEBPACK_IMPORTED_MODULE_4__/* .MediaType */ .zu.DockerV2Schema1Signed,
    _manifest_index_js__WEBPACK_IMPORTED_MODULE_4__/* .MediaType */ .zu.DockerV2Schema1
];
/** storage_dest.go: no list types (a store holds images; a list only beside one of them). */
const storageDestinationProperties = (0,_types_js__WEBPACK_IMPORTED_MODULE_10__/* .destinationProperties */ .a7)({
    supportedManifestMimeTypes: SUPPORTED_TYPES,
    supportsSignatures: 'containers-storage: is written through podman image loads, which carry no signatures (containers/image stores them; this transport does not)',
    desiredLayerCompression: 'preserve',
    mustMatchRuntimeOS: true,
    hasThreadSafePutBlob: true
});
async function openStorageDestination(ref, ctx) {
    if (ref.name === undefined || ref.imageId !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${ref.toString()}: a containers-storage: destination is named NAME[:TAG], not by an image ID`);
    const podman = await (0,_podman_host_js__WEBPACK_IMPORTED_MODULE_11__/* .openPodman */ .Ej)(ref.store, ctx);
    try {
        const dir = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdtemp(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(ctx.tmpDir ?? node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(), 'image-copy-storage-'));
        return new StorageImageDestination(ref, podman, dir, ctx);
    }
    catch (e) {
        await podman.close();
        throw e;
    }
}
class StorageImageDestination {
    ref;
    podman;
    dir;
    ctx;
    properties = storageDestinationProperties;
    blobDir;
    files;
    constructor(ref, podman, dir, ctx) {
        this.ref = ref;
        this.podman = podman;
        this.dir = dir;
        this.ctx = ctx;
        this.blobDir = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'blobs');
        this.files = {
            fileFor: digest => (0,_oci_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .blobPath */ .nD)(this.blobDir, digest),
            makeDirs: async (d) => {
                await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_7__/* .makeDirectories */ .Kb)(d);
            }
        };
    }
    async tryReusingBlob(info) {
        const size = await (0,_local_blob_store_js__WEBPACK_IMPORTED_MODULE_6__/* .sizeIfExists */ .$A)((0,_oci_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .blobPath */ .nD)(this.blobDir, info.digest));
        return size === undefined ? { reused: false } : { reused: true, how: 'exists', info: { ...info, size } };
    }
    async putBlob(stream, info, _options) {
        return (await (0,_local_blob_store_js__WEBPACK_IMPORTED_MODULE_6__/* .storeBlob */ .jX)(stream, info, this.files)).info;
    }
    async putManifest(manifest, instanceDigest) {
        if (instanceDigest !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${this.ref.toString()}: containers-storage: cannot hold a manifest list`);
        if (manifest.mimeType !== '' && !SUPPORTED_TYPES.includes(manifest.mimeType))
            throw new _types_js__WEBPACK_IMPORTED_MODULE_10__/* .ManifestTypeRejectedError */ .Y9(`containers-storage: does not store ${manifest.mimeType} manifests`, manifest.mimeType);
        await (0,_local_blob_store_js__WEBPACK_IMPORTED_MODULE_6__/* .storeBytes */ .jb)(manifest.bytes, (0,_oci_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .blobPath */ .nD)(this.blobDir, (0,_local_digest_js__WEBPACK_IMPORTED_MODULE_5__/* .digestOf */ .ol)(manifest.bytes)), this.files);
    }
    async putSignatures(signatures) {
        if (signatures.length > 0)
            throw new Error(this.properties.supportsSignatures);
    }
    async commit(toplevel, unparsedToplevel) {
        await (0,_local_blob_store_js__WEBPACK_IMPORTED_MODULE_6__/* .storeBytes */ .jb)(toplevel.bytes, (0,_oci_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .blobPath */ .nD)(this.blobDir, (0,_local_digest_js__WEBPACK_IMPORTED_MODULE_5__/* .digestOf */ .ol)(toplevel.bytes)), this.files);
        // What the store names it by: for a signed schema1 manifest, the digest of its payload.
        const digest = (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_4__/* .manifestDigest */ .It)(toplevel.bytes);
        let entry = toplevel;
        if (unparsedToplevel && this.podmanChooses(unparsedToplevel, digest)) {
            entry = unparsedToplevel;
            await (0,_local_blob_store_js__WEBPACK_IMPORTED_MODULE_6__/* .storeBytes */ .jb)(unparsedToplevel.bytes, (0,_oci_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .blobPath */ .nD)(this.blobDir, (0,_local_digest_js__WEBPACK_IMPORTED_MODULE_5__/* .digestOf */ .ol)(unparsedToplevel.bytes)), this.files);
        }
        const name = this.ref.name.toString();
        const index = {
            schemaVersion: 2,
            manifests: [
                {
                    mediaType: entry.mimeType,
                    digest: (0,_local_digest_js__WEBPACK_IMPORTED_MODULE_5__/* .digestOf */ .ol)(entry.bytes),
                    size: entry.bytes.length,
                    annotations: { [_oci_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .REF_NAME_ANNOTATION */ .EP]: name }
                }
            ]
        };
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.writeFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, _oci_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .LAYOUT_FILE */ .gI), _oci_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .LAYOUT_FILE_CONTENT */ .sZ);
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.writeFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, _oci_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .INDEX_FILE */ .K$), JSON.stringify(index));
        const names = await (0,_oci_archive_tar_pack_js__WEBPACK_IMPORTED_MODULE_9__/* .packDirectoryInto */ .Bi)(this.dir, (0,_oci_archive_tar_pack_js__WEBPACK_IMPORTED_MODULE_9__/* .archiveTimestamp */ .Pq)(), body => this.podman.client.load(body));
        this.ctx.registry?.log?.('debug', `containers-storage: podman loaded ${names.join(', ')}`);
        await this.verify(name, digest, toplevel);
    }
    async close() {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(this.dir, { recursive: true, force: true });
        await this.podman.close();
    }
    /** Whether podman, loading the list, stores the image we wrote (it picks for its own platform). */
    podmanChooses(list, written) {
        const log = this.ctx.registry?.log;
        if (!(0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_4__/* .isListMimeType */ .VI)(list.mimeType))
            return false;
        const { os: hostOs, architecture, variant } = this.podman.info;
        let chosen;
        try {
            chosen = (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_4__/* .parseList */ .E1)(list.bytes, list.mimeType).chooseInstance({ os: hostOs, architecture, variant });
        }
        catch {
            chosen = undefined;
        }
        if (chosen === written)
            return true;
        log?.('info', `containers-storage: only the chosen image is stored, not its list ${(0,_local_digest_js__WEBPACK_IMPORTED_MODULE_5__/* .digestOf */ .ol)(list.bytes)}: podman (${hostOs}/${architecture}) would take another image from the list`);
        return false;
    }
    /** The name must now be this image: a name could also have stayed on an older record. */
    async verify(name, digest, toplevel) {
        const image = await this.podman.client.image(name);
        const repo = this.ref.name.name;
        if (!image || !image.repoDigests.includes(`${repo}@${digest}`)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ImageCopyError */ .xv(`podman loaded the image, but ${name} does not name ${digest} in ${this.podman.info.graphRoot}` +
                (image ? ` (it names ${image.repoDigests.join(', ') || 'no digest'})` : ''));
        }
        const config = configDigest(toplevel);
        if (config !== undefined && `sha256:${image.id}` !== config)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ImageCopyError */ .xv(`podman stored ${name} as image ${image.id}, not as ${config}`);
    }
}
function configDigest(manifest) {
    try {
        const doc = JSON.parse(manifest.bytes.toString('utf8'));
        return typeof doc.config?.digest === 'string' ? doc.config.digest : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 6686:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ej: () => (/* binding */ openPodman)
});

// UNUSED EXPORTS: PODMAN_INSTALL_HINT, PODMAN_MISSING, ROOT_SOCKET

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/auth/credential-helper.ts
var credential_helper = __webpack_require__(5682);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./src/limits.ts
var limits = __webpack_require__(351);
// EXTERNAL MODULE: ./src/transports/engine-answer.ts
var engine_answer = __webpack_require__(5017);
// EXTERNAL MODULE: ./src/transports/errors.ts
var transports_errors = __webpack_require__(6355);
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

/***/ 5017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ readEngineAnswer),
/* harmony export */   m: () => (/* binding */ engineErrorMessage)
/* harmony export */ });
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(351);

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
