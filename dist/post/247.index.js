export const id = 247;
export const ids = [247];
export const modules = {

/***/ 9247:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPost: () => (/* binding */ runPost)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var lib_core = __webpack_require__(3838);
;// CONCATENATED MODULE: ./src/errors.ts
// Errors the entry points turn into exit codes and annotations. Every layer but manifest/ may
// throw these; manifest/ has its own ManifestError (it imports nothing of ours).
/** An error a user can act on: `hint` says what to change. */
class ImageCopyError extends Error {
    category;
    hint;
    constructor(message, category = 'failure', hint) {
        super(message);
        this.category = category;
        this.hint = hint;
        this.name = 'ImageCopyError';
    }
}
/** Bad input: names the input and says what to change. */
class errors_UsageError extends ImageCopyError {
    constructor(message, hint) {
        super(message, 'usage', hint);
        this.name = 'UsageError';
    }
}
/** The error a cancelled copy fails with: the signal's reason when it is an Error. */
function cancellationError(signal) {
    return signal.reason instanceof Error ? signal.reason : new Error('the copy was cancelled');
}
function errorMessage(e) {
    return e instanceof Error ? e.message : String(e);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/cache.js + 340 modules
var lib_cache = __webpack_require__(1691);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
;// CONCATENATED MODULE: ./src/lazy-builtin.ts

const lazy_builtin_require = (0,external_node_module_.createRequire)(import.meta.url);
/** A loader for builtin `name` (e.g. `node:tls`) that requires it the first time it is called. */
function lazyBuiltin(name) {
    let loadedModule;
    const load = () => (loadedModule ??= lazy_builtin_require(name));
    return Object.assign(load, { loaded: () => loadedModule !== undefined });
}
/** node:crypto: until it is loaded here, the small manifests a run hashes go through src/manifest/sha256.ts. */
const lazy_builtin_nodeCrypto = lazyBuiltin('node:crypto');

;// CONCATENATED MODULE: ./src/memory.ts

const KiB = 1024;
const MiB = 1024 * KiB;
/** What one stream stage (a Readable or a Writable side) queues before it pushes back. */
const STAGE_BUFFER_BYTES = 64 * KiB;
/** What a file's read stream reads, and its write stream queues, at a time: each is a syscall, so larger than a stage. */
const FILE_CHUNK_BYTES = 256 * KiB;
/**
 * Queues one transfer goes through at most: the registry body and its resuming stream (2), verify
 * (2: its writable and readable sides), a tee branch (1), a recompression (6: decompressor, DiffID
 * tap, compressor, besides the compressors' own windows) and the upload's digesting stream (2). A
 * file at either end adds at most a FILE_CHUNK_BYTES queue.
 */
const STAGES_PER_TRANSFER = 13;
/** The most one transfer holds in its queues: 1.3 MiB (most transfers hold a quarter of that). */
const TRANSFER_BUFFER_BYTES = STAGES_PER_TRANSFER * STAGE_BUFFER_BYTES + 2 * FILE_CHUNK_BYTES;
/** Blob bytes read between two young-generation collections. */
const COLLECT_EVERY_BYTES = 4 * MiB;
const v8 = lazyBuiltin('node:v8');
const vm = lazyBuiltin('node:vm');
let collect;
let sinceCollection = 0;
/**
 * Starts the pacing, once: the young generation stops growing, and V8's `gc` is exposed to a context
 * made for it (not to the program's own). Called by whatever first moves bulk bytes: a blob read
 * (noteBytesRead), a file spooled or an archive extracted, the Actions cache restored or saved. V8
 * reads the growth factor whenever it grows the young generation.
 */
function memory_startMemoryPacing() {
    if (collect !== undefined)
        return;
    try {
        v8().setFlagsFromString('--semi-space-growth-factor=1');
        v8().setFlagsFromString('--expose-gc');
        collect = vm().runInNewContext('gc');
    }
    catch {
        collect = null; // only memory is at stake
    }
}
/**
 * A full collection, once bulk bytes have moved (otherwise there is little garbage): what the transfers
 * left behind is freed before work that allocates a lot at the end of a copy (the blob-info cache's
 * save), which then reuses that space instead of growing the heap past the transfers' peak.
 */
function releaseGarbage() {
    collect?.(); // a full collection (Node 20's V8 reads `{ type: 'major' }` as a young one)
}
/** Counts blob bytes read; every COLLECT_EVERY_BYTES it frees the chunks already passed on. */
function noteBytesRead(n) {
    if (collect === undefined)
        memory_startMemoryPacing();
    sinceCollection += n;
    if (sinceCollection < COLLECT_EVERY_BYTES)
        return;
    sinceCollection = 0;
    collect?.({ type: 'minor' });
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./src/cache/blob-directory.ts







const digestPattern = /^sha256:([0-9a-f]{64})$/;
const blobNamePattern = /^[0-9a-f]{64}$/;
/** The hex of a `sha256:<64 hex>` digest, or undefined for any other digest (other algorithms are not cached). */
function sha256Hex(digest) {
    return digestPattern.exec(digest)?.[1];
}
function isErrno(e, ...codes) {
    return typeof e === 'object' && e !== null && codes.includes(e.code ?? '');
}
async function removeFile(file) {
    try {
        await (0,promises_.unlink)(file);
    }
    catch (e) {
        if (!isErrno(e, 'ENOENT'))
            throw e;
    }
}
/**
 * A sink that hashes and counts what it is given and writes it to a file. A failing file write does
 * not fail the stream (an erroring sink would stall the engine's tee, and the cache must never hold
 * up a copy): the error is kept, later bytes are dropped, and `commit` reports it.
 */
class HashingFileSink extends external_node_stream_.Writable {
    hash = lazy_builtin_nodeCrypto().createHash('sha256');
    bytes = 0;
    failure;
    handle;
    constructor(handle) {
        super({ highWaterMark: FILE_CHUNK_BYTES });
        this.handle = handle;
    }
    _write(chunk, _encoding, callback) {
        this.writeChunks([chunk]).then(() => callback(), callback);
    }
    _writev(chunks, callback) {
        this.writeChunks(chunks.map(c => c.chunk)).then(() => callback(), callback);
    }
    _final(callback) {
        this.closeHandle().then(() => callback(), callback);
    }
    _destroy(error, callback) {
        this.closeHandle().then(() => callback(error), () => callback(error));
    }
    async writeChunks(chunks) {
        for (const chunk of chunks) {
            if (this.failure)
                return;
            this.hash.update(chunk);
            this.bytes += chunk.length;
            try {
                let offset = 0;
                while (offset < chunk.length) {
                    const { bytesWritten } = await this.handle.write(chunk, offset, chunk.length - offset);
                    offset += bytesWritten;
                }
            }
            catch (e) {
                this.failure = e;
                await this.closeHandle().catch(() => undefined);
            }
        }
    }
    async closeHandle() {
        const handle = this.handle;
        this.handle = undefined;
        if (handle)
            await handle.close();
    }
}
class BlobWriter {
    owner;
    hex;
    tempPath;
    stream;
    state = 'open';
    constructor(owner, hex, tempPath, handle) {
        this.owner = owner;
        this.hex = hex;
        this.tempPath = tempPath;
        this.stream = new HashingFileSink(handle);
    }
    async commit() {
        if (this.state !== 'open') {
            throw new Error(`blob cache: sha256:${this.hex} was already committed or aborted`);
        }
        this.state = 'committing';
        const sink = this.stream;
        try {
            if (sink.destroyed && !sink.writableFinished) {
                throw sink.errored ?? new Error('the cache write was aborted');
            }
            if (!sink.writableEnded)
                sink.end();
            await (0,external_node_stream_promises_.finished)(sink);
            if (sink.failure)
                throw sink.failure;
            const actual = sink.hash.digest('hex');
            if (actual !== this.hex) {
                throw new Error(`the ${sink.bytes} bytes written hash to sha256:${actual}, not sha256:${this.hex}; not stored`);
            }
            await this.owner.place(this.tempPath, this.hex, sink.bytes);
        }
        catch (e) {
            await removeFile(this.tempPath).catch(() => undefined);
            throw new Error(`blob cache: sha256:${this.hex}: ${e.message}`, { cause: e });
        }
        finally {
            this.state = 'done';
        }
    }
    async abort() {
        if (this.state !== 'open')
            return;
        this.state = 'done';
        if (!this.stream.destroyed)
            this.stream.destroy();
        await (0,external_node_stream_promises_.finished)(this.stream).catch(() => undefined);
        await removeFile(this.tempPath);
    }
}
/**
 * The blob cache directory. `added` counts the blobs this instance stored (not those already present),
 * so the Action knows whether the cache changed and is worth saving.
 */
class blob_directory_BlobDirectory {
    /** The directory given, resolved. */
    dir;
    /** `<dir>/sha256`: the one directory that holds blobs, and the one path saved to the Actions cache. */
    blobsDir;
    addedCount = { count: 0, bytes: 0 };
    constructor(dir) {
        this.dir = external_node_path_default().resolve(dir);
        this.blobsDir = external_node_path_default().join(this.dir, 'sha256');
    }
    /** Blobs stored by this instance since it was constructed. */
    get added() {
        return { ...this.addedCount };
    }
    /** The path a blob is (or would be) stored at; undefined for digests that are not sha256. */
    pathOf(digest) {
        const hex = sha256Hex(digest);
        return hex ? external_node_path_default().join(this.blobsDir, hex) : undefined;
    }
    async get(digest) {
        const file = this.pathOf(digest);
        if (!file)
            return undefined;
        let handle;
        try {
            // never through a symbolic link: a blob is a regular file in this directory
            handle = await (0,promises_.open)(file, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NOFOLLOW ?? 0));
        }
        catch (e) {
            if (isErrno(e, 'ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP'))
                return undefined;
            throw e;
        }
        try {
            if (!(await handle.stat()).isFile()) {
                await handle.close();
                return undefined;
            }
            const now = new Date();
            await handle.utimes(now, now).catch(() => undefined);
        }
        catch (e) {
            await handle.close().catch(() => undefined);
            throw e;
        }
        return handle.createReadStream({ highWaterMark: FILE_CHUNK_BYTES });
    }
    async discard(digest) {
        const file = this.pathOf(digest);
        if (file)
            await removeFile(file);
    }
    async begin(digest) {
        const hex = sha256Hex(digest);
        if (!hex)
            throw new Error(`blob cache: only sha256 digests are cached, not ${digest}`);
        await (0,promises_.mkdir)(this.blobsDir, { recursive: true });
        const tempPath = external_node_path_default().join(this.blobsDir, `.${hex.slice(0, 16)}.${lazy_builtin_nodeCrypto().randomBytes(8).toString('hex')}.tmp`);
        const handle = await (0,promises_.open)(tempPath, 'wx');
        return new BlobWriter(this, hex, tempPath, handle);
    }
    /**
     * Moves a verified temp file to its final name without replacing a blob that is there already
     * (a concurrent writer of the same blob won; its bytes are the same). Used by commit.
     * @internal
     */
    async place(tempPath, hex, bytes) {
        const finalPath = external_node_path_default().join(this.blobsDir, hex);
        let stored;
        try {
            await (0,promises_.link)(tempPath, finalPath);
            stored = true;
        }
        catch (e) {
            if (isErrno(e, 'EEXIST')) {
                // Another writer's blob stays. Anything else by that name (a directory, a link) is replaced.
                stored = !(await (0,promises_.lstat)(finalPath)).isFile();
                if (stored) {
                    await (0,promises_.rm)(finalPath, { recursive: true, force: true });
                    await (0,promises_.rename)(tempPath, finalPath);
                }
            }
            else if (isErrno(e, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS')) {
                // No hard links on this file system: a rename, unless the blob appeared meanwhile.
                stored = !(await exists(finalPath));
                if (stored)
                    await (0,promises_.rename)(tempPath, finalPath);
            }
            else {
                throw e;
            }
        }
        await removeFile(tempPath);
        if (stored) {
            this.addedCount.count++;
            this.addedCount.bytes += bytes;
        }
    }
    /** What `<dir>/sha256` holds; nothing when it does not exist. */
    async entries() {
        try {
            return await (0,promises_.readdir)(this.blobsDir, { withFileTypes: true });
        }
        catch (e) {
            if (isErrno(e, 'ENOENT'))
                return [];
            throw e;
        }
    }
    /** Every blob on disk with its size and modification time (the LRU clock). */
    async list() {
        const entries = await this.entries();
        const blobs = [];
        for (const entry of entries) {
            if (!entry.isFile() || !blobNamePattern.test(entry.name))
                continue;
            try {
                const s = await (0,promises_.stat)(external_node_path_default().join(this.blobsDir, entry.name));
                blobs.push({ hex: entry.name, bytes: s.size, mtimeMs: s.mtimeMs });
            }
            catch (e) {
                if (!isErrno(e, 'ENOENT'))
                    throw e;
            }
        }
        return blobs;
    }
    /** The blobs on disk now. */
    async stats() {
        const blobs = await this.list();
        return { count: blobs.length, bytes: blobs.reduce((sum, b) => sum + b.bytes, 0) };
    }
    /**
     * Drops least-recently-used blobs (oldest modification time first; `get` and `commit` refresh it)
     * until the total is at most `maxBytes`. Returns what was removed.
     */
    async prune(maxBytes) {
        const blobs = await this.list();
        let total = blobs.reduce((sum, b) => sum + b.bytes, 0);
        blobs.sort((a, b) => a.mtimeMs - b.mtimeMs || (a.hex < b.hex ? -1 : 1));
        const removed = { count: 0, bytes: 0 };
        for (const blob of blobs) {
            if (total <= maxBytes)
                break;
            await removeFile(external_node_path_default().join(this.blobsDir, blob.hex));
            total -= blob.bytes;
            removed.count++;
            removed.bytes += blob.bytes;
        }
        return removed;
    }
    /**
     * Removes everything in `<dir>/sha256` that is not a blob: temp files of writes that never finished,
     * and anything else put there (directories, symbolic links, other names). Call it when no write is
     * in flight (before saving the directory, after restoring it). Returns the names removed.
     */
    async sweep() {
        const entries = await this.entries();
        const removed = [];
        for (const entry of entries) {
            if (entry.isFile() && blobNamePattern.test(entry.name))
                continue;
            await (0,promises_.rm)(external_node_path_default().join(this.blobsDir, entry.name), { recursive: true, force: true });
            removed.push(entry.name);
        }
        return removed;
    }
}
async function exists(file) {
    try {
        await (0,promises_.lstat)(file);
        return true;
    }
    catch (e) {
        if (isErrno(e, 'ENOENT'))
            return false;
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/bytes.ts
// Sizes as people read them in logs, summaries and messages; shared by every layer.
/** `1536` → `1.5 KiB`; whole bytes below 1 KiB. */
function formatBytes(bytes) {
    const names = ['KiB', 'MiB', 'GiB', 'TiB'];
    if (bytes < 1024)
        return `${bytes} B`;
    let value = bytes;
    let unit = 'B';
    for (const name of names) {
        if (value < 1024)
            break;
        value /= 1024;
        unit = name;
    }
    return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${unit}`;
}

;// CONCATENATED MODULE: ./src/cache/size.ts
// Byte sizes as users write them (`cache-max-size: 2GiB`) and as logs print them.

const units = {
    '': 1,
    b: 1,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    tb: 1e12,
    kib: 2 ** 10,
    mib: 2 ** 20,
    gib: 2 ** 30,
    tib: 2 ** 40
};
const sizePattern = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)$/i;
/**
 * Parses a size: a number of bytes (`1073741824`), or a number with a unit, SI (`500MB`: powers of
 * 1000) or IEC (`2GiB`: powers of 1024); units are case-insensitive, a space before the unit is
 * allowed. Fractions round down to whole bytes. Throws a UsageError naming `label` (the input) for
 * anything else, and for zero.
 */
function parseSize(text, label = 'cache-max-size') {
    const trimmed = text.trim();
    const match = sizePattern.exec(trimmed);
    const hint = 'give a number of bytes, or a number with a unit: KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), e.g. 2GiB';
    if (!match)
        throw new UsageError(`${label}: "${text}" is not a size`, hint);
    const multiplier = units[match[2].toLowerCase()];
    if (multiplier === undefined) {
        throw new UsageError(`${label}: "${text}" has an unknown unit "${match[2]}"`, hint);
    }
    const bytes = Math.floor(Number(match[1]) * multiplier);
    if (!Number.isSafeInteger(bytes))
        throw new UsageError(`${label}: "${text}" is too large`, hint);
    if (bytes <= 0)
        throw new UsageError(`${label}: "${text}" must be more than zero bytes`, hint);
    return bytes;
}


;// CONCATENATED MODULE: ./src/cache/actions-cache.ts
// The blob directory in the GitHub Actions cache (DESIGN.md section 7): keys, restore in the main step,
// save in the post step, with the real `@actions/cache` library.
//
// A cache is an optimisation, so nothing here throws for a cache service problem: each call returns
// what happened and writes at most one warning line. Outside GitHub (`isFeatureAvailable()` false) it
// writes one notice and the directory stays local.
//
// @actions/cache reports failures by logging through @actions/core (warnings, and `::error::` for
// 5xx answers) and returning undefined / -1, with no way to tell a miss from a failure. So while it
// runs, its annotation lines are taken out of stdout (every other line, `::add-mask::` included,
// passes through) and turned into our one warning; its debug line for a failed reservation tells a
// key another job saved first (409, benign: info) from a real failure.
//
// Time bounds: the library has no timeout on its Twirp calls (an unanswered request hangs forever) nor
// on uploads, so each call is raced against a deadline (`timeoutMs`). When the deadline passes the call
// returns `timeout` with a warning while the library's request is left pending in the background: the
// entry point should end the process itself when its work is done (`process.exit`), as actions/cache
// does, or a hung socket keeps Node alive.






const cacheKeyPrefix = 'image-copy-blobs-';
const maxCustomKeyLength = 400;
/**
 * The key to save under and the prefixes to restore from. `<k>` is the user's `cache-key`, or the first
 * 16 hex digits of the sha256 of the sorted, distinct source references (one per line). Throws a
 * UsageError naming `cache-key` for a key the Actions cache would refuse.
 */
function actions_cache_cacheKey(input) {
    const custom = input.cacheKey?.trim();
    if (custom) {
        if (custom.includes(','))
            throw new UsageError(`cache-key: "${custom}" must not contain commas`);
        if (/[\r\n]/.test(custom))
            throw new UsageError('cache-key: must be one line');
        if (custom.length > maxCustomKeyLength) {
            throw new UsageError(`cache-key: at most ${maxCustomKeyLength} characters, not ${custom.length}`);
        }
    }
    const refs = [...new Set(input.sourceRefs)].sort();
    const k = custom || nodeCrypto().createHash('sha256').update(refs.join('\n')).digest('hex').slice(0, 16);
    const base = `${cacheKeyPrefix}${k}-`;
    const runId = input.runId.trim() || '0';
    const attempt = input.attempt.trim() || '1';
    return { key: `${base}${runId}-${attempt}`, restoreKeys: [`${base}${runId}-`, base] };
}
/**
 * The paths handed to @actions/cache: only `<dir>/sha256`. The cache version hashes these literal
 * strings, so save and restore must be given the same directory.
 */
function blobCachePaths(dir) {
    return [new blob_directory_BlobDirectory(dir).blobsDir];
}
const defaultRestoreTimeoutMs = (/* unused pure expression or super */ null && (10 * 60_000));
/** Restores the newest entry matching `key` (exact) or a restore key (prefix) into `dir`. Never throws. */
function actions_cache_restoreBlobCache(dir, key, restoreKeys, log, options = {}) {
    return guarded('Blob cache not restored (the copy goes on without it)', log, () => restore(dir, key, restoreKeys, log, options));
}
async function restore(dir, key, restoreKeys, log, options) {
    const blobs = new BlobDirectory(dir);
    if (!cache.isFeatureAvailable()) {
        log.notice(unavailableMessage(blobs.dir));
        return { status: 'unavailable' };
    }
    if (!modeAllows('read')) {
        log.info(`Blob cache: not restored, ACTIONS_CACHE_MODE=${cacheMode()} does not allow reads`);
        return { status: 'disabled' };
    }
    const timeoutMs = options.timeoutMs ?? defaultRestoreTimeoutMs;
    startMemoryPacing(); // the archive comes down and is unpacked here
    const output = new LibraryOutput();
    const outcome = await output.during(() => withDeadline(cache.restoreCache(blobCachePaths(dir), key, restoreKeys, {
        timeoutInMs: options.requestTimeoutMs ?? 30_000,
        segmentTimeoutInMs: options.segmentTimeoutMs ?? 5 * 60_000
    }), timeoutMs));
    if (outcome.kind === 'timeout') {
        const message = `no answer from the cache service within ${seconds(timeoutMs)}`;
        log.warning(`Blob cache not restored (the copy goes on without it): ${message}`);
        return { status: 'timeout', message };
    }
    const problem = outcome.kind === 'error' ? firstLine(errorText(outcome.error)) : output.problem();
    if (outcome.kind === 'error' || (outcome.value === undefined && problem)) {
        await blobs.sweep().catch(() => undefined);
        const message = problem ?? 'unknown error';
        log.warning(`Blob cache not restored (the copy goes on without it): ${message}`);
        return { status: 'failed', message };
    }
    const matchedKey = outcome.value;
    if (matchedKey === undefined) {
        const prefixes = restoreKeys.length ? ` or the prefixes ${restoreKeys.join(', ')}` : '';
        log.info(`Blob cache: no entry for ${key}${prefixes}`);
        return { status: 'miss' };
    }
    await blobs.sweep();
    const stats = await blobs.stats();
    log.info(`Blob cache: restored ${matchedKey}, ${describe(stats)}`);
    return { status: 'hit', matchedKey, exact: matchedKey === key, blobs: stats };
}
/** The last line of defence: a cache call never throws. */
async function guarded(what, log, work) {
    try {
        return await work();
    }
    catch (e) {
        const message = firstLine(errorText(e));
        log.warning(`${what}: ${message}`);
        return { status: 'failed', message };
    }
}
/** The default bound on a save of `bytes`: 2 minutes plus the time to upload them at 8 MiB/s. */
function saveTimeoutMs(bytes) {
    return 120_000 + Math.ceil((bytes / (8 * 1024 * 1024)) * 1000);
}
/**
 * Saves `dir` (its `sha256/` blobs only, after removing anything else there) under `key`. Entries are
 * immutable: a key another job saved first is reported as `exists` with an info line. Never throws.
 */
function saveBlobCache(dir, key, log, options = {}) {
    return guarded(`Blob cache not saved as ${key}`, log, () => save(dir, key, log, options));
}
async function save(dir, key, log, options) {
    const blobs = new blob_directory_BlobDirectory(dir);
    if (!lib_cache/* isFeatureAvailable */.w3()) {
        log.notice(unavailableMessage(blobs.dir));
        return { status: 'unavailable' };
    }
    if (!modeAllows('write')) {
        log.info(`Blob cache: not saved, ACTIONS_CACHE_MODE=${cacheMode()} does not allow writes`);
        return { status: 'disabled' };
    }
    let pruned = { count: 0, bytes: 0 };
    let stats;
    try {
        await blobs.sweep();
        if (options.maxBytes !== undefined)
            pruned = await blobs.prune(options.maxBytes);
        stats = await blobs.stats();
    }
    catch (e) {
        const message = `cannot read ${blobs.dir}: ${errorText(e)}`;
        log.warning(`Blob cache not saved as ${key}: ${message}`);
        return { status: 'failed', message };
    }
    if (pruned.count > 0) {
        log.info(`Blob cache: dropped the least recently used ${describe(pruned)} to fit ${formatBytes(options.maxBytes)}`);
    }
    if (stats.count === 0) {
        log.info('Blob cache: empty, nothing to save');
        return { status: 'empty', pruned };
    }
    const timeoutMs = options.timeoutMs ?? saveTimeoutMs(stats.bytes);
    memory_startMemoryPacing(); // the archive is packed and goes up here
    const output = new LibraryOutput();
    const outcome = await output.during(() => withDeadline(lib_cache/* saveCache */.Io(blobCachePaths(dir), key), timeoutMs));
    if (outcome.kind === 'timeout') {
        const message = `the save did not finish within ${seconds(timeoutMs)}`;
        log.warning(`Blob cache not saved as ${key}: ${message}`);
        return { status: 'timeout', pruned, message };
    }
    if (outcome.kind === 'done' && outcome.value !== -1) {
        log.info(`Blob cache: saved ${key}, ${describe(stats)}`);
        return { status: 'saved', blobs: stats, pruned };
    }
    const reserveFailure = output.reserveFailure();
    const annotation = output.problem();
    if (outcome.kind === 'done' && !annotation && reserveFailure && /\(409\)/.test(reserveFailure)) {
        // The service already holds this key (another job of this run saved the same sources first).
        log.info(`Blob cache: ${key} was saved already (by another job), not saving again`);
        return { status: 'exists', pruned };
    }
    const problem = outcome.kind === 'error'
        ? firstLine(errorText(outcome.error))
        : (annotation ?? reserveFailure ?? 'the cache service did not store it');
    log.warning(`Blob cache not saved as ${key}: ${problem}`);
    return { status: 'failed', pruned, message: problem };
}
/** `3 blobs, 1.5 MiB` */
function describe(count) {
    return `${count.count} blob${count.count === 1 ? '' : 's'}, ${formatBytes(count.bytes)}`;
}
function unavailableMessage(dir) {
    return `Blob cache: the GitHub Actions cache service is not available here; using ${dir} as a local cache only`;
}
const knownModes = ['none', 'read', 'write', 'write-only'];
function cacheMode() {
    return (process.env['ACTIONS_CACHE_MODE'] ?? '').trim().toLowerCase();
}
/** ACTIONS_CACHE_MODE as @actions/cache 6 reads it: unknown or empty allows everything. */
function modeAllows(what) {
    const mode = cacheMode();
    if (!knownModes.includes(mode))
        return true;
    return what === 'read' ? mode === 'read' || mode === 'write' : mode === 'write' || mode === 'write-only';
}
async function withDeadline(work, ms) {
    let timer;
    const deadline = new Promise(resolve => {
        timer = setTimeout(() => resolve({ kind: 'timeout' }), ms);
    });
    try {
        return await Promise.race([
            work.then(value => ({ kind: 'done', value }), error => ({ kind: 'error', error })),
            deadline
        ]);
    }
    finally {
        clearTimeout(timer);
    }
}
function seconds(ms) {
    return `${Math.round(ms / 100) / 10} s`;
}
function errorText(e) {
    return e instanceof Error ? e.message : String(e);
}
function firstLine(text) {
    return text.split('\n')[0].trim();
}
/** Undoes the escaping of workflow command data (@actions/core `escapeData`). */
function unescapeData(text) {
    return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
/**
 * Takes the library's annotation lines (`::warning::`, `::error::`, `::notice::`) out of stdout while
 * it runs, and notes its reason for a failed reservation; everything else passes through unchanged.
 */
class LibraryOutput {
    /** Library calls run one at a time, so each capture sees only its own call's lines. */
    static queue = Promise.resolve();
    annotations = [];
    reserveError;
    partial = '';
    active = false;
    original;
    patched;
    /** Runs `work` (after any call still capturing) with the library's output captured. */
    during(work) {
        const run = async () => {
            this.install();
            try {
                return await work();
            }
            finally {
                this.uninstall();
            }
        };
        const result = LibraryOutput.queue.then(run, run);
        LibraryOutput.queue = result.catch(() => undefined);
        return result;
    }
    install() {
        const original = process.stdout.write;
        this.original = original;
        this.active = true;
        const patched = ((chunk, encoding, callback) => {
            if (!this.active)
                return original.call(process.stdout, chunk, encoding, callback);
            const cb = typeof encoding === 'function' ? encoding : callback;
            const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
            this.take(text);
            if (typeof cb === 'function')
                process.nextTick(cb);
            return true;
        });
        this.patched = patched;
        process.stdout.write = patched;
    }
    uninstall() {
        this.active = false;
        if (this.partial)
            this.forward(this.partial);
        this.partial = '';
        // Put the original back unless someone patched stdout after us (then ours just passes through).
        if (process.stdout.write === this.patched && this.original)
            process.stdout.write = this.original;
    }
    /** The message of the library's last warning or error, without its "Failed to …: " prefix. */
    problem() {
        const last = this.annotations.at(-1);
        return last === undefined ? undefined : firstLine(last.replace(/^Failed to (restore|save): /, ''));
    }
    /** Why the library could not reserve the entry (its debug line), e.g. a 409 or the last 500. */
    reserveFailure() {
        return this.reserveError;
    }
    take(text) {
        const lines = (this.partial + text).split('\n');
        this.partial = lines.pop() ?? '';
        for (const line of lines)
            this.line(line);
    }
    line(raw) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        const annotation = /^::(warning|error|notice)(?: [^:]*)?::(.*)$/.exec(line);
        if (annotation) {
            this.annotations.push(unescapeData(annotation[2]));
            return;
        }
        const reserve = /^::debug::Failed to reserve cache: (?:\w*Error: )?(.*)$/.exec(line);
        if (reserve)
            this.reserveError = firstLine(unescapeData(reserve[1]));
        this.forward(`${raw}\n`);
    }
    forward(text) {
        this.original?.call(process.stdout, text);
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(9805);
;// CONCATENATED MODULE: ./src/action/runner-cache.ts
// The blob cache in the runner's tool cache (cache-location: runner | both): a self-hosted runner keeps
// its disk between jobs, so a scheduled mirror on the same machine finds the blobs it pulled before
// without the source or the Actions cache. The directory is a "tool" of @actions/tool-cache, versioned
// by the cache key, and used in place (blobs are added to it as they are pulled; post prunes it).





const runnerCacheTool = 'image-copy-blobs';
/** A semver version per cache key (tool-cache finds tools by semver): `1.0.0-<16 hex of the key>`. */
function runnerCacheVersion(keyBase) {
    return `1.0.0-${nodeCrypto().createHash('sha256').update(keyBase).digest('hex').slice(0, 16)}`;
}
/**
 * The runner's blob directory for this key: found, or created empty (tool-cache copies a directory
 * in and marks it complete). Undefined when the runner has no tool cache (RUNNER_TOOL_CACHE unset).
 */
async function runner_cache_runnerBlobDirectory(keyBase) {
    if (!process.env.RUNNER_TOOL_CACHE)
        return undefined;
    const version = runnerCacheVersion(keyBase);
    const found = tc.find(runnerCacheTool, version);
    if (found)
        return found;
    const empty = await mkdtemp(path.join(process.env.RUNNER_TEMP || tmpdir(), 'image-copy-empty-'));
    try {
        return await tc.cacheDir(empty, runnerCacheTool, version);
    }
    finally {
        await rm(empty, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/action/blob-cache.ts
// The blob cache in the Action (DESIGN.md section 7): main restores it from the GitHub Actions cache
// and hands it to the engine; post saves it when the run added blobs.






const stateName = 'blob-cache';
const cacheLog = {
    info: m => lib_core/* info */.pq(m),
    notice: m => lib_core/* notice */.lm(m),
    warning: m => lib_core/* warning */.$e(m)
};
/** The cache directory: the same path in main and post (the Actions cache versions entries by path). */
function cacheDirectory() {
    return path.join(process.env.RUNNER_TEMP || tmpdir(), 'image-copy-blobs');
}
/**
 * `sources` names what is copied (default: src) for the key; `shard` (i/N) makes each shard's entry
 * its own within a run (every shard saves), while restore keys still find any shard's entry.
 */
async function openBlobCache(request, sources = [request.source], shard) {
    if (!request.cache.enabled)
        return undefined;
    const attempt = process.env.GITHUB_RUN_ATTEMPT ?? '';
    const { key, restoreKeys } = cacheKey({
        sourceRefs: sources,
        cacheKey: request.cache.key,
        runId: process.env.GITHUB_RUN_ID ?? '',
        attempt: shard ? `${attempt.trim() || '1'}-shard-${shard.replace('/', '-of-')}` : attempt
    });
    let location = request.cache.location;
    let dir = cacheDirectory();
    if (location !== 'actions') {
        const runnerDir = await runnerBlobDirectory(restoreKeys[restoreKeys.length - 1]);
        if (runnerDir) {
            dir = runnerDir;
            const held = await new BlobDirectory(dir).stats();
            core.info(`Blob cache: the runner's tool cache at ${dir} holds ${held.count} blobs`);
        }
        else {
            core.warning(`cache-location ${location}: this runner has no tool cache (RUNNER_TOOL_CACHE is unset); using the Actions cache`);
            location = 'actions';
        }
    }
    const restored = location === 'runner' ? { status: 'runner' } : await restoreBlobCache(dir, key, restoreKeys, cacheLog);
    return { directory: new BlobDirectory(dir), key, restored: restored.status, location };
}
function rememberForPost(cache, request) {
    const state = {
        dir: cache.directory.dir,
        key: cache.key,
        maxBytes: request.cache.maxBytes,
        restored: cache.restored,
        added: cache.directory.added.count,
        location: cache.location
    };
    core.saveState(stateName, JSON.stringify(state));
}
/** The post step: save the cache when main added blobs and a cache service is there. */
async function saveBlobCacheFromState() {
    const raw = lib_core/* getState */.Gu(stateName);
    if (!raw)
        return;
    const state = JSON.parse(raw);
    if (state.location !== 'actions')
        await pruneRunnerCache(state);
    if (state.location === 'runner')
        return;
    if (state.restored === 'unavailable' || state.restored === 'disabled')
        return;
    if (state.added === 0) {
        lib_core/* info */.pq('Blob cache: no new blobs in this run, nothing to save');
        return;
    }
    await saveBlobCache(state.dir, state.key, cacheLog, { maxBytes: state.maxBytes });
}
/** The runner's copy is bounded by cache-max-size like the Actions cache: least recently used first. */
async function pruneRunnerCache(state) {
    const blobs = new blob_directory_BlobDirectory(state.dir);
    await blobs.sweep();
    const pruned = await blobs.prune(state.maxBytes);
    const held = await blobs.stats();
    lib_core/* info */.pq(`Blob cache: the runner's tool cache holds ${held.count} blobs${pruned.count > 0 ? ` (dropped ${pruned.count} least recently used to fit cache-max-size)` : ''}`);
}

;// CONCATENATED MODULE: ./src/action/post.ts
// The Action's post step: save the blob cache when the main step added blobs (DESIGN.md section 7).



async function runPost() {
    try {
        await saveBlobCacheFromState();
    }
    catch (e) {
        // The cache is an optimisation: a failure to save it never fails the job.
        lib_core/* warning */.$e(`Blob cache not saved: ${errorMessage(e)}`);
    }
}


/***/ })

};
