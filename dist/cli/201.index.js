export const id = 201;
export const ids = [201];
export const modules = {

/***/ 2982:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $O: () => (/* binding */ VERSION_1_1),
/* harmony export */   U: () => (/* binding */ VERSION_1_2),
/* harmony export */   f2: () => (/* binding */ isSupportedVersion),
/* harmony export */   h1: () => (/* binding */ MANIFEST_FILE),
/* harmony export */   ji: () => (/* binding */ manifestPath),
/* harmony export */   mf: () => (/* binding */ VERSION_FILE),
/* harmony export */   n6: () => (/* binding */ usesNonSha256),
/* harmony export */   nV: () => (/* binding */ layerPath),
/* harmony export */   oY: () => (/* binding */ signaturePath),
/* harmony export */   ot: () => (/* binding */ parseVersion)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _local_digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2200);
// The `dir:` format (containers/image directory/directory_transport.go, version.go): file names
// and the version file.


const VERSION_FILE = 'version';
const MANIFEST_FILE = 'manifest.json';
const VERSION_PREFIX = 'Directory Transport Version: ';
/** 1.1, or 1.2 when some file is named by a non-sha256 digest. */
const VERSION_1_1 = `${VERSION_PREFIX}1.1\n`;
const VERSION_1_2 = `${VERSION_PREFIX}1.2\n`;
const MAX_SUPPORTED = { major: 1, minor: 2 };
/** Parses a version file's content exactly as upstream (which re-formats and compares); undefined when invalid. */
function parseVersion(content) {
    const m = /^Directory Transport Version: (0|[1-9]\d*)\.(0|[1-9]\d*)\n$/.exec(content);
    return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}
function isSupportedVersion(v) {
    return v.major < MAX_SUPPORTED.major || (v.major === MAX_SUPPORTED.major && v.minor <= MAX_SUPPORTED.minor);
}
/** `<hex>` for sha256, `<algorithm>-<hex>` otherwise. */
function digestFileStem(digest) {
    const { algorithm, hex } = (0,_local_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDigest */ .m)(digest);
    return algorithm === 'sha256' ? hex : `${algorithm}-${hex}`;
}
function usesNonSha256(digest) {
    return (0,_local_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDigest */ .m)(digest).algorithm !== 'sha256';
}
function manifestPath(dir, instanceDigest) {
    return node_path__WEBPACK_IMPORTED_MODULE_0___default().join(dir, instanceDigest === undefined ? MANIFEST_FILE : `${digestFileStem(instanceDigest)}.manifest.json`);
}
function layerPath(dir, digest) {
    return node_path__WEBPACK_IMPORTED_MODULE_0___default().join(dir, digestFileStem(digest));
}
/** `index` is zero-based; file names count from 1. */
function signaturePath(dir, index, instanceDigest) {
    const name = `signature-${index + 1}`;
    return node_path__WEBPACK_IMPORTED_MODULE_0___default().join(dir, instanceDigest === undefined ? name : `${digestFileStem(instanceDigest)}.${name}`);
}


/***/ }),

/***/ 2201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DirImageSource: () => (/* binding */ DirImageSource)
/* harmony export */ });
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(351);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6355);
/* harmony import */ var _local_blob_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4240);
/* harmony import */ var _local_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2437);
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(571);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1072);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2982);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_8___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_8__);
/* harmony import */ var _swap_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8567);
// Reading an image from a `dir:` directory (containers/image directory/directory_src.go).










class DirImageSource {
    ref;
    dir;
    properties = (0,_types_js__WEBPACK_IMPORTED_MODULE_6__/* .sourceProperties */ .rj)({ hasThreadSafeGetBlob: true });
    constructor(ref, dir) {
        this.ref = ref;
        this.dir = dir;
    }
    static async open(ref) {
        const dir = ref.path;
        // A copy killed while swapping this image in may have left it aside: put it back.
        await (0,_swap_js__WEBPACK_IMPORTED_MODULE_9__/* .recoverSwap */ .QV)(node_path__WEBPACK_IMPORTED_MODULE_8___default().resolve(dir), true);
        let version;
        try {
            version = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_8___default().join(dir, _layout_js__WEBPACK_IMPORTED_MODULE_7__/* .VERSION_FILE */ .mf), 'utf8');
        }
        catch (e) {
            // A missing version file is accepted, as upstream does (directories written before it existed).
            if (!(0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .isNotFound */ .c4)(e))
                throw e;
        }
        if (version !== undefined) {
            const parsed = (0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .parseVersion */ .ot)(version);
            if (parsed === undefined)
                throw new Error(`${ref.toString()}: invalid version file content: ${JSON.stringify(version)}`);
            if (!(0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .isSupportedVersion */ .f2)(parsed)) {
                throw new Error(`${ref.toString()}: unsupported directory transport version ${JSON.stringify(version)} at ${dir}`);
            }
        }
        try {
            await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.access(node_path__WEBPACK_IMPORTED_MODULE_8___default().join(dir, _layout_js__WEBPACK_IMPORTED_MODULE_7__/* .MANIFEST_FILE */ .h1));
        }
        catch (e) {
            if (!(0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .isNotFound */ .c4)(e))
                throw e;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ImageNotFoundError */ .Z(`${ref.toString()}: no image in ${dir} (no ${_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .MANIFEST_FILE */ .h1})`);
        }
        return new DirImageSource(ref, dir);
    }
    async getManifest(instanceDigest) {
        const bytes = await (0,_local_blob_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readManifestFile */ .oe)((0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .manifestPath */ .ji)(this.dir, instanceDigest));
        return { bytes, mimeType: (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_5__/* .guessMimeTypeOrEmpty */ .KO)(bytes) };
    }
    getBlob(info) {
        return (0,_local_blob_read_js__WEBPACK_IMPORTED_MODULE_3__/* .openFileStream */ .pn)((0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .layerPath */ .nV)(this.dir, info.digest));
    }
    async getSignatures(instanceDigest) {
        const signatures = [];
        for (let i = 0;; i++) {
            try {
                const file = (0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .signaturePath */ .oY)(this.dir, i, instanceDigest);
                const { size } = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(file);
                if (size > _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SIGNATURE_BYTES */ .my) {
                    throw new _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ReadLimitError */ .mF(`the signature ${file} (${size} bytes)`, _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SIGNATURE_BYTES */ .my);
                }
                signatures.push(await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(file));
            }
            catch (e) {
                if ((0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .isNotFound */ .c4)(e))
                    return signatures;
                throw e;
            }
        }
    }
    async close() { }
}


/***/ }),

/***/ 8567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QV: () => (/* binding */ recoverSwap),
/* harmony export */   fM: () => (/* binding */ STAGING_INSIDE),
/* harmony export */   nB: () => (/* binding */ replaceContents),
/* harmony export */   zN: () => (/* binding */ swapIn)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _local_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2437);
/* harmony import */ var _local_stale_temps_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4165);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2982);
// How a `dir:` destination replaces the image at TARGET, and how a later open repairs what a
// killed process left. PARENT is TARGET's parent, NAME its base name, PID the writer's pid.
//
// Swap (the usual case). The new image is built complete in PARENT/.NAME-PID-<rand>.tmp (staging).
//   1. TARGET missing: rename(staging, TARGET). Atomic: no image, then the new one.
//   2. Else rename(TARGET, PARENT/.NAME-PID-<rand>.old); rename(staging, TARGET); remove the .old.
// POSIX has no atomic exchange of two directories (Linux renameat2 RENAME_EXCHANGE is not reachable
// from Node), so between the two renames of step 2, for the time of one syscall, TARGET is absent.
// A kill exactly there leaves the old image complete as the .old sibling; any other kill leaves the
// old image or the new one complete at TARGET, plus leftovers.
//
// Repair (recoverSwap, run when a dir: source or destination is opened): for the .tmp and .old
// siblings of NAME whose PID is dead: if TARGET is missing, the newest .old is renamed back to
// TARGET (the old image, complete); every other such sibling is removed. Siblings of live processes
// are theirs and left alone.
//
// In place (TARGET is the working directory or contains it, or PARENT is not writable). The new
// files are moved into TARGET one by one (rename replaces a file atomically; blobs and instance
// manifests are named by digest, so a name already there holds the same bytes), manifest.json
// last but for signatures; then the files of the old image that the new one does not have are
// removed. A kill before manifest.json is renamed leaves the old image complete (plus unreferenced
// new files), after it the new image complete (plus unreferenced old files, removed by the next
// commit). Only top-level signature files can be mixed: a kill between manifest.json and them
// leaves the new image with the old image's signatures, which fail verification.





/** The label of a staging directory inside the target. */
const STAGING_INSIDE = 'image-copy-staging';
/** The names of a dir: image's files. */
const DIR_FILE = /^(manifest\.json|version|(signature-\d+)|([a-z0-9]+-)?[0-9a-f]{32,}(\.manifest\.json|\.signature-\d+)?)$/;
/** Step 2 of the swap; a target that cannot be moved aside (a mount point) is replaced in place. */
async function swapIn(staging, target) {
    let old;
    try {
        const { mode } = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(target);
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.chmod(staging, mode & 0o7777);
        old = (0,_local_files_js__WEBPACK_IMPORTED_MODULE_2__/* .tempPath */ .EZ)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(target), node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(target), 'old');
    }
    catch (e) {
        if (!(0,_local_files_js__WEBPACK_IMPORTED_MODULE_2__/* .isNotFound */ .c4)(e))
            throw e;
    }
    if (old === undefined)
        return node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rename(staging, target);
    try {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rename(target, old);
    }
    catch (e) {
        if (['EBUSY', 'EXDEV', 'EPERM', 'EACCES'].includes((0,_local_files_js__WEBPACK_IMPORTED_MODULE_2__/* .errnoCode */ .UK)(e) ?? '')) {
            return replaceContents(staging, target);
        }
        throw e;
    }
    try {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rename(staging, target);
    }
    catch (e) {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rename(old, target).catch(() => undefined);
        throw e;
    }
    await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_2__/* .removeQuietly */ .S2)(old);
}
function isSignature(name) {
    return /(^|\.)signature-\d+$/.test(name);
}
/** Moves the staged files into `target` (manifest.json last but for signatures), then removes the old image's other files. */
async function replaceContents(staging, target) {
    const staged = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readdir(staging);
    const order = (n) => (isSignature(n) ? 2 : n === _layout_js__WEBPACK_IMPORTED_MODULE_4__/* .MANIFEST_FILE */ .h1 ? 1 : 0);
    staged.sort((a, b) => order(a) - order(b));
    for (const name of staged)
        await moveInto(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(staging, name), target, name);
    const keep = new Set(staged);
    for (const name of await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readdir(target)) {
        if (keep.has(name) || node_path__WEBPACK_IMPORTED_MODULE_1___default().join(target, name) === staging)
            continue;
        if ((0,_local_stale_temps_js__WEBPACK_IMPORTED_MODULE_3__/* .isLiveTemp */ .zd)(name))
            continue;
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(target, name), { recursive: true, force: true });
    }
    await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_2__/* .removeQuietly */ .S2)(staging);
}
async function moveInto(from, dir, name) {
    try {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rename(from, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name));
    }
    catch (e) {
        if ((0,_local_files_js__WEBPACK_IMPORTED_MODULE_2__/* .errnoCode */ .UK)(e) !== 'EXDEV')
            throw e;
        // Another file system (a mount inside the target): copy beside, then rename over.
        const temp = (0,_local_files_js__WEBPACK_IMPORTED_MODULE_2__/* .tempPath */ .EZ)(dir, name);
        try {
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.copyFile(from, temp);
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rename(temp, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name));
        }
        catch (copyError) {
            await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_2__/* .removeQuietly */ .S2)(temp);
            throw copyError;
        }
    }
}
/**
 * Repairs what killed dir: writers left at and inside `target` (see the protocol above). With
 * `readOnly` (a source), failures to write are ignored: reading must not depend on them.
 */
async function recoverSwap(target, readOnly = false) {
    try {
        await recover(target);
    }
    catch (e) {
        if (!readOnly || !['EACCES', 'EPERM', 'EROFS'].includes((0,_local_files_js__WEBPACK_IMPORTED_MODULE_2__/* .errnoCode */ .UK)(e) ?? ''))
            throw e;
    }
}
async function recover(target) {
    const parent = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(target);
    const name = node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(target);
    let olds = [];
    for (const t of await (0,_local_stale_temps_js__WEBPACK_IMPORTED_MODULE_3__/* .deadTemps */ .oM)(parent, t => t.label === name)) {
        if (t.kind === 'old')
            olds.push({ file: t.file, ctimeMs: (await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.lstat(t.file)).ctimeMs });
        else
            await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_2__/* .removeQuietly */ .S2)(t.file);
    }
    olds.sort((a, b) => b.ctimeMs - a.ctimeMs);
    if (olds.length > 0 && !(await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_2__/* .pathExists */ .s0)(target))) {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rename(olds[0].file, target);
        olds = olds.slice(1);
    }
    for (const o of olds)
        await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_2__/* .removeQuietly */ .S2)(o.file);
    // Staging directories and copy temps inside the target (the in-place case); nothing else of a
    // directory that may not be an image.
    await (0,_local_stale_temps_js__WEBPACK_IMPORTED_MODULE_3__/* .sweepStaleTemps */ .RX)(target, t => t.label === STAGING_INSIDE || DIR_FILE.test(t.label));
}


/***/ }),

/***/ 6355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ ImageNotFoundError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
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

/***/ 4240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gu: () => (/* binding */ checkContentDigest),
/* harmony export */   L7: () => (/* binding */ MAX_MANIFEST_SIZE),
/* harmony export */   oe: () => (/* binding */ readManifestFile),
/* harmony export */   pn: () => (/* binding */ openFileStream),
/* harmony export */   ym: () => (/* binding */ fetchFirstUrl)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(351);
/* harmony import */ var _memory_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8820);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2200);
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

/***/ 2437:
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
/* harmony import */ var _lazy_builtin_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(839);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _memory_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8820);
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

/***/ 4165:
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
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2437);
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


/***/ })

};
