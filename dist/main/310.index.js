export const id = 310;
export const ids = [310];
export const modules = {

/***/ 96310:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DirImageDestination: () => (/* binding */ DirImageDestination)
/* harmony export */ });
/* unused harmony exports NotImageDirectoryError, dirDestinationProperties */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _local_blob_store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(67931);
/* harmony import */ var _local_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(72437);
/* harmony import */ var _swap_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(58567);
/* harmony import */ var _local_write_tracker_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(17224);
/* harmony import */ var _local_existing_manifest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(62987);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(30351);
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(60571);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(31072);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(12982);
// Writing an image as a `dir:` directory (containers/image directory/directory_dest.go).
// Upstream empties an existing image directory when the destination is opened; we build the new
// content in a temp sibling directory and swap it in at commit, so a failed copy loses nothing.
// swap.ts holds the swap protocol and the repair of what a killed copy left, run at open.












/** A non-empty directory without a valid version file: we do not overwrite it. */
class NotImageDirectoryError extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb {
    constructor(dir) {
        super(`refusing to overwrite ${dir}: it is not empty and not a containers image directory (no valid "${_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .VERSION_FILE */ .mf}" file); don't want to overwrite important data`, 'give an empty or new directory, or one a dir: copy wrote before');
        this.name = 'NotImageDirectoryError';
    }
}
/**
 * directory_dest.go: any manifest type, signatures stored, layers as sent unless the user forces
 * compression or decompression (both at once is refused, as upstream refuses it).
 */
function dirDestinationProperties(ctx) {
    if (ctx.dirForceCompress && ctx.dirForceDecompress) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('dir: cannot compress and decompress layers at the same time', 'set at most one of the dir: compress and decompress options');
    }
    return (0,_types_js__WEBPACK_IMPORTED_MODULE_9__/* .destinationProperties */ .a7)({
        supportsSignatures: true,
        desiredLayerCompression: ctx.dirForceCompress
            ? 'compress'
            : ctx.dirForceDecompress
                ? 'decompress'
                : 'preserve',
        hasThreadSafePutBlob: true
    });
}
class DirImageDestination {
    ref;
    properties;
    target;
    staging;
    stagedInside;
    createdParents;
    writes;
    usesNonSha256Digest = false;
    constructor(ref, properties, 
    /** The directory the image ends up in (symlinks resolved). */
    target, 
    /** Where the image is built until commit: a sibling of `target`, or inside it when the parent is not writable. */
    staging, stagedInside, 
    /** Parents of `target` this destination created, outermost first. */
    createdParents) {
        this.ref = ref;
        this.properties = properties;
        this.target = target;
        this.staging = staging;
        this.stagedInside = stagedInside;
        this.createdParents = createdParents;
        this.writes = new _local_write_tracker_js__WEBPACK_IMPORTED_MODULE_11__/* .WriteTracker */ .K(ref);
    }
    static async open(ref, ctx) {
        const properties = dirDestinationProperties(ctx);
        const target = await resolveTarget(ref.path);
        await (0,_swap_js__WEBPACK_IMPORTED_MODULE_5__/* .recoverSwap */ .QV)(target);
        await checkOverwritable(target);
        const createdParents = await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .makeDirectories */ .Kb)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(target));
        let staging = (0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .tempPath */ .EZ)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(target), node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(target));
        let stagedInside = false;
        try {
            try {
                await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(staging, { mode: 0o755 });
            }
            catch (e) {
                // E.g. a volume mounted at `target` under a read-only or foreign parent.
                if (!['EACCES', 'EPERM', 'EROFS'].includes((0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .errnoCode */ .UK)(e) ?? '') || !(await isDirectory(target)))
                    throw e;
                staging = (0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .tempPath */ .EZ)(target, _swap_js__WEBPACK_IMPORTED_MODULE_5__/* .STAGING_INSIDE */ .fM);
                stagedInside = true;
                await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(staging, { mode: 0o755 });
            }
        }
        catch (e) {
            await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .removeEmptyDirectories */ .f1)(createdParents);
            throw e;
        }
        return new DirImageDestination(ref, properties, target, staging, stagedInside, createdParents);
    }
    tryReusingBlob(info, _options) {
        return this.writes.track(async () => {
            const size = await (0,_local_blob_store_js__WEBPACK_IMPORTED_MODULE_3__/* .sizeIfExists */ .$A)((0,_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .layerPath */ .nV)(this.staging, info.digest));
            if (size === undefined)
                return { reused: false };
            return { reused: true, how: 'exists', info: { ...info, size } };
        });
    }
    putBlob(stream, info, _options) {
        return this.writes.track(async () => {
            const stored = await (0,_local_blob_store_js__WEBPACK_IMPORTED_MODULE_3__/* .storeBlob */ .jX)(stream, info, this.files);
            if ((0,_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .usesNonSha256 */ .n6)(stored.info.digest))
                this.usesNonSha256Digest = true;
            return stored.info;
        });
    }
    putManifest(manifest, instanceDigest) {
        return this.writes.track(async () => {
            if (instanceDigest !== undefined && (0,_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .usesNonSha256 */ .n6)(instanceDigest))
                this.usesNonSha256Digest = true;
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.writeFile((0,_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .manifestPath */ .ji)(this.staging, instanceDigest), manifest.bytes, { mode: 0o644 });
        });
    }
    /**
     * The image the directory holds (manifest.json), when it is complete and has no signatures stored
     * beside it (a copy that writes none would remove them).
     */
    async existingManifest() {
        const bytes = await (0,_local_existing_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .readSmallFile */ .E)((0,_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .manifestPath */ .ji)(this.target), _limits_js__WEBPACK_IMPORTED_MODULE_7__/* .MAX_MANIFEST_BYTES */ .ZJ);
        if (!bytes)
            return undefined;
        const read = (digest) => (0,_local_existing_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .readSmallFile */ .E)((0,_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .manifestPath */ .ji)(this.target, digest), _limits_js__WEBPACK_IMPORTED_MODULE_7__/* .MAX_MANIFEST_BYTES */ .ZJ);
        const exists = async (file) => (await (0,_local_blob_store_js__WEBPACK_IMPORTED_MODULE_3__/* .sizeIfExists */ .$A)(file)) !== undefined;
        const store = { manifest: read, hasBlob: (digest) => exists((0,_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .layerPath */ .nV)(this.target, digest)) };
        const found = await (0,_local_existing_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .completeManifest */ .F)(store, (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_8__/* .manifestDigest */ .It)(bytes), bytes, undefined);
        if (!found)
            return undefined;
        const names = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readdir(this.target).catch(() => []);
        return names.some(n => /(^|\.)signature-\d+$/.test(n)) ? undefined : found;
    }
    putSignatures(signatures, instanceDigest) {
        return this.writes.track(async () => {
            if (instanceDigest !== undefined && (0,_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .usesNonSha256 */ .n6)(instanceDigest))
                this.usesNonSha256Digest = true;
            for (const [i, signature] of signatures.entries()) {
                await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.writeFile((0,_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .signaturePath */ .oY)(this.staging, i, instanceDigest), signature, { mode: 0o644 });
            }
        });
    }
    async commit(toplevel) {
        await this.writes.settle();
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.writeFile((0,_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .manifestPath */ .ji)(this.staging), toplevel.bytes, { mode: 0o644 });
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.writeFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(this.staging, _layout_js__WEBPACK_IMPORTED_MODULE_10__/* .VERSION_FILE */ .mf), this.usesNonSha256Digest ? _layout_js__WEBPACK_IMPORTED_MODULE_10__/* .VERSION_1_2 */ .U : _layout_js__WEBPACK_IMPORTED_MODULE_10__/* .VERSION_1_1 */ .$O, {
            mode: 0o644
        });
        await checkOverwritable(this.target, this.staging);
        // Renaming the working directory (or an ancestor) away would strand this process in a deleted directory.
        if (this.stagedInside || isWithin(process.cwd(), this.target))
            await (0,_swap_js__WEBPACK_IMPORTED_MODULE_5__/* .replaceContents */ .nB)(this.staging, this.target);
        else
            await (0,_swap_js__WEBPACK_IMPORTED_MODULE_5__/* .swapIn */ .zN)(this.staging, this.target);
        this.writes.markCommitted();
    }
    async close() {
        if (!(await this.writes.close()))
            return;
        await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .removeQuietly */ .S2)(this.staging);
        await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .removeEmptyDirectories */ .f1)(this.createdParents);
    }
    files = {
        fileFor: digest => (0,_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .layerPath */ .nV)(this.staging, digest),
        makeDirs: async () => undefined
    };
}
async function resolveTarget(dir) {
    try {
        return await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.realpath(dir);
    }
    catch (e) {
        if ((0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .isNotFound */ .c4)(e))
            return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dir);
        throw e;
    }
}
function isWithin(p, dir) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(dir, p);
    return rel === '' || (!rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel));
}
async function isDirectory(p) {
    try {
        return (await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(p)).isDirectory();
    }
    catch (e) {
        if ((0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .isNotFound */ .c4)(e))
            return false;
        throw e;
    }
}
/** Upstream's rule: a missing or empty directory, or one with a valid, supported version file. `ignore` is our own staging directory. */
async function checkOverwritable(dir, ignore) {
    let entries;
    try {
        entries = (await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readdir(dir)).filter(name => ignore === undefined || node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name) !== ignore);
    }
    catch (e) {
        if ((0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .isNotFound */ .c4)(e))
            return;
        if ((0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .errnoCode */ .UK)(e) === 'ENOTDIR')
            throw new Error(`${dir} exists and is not a directory`, { cause: e });
        throw e;
    }
    if (entries.length === 0)
        return;
    let content;
    try {
        content = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, _layout_js__WEBPACK_IMPORTED_MODULE_10__/* .VERSION_FILE */ .mf), 'utf8');
    }
    catch (e) {
        if ((0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .isNotFound */ .c4)(e) || (0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .errnoCode */ .UK)(e) === 'EISDIR')
            throw new NotImageDirectoryError(dir);
        throw e;
    }
    const version = (0,_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .parseVersion */ .ot)(content);
    if (version === undefined)
        throw new NotImageDirectoryError(dir);
    if (!(0,_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .isSupportedVersion */ .f2)(version)) {
        throw new Error(`refusing to overwrite ${dir}: unsupported directory transport version ${JSON.stringify(content)}`);
    }
}


/***/ }),

/***/ 12982:
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
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _local_digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52200);
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

/***/ 58567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QV: () => (/* binding */ recoverSwap),
/* harmony export */   fM: () => (/* binding */ STAGING_INSIDE),
/* harmony export */   nB: () => (/* binding */ replaceContents),
/* harmony export */   zN: () => (/* binding */ swapIn)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _local_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(72437);
/* harmony import */ var _local_stale_temps_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24165);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(12982);
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


/***/ })

};
