export const id = 935;
export const ids = [935];
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

/***/ 64240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gu: () => (/* binding */ checkContentDigest),
/* harmony export */   L7: () => (/* binding */ MAX_MANIFEST_SIZE),
/* harmony export */   oe: () => (/* binding */ readManifestFile),
/* harmony export */   pn: () => (/* binding */ openFileStream),
/* harmony export */   ym: () => (/* binding */ fetchFirstUrl)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(30351);
/* harmony import */ var _memory_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(28820);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(52200);
// Reading blobs and manifests from files.





/** containers/image refuses manifests above 4 MiB (iolimits.MaxManifestBodySize); so do we. */
/** containers/image's manifest limit (limits.ts). */
const MAX_MANIFEST_SIZE = _limits_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_MANIFEST_BYTES */ .ZJ;
/** Opens a file as a stream with its size; throws ENOENT errors as they are. */
async function openFileStream(file) {
    const handle = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.open(file, 'r');
    try {
        const { size } = await handle.stat();
        return { stream: handle.createReadStream({ highWaterMark: _memory_js__WEBPACK_IMPORTED_MODULE_3__/* .FILE_CHUNK_BYTES */ .l8 }), size };
    }
    catch (e) {
        await handle.close();
        throw e;
    }
}
/** Reads a manifest file, refusing anything too large to be one. */
async function readManifestFile(file) {
    const handle = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.open(file, 'r');
    try {
        const { size } = await handle.stat();
        if (size > MAX_MANIFEST_SIZE) {
            throw new Error(`${file} is ${size} bytes, too large to be a manifest (limit ${MAX_MANIFEST_SIZE})`);
        }
        return await handle.readFile();
    }
    finally {
        await handle.close();
    }
}
/** Throws when content-addressed `bytes` do not hash to `digest` (a corrupt store). */
function checkContentDigest(bytes, digest, where) {
    const actual = (0,_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .digestOf */ .ol)(bytes, digest);
    if (actual !== digest)
        throw new Error(`${where} is corrupt: its content hashes to ${actual}, not ${digest}`);
}
/** Streams the first URL (http/https) that answers 200; undefined when none of `urls` is http(s). */
async function fetchFirstUrl(urls) {
    const failures = [];
    for (const url of urls) {
        if (!/^https?:\/\//i.test(url))
            continue;
        try {
            const response = await fetch(url);
            if (response.status !== 200 || response.body === null) {
                await response.body?.cancel();
                failures.push(`${url}: HTTP ${response.status}`);
                continue;
            }
            const header = response.headers.get('content-length');
            const length = header === null ? -1 : Number(header);
            const stream = node_stream__WEBPACK_IMPORTED_MODULE_1__.Readable.fromWeb(response.body);
            return { stream, size: Number.isSafeInteger(length) && length >= 0 ? length : -1 };
        }
        catch (e) {
            failures.push(`${url}: ${e.message}`);
        }
    }
    if (failures.length === 0)
        return undefined;
    throw new Error(`fetching a foreign layer failed from every URL: ${failures.join('; ')}`);
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


/***/ }),

/***/ 65935:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OciImageSource: () => (/* binding */ OciImageSource)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66355);
/* harmony import */ var _local_blob_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(64240);
/* harmony import */ var _local_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(72437);
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(60571);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(31072);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(17856);
// Reading an image from an OCI image layout (containers/image oci/layout/oci_src.go).








class OciImageSource {
    ref;
    index;
    descriptor;
    blobDirs;
    where;
    properties = (0,_types_js__WEBPACK_IMPORTED_MODULE_6__/* .sourceProperties */ .rj)({ hasThreadSafeGetBlob: true });
    bySubject;
    constructor(ref, index, descriptor, 
    /** Where blobs are looked for, in order: the shared blob dir (if any), then the layout's. */
    blobDirs, where) {
        this.ref = ref;
        this.index = index;
        this.descriptor = descriptor;
        this.blobDirs = blobDirs;
        this.where = where;
    }
    static async open(ref, layoutDir, selection, ctx, options = {}) {
        const where = options.where ?? `OCI layout ${layoutDir}`;
        const index = await (0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .readIndex */ .vY)(layoutDir);
        if (index === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ImageNotFoundError */ .Z(`${ref.toString()}: no index.json in ${where}`, 'is this the path of an OCI image layout?');
        }
        const blobDirs = [node_path__WEBPACK_IMPORTED_MODULE_1___default().join(layoutDir, _layout_js__WEBPACK_IMPORTED_MODULE_7__/* .BLOBS_DIR */ .xl)];
        if (ctx.sharedBlobDir !== undefined && !options.ignoreSharedBlobDir)
            blobDirs.unshift(ctx.sharedBlobDir);
        let descriptor = (0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .selectDescriptor */ .cP)(index, selection, ref.toString(), where);
        if (descriptor === undefined && selection.kind === 'digest') {
            descriptor = await manifestBlobDescriptor(blobDirs, selection.digest);
        }
        if (descriptor === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ImageNotFoundError */ .Z(`${ref.toString()}: no manifest ${ref.digest ?? ''} in ${where}`);
        }
        return new OciImageSource(ref, index, descriptor, blobDirs, where);
    }
    async getManifest(instanceDigest) {
        const digest = instanceDigest ?? this.descriptor.digest;
        const bytes = await (0,_local_blob_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readManifestFile */ .oe)(await this.locate(digest));
        (0,_local_blob_read_js__WEBPACK_IMPORTED_MODULE_3__/* .checkContentDigest */ .Gu)(bytes, digest, `manifest ${digest} in ${this.where}`);
        const listed = instanceDigest === undefined
            ? this.descriptor
            : this.index.manifests.find(m => m.digest === instanceDigest);
        const mimeType = listed?.mediaType || (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_5__/* .guessMimeTypeOrEmpty */ .KO)(bytes);
        return { bytes, mimeType };
    }
    async getBlob(info) {
        try {
            return await (0,_local_blob_read_js__WEBPACK_IMPORTED_MODULE_3__/* .openFileStream */ .pn)(await this.locate(info.digest));
        }
        catch (e) {
            // Foreign (non-distributable) layers may live only at their URLs. containers/image tries the
            // URLs first; we prefer a local copy and fall back to the URLs.
            if (!(0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .isNotFound */ .c4)(e) || info.urls === undefined)
                throw e;
            const fetched = await (0,_local_blob_read_js__WEBPACK_IMPORTED_MODULE_3__/* .fetchFirstUrl */ .ym)(info.urls);
            if (fetched === undefined)
                throw e;
            return fetched;
        }
    }
    async getSignatures(_instanceDigest) {
        return [];
    }
    /**
     * Referrers as OCI layouts hold them: index.json entries whose manifest names `digest` as its
     * subject (how oras and this tool write them), and the entries of a `sha256-<hex>` index named in
     * index.json (how regclient's ocidir wrote them).
     */
    async listReferrers(digest, _artifactTypes) {
        this.bySubject ??= this.indexSubjects();
        const found = [...((await this.bySubject).get(digest) ?? [])];
        const tagged = this.index.manifests.find(m => (0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .refName */ .P7)(m) === (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_5__/* .fallbackTag */ .fH)(digest) && (m.mediaType ?? _manifest_index_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.OCIIndex) === _manifest_index_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.OCIIndex);
        if (tagged) {
            const bytes = await (0,_local_blob_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readManifestFile */ .oe)(await this.locate(tagged.digest));
            (0,_local_blob_read_js__WEBPACK_IMPORTED_MODULE_3__/* .checkContentDigest */ .Gu)(bytes, tagged.digest, `manifest ${tagged.digest} in ${this.where}`);
            for (const d of (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_5__/* .parseReferrersIndex */ .AH)(bytes))
                if (!found.some(f => f.digest === d.digest))
                    found.push(d);
        }
        return { descriptors: found, via: 'layout' };
    }
    /** Ref names `<alg>-<hex>.*` (cosign's tags, as a layout names them). */
    async listDigestTags(digest) {
        const prefix = `${(0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_5__/* .fallbackTag */ .fH)(digest)}.`;
        return [...new Set(this.index.manifests.map(_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .refName */ .P7).filter(n => n.startsWith(prefix)))];
    }
    async getTaggedManifest(tag) {
        const entry = this.index.manifests.find(m => (0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .refName */ .P7)(m) === tag);
        if (!entry)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ImageNotFoundError */ .Z(`no image named ${JSON.stringify(tag)} in ${this.where}`);
        const bytes = await (0,_local_blob_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readManifestFile */ .oe)(await this.locate(entry.digest));
        (0,_local_blob_read_js__WEBPACK_IMPORTED_MODULE_3__/* .checkContentDigest */ .Gu)(bytes, entry.digest, `manifest ${entry.digest} in ${this.where}`);
        return { bytes, mimeType: entry.mediaType || (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_5__/* .guessMimeTypeOrEmpty */ .KO)(bytes) };
    }
    /** subject digest → referrer descriptors, from every image manifest and index entry of index.json. */
    async indexSubjects() {
        const map = new Map();
        const seen = new Set();
        for (const entry of this.index.manifests) {
            if (seen.has(entry.digest) || entry.size > _local_blob_read_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_MANIFEST_SIZE */ .L7)
                continue;
            seen.add(entry.digest);
            if (entry.mediaType !== _manifest_index_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.OCIManifest && entry.mediaType !== _manifest_index_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.OCIIndex)
                continue;
            const bytes = await (0,_local_blob_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readManifestFile */ .oe)(await this.locate(entry.digest));
            (0,_local_blob_read_js__WEBPACK_IMPORTED_MODULE_3__/* .checkContentDigest */ .Gu)(bytes, entry.digest, `manifest ${entry.digest} in ${this.where}`);
            const subject = (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_5__/* .manifestLinks */ .tQ)(bytes, entry.mediaType).subject;
            if (subject === undefined)
                continue;
            const list = map.get(subject) ?? [];
            list.push((0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_5__/* .referrerDescriptor */ .xh)(bytes, entry.mediaType, entry.digest));
            map.set(subject, list);
        }
        return map;
    }
    async close() { }
    /** The file holding a blob: the first blob directory that has it. */
    async locate(digest) {
        const found = await findBlob(this.blobDirs, digest);
        if (found === undefined) {
            const error = new Error(`blob ${digest} not found in ${this.where}`);
            error.code = 'ENOENT';
            throw error;
        }
        return found;
    }
}
async function findBlob(blobDirs, digest) {
    for (const dir of blobDirs) {
        const file = (0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .blobPath */ .nD)(dir, digest);
        try {
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.access(file);
            return file;
        }
        catch (e) {
            if (!(0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .isNotFound */ .c4)(e))
                throw e;
        }
    }
    return undefined;
}
/** `PATH@DIGEST` naming a manifest that is a blob of the layout but not an entry of index.json (e.g. one instance of a listed index). */
async function manifestBlobDescriptor(blobDirs, digest) {
    const file = await findBlob(blobDirs, digest);
    if (file === undefined)
        return undefined;
    const { size } = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(file);
    if (size > _local_blob_read_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_MANIFEST_SIZE */ .L7)
        return undefined;
    const mediaType = (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_5__/* .guessMimeTypeOrEmpty */ .KO)(await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(file));
    const manifestTypes = [_manifest_index_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.OCIManifest, _manifest_index_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.DockerV2Schema2];
    if (!manifestTypes.includes(mediaType) && !(0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_5__/* .isListMimeType */ .VI)(mediaType))
        return undefined;
    return { mediaType, digest, size };
}


/***/ })

};
