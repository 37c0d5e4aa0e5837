export const id = 211;
export const ids = [211];
export const modules = {

/***/ 33460:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g: () => (/* binding */ ArchiveReader)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/reference/docker.ts
var docker = __webpack_require__(19085);
// EXTERNAL MODULE: ./src/transports/errors.ts
var transports_errors = __webpack_require__(66355);
// EXTERNAL MODULE: ./src/transports/local/files.ts
var files = __webpack_require__(72437);
// EXTERNAL MODULE: ./src/transports/docker-archive/archive-format.ts
var archive_format = __webpack_require__(88772);
// EXTERNAL MODULE: ./src/compression/streams.ts
var streams = __webpack_require__(8063);
;// CONCATENATED MODULE: ./src/transports/docker-archive/stream-head.ts
// Looking at the first bytes of a stream (to recognize compression) before deciding where it goes.

/** Reads up to `length` leading bytes of `stream`; rejects when the stream fails first. */
function peekHead(stream, length) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let have = 0;
        let ended = false;
        const cleanup = () => {
            stream.off('readable', onReadable);
            stream.off('end', onEnd);
            stream.off('error', onError);
        };
        const finish = () => {
            cleanup();
            const consumed = Buffer.concat(chunks);
            async function* everything() {
                if (consumed.length > 0)
                    yield consumed;
                if (!ended)
                    for await (const chunk of stream)
                        yield chunk;
            }
            resolve({
                head: consumed.subarray(0, length),
                stream: external_node_stream_.Readable.from(everything(), { objectMode: false })
            });
        };
        const onReadable = () => {
            let chunk;
            while (have < length && (chunk = stream.read()) !== null) {
                chunks.push(chunk);
                have += chunk.length;
            }
            if (have >= length)
                finish();
        };
        const onEnd = () => {
            ended = true;
            finish();
        };
        const onError = (e) => {
            cleanup();
            reject(e);
        };
        stream.on('readable', onReadable);
        stream.on('end', onEnd);
        stream.on('error', onError);
    });
}

// EXTERNAL MODULE: ./src/transports/docker-archive/tar-header.ts
var tar_header = __webpack_require__(25885);
;// CONCATENATED MODULE: ./src/transports/docker-archive/tar-index.ts
// One pass over the headers of an uncompressed tar file, reading only the headers (and PAX / GNU
// long-name records): where each entry's data starts and how long it is. Entries are contiguous,
// so afterwards any entry can be streamed straight from the file by offset.



/** Long names and PAX records longer than this are refused (a corrupt or hostile archive). */
const MAX_METADATA_SIZE = 1 << 20;
function cleanEntryPath(name) {
    const cleaned = external_node_path_default().posix.normalize(name.replace(/^\/+/, ''));
    return cleaned.replace(/\/+$/, '');
}
/** Indexes every entry of `file`; `where` names the archive in errors. */
async function indexTar(file, where) {
    const handle = await external_node_fs_.promises.open(file, 'r');
    try {
        const { size: fileSize } = await handle.stat();
        const entries = [];
        const block = Buffer.alloc(tar_header/* BLOCK_SIZE */.cS);
        let position = 0;
        let longName;
        let longLink;
        let pax = new Map();
        const globalPax = new Map();
        for (;;) {
            const { bytesRead } = await handle.read(block, 0, tar_header/* BLOCK_SIZE */.cS, position);
            if (bytesRead === 0 && entries.length > 0)
                break; // no end-of-archive blocks: tolerated, as Go does
            if (bytesRead < tar_header/* BLOCK_SIZE */.cS)
                throw new Error(`${where}: unexpected end of tar archive`);
            if ((0,tar_header/* isZeroBlock */.ei)(block))
                break;
            const raw = (0,tar_header/* decodeHeader */.E2)(block, where);
            const dataOffset = position + tar_header/* BLOCK_SIZE */.cS;
            position = dataOffset + (0,tar_header/* paddedSize */.k_)(raw.size);
            if (dataOffset + raw.size > fileSize) {
                throw new Error(`${where}: unexpected end of tar archive (entry ${JSON.stringify(raw.name)} is truncated)`);
            }
            switch (raw.typeflag) {
                case 'x':
                case 'g': {
                    const records = (0,tar_header/* decodePax */.m)(await readData(handle, dataOffset, raw.size, where));
                    if (raw.typeflag === 'g')
                        records.forEach((v, k) => globalPax.set(k, v));
                    else
                        pax = records;
                    continue;
                }
                case 'L':
                    longName = cString(await readData(handle, dataOffset, raw.size, where));
                    continue;
                case 'K':
                    longLink = cString(await readData(handle, dataOffset, raw.size, where));
                    continue;
            }
            const paxValue = (key) => pax.get(key) ?? globalPax.get(key);
            const paxSize = paxValue('size');
            const size = paxSize !== undefined && /^\d+$/.test(paxSize) ? Number(paxSize) : raw.size;
            const name = cleanEntryPath(paxValue('path') ?? longName ?? raw.name);
            if (size !== raw.size) {
                position = dataOffset + (0,tar_header/* paddedSize */.k_)(size);
                if (dataOffset + size > fileSize) {
                    throw new Error(`${where}: unexpected end of tar archive (entry ${JSON.stringify(name)} has a PAX size of ${size} bytes, past the end of the file)`);
                }
            }
            entries.push({
                name,
                type: (0,tar_header/* entryType */.d9)(raw.typeflag),
                size,
                offset: dataOffset,
                linkname: paxValue('linkpath') ?? longLink ?? raw.linkname
            });
            longName = undefined;
            longLink = undefined;
            pax = new Map();
        }
        return entries;
    }
    finally {
        await handle.close();
    }
}
async function readData(handle, offset, size, where) {
    if (size > MAX_METADATA_SIZE)
        throw new Error(`${where}: a tar metadata record of ${size} bytes is too large`);
    const data = Buffer.alloc(size);
    const { bytesRead } = await handle.read(data, 0, size, offset);
    if (bytesRead !== size)
        throw new Error(`${where}: unexpected end of tar archive`);
    return data;
}
function cString(data) {
    const end = data.indexOf(0);
    return data.toString('utf8', 0, end < 0 ? data.length : end);
}

// EXTERNAL MODULE: ./src/transports/local/stale-temps.ts
var stale_temps = __webpack_require__(24165);
;// CONCATENATED MODULE: ./src/transports/docker-archive/archive-reader.ts
// Random access to a `docker save` archive (containers/image docker/internal/tarfile/reader.go): an
// uncompressed archive file is indexed in place (one pass over its headers); a compressed one, or
// a stream (docker-daemon), is first written once, decompressed, to a temp file removed on close.
// Entries are then streamed from the file by offset.














class ArchiveReader {
    file;
    where;
    entries;
    items;
    tempDir;
    closed = false;
    constructor(
    /** The uncompressed archive file (ours when removeOnClose). */
    file, 
    /** How the archive is named in messages. */
    where, entries, items, 
    /** A temp directory holding `file`, removed on close. */
    tempDir) {
        this.file = file;
        this.where = where;
        this.entries = entries;
        this.items = items;
        this.tempDir = tempDir;
    }
    /** Opens an archive file; `where` names it in messages. */
    static async openFile(file, where, ctx) {
        let stat;
        try {
            stat = await external_node_fs_.promises.stat(file);
        }
        catch (e) {
            if ((0,files/* isNotFound */.c4)(e))
                throw new transports_errors/* ImageNotFoundError */.Z(`${where}: archive file not found: ${file}`);
            throw e;
        }
        if (!stat.isFile()) {
            // A pipe or device: read it once into a temp file, as upstream NewReaderFromStream does.
            if (stat.isDirectory())
                throw new errors/* UsageError */.eb(`${where}: ${file} is a directory, not an archive file`);
            return ArchiveReader.fromStream((0,external_node_fs_.createReadStream)(file), where, ctx);
        }
        const head = Buffer.alloc(streams/* MAGIC_LENGTH */.zN);
        const handle = await external_node_fs_.promises.open(file, 'r');
        try {
            await handle.read(head, 0, streams/* MAGIC_LENGTH */.zN, 0);
        }
        finally {
            await handle.close();
        }
        if ((0,streams/* detectCompression */.IR)(head) !== 'none')
            return ArchiveReader.fromStream((0,external_node_fs_.createReadStream)(file), where, ctx);
        return ArchiveReader.index(file, where, undefined);
    }
    /** Writes a (possibly compressed) archive stream to a temp file and opens that. */
    static async fromStream(stream, where, ctx) {
        const tempDir = await (0,stale_temps/* openTempDir */.OT)(ctx.tmpDir ?? external_node_os_default().tmpdir(), 'image-copy-docker-archive-');
        try {
            stream.on('error', () => undefined); // reported by the pipeline below
            const peeked = await peekHead(stream, streams/* MAGIC_LENGTH */.zN);
            const compression = (0,streams/* detectCompression */.IR)(peeked.head);
            const plain = compression === 'none'
                ? peeked.stream
                : (0,external_node_stream_.pipeline)(peeked.stream, (0,streams/* decompressor */.ni)(compression, where), () => undefined);
            // A stream that does not start as a tar (an endless or garbage answer) fails before it fills the disk.
            const tarHead = await peekHead(plain, tar_header/* BLOCK_SIZE */.cS);
            if (tarHead.head.length === tar_header/* BLOCK_SIZE */.cS && tarHead.head.some(b => b !== 0)) {
                (0,tar_header/* decodeHeader */.E2)(tarHead.head, where);
            }
            const file = external_node_path_default().join(tempDir, 'archive.tar');
            await (0,files/* writeStreamToNewFile */.bQ)(tarHead.stream, file);
            return await ArchiveReader.index(file, where, tempDir);
        }
        catch (e) {
            stream.destroy();
            await (0,files/* removeQuietly */.S2)(tempDir);
            throw e;
        }
    }
    static async index(file, where, tempDir) {
        const entries = new Map();
        // The first entry of a name wins, as upstream's linear search finds it first.
        for (const e of await indexTar(file, where))
            if (!entries.has(e.name))
                entries.set(e.name, e);
        const reader = new ArchiveReader(file, where, entries, [], tempDir);
        try {
            const manifest = await reader.readFile(archive_format/* MANIFEST_FILE */.h1, archive_format/* MAX_MANIFEST_JSON_SIZE */.s6);
            reader.items.push(...(0,archive_format/* parseManifestJson */.vW)(manifest, where));
        }
        catch (e) {
            await reader.close();
            if ((0,files/* isNotFound */.c4)(e)) {
                throw new transports_errors/* ImageNotFoundError */.Z(`${where}: the archive has no manifest.json`, 'is this a docker-archive (docker save) file? An OCI archive is read with oci-archive:');
            }
            throw e;
        }
        return reader;
    }
    /**
     * The regular file an archive path names, following one symlink (or hard link) as upstream does.
     * Throws an ENOENT error when there is none.
     */
    entry(componentPath) {
        this.checkOpen();
        const name = cleanEntryPath(componentPath);
        let entry = this.entries.get(name);
        if (entry?.type === 'symlink') {
            entry = this.entries.get(cleanEntryPath(external_node_path_default().posix.join(external_node_path_default().posix.dirname(name), entry.linkname)));
        }
        else if (entry?.type === 'link') {
            entry = this.entries.get(cleanEntryPath(entry.linkname));
        }
        if (entry === undefined) {
            const error = new Error(`${this.where}: the archive has no file ${JSON.stringify(name)}`);
            error.code = 'ENOENT';
            throw error;
        }
        if (entry.type !== 'file') {
            throw new Error(`${this.where}: archive component ${JSON.stringify(name)} is not a regular file`);
        }
        return entry;
    }
    /** The entry's bytes as a stream read from the archive file. */
    openStream(entry) {
        this.checkOpen();
        if (entry.size === 0)
            return external_node_stream_.Readable.from([]);
        return (0,external_node_fs_.createReadStream)(this.file, { start: entry.offset, end: entry.offset + entry.size - 1 });
    }
    /** Up to `length` leading bytes of the entry. */
    async readHead(entry, length) {
        this.checkOpen();
        const handle = await external_node_fs_.promises.open(this.file, 'r');
        try {
            const head = Buffer.alloc(Math.min(length, entry.size));
            await handle.read(head, 0, head.length, entry.offset);
            return head;
        }
        finally {
            await handle.close();
        }
    }
    /** A small file of the archive, whole; `limit` guards against a hostile size. */
    async readFile(componentPath, limit) {
        const entry = this.entry(componentPath);
        if (entry.size > limit) {
            throw new Error(`${this.where}: ${componentPath} is ${entry.size} bytes, more than the limit of ${limit}`);
        }
        const handle = await external_node_fs_.promises.open(this.file, 'r');
        try {
            const data = Buffer.alloc(entry.size);
            const { bytesRead } = await handle.read(data, 0, entry.size, entry.offset);
            if (bytesRead !== entry.size)
                throw new Error(`${this.where}: ${componentPath} is truncated`);
            return data;
        }
        finally {
            await handle.close();
        }
    }
    /** The manifest.json item a selection means (tarfile/reader.go ChooseManifestItem). */
    chooseItem(selection, label) {
        const items = this.items;
        switch (selection.kind) {
            case 'name': {
                const wanted = selection.name.toString();
                for (const [i, item] of items.entries()) {
                    for (const tag of item.RepoTags) {
                        let normalized;
                        try {
                            normalized = (0,docker/* parseDockerReference */.F4)(tag, { defaultTag: false }).toString();
                        }
                        catch (e) {
                            throw new Error(`${this.where}: invalid tag ${JSON.stringify(tag)} in manifest.json item @${i}: ${e.message}`, { cause: e });
                        }
                        if (normalized === wanted)
                            return item;
                    }
                }
                throw new transports_errors/* ImageNotFoundError */.Z(`${label}: tag ${JSON.stringify(wanted)} not found in ${this.where}; ${this.describeTags()}`);
            }
            case 'index': {
                const item = items[selection.index];
                if (item === undefined) {
                    throw new transports_errors/* ImageNotFoundError */.Z(`${label}: invalid source index @${selection.index}, only ${items.length} manifest items available in ${this.where}`);
                }
                return item;
            }
            case 'only': {
                if (items.length === 1)
                    return items[0];
                if (items.length === 0)
                    throw new transports_errors/* ImageNotFoundError */.Z(`${label}: ${this.where} holds no images`);
                throw new errors/* UsageError */.eb(`${label}: ${this.where} holds ${items.length} images; choose one (${this.describeTags()})`, 'add :NAME:TAG or :@N (the N-th image, from 0) to the reference');
            }
        }
    }
    describeTags() {
        const tags = this.items.flatMap(i => i.RepoTags);
        return tags.length === 0
            ? 'its images have no tags'
            : `tags present: ${tags.map(t => JSON.stringify(t)).join(', ')}`;
    }
    checkOpen() {
        if (this.closed)
            throw new Error(`internal error: ${this.where} was read after it was closed`);
    }
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        if (this.tempDir !== undefined)
            await (0,files/* removeQuietly */.S2)(this.tempDir);
    }
}


/***/ }),

/***/ 31211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DockerArchiveImageSource: () => (/* binding */ DockerArchiveImageSource)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60571);
/* harmony import */ var _local_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(72437);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(31072);
/* harmony import */ var _archive_format_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(88772);
/* harmony import */ var _archive_reader_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(33460);
/* harmony import */ var _compression_streams_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8063);
// Reading one image of a `docker save` archive (containers/image docker/internal/tarfile/src.go),
// as a Docker schema2 manifest synthesized from manifest.json and the config. Unlike upstream,
// which decompresses every layer and names it by its DiffID, layers are served as stored: an
// uncompressed layer by its DiffID (which is its digest), a compressed one by the digest of its
// bytes (taken from a `blobs/<algo>/<hex>` path, else computed once when the source opens).









const layerMediaTypes = {
    none: _manifest_index_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.DockerV2SchemaLayerUncompressed,
    gzip: _manifest_index_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.DockerV2Schema2Layer,
    zstd: _manifest_index_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.DockerV2SchemaLayerZstd
};
class DockerArchiveImageSource {
    ref;
    reader;
    manifest;
    configDigest;
    configBytes;
    layers;
    properties = (0,_types_js__WEBPACK_IMPORTED_MODULE_5__/* .sourceProperties */ .rj)({ hasThreadSafeGetBlob: true });
    constructor(ref, reader, manifest, configDigest, configBytes, layers) {
        this.ref = ref;
        this.reader = reader;
        this.manifest = manifest;
        this.configDigest = configDigest;
        this.configBytes = configBytes;
        this.layers = layers;
    }
    /** Opens the image `selection` names in the archive file `file`. */
    static async open(ref, file, selection, ctx) {
        const reader = await _archive_reader_js__WEBPACK_IMPORTED_MODULE_7__/* .ArchiveReader */ .g.openFile(file, `docker archive ${file}`, ctx);
        return DockerArchiveImageSource.fromReader(ref, reader, selection);
    }
    /** Reads one image from an open archive; the source closes the reader. */
    static async fromReader(ref, reader, selection) {
        try {
            const label = ref.toString();
            const where = reader.where;
            const item = reader.chooseItem(selection, label);
            const configBytes = await readComponent(reader, item.Config, 'config');
            const diffIds = (0,_archive_format_js__WEBPACK_IMPORTED_MODULE_6__/* .configDiffIds */ .eL)(configBytes, `${where}: config ${item.Config}`);
            if (item.Layers.length !== diffIds.length) {
                throw new Error(`${where}: inconsistent layer count: ${item.Layers.length} in manifest.json, ${diffIds.length} in the config`);
            }
            const layers = new Map();
            const descriptors = [];
            const diffIdOfFile = new Map();
            for (const [i, layerPath] of item.Layers.entries()) {
                const diffId = diffIds[i];
                const entry = await componentEntry(reader, layerPath, 'layer');
                const seen = diffIdOfFile.get(entry.name);
                if (seen !== undefined && seen !== diffId) {
                    throw new Error(`${where}: layer file ${JSON.stringify(layerPath)} is used for two different DiffIDs`);
                }
                diffIdOfFile.set(entry.name, diffId);
                const compression = (0,_compression_streams_js__WEBPACK_IMPORTED_MODULE_8__/* .detectCompression */ .IR)(await reader.readHead(entry, _compression_streams_js__WEBPACK_IMPORTED_MODULE_8__/* .MAGIC_LENGTH */ .zN));
                const mediaType = layerMediaTypes[compression];
                if (mediaType === undefined) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ImageCopyError */ .xv(`${where}: layer ${JSON.stringify(layerPath)} is ${compression}-compressed, which cannot be copied (only uncompressed, gzip and zstd layers can)`);
                }
                const digest = compression === 'none'
                    ? diffId
                    : (digestFromBlobPath(entry.name) ?? (await hashEntry(reader, entry)));
                if (!layers.has(digest))
                    layers.set(digest, entry);
                descriptors.push({ mediaType, size: entry.size, digest });
            }
            const configDigest = (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256Digest */ .sI)(configBytes);
            const manifest = _manifest_index_js__WEBPACK_IMPORTED_MODULE_3__/* .DockerSchema2Manifest */ .TX.fromComponents({ mediaType: _manifest_index_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.DockerV2Schema2Config, size: configBytes.length, digest: configDigest }, descriptors).serialize();
            return new DockerArchiveImageSource(ref, reader, manifest, configDigest, configBytes, layers);
        }
        catch (e) {
            await reader.close();
            throw e;
        }
    }
    async getManifest(instanceDigest) {
        if (instanceDigest !== undefined) {
            throw new Error(`${this.ref.toString()}: manifest lists are not supported by docker archives`);
        }
        return { bytes: this.manifest, mimeType: _manifest_index_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.DockerV2Schema2 };
    }
    async getBlob(info) {
        if (info.digest === this.configDigest) {
            return { stream: node_stream__WEBPACK_IMPORTED_MODULE_1__.Readable.from([this.configBytes]), size: this.configBytes.length };
        }
        const entry = this.layers.get(info.digest);
        if (entry === undefined) {
            const error = new Error(`blob ${info.digest} is not a part of ${this.ref.toString()}`);
            error.code = 'ENOENT';
            throw error;
        }
        return { stream: this.reader.openStream(entry), size: entry.size };
    }
    async getSignatures(_instanceDigest) {
        return [];
    }
    async close() {
        await this.reader.close();
    }
}
async function componentEntry(reader, componentPath, what) {
    try {
        return reader.entry(componentPath);
    }
    catch (e) {
        if ((0,_local_files_js__WEBPACK_IMPORTED_MODULE_4__/* .isNotFound */ .c4)(e)) {
            throw new Error(`${reader.where}: the ${what} file ${JSON.stringify(componentPath)} named by manifest.json is missing`, {
                cause: e
            });
        }
        throw e;
    }
}
async function readComponent(reader, componentPath, what) {
    await componentEntry(reader, componentPath, what);
    return reader.readFile(componentPath, _archive_format_js__WEBPACK_IMPORTED_MODULE_6__/* .MAX_CONFIG_SIZE */ .S6);
}
/** `blobs/sha256/<hex>` (the OCI layout inside a Docker 25+ `docker save`) names its digest. */
function digestFromBlobPath(name) {
    const m = /^blobs\/([a-z0-9]+)\/([a-f0-9]+)$/.exec(name);
    if (m === null)
        return undefined;
    const digest = `${m[1]}:${m[2]}`;
    return (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidDigest */ .y4)(digest) ? digest : undefined;
}
async function hashEntry(reader, entry) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for await (const chunk of reader.openStream(entry))
        hash.update(chunk);
    return `sha256:${hash.digest('hex')}`;
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


/***/ })

};
