export const id = 764;
export const ids = [764];
export const modules = {

/***/ 88772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AU: () => (/* binding */ serializeManifestJson),
/* harmony export */   EX: () => (/* binding */ LEGACY_CONFIG_FILE),
/* harmony export */   LR: () => (/* binding */ serializeRepositories),
/* harmony export */   S3: () => (/* binding */ configFileName),
/* harmony export */   S6: () => (/* binding */ MAX_CONFIG_SIZE),
/* harmony export */   Zp: () => (/* binding */ LEGACY_LAYER_FILE),
/* harmony export */   aA: () => (/* binding */ REPOSITORIES_FILE),
/* harmony export */   dX: () => (/* binding */ layerFileName),
/* harmony export */   eL: () => (/* binding */ configDiffIds),
/* harmony export */   h1: () => (/* binding */ MANIFEST_FILE),
/* harmony export */   s6: () => (/* binding */ MAX_MANIFEST_JSON_SIZE),
/* harmony export */   uI: () => (/* binding */ LEGACY_VERSION_FILE),
/* harmony export */   vW: () => (/* binding */ parseManifestJson)
/* harmony export */ });
/* harmony import */ var _local_digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(52200);
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60571);
// The `docker save` format (containers/image docker/internal/tarfile/types.go): manifest.json, the
// file names our writer chooses, and the reading of manifest.json.


const MANIFEST_FILE = 'manifest.json';
const REPOSITORIES_FILE = 'repositories';
const LEGACY_LAYER_FILE = 'layer.tar';
const LEGACY_CONFIG_FILE = 'json';
const LEGACY_VERSION_FILE = 'VERSION';
/** Config files and layer files inside an archive are limited like containers/image's iolimits. */
const MAX_CONFIG_SIZE = 4 * 1024 * 1024;
const MAX_MANIFEST_JSON_SIZE = 1024 * 1024;
/** `<hex>.json`: where our writer puts a config (an implementation detail, as upstream says). */
function configFileName(digest) {
    return `${(0,_local_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(digest).hex}.json`;
}
/** `<hex>.tar`: where our writer puts a layer, at the root of the archive (see writer.go physicalLayerPath). */
function layerFileName(digest) {
    return `${(0,_local_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(digest).hex}.tar`;
}
/** manifest.json as Go's json.Marshal writes []ManifestItem (Parent and LayerSources are empty, so omitted). */
function serializeManifestJson(items) {
    return (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_1__/* .goMarshal */ .vy)(items.map(i => ({ Config: i.Config, RepoTags: [...i.RepoTags], Layers: [...i.Layers] })));
}
/** `repositories`: name → tag → the legacy ID of the image's top layer; Go writes map keys sorted. */
function serializeRepositories(repositories) {
    return (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_1__/* .goMarshal */ .vy)(new _manifest_index_js__WEBPACK_IMPORTED_MODULE_1__/* .GoMap */ .tn([...repositories].map(([name, tags]) => [name, new _manifest_index_js__WEBPACK_IMPORTED_MODULE_1__/* .GoMap */ .tn([...tags])])));
}
/** Parses manifest.json; `where` names the archive in errors. */
function parseManifestJson(bytes, where) {
    let parsed;
    try {
        parsed = JSON.parse(bytes.toString('utf8'));
    }
    catch (e) {
        throw new Error(`${where}: decoding manifest.json: ${e.message}`, { cause: e });
    }
    if (!Array.isArray(parsed))
        throw new Error(`${where}: manifest.json is not an array of images`);
    return parsed.map((raw, i) => {
        const item = (typeof raw === 'object' && raw !== null ? raw : {});
        const strings = (v, field) => {
            if (v === undefined || v === null)
                return [];
            if (!Array.isArray(v) || !v.every(s => typeof s === 'string')) {
                throw new Error(`${where}: manifest.json item @${i}: ${field} is not a list of strings`);
            }
            return v;
        };
        if (typeof item.Config !== 'string' || item.Config === '') {
            throw new Error(`${where}: manifest.json item @${i} has no Config`);
        }
        return {
            Config: item.Config,
            RepoTags: strings(item.RepoTags, 'RepoTags'),
            Layers: strings(item.Layers, 'Layers')
        };
    });
}
/** The config's rootfs.diff_ids (upstream refuses a config without rootfs). */
function configDiffIds(configBytes, where) {
    let config;
    try {
        config = JSON.parse(configBytes.toString('utf8'));
    }
    catch (e) {
        throw new Error(`${where} is not valid JSON: ${e.message}`, { cause: e });
    }
    const rootfs = config?.rootfs;
    if (typeof rootfs !== 'object' || rootfs === null)
        throw new Error(`${where}: invalid image config (rootfs is not set)`);
    const diffIds = rootfs.diff_ids ?? [];
    if (!Array.isArray(diffIds) || !diffIds.every(d => typeof d === 'string' && (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidDigest */ .y4)(d))) {
        throw new Error(`${where}: rootfs.diff_ids is not a list of digests`);
    }
    return diffIds;
}


/***/ }),

/***/ 25885:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E2: () => (/* binding */ decodeHeader),
/* harmony export */   RQ: () => (/* binding */ paddingFor),
/* harmony export */   XK: () => (/* binding */ checksumMatches),
/* harmony export */   YS: () => (/* binding */ encodeHeader),
/* harmony export */   bM: () => (/* binding */ END_OF_ARCHIVE),
/* harmony export */   cS: () => (/* binding */ BLOCK_SIZE),
/* harmony export */   d9: () => (/* binding */ entryType),
/* harmony export */   ei: () => (/* binding */ isZeroBlock),
/* harmony export */   k_: () => (/* binding */ paddedSize),
/* harmony export */   m: () => (/* binding */ decodePax),
/* harmony export */   w2: () => (/* binding */ decodeNumber)
/* harmony export */ });
// Tar headers, written and read by hand: the archive writer must be able to write a header before
// it knows an entry's size and patch it afterwards (a decompressed layer), and the reader indexes
// entry offsets without reading their data. Writes USTAR headers as Go's archive/tar does for
// tar.FileInfoHeader (what containers/image's writer.go emits); reads USTAR, GNU and PAX.
const BLOCK_SIZE = 512;
/** Sizes up to this fit the 11 octal digits of a USTAR header; larger ones use GNU base-256. */
const MAX_OCTAL_SIZE = 8 ** 11 - 1;
/** The zero padding after `size` bytes of data, up to the next block. */
function paddingFor(size) {
    const rest = size % BLOCK_SIZE;
    return Buffer.alloc(rest === 0 ? 0 : BLOCK_SIZE - rest);
}
/** The blocks of data that follow a header for an entry of `size` bytes, in bytes. */
function paddedSize(size) {
    return Math.ceil(size / BLOCK_SIZE) * BLOCK_SIZE;
}
/** Two zero blocks end an archive. */
const END_OF_ARCHIVE = Buffer.alloc(2 * BLOCK_SIZE);
/**
 * A USTAR header: uid/gid 0, no user names, mtime 0 (the Unix epoch), mode 0444 for files and 0
 * for symlinks (Go's FileInfoHeader of containers/image's tarFI).
 */
function encodeHeader(entry) {
    const header = Buffer.alloc(BLOCK_SIZE);
    writeString(header, 0, 100, entry.name, 'name');
    writeOctal(header, 100, 8, entry.type === 'file' ? 0o444 : 0);
    writeOctal(header, 108, 8, 0);
    writeOctal(header, 116, 8, 0);
    writeSize(header, entry.type === 'file' ? entry.size : 0);
    writeOctal(header, 136, 12, 0);
    header[156] = entry.type === 'file' ? 0x30 : 0x32;
    writeString(header, 157, 100, entry.linkname ?? '', 'link name');
    header.write('ustar\u000000', 257, 'latin1');
    writeOctal(header, 329, 8, 0);
    writeOctal(header, 337, 8, 0);
    header.fill(0x20, 148, 156);
    const sum = checksum(header);
    header.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'latin1');
    return header;
}
function writeString(header, offset, length, value, what) {
    const bytes = Buffer.from(value, 'utf8');
    if (bytes.length > length)
        throw new Error(`tar ${what} ${JSON.stringify(value)} is longer than ${length} bytes`);
    bytes.copy(header, offset);
}
function writeOctal(header, offset, length, value) {
    header.write(`${value.toString(8).padStart(length - 1, '0')}\u0000`, offset, 'latin1');
}
function writeSize(header, size) {
    if (size <= MAX_OCTAL_SIZE) {
        writeOctal(header, 124, 12, size);
        return;
    }
    // GNU base-256: the high bit of the first byte set, the value big-endian in the rest.
    let v = BigInt(size);
    for (let i = 135; i > 124; i--) {
        header[i] = Number(v & 0xffn);
        v >>= 8n;
    }
    header[124] = 0x80;
}
function checksum(header) {
    let sum = 0;
    for (let i = 0; i < BLOCK_SIZE; i++)
        sum += i >= 148 && i < 156 ? 0x20 : header[i];
    return sum;
}
/** True for the all-zero block that marks the end of an archive. */
function isZeroBlock(block) {
    for (let i = 0; i < BLOCK_SIZE; i++)
        if (block[i] !== 0)
            return false;
    return true;
}
/** Decodes one header block; throws when its checksum does not match (not a tar, or corrupt). */
function decodeHeader(block, where) {
    if (!checksumMatches(block, parseOctal(block.subarray(148, 156)))) {
        throw new Error(`${where}: invalid tar header (checksum mismatch); is this a tar archive?`);
    }
    const magic = block.toString('latin1', 257, 263);
    let name = cString(block, 0, 100);
    // USTAR (and PAX) split long names into prefix + name; GNU uses those bytes for other fields.
    if (magic === 'ustar\u0000') {
        const prefix = cString(block, 345, 155);
        if (prefix !== '')
            name = `${prefix}/${name}`;
    }
    return {
        name,
        linkname: cString(block, 157, 100),
        size: parseNumber(block.subarray(124, 136), where),
        typeflag: block[156] === 0 ? '0' : String.fromCharCode(block[156])
    };
}
/** Whether `stored` is the header's checksum, summing its bytes unsigned or (as old tars did) signed. */
function checksumMatches(block, stored) {
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK_SIZE; i++) {
        const b = i >= 148 && i < 156 ? 0x20 : block[i];
        unsigned += b;
        signed += b > 127 ? b - 256 : b;
    }
    return stored === unsigned || stored === signed;
}
function entryType(typeflag) {
    switch (typeflag) {
        case '0':
        case '7':
            return 'file';
        case '1':
            return 'link';
        case '2':
            return 'symlink';
        case '5':
            return 'directory';
        default:
            return 'other';
    }
}
function cString(block, offset, length) {
    const field = block.subarray(offset, offset + length);
    const end = field.indexOf(0);
    return field.toString('utf8', 0, end < 0 ? length : end);
}
function parseNumber(field, where) {
    const n = decodeNumber(field);
    if (Number.isNaN(n))
        throw new Error(`${where}: invalid number in tar header`);
    if (n > Number.MAX_SAFE_INTEGER)
        throw new Error(`${where}: tar entry size too large`);
    return n;
}
/**
 * A numeric header field: octal text, or GNU base-256 (high bit of the first byte set). NaN when it
 * is neither; callers refuse values above Number.MAX_SAFE_INTEGER (only base-256 can reach them).
 */
function decodeNumber(field) {
    if ((field[0] & 0x80) !== 0) {
        let v = BigInt(field[0] & 0x7f);
        for (let i = 1; i < field.length; i++)
            v = (v << 8n) | BigInt(field[i]);
        return Number(v);
    }
    return parseOctal(field);
}
function parseOctal(field) {
    // As Go's archive/tar: leading and trailing spaces and NULs are padding.
    let start = 0;
    let end = field.length;
    while (start < end && (field[start] === 0x20 || field[start] === 0))
        start++;
    while (end > start && (field[end - 1] === 0x20 || field[end - 1] === 0))
        end--;
    const text = field.toString('latin1', start, end);
    if (text === '')
        return 0;
    if (!/^[0-7]+$/.test(text))
        return Number.NaN;
    return parseInt(text, 8);
}
/** PAX extended header records (`<len> <key>=<value>\n`). */
function decodePax(data) {
    const records = new Map();
    let rest = data;
    while (rest.length > 0) {
        const space = rest.indexOf(0x20);
        if (space <= 0)
            break;
        const length = Number(rest.toString('latin1', 0, space));
        if (!Number.isInteger(length) || length <= space || length > rest.length)
            break;
        const record = rest.toString('utf8', space + 1, length - 1);
        const eq = record.indexOf('=');
        if (eq > 0)
            records.set(record.slice(0, eq), record.slice(eq + 1));
        rest = rest.subarray(length);
    }
    return records;
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


/***/ })

};
