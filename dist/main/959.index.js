export const id = 959;
export const ids = [959];
export const modules = {

/***/ 5959:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openStorageDestination: () => (/* binding */ openStorageDestination)
/* harmony export */ });
/* unused harmony exports storageDestinationProperties, StorageImageDestination */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(60571);
/* harmony import */ var _local_digest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(52200);
/* harmony import */ var _local_blob_store_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(67931);
/* harmony import */ var _local_files_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(72437);
/* harmony import */ var _oci_layout_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(17856);
/* harmony import */ var _oci_archive_tar_pack_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(88676);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(31072);
/* harmony import */ var _podman_host_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(86686);
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


/***/ }),

/***/ 66355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ ImageNotFoundError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
// Errors the transports share. The CLI and the Action map `category`/`code` to an exit code.

/** The location exists in principle (or was named correctly), but holds no image matching the reference. */
class ImageNotFoundError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageCopyError */ .xv {
    code = 'not-found';
    constructor(message, hint) {
        super(message, 'not-found', hint);
        this.name = 'ImageNotFoundError';
    }
}


/***/ }),

/***/ 67931:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $A: () => (/* binding */ sizeIfExists),
/* harmony export */   jX: () => (/* binding */ storeBlob),
/* harmony export */   jb: () => (/* binding */ storeBytes)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(72437);
// Storing a blob into a content-addressed file: stream to a unique temp file beside the target,
// then publish it under its digest only once the stream ended without error.



/**
 * Stores `stream` as the blob `info` describes. With an unknown digest (''), the sha256 of the
 * bytes names it. A known size that does not match fails the call, as upstream putBlob does.
 */
async function storeBlob(stream, info, files) {
    // The stream may fail (e.g. a verifier's final check on a small blob) before we pipe it anywhere;
    // without a listener that 'error' event would be uncaught. pipeline() still reports the error.
    stream.on('error', () => undefined);
    const known = info.digest !== '';
    if (known) {
        const file = files.fileFor(info.digest);
        const existing = await sizeIfExists(file);
        if (existing !== undefined) {
            // Same name, same bytes: nothing to write. Still read the stream to its end so that a
            // verification failure in the engine's pipeline surfaces here.
            await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .drain */ .Ze)(stream);
            return { info: { ...info, size: existing }, file, created: false };
        }
    }
    // An unknown digest will be a sha256 one: its temp file goes where sha256 blobs go.
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(files.fileFor(known ? info.digest : `sha256:${'0'.repeat(64)}`));
    await files.makeDirs(dir);
    const temp = (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .tempPath */ .EZ)(dir, 'put-blob');
    const written = await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .writeStreamToNewFile */ .bQ)(stream, temp, known ? undefined : 'sha256');
    const digest = known ? info.digest : written.digest;
    if (info.size >= 0 && written.size !== info.size) {
        await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .removeQuietly */ .S2)(temp);
        throw new Error(`Size mismatch when copying ${digest}, expected ${info.size}, got ${written.size}`);
    }
    const file = files.fileFor(digest);
    const created = await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .publishFile */ .o6)(temp, file);
    return { info: { ...info, digest, size: written.size }, file, created };
}
/** Stores small content-addressed bytes (a manifest) under `file` unless it is already there. */
async function storeBytes(bytes, file, files) {
    if ((await sizeIfExists(file)) !== undefined)
        return false;
    await files.makeDirs(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file));
    const temp = (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .tempPath */ .EZ)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), 'put-manifest');
    try {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.writeFile(temp, bytes, { flag: 'wx', mode: 0o644 });
    }
    catch (e) {
        await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .removeQuietly */ .S2)(temp);
        throw e;
    }
    return (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .publishFile */ .o6)(temp, file);
}
async function sizeIfExists(file) {
    try {
        return (await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(file)).size;
    }
    catch (e) {
        if ((0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .isNotFound */ .c4)(e))
            return undefined;
        throw e;
    }
}


/***/ }),

/***/ 72437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BW: () => (/* binding */ pidStamp),
/* harmony export */   EZ: () => (/* binding */ tempPath),
/* harmony export */   Kb: () => (/* binding */ makeDirectories),
/* harmony export */   S2: () => (/* binding */ removeQuietly),
/* harmony export */   UK: () => (/* binding */ errnoCode),
/* harmony export */   Ze: () => (/* binding */ drain),
/* harmony export */   Zf: () => (/* binding */ writeFileAtomic),
/* harmony export */   bQ: () => (/* binding */ writeStreamToNewFile),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   f1: () => (/* binding */ removeEmptyDirectories),
/* harmony export */   o6: () => (/* binding */ publishFile),
/* harmony export */   s0: () => (/* binding */ pathExists)
/* harmony export */ });
/* harmony import */ var _lazy_builtin_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50839);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _memory_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(28820);
// File operations shared by the file-based transports: temp files published atomically, streams
// written without buffering, directories created (and remembered, so a rollback can remove them).






function errnoCode(e) {
    return typeof e === 'object' && e !== null && 'code' in e
        ? String(e.code)
        : undefined;
}
function isNotFound(e) {
    return errnoCode(e) === 'ENOENT';
}
/**
 * A fresh, unique name in `dir`; dot-prefixed so it is never mistaken for a blob, and carrying this
 * process's pid so that a later process can remove it once this one is dead (stale-temps.ts).
 */
function tempPath(dir, label, kind = 'tmp') {
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, `.${label}-${pidStamp()}.${kind}`);
}
/** `<pid>-<16 hex>`: the part of every temp name that says whose it is (stale-temps.ts). */
function pidStamp() {
    return `${process.pid}-${(0,_lazy_builtin_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeCrypto */ .S)().randomBytes(8).toString('hex')}`;
}
async function removeQuietly(p) {
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(p, { force: true, recursive: true }).catch(() => undefined);
}
async function pathExists(p) {
    try {
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.lstat(p);
        return true;
    }
    catch (e) {
        if (isNotFound(e))
            return false;
        throw e;
    }
}
/**
 * Gives a complete temp file the name `target`, unless `target` already exists (content-addressed
 * files with the same name hold the same bytes). Returns whether this call created `target`.
 * A hard link fails with EEXIST instead of replacing, which tells us exactly who created the file;
 * where links are unsupported, falls back to rename. `temp` is gone afterwards in every case.
 */
async function publishFile(temp, target) {
    try {
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.link(temp, target);
    }
    catch (e) {
        if (errnoCode(e) === 'EEXIST') {
            await removeQuietly(temp);
            return false;
        }
        try {
            if (await pathExists(target)) {
                await removeQuietly(temp);
                return false;
            }
            await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(temp, target);
            return true;
        }
        catch (renameError) {
            await removeQuietly(temp);
            throw renameError;
        }
    }
    await removeQuietly(temp);
    return true;
}
/**
 * Streams `stream` into a new file `file` (which must not exist), fsyncs it, and reports its size.
 * If the stream errors (including on its last chunk, as the engine's verifier does), the file is
 * removed and the error rethrown.
 */
async function writeStreamToNewFile(stream, file, hashAlgorithm) {
    (0,_memory_js__WEBPACK_IMPORTED_MODULE_5__/* .startMemoryPacing */ .ER)();
    const hash = hashAlgorithm === undefined ? undefined : (0,_lazy_builtin_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeCrypto */ .S)().createHash(hashAlgorithm);
    let size = 0;
    const handle = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.open(file, 'wx', 0o644);
    try {
        try {
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)(stream, fileSink(handle, chunk => {
                size += chunk.length;
                hash?.update(chunk);
            }));
            await handle.sync();
        }
        finally {
            await handle.close();
        }
    }
    catch (e) {
        await removeQuietly(file);
        throw e;
    }
    return { size, digest: hash === undefined ? undefined : `${hashAlgorithm}:${hash.digest('hex')}` };
}
/**
 * a Writable onto an open file that leaves the handle open (for fsync); counts in place (no Transform
 * hop), and gathers chunks until FILE_CHUNK_BYTES are there before it writes them in one writev:
 * each write is a promise and a trip to node's thread pool, which cost more on the main thread than
 * the bytes held (a socket gives 64 KiB chunks).
 */
function fileSink(handle, onChunk) {
    let held = [];
    let heldBytes = 0;
    const writeHeld = () => {
        const buffers = held;
        held = [];
        heldBytes = 0;
        return buffers.length === 0 ? Promise.resolve() : writeAll(handle, buffers);
    };
    const take = (buffers, callback) => {
        for (const b of buffers) {
            onChunk(b);
            held.push(b);
            heldBytes += b.length;
        }
        if (heldBytes < _memory_js__WEBPACK_IMPORTED_MODULE_5__/* .FILE_CHUNK_BYTES */ .l8)
            return callback();
        writeHeld().then(() => callback(), callback);
    };
    return new node_stream__WEBPACK_IMPORTED_MODULE_3__.Writable({
        // what waits while a write runs; the gathered chunks are the file end's FILE_CHUNK_BYTES
        highWaterMark: _memory_js__WEBPACK_IMPORTED_MODULE_5__/* .STAGE_BUFFER_BYTES */ .Go,
        write(chunk, _encoding, callback) {
            take([chunk], callback);
        },
        writev(chunks, callback) {
            take(chunks.map(c => c.chunk), callback);
        },
        final(callback) {
            writeHeld().then(() => callback(), callback);
        }
    });
}
async function writeAll(handle, buffers) {
    const total = buffers.reduce((n, b) => n + b.length, 0);
    const written = (await handle.writev(buffers)).bytesWritten;
    if (written < total) {
        const rest = Buffer.concat(buffers).subarray(written);
        for (let offset = 0; offset < rest.length;) {
            offset += (await handle.write(rest, offset, rest.length - offset, null)).bytesWritten;
        }
    }
}
/** Reads a stream to its end, discarding the bytes, so that its errors (e.g. a failed verification) surface. */
async function drain(stream) {
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)(stream, new node_stream__WEBPACK_IMPORTED_MODULE_3__.Writable({
        write(_chunk, _encoding, callback) {
            callback();
        }
    }));
}
/** Writes `data` to `target` through a temp file in the same directory and a rename. */
async function writeFileAtomic(target, data) {
    const temp = tempPath(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(target), node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(target));
    try {
        const handle = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.open(temp, 'wx', 0o644);
        try {
            await handle.writeFile(data);
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(temp, target);
    }
    catch (e) {
        await removeQuietly(temp);
        throw e;
    }
}
/** mkdir -p that returns the directories it created, outermost first. */
async function makeDirectories(dir) {
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(dir);
    const first = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(absolute, { recursive: true });
    if (first === undefined)
        return [];
    const created = [];
    for (let d = absolute;; d = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(d)) {
        created.unshift(d);
        if (d === first || node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(d) === d)
            break;
    }
    return created;
}
/** Removes directories (given outermost first) that are still empty; the others are left alone. */
async function removeEmptyDirectories(created) {
    for (const d of [...created].reverse()) {
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rmdir(d).catch(() => undefined);
    }
}


/***/ }),

/***/ 88676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ packDirectoryInto),
/* harmony export */   Pq: () => (/* binding */ archiveTimestamp),
/* harmony export */   jG: () => (/* binding */ packDirectory)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(56118);
/* harmony import */ var _local_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(72437);
// Writes a directory as a tar, deterministically: entries in depth-first byte order of their names
// (directories with a trailing `/`, no entry for the root, as upstream's TarWithOptions), uid/gid
// 0, modes 0755/0644, and one fixed mtime for every entry.






/** The mtime of every entry: $SOURCE_DATE_EPOCH (seconds) when set to an integer, else the Unix epoch. */
function archiveTimestamp(env = process.env) {
    const epoch = env.SOURCE_DATE_EPOCH;
    return epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date(0);
}
/** Writes `dir` as a tar to `outFile`, which must not exist; on failure nothing is left at `outFile`. */
async function packDirectory(dir, outFile, mtime) {
    await packDirectoryInto(dir, mtime, tarStream => (0,_local_files_js__WEBPACK_IMPORTED_MODULE_5__/* .writeStreamToNewFile */ .bQ)(tarStream, outFile).then(() => undefined));
}
/**
 * Streams `dir` as a tar into `consume` (a file writer, an HTTP request body) and resolves with what
 * it resolves with; when either side fails, the other is stopped and the first error is thrown.
 */
async function packDirectoryInto(dir, mtime, consume) {
    const entries = await listTree(dir, '');
    const pack = tar_stream__WEBPACK_IMPORTED_MODULE_4__.pack();
    // tar-stream's streams are streamx streams; Readable.from gives the Node stream our writer expects.
    const writing = consume(node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.from(pack));
    writing.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
    const common = { uid: 0, gid: 0, uname: '', gname: '', mtime };
    const produce = async () => {
        for (const e of entries) {
            if (e.directory) {
                await new Promise((resolve, reject) => pack.entry({ ...common, name: `${e.name}/`, type: 'directory', mode: 0o755 }, err => err ? reject(err) : resolve()));
            }
            else {
                await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(e.file), pack.entry({ ...common, name: e.name, type: 'file', mode: 0o644, size: e.size }));
            }
        }
        pack.finalize();
    };
    const producing = produce();
    producing.catch(() => undefined);
    try {
        // If writing fails first, stop waiting for entries it will never take.
        await Promise.race([producing, writing.then(() => undefined)]);
    }
    catch (e) {
        pack.destroy(e);
        await writing.catch(() => undefined);
        throw e;
    }
    return writing;
}
async function listTree(dir, prefix) {
    const names = (await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readdir(dir)).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const out = [];
    for (const n of names) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, n);
        const name = prefix === '' ? n : `${prefix}/${n}`;
        const stat = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.lstat(file);
        if (stat.isDirectory()) {
            out.push({ name, file, directory: true, size: 0 });
            out.push(...(await listTree(file, name)));
        }
        else if (stat.isFile()) {
            out.push({ name, file, directory: false, size: stat.size });
        }
    }
    return out;
}


/***/ }),

/***/ 17856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EP: () => (/* binding */ REF_NAME_ANNOTATION),
/* harmony export */   Fr: () => (/* binding */ newIndex),
/* harmony export */   Jt: () => (/* binding */ serializeIndex),
/* harmony export */   K$: () => (/* binding */ INDEX_FILE),
/* harmony export */   P7: () => (/* binding */ refName),
/* harmony export */   cP: () => (/* binding */ selectDescriptor),
/* harmony export */   gI: () => (/* binding */ LAYOUT_FILE),
/* harmony export */   nD: () => (/* binding */ blobPath),
/* harmony export */   oP: () => (/* binding */ addManifestToIndex),
/* harmony export */   sZ: () => (/* binding */ LAYOUT_FILE_CONTENT),
/* harmony export */   vY: () => (/* binding */ readIndex),
/* harmony export */   xl: () => (/* binding */ BLOBS_DIR)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(66355);
/* harmony import */ var _local_digest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(52200);
/* harmony import */ var _local_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(72437);
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(60571);
// The OCI image layout on disk: file names, index.json reading/writing, descriptor lookup.







const REF_NAME_ANNOTATION = 'org.opencontainers.image.ref.name';
const LAYOUT_FILE = 'oci-layout';
const INDEX_FILE = 'index.json';
const BLOBS_DIR = 'blobs';
const LAYOUT_FILE_CONTENT = '{"imageLayoutVersion":"1.0.0"}';
/** `<blobDir>/<algorithm>/<hex>`; the digest is validated so it cannot escape the directory. */
function blobPath(blobDir, digest) {
    const { algorithm, hex } = (0,_local_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDigest */ .m)(digest);
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(blobDir, algorithm, hex);
}
function newIndex() {
    return { schemaVersion: 2, mediaType: _manifest_index_js__WEBPACK_IMPORTED_MODULE_6__/* .MediaType */ .zu.OCIIndex, manifests: [] };
}
/** The layout's index.json, or undefined when there is none. */
async function readIndex(layoutDir) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(layoutDir, INDEX_FILE);
    let text;
    try {
        text = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(file, 'utf8');
    }
    catch (e) {
        if ((0,_local_files_js__WEBPACK_IMPORTED_MODULE_5__/* .isNotFound */ .c4)(e))
            return undefined;
        const code = e.code;
        const reason = code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read: ${e.message}`;
        throw new Error(`${file} ${reason}`, { cause: e });
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (e) {
        throw new Error(`${file} is not valid JSON: ${e.message}`, { cause: e });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new Error(`${file} is not an OCI image index`);
    }
    const index = parsed;
    if (index.manifests === undefined || index.manifests === null)
        index.manifests = [];
    if (!Array.isArray(index.manifests))
        throw new Error(`${file}: "manifests" is not an array`);
    index.manifests.forEach((d, i) => {
        if (typeof d !== 'object' || d === null || typeof d.digest !== 'string') {
            throw new Error(`${file}: a manifest descriptor has no digest`);
        }
        try {
            (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_6__/* .checkDigestField */ .vj)(d.digest, `manifests[${i}].digest`);
        }
        catch (e) {
            throw new Error(`${e.message} of ${file}`, { cause: e });
        }
    });
    return index;
}
function serializeIndex(index) {
    return JSON.stringify(index);
}
function refName(d) {
    return d.annotations?.[REF_NAME_ANNOTATION] ?? '';
}
/**
 * Adds the descriptor of a committed image, as containers/image oci_dest.go addManifest does:
 * the first older entry carrying the same ref name loses that annotation (the entry itself stays);
 * an unnamed entry with the same digest is replaced whole; otherwise the descriptor is appended.
 */
function addManifestToIndex(index, desc) {
    const name = refName(desc);
    if (name !== '') {
        for (const m of index.manifests) {
            if (m.annotations !== undefined && refName(m) === name) {
                delete m.annotations[REF_NAME_ANNOTATION];
                // Go marshals an empty annotations map as nothing (omitempty).
                if (Object.keys(m.annotations).length === 0)
                    delete m.annotations;
                break;
            }
        }
    }
    const same = index.manifests.findIndex(m => m.digest === desc.digest && refName(m) === '');
    if (same >= 0)
        index.manifests[same] = desc;
    else
        index.manifests.push(desc);
}
// Media types a ref name may point at (oci_transport.go getManifestDescriptor).
const NAMEABLE_TYPES = [
    _manifest_index_js__WEBPACK_IMPORTED_MODULE_6__/* .MediaType */ .zu.OCIManifest,
    _manifest_index_js__WEBPACK_IMPORTED_MODULE_6__/* .MediaType */ .zu.OCIIndex,
    _manifest_index_js__WEBPACK_IMPORTED_MODULE_6__/* .MediaType */ .zu.DockerV2Schema2,
    _manifest_index_js__WEBPACK_IMPORTED_MODULE_6__/* .MediaType */ .zu.DockerV2List
];
/**
 * The index.json entry a source reference means. `label` names the reference and `where` the
 * layout in messages. Returns undefined for a digest that no entry of index.json has.
 */
function selectDescriptor(index, selection, label, where) {
    const manifests = index.manifests;
    switch (selection.kind) {
        case 'index': {
            const d = manifests[selection.index];
            if (d === undefined) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ImageNotFoundError */ .Z(`${label}: index @${selection.index} is too large, only ${manifests.length} entries in ${where}`);
            }
            return d;
        }
        case 'digest':
            return manifests.find(m => m.digest === selection.digest);
        case 'name': {
            const unsupported = [];
            for (const d of manifests) {
                if (refName(d) !== selection.name)
                    continue;
                if (NAMEABLE_TYPES.includes(d.mediaType ?? ''))
                    return d;
                unsupported.push(d.mediaType ?? '');
            }
            if (unsupported.length > 0) {
                throw new Error(`${label}: reference ${JSON.stringify(selection.name)} matches unsupported manifest MIME types ${JSON.stringify(unsupported)}`);
            }
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ImageNotFoundError */ .Z(`${label}: no image named ${JSON.stringify(selection.name)} in ${where}; ${listRefs(index)}`);
        }
        case 'only': {
            if (manifests.length === 1)
                return manifests[0];
            if (manifests.length === 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ImageNotFoundError */ .Z(`${label}: ${where} holds no images`);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${label}: ${where} holds ${manifests.length} images; choose one (${listRefs(index)})`, 'add :REF (or @DIGEST, or :@N for the N-th entry of index.json) to the reference');
        }
    }
}
function listRefs(index) {
    const names = [...new Set(index.manifests.map(refName).filter(n => n !== ''))];
    return names.length === 0
        ? 'it has no named images'
        : `refs present: ${names.map(n => JSON.stringify(n)).join(', ')}`;
}


/***/ })

};
