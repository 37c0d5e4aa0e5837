export const id = 372;
export const ids = [372];
export const modules = {

/***/ 9963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  u: () => (/* binding */ ArchiveWriter),
  t: () => (/* binding */ SPOOL_PREFIX)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/manifest/index.ts + 17 modules
var manifest = __webpack_require__(571);
// EXTERNAL MODULE: ./src/transports/local/files.ts
var files = __webpack_require__(2437);
// EXTERNAL MODULE: ./src/transports/local/stale-temps.ts
var stale_temps = __webpack_require__(4165);
// EXTERNAL MODULE: ./src/transports/docker-archive/archive-format.ts
var archive_format = __webpack_require__(8772);
// EXTERNAL MODULE: ./src/compression/streams.ts
var streams = __webpack_require__(8063);
// EXTERNAL MODULE: ./src/manifest/go-json.ts + 2 modules
var go_json = __webpack_require__(3609);
// EXTERNAL MODULE: ./src/transports/local/digest.ts
var local_digest = __webpack_require__(2200);
;// CONCATENATED MODULE: ./src/transports/docker-archive/legacy-layers.ts
// The pre-1.10 `docker save` layout that old `docker load` needs: one directory per layer with
// `layer.tar` (a symlink to the real layer file), `VERSION` and `json`; computed as containers/image
// writer.go writeLegacyMetadataLocked does, so the IDs equal skopeo's.




/** Fields of the image config copied into the top layer's `json`. */
const TOP_LAYER_FIELDS = [
    'architecture',
    'config',
    'container',
    'container_config',
    'created',
    'docker_version',
    'os'
];
/** The legacy layers of an image, base first; the last one's ID is what `repositories` names. */
function legacyLayers(layerDigests, configBytes) {
    const config = (0,go_json/* rawObjectEntries */.o6)((0,manifest/* parseJson */.qF)(configBytes, 'image config'), 'image config');
    const out = [];
    let chainId = '';
    let lastId = '';
    layerDigests.forEach((digest, i) => {
        (0,local_digest/* parseDigest */.m)(digest); // validated, so that the chain ID below is unambiguous
        const fields = new Map();
        if (lastId !== '')
            fields.set('parent', lastId);
        if (i === layerDigests.length - 1) {
            // A missing field is a nil *json.RawMessage: `null`.
            for (const attr of TOP_LAYER_FIELDS)
                fields.set(attr, config.get(attr) ?? null);
        }
        chainId = chainId === '' ? digest : `sha256:${sha256Hex(`${chainId} ${digest}`)}`;
        fields.set('layer_id', chainId);
        const id = sha256Hex((0,manifest/* goMarshal */.vy)(new manifest/* GoMap */.tn(fields)));
        fields.delete('layer_id');
        fields.set('id', id);
        out.push({ id, json: (0,manifest/* goMarshal */.vy)(new manifest/* GoMap */.tn(fields)), digest });
        lastId = id;
    });
    return out;
}
function sha256Hex(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}

// EXTERNAL MODULE: ./src/transports/docker-archive/tar-header.ts
var tar_header = __webpack_require__(5885);
;// CONCATENATED MODULE: ./src/transports/docker-archive/archive-writer.ts
// Writes a `docker save` archive entry by entry as blobs arrive (containers/image
// docker/internal/tarfile/writer.go): configs and layers in arrival order, legacy layer directories
// once an image is complete, manifest.json and `repositories` last. `docker load` accepts that
// order, so the archive can be streamed (docker-daemon) as well as written to a file.
//
// A tar header needs the entry's size and our name for a layer needs its digest, both unknown while
// a layer is being decompressed. Into a file such a layer streams directly behind a placeholder
// header that is rewritten afterwards; into a stream it is spooled to a temp file first. Entries are
// written one at a time: a layer arriving while another is being written is spooled rather than
// held back, so that its source keeps flowing.











/** Temp directories of spooled layers: `<tmpDir>/<SPOOL_PREFIX><pid>-<random>`. */
const SPOOL_PREFIX = 'image-copy-docker-archive-spool-';
class ArchiveWriter {
    sink;
    options;
    /** Blobs by the digest they were written as, and by the digest they arrived as. */
    blobs = new Map();
    items = [];
    repositories = new Map();
    names = new Set();
    busy = false;
    waiting = [];
    spoolDir;
    failure;
    finished = false;
    constructor(sink, options) {
        this.sink = sink;
        this.options = options;
    }
    /** A blob already in the archive, by either of its digests. */
    storedBlob(digest) {
        return this.blobs.get(digest);
    }
    /** Writes a config (read whole by the caller, as upstream does) as `<hex>.json`. */
    async putConfig(digest, bytes) {
        const existing = this.blobs.get(digest);
        if (existing)
            return existing;
        await this.exclusive(() => this.writeBytesEntry((0,archive_format/* configFileName */.S3)(digest), bytes));
        const stored = {
            info: { digest, size: bytes.length, mediaType: manifest/* MediaType */.zu.DockerV2Schema2Config }
        };
        this.blobs.set(digest, stored);
        return stored;
    }
    /**
     * Writes a layer as `<hex>.tar`. With `decompress`, a compressed layer is decompressed and named by
     * its DiffID. The stream fails (at its end, for a digest mismatch) when its bytes do not verify:
     * then nothing of it stays in the archive (a file) or the archive is aborted (a stream).
     */
    async putLayer(input, info, policy) {
        input.on('error', () => undefined); // reported where the stream is consumed
        this.check();
        const known = this.blobs.get(info.digest);
        if (known) {
            await (0,files/* drain */.Ze)(input);
            return known;
        }
        // The first bytes are put back on the stream itself: no stage between it and the archive.
        const { compression, stream } = await (0,streams/* sniffCompression */.Hs)(input);
        const what = `layer ${info.digest || '(unknown digest)'}`;
        const transform = policy === 'decompress' && compression !== 'none' ? (0,streams/* decompressor */.ni)(compression, what) : undefined;
        const bytes = transform ? (0,external_node_stream_.pipeline)(stream, transform, () => undefined) : stream;
        const mediaType = policy === 'decompress'
            ? manifest/* MediaType */.zu.DockerV2SchemaLayerUncompressed
            : (info.mediaType ?? manifest/* MediaType */.zu.DockerV2SchemaLayerUncompressed);
        const record = (written) => {
            const existing = this.blobs.get(written.digest);
            if (existing) {
                // The same layer, compressed differently, was written already.
                if (info.digest !== '')
                    this.blobs.set(info.digest, existing);
                return existing;
            }
            const stored = {
                info: { digest: written.digest, size: written.size, mediaType },
                diffId: transform || compression === 'none' ? written.digest : undefined
            };
            this.blobs.set(written.digest, stored);
            if (info.digest !== '')
                this.blobs.set(info.digest, stored);
            return stored;
        };
        // The entry's name and size are known up front when the bytes are stored as they come.
        const expected = !transform && info.digest !== '' && info.size >= 0
            ? { digest: info.digest, size: info.size }
            : undefined;
        if (this.tryLock()) {
            try {
                if (expected)
                    return record(await this.streamKnownEntry(bytes, expected, what));
                if (this.sink.seekable)
                    return record(await this.streamUnknownEntry(bytes, what));
            }
            finally {
                this.unlock();
            }
        }
        const spooled = await this.spool(bytes, expected, what);
        try {
            if (!this.blobs.has(spooled.digest))
                await this.exclusive(() => this.copySpool(spooled));
            return record(spooled);
        }
        finally {
            await (0,files/* removeQuietly */.S2)(spooled.file);
        }
    }
    /** Records an image: its legacy layer directories now, its manifest.json item at finish. */
    async addImage(layerDigests, configDigest, configBytes, repoTags) {
        const legacy = legacyLayers(layerDigests, configBytes);
        await this.exclusive(async () => {
            for (const layer of legacy) {
                if (this.names.has(`${layer.id}/${archive_format/* LEGACY_VERSION_FILE */.uI}`))
                    continue;
                await this.writeSymlinkEntry(`${layer.id}/${archive_format/* LEGACY_LAYER_FILE */.Zp}`, `../${(0,archive_format/* layerFileName */.dX)(layer.digest)}`);
                await this.writeBytesEntry(`${layer.id}/${archive_format/* LEGACY_VERSION_FILE */.uI}`, Buffer.from('1.0'));
                await this.writeBytesEntry(`${layer.id}/${archive_format/* LEGACY_CONFIG_FILE */.EX}`, layer.json);
            }
        });
        const config = (0,archive_format/* configFileName */.S3)(configDigest);
        let item = this.items.find(i => i.Config === config);
        if (item === undefined) {
            item = { Config: config, RepoTags: [], Layers: layerDigests.map(archive_format/* layerFileName */.dX) };
            this.items.push(item);
        }
        const top = legacy.at(-1);
        for (const ref of repoTags) {
            const tag = ref.tag ?? 'latest';
            const repoTag = `${ref.name}:${tag}`;
            if (!item.RepoTags.includes(repoTag))
                item.RepoTags.push(repoTag);
            if (top === undefined)
                continue;
            let tags = this.repositories.get(ref.name);
            if (tags === undefined)
                this.repositories.set(ref.name, (tags = new Map()));
            tags.set(tag, top.id);
        }
    }
    /** Writes manifest.json and `repositories`, ends the archive and flushes the sink. */
    async finish() {
        await this.exclusive(async () => {
            await this.writeBytesEntry(archive_format/* MANIFEST_FILE */.h1, (0,archive_format/* serializeManifestJson */.AU)(this.items));
            await this.writeBytesEntry(archive_format/* REPOSITORIES_FILE */.aA, (0,archive_format/* serializeRepositories */.LR)(this.repositories));
            await this.sink.write(tar_header/* END_OF_ARCHIVE */.bM);
            await this.sink.end();
            this.finished = true;
        });
        await this.removeSpoolDir();
    }
    /** Abandons the archive: the sink is aborted (a file is removed) and spooled layers deleted. */
    async abort(reason) {
        this.failure ??= reason;
        if (!this.finished)
            await this.sink.abort(reason);
        await this.removeSpoolDir();
    }
    // ------------------------------------------------------------------------------------------------
    // Entries
    async writeBytesEntry(name, bytes) {
        if (this.names.has(name))
            return;
        await this.sink.write((0,tar_header/* encodeHeader */.YS)({ name, type: 'file', size: bytes.length }));
        await this.sink.write(Buffer.concat([bytes, (0,tar_header/* paddingFor */.RQ)(bytes.length)]));
        this.names.add(name);
    }
    async writeSymlinkEntry(name, target) {
        if (this.names.has(name))
            return;
        await this.sink.write((0,tar_header/* encodeHeader */.YS)({ name, type: 'symlink', size: 0, linkname: target }));
        this.names.add(name);
    }
    /** Streams an entry whose digest and size are known; on failure the partial entry is undone. */
    async streamKnownEntry(bytes, expected, what) {
        const name = (0,archive_format/* layerFileName */.dX)(expected.digest);
        if (this.names.has(name)) {
            await (0,files/* drain */.Ze)(bytes);
            return expected;
        }
        const start = this.sink.position;
        try {
            await this.sink.write((0,tar_header/* encodeHeader */.YS)({ name, type: 'file', size: expected.size }));
            await this.pump(bytes, expected.size, undefined, what);
            await this.sink.write((0,tar_header/* paddingFor */.RQ)(expected.size));
        }
        catch (e) {
            await this.undoEntry(start, e);
            throw e;
        }
        this.names.add(name);
        return expected;
    }
    /** Streams an entry of unknown size behind a placeholder header, then writes the real header (files only). */
    async streamUnknownEntry(bytes, what) {
        const seekable = this.sink.seekable;
        const start = this.sink.position;
        let written;
        try {
            await this.sink.write(Buffer.alloc(tar_header/* BLOCK_SIZE */.cS));
            const hash = (0,external_node_crypto_.createHash)('sha256');
            const size = await this.pump(bytes, undefined, hash, what);
            written = { digest: `sha256:${hash.digest('hex')}`, size };
            const name = (0,archive_format/* layerFileName */.dX)(written.digest);
            if (this.blobs.has(written.digest) || this.names.has(name)) {
                // The same layer, compressed differently, is in the archive already.
                await seekable.truncate(start);
                return written;
            }
            await this.sink.write((0,tar_header/* paddingFor */.RQ)(size));
            await seekable.writeAt(start, (0,tar_header/* encodeHeader */.YS)({ name, type: 'file', size }));
            this.names.add(name);
        }
        catch (e) {
            await this.undoEntry(start, e);
            throw e;
        }
        return written;
    }
    async copySpool(spooled) {
        const name = (0,archive_format/* layerFileName */.dX)(spooled.digest);
        if (this.names.has(name))
            return;
        const start = this.sink.position;
        try {
            await this.sink.write((0,tar_header/* encodeHeader */.YS)({ name, type: 'file', size: spooled.size }));
            await this.pump((0,external_node_fs_.createReadStream)(spooled.file), spooled.size, undefined, `spooled ${name}`);
            await this.sink.write((0,tar_header/* paddingFor */.RQ)(spooled.size));
        }
        catch (e) {
            await this.undoEntry(start, e);
            throw e;
        }
        this.names.add(name);
    }
    /** A file loses the partial entry; a stream cannot, so the archive is aborted. */
    async undoEntry(start, error) {
        if (this.sink.seekable) {
            await this.sink.seekable.truncate(start).catch(async (e) => this.abort(e));
        }
        else {
            await this.abort(new Error(`${this.options.what} was abandoned: an entry failed while it was being written: ${error.message}`));
        }
    }
    /** Copies `bytes` into the sink, checking the size when it is known; returns the number of bytes. */
    async pump(bytes, expectedSize, hash, what) {
        let size = 0;
        for await (const chunk of bytes) {
            const data = chunk;
            size += data.length;
            if (expectedSize !== undefined && size > expectedSize) {
                throw new Error(`Size mismatch when copying ${what}: expected ${expectedSize} bytes, got more`);
            }
            hash?.update(data);
            await this.sink.write(data);
        }
        if (expectedSize !== undefined && size !== expectedSize) {
            throw new Error(`Size mismatch when copying ${what}: expected ${expectedSize} bytes, got ${size}`);
        }
        return size;
    }
    /** Writes a layer's (decompressed) bytes to a temp file, learning its digest and size. */
    async spool(bytes, expected, what) {
        this.spoolDir ??= (0,stale_temps/* openTempDir */.OT)(this.options.tmpDir ?? external_node_os_default().tmpdir(), SPOOL_PREFIX);
        const file = (0,files/* tempPath */.EZ)(await this.spoolDir, 'layer');
        const written = await (0,files/* writeStreamToNewFile */.bQ)(bytes, file, expected ? undefined : 'sha256');
        if (expected && written.size !== expected.size) {
            await (0,files/* removeQuietly */.S2)(file);
            throw new Error(`Size mismatch when copying ${what}: expected ${expected.size} bytes, got ${written.size}`);
        }
        return { digest: expected?.digest ?? written.digest, size: written.size, file };
    }
    async removeSpoolDir() {
        const dir = this.spoolDir;
        this.spoolDir = undefined;
        if (dir !== undefined)
            await (0,files/* removeQuietly */.S2)(await dir.catch(() => ''));
    }
    // ------------------------------------------------------------------------------------------------
    // One entry at a time
    tryLock() {
        if (this.busy)
            return false;
        this.busy = true;
        return true;
    }
    unlock() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.busy = false;
    }
    async exclusive(run) {
        if (!this.tryLock())
            await new Promise(resolve => this.waiting.push(resolve));
        try {
            this.check();
            return await run();
        }
        finally {
            this.unlock();
        }
    }
    check() {
        if (this.failure)
            throw this.failure;
        if (this.finished)
            throw new Error(`internal error: ${this.options.what} was written after it was finished`);
    }
}


/***/ }),

/***/ 8372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openArchiveDestination: () => (/* binding */ openArchiveDestination)
/* harmony export */ });
/* unused harmony export ExistingArchiveError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _local_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2437);
/* harmony import */ var _local_stale_temps_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4165);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _archive_writer_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9963);
/* harmony import */ var _tarball_destination_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(51);
/* harmony import */ var _tar_sink_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2743);
// Writing one image as a `docker save` archive file. Like upstream (docker/archive/dest.go), an
// existing non-empty file is refused: the archive holds one image and would be lost. Unlike
// upstream (which writes the target in place), the archive goes to a temp file beside the target
// that is published at commit (linked, so a file that appeared meanwhile is not replaced either);
// close() without commit removes the temp file. A target that is a pipe or a device
// (`/dev/stdout`) is written to directly, as upstream does.









async function openArchiveDestination(ref, ctx) {
    if (ref.selection.kind === 'index') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${ref.toString()}: a destination reference must not contain a manifest index @${ref.selection.index}`);
    }
    const repoTags = ref.selection.kind === 'name' ? [ref.selection.name] : [];
    const what = `docker archive ${ref.path}`;
    const { sink, target } = await openTarget(ref.path, ref.toString());
    await (0,_local_stale_temps_js__WEBPACK_IMPORTED_MODULE_4__/* .sweepStaleTempDirs */ .K1)(ctx.tmpDir ?? node_os__WEBPACK_IMPORTED_MODULE_5___default().tmpdir(), _archive_writer_js__WEBPACK_IMPORTED_MODULE_6__/* .SPOOL_PREFIX */ .t);
    const writer = new _archive_writer_js__WEBPACK_IMPORTED_MODULE_6__/* .ArchiveWriter */ .u(sink, { tmpDir: ctx.tmpDir, what });
    return new _tarball_destination_js__WEBPACK_IMPORTED_MODULE_7__/* .TarballDestination */ .T(ref, writer, target, {
        layers: 'decompress',
        repoTags,
        mustMatchRuntimeOS: false
    });
}
class ExistingArchiveError extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb {
    constructor(label, file) {
        super(`${label}: ${file} already exists and is not empty; docker-archive doesn't support modifying existing images`, 'remove the file or choose another path');
        this.name = 'ExistingArchiveError';
    }
}
async function openTarget(file, label) {
    let resolved = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(file);
    let existsEmpty = false;
    try {
        resolved = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.realpath(file);
        const stat = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(resolved);
        if (stat.isDirectory())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${label}: ${file} is a directory, not an archive file`);
        if (stat.isFile() && stat.size > 0)
            throw new ExistingArchiveError(label, file);
        existsEmpty = stat.isFile();
        if (!stat.isFile()) {
            const out = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(resolved, { flags: 'w' });
            const sink = new _tar_sink_js__WEBPACK_IMPORTED_MODULE_8__/* .StreamTarSink */ .V(out, file);
            return { sink, target: { complete: async () => undefined, discard: async () => undefined } };
        }
    }
    catch (e) {
        if (!(0,_local_files_js__WEBPACK_IMPORTED_MODULE_3__/* .isNotFound */ .c4)(e))
            throw e;
    }
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(resolved);
    const createdDirs = await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_3__/* .makeDirectories */ .Kb)(dir);
    const temp = await (0,_local_stale_temps_js__WEBPACK_IMPORTED_MODULE_4__/* .tempBeside */ .p8)(resolved);
    let sink;
    try {
        sink = await _tar_sink_js__WEBPACK_IMPORTED_MODULE_8__/* .FileTarSink */ .H.create(temp);
    }
    catch (e) {
        await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_3__/* .removeEmptyDirectories */ .f1)(createdDirs);
        throw e;
    }
    const target = {
        complete: () => publishArchive(temp, resolved, existsEmpty, label),
        discard: async () => {
            await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_3__/* .removeQuietly */ .S2)(temp);
            await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_3__/* .removeEmptyDirectories */ .f1)(createdDirs);
        }
    };
    return { sink, target };
}
/** Gives the finished archive its name; only an empty file found at open may be replaced. */
async function publishArchive(temp, target, replace, label) {
    if (replace)
        return node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rename(temp, target);
    try {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.link(temp, target);
    }
    catch (e) {
        if ((0,_local_files_js__WEBPACK_IMPORTED_MODULE_3__/* .errnoCode */ .UK)(e) === 'EEXIST')
            throw new ExistingArchiveError(label, target);
        // No hard links here: a rename, after a last look.
        if (await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_3__/* .pathExists */ .s0)(target))
            throw new ExistingArchiveError(label, target);
        return node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rename(temp, target);
    }
    await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_3__/* .removeQuietly */ .S2)(temp);
}


/***/ }),

/***/ 2743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ FileTarSink),
/* harmony export */   V: () => (/* binding */ StreamTarSink)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _local_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2437);
// Where the archive writer's bytes go: a file (which can also rewrite a header written before its
// entry's size was known, and cut off an entry that failed) or a stream (the body of a docker load
// request, a pipe), which can only be appended to.


/** A new file (which must not exist), written with positional writes, fsynced at the end. */
class FileTarSink {
    file;
    handle;
    offset = 0;
    failure;
    closed = false;
    constructor(file, handle) {
        this.file = file;
        this.handle = handle;
    }
    static async create(file) {
        return new FileTarSink(file, await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.open(file, 'wx', 0o644));
    }
    get position() {
        return this.offset;
    }
    get seekable() {
        return this;
    }
    async write(data) {
        this.check();
        await this.writeAt(this.offset, data);
        this.offset += data.length;
    }
    async writeAt(offset, data) {
        this.check();
        for (let done = 0; done < data.length;) {
            done += (await this.handle.write(data, done, data.length - done, offset + done)).bytesWritten;
        }
    }
    async truncate(offset) {
        this.check();
        await this.handle.truncate(offset);
        this.offset = offset;
    }
    async end() {
        this.check();
        this.closed = true;
        try {
            await this.handle.sync();
        }
        finally {
            await this.handle.close();
        }
    }
    /** Closes and removes the file. */
    async abort(error) {
        this.failure ??= error;
        if (!this.closed) {
            this.closed = true;
            await this.handle.close().catch(() => undefined);
        }
        await (0,_local_files_js__WEBPACK_IMPORTED_MODULE_1__/* .removeQuietly */ .S2)(this.file);
    }
    check() {
        if (this.failure)
            throw this.failure;
        if (this.closed)
            throw new Error(`internal error: ${this.file} was written after it was closed`);
    }
}
/** Appends to a Writable, honouring its backpressure. */
class StreamTarSink {
    out;
    what;
    offset = 0;
    failure;
    seekable = undefined;
    constructor(out, 
    /** Names the stream in errors. */
    what) {
        this.out = out;
        this.what = what;
        out.on('error', e => {
            this.failure ??= e;
        });
    }
    get position() {
        return this.offset;
    }
    async write(data) {
        this.check();
        this.offset += data.length;
        if (this.out.write(data))
            return;
        await this.settled('drain');
    }
    async end() {
        this.check();
        const done = this.settled('finish');
        this.out.end();
        await done;
    }
    async abort(error) {
        this.failure ??= error;
        if (!this.out.destroyed)
            this.out.destroy(error);
    }
    check() {
        if (this.failure)
            throw this.failure;
        if (this.out.destroyed || this.out.writableEnded)
            throw new Error(`${this.what} was closed`);
    }
    /** Waits for `event`, failing if the stream errors or closes first. */
    settled(event) {
        return new Promise((resolve, reject) => {
            const cleanup = () => {
                this.out.off(event, onEvent);
                this.out.off('error', onError);
                this.out.off('close', onClose);
            };
            const onEvent = () => {
                cleanup();
                resolve();
            };
            const onError = (e) => {
                cleanup();
                reject(this.failure ?? e);
            };
            const onClose = () => {
                cleanup();
                reject(this.failure ?? new Error(`${this.what} was closed`));
            };
            this.out.on(event, onEvent);
            this.out.on('error', onError);
            this.out.on('close', onClose);
        });
    }
}


/***/ }),

/***/ 51:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ TarballDestination)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(571);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1072);
/* harmony import */ var _local_write_tracker_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7224);
/* harmony import */ var _archive_format_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8772);
// An ImageDestination writing one image as a `docker save` archive through an ArchiveWriter
// (containers/image docker/internal/tarfile/dest.go). docker-archive: puts it in a file,
// docker-daemon: streams it into `docker load`; each supplies an ArchiveTarget.






const SIGNATURES_REFUSED = 'Storing signatures for docker tar files is not supported';
class TarballDestination {
    ref;
    writer;
    target;
    options;
    properties;
    configs = new Map();
    writes;
    manifest;
    constructor(ref, writer, target, options) {
        this.ref = ref;
        this.writer = writer;
        this.target = target;
        this.options = options;
        this.writes = new _local_write_tracker_js__WEBPACK_IMPORTED_MODULE_5__/* .WriteTracker */ .K(ref);
        // tarfile/dest.go. hasThreadSafePutBlob is false, as upstream: entries are written one at a
        // time (concurrent layers are spooled meanwhile).
        this.properties = (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .destinationProperties */ .a7)({
            supportedManifestMimeTypes: [_manifest_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.DockerV2Schema2],
            supportsSignatures: SIGNATURES_REFUSED,
            desiredLayerCompression: options.layers,
            acceptsForeignLayerURLs: false,
            mustMatchRuntimeOS: options.mustMatchRuntimeOS,
            hasThreadSafePutBlob: false
        });
    }
    async tryReusingBlob(info, _options) {
        const stored = this.writer.storedBlob(info.digest);
        return stored ? { reused: true, how: 'exists', info: { ...stored.info } } : { reused: false };
    }
    putBlob(stream, info, options) {
        return this.writes.track(async () => {
            // Whatever fails here, the engine's stream is read to its end before putBlob rejects, never
            // destroyed: it is one branch of a tee, and the engine waits for its source to end.
            const input = new node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough();
            stream.on('error', e => input.destroy(e));
            stream.pipe(input);
            try {
                if (!options.isConfig)
                    return { ...(await this.writer.putLayer(input, info, this.options.layers)).info };
                const bytes = await readConfig(input, info);
                const digest = info.digest === '' ? (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Digest */ .sI)(bytes) : info.digest;
                this.configs.set(digest, bytes);
                return { ...(await this.writer.putConfig(digest, bytes)).info };
            }
            catch (e) {
                stream.unpipe(input);
                input.destroy();
                await drainQuietly(stream);
                const message = e.message;
                if (e.name === 'BlobVerificationError')
                    throw e;
                throw new Error(info.digest !== '' && message.includes(info.digest)
                    ? `${this.ref.toString()}: ${message}`
                    : `writing ${options.isConfig ? 'config' : 'layer'} ${info.digest} to ${this.ref.toString()}: ${message}`, { cause: e });
            }
        });
    }
    putManifest(manifest, instanceDigest) {
        return this.writes.track(async () => {
            if (instanceDigest !== undefined)
                throw new Error('Manifest lists are not supported for docker tar files');
            this.manifest = parseSchema2(manifest);
        });
    }
    async putSignatures(signatures, _instanceDigest) {
        if (signatures.length > 0)
            throw new Error(SIGNATURES_REFUSED);
    }
    async commit(toplevel) {
        this.writes.checkOpen();
        await this.writes.settle();
        const manifest = this.manifest ?? parseSchema2(toplevel);
        const configBytes = this.configs.get(manifest.config.digest);
        if (configBytes === undefined) {
            throw new Error(`${this.ref.toString()}: the config ${manifest.config.digest} was not written before the manifest`);
        }
        this.checkLayers(manifest.layers, configBytes);
        await this.writer.addImage(manifest.layers.map(l => l.digest), manifest.config.digest, configBytes, this.options.repoTags);
        await this.writer.finish();
        await this.target.complete();
        this.writes.markCommitted();
    }
    async close() {
        if (!(await this.writes.close()))
            return;
        const reason = new Error(`${this.ref.toString()}: the copy was not completed`);
        await this.writer.abort(reason);
        await this.target.discard(reason);
    }
    /** Every layer is in the archive, and its DiffID is the one the config lists at its position. */
    checkLayers(layers, configBytes) {
        const name = this.ref.toString();
        const diffIds = (0,_archive_format_js__WEBPACK_IMPORTED_MODULE_4__/* .configDiffIds */ .eL)(configBytes, `${name}: the image config`);
        if (diffIds.length !== layers.length) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ImageCopyError */ .xv(`${name}: the manifest has ${layers.length} layers but the image config lists ${diffIds.length} DiffIDs`);
        }
        layers.forEach((layer, i) => {
            const stored = this.writer.storedBlob(layer.digest);
            if (stored === undefined)
                throw new Error(`${name}: layer ${layer.digest} was not written to the archive`);
            if (stored.diffId !== undefined && stored.diffId !== diffIds[i]) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ImageCopyError */ .xv(`${name}: layer ${i} (${layer.digest}) has DiffID ${stored.diffId} (the digest of its uncompressed content), but the image config lists ${diffIds[i]}`);
            }
        });
    }
}
/** Reads a config whole (it is small; upstream does the same), refusing one over the limit. */
async function readConfig(stream, info) {
    const chunks = [];
    let size = 0;
    for await (const chunk of stream) {
        size += chunk.length;
        if (size > _archive_format_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_CONFIG_SIZE */ .S6)
            throw new Error(`the config is larger than ${_archive_format_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_CONFIG_SIZE */ .S6} bytes`);
        chunks.push(chunk);
    }
    if (info.size >= 0 && size !== info.size) {
        throw new Error(`Size mismatch when copying ${info.digest}, expected ${info.size}, got ${size}`);
    }
    return Buffer.concat(chunks);
}
/** The parts of a Docker schema2 manifest the archive needs; other types are rejected (the engine then converts). */
function parseSchema2(manifest) {
    let doc;
    try {
        doc = JSON.parse(manifest.bytes.toString('utf8'));
    }
    catch (e) {
        throw new Error(`parsing manifest: ${e.message}`, { cause: e });
    }
    if (doc.schemaVersion !== 2 ||
        doc.mediaType !== _manifest_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.DockerV2Schema2 ||
        typeof doc.config?.digest !== 'string') {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_3__/* .ManifestTypeRejectedError */ .Y9(`a docker archive holds only Docker schema2 manifests, not ${manifest.mimeType || 'this manifest'}`, manifest.mimeType);
    }
    const layers = (doc.layers ?? []).map(l => ({ digest: l.digest, size: l.size }));
    return { config: { digest: doc.config.digest, size: doc.config.size }, layers };
}
/** Reads a stream to its end or its error, discarding everything. */
function drainQuietly(stream) {
    if (stream.destroyed || stream.readableEnded)
        return Promise.resolve();
    return new Promise(resolve => {
        stream.once('end', resolve);
        stream.once('error', () => resolve());
        stream.once('close', resolve);
        stream.resume();
    });
}


/***/ }),

/***/ 7224:
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
