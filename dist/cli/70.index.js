export const id = 70;
export const ids = [70];
export const modules = {

/***/ 980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T2: () => (/* reexport safe */ _tarball_destination_js__WEBPACK_IMPORTED_MODULE_5__.T),
/* harmony export */   V5: () => (/* reexport safe */ _tar_sink_js__WEBPACK_IMPORTED_MODULE_6__.V),
/* harmony export */   b6: () => (/* reexport safe */ _source_js__WEBPACK_IMPORTED_MODULE_1__.DockerArchiveImageSource),
/* harmony export */   gY: () => (/* reexport safe */ _archive_reader_js__WEBPACK_IMPORTED_MODULE_3__.g),
/* harmony export */   u3: () => (/* reexport safe */ _archive_writer_js__WEBPACK_IMPORTED_MODULE_4__.u)
/* harmony export */ });
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2661);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1211);
/* harmony import */ var _destination_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8372);
/* harmony import */ var _archive_reader_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3460);
/* harmony import */ var _archive_writer_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9963);
/* harmony import */ var _tarball_destination_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(51);
/* harmony import */ var _tar_sink_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2743);
// The `docker-archive:` transport: a `docker save` tar file. Its reader, writer and destination are
// shared with docker-daemon:, which streams the same format through the Docker Engine API.









/***/ }),

/***/ 7070:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openDaemonDestination: () => (/* binding */ openDaemonDestination)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _docker_archive_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(980);
/* harmony import */ var _engine_client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3696);
/* harmony import */ var _engine_host_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8389);
// Loading an image into the Docker daemon: the docker-archive writer's output is streamed as the
// body of POST /images/load?quiet=1 while the blobs arrive (containers/image
// docker/daemon/daemon_dest.go), manifest.json last. As upstream, layers keep their compression
// (`docker load` decompresses them), so every layer's size is known and streams straight through;
// only a layer arriving while another is being sent is spooled to a temp file meanwhile. Nothing
// is loaded unless the archive is complete: close() without commit aborts the request.





async function openDaemonDestination(ref, ctx) {
    if (ref.name === undefined || ref.name.tag === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`invalid destination ${ref.toString()}: a destination must be a name:tag`);
    }
    const engine = (0,_engine_host_js__WEBPACK_IMPORTED_MODULE_4__/* .engineHostFromEnv */ .O)();
    const client = await _engine_client_js__WEBPACK_IMPORTED_MODULE_3__/* .EngineClient */ .A$.open(engine, ctx.signal);
    try {
        await client.ping();
    }
    catch (e) {
        await client.close();
        throw e;
    }
    const body = new node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough();
    const sink = new _docker_archive_index_js__WEBPACK_IMPORTED_MODULE_2__/* .StreamTarSink */ .V5(body, `the image stream to the Docker daemon at ${engine.host}`);
    const loading = client.imageLoad(body);
    // When the engine ends the load early, later writes fail with what it said.
    loading.catch((e) => sink.abort(e));
    const writer = new _docker_archive_index_js__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveWriter */ .u3(sink, { tmpDir: ctx.tmpDir, what: `the image stream to ${engine.host}` });
    return new _docker_archive_index_js__WEBPACK_IMPORTED_MODULE_2__/* .TarballDestination */ .T2(ref, writer, {
        complete: async () => {
            try {
                await loading;
            }
            finally {
                await client.close();
            }
        },
        discard: async (reason) => {
            if (!body.destroyed)
                body.destroy(reason);
            await loading.catch(() => undefined);
            await client.close();
        }
    }, { layers: 'preserve', repoTags: [ref.name], mustMatchRuntimeOS: engine.isDefaultLocal });
}


/***/ }),

/***/ 3696:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A$: () => (/* binding */ EngineClient)
/* harmony export */ });
/* unused harmony exports EngineError, loadMessages */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6752);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(351);
/* harmony import */ var _engine_answer_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5017);
/* harmony import */ var _local_files_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2437);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6355);
// The few Docker Engine API calls the docker-daemon transport makes, over undici: /_ping,
// GET /images/get (docker save) and POST /images/load (docker load). Paths carry no API version, so
// the daemon serves its own (any version since 1.24 has these endpoints unchanged).








/** An error the Docker Engine reported, with its message as the engine wrote it. */
class EngineError extends _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ImageCopyError */ .xv {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'EngineError';
    }
}
class EngineClient {
    engine;
    agent;
    signal;
    constructor(engine, agent, signal) {
        this.engine = engine;
        this.agent = agent;
        this.signal = signal;
    }
    /** With `signal`, every call ends at once when it fires, failing with its reason. */
    static async open(engine, signal) {
        const connect = {};
        if (engine.socketPath !== undefined)
            connect.socketPath = engine.socketPath;
        if (engine.tls !== undefined) {
            const read = async (name) => {
                if (engine.tls.certPath === '')
                    return undefined;
                try {
                    return await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(engine.tls.certPath, name));
                }
                catch (e) {
                    if ((0,_local_files_js__WEBPACK_IMPORTED_MODULE_6__/* .isNotFound */ .c4)(e))
                        return undefined;
                    throw e;
                }
            };
            const [ca, cert, key] = await Promise.all([read('ca.pem'), read('cert.pem'), read('key.pem')]);
            Object.assign(connect, { ca, cert, key, rejectUnauthorized: engine.tls.verify });
        }
        connect.timeout = _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .ENGINE_CONNECT_TIMEOUT_MS */ .JN;
        const agent = new undici__WEBPACK_IMPORTED_MODULE_2__/* .Agent */ .g6({
            connect,
            headersTimeout: _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .ENGINE_HEADERS_TIMEOUT_MS */ .tL,
            bodyTimeout: _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .ENGINE_BODY_IDLE_TIMEOUT_MS */ .KW
        });
        return new EngineClient(engine, agent, signal);
    }
    /** Fails with a clear message when no engine answers. */
    async ping() {
        const response = await this.request({
            method: 'GET',
            path: '/_ping',
            headersTimeout: _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .ENGINE_CONNECT_TIMEOUT_MS */ .JN,
            bodyTimeout: _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .ENGINE_CONNECT_TIMEOUT_MS */ .JN
        });
        const text = await this.answer(response, '/_ping');
        if (response.statusCode !== 200)
            throw engineError(response.statusCode, text, 'ping');
    }
    /** `docker save NAME`: the archive stream. */
    async imageSave(name) {
        const response = await this.request({
            method: 'GET',
            path: `/images/get?names=${encodeURIComponent(name)}`
        });
        if (response.statusCode !== 200) {
            const text = await this.answer(response, '/images/get');
            const error = engineError(response.statusCode, text, `saving image ${name}`);
            if (response.statusCode === 404)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ImageNotFoundError */ .Z(error.message);
            throw error;
        }
        return response.body;
    }
    /**
     * `docker load --quiet` of the archive streamed in `body`; resolves with the engine's messages
     * ("Loaded image: …") once it has loaded the image, rejects with the error it reported.
     */
    async imageLoad(body) {
        const response = await this.request({
            method: 'POST',
            path: '/images/load?quiet=1',
            headers: { 'content-type': 'application/x-tar' },
            body,
            // The engine answers once the whole image is stored: no headers deadline, the body's idle one.
            headersTimeout: _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .ENGINE_BODY_IDLE_TIMEOUT_MS */ .KW
        });
        const text = await this.answer(response, '/images/load');
        if (response.statusCode !== 200)
            throw engineError(response.statusCode, text, 'loading the image');
        return loadMessages(text);
    }
    async close() {
        await this.agent.close().catch(() => undefined);
    }
    async request(options) {
        try {
            return await this.agent.request({ origin: this.engine.origin, ...options, signal: this.signal });
        }
        catch (e) {
            throw this.talkError(e);
        }
    }
    async answer(response, endpoint) {
        const what = `the Docker daemon's answer to ${endpoint} at ${this.engine.host}`;
        return (0,_engine_answer_js__WEBPACK_IMPORTED_MODULE_5__/* .readEngineAnswer */ .f)(response, what, message => new EngineError(message), e => this.talkError(e));
    }
    talkError(e) {
        const signal = this.signal;
        if (signal?.aborted)
            return (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .cancellationError */ ._E)(signal);
        const cause = e;
        const timeout = cause.code === 'UND_ERR_HEADERS_TIMEOUT' || cause.code === 'UND_ERR_BODY_TIMEOUT';
        return new EngineError(`cannot talk to the Docker daemon at ${this.engine.host}: ${cause.message}${cause.code ? ` (${cause.code})` : ''}` +
            (timeout ? '; the engine stopped answering (see README "Limits")' : ''));
    }
}
function engineError(status, text, doing) {
    return new EngineError(`docker engine: ${doing} failed (HTTP ${status}): ${(0,_engine_answer_js__WEBPACK_IMPORTED_MODULE_5__/* .engineErrorMessage */ .m)(text)}`, status);
}
/** The JSON messages of a load response; an `error`/`errorDetail` message becomes an EngineError. */
function loadMessages(text) {
    const messages = [];
    for (const line of text.split('\n')) {
        if (line.trim() === '')
            continue;
        let msg;
        try {
            msg = JSON.parse(line);
        }
        catch {
            throw new EngineError(`docker engine: unexpected answer to the image load: ${text.trim().slice(0, 500)}`);
        }
        const detail = typeof msg.errorDetail?.message === 'string' ? msg.errorDetail.message : undefined;
        const error = detail ?? (typeof msg.error === 'string' ? msg.error : undefined);
        if (error !== undefined)
            throw new EngineError(`docker engine reported: ${error}`);
        if (typeof msg.stream === 'string' && msg.stream.trim() !== '')
            messages.push(msg.stream.trim());
    }
    return messages;
}


/***/ }),

/***/ 8389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ engineHostFromEnv)
/* harmony export */ });
/* unused harmony export DEFAULT_DOCKER_HOST */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
// Where the Docker Engine API is: DOCKER_HOST (default unix:///var/run/docker.sock), with TLS as the
// docker CLI and moby's client.FromEnv set it up: DOCKER_CERT_PATH holds ca.pem, cert.pem and key.pem
// (default ~/.docker when only DOCKER_TLS_VERIFY is set); a non-empty DOCKER_TLS_VERIFY verifies the
// server's certificate. tcp:// means https with TLS settings, plain http without.



const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';
function engineHostFromEnv(env = process.env) {
    const host = env.DOCKER_HOST?.trim() || DEFAULT_DOCKER_HOST;
    const certPathEnv = env.DOCKER_CERT_PATH?.trim() ?? '';
    const verify = (env.DOCKER_TLS_VERIFY ?? '') !== '';
    const tls = certPathEnv !== '' || verify
        ? { certPath: certPathEnv || node_path__WEBPACK_IMPORTED_MODULE_1___default().join(env.HOME || node_os__WEBPACK_IMPORTED_MODULE_0___default().homedir(), '.docker'), verify }
        : undefined;
    const scheme = /^([a-z0-9+.-]+):\/\//i.exec(host)?.[1]?.toLowerCase();
    const bad = (reason) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`DOCKER_HOST ${JSON.stringify(host)}: ${reason}`, 'use unix:///path/to/docker.sock or tcp://HOST:PORT');
    };
    switch (scheme) {
        case 'unix': {
            const socketPath = host.slice('unix://'.length);
            if (socketPath === '')
                bad('the socket path is empty');
            return { host, origin: 'http://localhost', socketPath, isDefaultLocal: host === DEFAULT_DOCKER_HOST };
        }
        case 'tcp':
        case 'http':
        case 'https': {
            const secure = scheme === 'https' || (scheme === 'tcp' && tls !== undefined);
            let url;
            try {
                url = new URL(`${secure ? 'https' : 'http'}://${host.slice(scheme.length + 3)}`);
            }
            catch {
                return bad('not a valid address');
            }
            if (url.port === '' && scheme === 'tcp')
                url.port = secure ? '2376' : '2375';
            const base = url.pathname.replace(/\/+$/, '');
            return {
                host,
                origin: `${url.protocol}//${url.host}${base}`,
                tls: secure ? (tls ?? { certPath: '', verify: true }) : undefined,
                isDefaultLocal: false
            };
        }
        case undefined:
            return bad('it has no scheme');
        default:
            return bad(`the ${scheme}:// scheme is not supported`);
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
