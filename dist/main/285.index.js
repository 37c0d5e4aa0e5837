export const id = 285;
export const ids = [285];
export const modules = {

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

/***/ 62987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ readSmallFile),
/* harmony export */   F: () => (/* binding */ completeManifest)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60571);
// What a local layout's reference names now, for skipping a copy that would change nothing
// (ImageDestination.existingManifest): reported only when the image is there complete, its
// manifests verified against their digests and every blob they name present.


/** The image `bytes` (stored under `digest`) when it is complete in `store`, else undefined. */
async function completeManifest(store, digest, bytes, declaredType) {
    if (!bytes || !(0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_1__/* .matchesDigest */ ._j)(bytes, digest))
        return undefined;
    const mimeType = declaredType || (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_1__/* .guessMimeTypeOrEmpty */ .KO)(bytes);
    try {
        if (!(0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_1__/* .isListMimeType */ .VI)(mimeType))
            return (await imageComplete(store, bytes, mimeType)) ? { digest, mimeType } : undefined;
        for (const entry of (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseList */ .E1)(bytes, mimeType).instances()) {
            const instance = await store.manifest(entry.digest);
            if (!instance || !(0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_1__/* .matchesDigest */ ._j)(instance, entry.digest))
                return undefined;
            const type = entry.mediaType || (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_1__/* .guessMimeTypeOrEmpty */ .KO)(instance);
            if ((0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_1__/* .isListMimeType */ .VI)(type) || !(await imageComplete(store, instance, type)))
                return undefined;
        }
        return { digest, mimeType };
    }
    catch {
        return undefined; // not a manifest we can read: nothing is known
    }
}
/** Its config and every layer not left out as foreign (URLs) are present. */
async function imageComplete(store, bytes, mimeType) {
    const manifest = (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageManifest */ .Sw)(bytes, mimeType);
    const config = manifest.configDescriptor();
    if (config && !(await store.hasBlob(config.digest)))
        return false;
    for (const layer of manifest.layerInfos()) {
        if (layer.urls && layer.urls.length > 0)
            continue;
        if (!(await store.hasBlob(layer.digest)))
            return false;
    }
    return true;
}
/** A file's bytes when it exists and is no larger than `max`; undefined otherwise. */
async function readSmallFile(file, max) {
    let handle;
    try {
        handle = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.open(file, 'r');
        if ((await handle.stat()).size > max)
            return undefined;
        return await handle.readFile();
    }
    catch {
        return undefined;
    }
    finally {
        await handle?.close();
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

/***/ 24165:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K1: () => (/* binding */ sweepStaleTempDirs),
/* harmony export */   OT: () => (/* binding */ openTempDir),
/* harmony export */   RX: () => (/* binding */ sweepStaleTemps),
/* harmony export */   jW: () => (/* binding */ isProcessAlive),
/* harmony export */   oM: () => (/* binding */ deadTemps),
/* harmony export */   p8: () => (/* binding */ tempBeside),
/* harmony export */   zd: () => (/* binding */ isLiveTemp)
/* harmony export */ });
/* unused harmony exports parseTempName, makeTempDir */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(72437);
// Temp entries carry the pid of the process that made them (`.<label>-<pid>-<random>.<kind>`, or
// `<prefix><pid>-<random>` for temp directories), so that a later process can tell the leftovers of
// a killed copy from the work of a live one and remove only the former (`process.kill(pid, 0)`).
// A pid reused by an unrelated live process only delays a sweep; it never removes live work.



const TEMP_NAME = /^\.(.+)-(\d+)-([0-9a-f]{16})\.(tmp|old)$/;
/** The parts of a name tempPath made; undefined for any other name. */
function parseTempName(name) {
    const m = TEMP_NAME.exec(name);
    return m ? { label: m[1], pid: Number(m[2]), kind: m[4] } : undefined;
}
/** Whether a process with this pid exists (EPERM: it exists, owned by someone else). */
function isProcessAlive(pid) {
    if (!Number.isSafeInteger(pid) || pid <= 0)
        return false;
    if (pid === process.pid)
        return true;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .errnoCode */ .UK)(e) === 'EPERM';
    }
}
/** A fresh temp directory `<parent>/<prefix><pid>-<random>`. */
async function makeTempDir(parent, prefix) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(parent, `${prefix}${(0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .pidStamp */ .BW)()}`);
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(dir, { mode: 0o700 });
    return dir;
}
async function namesIn(dir) {
    try {
        return await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readdir(dir);
    }
    catch (e) {
        if ((0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .isNotFound */ .c4)(e) || (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .errnoCode */ .UK)(e) === 'ENOTDIR' || (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .errnoCode */ .UK)(e) === 'EACCES')
            return [];
        throw e;
    }
}
/** Whether `name` is a temp entry of a process that is still running (never to be touched). */
function isLiveTemp(name) {
    const t = parseTempName(name);
    return t !== undefined && isProcessAlive(t.pid);
}
/** The temp entries in `dir` that dead processes left, for the labels `accept` takes (all when absent). */
async function deadTemps(dir, accept = () => true) {
    const found = [];
    for (const name of await namesIn(dir)) {
        const t = parseTempName(name);
        if (t !== undefined && accept(t) && !isProcessAlive(t.pid))
            found.push({ ...t, file: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name) });
    }
    return found;
}
/** Removes the temp entries in `dir` that dead processes left, for the labels `accept` takes. */
async function sweepStaleTemps(dir, accept) {
    for (const t of await deadTemps(dir, accept))
        await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .removeQuietly */ .S2)(t.file);
}
/** A fresh temp name beside `target` (`.<name>-<pid>-<random>.tmp`), after removing dead processes' ones. */
async function tempBeside(target) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(target);
    const name = node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(target);
    await sweepStaleTemps(dir, t => t.label === name);
    return (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .tempPath */ .EZ)(dir, name);
}
/** Removes `<prefix><pid>-<random>` directories in `parent` whose process is dead. */
async function sweepStaleTempDirs(parent, prefix) {
    const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(\\d+)-[0-9a-f]{16}$`);
    for (const name of await namesIn(parent)) {
        const m = pattern.exec(name);
        if (m !== null && !isProcessAlive(Number(m[1])))
            await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .removeQuietly */ .S2)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(parent, name));
    }
}
/** Sweeps the `<prefix><pid>-<random>` directories of dead processes in `parent`, then makes one. */
async function openTempDir(parent, prefix) {
    await sweepStaleTempDirs(parent, prefix);
    return makeTempDir(parent, prefix);
}


/***/ }),

/***/ 17224:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ WriteTracker)
/* harmony export */ });
class WriteTracker {
    ref;
    pending = new Set();
    committed = false;
    closed = false;
    constructor(ref) {
        this.ref = ref;
    }
    /** Runs a write, refusing it after commit or close. */
    track(run) {
        if (this.closed || this.committed)
            return Promise.reject(this.endedError());
        const promise = run();
        this.pending.add(promise);
        void promise.finally(() => this.pending.delete(promise)).catch(() => undefined);
        return promise;
    }
    /** Throws when the destination was committed or closed already. */
    checkOpen() {
        if (this.closed || this.committed)
            throw this.endedError();
    }
    /** Waits for every write in flight, whatever its outcome. */
    async settle() {
        await Promise.allSettled([...this.pending]);
    }
    markCommitted() {
        this.committed = true;
    }
    /**
     * Marks the destination closed and waits for the writes in flight. True on the first close of a
     * destination that was not committed: then the caller rolls back.
     */
    async close() {
        if (this.closed)
            return false;
        this.closed = true;
        await this.settle();
        return !this.committed;
    }
    endedError() {
        return new Error(`${this.ref.toString()}: destination already ${this.closed ? 'closed' : 'committed'}`);
    }
}


/***/ }),

/***/ 83285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  OciImageDestination: () => (/* binding */ OciImageDestination)
});

// UNUSED EXPORTS: ociDestinationProperties

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/transports/local/digest.ts
var local_digest = __webpack_require__(52200);
// EXTERNAL MODULE: ./src/transports/local/blob-store.ts
var blob_store = __webpack_require__(67931);
// EXTERNAL MODULE: ./src/transports/local/files.ts
var files = __webpack_require__(72437);
// EXTERNAL MODULE: ./src/transports/local/stale-temps.ts
var stale_temps = __webpack_require__(24165);
;// CONCATENATED MODULE: ./src/transports/local/file-lock.ts
// A lock between processes: the file `<name>.lock`, created with O_EXCL, holding its owner's pid
// and start time. Used around a read-modify-write of one file (index.json of an OCI layout) that
// several copies may do at once.
//
// A lock whose owner is dead (no such pid, or the pid now belongs to a process that started at
// another time) is stale and broken. Breaking happens only while holding `<name>.lock.break`, also
// created with O_EXCL, and re-reads the lock under it: two processes finding one stale lock cannot
// both remove it, so neither removes the fresh lock the other took after it. A waiter backs off
// (10 ms doubling to 500 ms, with jitter) and gives up with an error naming the lock and its owner
// after `timeoutMs`.



const DEFAULT_LOCK_TIMEOUT_MS = 120_000;
class LockTimeoutError extends Error {
    constructor(lockFile, owner, waitedMs) {
        super(`timed out after ${Math.round(waitedMs / 1000)} s waiting for the lock ${lockFile} (held by ${owner}); if no copy is running, remove the file`);
        this.name = 'LockTimeoutError';
    }
}
/** The start time of a process as the kernel counts it (Linux /proc); '' where unknown. */
function processStartTime(pid) {
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
    }
    catch {
        return '';
    }
}
const file_lock_self = { pid: process.pid, start: processStartTime(process.pid) };
function parseOwner(text) {
    try {
        const o = JSON.parse(text);
        if (Number.isSafeInteger(o.pid) && typeof o.start === 'string')
            return o;
    }
    catch {
        // a lock being written, or garbage: judged by its age below
    }
    return undefined;
}
function isOwnerAlive(o) {
    if (!(0,stale_temps/* isProcessAlive */.jW)(o.pid))
        return false;
    // The same pid, started at another time: the owner died and its pid was reused.
    const start = o.start === '' ? '' : processStartTime(o.pid);
    return start === '' || start === o.start;
}
/** An unreadable lock file older than this is a writer that died between create and write. */
const UNREADABLE_STALE_MS = 10_000;
async function readLock(file) {
    let text;
    let mtimeMs;
    try {
        text = await external_node_fs_.promises.readFile(file, 'utf8');
        mtimeMs = (await external_node_fs_.promises.stat(file)).mtimeMs;
    }
    catch (e) {
        if ((0,files/* isNotFound */.c4)(e))
            return undefined;
        throw e;
    }
    const owner = parseOwner(text);
    const stale = owner === undefined ? Date.now() - mtimeMs > UNREADABLE_STALE_MS : !isOwnerAlive(owner);
    return { text, stale };
}
async function tryCreate(file) {
    try {
        const handle = await external_node_fs_.promises.open(file, 'wx', 0o644);
        try {
            await handle.writeFile(JSON.stringify(file_lock_self));
        }
        catch (e) {
            await handle.close();
            await external_node_fs_.promises.rm(file, { force: true });
            throw e;
        }
        await handle.close();
        return true;
    }
    catch (e) {
        if ((0,files/* errnoCode */.UK)(e) === 'EEXIST')
            return false;
        throw e;
    }
}
/** Removes `lockFile` if it still holds `staleText`, under the break lock; false when another process is breaking it. */
async function breakStale(lockFile, staleText) {
    const breaker = `${lockFile}.break`;
    if (!(await tryCreate(breaker))) {
        // A breaker that died within these few syscalls: rare enough to remove without a third lock.
        const other = await readLock(breaker);
        if (other?.stale)
            await external_node_fs_.promises.rm(breaker, { force: true });
        return false;
    }
    try {
        const now = await readLock(lockFile);
        if (now !== undefined && now.text === staleText)
            await external_node_fs_.promises.rm(lockFile, { force: true });
        return true;
    }
    finally {
        await external_node_fs_.promises.rm(breaker, { force: true });
    }
}
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** Runs `fn` holding `<file>.lock`; waits (bounded) while another live process holds it. */
async function withFileLock(file, fn, timeoutMs = DEFAULT_LOCK_TIMEOUT_MS) {
    const lockFile = `${file}.lock`;
    const started = Date.now();
    for (let delay = 10; !(await tryCreate(lockFile)); delay = Math.min(delay * 2, 500)) {
        const held = await readLock(lockFile);
        if (held === undefined || (held.stale && (await breakStale(lockFile, held.text))))
            continue;
        const waited = Date.now() - started;
        if (waited >= timeoutMs)
            throw new LockTimeoutError(lockFile, held?.text ?? 'unknown', waited);
        await sleep(Math.min(delay * (0.5 + Math.random()), timeoutMs - waited));
    }
    try {
        return await fn();
    }
    finally {
        await external_node_fs_.promises.rm(lockFile, { force: true });
    }
}

;// CONCATENATED MODULE: ./src/transports/local/keyed-lock.ts
// Serializes async critical sections per key (e.g. per index.json), within this process.
const tails = new Map();
async function withKeyedLock(key, fn) {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(fn);
    const tail = run.then(() => undefined, () => undefined);
    tails.set(key, tail);
    try {
        return await run;
    }
    finally {
        if (tails.get(key) === tail)
            tails.delete(key);
    }
}

// EXTERNAL MODULE: ./src/transports/local/write-tracker.ts
var write_tracker = __webpack_require__(17224);
// EXTERNAL MODULE: ./src/transports/local/existing-manifest.ts
var existing_manifest = __webpack_require__(62987);
// EXTERNAL MODULE: ./src/limits.ts
var limits = __webpack_require__(30351);
// EXTERNAL MODULE: ./src/manifest/index.ts + 17 modules
var src_manifest = __webpack_require__(60571);
// EXTERNAL MODULE: ./src/cache/blob-info-cache.ts + 2 modules
var blob_info_cache = __webpack_require__(85484);
// EXTERNAL MODULE: ./src/transports/types.ts + 1 modules
var types = __webpack_require__(31072);
// EXTERNAL MODULE: ./src/transports/oci/layout.ts
var layout = __webpack_require__(17856);
;// CONCATENATED MODULE: ./src/transports/oci/destination.ts
// Writing an image into an OCI image layout (containers/image oci/layout/oci_dest.go).
// index.json is only ever replaced whole, at commit, under a lock between processes
// (index.json.lock), so concurrent copies into one layout all keep their refs.
// close() without commit removes nothing but this process's temp files and the empty directories
// it created: a blob it wrote is content-addressed, and another process may have reused it and
// committed an image that needs it meanwhile; nothing short of a lock every writer takes for its
// whole copy could prove it unreferenced, so unreferenced blobs stay (as upstream leaves them).
// Temp files of dead processes are removed when a destination is opened.
















const SUPPORTED_TYPES = [src_manifest/* MediaType */.zu.OCIManifest, src_manifest/* MediaType */.zu.OCIIndex];
const SIGNATURES_REFUSED = 'Pushing signatures for OCI images is not supported';
/** An OCI layout's properties (oci_dest.go); oci-archive: shares them. */
function ociDestinationProperties(ctx) {
    return (0,types/* destinationProperties */.a7)({
        supportedManifestMimeTypes: SUPPORTED_TYPES,
        supportsSignatures: SIGNATURES_REFUSED,
        desiredLayerCompression: ctx.ociAcceptUncompressedLayers ? 'preserve' : 'compress',
        acceptsForeignLayerURLs: true,
        hasThreadSafePutBlob: true
    });
}
class OciImageDestination {
    ref;
    properties;
    layoutDir;
    refName;
    blobDir;
    createdDirs;
    blobInfoCache;
    writes;
    /** Referrers and digest-tagged manifests written, added to index.json at commit with the image. */
    extraEntries = [];
    constructor(ref, properties, layoutDir, refName, blobDir, 
    /** Directories this destination created, outermost first; removed on rollback if empty. */
    createdDirs, 
    /** Knows other compressions of a blob's content, reused here when present (canSubstitute). */
    blobInfoCache) {
        this.ref = ref;
        this.properties = properties;
        this.layoutDir = layoutDir;
        this.refName = refName;
        this.blobDir = blobDir;
        this.createdDirs = createdDirs;
        this.blobInfoCache = blobInfoCache;
        this.writes = new write_tracker/* WriteTracker */.K(ref);
    }
    static async open(ref, layoutDir, selection, ctx) {
        if (selection.kind === 'digest') {
            throw new errors/* UsageError */.eb(`${ref.toString()}: a destination reference must not name a digest`);
        }
        if (selection.kind === 'index') {
            throw new errors/* UsageError */.eb(`${ref.toString()}: a destination reference must not contain a manifest index @${selection.index}`);
        }
        // Fail now, not at commit, when an existing index.json cannot be read.
        await (0,layout/* readIndex */.vY)(layoutDir);
        const createdDirs = await (0,files/* makeDirectories */.Kb)(external_node_path_default().join(layoutDir, layout/* BLOBS_DIR */.xl));
        const blobDir = ctx.sharedBlobDir ?? external_node_path_default().join(layoutDir, layout/* BLOBS_DIR */.xl);
        await sweepLayout(layoutDir, blobDir);
        return new OciImageDestination(ref, ociDestinationProperties(ctx), layoutDir, selection.kind === 'name' ? selection.name : undefined, blobDir, createdDirs, ctx.blobInfoCache ?? (0,blob_info_cache/* processBlobInfoCache */.tS)());
    }
    /** The blob in the blobs directory; with canSubstitute, else a variant the cache knows that is there. */
    tryReusingBlob(info, options) {
        return this.writes.track(async () => {
            const size = await (0,blob_store/* sizeIfExists */.$A)((0,layout/* blobPath */.nD)(this.blobDir, info.digest));
            if (size !== undefined)
                return { reused: true, how: 'exists', info: { ...info, size } };
            if (!options.canSubstitute)
                return { reused: false };
            for (const { digest, compression } of this.blobInfoCache.variants(info.digest)) {
                if (options.requiredCompression !== undefined && compression !== options.requiredCompression)
                    continue;
                const found = await (0,blob_store/* sizeIfExists */.$A)((0,layout/* blobPath */.nD)(this.blobDir, digest));
                if (found !== undefined)
                    return { reused: true, how: 'exists', info: { ...info, digest, size: found, compression } };
            }
            return { reused: false };
        });
    }
    putBlob(stream, info, _options) {
        return this.writes.track(async () => {
            return (await (0,blob_store/* storeBlob */.jX)(stream, info, this.files)).info;
        });
    }
    putManifest(manifest, instanceDigest) {
        return this.writes.track(async () => {
            checkManifestType(manifest);
            const digest = instanceDigest ?? (0,local_digest/* digestOf */.ol)(manifest.bytes);
            if ((0,local_digest/* digestOf */.ol)(manifest.bytes, digest) !== digest) {
                throw new Error(`manifest given as ${digest} hashes to ${(0,local_digest/* digestOf */.ol)(manifest.bytes, digest)}`);
            }
            await this.writeBlobBytes(digest, manifest.bytes);
        });
    }
    /**
     * The index.json entry carrying this reference's name, when its manifest (and, for an index, every
     * manifest it names) and their blobs are in the layout. An unnamed destination names nothing.
     */
    async existingManifest() {
        if (this.refName === undefined)
            return undefined;
        const entry = (await (0,layout/* readIndex */.vY)(this.layoutDir))?.manifests.find(m => (0,layout/* refName */.P7)(m) === this.refName);
        if (!entry)
            return undefined;
        const read = (digest) => (0,existing_manifest/* readSmallFile */.E)((0,layout/* blobPath */.nD)(this.blobDir, digest), limits/* MAX_MANIFEST_BYTES */.ZJ);
        const store = {
            manifest: read,
            hasBlob: async (digest) => (await (0,blob_store/* sizeIfExists */.$A)((0,layout/* blobPath */.nD)(this.blobDir, digest))) !== undefined
        };
        const declared = typeof entry.mediaType === 'string' ? entry.mediaType : undefined;
        return (0,existing_manifest/* completeManifest */.F)(store, entry.digest, await read(entry.digest), declared);
    }
    async putSignatures(signatures, _instanceDigest) {
        if (signatures.length > 0)
            throw new Error(SIGNATURES_REFUSED);
    }
    /**
     * As oras lays referrers out: the manifest's blob, and an index.json entry without a ref name
     * (reachable, so no garbage collection drops it; found by its `subject`), added at commit.
     */
    putReferrer(manifest, digest, _subject) {
        return this.writes.track(async () => {
            await this.putManifest(manifest, digest);
            const desc = (0,src_manifest/* referrerDescriptor */.xh)(manifest.bytes, manifest.mimeType, digest);
            const entry = { mediaType: desc.mediaType, digest, size: desc.size };
            if (desc.artifactType !== undefined)
                entry.artifactType = desc.artifactType;
            this.extraEntries.push(entry);
            return 'layout';
        });
    }
    /** A ref name in index.json, as the layout names images (cosign's `sha256-<hex>.sig` tags). */
    putTaggedManifest(manifest, tag) {
        return this.writes.track(async () => {
            const digest = (0,local_digest/* digestOf */.ol)(manifest.bytes);
            await this.putManifest(manifest, digest);
            const mediaType = manifest.mimeType || (0,src_manifest/* guessMimeTypeOrEmpty */.KO)(manifest.bytes);
            this.extraEntries.push({
                mediaType,
                digest,
                size: manifest.bytes.length,
                annotations: { [layout/* REF_NAME_ANNOTATION */.EP]: tag }
            });
        });
    }
    async commit(toplevel) {
        await this.writes.settle();
        checkManifestType(toplevel);
        const digest = (0,local_digest/* digestOf */.ol)(toplevel.bytes);
        await this.writeBlobBytes(digest, toplevel.bytes);
        const desc = {
            mediaType: toplevel.mimeType || (0,src_manifest/* guessMimeTypeOrEmpty */.KO)(toplevel.bytes),
            digest,
            size: toplevel.bytes.length
        };
        if (this.refName !== undefined)
            desc.annotations = { [layout/* REF_NAME_ANNOTATION */.EP]: this.refName };
        const indexFile = external_node_path_default().resolve(this.layoutDir, layout/* INDEX_FILE */.K$);
        // The keyed lock orders this process's destinations; the file lock, other processes.
        await withKeyedLock(indexFile, () => withFileLock(indexFile, async () => {
            // Re-read: another copy may have committed to this layout since we opened it.
            const index = (await (0,layout/* readIndex */.vY)(this.layoutDir)) ?? (0,layout/* newIndex */.Fr)();
            for (const entry of this.extraEntries)
                (0,layout/* addManifestToIndex */.oP)(index, entry);
            (0,layout/* addManifestToIndex */.oP)(index, desc);
            await writeLayoutFile(external_node_path_default().join(this.layoutDir, layout/* LAYOUT_FILE */.gI));
            await (0,files/* writeFileAtomic */.Zf)(indexFile, (0,layout/* serializeIndex */.Jt)(index));
        }));
        this.writes.markCommitted();
    }
    async close() {
        if (!(await this.writes.close()))
            return;
        await (0,files/* removeEmptyDirectories */.f1)(this.createdDirs);
    }
    async writeBlobBytes(digest, bytes) {
        await (0,blob_store/* storeBytes */.jb)(bytes, (0,layout/* blobPath */.nD)(this.blobDir, digest), this.files);
    }
    files = {
        fileFor: digest => (0,layout/* blobPath */.nD)(this.blobDir, digest),
        makeDirs: async (dir) => {
            this.createdDirs.push(...(await (0,files/* makeDirectories */.Kb)(dir)));
        }
    };
}
function checkManifestType(manifest) {
    if (manifest.mimeType !== '' && !SUPPORTED_TYPES.includes(manifest.mimeType)) {
        throw new types/* ManifestTypeRejectedError */.Y9(`an OCI layout holds only OCI manifests and indexes, not ${manifest.mimeType}`, manifest.mimeType);
    }
}
async function writeLayoutFile(file) {
    try {
        if ((await external_node_fs_.promises.readFile(file, 'utf8')) === layout/* LAYOUT_FILE_CONTENT */.sZ)
            return;
    }
    catch (e) {
        if (!(0,files/* isNotFound */.c4)(e))
            throw e;
    }
    await (0,files/* writeFileAtomic */.Zf)(file, layout/* LAYOUT_FILE_CONTENT */.sZ);
}
/** Removes the temp files killed copies left in the layout and its blob directories. */
async function sweepLayout(layoutDir, blobDir) {
    await (0,stale_temps/* sweepStaleTemps */.RX)(layoutDir);
    let algorithms = [];
    try {
        algorithms = await external_node_fs_.promises.readdir(blobDir);
    }
    catch (e) {
        if (!(0,files/* isNotFound */.c4)(e))
            throw e;
    }
    for (const algorithm of algorithms)
        await (0,stale_temps/* sweepStaleTemps */.RX)(external_node_path_default().join(blobDir, algorithm));
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
