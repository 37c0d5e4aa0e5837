export const id = 690;
export const ids = [690];
export const modules = {

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

/***/ 13690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ LISTS_NOT_SUPPORTED),
  OstreeImageDestination: () => (/* binding */ OstreeImageDestination),
  f: () => (/* binding */ sha256Hex)
});

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
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/compression/streams.ts
var streams = __webpack_require__(8063);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/manifest/index.ts + 17 modules
var src_manifest = __webpack_require__(60571);
// EXTERNAL MODULE: ./src/transports/local/blob-store.ts
var blob_store = __webpack_require__(67931);
// EXTERNAL MODULE: ./src/transports/local/stale-temps.ts
var stale_temps = __webpack_require__(24165);
// EXTERNAL MODULE: ./src/transports/types.ts + 1 modules
var types = __webpack_require__(31072);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/transports/ostree/objects.ts
var objects = __webpack_require__(87645);
// EXTERNAL MODULE: ./src/transports/ostree/tar-split.ts
var tar_split = __webpack_require__(57847);
// EXTERNAL MODULE: ./src/transports/docker-archive/tar-header.ts
var tar_header = __webpack_require__(25885);
;// CONCATENATED MODULE: ./src/transports/ostree/tar-walk.ts

/** Reads exact byte counts from a stream. */
class ByteReader {
    buffered = [];
    length = 0;
    ended = false;
    source;
    constructor(stream) {
        this.source = stream[Symbol.asyncIterator]();
    }
    async fill(n) {
        while (this.length < n && !this.ended) {
            const next = await this.source.next();
            if (next.done)
                this.ended = true;
            else {
                this.buffered.push(next.value);
                this.length += next.value.length;
            }
        }
    }
    /** Up to `n` bytes (fewer only at the end of the stream). */
    async read(n) {
        await this.fill(n);
        const all = this.buffered.length === 1 ? this.buffered[0] : Buffer.concat(this.buffered);
        const take = Math.min(n, all.length);
        const out = all.subarray(0, take);
        this.buffered = take < all.length ? [all.subarray(take)] : [];
        this.length = all.length - take;
        return out;
    }
    /** Whatever is buffered or arrives next, up to `max` bytes; empty at the end. */
    async chunk(max) {
        if (this.length === 0)
            await this.fill(1);
        if (this.length === 0)
            return Buffer.alloc(0);
        const first = this.buffered[0];
        return this.read(Math.min(max, first.length));
    }
}
/** Walks a tar stream. The caller MUST consume each entry's `data` before asking for the next event. */
async function* walkTar(stream) {
    const reader = new ByteReader(stream);
    let raw = [];
    let pax = new Map();
    let longName;
    let longLink;
    for (;;) {
        const block = await reader.read(tar_header/* BLOCK_SIZE */.cS);
        raw.push(block);
        if (block.length < tar_header/* BLOCK_SIZE */.cS)
            throw new Error('tar: unexpected end of archive in a header');
        if ((0,tar_header/* isZeroBlock */.ei)(block)) {
            // The end: a second zero block usually follows; everything after it is kept as it is.
            const second = await reader.read(tar_header/* BLOCK_SIZE */.cS);
            raw.push(second);
            yield { kind: 'raw', bytes: Buffer.concat(raw) };
            for (let rest = await reader.chunk(1 << 20); rest.length > 0; rest = await reader.chunk(1 << 20))
                yield { kind: 'raw', bytes: rest };
            return;
        }
        const header = parseHeader(block);
        const size = pax.has('size') ? Number(pax.get('size').toString()) : header.size;
        if (!Number.isSafeInteger(size) || size < 0)
            throw new Error('tar: invalid entry size');
        const padded = (0,tar_header/* paddedSize */.k_)(size);
        if ('xgLK'.includes(header.typeflag)) {
            const body = await reader.read(padded);
            if (body.length < padded)
                throw new Error('tar: unexpected end of archive in a header record');
            raw.push(body);
            const content = body.subarray(0, size);
            if (header.typeflag === 'x')
                pax = new Map([...pax, ...parsePax(content)]);
            else if (header.typeflag === 'L')
                longName = cString(content);
            else if (header.typeflag === 'K')
                longLink = cString(content);
            continue;
        }
        const entry = {
            name: pax.get('path') ?? longName ?? header.name,
            linkname: pax.get('linkpath') ?? longLink ?? header.linkname,
            typeflag: header.typeflag,
            size: '123456'.includes(header.typeflag) ? 0 : size,
            mode: header.mode & 0o7777,
            uid: pax.has('uid') ? Number(pax.get('uid').toString()) : header.uid,
            gid: pax.has('gid') ? Number(pax.get('gid').toString()) : header.gid,
            xattrs: xattrsOf(pax)
        };
        yield { kind: 'raw', bytes: Buffer.concat(raw) };
        raw = [];
        pax = new Map();
        longName = longLink = undefined;
        const data = entryData(reader, entry.size);
        yield { kind: 'entry', entry, data };
        // Drain what the consumer did not read, then keep the padding for the next raw segment.
        for await (const _ of data)
            void _;
        const padding = await reader.read((0,tar_header/* paddedSize */.k_)(entry.size) - entry.size);
        raw.push(padding);
    }
}
function entryData(reader, size) {
    let left = size;
    return {
        async *[Symbol.asyncIterator]() {
            while (left > 0) {
                const chunk = await reader.chunk(Math.min(left, 1 << 20));
                if (chunk.length === 0)
                    throw new Error('tar: unexpected end of archive in file data');
                left -= chunk.length;
                yield chunk;
            }
        }
    };
}
function xattrsOf(pax) {
    const xattrs = new Map();
    for (const [key, value] of pax)
        if (key.startsWith('SCHILY.xattr.'))
            xattrs.set(key.slice(13), value);
    return xattrs;
}
function parseHeader(block) {
    const stored = parseNumber(block.subarray(148, 156));
    if (!(0,tar_header/* checksumMatches */.XK)(block, stored))
        throw new Error('tar: invalid header (checksum mismatch)');
    let name = cString(block.subarray(0, 100));
    if (block.toString('latin1', 257, 263) === 'ustar\u0000') {
        const prefix = cString(block.subarray(345, 500));
        if (prefix.length > 0)
            name = Buffer.concat([prefix, Buffer.from('/'), name]);
    }
    return {
        name,
        linkname: cString(block.subarray(157, 257)),
        typeflag: block[156] === 0 ? '0' : String.fromCharCode(block[156]),
        size: parseNumber(block.subarray(124, 136)),
        mode: parseNumber(block.subarray(100, 108)),
        uid: parseNumber(block.subarray(108, 116)),
        gid: parseNumber(block.subarray(116, 124))
    };
}
function cString(field) {
    const end = field.indexOf(0);
    return Buffer.from(end < 0 ? field : field.subarray(0, end));
}
function parseNumber(field) {
    const n = (0,tar_header/* decodeNumber */.w2)(field);
    if (Number.isNaN(n))
        throw new Error('tar: invalid number in a header');
    if (n > Number.MAX_SAFE_INTEGER)
        throw new Error('tar: number too large');
    return n;
}
/** PAX records `<len> <key>=<value>\n`; values stay bytes (xattr values may be binary). */
function parsePax(data) {
    const records = new Map();
    let at = 0;
    while (at < data.length) {
        const space = data.indexOf(0x20, at);
        const length = Number(data.toString('latin1', at, space));
        if (space < 0 || !Number.isInteger(length) || length <= 0 || at + length > data.length)
            throw new Error('tar: invalid PAX record');
        const record = data.subarray(space + 1, at + length - 1);
        const eq = record.indexOf(0x3d);
        if (eq > 0)
            records.set(record.toString('utf8', 0, eq), Buffer.from(record.subarray(eq + 1)));
        at += length;
    }
    return records;
}

;// CONCATENATED MODULE: ./src/transports/ostree/layer-import.ts
// One layer (an uncompressed tar stream) into an archive-mode repository, in one pass: content
// objects as files arrive, the tree in memory, the tar-split that rebuilds the tar, and the tar's
// digest and size. Entries are stored as ostree's tar import (and containers/image's untar as
// root) stores them; rootless, as containers/image's `tar --no-same-owner --no-same-permissions`
// plus fixFiles did: owned by the running user, umask applied, set-id bits and xattrs lost, u+rw
// on files and u+rwx on directories. Fifos, sockets and devices are dropped (OSTree cannot store
// them; their tar-split entries still restore them on export).




function currentOwnership() {
    if (process.getuid?.() === 0 || process.getuid === undefined)
        return {};
    const umask = process.umask();
    return { rootless: { uid: process.getuid(), gid: process.getgid(), umask } };
}
async function importLayer(repo, tar, owner) {
    const root = (0,objects/* newDir */.s9)();
    const layer = { repo, root, owner, dropped: new Set() };
    const packer = new tar_split/* TarSplitPacker */.AK();
    const digest = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    for await (const event of walkTar(tar)) {
        if (event.kind === 'raw') {
            digest.update(event.bytes);
            size += event.bytes.length;
            packer.segment(event.bytes);
            continue;
        }
        const { entry } = event;
        const crc = new tar_split/* Crc64 */.Vl();
        const data = (async function* () {
            for await (const chunk of event.data) {
                digest.update(chunk);
                size += chunk.length;
                crc.update(chunk);
                yield chunk;
            }
        })();
        await addEntry(layer, entry, data);
        for await (const _ of data)
            void _;
        packer.file(entry.name, entry.size, entry.size > 0 ? crc.digest() : null);
    }
    return { root, tarSplit: await packer.output(), diffID: `sha256:${digest.digest('hex')}`, size };
}
async function addEntry(layer, entry, data) {
    const parts = splitPath(entry.name);
    const type = entry.typeflag;
    if (type === '5')
        return addDirectory(layer, entry, parts);
    if ('346'.includes(type)) {
        // Devices and fifos: OSTree has no object for them; dropped as upstream's fixFiles did.
        layer.dropped.add(parts.join('/'));
        return;
    }
    if (type === 'V')
        return; // a GNU volume label names no file
    if (!'0712'.includes(type))
        throw new Error(`layer entry ${JSON.stringify(entry.name.toString())} has tar type ${JSON.stringify(type)}, which cannot be stored`);
    if (parts.length === 0)
        throw new Error(`layer entry ${JSON.stringify(entry.name.toString())} is not a file name`);
    const linkTarget = type === '1' ? splitPath(entry.linkname) : [];
    if (type === '1' && layer.dropped.has(linkTarget.join('/'))) {
        layer.dropped.add(parts.join('/'));
        return;
    }
    const { repo, root, owner } = layer;
    const parent = ensureDir(root, parts.slice(0, -1), metaOf(entry, objects/* S_IFDIR */.pJ, owner));
    const name = parts[parts.length - 1];
    let checksum;
    if (type === '1')
        checksum = findFile(root, linkTarget, entry);
    else if (type === '2')
        checksum = await (0,objects/* writeSymlink */.Tu)(repo, metaOf(entry, objects/* S_IFLNK */.Hq, owner), utf8(entry.linkname, 'symlink target'));
    else
        checksum = await (0,objects/* writeRegularFile */.E2)(repo, metaOf(entry, objects/* S_IFREG */.uL, owner), entry.size, data);
    parent.dirs.delete(name);
    parent.files.set(name, checksum);
}
function addDirectory(layer, entry, parts) {
    const meta = metaOf(entry, objects/* S_IFDIR */.pJ, layer.owner);
    if (parts.length === 0) {
        layer.root.meta = meta;
        return;
    }
    const parent = ensureDir(layer.root, parts.slice(0, -1), meta);
    const name = parts[parts.length - 1];
    parent.files.delete(name);
    const existing = parent.dirs.get(name);
    if (existing)
        existing.meta = meta;
    else
        parent.dirs.set(name, (0,objects/* newDir */.s9)(meta));
}
/**
 * A symlink is stored 0777 whatever its tar header says: upstream committed the untarred directory
 * (where every symlink is 0777), and a bare repository can hold nothing else (`ostree commit
 * --tree=tar=` keeps a 0644 symlink's mode, and `fsck` of a bare repository it is pulled into fails).
 */
function metaOf(entry, kind, owner) {
    const r = owner.rootless;
    if (kind === objects/* S_IFLNK */.Hq)
        return {
            uid: r?.uid ?? entry.uid,
            gid: r?.gid ?? entry.gid,
            mode: objects/* S_IFLNK */.Hq | 0o777,
            xattrs: r ? new Map() : entry.xattrs
        };
    if (!r)
        return { uid: entry.uid, gid: entry.gid, mode: kind | entry.mode, xattrs: entry.xattrs };
    let mode = entry.mode & 0o777 & ~r.umask;
    if (kind === objects/* S_IFDIR */.pJ)
        mode |= 0o700;
    else
        mode |= 0o600;
    return { uid: r.uid, gid: r.gid, mode: kind | mode, xattrs: new Map() };
}
/** Path components of a tar name; `..`, NUL and names that are not UTF-8 are refused (OSTree cannot store them). */
function splitPath(name) {
    const text = utf8(name, 'file name');
    const parts = text.split('/').filter(p => p !== '' && p !== '.');
    if (parts.includes('..'))
        throw new Error(`layer entry ${JSON.stringify(text)} leaves the layer (..)`);
    return parts;
}
function utf8(bytes, what) {
    const text = (0,tar_split/* validUtf8 */._9)(bytes);
    if (text === undefined || text.includes('\0'))
        throw new Error(`layer ${what} ${JSON.stringify(bytes.toString('latin1'))} is not UTF-8: OSTree cannot store it`);
    return text;
}
/**
 * The directory at `parts`, created when missing as ostree's tar import creates it: owned by the
 * entry's owner, mode 0755, no xattrs.
 */
function ensureDir(root, parts, owner) {
    let dir = root;
    for (const part of parts) {
        let next = dir.dirs.get(part);
        if (!next) {
            dir.files.delete(part);
            next = (0,objects/* newDir */.s9)({ uid: owner.uid, gid: owner.gid, mode: objects/* S_IFDIR */.pJ | 0o755, xattrs: new Map() });
            dir.dirs.set(part, next);
        }
        dir = next;
    }
    return dir;
}
function findFile(root, parts, entry) {
    const dir = parts.slice(0, -1).reduce((d, p) => d?.dirs.get(p), root);
    const checksum = dir?.files.get(parts[parts.length - 1] ?? '');
    if (checksum === undefined)
        throw new Error(`layer hard link ${JSON.stringify(entry.name.toString())} points to ${JSON.stringify(entry.linkname.toString())}, which is not an earlier file`);
    return checksum;
}

// EXTERNAL MODULE: ./src/transports/ostree/repo.ts
var ostree_repo = __webpack_require__(19341);
;// CONCATENATED MODULE: ./src/transports/ostree/destination.ts
// Writing an image into an OSTree repository in containers/image's layout (ostree/ostree_dest.go):
// each layer committed, untarred, on `ociimage/<layer hex>` with docker.size,
// docker.uncompressed_size, docker.uncompressed_digest and tarsplit.output; the config as a file
// `content` on `ociimage/<config hex>`; the manifest and signatures as files on the image's branch
// with docker.manifest, signatures and docker.digest. Blobs are spooled until commit. An archive
// repository is written natively; any other mode through a temporary archive repository and
// `ostree pull-local` (Node cannot set the xattrs and owners bare modes store).















const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
const LISTS_NOT_SUPPORTED = 'Manifest lists are not supported by "ostree:"';
class OstreeImageDestination {
    ref;
    target;
    spool;
    properties = (0,types/* destinationProperties */.a7)({
        supportedManifestMimeTypes: [src_manifest/* MediaType */.zu.DockerV2Schema2],
        supportsSignatures: true,
        desiredLayerCompression: 'preserve',
        mustMatchRuntimeOS: true,
        hasThreadSafePutBlob: false
    });
    blobs = new Map();
    manifest;
    signatures = [];
    owner = currentOwnership();
    constructor(ref, target, spool) {
        this.ref = ref;
        this.target = target;
        this.spool = spool;
    }
    static async open(ref, ctx) {
        const target = await ostree_repo/* OstreeRepo */.H.open(ref.repo);
        const spool = await (0,stale_temps/* openTempDir */.OT)(ctx.tmpDir ?? external_node_os_default().tmpdir(), 'image-copy-ostree-');
        return new OstreeImageDestination(ref, target, spool);
    }
    /** A layer whose branch exists with docker.uncompressed_digest is there (ostree_dest.go TryReusingBlob). */
    async tryReusingBlob(info) {
        const hex = sha256Hex(info.digest);
        if (hex === undefined)
            return { reused: false };
        const commit = await this.target.readRef(`ociimage/${hex}`);
        if (commit === undefined)
            return { reused: false };
        const { metadata } = await (0,objects/* readCommit */.kN)(this.target, commit);
        const size = Number(metadata.get('docker.size'));
        if (!metadata.has('docker.uncompressed_digest') || !Number.isSafeInteger(size))
            return { reused: false };
        return { reused: true, how: 'exists', info: { ...info, size } };
    }
    async putBlob(stream, info, _options) {
        const stored = await (0,blob_store/* storeBlob */.jX)(stream, info, {
            fileFor: digest => external_node_path_default().join(this.spool, digest.replace(/[^\w.-]/g, '_')),
            makeDirs: async (dir) => void (await external_node_fs_.promises.mkdir(dir, { recursive: true }))
        });
        const hex = sha256Hex(stored.info.digest);
        if (hex === undefined)
            throw new Error(`ostree: cannot store blob ${stored.info.digest}: only sha256 digests name branches`);
        this.blobs.set(hex, { digest: stored.info.digest, size: stored.info.size, file: stored.file });
        return stored.info;
    }
    putManifest(manifest, instanceDigest) {
        if (instanceDigest !== undefined)
            throw new errors/* UsageError */.eb(LISTS_NOT_SUPPORTED);
        if (manifest.mimeType !== src_manifest/* MediaType */.zu.DockerV2Schema2)
            throw new types/* ManifestTypeRejectedError */.Y9(`ostree: only ${src_manifest/* MediaType */.zu.DockerV2Schema2} manifests can be stored, not ${manifest.mimeType}`, manifest.mimeType);
        this.manifest = manifest.bytes;
        return Promise.resolve();
    }
    putSignatures(signatures, instanceDigest) {
        if (instanceDigest !== undefined)
            throw new errors/* UsageError */.eb(LISTS_NOT_SUPPORTED);
        this.signatures = signatures;
        return Promise.resolve();
    }
    async commit(_toplevel) {
        if (!this.manifest)
            throw new Error('ostree: commit before the manifest was written');
        const native = this.target.mode === 'archive';
        const staging = native ? undefined : await ostree_repo/* OstreeRepo */.H.createArchive(external_node_path_default().join(this.spool, 'staging-repo'));
        const repo = staging ?? this.target;
        await external_node_fs_.promises.mkdir(external_node_path_default().join(repo.dir, 'tmp'), { recursive: true });
        const refs = [];
        for (const hex of layerHexes(this.manifest)) {
            const blob = this.blobs.get(hex);
            if (!blob) {
                // Reused: already in the repository (checked again, as upstream's checkLayer does).
                if ((await this.target.readRef(`ociimage/${hex}`)) === undefined)
                    throw new Error(`ostree: layer sha256:${hex} was neither written nor found in ${this.target.dir}`);
                continue;
            }
            this.blobs.delete(hex);
            refs.push([`ociimage/${hex}`, await this.commitLayer(repo, blob)]);
        }
        for (const [hex, blob] of this.blobs)
            refs.push([`ociimage/${hex}`, await this.commitConfig(repo, blob)]);
        refs.push([this.ref.branch, await this.commitManifest(repo, this.manifest)]);
        if (staging)
            await pullLocal(this.target, staging, refs);
        else
            for (const [branch, commit] of refs)
                await this.target.writeRef(branch, commit);
    }
    async commitLayer(repo, blob) {
        const sniffed = await (0,streams/* sniffCompression */.Hs)((0,external_node_fs_.createReadStream)(blob.file));
        const tar = sniffed.compression === 'none'
            ? sniffed.stream
            : sniffed.stream.pipe((0,streams/* decompressor */.ni)(sniffed.compression, `layer ${blob.digest}`));
        const layer = await importLayer(repo, tar, this.owner);
        return (0,objects/* writeCommit */.rV)(repo, {
            metadata: [
                ['docker.size', String(blob.size)],
                ['docker.uncompressed_size', String(layer.size)],
                ['docker.uncompressed_digest', layer.diffID],
                ['tarsplit.output', layer.tarSplit.toString('base64')]
            ],
            timestamp: now(),
            root: await (0,objects/* writeTree */.WM)(repo, layer.root)
        });
    }
    /** The config: a directory (0700, as the spool directory upstream commits) holding `content`. */
    async commitConfig(repo, blob) {
        const root = await filesTree(repo, 0o700, [['content', (0,external_node_fs_.createReadStream)(blob.file), blob.size]]);
        return (0,objects/* writeCommit */.rV)(repo, {
            metadata: [['docker.size', String(blob.size)]],
            timestamp: now(),
            root: await (0,objects/* writeTree */.WM)(repo, root)
        });
    }
    async commitManifest(repo, manifest) {
        const files = [['manifest.json', external_node_stream_.Readable.from([manifest]), manifest.length]];
        this.signatures.forEach((s, i) => files.push([`signature-${i + 1}`, external_node_stream_.Readable.from([s]), s.length]));
        const root = await filesTree(repo, 0o755, files);
        const digest = (0,src_manifest/* sha256Digest */.sI)(manifest);
        return (0,objects/* writeCommit */.rV)(repo, {
            metadata: [
                ['docker.manifest', manifest.toString('utf8')],
                ['signatures', String(this.signatures.length)],
                ['docker.digest', digest]
            ],
            timestamp: now(),
            root: await (0,objects/* writeTree */.WM)(repo, root)
        });
    }
    async close() {
        await external_node_fs_.promises.rm(this.spool, { recursive: true, force: true });
    }
}
/** A one-level tree of files (mode 0644) owned by this process, as upstream's commits of its temp directories. */
async function filesTree(repo, dirMode, files) {
    const uid = process.getuid?.() ?? 0;
    const gid = process.getgid?.() ?? 0;
    const root = (0,objects/* newDir */.s9)({ uid, gid, mode: objects/* S_IFDIR */.pJ | dirMode, xattrs: new Map() });
    for (const [name, data, size] of files) {
        const meta = { uid, gid, mode: objects/* S_IFREG */.uL | 0o644, xattrs: new Map() };
        root.files.set(name, await (0,objects/* writeRegularFile */.E2)(repo, meta, size, data));
    }
    return root;
}
function now() {
    return Math.floor(Date.now() / 1000);
}
/** The hex of a sha256 digest, which names the blob's branch (ociimage/<hex>); undefined for any other. */
function sha256Hex(digest) {
    return /^sha256:([0-9a-f]{64})$/.exec(digest)?.[1];
}
/** The manifest's layer digests (hex), in order, each once; anything else in it is refused. */
function layerHexes(manifest) {
    const parsed = JSON.parse(manifest.toString('utf8'));
    const hexes = [];
    for (const layer of parsed.layers ?? []) {
        const hex = typeof layer.digest === 'string' ? sha256Hex(layer.digest) : undefined;
        if (hex === undefined)
            throw new Error(`ostree: a manifest layer digest is not sha256: ${JSON.stringify(layer.digest)}`);
        if (!hexes.includes(hex))
            hexes.push(hex);
    }
    return hexes;
}
/** Imports the staged commits into a bare or bare-user repository with the ostree CLI, which also moves the refs. */
async function pullLocal(target, staging, refs) {
    for (const [branch, commit] of refs)
        await staging.writeRef(branch, commit);
    try {
        await run('ostree', [`--repo=${target.dir}`, 'pull-local', staging.dir, ...refs.map(([b]) => b)], {
            maxBuffer: 1 << 24
        });
    }
    catch (e) {
        const err = e;
        if (err.code === 'ENOENT')
            throw new Error(`writing to the ${target.mode} OSTree repository ${target.dir} needs the ostree command (install the ostree package), or use an archive repository`, { cause: e });
        throw new Error(`ostree pull-local into ${target.dir} failed: ${(err.stderr ?? err.message).trim()}`, {
            cause: e
        });
    }
}


/***/ }),

/***/ 76223:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iu: () => (/* binding */ deserialize),
/* harmony export */   lK: () => (/* binding */ serialize)
/* harmony export */ });
/* unused harmony export parseType */
// GVariant normal-form serialisation, for the types OSTree stores (ostree-core.h): file headers
// `(uuuusa(ayay))`, dirtree `(a(say)a(sayay))`, dirmeta `(uuua(ayay))`, commit
// `(a{sv}aya(say)sstayay)` and `a{sv}` metadata. Integers are written big-endian, as OSTree
// byte-swaps them before serialising (GUINT32_TO_BE); the framing offsets are little-endian, as
// GVariant's own. Values: u/i numbers, t bigint, b boolean, s string, y number, arrays of `ay`
// Buffers, tuples and dict entries JS arrays, `v` a Variant.
const BASIC_SIZES = { y: 1, b: 1, n: 2, q: 2, i: 4, u: 4, x: 8, t: 8 };
/** Parses a type string of the subset above; throws on anything else. */
function parseType(text) {
    const [type, rest] = parseOne(text, 0);
    if (rest !== text.length)
        throw new Error(`invalid GVariant type ${JSON.stringify(text)}`);
    return type;
}
function parseOne(text, at) {
    const c = text[at];
    if (c !== undefined && c in BASIC_SIZES)
        return [{ kind: 'basic', code: c, size: BASIC_SIZES[c] }, at + 1];
    if (c === 's' || c === 'o' || c === 'g')
        return [{ kind: 's' }, at + 1];
    if (c === 'v')
        return [{ kind: 'v' }, at + 1];
    if (c === 'a') {
        const [element, next] = parseOne(text, at + 1);
        return [{ kind: 'array', element }, next];
    }
    if (c === '(' || c === '{') {
        const close = c === '(' ? ')' : '}';
        const members = [];
        let next = at + 1;
        while (text[next] !== close) {
            if (next >= text.length)
                throw new Error(`invalid GVariant type ${JSON.stringify(text)}`);
            const [member, after] = parseOne(text, next);
            members.push(member);
            next = after;
        }
        if (c === '{' && members.length !== 2)
            throw new Error(`invalid GVariant dict entry in ${text}`);
        return [{ kind: 'tuple', members }, next + 1];
    }
    throw new Error(`unsupported GVariant type ${JSON.stringify(text)}`);
}
function alignment(t) {
    switch (t.kind) {
        case 'basic':
            return t.size;
        case 's':
            return 1;
        case 'v':
            return 8;
        case 'array':
            return alignment(t.element);
        case 'tuple':
            return t.members.reduce((a, m) => Math.max(a, alignment(m)), 1);
    }
}
/** The size of a fixed-size type, or undefined when its values vary in size. */
function fixedSize(t) {
    if (t.kind === 'basic')
        return t.size;
    if (t.kind !== 'tuple')
        return undefined;
    let size = 0;
    for (const m of t.members) {
        const s = fixedSize(m);
        if (s === undefined)
            return undefined;
        size = alignUp(size, alignment(m)) + s;
    }
    return size === 0 ? 1 : alignUp(size, alignment(t));
}
function alignUp(n, a) {
    return Math.ceil(n / a) * a;
}
/** The width of framing offsets for a container whose body is `body` bytes with `count` offsets. */
function offsetWidth(body, count) {
    if (body + count === 0)
        return 0;
    for (const w of [1, 2, 4])
        if (body + count * w < 2 ** (8 * w))
            return w;
    return 8;
}
class Writer {
    chunks = [];
    length = 0;
    push(b) {
        this.chunks.push(b);
        this.length += b.length;
    }
    pad(a) {
        const n = alignUp(this.length, a) - this.length;
        if (n > 0)
            this.push(Buffer.alloc(n));
    }
    offsets(ends) {
        const w = offsetWidth(this.length, ends.length);
        for (const end of ends)
            this.push(writeLE(end, w));
    }
    done() {
        return Buffer.concat(this.chunks, this.length);
    }
}
function writeLE(n, w) {
    const b = Buffer.alloc(w);
    if (w === 8)
        b.writeBigUInt64LE(BigInt(n));
    else
        b.writeUIntLE(n, 0, w);
    return b;
}
/** Serialises `value` as type `type` (a type string) in normal form. */
function serialize(type, value) {
    return encode(parseType(type), value);
}
function encode(t, value) {
    switch (t.kind) {
        case 'basic':
            return encodeBasic(t.code, value);
        case 's':
            if (typeof value !== 'string')
                throw new TypeError('GVariant s: expected a string');
            return Buffer.concat([Buffer.from(value, 'utf8'), Buffer.alloc(1)]);
        case 'v': {
            const v = value;
            return Buffer.concat([encode(parseType(v.type), v.value), Buffer.from(`\0${v.type}`, 'latin1')]);
        }
        case 'array':
            return encodeArray(t.element, value);
        case 'tuple':
            return encodeTuple(t, value);
    }
}
function encodeBasic(code, value) {
    const b = Buffer.alloc(BASIC_SIZES[code]);
    if (code === 'b')
        b[0] = value ? 1 : 0;
    else if (code === 'y')
        b[0] = value;
    else if (code === 'n' || code === 'q')
        b.writeUInt16BE(Number(value) & 0xffff);
    else if (code === 'i')
        b.writeInt32BE(value);
    else if (code === 'u')
        b.writeUInt32BE(value);
    else if (code === 'x')
        b.writeBigInt64BE(BigInt(value));
    else
        b.writeBigUInt64BE(BigInt(value));
    return b;
}
function encodeArray(element, value) {
    if (element.kind === 'basic' && element.code === 'y') {
        if (!Buffer.isBuffer(value))
            throw new TypeError('GVariant ay: expected a Buffer');
        return value;
    }
    if (!Array.isArray(value))
        throw new TypeError('GVariant array: expected an array');
    const w = new Writer();
    const fixed = fixedSize(element) !== undefined;
    const ends = [];
    for (const item of value) {
        w.pad(alignment(element));
        w.push(encode(element, item));
        ends.push(w.length);
    }
    if (!fixed)
        w.offsets(ends);
    return w.done();
}
function encodeTuple(t, value) {
    if (!Array.isArray(value) || value.length !== t.members.length)
        throw new TypeError(`GVariant tuple: expected ${t.members.length} members`);
    const w = new Writer();
    const ends = [];
    t.members.forEach((m, i) => {
        w.pad(alignment(m));
        w.push(encode(m, value[i]));
        if (fixedSize(m) === undefined && i < t.members.length - 1)
            ends.push(w.length);
    });
    const size = fixedSize(t);
    if (size !== undefined) {
        if (size === 1 && w.length === 0)
            w.push(Buffer.alloc(1));
        w.pad(alignment(t));
        return w.done();
    }
    w.offsets(ends.reverse());
    return w.done();
}
/** Reads `data` as type `type`; throws on anything not in normal form's bounds (hostile input). */
function deserialize(type, data) {
    return decode(parseType(type), data);
}
function readOffset(data, at, w) {
    if (at < 0 || at + w > data.length)
        throw new Error('GVariant: framing offset out of bounds');
    return w === 8 ? Number(data.readBigUInt64LE(at)) : data.readUIntLE(at, w);
}
function decode(t, data) {
    switch (t.kind) {
        case 'basic':
            return decodeBasic(t.code, data);
        case 's': {
            if (data.length === 0 || data[data.length - 1] !== 0)
                throw new Error('GVariant s: not NUL-terminated');
            const text = data.subarray(0, data.length - 1);
            if (text.includes(0))
                throw new Error('GVariant s: embedded NUL');
            return new TextDecoder('utf-8', { fatal: true }).decode(text);
        }
        case 'v': {
            const nul = data.lastIndexOf(0);
            if (nul < 0)
                throw new Error('GVariant v: no type string');
            const type = data.toString('latin1', nul + 1);
            let inner;
            try {
                inner = parseType(type);
            }
            catch {
                // A value of a type this module does not read (a double in someone's metadata): kept as bytes.
                return { type, value: Buffer.from(data.subarray(0, nul)) };
            }
            return { type, value: decode(inner, data.subarray(0, nul)) };
        }
        case 'array':
            return decodeArray(t.element, data);
        case 'tuple':
            return decodeTuple(t, data);
    }
}
function decodeBasic(code, data) {
    if (data.length !== BASIC_SIZES[code])
        throw new Error(`GVariant ${code}: wrong size ${data.length}`);
    if (code === 'b')
        return data[0] !== 0;
    if (code === 'y')
        return data[0];
    if (code === 'n')
        return data.readInt16BE();
    if (code === 'q')
        return data.readUInt16BE();
    if (code === 'i')
        return data.readInt32BE();
    if (code === 'u')
        return data.readUInt32BE();
    if (code === 'x')
        return data.readBigInt64BE();
    return data.readBigUInt64BE();
}
function decodeArray(element, data) {
    if (element.kind === 'basic' && element.code === 'y')
        return Buffer.from(data);
    if (data.length === 0)
        return [];
    const size = fixedSize(element);
    const items = [];
    if (size !== undefined) {
        if (data.length % size !== 0)
            throw new Error('GVariant array: size not a multiple of its elements');
        for (let at = 0; at < data.length; at += size)
            items.push(decode(element, data.subarray(at, at + size)));
        return items;
    }
    const w2 = widthFor(data.length);
    const lastEnd = readOffset(data, data.length - w2, w2);
    if (lastEnd > data.length || (data.length - lastEnd) % w2 !== 0)
        throw new Error('GVariant array: bad framing');
    const count = (data.length - lastEnd) / w2;
    let start = 0;
    for (let i = 0; i < count; i++) {
        const end = readOffset(data, lastEnd + i * w2, w2);
        start = alignUp(start, alignment(element));
        if (end < start || end > lastEnd)
            throw new Error('GVariant array: bad framing offset');
        items.push(decode(element, data.subarray(start, end)));
        start = end;
    }
    return items;
}
/** The offset width of a serialised container of `total` bytes (GLib's rule, from the total size). */
function widthFor(total) {
    if (total <= 0xff)
        return 1;
    if (total <= 0xffff)
        return 2;
    if (total <= 0xffffffff)
        return 4;
    return 8;
}
function decodeTuple(t, data) {
    const w = widthFor(data.length);
    let frameEnd = data.length;
    let start = 0;
    return t.members.map((m, i) => {
        start = alignUp(start, alignment(m));
        const size = fixedSize(m);
        let end;
        if (size !== undefined)
            end = start + size;
        else if (i === t.members.length - 1)
            end = frameEnd;
        else {
            frameEnd -= w;
            end = readOffset(data, frameEnd, w);
        }
        if (end < start || end > data.length)
            throw new Error('GVariant tuple: bad framing');
        const value = decode(m, data.subarray(start, end));
        start = end;
        return value;
    });
}


/***/ }),

/***/ 87645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E2: () => (/* binding */ writeRegularFile),
/* harmony export */   Hq: () => (/* binding */ S_IFLNK),
/* harmony export */   Tu: () => (/* binding */ writeSymlink),
/* harmony export */   WM: () => (/* binding */ writeTree),
/* harmony export */   kN: () => (/* binding */ readCommit),
/* harmony export */   pJ: () => (/* binding */ S_IFDIR),
/* harmony export */   rV: () => (/* binding */ writeCommit),
/* harmony export */   s9: () => (/* binding */ newDir),
/* harmony export */   uL: () => (/* binding */ S_IFREG)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _gvariant_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76223);
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(19341);
// OSTree objects written into an archive-mode repository: content objects (regular files and
// symlinks), dirmeta/dirtree for an in-memory tree, and commits. Checksums are OSTree's: sha256 of
// the length-prefixed file header `(uuuusa(ayay))` plus the content for files, sha256 of the
// serialised variant for the others (ostree-core.c).






const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
/** xattrs as OSTree stores them: sorted by name, each name a NUL-terminated bytestring. */
function xattrList(xattrs) {
    return [...xattrs]
        .map(([name, value]) => [Buffer.from(`${name}\0`, 'utf8'), value])
        .sort((a, b) => Buffer.compare(a[0], b[0]));
}
function lenPrefixed(variant) {
    const prefix = Buffer.alloc(8);
    prefix.writeUInt32BE(variant.length, 0);
    return Buffer.concat([prefix, variant]);
}
function fileHeader(meta, symlinkTarget) {
    return lenPrefixed((0,_gvariant_js__WEBPACK_IMPORTED_MODULE_4__/* .serialize */ .lK)('(uuuusa(ayay))', [meta.uid, meta.gid, meta.mode, 0, symlinkTarget, xattrList(meta.xattrs)]));
}
function archiveHeader(meta, size, symlinkTarget) {
    return lenPrefixed((0,_gvariant_js__WEBPACK_IMPORTED_MODULE_4__/* .serialize */ .lK)('(tuuuusa(ayay))', [
        BigInt(size),
        meta.uid,
        meta.gid,
        meta.mode,
        0,
        symlinkTarget,
        xattrList(meta.xattrs)
    ]));
}
/** Files up to this size are read whole and deflated in one call: most files of a layer are small. */
const SMALL_FILE = 256 * 1024;
/** Streams a regular file into an archive-mode content object; returns its checksum. */
async function writeRegularFile(repo, meta, size, data) {
    if (size <= SMALL_FILE)
        return writeSmallFile(repo, meta, size, data);
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(fileHeader(meta, ''));
    const temp = repo.tempPath();
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(temp, archiveHeader(meta, size, ''), { mode: 0o644 });
    try {
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(async function* () {
            for await (const chunk of data) {
                hash.update(chunk);
                yield chunk;
            }
        }, 
        // Every regular file gets a deflate stream, even an empty one (fsck wants it).
        (0,node_zlib__WEBPACK_IMPORTED_MODULE_3__.createDeflateRaw)({ level: 6 }), (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(temp, { flags: 'a' }));
        const checksum = hash.digest('hex');
        await publishUnlessPresent(repo, temp, checksum);
        return checksum;
    }
    catch (e) {
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(temp, { force: true });
        throw e;
    }
}
async function writeSmallFile(repo, meta, size, data) {
    const chunks = [];
    for await (const chunk of data)
        chunks.push(chunk);
    const content = Buffer.concat(chunks);
    const checksum = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(fileHeader(meta, '')).update(content).digest('hex');
    if (await repo.hasObject(checksum, 'file'))
        return checksum;
    const temp = repo.tempPath();
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(temp, Buffer.concat([archiveHeader(meta, size, ''), (0,node_zlib__WEBPACK_IMPORTED_MODULE_3__.deflateRawSync)(content, { level: 6 })]), {
        mode: 0o644
    });
    await repo.publish(temp, checksum, 'file');
    return checksum;
}
async function publishUnlessPresent(repo, temp, checksum) {
    if (await repo.hasObject(checksum, 'file'))
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(temp, { force: true });
    else
        await repo.publish(temp, checksum, 'file');
}
/** A symlink's content object (a header only); returns its checksum. */
async function writeSymlink(repo, meta, target) {
    const checksum = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(fileHeader(meta, target)).digest('hex');
    if (await repo.hasObject(checksum, 'file'))
        return checksum;
    const temp = repo.tempPath();
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(temp, archiveHeader(meta, 0, target), { mode: 0o644 });
    await repo.publish(temp, checksum, 'file');
    return checksum;
}
/** Autocreated directories and a root with no entry of its own: 0:0 040755 (as ostree's tar import). */
function newDir(meta) {
    return {
        meta: meta ?? { uid: 0, gid: 0, mode: S_IFDIR | 0o755, xattrs: new Map() },
        files: new Map(),
        dirs: new Map()
    };
}
const byBytes = (a, b) => Buffer.compare(Buffer.from(a[0], 'utf8'), Buffer.from(b[0], 'utf8'));
/** Writes a tree's dirtree and dirmeta objects, children first; returns [tree, meta] checksums. */
async function writeTree(repo, dir) {
    const subdirs = [];
    for (const [name, child] of [...dir.dirs].sort(byBytes)) {
        const [tree, meta] = await writeTree(repo, child);
        subdirs.push([name, Buffer.from(tree, 'hex'), Buffer.from(meta, 'hex')]);
    }
    const files = [...dir.files].sort(byBytes).map(([name, csum]) => [name, Buffer.from(csum, 'hex')]);
    const tree = await repo.writeMeta('dirtree', (0,_gvariant_js__WEBPACK_IMPORTED_MODULE_4__/* .serialize */ .lK)(_repo_js__WEBPACK_IMPORTED_MODULE_5__/* .TYPES */ .Q.dirtree, [files, subdirs]));
    const { uid, gid, mode, xattrs } = dir.meta;
    const meta = await repo.writeMeta('dirmeta', (0,_gvariant_js__WEBPACK_IMPORTED_MODULE_4__/* .serialize */ .lK)(_repo_js__WEBPACK_IMPORTED_MODULE_5__/* .TYPES */ .Q.dirmeta, [uid, gid, mode, xattrList(xattrs)]));
    return [tree, meta];
}
/** A commit with no parent, empty subject and body (as containers/image's otbuiltin commits). */
function writeCommit(repo, input) {
    const metadata = input.metadata.map(([k, v]) => [k, { type: 's', value: v }]);
    const value = [
        metadata,
        Buffer.alloc(0),
        [],
        '',
        '',
        BigInt(input.timestamp),
        Buffer.from(input.root[0], 'hex'),
        Buffer.from(input.root[1], 'hex')
    ];
    return repo.writeMeta('commit', (0,_gvariant_js__WEBPACK_IMPORTED_MODULE_4__/* .serialize */ .lK)(_repo_js__WEBPACK_IMPORTED_MODULE_5__/* .TYPES */ .Q.commit, value));
}
/** A commit's string metadata, its timestamp and root, read back. */
async function readCommit(repo, checksum) {
    const [meta, , , , , , tree, dirmeta] = (await repo.readMeta(checksum, 'commit'));
    const metadata = new Map();
    for (const [key, v] of meta)
        if (v.type === 's')
            metadata.set(key, v.value);
    return { metadata, root: [tree.toString('hex'), dirmeta.toString('hex')] };
}


/***/ }),

/***/ 19341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ OstreeRepo),
/* harmony export */   Q: () => (/* binding */ TYPES)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _local_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(72437);
/* harmony import */ var _gvariant_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(76223);
// An OSTree repository on disk: its mode (the `config` keyfile), objects
// (objects/<hex[0:2]>/<hex[2:]>.<type>), refs (refs/heads/<branch>). Reads every mode natively;
// writes archive mode only (content objects `.filez`: a length-prefixed header and raw deflate).
// Each object and ref is written to a temp file in the repo's tmp/ and renamed into place.







const MODES = {
    archive: 'archive',
    'archive-z2': 'archive',
    bare: 'bare',
    'bare-user': 'bare-user',
    'bare-user-only': 'bare-user-only',
    'bare-split-xattrs': 'bare-split-xattrs'
};
const MAX_META_OBJECT = 64 * 1024 * 1024;
const CHECKSUM_RE = /^[0-9a-f]{64}$/;
class OstreeRepo {
    dir;
    mode;
    /** objects/<xx> directories known to exist. */
    objectDirs = new Set();
    constructor(dir, mode) {
        this.dir = dir;
        this.mode = mode;
    }
    /** Opens an existing repository; a missing one or one of an unknown mode is a clear error. */
    static async open(dir) {
        let config;
        try {
            config = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'config'), 'utf8');
        }
        catch (e) {
            if (!(0,_local_files_js__WEBPACK_IMPORTED_MODULE_5__/* .isNotFound */ .c4)(e))
                throw e;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`no OSTree repository at ${dir} (no config file); create one with: ostree --repo=${dir} init --mode=archive`);
        }
        const mode = /^\s*mode\s*=\s*(\S+)\s*$/m.exec(config)?.[1] ?? 'bare';
        const known = MODES[mode];
        if (!known)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`the OSTree repository at ${dir} has mode ${JSON.stringify(mode)}, which is not supported`);
        return new OstreeRepo(dir, known);
    }
    /** Creates an empty archive-mode repository (as `ostree init --mode=archive` does). */
    static async createArchive(dir) {
        for (const sub of ['objects', 'refs/heads', 'refs/remotes', 'refs/mirrors', 'tmp', 'state', 'extensions'])
            await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, sub), { recursive: true });
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'config'), '[core]\nrepo_version=1\nmode=archive-z2\n');
        return new OstreeRepo(dir, 'archive');
    }
    objectPath(checksum, type) {
        if (!CHECKSUM_RE.test(checksum))
            throw new Error(`invalid OSTree checksum ${JSON.stringify(checksum)}`);
        const ext = type === 'file' && this.mode === 'archive' ? 'filez' : type;
        return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, 'objects', checksum.slice(0, 2), `${checksum.slice(2)}.${ext}`);
    }
    async hasObject(checksum, type) {
        try {
            await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.lstat(this.objectPath(checksum, type));
            return true;
        }
        catch (e) {
            if ((0,_local_files_js__WEBPACK_IMPORTED_MODULE_5__/* .isNotFound */ .c4)(e))
                return false;
            throw e;
        }
    }
    /** A metadata object, parsed and checked against its checksum. */
    async readMeta(checksum, type) {
        const file = this.objectPath(checksum, type);
        const { size } = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(file);
        if (size > MAX_META_OBJECT)
            throw new Error(`OSTree ${type} object ${checksum} is too large (${size} bytes)`);
        const bytes = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(file);
        if ((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex') !== checksum)
            throw new Error(`OSTree ${type} object ${checksum} is corrupt (its checksum does not match)`);
        return (0,_gvariant_js__WEBPACK_IMPORTED_MODULE_6__/* .deserialize */ .iu)(TYPES[type], bytes);
    }
    /** Writes a metadata object (archive mode) unless it is there; returns its checksum. */
    async writeMeta(type, bytes) {
        const checksum = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex');
        if (await this.hasObject(checksum, type))
            return checksum;
        const temp = this.tempPath();
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(temp, bytes, { mode: 0o644 });
        await this.publish(temp, checksum, type);
        return checksum;
    }
    /** Moves a finished temp file into place as an object (a concurrent writer may have won: same bytes). */
    async publish(temp, checksum, type) {
        const target = this.objectPath(checksum, type);
        const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(target);
        if (!this.objectDirs.has(dir)) {
            await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(dir, { recursive: true });
            this.objectDirs.add(dir);
        }
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(temp, target);
    }
    tempPath() {
        return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, 'tmp', `image-copy-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`);
    }
    /** A regular file's content, streamed from its object (inflated in archive mode). */
    async openContent(checksum) {
        const file = this.objectPath(checksum, 'file');
        if (this.mode !== 'archive')
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file);
        const handle = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.open(file);
        let headerSize;
        try {
            const prefix = Buffer.alloc(8);
            await handle.read(prefix, 0, 8, 0);
            headerSize = prefix.readUInt32BE(0);
        }
        finally {
            await handle.close();
        }
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file, { start: 8 + headerSize }).pipe((0,node_zlib__WEBPACK_IMPORTED_MODULE_3__.createInflateRaw)());
    }
    async readRef(branch) {
        try {
            const text = (await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(this.refPath(branch), 'utf8')).trim();
            if (!CHECKSUM_RE.test(text))
                throw new Error(`OSTree ref ${branch} holds ${JSON.stringify(text.slice(0, 80))}`);
            return text;
        }
        catch (e) {
            if ((0,_local_files_js__WEBPACK_IMPORTED_MODULE_5__/* .isNotFound */ .c4)(e))
                return undefined;
            throw e;
        }
    }
    /** Points a branch at a commit, atomically. */
    async writeRef(branch, checksum) {
        const target = this.refPath(branch);
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(target), { recursive: true });
        const temp = this.tempPath();
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(temp, `${checksum}\n`, { mode: 0o644 });
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(temp, target);
    }
    refPath(branch) {
        if (!/^[\w.-]+(\/[\w.-]+)*$/.test(branch))
            throw new Error(`invalid OSTree branch name ${JSON.stringify(branch)}`);
        return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, 'refs', 'heads', branch);
    }
}
const TYPES = {
    commit: '(a{sv}aya(say)sstayay)',
    dirtree: '(a(say)a(sayay))',
    dirmeta: '(uuua(ayay))'
};


/***/ }),

/***/ 57847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AK: () => (/* binding */ TarSplitPacker),
/* harmony export */   EV: () => (/* binding */ assembleTar),
/* harmony export */   TX: () => (/* binding */ parseTarSplit),
/* harmony export */   Vl: () => (/* binding */ Crc64),
/* harmony export */   _9: () => (/* binding */ validUtf8)
/* harmony export */ });
/* unused harmony exports FILE_TYPE, SEGMENT_TYPE */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46193);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_string_decoder__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_3__);
// tar-split (github.com/vbatts/tar-split, as containers/storage and the ostree transport store it):
// a tar's headers and padding kept as raw segments plus, per entry, its name, size and CRC-64/ISO,
// so that the same tar can be rebuilt byte for byte from the entries' files. The stored form is
// JSON lines (`{"type":1,"name":…,"size":…,"payload":<crc, base64>,"position":n}` for an entry,
// `{"type":2,"payload":<raw bytes, base64>,"position":n}` for a segment), gzip-compressed.




const FILE_TYPE = 1;
const SEGMENT_TYPE = 2;
/** Records a tar as it is walked, compressing as it goes; `output()` is the gzip-compressed JSON lines. */
class TarSplitPacker {
    gzip = (0,node_zlib__WEBPACK_IMPORTED_MODULE_3__.createGzip)();
    compressed = [];
    ended;
    position = 0;
    seen = new Set();
    constructor() {
        this.gzip.on('data', (chunk) => this.compressed.push(chunk));
        this.ended = new Promise((resolve, reject) => {
            this.gzip.on('end', resolve);
            this.gzip.on('error', reject);
        });
    }
    segment(bytes) {
        if (bytes.length === 0)
            return;
        this.add({ type: SEGMENT_TYPE, payload: bytes.toString('base64') });
    }
    file(name, size, crc) {
        const clean = node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.normalize(name.toString('latin1')).replace(/\/$/, '');
        // As tar-split's packer: a path twice in one tar cannot be rebuilt from files.
        if (this.seen.has(clean))
            throw new Error(`tar-split: duplicate path ${JSON.stringify(clean)} in the layer`);
        this.seen.add(clean);
        const text = validUtf8(name);
        this.add({
            type: FILE_TYPE,
            ...(text !== undefined ? { name: text } : { name_raw: name.toString('base64') }),
            ...(size > 0 ? { size } : {}),
            payload: crc === null ? null : crc.toString('base64')
        });
    }
    add(entry) {
        // Go's encoding/json escapes <, > and & (and U+2028/9); keep the bytes Go would write.
        const json = JSON.stringify({ ...entry, position: this.position++ }).replace(/[<>&\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
        this.gzip.write(json + '\n');
    }
    async output() {
        this.gzip.end();
        await this.ended;
        return Buffer.concat(this.compressed);
    }
}
// One decoder for every name: a call without `stream` starts afresh, even after a failed one.
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** The bytes as text when they are valid UTF-8, else undefined. */
function validUtf8(bytes) {
    try {
        return UTF8.decode(bytes);
    }
    catch {
        return undefined;
    }
}
const MAX_LINE = 16 * 1024 * 1024;
/** Parses stored tar-split (gzip-compressed JSON lines) as it inflates; refuses anything malformed. */
async function* parseTarSplit(gzipped) {
    // A StringDecoder keeps a character split between two chunks whole.
    const decoder = new node_string_decoder__WEBPACK_IMPORTED_MODULE_2__.StringDecoder('utf8');
    let rest = '';
    let position = 0;
    for await (const chunk of node_stream__WEBPACK_IMPORTED_MODULE_1__.Readable.from([gzipped]).pipe((0,node_zlib__WEBPACK_IMPORTED_MODULE_3__.createGunzip)())) {
        const lines = (rest + decoder.write(chunk)).split('\n');
        rest = lines.pop();
        if (rest.length > MAX_LINE)
            throw new Error('tar-split: a line is too long');
        for (const line of lines)
            if (line !== '')
                yield parseEntry(line, position++);
    }
    rest += decoder.end();
    if (rest !== '')
        yield parseEntry(rest, position);
}
function parseEntry(line, i) {
    const e = JSON.parse(line);
    if (e.type !== FILE_TYPE && e.type !== SEGMENT_TYPE)
        throw new Error(`tar-split: entry ${i}: unknown type`);
    const payload = typeof e.payload === 'string' ? Buffer.from(e.payload, 'base64') : null;
    const size = e.size ?? 0;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
        throw new Error(`tar-split: entry ${i}: invalid size`);
    let name;
    if (typeof e.name_raw === 'string')
        name = Buffer.from(e.name_raw, 'base64');
    else if (typeof e.name === 'string')
        name = Buffer.from(e.name, 'utf8');
    if (e.type === FILE_TYPE && name === undefined)
        throw new Error(`tar-split: entry ${i}: a file without a name`);
    return { type: e.type, name, size, payload, position: i };
}
/**
 * Rebuilds the tar: segments as stored, each file's bytes from `open(name)` (asked only for entries
 * of non-zero size), checked against the recorded size and CRC-64.
 */
function assembleTar(entries, open) {
    async function* generate() {
        for await (const e of entries) {
            if (e.type === SEGMENT_TYPE) {
                if (e.payload)
                    yield e.payload;
                continue;
            }
            if (!e.size)
                continue;
            const crc = new Crc64();
            let n = 0;
            for await (const chunk of await open(e.name)) {
                n += chunk.length;
                if (n > e.size)
                    break;
                crc.update(chunk);
                yield chunk;
            }
            const what = JSON.stringify(e.name.toString('utf8'));
            if (n !== e.size)
                throw new Error(`tar-split: ${what} has ${n} bytes, the layer recorded ${e.size}`);
            if (e.payload && !crc.digest().equals(e.payload))
                throw new Error(`tar-split: ${what} does not match the layer's recorded checksum`);
        }
    }
    return node_stream__WEBPACK_IMPORTED_MODULE_1__.Readable.from(generate(), { objectMode: false });
}
// CRC-64 with the ISO polynomial, as Go's hash/crc64 (reflected, all ones in and out), on two
// 32-bit halves for speed.
const TABLE_HI = new Uint32Array(256);
const TABLE_LO = new Uint32Array(256);
for (let i = 0; i < 256; i++) {
    let hi = 0;
    let lo = i;
    for (let k = 0; k < 8; k++) {
        const odd = lo & 1;
        lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
        hi = hi >>> 1;
        if (odd)
            hi = (hi ^ 0xd8000000) >>> 0;
    }
    TABLE_HI[i] = hi;
    TABLE_LO[i] = lo;
}
class Crc64 {
    hi = 0xffffffff;
    lo = 0xffffffff;
    update(data) {
        let hi = this.hi;
        let lo = this.lo;
        for (let i = 0; i < data.length; i++) {
            const idx = (lo ^ data[i]) & 0xff;
            lo = ((lo >>> 8) | ((hi & 0xff) << 24)) ^ TABLE_LO[idx];
            hi = (hi >>> 8) ^ TABLE_HI[idx];
        }
        this.hi = hi >>> 0;
        this.lo = lo >>> 0;
    }
    /** The 8 bytes Go's Sum appends (big-endian). */
    digest() {
        const out = Buffer.alloc(8);
        out.writeUInt32BE(~this.hi >>> 0, 0);
        out.writeUInt32BE(~this.lo >>> 0, 4);
        return out;
    }
}


/***/ })

};
