export const id = 678;
export const ids = [678];
export const modules = {

/***/ 5682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   at: () => (/* binding */ getFromCredentialHelper),
/* harmony export */   oq: () => (/* binding */ findExecutable),
/* harmony export */   ph: () => (/* binding */ helperProgram)
/* harmony export */ });
/* unused harmony export DEFAULT_HELPER_TIMEOUT_MS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5439);
// Runs a docker credential helper (`docker-credential-<name> get`) as docker and containers/image do:
// the server URL on stdin, JSON `{ServerURL, Username, Secret}` on stdout, `Username: "<token>"` meaning
// the secret is an identity (OAuth2 refresh) token, "credentials not found" meaning no match.
// No shell; found on the PATH we are given; killed after a timeout. What the helper prints is never
// put into an error message: a failing helper may print the secret it was about to return.




const DEFAULT_HELPER_TIMEOUT_MS = 10_000;
const MAX_OUTPUT_BYTES = 1024 * 1024;
const NOT_FOUND = /credentials not found/i;
/** Messages of docker-credential-helpers that name no secret and help a user; quoted when seen. */
const KNOWN_MESSAGES = ['no credentials server URL', 'no credentials username'];
function helperProgram(name) {
    return `docker-credential-${name}`;
}
/**
 * Asks helper `name` for the credentials of `serverUrl`. `undefined` when it has none. Throws a
 * CredentialLookupError naming the program and `configuredBy` when it is missing, fails or hangs.
 */
async function getFromCredentialHelper(name, serverUrl, options) {
    const program = helperProgram(name);
    const executable = await findExecutable(program, options.env);
    if (!executable)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .CredentialHelperMissingError */ .A(program, options.configuredBy);
    const timeoutMs = options.timeoutMs ?? DEFAULT_HELPER_TIMEOUT_MS;
    const run = await runHelper(executable, `${serverUrl}\n`, options.env, timeoutMs);
    const what = `credential helper ${program} (configured by ${options.configuredBy})`;
    if (run.kind === 'spawn-error') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .CredentialLookupError */ .y(`${what} could not be started: ${run.code}`, 'usage', `check that ${executable} is executable`);
    }
    if (run.kind === 'timeout') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .CredentialLookupError */ .y(`${what} did not answer within ${timeoutMs / 1000}s for ${serverUrl}`, 'failure', 'a helper that asks for input (a keychain prompt, a login) cannot answer in CI; check it works non-interactively');
    }
    if (run.kind === 'too-much-output') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .CredentialLookupError */ .y(`${what} printed more than ${MAX_OUTPUT_BYTES} bytes for ${serverUrl}`, 'failure');
    }
    if (run.exitCode !== 0 || run.signal) {
        if (NOT_FOUND.test(run.stdout) || NOT_FOUND.test(run.stderr))
            return undefined;
        const known = KNOWN_MESSAGES.find(m => run.stdout.trim() === m || run.stderr.trim() === m);
        const status = run.signal ? `was killed by ${run.signal}` : `exited with code ${run.exitCode}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .CredentialLookupError */ .y(`${what} ${status} for ${serverUrl}` +
            (known ? `: ${known}` : ' (its output is not shown: it may contain secrets)'), 'failure', `run \`echo ${serverUrl} | ${program} get\` to see what it says`);
    }
    let answer;
    try {
        answer = JSON.parse(run.stdout);
    }
    catch {
        if (NOT_FOUND.test(run.stdout))
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .CredentialLookupError */ .y(`${what} printed something that is not JSON for ${serverUrl}`, 'failure');
    }
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .CredentialLookupError */ .y(`${what} printed JSON that is not an object for ${serverUrl}`, 'failure');
    }
    const { Username: username, Secret: secret } = answer;
    if ((username !== undefined && typeof username !== 'string') ||
        (secret !== undefined && typeof secret !== 'string')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .CredentialLookupError */ .y(`${what} printed a Username or Secret that is not a string for ${serverUrl}`, 'failure');
    }
    if (!secret)
        return undefined;
    if (username === '<token>')
        return { identityToken: secret };
    return username ? { username, password: secret } : { password: secret };
}
async function runHelper(executable, input, env, timeoutMs) {
    // Loaded here, by the one copy in many that runs a helper: node:child_process costs ~4 ms at start-up.
    const { spawn } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1421, 23));
    return new Promise(resolve => {
        const child = spawn(executable, ['get'], {
            env,
            shell: false,
            stdio: ['pipe', 'pipe', 'pipe'],
            windowsHide: true
        });
        const stdout = [];
        const stderr = [];
        let size = 0;
        let settled = false;
        const finish = (result) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            resolve(result);
        };
        const collect = (into) => (chunk) => {
            size += chunk.length;
            if (size > MAX_OUTPUT_BYTES) {
                child.kill('SIGKILL');
                finish({ kind: 'too-much-output' });
                return;
            }
            into.push(chunk);
        };
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            finish({ kind: 'timeout' });
        }, timeoutMs);
        child.stdout.on('data', collect(stdout));
        child.stderr.on('data', collect(stderr));
        child.on('error', e => {
            child.kill('SIGKILL');
            finish({ kind: 'spawn-error', code: e.code ?? 'spawn error' });
        });
        child.on('close', (exitCode, signal) => finish({
            kind: 'exit',
            exitCode,
            signal,
            stdout: Buffer.concat(stdout).toString('utf8'),
            stderr: Buffer.concat(stderr).toString('utf8')
        }));
        // A helper that exits without reading stdin makes this write fail with EPIPE; its exit says the rest.
        child.stdin.on('error', () => { });
        child.stdin.end(input);
    });
}
/** The first executable `program` on the PATH of `env` (with PATHEXT extensions on Windows). */
async function findExecutable(program, env) {
    const pathValue = env.PATH ?? env.Path ?? '';
    const windows = process.platform === 'win32';
    const extensions = windows ? (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean) : [''];
    for (const dir of pathValue.split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter)) {
        if (!dir || !(0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(dir))
            continue;
        for (const ext of windows ? ['', ...extensions] : extensions) {
            const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, program + ext);
            try {
                if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(candidate)).isFile())
                    continue;
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(candidate, windows ? node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.F_OK : node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
                return candidate;
            }
            catch {
                // not here
            }
        }
    }
    return undefined;
}


/***/ }),

/***/ 5439:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ CredentialHelperMissingError),
/* harmony export */   y: () => (/* binding */ CredentialLookupError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// Why a credential lookup failed. Messages name files, keys and helper programs, never a value read
// from a file or printed by a helper: either could be a secret.

class CredentialLookupError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageCopyError */ .xv {
    constructor(message, category = 'usage', hint) {
        super(message, category, hint);
        this.name = 'CredentialLookupError';
    }
}
/** A `credHelpers`/`credsStore` entry names a `docker-credential-*` program that is not on PATH. */
class CredentialHelperMissingError extends CredentialLookupError {
    program;
    configuredBy;
    constructor(program, configuredBy) {
        super(`credential helper ${program} (configured by ${configuredBy}) was not found on PATH`, 'usage', `install ${program}, or remove that entry from the file`);
        this.program = program;
        this.configuredBy = configuredBy;
        this.name = 'CredentialHelperMissingError';
    }
}


/***/ }),

/***/ 6136:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
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


/***/ }),

/***/ 5484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Jw: () => (/* reexport */ openUserBlobInfoCache),
  tS: () => (/* reexport */ processBlobInfoCache)
});

// UNUSED EXPORTS: MAX_BLOB_INFO_ENTRIES, MemoryBlobInfoCache, defaultBlobInfoCachePath, entryKey, memoryBlobInfoCache, openBlobInfoCache

;// CONCATENATED MODULE: ./src/cache/blob-info-memory.ts
/** Entries kept (pairs, uncompressed digests and locations together); the oldest go first. */
const MAX_BLOB_INFO_ENTRIES = 5_000;
function entryKey(e) {
    switch (e.kind) {
        case 'pair':
            return `p ${e.compressed}`;
        case 'uncompressed':
            return `u ${e.digest}`;
        case 'location':
            return `l ${e.registry} ${e.repository} ${e.digest}`;
    }
}
function locationKey(registry, digest) {
    return `${registry} ${digest}`;
}
function addTo(index, key, value) {
    let set = index.get(key);
    if (!set)
        index.set(key, (set = new Set()));
    set.delete(value); // re-added last: most recent
    set.add(value);
}
function removeFrom(index, key, value) {
    const set = index.get(key);
    if (!set)
        return;
    set.delete(value);
    if (set.size === 0)
        index.delete(key);
}
class MemoryBlobInfoCache {
    maxEntries;
    /** Oldest first. */
    entries = new Map();
    /** Keys forgotten by this process, with when: a merge must not bring them back from a file. */
    forgotten = new Map();
    /** Set by every change, so that a file cache with nothing new is not written. */
    changed = false;
    compressedOf = new Map(); // uncompressed → compressed digests
    locations = new Map(); // `${registry} ${digest}` → repositories
    constructor(maxEntries = MAX_BLOB_INFO_ENTRIES) {
        this.maxEntries = maxEntries;
    }
    recordDigestPair(compressed, algorithm, uncompressed) {
        this.ready();
        if (compressed === uncompressed)
            return;
        this.record({ kind: 'pair', compressed, algorithm, uncompressed, time: Date.now() });
    }
    recordUncompressed(digest) {
        this.ready();
        this.record({ kind: 'uncompressed', digest, time: Date.now() });
    }
    uncompressedDigest(digest) {
        this.ready();
        if (this.entries.has(`u ${digest}`) || this.compressedOf.has(digest))
            return digest;
        const pair = this.entries.get(`p ${digest}`);
        return pair?.kind === 'pair' ? pair.uncompressed : undefined;
    }
    variants(digest) {
        this.ready();
        const uncompressed = this.uncompressedDigest(digest);
        if (uncompressed === undefined)
            return [];
        const found = [];
        for (const c of [...(this.compressedOf.get(uncompressed) ?? [])].reverse()) {
            const pair = this.entries.get(`p ${c}`);
            if (c !== digest && pair?.kind === 'pair')
                found.push({ digest: c, compression: pair.algorithm });
        }
        if (uncompressed !== digest)
            found.push({ digest: uncompressed, compression: 'none' });
        return found;
    }
    recordKnownLocation(registry, repository, digest) {
        this.readyFor(registry);
        this.record({ kind: 'location', registry, repository, digest, time: Date.now() });
    }
    forgetKnownLocation(registry, repository, digest) {
        this.readyFor(registry);
        const key = entryKey({ kind: 'location', registry, repository, digest, time: 0 });
        this.forgotten.set(key, Date.now());
        if (this.remove(key))
            this.changed = true;
    }
    knownLocations(registry, digest) {
        this.readyFor(registry);
        return [...(this.locations.get(locationKey(registry, digest)) ?? [])].reverse();
    }
    /** Called first by every method of the interface (a file cache loads its file then). */
    ready() { }
    /** Called first by the methods about one registry's locations (a file cache takes those in then). */
    readyFor(_registry) {
        this.ready();
    }
    /** Adds (or refreshes) an entry as the most recent one, dropping the oldest beyond the bound. */
    record(entry) {
        const key = entryKey(entry);
        this.remove(key);
        this.entries.set(key, entry);
        this.forgotten.delete(key);
        this.changed = true;
        if (entry.kind === 'pair')
            addTo(this.compressedOf, entry.uncompressed, entry.compressed);
        if (entry.kind === 'location')
            addTo(this.locations, locationKey(entry.registry, entry.digest), entry.repository);
        while (this.entries.size > this.maxEntries)
            this.remove(this.entries.keys().next().value);
    }
    remove(key) {
        const e = this.entries.get(key);
        if (!e)
            return false;
        this.entries.delete(key);
        if (e.kind === 'pair')
            removeFrom(this.compressedOf, e.uncompressed, e.compressed);
        if (e.kind === 'location')
            removeFrom(this.locations, locationKey(e.registry, e.digest), e.repository);
        return true;
    }
}
function memoryBlobInfoCache() {
    return new MemoryBlobInfoCache();
}
let processCache;
/** The cache of this process, used where no other is given (a memory cache, as blob locations always were). */
function processBlobInfoCache() {
    return (processCache ??= memoryBlobInfoCache());
}

// EXTERNAL MODULE: ./src/lazy-builtin.ts
var lazy_builtin = __webpack_require__(839);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/manifest/digest.ts + 1 modules
var manifest_digest = __webpack_require__(9971);
// EXTERNAL MODULE: ./src/memory.ts
var memory = __webpack_require__(8820);
// EXTERNAL MODULE: ./src/reference/docker.ts
var docker = __webpack_require__(9085);
;// CONCATENATED MODULE: ./src/cache/blob-info-file.ts
// The blob-info cache kept between processes in one JSON file, so that a second copy to another
// repository of the same registry mounts what the first one pushed:
//
//   {"version":1,
//    "pairs":[[compressed, "gzip"|"zstd", uncompressed, time]],
//    "uncompressed":[[digest, time]],
//    "locations":[[registry, repository, digest, time]]}
//
// The file is read whole once, when the cache is first used (a copy between local layouts never
// pays for it), synchronously (it is small: 5 000 entries take about 600 KB). Pairs and uncompressed
// digests are taken in at once; a registry's locations when that registry is first asked about, so a
// copy holds in memory only what concerns its own registries. Every entry is validated before use
// (digests by the manifest parser's rules, names by the reference grammar); anything else is dropped,
// and a file that is not this JSON is ignored. `save` reads the file again when another process
// replaced it meanwhile (a file still as this process read it is not read twice), merges (the newer
// of two entries wins; what this process forgot stays forgotten), writes back the rows of registries
// it never took in as they were, keeps the newest entries up to the bound, and replaces the file by
// a rename: two processes saving at once may lose one's new entries, never corrupt the file.
// Nothing in this cache may fail a copy: problems are reported to `onProblem` (a debug line).









/** Larger files are not read (5 000 entries take about 600 KB). */
const MAX_FILE_BYTES = 16 << 20;
const FILE_NAME = 'blob-info-cache-v1.json';
/**
 * `$IMAGE_COPY_BLOB_INFO_CACHE` (a file; "off" or "" turns the cache off: undefined), else
 * `$XDG_CACHE_HOME/image-copy/blob-info-cache-v1.json`, else `~/.cache/image-copy/…`.
 */
function defaultBlobInfoCachePath(env) {
    const given = env.IMAGE_COPY_BLOB_INFO_CACHE;
    if (given !== undefined) {
        return given.trim() === '' || given.trim().toLowerCase() === 'off' ? undefined : external_node_path_default().resolve(given);
    }
    const xdg = env.XDG_CACHE_HOME;
    // The XDG spec: a relative path is invalid and is ignored.
    if (xdg && external_node_path_default().isAbsolute(xdg))
        return external_node_path_default().join(xdg, 'image-copy', FILE_NAME);
    const home = env.HOME || external_node_os_default().homedir();
    return home ? external_node_path_default().join(home, '.cache', 'image-copy', FILE_NAME) : undefined;
}
class FileBlobInfoCache extends MemoryBlobInfoCache {
    file;
    onProblem;
    constructor(file, onProblem) {
        super();
        this.file = file;
        this.onProblem = onProblem;
    }
    loaded = false;
    /** The file as it was read (or last written): unchanged at save, it needs no second read. */
    seen;
    /**
     * Location rows of the file per registry, not yet validated or indexed: a copy asks about one or
     * two registries, and a file of thousands of rows for others would cost it megabytes and
     * milliseconds. A registry's rows are taken in when it is first asked about.
     */
    unread = new Map();
    ready() {
        if (this.loaded)
            return;
        this.loaded = true;
        const { contents, identity } = readFileRows(this.file, this.onProblem);
        for (const e of contents.global)
            this.record(e);
        this.unread = contents.locations;
        this.seen = identity;
        this.changed = false;
    }
    readyFor(registry) {
        this.ready();
        const rows = this.unread.get(registry);
        if (rows === undefined)
            return;
        this.unread.delete(registry);
        const changed = this.changed;
        for (const e of locationEntries(rows, new Map()))
            this.record(e);
        this.changed = changed;
    }
    async save() {
        if (!this.changed)
            return;
        (0,memory/* releaseGarbage */.FS)(); // the merge below holds every entry at once (measured: peak RSS 2 MiB lower)
        try {
            const merged = new Map();
            const unchanged = this.seen !== undefined && sameFile(this.seen, identityOf(this.file));
            // Unchanged, the file holds what this process took in (in `entries`) and what it did not.
            const file = unchanged
                ? { global: [], locations: this.unread }
                : readFileRows(this.file, this.onProblem).contents;
            for (const e of [...file.global, ...this.fileLocations(file.locations)]) {
                const key = entryKey(e);
                const forgotten = this.forgotten.get(key);
                if (forgotten === undefined || forgotten < e.time)
                    merged.set(key, e);
            }
            for (const [key, e] of this.entries) {
                const theirs = merged.get(key);
                if (!theirs || theirs.time <= e.time)
                    merged.set(key, e);
            }
            const kept = [...merged.values()].sort((a, b) => a.time - b.time).slice(-MAX_BLOB_INFO_ENTRIES);
            await replaceFile(this.file, serialize(kept));
            this.seen = identityOf(this.file);
            this.changed = false;
        }
        catch (e) {
            this.onProblem(`blob-info cache ${this.file} not saved: ${e.message}`);
        }
    }
    /**
     * The file's locations to write back: validated for the registries this process took in (they are
     * merged with its own), passed through as they were for the others, which no one here has used:
     * they are validated by whichever process takes them in.
     */
    fileLocations(byRegistry) {
        const names = new Map();
        const entries = [];
        for (const [registry, rows] of byRegistry) {
            entries.push(...locationEntries(rows, this.unread.has(registry) ? undefined : names));
        }
        return entries;
    }
}
/** The cache in `file` (an absent, unreadable or corrupt file gives an empty cache). */
async function openBlobInfoCache(file, onProblem = () => { }) {
    return new FileBlobInfoCache(external_node_path_default().resolve(file), onProblem);
}
/**
 * The entry points' cache: the file at defaultBlobInfoCachePath(env), or undefined when the cache is
 * turned off (the registry client then keeps locations in this process's memory, as before).
 */
async function openUserBlobInfoCache(env, onProblem) {
    const file = defaultBlobInfoCachePath(env);
    return file === undefined ? undefined : openBlobInfoCache(file, onProblem);
}
function identityOf(file) {
    try {
        return (0,external_node_fs_.statSync)(file);
    }
    catch {
        return undefined;
    }
}
function sameFile(a, b) {
    return b !== undefined && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
const EMPTY = () => ({ global: [], locations: new Map() });
function readFileRows(file, onProblem) {
    let fd;
    try {
        // O_NONBLOCK: a FIFO put in the file's place must not hang the copy.
        fd = (0,external_node_fs_.openSync)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (e) {
        if (e.code !== 'ENOENT')
            onProblem(`blob-info cache ${file} not read: ${e.message}`);
        return { contents: EMPTY() };
    }
    try {
        const info = (0,external_node_fs_.fstatSync)(fd);
        if (!info.isFile() || info.size > MAX_FILE_BYTES) {
            onProblem(`blob-info cache ${file} ignored: not a regular file of at most ${MAX_FILE_BYTES} bytes`);
            return { contents: EMPTY() };
        }
        return { contents: parseFileRows((0,external_node_fs_.readFileSync)(fd, 'utf8')), identity: info };
    }
    catch (e) {
        onProblem(`blob-info cache ${file} ignored: ${e.message}`);
        return { contents: EMPTY() };
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** The file's pairs and uncompressed digests, validated; its location rows grouped by registry, not yet. */
function parseFileRows(text) {
    const data = JSON.parse(text);
    if (typeof data !== 'object' || data === null || data.version !== 1) {
        throw new Error('not a version 1 blob-info cache');
    }
    const { pairs, uncompressed, locations } = data;
    const global = [];
    for (const row of rows(pairs, 4)) {
        const [compressed, algorithm, plain, time] = row;
        if (!isDigest(compressed) || !isDigest(plain) || compressed === plain || !isTime(time))
            continue;
        if (algorithm !== 'gzip' && algorithm !== 'zstd')
            continue;
        global.push({ kind: 'pair', compressed, algorithm, uncompressed: plain, time });
    }
    for (const [digest, time] of rows(uncompressed, 2)) {
        if (isDigest(digest) && isTime(time))
            global.push({ kind: 'uncompressed', digest, time });
    }
    const byRegistry = new Map();
    for (const row of rows(locations, 4)) {
        if (typeof row[0] !== 'string')
            continue;
        let list = byRegistry.get(row[0]);
        if (!list)
            byRegistry.set(row[0], (list = []));
        list.push(row);
    }
    return { global, locations: byRegistry };
}
/**
 * The location entries among raw rows. With `names` (which remembers the names found valid) every
 * entry is validated; without, only the shape is checked: rows of a registry no one here asked
 * about, written back for whichever process takes them in to validate.
 */
function locationEntries(locationRows, names) {
    const entries = [];
    for (const [registry, repository, digest, time] of locationRows) {
        if (typeof registry !== 'string' || typeof repository !== 'string')
            continue;
        if (typeof digest !== 'string' || !isTime(time))
            continue;
        if (names && (!(0,manifest_digest/* isValidDigest */.fH)(digest) || !isName(registry, repository, names)))
            continue;
        entries.push({ kind: 'location', registry, repository, digest, time });
    }
    return entries;
}
function rows(value, length) {
    if (!Array.isArray(value))
        return [];
    return value.filter((r) => Array.isArray(r) && r.length === length);
}
function isDigest(v) {
    return typeof v === 'string' && (0,manifest_digest/* isValidDigest */.fH)(v);
}
function isTime(v) {
    return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
/** A registry host and repository path exactly as a parsed reference names them. */
function isName(registry, repository, seen) {
    const name = `${registry}/${repository}`;
    let ok = seen.get(name);
    if (ok === undefined) {
        try {
            const ref = (0,docker/* parseDockerReference */.F4)(name, { defaultTag: false });
            ok = ref.registry === registry && ref.repository === repository && ref.tag === undefined;
        }
        catch {
            ok = false;
        }
        seen.set(name, ok);
    }
    return ok;
}
function serialize(entries) {
    const pairs = [];
    const uncompressed = [];
    const locations = [];
    for (const e of entries) {
        if (e.kind === 'pair')
            pairs.push([e.compressed, e.algorithm, e.uncompressed, e.time]);
        else if (e.kind === 'uncompressed')
            uncompressed.push([e.digest, e.time]);
        else
            locations.push([e.registry, e.repository, e.digest, e.time]);
    }
    return `${JSON.stringify({ version: 1, pairs, uncompressed, locations })}\n`;
}
/** Writes a new file beside `file` (mode 0600, never through an existing name) and renames it over. */
async function replaceFile(file, text) {
    await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.${(0,lazy_builtin/* nodeCrypto */.S)().randomBytes(6).toString('hex')}.tmp`;
    try {
        await (0,promises_.writeFile)(temp, text, { mode: 0o600, flag: 'wx' });
        await (0,promises_.rename)(temp, file);
    }
    catch (e) {
        await (0,promises_.unlink)(temp).catch(() => { });
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/cache/blob-info-cache.ts
// What is known about blobs beyond their bytes (containers/image pkg/blobinfocache): which compressed
// digests decompress to which uncompressed one, and which repositories of a registry hold a digest.
// A destination asks it for a repository to mount from, or for another compression of the same
// content to reuse, instead of uploading.
//
// Kept in memory (blob-info-memory.ts), and by the entry points in a JSON file between processes
// (blob-info-file.ts). Nothing but digests, registry hosts and repository names is ever held.




/***/ }),

/***/ 5678:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCopy: () => (/* binding */ runCopy)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/lazy-builtin.ts
var lazy_builtin = __webpack_require__(839);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/memory.ts
var memory = __webpack_require__(8820);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
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
    hash = (0,lazy_builtin/* nodeCrypto */.S)().createHash('sha256');
    bytes = 0;
    failure;
    handle;
    constructor(handle) {
        super({ highWaterMark: memory/* FILE_CHUNK_BYTES */.l8 });
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
class BlobDirectory {
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
        return handle.createReadStream({ highWaterMark: memory/* FILE_CHUNK_BYTES */.l8 });
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
        const tempPath = external_node_path_default().join(this.blobsDir, `.${hex.slice(0, 16)}.${(0,lazy_builtin/* nodeCrypto */.S)().randomBytes(8).toString('hex')}.tmp`);
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

// EXTERNAL MODULE: ./src/cache/blob-info-cache.ts + 2 modules
var blob_info_cache = __webpack_require__(5484);
// EXTERNAL MODULE: ./src/copy/copy-image.ts + 15 modules
var copy_image = __webpack_require__(9818);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/options/output-paths.ts
// Paths the user gives for things written after the copy (the digest file) or during it (the blob
// cache) are checked before the copy starts: a typo must not cost a whole copy and end in a bare ENOENT.



async function checkOutputPaths(request, reader) {
    if (request.digestFile)
        await checkDigestFile(request.digestFile, reader.label('digestfile'));
    if (request.cache.dir)
        await checkDirectory(request.cache.dir, reader.label('cache-dir'));
}
async function checkDigestFile(file, label) {
    const stat = await statOrUndefined(file);
    if (stat?.isDirectory())
        throw new errors/* UsageError */.eb(`${label} ${file}: is a directory; name a file`);
    const dir = external_node_path_default().dirname(external_node_path_default().resolve(file));
    const parent = await statOrUndefined(dir);
    if (!parent)
        throw new errors/* UsageError */.eb(`${label} ${file}: the directory ${dir} does not exist`);
    if (!parent.isDirectory())
        throw new errors/* UsageError */.eb(`${label} ${file}: ${dir} is not a directory`);
    await external_node_fs_.promises.access(stat ? file : dir, external_node_fs_.promises.constants.W_OK).catch(() => {
        throw new errors/* UsageError */.eb(`${label} ${file}: ${stat ? file : dir} is not writable`);
    });
}
/** The directory exists, or can be created: its nearest existing ancestor is a writable directory. */
async function checkDirectory(dir, label) {
    for (let cur = external_node_path_default().resolve(dir);; cur = external_node_path_default().dirname(cur)) {
        const stat = await statOrUndefined(cur);
        if (stat === undefined) {
            if (external_node_path_default().dirname(cur) === cur)
                break;
            continue;
        }
        if (!stat.isDirectory()) {
            throw new errors/* UsageError */.eb(`${label} ${dir}: ${cur} is ${cur === external_node_path_default().resolve(dir) ? 'a file' : 'not a directory'}`);
        }
        await external_node_fs_.promises.access(cur, external_node_fs_.promises.constants.W_OK).catch(() => {
            throw new errors/* UsageError */.eb(`${label} ${dir}: ${cur} is not writable`);
        });
        return;
    }
}
async function statOrUndefined(p) {
    try {
        return await external_node_fs_.promises.stat(p);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw e;
    }
}

// EXTERNAL MODULE: ./src/options/request.ts
var options_request = __webpack_require__(5799);
// EXTERNAL MODULE: ./src/options/copy-options.ts + 5 modules
var copy_options = __webpack_require__(8584);
;// CONCATENATED MODULE: ./src/sync/request.ts
// The options of a many-image copy, read from the same named options as the rest: `tags`,
// `exclude-tags`, `images-file`, `scoped`, `plan`, `shard`. Undefined when none is set: one image.

function given(reader, name) {
    const v = reader.get(name);
    return v === undefined || v.trim() === '' ? undefined : v;
}
function shardText(shard) {
    return `${shard.index}/${shard.count}`;
}
function parseShard(text, label) {
    const m = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
    const index = Number(m?.[1]);
    const count = Number(m?.[2]);
    if (!m || index < 1 || count < 1 || index > count) {
        throw new errors/* UsageError */.eb(`${label}: "${text}" is not a shard; write i/N with 1 <= i <= N, e.g. 2/3`);
    }
    return { index, count };
}
function parseManyRequest(reader) {
    const tags = given(reader, 'tags');
    const excludeTags = given(reader, 'exclude-tags');
    const imagesFile = given(reader, 'images-file');
    const planText = given(reader, 'plan');
    const shardText = given(reader, 'shard');
    const scoped = /^true$/i.test(given(reader, 'scoped') ?? 'false');
    if (!tags && !imagesFile && !planText && !shardText) {
        if (excludeTags)
            throw new errors/* UsageError */.eb(`${reader.label('exclude-tags')} goes with ${reader.label('tags')} or ${reader.label('images-file')}`);
        if (scoped)
            throw new errors/* UsageError */.eb(`${reader.label('scoped')} goes with ${reader.label('images-file')}`);
        return undefined;
    }
    if (tags && imagesFile) {
        throw new errors/* UsageError */.eb(`${reader.label('tags')} and ${reader.label('images-file')} cannot go together: the file names its own tags (images-by-tag-regex, images-by-semver)`);
    }
    if (scoped && !imagesFile)
        throw new errors/* UsageError */.eb(`${reader.label('scoped')} goes with ${reader.label('images-file')}`);
    let plan;
    if (planText !== undefined) {
        if (!/^\d{1,3}$/.test(planText.trim()) || Number(planText) < 1 || Number(planText) > 256) {
            throw new errors/* UsageError */.eb(`${reader.label('plan')}: expected a number of shards from 1 to 256, got "${planText}"`);
        }
        plan = Number(planText);
    }
    const shard = shardText === undefined ? undefined : parseShard(shardText, reader.label('shard'));
    if (plan !== undefined && shard) {
        throw new errors/* UsageError */.eb(`${reader.label('plan')} lists the shards and copies nothing; ${reader.label('shard')} copies one: give one of them`);
    }
    return { tags, excludeTags, imagesFile, scoped, plan, shard };
}

// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
// EXTERNAL MODULE: ./src/copy/runtime-platform.ts
var runtime_platform = __webpack_require__(9653);
;// CONCATENATED MODULE: ./src/report/notices.ts

const actionPhrases = { allImages: 'all-images: true', platforms: 'platforms:' };
const cliPhrases = { allImages: '--all-images', platforms: '--platforms' };
/**
 * For a single image copied from a list of several: which platform was copied and how to get more.
 * Undefined for other events and for lists of one image. `host` is the runner's OS (process.platform).
 */
function platformChoiceNotice(event, phrases, host = process.platform) {
    if (event.type !== 'instance-chosen' || event.images < 2)
        return undefined;
    const platform = event.platform ?? `instance ${event.digest}`;
    const note = (0,runtime_platform/* runtimePlatformNote */.g)(host);
    const why = event.by === 'platform'
        ? ' (the platform asked for)'
        : ` (the default: this runner's architecture${note ? `; ${note}` : ''})`;
    return (`Copied only ${platform}${why} of the ${event.images} images in the list; ` +
        `set ${phrases.allImages} to copy the whole list, or ${phrases.platforms} to choose`);
}

// EXTERNAL MODULE: ./src/bytes.ts
var bytes = __webpack_require__(6136);
;// CONCATENATED MODULE: ./src/report/progress.ts


function progressPrinter(
// Lines carry foreign text (platforms, references, registry errors): `write` must escape them, as
// the entry points escape every log line where they write it.
write, intervalMs = 5000) {
    const started = new Map();
    return event => {
        switch (event.type) {
            case 'source-opened':
                write(`Reading ${event.source}: ${event.isList ? 'manifest list' : 'image'} ${event.digest}`);
                break;
            case 'instance-chosen':
                write(`Chose ${event.platform ?? 'instance'} ${event.digest}`);
                break;
            case 'blob-start':
                started.set(event.digest, { at: Date.now(), lastLine: Date.now() });
                write(`Copying blob ${(0,format/* shortDigest */.VK)(event.digest)} (${(0,bytes/* formatBytes */.z)(Math.max(event.size, 0))}) from ${event.from}`);
                break;
            case 'blob-progress': {
                const s = started.get(event.digest);
                if (!s || Date.now() - s.lastLine < intervalMs || event.bytes === event.size)
                    break;
                s.lastLine = Date.now();
                const seconds = Math.max((Date.now() - s.at) / 1000, 0.001);
                const pct = event.size > 0 ? ` ${((event.bytes / event.size) * 100).toFixed(0)}%` : '';
                write(`  ${(0,format/* shortDigest */.VK)(event.digest)} ${(0,bytes/* formatBytes */.z)(event.bytes)}${pct} at ${(0,bytes/* formatBytes */.z)(Math.round(event.bytes / seconds))}/s`);
                break;
            }
            case 'blob-done':
                if (event.how !== 'pushed')
                    write(`Blob ${(0,format/* shortDigest */.VK)(event.digest)} ${event.how === 'exists' ? 'already at' : 'mounted into'} ${event.destination}`);
                else if (event.conversion)
                    write(`Blob ${(0,format/* shortDigest */.VK)(event.digest)} ${event.conversion} to ${(0,format/* shortDigest */.VK)(event.stored ?? '')} for ${event.destination}`);
                break;
            case 'notice':
                write(event.message);
                break;
            case 'manifest-written':
                write(`Wrote ${event.instance ? 'manifest' : 'top-level manifest'} ${event.digest} to ${event.destination}`);
                break;
            case 'referrer-copied':
                write(`Copied ${event.tag ? `tag ${event.tag}` : `referrer ${event.artifactType ?? event.mediaType}`} ${event.digest} (subject ${(0,format/* shortDigest */.VK)(event.subject)}) to ${event.destination}`);
                break;
            case 'destination-unchanged':
                write(`Unchanged: ${event.destination} already has ${event.digest}; nothing written${event.sourceRead ? '' : ' (source not read)'}`);
                break;
            case 'destination-failed':
                write(`Failed: ${event.destination}: ${event.error}`);
                break;
        }
    };
}

// EXTERNAL MODULE: ./src/cli/args.ts + 2 modules
var cli_args = __webpack_require__(8008);
// EXTERNAL MODULE: ./src/cli/exit-codes.ts
var exit_codes = __webpack_require__(8551);
;// CONCATENATED MODULE: ./src/cli/copy-command.ts
// The copy itself (one image, or many with --tags/--images-file): everything the CLI does after
// --help and --version, in its own module so that those two load none of it.















async function readStdin(stdin) {
    const chunks = [];
    for await (const c of typeof stdin === 'function' ? stdin() : stdin)
        chunks.push(Buffer.from(c));
    return Buffer.concat(chunks)
        .toString('utf8')
        .replace(/\r?\n$/, '');
}
/** Successes on stdout (or the --json object); each failed destination on stderr. */
function printResult(result, names, flags, stdout, err) {
    if (flags.json) {
        stdout.write(`${JSON.stringify((0,format/* resultJson */.y3)(result, names), null, 2)}\n`);
    }
    else {
        for (const d of result.destinations) {
            const referrers = (0,format/* referrerLines */.Rc)(d);
            stdout.write(`${(0,report_escape/* escapeText */.X)((0,format/* destinationName */.KW)(d, names))}\n${(0,report_escape/* escapeText */.X)(d.digest)}\n${(0,format/* instanceTable */.at)(d)}\n${referrers ? `${referrers}\n` : ''}\n`);
        }
        if (!flags.quiet)
            err(`Totals: ${(0,format/* totalsLine */.sX)(result.stats)}`);
    }
    for (const f of result.failures) {
        err(`image-copy: ${(0,format/* destinationName */.KW)(f, names)}: ${(0,errors/* errorMessage */.gJ)(f.error)}`);
        if (f.error instanceof errors/* ImageCopyError */.xv && f.error.hint)
            err(`  hint: ${f.error.hint}`);
    }
}
/** Copies what the parsed flags ask for; errors are thrown to run(), which reports them. */
async function runCopy(args, env, stdout, err, stdin, signal) {
    for (const side of ['src', 'dest']) {
        if (args.values.get(`${side}-password-stdin`)?.[0] === 'true') {
            args.values.set(`${side}-password`, [await readStdin(stdin)]);
        }
    }
    const reader = (0,cli_args/* argsReader */.rM)(args, env);
    const request = (0,options_request/* parseCopyRequest */.en)(reader);
    await checkOutputPaths(request, reader);
    const json = args.values.get('json')?.[0] === 'true';
    const quiet = args.values.get('quiet')?.[0] === 'true';
    const progress = progressPrinter(err);
    const hooks = {
        onEvent: quiet
            ? undefined
            : event => {
                progress(event);
                const notice = platformChoiceNotice(event, cliPhrases);
                if (notice)
                    err(`note: ${notice}`);
                if (event.type === 'referrers-not-held')
                    err(`note: ${event.message}`);
            },
        onWarning: message => err(`warning: ${message}`),
        onCredentials: quiet ? undefined : (host, repo, from) => err(`Credentials for ${host}/${repo}: ${from}`),
        onLog: (level, message) => {
            if (level === 'warning')
                err(`warning: ${message}`);
            else if (level === 'info' && !quiet)
                err(message);
        }
    };
    const cache = request.cache.dir ? new BlobDirectory(request.cache.dir) : undefined;
    // The CLI has no debug output: a blob-info cache that cannot be read or written is just not used.
    const blobInfo = await (0,blob_info_cache/* openUserBlobInfoCache */.Jw)(env, () => { });
    const configure = (options) => {
        options.blobCache = cache;
        options.signal = signal;
        (0,copy_options/* useBlobInfoCache */.jQ)(options, blobInfo);
    };
    const many = parseManyRequest(reader);
    if (many) {
        const say = quiet ? () => { } : err;
        // Many images in one step load their code (tag listing, sync files, shards) only when asked for.
        const [{ runMany }, { printMany }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(795), __webpack_require__.e(889)]).then(__webpack_require__.bind(__webpack_require__, 8889)), __webpack_require__.e(/* import() */ 921).then(__webpack_require__.bind(__webpack_require__, 4921))]);
        const result = await runMany({ request, many, reader, hooks, env, configure, say }, signal).finally(() => blobInfo?.save());
        if (cache)
            await cache.prune(request.cache.maxBytes);
        return printMany(result, { json, quiet }, stdout, err) ? exit_codes/* exitCodes */.h.ok : exit_codes/* exitCodes */.h.failure;
    }
    const options = (0,copy_options/* toCopyOptions */.bl)(request, reader, hooks, env);
    configure(options);
    const result = await (0,copy_image/* copyImageSettled */.ME)(options).finally(() => blobInfo?.save());
    if (cache)
        await cache.prune(request.cache.maxBytes);
    const first = (0,format/* firstDestination */.P8)(result);
    if (request.digestFile && first)
        await (0,promises_.writeFile)(request.digestFile, first.digest);
    printResult(result, request.destinations, { json, quiet }, stdout, err);
    return result.failures.length > 0 ? exit_codes/* exitCodes */.h.failure : exit_codes/* exitCodes */.h.ok;
}


/***/ }),

/***/ 8063:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hs: () => (/* binding */ sniffCompression),
/* harmony export */   IR: () => (/* binding */ detectCompression),
/* harmony export */   QJ: () => (/* binding */ levelProblem),
/* harmony export */   e: () => (/* binding */ compressor),
/* harmony export */   l5: () => (/* binding */ assertCanCompress),
/* harmony export */   ni: () => (/* binding */ decompressor),
/* harmony export */   zN: () => (/* binding */ MAGIC_LENGTH)
/* harmony export */ });
/* unused harmony export hasZstd */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _lazy_builtin_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(839);
/* harmony import */ var _memory_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8820);
// Recognizing compressed layers and archives by their magic bytes, and (de)compressing them with
// node's zlib: gzip always, zstd when this node has it (node >= 22.15 / 23.8; the Action's node24 has).




/** Enough leading bytes to recognize every format below. */
const MAGIC_LENGTH = 6;
/** The levels each algorithm takes (containers/image: gzip 1-9, zstd 1-20). */
const compressionLevels = {
    gzip: { min: 1, max: 9 },
    zstd: { min: 1, max: 20 }
};
function detectCompression(head) {
    const starts = (...bytes) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
    if (starts(0x1f, 0x8b))
        return 'gzip';
    if (starts(0x28, 0xb5, 0x2f, 0xfd))
        return 'zstd';
    if (starts(0x42, 0x5a, 0x68))
        return 'bzip2';
    if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00))
        return 'xz';
    return 'none';
}
// node:zlib is loaded by the first stream that needs it (~3 ms of CPU): a copy that moves no layer,
// such as a re-run that finds the destination up to date, never does.
const zlib = (0,_lazy_builtin_js__WEBPACK_IMPORTED_MODULE_2__/* .lazyBuiltin */ .q)('node:zlib');
const zstd = () => zlib();
/** Whether this node can read and write zstd. */
function hasZstd() {
    const z = zstd();
    return typeof z.createZstdCompress === 'function' && typeof z.createZstdDecompress === 'function';
}
const zstdMissing = () => `this node (${process.version}) has no zstd support; node 22.15 or newer has (the Action runs on node 24)`;
/** What is wrong with `level` for `algorithm` ("gzip takes a level from 1 to 9"), or undefined. */
function levelProblem(algorithm, level) {
    const range = compressionLevels[algorithm];
    if (level === undefined || (Number.isInteger(level) && level >= range.min && level <= range.max))
        return undefined;
    return `${algorithm} takes a level from ${range.min} to ${range.max}`;
}
/** Refuses, before anything is copied, a request this node cannot carry out (zstd) or a level out of range. */
function assertCanCompress(algorithm, level) {
    if (algorithm === 'zstd' && !hasZstd())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`dest-compress-format zstd: ${zstdMissing()}`);
    const problem = levelProblem(algorithm, level);
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`dest-compress-level ${level}: ${problem}`);
}
/** A stream that compresses with `algorithm` at `level` (zlib's default level when undefined). */
function compressor(algorithm, level) {
    const chunkSize = _memory_js__WEBPACK_IMPORTED_MODULE_3__/* .STAGE_BUFFER_BYTES */ .Go;
    if (algorithm === 'gzip')
        return zlib().createGzip(level === undefined ? { chunkSize } : { chunkSize, level });
    if (!hasZstd())
        throw new Error(`zstd compression: ${zstdMissing()}`);
    const param = zstd().constants.ZSTD_c_compressionLevel;
    return zstd().createZstdCompress(level === undefined ? {} : { params: { [param]: level } });
}
/**
 * A stream that decompresses `compression`; `what` names the data in the error thrown when this
 * node cannot (zstd on node < 22.15, bzip2, xz).
 */
function decompressor(compression, what) {
    if (compression === 'gzip')
        return zlib().createGunzip();
    if (compression === 'zstd') {
        if (hasZstd())
            return zstd().createZstdDecompress();
        throw new Error(`${what} is zstd-compressed and must be decompressed, but ${zstdMissing()}`);
    }
    throw new Error(`${what} is ${compression}-compressed, which is not supported (only gzip and zstd are)`);
}
/**
 * Reads the stream's first bytes and puts them back (`unshift`), so the stream is unchanged and
 * nothing is added between it and its consumer.
 */
function sniffCompression(stream) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let have = 0;
        let ended = false;
        const finish = () => {
            stream.off('readable', onReadable);
            stream.off('end', onEnd);
            stream.off('error', onError);
            const head = Buffer.concat(chunks);
            if (ended)
                return resolve({
                    compression: detectCompression(head),
                    stream: node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from(head.length > 0 ? [head] : [], { objectMode: false })
                });
            if (head.length > 0)
                stream.unshift(head);
            resolve({ compression: detectCompression(head), stream });
        };
        const onEnd = () => {
            ended = true;
            finish();
        };
        const onReadable = () => {
            let chunk;
            while (have < MAGIC_LENGTH && (chunk = stream.read()) !== null) {
                chunks.push(chunk);
                have += chunk.length;
            }
            if (have >= MAGIC_LENGTH)
                finish();
        };
        const onError = (e) => {
            stream.off('readable', onReadable);
            stream.off('end', onEnd);
            reject(e);
        };
        stream.on('readable', onReadable);
        stream.on('end', onEnd);
        stream.on('error', onError);
    });
}


/***/ }),

/***/ 9818:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ME: () => (/* binding */ copyImageSettled)
});

// UNUSED EXPORTS: CopyFailedError, copyImage

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: ./src/manifest/index.ts + 17 modules
var src_manifest = __webpack_require__(571);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/cache/blob-info-cache.ts + 2 modules
var blob_info_cache = __webpack_require__(5484);
// EXTERNAL MODULE: ./src/compression/streams.ts
var compression_streams = __webpack_require__(8063);
;// CONCATENATED MODULE: ./src/copy/manifest-conversion.ts
// Which manifest types to try when writing to a destination, in order (containers/image
// copy/manifest.go determineManifestConversion and determineListConversion).

/** Conversion targets preferred when the original type cannot be kept: v2s2 needs no change when moved, v2s1 needs a signature. */
const preferredManifestMimeTypes = [src_manifest/* MediaType */.zu.DockerV2Schema2, src_manifest/* MediaType */.zu.DockerV2Schema1Signed];
function determineManifestConversion(input) {
    const sourceType = (0,src_manifest/* normalizeMimeType */.Ej)(input.sourceMimeType);
    let supported = input.forceMimeType
        ? [input.forceMimeType]
        : input.destinationSupported.filter(t => !(0,src_manifest/* isListMimeType */.VI)(t));
    if (supported.length === 0)
        supported = [...src_manifest/* allManifestMimeTypes */.se];
    const ordered = [];
    const add = (t) => {
        if (!ordered.includes(t))
            ordered.push(t);
    };
    if (supported.includes(sourceType))
        add(sourceType);
    if (input.cannotModifyReason) {
        // As upstream: take our chances with the original; the caller reports a clear error when the
        // destination cannot take it.
        return { preferred: sourceType, preferredNeedsConversion: false, others: [] };
    }
    for (const t of preferredManifestMimeTypes)
        if (supported.includes(t))
            add(t);
    for (const t of supported)
        add(t);
    return {
        preferred: ordered[0],
        preferredNeedsConversion: ordered[0] !== sourceType,
        others: ordered.slice(1)
    };
}
function determineListConversion(input) {
    let supported = input.destinationSupported.length === 0 ? [...src_manifest/* supportedListMimeTypes */.aX] : input.destinationSupported;
    if (input.forcedListMimeType)
        supported = [input.forcedListMimeType];
    const ordered = [];
    const add = (t) => {
        if (!ordered.includes(t))
            ordered.push(t);
    };
    if (supported.includes(input.currentListMimeType))
        add(input.currentListMimeType);
    for (const t of supported)
        if ((0,src_manifest/* isListMimeType */.VI)(t))
            add(t);
    if (ordered.length === 0) {
        throw new Error(`the destination does not support any manifest list type (it accepts ${supported.join(', ')}; lists are ${src_manifest/* supportedListMimeTypes */.aX.join(', ')})`);
    }
    return { selected: ordered[0], others: ordered.slice(1) };
}
/** Whether a destination with these supported types can hold a list (containers/image supportsMultipleImages). */
function destinationSupportsLists(destinationSupported) {
    return destinationSupported.length === 0 || destinationSupported.some(t => (0,src_manifest/* isListMimeType */.VI)(t));
}

;// CONCATENATED MODULE: ./src/copy/destination-checks.ts
// What is decided for one destination before any blob moves, so a doomed copy writes nothing: can it
// hold what is copied (a list, signatures), may its manifests change, and which manifest types to try
// for each image and for the list (containers/image copy.go / single.go / multiple.go checks).



function planDestination(ctx) {
    checkSignatures(ctx);
    const planned = {
        name: ctx.name,
        index: ctx.index,
        serial: !ctx.destination.properties.hasThreadSafePutBlob,
        layerPolicy: ctx.destination.properties.desiredLayerCompression,
        manifestTypes: {},
        cannotModify: {}
    };
    if (ctx.set.list) {
        const list = planList(ctx);
        planned.listTypes = list.types;
        planned.listCannotModify = list.cannotModify;
    }
    for (const image of ctx.set.images) {
        const reason = cannotModifyReason(ctx, ctx.signatures.get(image.digest) ?? []);
        if (reason)
            planned.cannotModify[image.digest] = reason;
        planned.manifestTypes[image.digest] = planImage(ctx, image, reason);
    }
    return planned;
}
/** Why a manifest with these signatures cannot change at this destination, if it cannot. */
function cannotModifyReason(ctx, signatures) {
    let reason;
    if (signatures.length > 0 && !ctx.options.removeSignatures)
        reason = 'Would invalidate signatures';
    if (ctx.destination.ref.digest)
        reason = 'Destination specifies a digest';
    if (ctx.options.preserveDigests)
        reason = 'Instructed to preserve digests';
    return reason;
}
/** The repository path and tag a schema1 manifest written here embeds (containers/image Schema1FromComponents). */
function embeddedReference(destination) {
    const ref = destination.ref.dockerReference;
    return ref ? { name: ref.repository, tag: ref.tag ?? '' } : undefined;
}
function checkSignatures(ctx) {
    const anySignatures = [...ctx.signatures.values()].some(s => s.length > 0);
    if (!anySignatures || ctx.options.removeSignatures)
        return;
    const can = ctx.destination.properties.supportsSignatures;
    if (can === true)
        return;
    throw new errors/* ImageCopyError */.xv(`the source has signatures and ${ctx.name} cannot store them: ${can}`, 'failure', 'set remove-signatures to copy without them');
}
function planList(ctx) {
    const { set, name, options } = ctx;
    const supported = [...ctx.destination.properties.supportedManifestMimeTypes];
    if (!destinationSupportsLists(supported)) {
        throw new errors/* ImageCopyError */.xv(`${name} cannot hold a manifest list, so it cannot take a copy of several images`, 'usage', 'copy one platform instead: leave all-images, instances and platforms unset (or set platform)');
    }
    const cannotModify = cannotModifyReason(ctx, ctx.signatures.get('') ?? []);
    const destDigest = ctx.destination.ref.digest;
    if (destDigest && !(0,src_manifest/* matchesDigest */._j)(set.top.bytes, destDigest)) {
        throw new errors/* ImageCopyError */.xv(`the digest of the source manifest list (${set.topDigest}) would not match the destination reference ${name}`);
    }
    const plan = determineListConversion({
        currentListMimeType: set.list.mimeType,
        destinationSupported: supported,
        forcedListMimeType: options.forceMimeType ? (0,src_manifest/* listMimeTypeFor */.yc)(options.forceMimeType) : undefined
    });
    if (plan.selected !== set.list.mimeType && cannotModify) {
        throw new errors/* ImageCopyError */.xv(`the manifest list must be converted to ${plan.selected} to be written to ${name}, but it cannot be modified: ${cannotModify}`);
    }
    if (set.unselected.length > 0 && options.sparseList === 'strip' && cannotModify) {
        throw new errors/* ImageCopyError */.xv(`instance ${set.unselected[0]} should be removed from the manifest list, but the list cannot be modified: ${cannotModify}`, 'usage', 'set sparse-list: keep to write the list unchanged, or copy all images');
    }
    return { types: [plan.selected, ...plan.others], cannotModify };
}
/** The manifest types to try for one image, in order; throws when none can be written. */
function planImage(ctx, image, reason) {
    const { name, set } = ctx;
    const destDigest = ctx.destination.ref.digest;
    if (destDigest && !set.list) {
        const matches = (0,src_manifest/* matchesDigest */._j)(image.raw.bytes, destDigest) ||
            (set.top !== image.raw && (0,src_manifest/* matchesDigest */._j)(set.top.bytes, destDigest));
        if (!matches) {
            throw new errors/* ImageCopyError */.xv(`the digest of the source image's manifest (${image.digest}) would not match the destination reference ${name}`);
        }
    }
    if (reason)
        checkUnchangedPossible(ctx, image, reason);
    const { supported, forced } = allowedTypes(ctx, image, reason);
    const plan = determineManifestConversion({
        sourceMimeType: image.raw.mimeType,
        destinationSupported: supported,
        forceMimeType: forced,
        cannotModifyReason: reason
    });
    const accepted = forced ? [forced] : supported;
    const acceptsSource = accepted.length === 0 || accepted.includes((0,src_manifest/* normalizeMimeType */.Ej)(image.raw.mimeType));
    if (reason && !acceptsSource) {
        throw new errors/* ImageCopyError */.xv(`the manifest of ${image.digest} (${image.raw.mimeType}) must be converted to be written to ${name}, but it cannot be modified: ${reason}`, 'usage', reason === 'Instructed to preserve digests'
            ? 'unset preserve-digests (and force-mime-type), or copy to a destination that accepts this manifest type'
            : undefined);
    }
    if (plan.preferredNeedsConversion && !image.manifest.isImage()) {
        throw new errors/* ImageCopyError */.xv(`${image.digest} is an artifact (config type ${image.manifest.configDescriptor()?.mediaType}), which cannot be converted to ${plan.preferred} for ${name}`);
    }
    return [plan.preferred, ...plan.others];
}
/** A manifest that must not change: its layers must be the manifest's, and a schema1 name must already be right. */
function checkUnchangedPossible(ctx, image, reason) {
    if (image.layersOverridden &&
        image.layers.some((l, i) => l.digest !== image.manifest.layerInfos()[i].digest)) {
        throw new errors/* ImageCopyError */.xv(`copying ${image.digest} to ${ctx.name} would change the representation of its layers (the source serves them differently), which we cannot do: ${reason}`);
    }
    const embedded = embeddedReference(ctx.destination);
    const renames = image.manifest instanceof src_manifest/* DockerSchema1Manifest */.GU &&
        embedded !== undefined &&
        (image.manifest.name !== embedded.name || image.manifest.tag !== embedded.tag);
    if (renames) {
        throw new errors/* ImageCopyError */.xv(`copying a schema1 image with an embedded Docker reference to ${ctx.name} (repository ${embedded.name}, tag ${JSON.stringify(embedded.tag)}) would change the manifest, which we cannot do: ${reason}`);
    }
}
/**
 * zstd layers exist only in OCI manifests: with zstd asked for and a destination that compresses,
 * only OCI is tried (containers/image determineManifestConversion with a required compression).
 */
function allowedTypes(ctx, image, reason) {
    const supported = [...ctx.destination.properties.supportedManifestMimeTypes];
    if (ctx.compression.algorithm !== 'zstd' ||
        ctx.destination.properties.desiredLayerCompression !== 'compress')
        return { supported, forced: ctx.options.forceMimeType };
    if (reason) {
        throw new errors/* ImageCopyError */.xv(`dest-compress-format zstd changes the layers (and so the manifest) of ${image.digest} for ${ctx.name}, which we cannot do: ${reason}`, 'usage');
    }
    const forced = ctx.options.forceMimeType;
    const candidates = forced ? [forced] : supported.length === 0 ? [src_manifest/* MediaType */.zu.OCIManifest] : supported;
    const oci = candidates.filter(t => t === src_manifest/* MediaType */.zu.OCIManifest);
    if (oci.length === 0 || (0,src_manifest/* isSchema1MimeType */.rn)(forced ?? '')) {
        throw new errors/* ImageCopyError */.xv(`dest-compress-format zstd needs OCI manifests, and ${ctx.name} is to get ${forced ?? candidates.join(', ')}, which cannot carry zstd layers`, 'usage', 'set force-mime-type: oci, or leave dest-compress-format unset');
    }
    return { supported: oci };
}

// EXTERNAL MODULE: ./src/transports/types.ts + 1 modules
var types = __webpack_require__(1072);
// EXTERNAL MODULE: ./src/copy/result.ts
var copy_result = __webpack_require__(7200);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/lazy-builtin.ts
var lazy_builtin = __webpack_require__(839);
// EXTERNAL MODULE: ./src/memory.ts
var memory = __webpack_require__(8820);
;// CONCATENATED MODULE: ./src/copy/layer-conversion.ts




function chooseConversion(policy, canModify, request, detected) {
    if (!canModify)
        return { kind: 'preserve' };
    const { algorithm, level } = request;
    if (detected === 'none')
        return policy === 'compress' ? { kind: 'compress', algorithm, level } : { kind: 'preserve' };
    if (policy === 'compress' && request.explicit && detected !== algorithm)
        return { kind: 'recompress', from: detected, algorithm, level };
    if (policy === 'decompress')
        return { kind: 'decompress', from: detected };
    return { kind: 'preserve' };
}
/** Targets with equal keys share one conversion of the bytes. */
function conversionKey(c) {
    switch (c.kind) {
        case 'preserve':
            return 'preserve';
        case 'decompress':
            return 'decompress';
        default:
            return `${c.kind} ${c.algorithm} ${c.level ?? ''}`;
    }
}
/** How the stored bytes are compressed after `c`, given what the source's were. */
function compressionAfter(c, detected) {
    if (c.kind === 'preserve')
        return detected;
    return c.kind === 'decompress' ? 'none' : c.algorithm;
}
function describeConversion(c) {
    switch (c.kind) {
        case 'preserve':
            return 'as is';
        case 'compress':
            return `compressed (${c.algorithm})`;
        case 'recompress':
            return `recompressed (${c.from} to ${c.algorithm})`;
        case 'decompress':
            return `decompressed (${c.from})`;
    }
}
/**
 * The streams that carry out `c`, in order, and a tap on the uncompressed bytes between them (when
 * there are uncompressed bytes in between to hash: recompress and decompress).
 */
function conversionStreams(c, what) {
    if (c.kind === 'compress')
        return { streams: [(0,compression_streams/* compressor */.e)(c.algorithm, c.level)] };
    const tap = new DigestTap();
    const streams = [(0,compression_streams/* decompressor */.ni)(c.from, what), tap];
    if (c.kind === 'recompress')
        streams.push((0,compression_streams/* compressor */.e)(c.algorithm, c.level));
    return { streams, uncompressed: tap };
}
/** Passes bytes through and hashes them: the digest of what went by, once it ended. */
class DigestTap extends external_node_stream_.Transform {
    hash = (0,lazy_builtin/* nodeCrypto */.S)().createHash('sha256');
    digest;
    constructor() {
        super({ highWaterMark: memory/* STAGE_BUFFER_BYTES */.Go });
    }
    _transform(chunk, _encoding, callback) {
        this.hash.update(chunk);
        callback(null, chunk);
    }
    _flush(callback) {
        this.digest = `sha256:${this.hash.digest('hex')}`;
        callback();
    }
}

;// CONCATENATED MODULE: ./src/copy/tee.ts
// One readable stream fed to several consumers. Each consumer gets its own branch; a consumer that
// fails is dropped (unpiped, so it cannot hold the others back); with a single consumer the stream
// itself is handed out, with nothing in between.



class Tee {
    from;
    consumers;
    branches = new Set();
    handedOut = 0;
    /**
     * `consumers`: how many branches will be taken; 1 hands out `from` itself. When `from` fails, every
     * branch fails with the error (as `describe` words it).
     */
    constructor(from, consumers, describe = e => e) {
        this.from = from;
        this.consumers = consumers;
        // Each branch is a pipe listening on `from`: many listeners here are by design, not a leak.
        if (consumers > 1)
            (0,external_node_events_.setMaxListeners)(external_node_events_.defaultMaxListeners + consumers, from);
        from.on('error', e => this.fail(describe(e)));
    }
    branch() {
        this.handedOut++;
        if (this.consumers === 1)
            return this.from;
        const b = new external_node_stream_.PassThrough({ highWaterMark: memory/* STAGE_BUFFER_BYTES */.Go });
        this.branches.add(b);
        this.from.pipe(b);
        return b;
    }
    /** Stops feeding a branch whose consumer gave up. */
    drop(branch) {
        if (branch === this.from)
            return;
        this.from.unpipe(branch);
        this.branches.delete(branch);
        branch.destroy();
    }
    fail(error) {
        for (const b of this.branches)
            b.destroy(error);
    }
}
/** Pipes `from` into `to`, and fails `to` when `from` fails (pipe() alone does not). */
function tee_link(from, to) {
    from.on('error', e => to.destroy(e));
    from.pipe(to);
    return to;
}

;// CONCATENATED MODULE: ./src/copy/verify.ts





/** A blob whose bytes did not match its descriptor. */
class BlobVerificationError extends errors/* ImageCopyError */.xv {
    digest;
    constructor(message, digest) {
        super(message);
        this.digest = digest;
        this.name = 'BlobVerificationError';
    }
}
function hashFor(digest) {
    try {
        return (0,lazy_builtin/* nodeCrypto */.S)().createHash((0,src_manifest/* parseDigest */.m)(digest).algorithm);
    }
    catch (e) {
        throw new BlobVerificationError(`cannot verify blob ${digest}: ${e.message}`, digest);
    }
}
/**
 * Passes bytes through while hashing and counting them. On the last byte it checks digest and
 * size; a mismatch makes the stream error instead of end, so a destination that renames its temp
 * file on 'finish' never publishes a corrupt blob.
 */
class VerifyingStream extends external_node_stream_.Transform {
    digest;
    expectedSize;
    onBytes;
    hash;
    bytes = 0;
    constructor(digest, expectedSize, onBytes) {
        super({ highWaterMark: memory/* STAGE_BUFFER_BYTES */.Go });
        this.digest = digest;
        this.expectedSize = expectedSize;
        this.onBytes = onBytes;
        this.hash = hashFor(digest);
    }
    get bytesSeen() {
        return this.bytes;
    }
    _transform(chunk, _encoding, callback) {
        this.bytes += chunk.length;
        if (this.expectedSize >= 0 && this.bytes > this.expectedSize) {
            callback(new BlobVerificationError(`blob ${this.digest} is larger than its descriptor says (${this.expectedSize} bytes)`, this.digest));
            return;
        }
        this.hash.update(chunk);
        (0,memory/* noteBytesRead */.mE)(chunk.length);
        this.onBytes?.(this.bytes);
        callback(null, chunk);
    }
    _flush(callback) {
        if (this.expectedSize >= 0 && this.bytes !== this.expectedSize) {
            callback(new BlobVerificationError(`blob ${this.digest} has ${this.bytes} bytes, its descriptor says ${this.expectedSize}`, this.digest));
            return;
        }
        const actual = `${this.digest.slice(0, this.digest.indexOf(':'))}:${this.hash.digest('hex')}`;
        if (actual !== this.digest) {
            callback(new BlobVerificationError(`blob ${this.digest} does not match its digest: its content hashes to ${actual}`, this.digest));
            return;
        }
        callback();
    }
}

;// CONCATENATED MODULE: ./src/copy/blob-pipeline.ts
// One blob from the source (or the blob cache) to every destination that lacks it, read once.
// The stages, in order (containers/image copy/blob.go):
//   try-reuse   each destination is asked whether it has the blob (or another compression of it)
//   read        from the blob cache, else the source; a cache entry that fails to verify is dropped
//   detect      the first bytes say how the blob is compressed (layers only)
//   verify      digest and size are checked while the bytes stream; a mismatch fails every branch
//   tee         one branch per conversion, plus the cache and the DiffID when wanted
//   convert     compress, recompress or decompress as each destination's policy asks
//   put         each destination stores its branch






function describeSource(env, info) {
    return `blob ${info.digest} from ${env.sourceRef.toString()}`;
}
async function copyBlob(env, info, targets, options) {
    const outcomes = await tryReuse(env, info, targets);
    const needing = targets.filter(t => !outcomes.has(t));
    if (needing.length === 0 && !options.needDiffId)
        return { outcomes };
    const attempts = env.cache ? ['cache', 'source'] : ['source'];
    for (const from of attempts) {
        const input = await read(env, info, from, needing, outcomes);
        if (!input)
            continue;
        const attempt = await streamToTargets(env, info, input, from, needing, options);
        if (attempt.readError && from === 'cache') {
            // A corrupt cache entry: forget it and read the blob from the source instead.
            await env.cache.discard(info.digest);
            continue;
        }
        if (attempt.readError) {
            for (const t of needing)
                outcomes.set(t, attempt.readError);
            throw attempt.readError;
        }
        for (const [t, o] of attempt.outcomes)
            outcomes.set(t, o);
        return { outcomes, diffId: attempt.diffId, bytesRead: attempt.bytesRead };
    }
    throw new Error(`internal error: no attempt read ${describeSource(env, info)}`);
}
/** Stage try-reuse: destinations that have the blob, or may take another compression of it they have. */
async function tryReuse(env, info, targets) {
    const outcomes = new Map();
    await Promise.all(targets.map(async (target) => {
        try {
            const reuse = await target.destination.tryReusingBlob(info, {
                source: env.sourceRef,
                canSubstitute: target.layer?.canModify ?? false,
                requiredCompression: requiredCompression(target, env.compression)
            });
            if (!reuse.reused)
                return;
            outcomes.set(target, { how: reuse.how, stored: reuse.info, compression: reuse.info.compression });
            env.emit({
                type: 'blob-done',
                digest: info.digest,
                size: info.size,
                destination: target.name,
                how: reuse.how
            });
        }
        catch (e) {
            outcomes.set(target, e);
        }
    }));
    return outcomes;
}
/** Which compression a substitute must have to do what the destination's policy would have done. */
function requiredCompression(target, request) {
    if (target.layer?.policy === 'compress')
        return request.algorithm;
    if (target.layer?.policy === 'decompress')
        return 'none';
    return undefined;
}
/** Stage read: the cache's copy (undefined when it has none) or the source's. */
async function read(env, info, from, needing, outcomes) {
    if (from === 'cache')
        return env.cache.get(info.digest);
    try {
        return (await env.source.getBlob(info)).stream;
    }
    catch (e) {
        const error = new Error(`reading ${describeSource(env, info)}: ${e.message}`, { cause: e });
        for (const t of needing)
            outcomes.set(t, error);
        throw error;
    }
}
/** Stages detect, verify, tee, convert and put, for one read of the blob. */
async function streamToTargets(env, info, raw, from, targets, options) {
    env.emit({
        type: 'blob-start',
        digest: info.digest,
        size: info.size,
        from,
        destinations: targets.map(t => t.name)
    });
    const outcomes = new Map();
    // Unless the bytes are looked at, their compression is unknown and taken as "keep as is".
    const sniffs = mayConvert(targets) || options.needDiffId;
    let detected = 'none';
    let input = raw;
    if (sniffs) {
        try {
            ;
            ({ compression: detected, stream: input } = await (0,compression_streams/* sniffCompression */.Hs)(raw));
        }
        catch (e) {
            return { outcomes, readError: readFailure(env, info, e), bytesRead: 0 };
        }
    }
    const groups = groupByConversion(targets, env.compression, detected);
    const fillsCache = from === 'source' && env.cache !== undefined;
    const hashesDiffId = options.needDiffId && detected !== 'none';
    const verifier = progressVerifier(env, info);
    let readError;
    const consumers = groups.length + (fillsCache ? 1 : 0) + (hashesDiffId ? 1 : 0);
    const root = new Tee(verifier, consumers, e => (readError ??= readFailure(env, info, e)));
    input.on('error', e => verifier.destroy(e));
    const work = groups.map(g => deliverGroup(env, info, root, g, detected, outcomes, options.isConfig ?? false));
    if (fillsCache)
        work.push(fillCache(env.cache, info.digest, root));
    const diffIdOf = hashesDiffId ? hashUncompressed(root, detected, `layer ${info.digest}`) : undefined;
    if (diffIdOf)
        work.push(diffIdOf.catch(() => undefined));
    const cancel = () => void verifier.destroy((0,errors/* cancellationError */._E)(env.signal));
    env.signal?.addEventListener('abort', cancel, { once: true });
    if (env.signal?.aborted)
        cancel();
    input.pipe(verifier);
    await Promise.allSettled(work);
    env.signal?.removeEventListener('abort', cancel);
    // Every consumer is done. If the verifier has not ended, they all stopped early (failed): nothing
    // reads it any more, so stop reading instead of waiting for a stream that never drains.
    if (!verifier.readableEnded)
        verifier.destroy();
    if (!input.destroyed && !input.readableEnded)
        input.destroy();
    await (0,promises_.finished)(verifier).catch(() => undefined);
    // A cache entry that did not verify is not counted: the blob is read again from the source.
    if (!(readError && from === 'cache'))
        env.onRead(from, verifier.bytesSeen);
    if (readError)
        return { outcomes, readError, bytesRead: verifier.bytesSeen };
    if (!sniffs)
        return { outcomes, bytesRead: verifier.bytesSeen };
    const diffId = detected === 'none' ? info.digest : await diffIdOf;
    rememberDiffId(env, info.digest, detected, diffId);
    return { outcomes, diffId: options.needDiffId ? diffId : undefined, bytesRead: verifier.bytesSeen };
}
function mayConvert(targets) {
    return targets.some(t => t.layer && t.layer.canModify && t.layer.policy !== 'preserve');
}
function groupByConversion(targets, request, detected) {
    const groups = new Map();
    for (const target of targets) {
        const conversion = target.layer
            ? chooseConversion(target.layer.policy, target.layer.canModify, request, detected)
            : { kind: 'preserve' };
        const key = conversionKey(conversion);
        const group = groups.get(key) ?? { conversion, targets: [] };
        group.targets.push(target);
        groups.set(key, group);
    }
    return [...groups.values()];
}
function readFailure(env, info, e) {
    return e instanceof BlobVerificationError
        ? e
        : new Error(`reading ${describeSource(env, info)}: ${e.message}`, { cause: e });
}
function progressVerifier(env, info) {
    let lastReport = 0;
    return new VerifyingStream(info.digest, info.size, bytes => {
        const now = Date.now();
        if (now - lastReport >= 1000 || bytes === info.size) {
            lastReport = now;
            env.emit({ type: 'blob-progress', digest: info.digest, bytes, size: info.size });
        }
    });
}
/** Stages convert and put for the destinations that want the same conversion. */
async function deliverGroup(env, info, root, group, detected, outcomes, isConfig) {
    const branch = root.branch();
    const { conversion } = group;
    let converted;
    try {
        converted =
            conversion.kind === 'preserve' ? undefined : conversionStreams(conversion, `layer ${info.digest}`);
    }
    catch (e) {
        // This node cannot carry out the conversion (zstd before 22.15, bzip2, xz): those destinations fail.
        for (const target of group.targets)
            outcomes.set(target, e);
        root.drop(branch);
        return;
    }
    let out = branch;
    for (const s of converted?.streams ?? [])
        out = tee_link(out, s);
    const fanout = new Tee(out, group.targets.length);
    // A converted blob's digest is learned as it is stored.
    const putInfo = converted ? { ...info, digest: '', size: -1 } : info;
    const compression = converted ? compressionAfter(conversion, detected) : undefined;
    let alive = group.targets.length;
    await Promise.all(group.targets.map(async (target) => {
        const stream = fanout.branch();
        try {
            const stored = await target.destination.putBlob(stream, putInfo, { isConfig });
            outcomes.set(target, { how: 'pushed', stored, compression });
            rememberConversion(env, info.digest, conversion, stored.digest, converted?.uncompressed?.digest);
            env.emit({
                type: 'blob-done',
                digest: info.digest,
                size: info.size,
                destination: target.name,
                how: 'pushed',
                ...(converted ? { conversion: describeConversion(conversion), stored: stored.digest } : {})
            });
        }
        catch (e) {
            outcomes.set(target, e);
            // Unpipe before destroying: a destroyed branch never drains, and a pipe still waiting on it
            // would hold back every other consumer of the same read.
            fanout.drop(stream);
            if (--alive === 0) {
                root.drop(branch);
                for (const s of converted?.streams ?? [])
                    s.destroy();
            }
        }
    }));
}
function rememberConversion(env, sourceDigest, conversion, storedDigest, uncompressed) {
    const memory = env.conversions;
    if (!memory)
        return;
    if (conversion.kind === 'compress') {
        memory.recordUncompressed(sourceDigest);
        memory.recordDigestPair(storedDigest, conversion.algorithm, sourceDigest);
    }
    else if (conversion.kind === 'decompress') {
        memory.recordUncompressed(storedDigest);
        if (conversion.from === 'gzip' || conversion.from === 'zstd')
            memory.recordDigestPair(sourceDigest, conversion.from, storedDigest);
    }
    else if (conversion.kind === 'recompress' && uncompressed) {
        memory.recordUncompressed(uncompressed);
        memory.recordDigestPair(storedDigest, conversion.algorithm, uncompressed);
        if (conversion.from === 'gzip' || conversion.from === 'zstd')
            memory.recordDigestPair(sourceDigest, conversion.from, uncompressed);
    }
}
function rememberDiffId(env, digest, detected, diffId) {
    if (!env.conversions || !diffId)
        return;
    if (detected === 'none')
        env.conversions.recordUncompressed(digest);
    else if (detected === 'gzip' || detected === 'zstd')
        env.conversions.recordDigestPair(digest, detected, diffId);
}
/** Stage tee, cache branch: the cache keeps what verified; a failure to fill it never fails a copy. */
async function fillCache(cache, digest, root) {
    const branch = root.branch();
    let writer;
    try {
        writer = await cache.begin(digest);
    }
    catch {
        root.drop(branch);
        return;
    }
    branch.pipe(writer.stream);
    await (0,promises_.finished)(branch).then(() => writer.commit(), () => writer.abort());
}
/**
 * Stage tee, DiffID branch: the sha256 of the uncompressed bytes (for schema1 conversions). The
 * compression is the one the detect stage read. A branch that fails stops being fed, so the other
 * consumers of the read go on.
 */
function hashUncompressed(root, detected, what) {
    const branch = root.branch();
    const tap = new DigestTap();
    try {
        tee_link(tee_link(branch, (0,compression_streams/* decompressor */.ni)(detected, what)), tap).resume();
    }
    catch (e) {
        root.drop(branch);
        return Promise.reject(e);
    }
    return (0,promises_.finished)(tap).then(() => tap.digest, (e) => {
        root.drop(branch);
        throw e;
    });
}

// EXTERNAL MODULE: ./src/limits.ts
var limits = __webpack_require__(351);
;// CONCATENATED MODULE: ./src/copy/small-blobs.ts
// Blobs small enough to hold in memory: image configs read whole (verified, capped), and bytes in
// memory (a config, or one a conversion produced) written to a destination. The same stages as
// blob-pipeline.ts, without the tee: try-reuse, verify, put.





/** Reads an image config whole (verified, at most MAX_CONFIG_BYTES: a larger one is refused unread). */
async function readSmallBlob(env, info) {
    if (info.size > limits/* MAX_CONFIG_BYTES */.GW) {
        throw new errors/* ImageCopyError */.xv(`the config ${describeSource(env, info)} is ${info.size} bytes, larger than the limit of ${(0,limits/* formatLimit */.tW)(limits/* MAX_CONFIG_BYTES */.GW)} for image configs`);
    }
    const attempts = env.cache ? ['cache', 'source'] : ['source'];
    for (const from of attempts) {
        const input = from === 'cache' ? await env.cache.get(info.digest) : (await env.source.getBlob(info)).stream;
        if (!input)
            continue;
        const verifier = new VerifyingStream(info.digest, info.size);
        let bytes;
        try {
            input.on('error', e => verifier.destroy(e));
            bytes = await (0,limits/* readAtMost */.rU)(input.pipe(verifier), limits/* MAX_CONFIG_BYTES */.GW, `the config ${describeSource(env, info)}`);
        }
        catch (e) {
            if (from === 'cache') {
                await env.cache.discard(info.digest);
                continue;
            }
            if (e instanceof BlobVerificationError || e instanceof limits/* ReadLimitError */.mF)
                throw e;
            throw new Error(`reading ${describeSource(env, info)}: ${e.message}`, { cause: e });
        }
        env.onRead(from, bytes.length);
        if (from === 'source' && env.cache)
            await small_blobs_fillCache(env.cache, info.digest, bytes);
        return bytes;
    }
    throw new Error(`internal error: could not read ${describeSource(env, info)}`);
}
async function small_blobs_fillCache(cache, digest, bytes) {
    try {
        const writer = await cache.begin(digest);
        await new Promise((resolve, reject) => {
            writer.stream.once('error', reject);
            writer.stream.end(bytes, () => resolve());
        });
        await writer.commit();
    }
    catch {
        // the cache is an optimisation; failing to fill it never fails a copy
    }
}
/** Writes bytes held in memory (a config, possibly one a conversion produced) to a destination; reads them only when it lacks them. */
async function putBufferBlob(destination, sourceRef, info, bytes, isConfig) {
    const reuse = await destination.tryReusingBlob(info, { source: sourceRef });
    if (reuse.reused)
        return reuse.how;
    const verifier = new VerifyingStream(info.digest, info.size);
    external_node_stream_.Readable.from([await bytes()]).pipe(verifier);
    await destination.putBlob(verifier, info, { isConfig });
    return 'pushed';
}

;// CONCATENATED MODULE: ./src/copy/destination-writer.ts
// Everything one destination needs besides the layers: configs (those written as they are go out
// alongside the layers), each image's manifest (converted or edited when needed, trying other types
// when the destination rejects one), the list, the signatures. What to try was decided in its plan.






/** The state of the copy to one destination. */
class DestinationWriter {
    destination;
    plan;
    options;
    set;
    signatures;
    stats = (0,copy_result/* emptyStats */.b)();
    instanceStats = new Map();
    failure;
    written = new Map();
    /** Config writes started alongside the layers, by image digest. */
    earlyConfigs = new Map();
    /** Layers stored under another digest (converted, or another variant reused), by the copied digest. */
    changed = new Map();
    constructor(destination, plan, options, set, signatures) {
        this.destination = destination;
        this.plan = plan;
        this.options = options;
        this.set = set;
        this.signatures = signatures;
    }
    get name() {
        return this.plan.name;
    }
    get index() {
        return this.plan.index;
    }
    get writesList() {
        return this.set.list !== undefined;
    }
    /** Records how a layer reached this destination (counted for the first image that names it). */
    delivered(owner, copied, delivery) {
        this.record(owner, delivery.how, delivery.stored.size >= 0 ? delivery.stored.size : copied.size);
        if (delivery.stored.digest !== copied.digest)
            this.changed.set(copied.digest, delivery);
    }
    /**
     * What each layer became here, or undefined when every layer is the manifest's. Layers are matched
     * by position: the source may serve others than its manifest names (overrides), and the
     * destination may store them converted.
     */
    layerEdits(image, sizes) {
        const original = image.manifest.layerInfos();
        const edits = original.map((l, i) => {
            const copied = image.layers[i];
            const delivery = this.changed.get(copied.digest);
            const size = delivery?.stored.size ?? sizes?.[i].size ?? copied.size;
            const base = {
                digest: delivery?.stored.digest ?? copied.digest,
                size,
                urls: l.urls,
                annotations: l.annotations
            };
            if (base.digest === l.digest)
                return { ...base, mediaType: l.mediaType };
            const compression = delivery?.compression;
            if (compression === 'gzip' || compression === 'zstd')
                return { ...base, compression: { operation: 'compress', algorithm: compression } };
            if (compression === 'none')
                return { ...base, compression: { operation: 'decompress' } };
            return { ...base, mediaType: delivery?.stored.mediaType ?? copied.mediaType };
        });
        if (edits.every((e, i) => e.digest === original[i].digest))
            return undefined;
        const reason = this.plan.cannotModify[image.digest];
        if (reason) {
            throw new errors/* ImageCopyError */.xv(`${this.name} stores the layers of ${image.digest} differently, so its manifest must change, but it cannot be modified: ${reason}`);
        }
        return edits;
    }
    /**
     * The manifest in the candidate type: converted (schema1 from schema2/OCI needs the config; to
     * schema2/OCI from schema1 needs DiffIDs and sizes), with what each layer became as edits; a
     * schema1 kept as schema1 is renamed to the destination (upstream updateEmbeddedDockerReference).
     */
    async manifestFor(image, mimeType, config, inputs) {
        const embedded = embeddedReference(this.destination);
        if (image.manifest instanceof src_manifest/* DockerSchema1Manifest */.GU && !(0,src_manifest/* isSchema1MimeType */.rn)(mimeType)) {
            const facts = await inputs.schema1Facts();
            return (0,src_manifest/* convertManifest */.rH)(image.manifest, mimeType, {
                diffIDs: facts?.diffIDs,
                layerInfos: facts ? (this.layerEdits(image, facts.layerInfos) ?? facts.layerInfos) : undefined
            });
        }
        const edits = this.layerEdits(image);
        if (image.manifest instanceof src_manifest/* DockerSchema1Manifest */.GU && (0,src_manifest/* isSchema1MimeType */.rn)(mimeType) && embedded) {
            const manifest = edits ? image.manifest.updateLayerInfos(edits) : image.manifest;
            return {
                manifest: manifest.withEmbeddedReference(embedded.name, embedded.tag)
            };
        }
        return (0,src_manifest/* convertManifest */.rH)(image.manifest, mimeType, {
            configBytes: config,
            dockerReference: embedded,
            layerInfos: edits
        });
    }
    statsFor(imageDigest) {
        let s = this.instanceStats.get(imageDigest);
        if (!s) {
            s = (0,copy_result/* emptyStats */.b)();
            this.instanceStats.set(imageDigest, s);
        }
        return s;
    }
    record(imageDigest, outcome, size) {
        for (const s of [this.stats, this.statsFor(imageDigest)]) {
            if (outcome === 'pushed') {
                s.pushedBlobs++;
                s.pushedBytes += size;
            }
            else if (outcome === 'exists') {
                s.reusedBlobs++;
                s.reusedBytes += size;
            }
            else {
                s.mountedBlobs++;
                s.mountedBytes += size;
            }
        }
    }
    /**
     * Starts writing the image's config while the layers are copied, when the destination takes configs
     * early and the first type tried is the source's: the config then goes out as it is, whatever
     * happens to the layers. writeImage waits for it (and reports its failure).
     */
    startConfig(image, env, config) {
        if (!this.destination.properties.takesConfigsEarly)
            return;
        const info = image.manifest.configDescriptor();
        const preferred = this.plan.manifestTypes[image.digest]?.[0];
        if (!info || preferred !== (0,src_manifest/* normalizeMimeType */.Ej)(image.raw.mimeType))
            return;
        const original = sourceConfig(info, config);
        const outcome = putBufferBlob(this.destination, env.sourceRef, original.info, original.bytes, true);
        outcome.catch(() => undefined); // observed here; writeImage awaits it and reports the error
        this.earlyConfigs.set(image.digest, outcome);
    }
    /** Resolves when every config write started alongside the layers has ended, however it ended. */
    async earlyWritesSettled() {
        await Promise.allSettled(this.earlyConfigs.values());
    }
    /** Whether the manifest changes even when its type is kept: layers stored differently, or a schema1 name to rewrite. */
    mustChange(image) {
        if (this.layerEdits(image))
            return true;
        const embedded = embeddedReference(this.destination);
        return (image.manifest instanceof src_manifest/* DockerSchema1Manifest */.GU &&
            embedded !== undefined &&
            (image.manifest.name !== embedded.name || image.manifest.tag !== embedded.tag));
    }
    /** Writes one image's config and manifest, trying the plan's types in order. */
    async writeImage(image, env, inputs) {
        const attempted = [];
        for (const mimeType of this.plan.manifestTypes[image.digest]) {
            try {
                const rendered = await this.render(image, mimeType, env, inputs);
                if (rendered.config)
                    await this.writeConfig(image, rendered.config, env);
                await this.putManifest(rendered.raw, this.writesList ? rendered.digest : undefined);
                const { bytes } = rendered.raw;
                const written = {
                    digest: rendered.digest,
                    mimeType: rendered.raw.mimeType,
                    bytes,
                    size: bytes.length
                };
                this.written.set(image.digest, written);
                this.options.onEvent?.({
                    type: 'manifest-written',
                    destination: this.name,
                    digest: written.digest,
                    mimeType: written.mimeType,
                    instance: this.writesList
                });
                return written;
            }
            catch (e) {
                attempted.push(`${mimeType}: ${(0,errors/* errorMessage */.gJ)(e)}`);
                if (e instanceof types/* ManifestTypeRejectedError */.Y9)
                    continue;
                throw e;
            }
        }
        throw new errors/* ImageCopyError */.xv(`writing the manifest of ${image.digest} to ${this.name} failed; tried these formats: ${attempted.join('; ')}`);
    }
    /** The image's manifest in `mimeType`: the source's bytes when nothing changes, else rendered anew (with any blob a conversion adds written). */
    async render(image, mimeType, env, inputs) {
        const configInfo = image.manifest.configDescriptor();
        if (mimeType === (0,src_manifest/* normalizeMimeType */.Ej)(image.raw.mimeType) && !this.mustChange(image)) {
            return {
                raw: image.raw,
                digest: image.digest,
                config: configInfo && sourceConfig(configInfo, inputs.config)
            };
        }
        const original = configInfo ? await inputs.config() : undefined;
        const converted = await this.manifestFor(image, mimeType, original, inputs);
        for (const extra of converted.extraBlobs ?? []) {
            const info = { digest: extra.digest, size: extra.size };
            const outcome = await putBufferBlob(this.destination, env.sourceRef, info, async () => extra.bytes, false);
            this.record(image.digest, outcome, extra.size);
        }
        const bytes = converted.manifest.serialize();
        // Schema1 has no config blob; every other type has one (converted, or the source's).
        const configBytes = (0,src_manifest/* isSchema1MimeType */.rn)(mimeType) ? undefined : (converted.configBytes ?? original);
        return {
            raw: { bytes, mimeType },
            digest: (0,src_manifest/* manifestDigest */.It)(bytes), // schema1: the payload's
            config: configBytes && {
                info: { digest: (0,src_manifest/* sha256Digest */.sI)(configBytes), size: configBytes.length },
                bytes: async () => configBytes
            }
        };
    }
    async writeConfig(image, config, env) {
        const early = config.info.digest === image.manifest.configDescriptor()?.digest
            ? this.earlyConfigs.get(image.digest)
            : undefined;
        const outcome = await (early ??
            putBufferBlob(this.destination, env.sourceRef, config.info, config.bytes, true));
        this.record(image.digest, outcome, config.info.size);
    }
    /** putManifest; a schema1 manifest refused other than as a type gets a hint (distribution answers HTTP 500 when schema1 is disabled). */
    async putManifest(raw, instanceDigest) {
        try {
            await this.destination.putManifest(raw, instanceDigest);
        }
        catch (e) {
            if (!(0,src_manifest/* isSchema1MimeType */.rn)(raw.mimeType) || e instanceof types/* ManifestTypeRejectedError */.Y9)
                throw e;
            throw new errors/* ImageCopyError */.xv(`writing the schema1 manifest to ${this.name} failed: ${(0,errors/* errorMessage */.gJ)(e)}`, 'failure', 'many registries refuse schema1 (distribution 2.8 answers HTTP 500 unless its config sets compatibility: schema1: enabled: true); write v2s2 or oci instead');
        }
    }
    /** Writes the list: updated for converted instances, stripped of unselected ones, converted when needed. */
    async writeList() {
        const list = this.set.list;
        const updates = this.set.images
            .map(image => ({ image, written: this.written.get(image.digest) }))
            .filter(({ image, written }) => written.digest !== image.digest)
            .map(({ image, written }) => ({
            digest: image.digest,
            newDigest: written.digest,
            size: written.size,
            mediaType: written.mimeType
        }));
        let updated = updates.length > 0 ? list.withUpdatedInstances(updates) : list;
        if (this.options.sparseList === 'strip' && this.set.unselected.length > 0) {
            updated = updated.withoutInstances(this.set.unselected);
        }
        const original = list.serialize();
        const attempted = [];
        for (const mimeType of this.plan.listTypes) {
            const candidate = mimeType === updated.mimeType ? updated : updated.convertTo(mimeType);
            let bytes = candidate.serialize();
            if (bytes.equals(original)) {
                bytes = this.set.top.bytes; // unchanged: write the original bytes, so the digest is preserved
            }
            else if (this.plan.listCannotModify) {
                throw new errors/* ImageCopyError */.xv(`the manifest list would change to be written to ${this.name}, but it cannot be modified: ${this.plan.listCannotModify}`);
            }
            const mediaType = bytes === this.set.top.bytes ? this.set.top.mimeType : mimeType;
            try {
                await this.destination.putManifest({ bytes, mimeType: mediaType });
            }
            catch (e) {
                attempted.push(`${mimeType}: ${(0,errors/* errorMessage */.gJ)(e)}`);
                if (e instanceof types/* ManifestTypeRejectedError */.Y9)
                    continue;
                if (this.options.sparseList === 'keep' && this.set.unselected.length > 0) {
                    throw new errors/* ImageCopyError */.xv(`writing the manifest list to ${this.name} failed: ${(0,errors/* errorMessage */.gJ)(e)}`, 'failure', 'the list still names instances that were not copied (sparse-list: keep); many registries refuse such a list: set sparse-list: strip');
                }
                throw e;
            }
            const digest = (0,src_manifest/* sha256Digest */.sI)(bytes);
            this.options.onEvent?.({
                type: 'manifest-written',
                destination: this.name,
                digest,
                mimeType: mediaType,
                instance: false
            });
            return { digest, mimeType: mediaType, bytes, size: bytes.length };
        }
        throw new errors/* ImageCopyError */.xv(`writing the manifest list to ${this.name} failed; tried these formats: ${attempted.join('; ')}`);
    }
    async writeSignatures() {
        if (this.options.removeSignatures)
            return;
        for (const image of this.set.images) {
            const sigs = this.signatures.get(image.digest) ?? [];
            if (sigs.length > 0) {
                await this.destination.putSignatures(sigs, this.writesList ? this.written.get(image.digest).digest : undefined);
            }
        }
        const listSigs = this.writesList ? (this.signatures.get('') ?? []) : [];
        if (listSigs.length > 0)
            await this.destination.putSignatures(listSigs);
    }
    instanceResults() {
        const results = [];
        const entries = this.set.list ? this.set.list.instances() : [];
        const attests = (digest) => {
            const entry = entries.find(e => e.digest === digest);
            const of = entry ? (0,src_manifest/* attestedDigest */.Js)(entry) : undefined;
            return of !== undefined ? { attests: of } : {};
        };
        for (const image of this.set.images) {
            const written = this.written.get(image.digest);
            results.push({
                sourceDigest: image.digest,
                digest: written?.digest,
                mediaType: written?.mimeType ?? image.raw.mimeType,
                platform: image.platform,
                ...attests(image.digest),
                status: 'copied',
                stats: this.statsFor(image.digest)
            });
        }
        for (const digest of this.set.unselected) {
            const entry = entries.find(e => e.digest === digest);
            results.push({
                sourceDigest: digest,
                mediaType: entry?.mediaType ?? '',
                platform: entry?.platform,
                ...attests(digest),
                status: this.options.sparseList === 'strip' ? 'removed' : 'skipped',
                stats: (0,copy_result/* emptyStats */.b)()
            });
        }
        return results;
    }
}
/** The source's config as a blob to write: its descriptor's digest and size, its bytes when asked. */
function sourceConfig(info, config) {
    return { info: { digest: info.digest, size: info.size }, bytes: async () => (await config()) };
}

;// CONCATENATED MODULE: ./src/copy/instances.ts
// Which images of the source to copy: the single image, one instance picked by platform, or a
// set of a list's instances (containers/image copy.go Image and multiple.go).


async function readInstance(source, digest, platform) {
    const raw = await source.getManifest(digest);
    if (!(0,src_manifest/* matchesDigest */._j)(raw.bytes, digest)) {
        throw new errors/* ImageCopyError */.xv(`the manifest of instance ${digest} read from ${source.ref.toString()} does not match its digest`);
    }
    const manifest = parsedFrom(`the manifest ${digest} of ${source.ref.toString()}`, () => (0,src_manifest/* parseImageManifest */.Sw)(raw.bytes, (0,src_manifest/* normalizeMimeType */.Ej)(raw.mimeType)));
    return { digest, raw, manifest, platform, ...(await layersToCopy(source, manifest, digest)) };
}
/** The manifest's layers, or the source's overrides for them (containers/image LayerInfosForCopy). */
async function layersToCopy(source, manifest, instanceDigest) {
    const fromManifest = manifest.layerInfos().map(l => ({
        digest: l.digest,
        size: l.size,
        mediaType: l.mediaType,
        urls: l.urls,
        annotations: l.annotations
    }));
    const overrides = await source.layerInfosForCopy?.(instanceDigest);
    if (!overrides)
        return { layers: fromManifest, layersOverridden: false };
    if (overrides.length !== fromManifest.length) {
        throw new errors/* ImageCopyError */.xv(`${source.ref.toString()} serves ${overrides.length} layers for an image whose manifest has ${fromManifest.length}`);
    }
    return { layers: overrides, layersOverridden: true };
}
async function chooseCopySet(source, selection, wanted) {
    const top = await source.getManifest();
    const topDigest = (0,src_manifest/* manifestDigest */.It)(top.bytes);
    const wantDigest = source.ref.digest;
    if (wantDigest && !(0,src_manifest/* matchesDigest */._j)(top.bytes, wantDigest)) {
        throw new errors/* ImageCopyError */.xv(`the manifest read from ${source.ref.toString()} has digest ${topDigest}, not the ${wantDigest} the reference names`);
    }
    if (!(0,src_manifest/* isListMimeType */.VI)(top.mimeType)) {
        const manifest = parsedFrom(`the manifest ${source.ref.toString()}`, () => (0,src_manifest/* parseImageManifest */.Sw)(top.bytes, (0,src_manifest/* normalizeMimeType */.Ej)(top.mimeType)));
        const image = {
            digest: topDigest,
            raw: top,
            manifest,
            ...(await layersToCopy(source, manifest, undefined))
        };
        return { top, topDigest, images: [image], unselected: [] };
    }
    const list = parsedFrom(`the list ${source.ref.toString()}`, () => (0,src_manifest/* parseList */.E1)(top.bytes, top.mimeType));
    if (selection.kind === 'system') {
        const digest = list.chooseInstance({
            os: wanted.os,
            architecture: wanted.architecture,
            variant: wanted.variant
        });
        const entry = list.instance(digest);
        const image = await readInstance(source, digest, entry.platform);
        if ((0,src_manifest/* isListMimeType */.VI)(image.raw.mimeType)) {
            throw new errors/* ImageCopyError */.xv(`the instance ${digest} chosen for ${(0,src_manifest/* formatPlatform */.Bq)(wanted)} is itself a list; nested lists are not supported`);
        }
        return { top, topDigest, images: [image], unselected: [], listImages: (0,src_manifest/* imageCount */.XJ)(list.instances()) };
    }
    (0,src_manifest/* assertNoNestedLists */.El)(list);
    const entries = list.instances();
    const selected = selection.kind === 'all'
        ? entries.map(e => e.digest)
        : (0,src_manifest/* selectInstances */.l5)(list, { digests: selection.instances, platforms: selection.platforms });
    const chosen = entries.filter((e, i) => selected.includes(e.digest) && entries.findIndex(f => f.digest === e.digest) === i);
    // Read in parallel: against a remote registry each is a round trip.
    const images = await Promise.all(chosen.map(entry => readInstance(source, entry.digest, entry.platform)));
    const unselected = entries.map(e => e.digest).filter(d => !selected.includes(d));
    return { top, topDigest, list, images, unselected };
}
/** Names the manifest an invalid digest came from: `invalid digest "…" in layers[0].digest of the manifest oci:…`. */
function parsedFrom(what, parse) {
    try {
        return parse();
    }
    catch (e) {
        if (!(e instanceof src_manifest/* ManifestError */.Sh) || e.kind !== 'invalid-digest')
            throw e;
        const error = new errors/* ImageCopyError */.xv(`${e.message} of ${what}`);
        error.cause = e;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/copy/plan.ts
// The copy plan: what copyImage will do, decided before any blob moves, as a plain value that tests
// and `--debug` logs can read. Per destination: the manifest types to try for each image and the
// list; per blob: where it is read from, the stages it goes through, and the destinations it goes to.


function buildCopyPlan(input) {
    const { set, destinations } = input;
    const blobs = new Map();
    for (const image of set.images) {
        const wantDiffIds = needsDiffIds(image, destinations);
        for (const layer of image.layers) {
            const known = blobs.get(layer.digest);
            if (known) {
                known.needDiffId ||= wantDiffIds;
                if (!known.images.includes(image.digest))
                    known.images.push(image.digest);
                continue;
            }
            blobs.set(layer.digest, {
                info: layer,
                images: [image.digest],
                needDiffId: wantDiffIds,
                stages: [],
                targets: [],
                skipped: []
            });
        }
    }
    for (const blob of blobs.values())
        addTargets(blob, set, input);
    return {
        source: input.source,
        sourceDigest: set.topDigest,
        isList: set.list !== undefined || set.images[0].digest !== set.topDigest,
        compression: input.compression,
        images: set.images.map(image => ({
            digest: image.digest,
            mimeType: (0,src_manifest/* normalizeMimeType */.Ej)(image.raw.mimeType),
            platform: image.platform ? (0,src_manifest/* formatPlatform */.Bq)(image.platform) : undefined,
            layersFrom: image.layersOverridden ? 'source' : 'manifest'
        })),
        destinations,
        blobs: [...blobs.values()]
    };
}
function addTargets(blob, set, input) {
    const images = set.images.filter(i => blob.images.includes(i.digest));
    for (const d of input.destinations) {
        if (blob.info.urls && blob.info.urls.length > 0 && input.skipsForeignLayers(d.name)) {
            blob.skipped.push({ destination: d.name, reason: 'foreign layer (the manifest keeps its URLs)' });
            continue;
        }
        const canModify = images.every(i => !(i.digest in d.cannotModify) && compressionChangeSupported(i, blob.info));
        blob.targets.push({
            destination: d.name,
            track: d.serial ? 'serial' : 'shared',
            layerPolicy: d.layerPolicy,
            canModify
        });
    }
    blob.stages = stagesOf(blob, input.destinations.length);
}
function stagesOf(blob, destinations) {
    const converts = blob.targets.some(t => t.canModify && t.layerPolicy !== 'preserve');
    const stages = ['try-reuse', 'read'];
    if (converts || blob.needDiffId)
        stages.push('detect');
    stages.push('verify');
    if (blob.targets.length > 1 || blob.needDiffId || destinations > 1)
        stages.push('tee');
    if (blob.needDiffId)
        stages.push('diff-id');
    if (converts)
        stages.push('convert');
    stages.push('put');
    return stages;
}
/** Whether a layer of this image may be stored compressed otherwise (containers/image layerCompressionChangeSupported). */
function compressionChangeSupported(image, layer) {
    const type = (0,src_manifest/* normalizeMimeType */.Ej)(image.raw.mimeType);
    if ((0,src_manifest/* isSchema1MimeType */.rn)(type))
        return true;
    const mediaType = layer.mediaType ?? '';
    return ((0,src_manifest/* canChangeLayerCompression */.sb)(src_manifest/* ociLayerVariants */.fD, mediaType) ||
        (0,src_manifest/* canChangeLayerCompression */.sb)(src_manifest/* schema2LayerVariants */.ZD, mediaType));
}
/** A schema1 image written as another type needs its layers' DiffIDs, which its manifest lacks. */
function needsDiffIds(image, destinations) {
    return ((0,src_manifest/* isSchema1MimeType */.rn)((0,src_manifest/* normalizeMimeType */.Ej)(image.raw.mimeType)) &&
        destinations.some(d => (d.manifestTypes[image.digest] ?? []).some(t => !(0,src_manifest/* isSchema1MimeType */.rn)(t))));
}
/** The plan as lines a person can check (printed at debug level and in tests). */
function formatPlan(plan) {
    const lines = [
        `copy plan: ${plan.source} ${plan.sourceDigest} (${plan.isList ? 'from a list' : 'an image'}) to ${plan.destinations.length} destination(s); compression ${plan.compression.algorithm}${plan.compression.level ? ` level ${plan.compression.level}` : ''}`
    ];
    for (const image of plan.images) {
        lines.push(`  image ${image.digest} ${image.platform ?? ''} ${image.mimeType}, layers from the ${image.layersFrom}`.replace(/ {2,}/g, ' '));
    }
    for (const d of plan.destinations) {
        lines.push(`  destination ${d.index + 1} ${d.name}: ${d.serial ? 'serial' : 'shared'} track, layers ${d.layerPolicy}`);
        for (const [digest, types] of Object.entries(d.manifestTypes)) {
            const why = d.cannotModify[digest] ? ` (unchanged: ${d.cannotModify[digest]})` : '';
            lines.push(`    manifest ${digest}: ${types.join(', ')}${why}`);
        }
        if (d.listTypes)
            lines.push(`    list: ${d.listTypes.join(', ')}`);
    }
    for (const b of plan.blobs) {
        const to = b.targets.map(t => `${t.destination} (${t.track}${t.canModify ? '' : ', unchanged'})`);
        const skipped = b.skipped.map(s => `; skipped for ${s.destination}: ${s.reason}`).join('');
        lines.push(`  blob ${b.info.digest} ${formatBytes(Math.max(b.info.size, 0))}: ${b.stages.join(' > ')} to ${to.join(', ') || 'nobody'}${skipped}`);
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/copy/pool.ts
/** A bounded pool: at most `limit` tasks run at once; tasks start in the order they were added. */
class TaskPool {
    limit;
    running = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
        if (!Number.isInteger(limit) || limit < 1)
            throw new Error(`pool limit must be a positive integer, got ${limit}`);
    }
    async run(task) {
        if (this.running >= this.limit)
            await new Promise(resolve => this.waiting.push(resolve));
        this.running++;
        try {
            return await task();
        }
        finally {
            this.running--;
            this.waiting.shift()?.();
        }
    }
}

;// CONCATENATED MODULE: ./src/copy/move-layers.ts



async function moveLayers(moves, set) {
    const { plan, env } = moves;
    const learned = { diffIds: new Map(), sizes: new Map() };
    const anyShared = plan.destinations.some(d => !d.serial);
    // DiffIDs are computed once, on the shared track when there is one.
    const diffIdTrack = anyShared ? 'shared' : 'serial';
    const sourceGate = env.source.properties.hasThreadSafeGetBlob ? undefined : new TaskPool(1);
    const tracks = [
        { track: 'shared', pool: new TaskPool(moves.parallel), blobs: bySizeDescending(plan.blobs) },
        { track: 'serial', pool: new TaskPool(1), blobs: plan.blobs }
    ];
    await Promise.all(tracks.flatMap(({ track, pool, blobs }) => blobs.map(blob => pool.run(() => {
        const move = () => moveBlob(moves, blob, track, blob.needDiffId && track === diffIdTrack, learned);
        return sourceGate ? sourceGate.run(move) : move();
    }))));
    return schema1Facts(set, plan, learned);
}
function bySizeDescending(blobs) {
    return [...blobs].sort((a, b) => b.info.size - a.info.size);
}
async function moveBlob(moves, blob, track, needDiffId, learned) {
    moves.signal?.throwIfAborted();
    const targets = new Map();
    for (const t of blob.targets) {
        const writer = moves.writers.find(w => w.name === t.destination);
        if (t.track !== track || !writer || writer.failure)
            continue;
        const target = {
            name: writer.name,
            destination: writer.destination,
            layer: { policy: t.layerPolicy, canModify: t.canModify }
        };
        targets.set(target, writer);
    }
    if (targets.size === 0 && !needDiffId)
        return;
    try {
        const result = await copyBlob(moves.env, blob.info, [...targets.keys()], { needDiffId });
        for (const [target, outcome] of result.outcomes) {
            const writer = targets.get(target);
            if (outcome instanceof Error)
                moves.fail(writer, outcome);
            else
                writer.delivered(blob.images[0], blob.info, outcome);
        }
        if (result.diffId)
            learned.diffIds.set(blob.info.digest, result.diffId);
        if (result.bytesRead !== undefined)
            learned.sizes.set(blob.info.digest, result.bytesRead);
    }
    catch (e) {
        for (const writer of targets.values())
            moves.fail(writer, e);
        if (needDiffId)
            throw e;
    }
}
/** For each schema1 image converted to another type: its layers' DiffIDs and sizes. */
function schema1Facts(set, plan, learned) {
    const facts = new Map();
    for (const image of set.images) {
        if (!needsDiffIds(image, plan.destinations))
            continue;
        facts.set(image.digest, {
            diffIDs: image.layers.map(l => learned.diffIds.get(l.digest)),
            layerInfos: image.layers.map(l => ({ digest: l.digest, size: learned.sizes.get(l.digest) ?? l.size }))
        });
    }
    return facts;
}

// EXTERNAL MODULE: ./src/reference/docker.ts
var docker = __webpack_require__(9085);
;// CONCATENATED MODULE: ./src/copy/referrers.ts
// Referrers (signatures, SBOMs, attestations hanging off a manifest's digest by `subject`) and cosign's
// digest tags travel with the image. Found once at the source (recursively: a signature of an SBOM;
// each artifact once, loops cut), then written per destination before it commits, for every
// manifest whose digest the copy kept. A manifest whose digest changed cannot keep them: its
// referrers' `subject` would name a digest the destination does not have, so they are left behind
// and said so, never rewritten.
//
// Artifacts are copied directly, not through copyImage: their bytes must not change (a registry
// destination's policy would compress an uncompressed SBOM layer and so change the artifact's digest),
// their configs are not image configs, and the engine cannot make references to them (it never
// imports a transport). The same guarantees hold: every blob streams through a VerifyingStream
// (digest and size) into putBlob, after tryReusingBlob (exists, or a cross-repository mount).




/** More artifacts than this hanging off one copy is refused (a hostile or looping source). */
const MAX_ARTIFACTS = 1000;
/** An index artifact nests manifests at most this deep. */
const MAX_NESTING = 4;
/** Phase (source side): the artifacts hanging off `roots`, recursively. */
async function findArtifacts(source, roots, options, emit) {
    const missing = [];
    if (options.referrers && !source.listReferrers)
        missing.push('referrers');
    if (options.digestTags && !(source.listDigestTags && source.getTaggedManifest))
        missing.push('digest tags');
    const finder = { source, options, emit, found: new Map(), seen: new Set(roots), count: 0 };
    const queue = [...roots];
    const asked = new Set();
    while (queue.length > 0) {
        const subject = queue.shift();
        if (asked.has(subject))
            continue;
        asked.add(subject);
        const artifacts = [...(await referrersOf(finder, subject)), ...(await taggedOf(finder, subject))];
        if (artifacts.length > 0)
            finder.found.set(subject, artifacts);
        queue.push(...artifacts.map(a => a.digest));
    }
    return { bySubject: finder.found, missing };
}
function take(finder, key) {
    if (finder.seen.has(key))
        return false;
    finder.seen.add(key);
    if (++finder.count > MAX_ARTIFACTS)
        throw new errors/* ImageCopyError */.xv(`more than ${MAX_ARTIFACTS} referrers and digest tags hang off this image`);
    return true;
}
async function referrersOf(finder, subject) {
    const { source, options } = finder;
    if (!options.referrers || !source.listReferrers)
        return [];
    const listing = await source.listReferrers(subject, options.artifactTypes);
    const artifacts = [];
    for (const listed of listing.descriptors) {
        if (!(0,src_manifest/* matchesArtifactTypes */.VO)(listed, options.artifactTypes))
            continue;
        if (!take(finder, listed.digest))
            continue; // copied already, or a loop back to an ancestor
        const raw = await source.getManifest(listed.digest);
        const links = (0,src_manifest/* manifestLinks */.tQ)(raw.bytes, raw.mimeType || listed.mediaType);
        if (links.subject !== subject) {
            finder.emit({
                type: 'notice',
                message: `${listed.digest} is listed as a referrer of ${subject}, but its subject is ${links.subject ?? 'missing'}: not copied`
            });
            continue;
        }
        const mimeType = links.mediaType;
        const descriptor = (0,src_manifest/* referrerDescriptor */.xh)(raw.bytes, mimeType, listed.digest);
        artifacts.push({ digest: listed.digest, raw: { bytes: raw.bytes, mimeType }, descriptor, subject });
    }
    return artifacts;
}
async function taggedOf(finder, subject) {
    const { source, options } = finder;
    if (!options.digestTags || !source.listDigestTags || !source.getTaggedManifest)
        return [];
    const artifacts = [];
    for (const tag of await source.listDigestTags(subject)) {
        if (!docker/* TAG_RE */.PP.test(tag)) {
            finder.emit({ type: 'notice', message: `${JSON.stringify(tag)} is not a valid tag: not copied` });
            continue;
        }
        if (!take(finder, `tag:${tag}`))
            continue;
        const raw = await source.getTaggedManifest(tag);
        const digest = (0,src_manifest/* manifestDigest */.It)(raw.bytes);
        const descriptor = (0,src_manifest/* referrerDescriptor */.xh)(raw.bytes, raw.mimeType, digest);
        const mimeType = descriptor.mediaType;
        artifacts.push({ digest, raw: { bytes: raw.bytes, mimeType }, descriptor, subject, tag });
    }
    return artifacts;
}
/**
 * Phase (per destination, before commit): the artifacts of every kept manifest (source digest =
 * written digest), depth first, each once; those of changed manifests counted and said.
 */
async function writeArtifacts(found, source, sourceRef, target, manifests, options, emit) {
    const written = { referrers: [], leftBehind: [] };
    const done = new Set();
    const refused = new Set();
    if (options.referrers && !target.destination.putReferrer)
        refused.add('referrers');
    if (options.digestTags && !target.destination.putTaggedManifest)
        refused.add('digest tags');
    for (const m of manifests) {
        if (m.sourceDigest !== m.digest) {
            leaveBehind(found, m, target, written, emit);
            continue;
        }
        const stack = [...(found.bySubject.get(m.sourceDigest) ?? [])].reverse();
        while (stack.length > 0) {
            const artifact = stack.pop();
            const key = artifact.tag === undefined ? artifact.digest : `tag:${artifact.tag}`;
            if (done.has(key))
                continue;
            done.add(key);
            const result = await writeArtifact(artifact, source, sourceRef, target);
            if (typeof result === 'string') {
                refused.add(result);
                continue;
            }
            written.referrers.push(result);
            emit({ type: 'referrer-copied', destination: target.name, ...result });
            stack.push(...[...(found.bySubject.get(artifact.digest) ?? [])].reverse());
        }
    }
    for (const what of refused)
        emit({
            type: 'referrers-not-held',
            where: target.name,
            message: `${target.name} cannot hold ${what}: none were copied there`
        });
    return written;
}
function leaveBehind(found, m, target, written, emit) {
    const artifacts = found.bySubject.get(m.sourceDigest) ?? [];
    if (artifacts.length === 0)
        return;
    const digests = artifacts.map(a => a.digest);
    written.leftBehind.push({ sourceDigest: m.sourceDigest, digest: m.digest, referrers: digests });
    emit({
        type: 'notice',
        message: `${target.name}: ${m.sourceDigest} was written as ${m.digest}, so its ${artifacts.length} ` +
            `referrer(s) and digest tag(s) could not follow (their subject names the source digest): ${digests.join(', ')}`
    });
}
/** One artifact: its blobs and child manifests, then its manifest; a string when the destination cannot hold it. */
async function writeArtifact(artifact, source, sourceRef, target) {
    const { destination } = target;
    if (artifact.tag === undefined && !destination.putReferrer)
        return 'referrers';
    if (artifact.tag !== undefined && !destination.putTaggedManifest)
        return 'digest tags';
    await writeContents(artifact.raw, source, sourceRef, target, 0);
    const result = {
        digest: artifact.digest,
        mediaType: artifact.descriptor.mediaType,
        ...(artifact.descriptor.artifactType !== undefined
            ? { artifactType: artifact.descriptor.artifactType }
            : {}),
        subject: artifact.subject,
        via: 'layout'
    };
    if (artifact.tag !== undefined) {
        await destination.putTaggedManifest(artifact.raw, artifact.tag);
        return { ...result, tag: artifact.tag, via: 'digest-tag' };
    }
    return { ...result, via: await destination.putReferrer(artifact.raw, artifact.digest, artifact.subject) };
}
/** The blobs of a manifest, and (for an index) its child manifests with theirs, byte for byte. */
async function writeContents(raw, source, sourceRef, target, depth) {
    if (depth > MAX_NESTING)
        throw new errors/* ImageCopyError */.xv(`an artifact nests manifests more than ${MAX_NESTING} deep`);
    const links = (0,src_manifest/* manifestLinks */.tQ)(raw.bytes, raw.mimeType);
    for (const [i, blob] of links.blobs.entries())
        await writeBlob(blob, i === 0, source, sourceRef, target);
    for (const child of links.children) {
        const childRaw = await source.getManifest(child.digest);
        await writeContents(childRaw, source, sourceRef, target, depth + 1);
        await target.destination.putManifest(childRaw, child.digest);
    }
}
async function writeBlob(blob, isConfig, source, sourceRef, target) {
    const info = { digest: blob.digest, size: blob.size, mediaType: blob.mediaType };
    const { destination, stats } = target;
    const reuse = await destination.tryReusingBlob(info, { source: sourceRef });
    if (reuse.reused) {
        if (reuse.how === 'exists') {
            stats.reusedBlobs++;
            stats.reusedBytes += blob.size;
        }
        else {
            stats.mountedBlobs++;
            stats.mountedBytes += blob.size;
        }
        return;
    }
    const { stream } = await source.getBlob(info);
    const verifier = new VerifyingStream(blob.digest, blob.size);
    stream.on('error', e => verifier.destroy(e));
    stream.pipe(verifier);
    await destination.putBlob(verifier, info, { isConfig });
    stats.pushedBlobs++;
    stats.pushedBytes += blob.size;
}

;// CONCATENATED MODULE: ./src/copy/unchanged.ts
// Skip what is already there: a destination whose reference already names exactly the manifest a copy
// would write gets nothing (no blob, no manifest), and its status is `unchanged`. The rules follow
// containers/image copy/single.go (OptimizeDestinationImageAlreadyExists: skip only when no signature
// is to be written and the manifest would not be changed); here they are decided once per destination
// from the plan, before any blob moves, and for a whole list at once. It must NOT skip when:
// - signatures are to be written (the source has some and remove-signatures is not set);
// - the list is sparse: strip writes another list than the source's, and keep names instances this
//   copy would not write, so the list being there says nothing of the ones it would write;
// - a manifest or the list would be converted (force-mime-type, a destination that does not take the
//   type), or is schema1 (its embedded name is rewritten for each destination);
// - the source serves other layers than its manifest names (layer-info overrides);
// - a layer may be stored otherwise: the destination decompresses layers, or compresses them and
//   compression was asked for explicitly (dest-compress-format), or a layer is not known (by its
//   media type) to be compressed. A layer that may not change (preserve-digests, signatures, a
//   digested destination) never stops it.
// When the destination holds the digest, every blob of that manifest is there, so trying to reuse a
// blob finds the very digest before any substitute: a copy would write the same manifest. That makes
// the layer rules conservative (a copy that may compress finds the layers there as they are); they
// are kept so that what is skipped never depends on what a destination happens to hold.

const compressedLayerTypes = new Set([
    src_manifest/* MediaType */.zu.DockerV2Schema2Layer,
    src_manifest/* MediaType */.zu.DockerV2SchemaLayerZstd,
    src_manifest/* MediaType */.zu.DockerV2Schema2ForeignLayerGzip,
    src_manifest/* MediaType */.zu.OCILayerGzip,
    src_manifest/* MediaType */.zu.OCILayerZstd,
    src_manifest/* MediaType */.zu.OCILayerNonDistributableGzip,
    src_manifest/* MediaType */.zu.OCILayerNonDistributableZstd
]);
/** What the copy to this destination would write, if that is provably the source's own manifest; else why not. */
function foreseeManifest(input) {
    const reason = whyItMayChange(input);
    if (reason)
        return { known: false, reason };
    const { set } = input;
    const top = set.list ? { digest: set.topDigest, raw: set.top } : set.images[0];
    return { known: true, manifest: { digest: top.digest, mimeType: top.raw.mimeType, bytes: top.raw.bytes } };
}
function whyItMayChange(input) {
    const { set, destination } = input;
    if (!input.removeSignatures && [...input.signatures.values()].some(s => s.length > 0))
        return 'signatures would be written';
    if (set.list) {
        if (set.unselected.length > 0)
            return 'a sparse list (not every instance is copied)';
        if (destination.listTypes?.[0] !== set.list.mimeType)
            return `the list would be converted to ${destination.listTypes?.[0]}`;
    }
    for (const image of set.images) {
        const type = (0,src_manifest/* normalizeMimeType */.Ej)(image.raw.mimeType);
        if ((0,src_manifest/* isSchema1MimeType */.rn)(type))
            return `${image.digest} is schema1 (rewritten for each destination)`;
        const first = destination.manifestTypes[image.digest]?.[0];
        if (first !== type)
            return `the manifest of ${image.digest} would be converted to ${first}`;
        if (image.layersOverridden)
            return `the source serves other layers than ${image.digest} names`;
    }
    return layersMayChange(input);
}
/** A layer this destination may store otherwise (compressed, recompressed, decompressed). */
function layersMayChange(input) {
    for (const blob of input.blobs) {
        const target = blob.targets.find(t => t.destination === input.destination.name);
        if (!target?.canModify || target.layerPolicy === 'preserve')
            continue;
        if (target.layerPolicy === 'decompress')
            return `layer ${blob.info.digest} would be decompressed`;
        if (input.compression.explicit)
            return `layers would be compressed as asked (${input.compression.algorithm}), and ${blob.info.digest} may be compressed otherwise`;
        if (!compressedLayerTypes.has(blob.info.mediaType ?? ''))
            return `layer ${blob.info.digest} (${blob.info.mediaType ?? 'no media type'}) may be uncompressed, and would be compressed`;
    }
    return undefined;
}
/**
 * Without reading the source: the source is pinned by digest and the destination already holds that
 * digest, so it holds the source's own manifest, byte for byte. Unchanged when nothing could make a
 * copy write another: no signatures or overrides possible, no conversion asked for or needed (the
 * HEAD's type says whether it is a list: a system copy from a list writes one instance, and a list's
 * instances are not known without reading it, so their types must all be accepted), no layer
 * compression asked for, no decompressing destination. What is not known without reading is whether a
 * layer is stored uncompressed (a copy to a compressing destination would compress it): as in
 * containers/image, the manifest already there is taken as it is.
 */
function pinnedUnchanged(input) {
    const { existing, properties } = input;
    if (existing.digest !== input.sourceDigest || !input.servesImagesAsStored)
        return false;
    if (input.forceMimeType !== undefined || input.compressionExplicit)
        return false;
    if (properties.desiredLayerCompression === 'decompress')
        return false;
    const type = (0,src_manifest/* normalizeMimeType */.Ej)(existing.mimeType);
    const accepted = properties.supportedManifestMimeTypes;
    const accepts = (t) => accepted.length === 0 || accepted.includes(t);
    if ((0,src_manifest/* isListMimeType */.VI)(type))
        return input.selection.kind === 'all' && accepts(type) && src_manifest/* allManifestMimeTypes */.se.every(accepts);
    return src_manifest/* allManifestMimeTypes */.se.includes(type) && !(0,src_manifest/* isSchema1MimeType */.rn)(type) && accepts(type);
}

;// CONCATENATED MODULE: ./src/copy/skip-unchanged.ts
// The phases that leave out destinations already holding what a copy would write (unchanged.ts has
// the rules): before the source's images are read (its top digest known: pinned, or the top manifest
// read), and once the plan is built. Each destination was asked what it holds as soon as it opened.



/** What the destination holds now; a failed question is no answer (the copy then goes on and meets any real error). */
async function askExisting(destination) {
    try {
        return await destination.existingManifest?.();
    }
    catch {
        return undefined;
    }
}
/** The source's top manifest (read once: a registry source keeps it), when a skip may use it. */
async function readTop(run, source) {
    if (!run.options.skipUnchanged || !run.options.source.servesImagesAsStored)
        return undefined;
    return source.getManifest();
}
/**
 * Phase, when the source's top digest is known before its images are read (pinned by digest: before
 * the source is even opened; else once its top manifest is read, before a list's instances are):
 * destinations that already hold that digest and would get the source's own manifest (unchanged.ts
 * pinnedUnchanged) are done. True when no destination is left to write (the others failed to open).
 */
async function skipUnread(run, ends, sourceDigest, top) {
    const { options } = run;
    if (!maySkip(run) || !options.source.servesImagesAsStored || sourceDigest === undefined)
        return false;
    await Promise.all(options.destinations.map(async (ref, index) => {
        if (run.unchanged.has(index))
            return;
        const destination = await ends.opening[index].catch(() => undefined);
        const existing = await ends.existing[index];
        if (!destination || !existing)
            return;
        const unchanged = pinnedUnchanged({
            sourceDigest,
            servesImagesAsStored: true,
            existing,
            selection: options.selection,
            properties: destination.properties,
            forceMimeType: options.forceMimeType,
            compressionExplicit: run.compression.explicit
        });
        if (!unchanged)
            return;
        const instances = unchangedInstances(existing, top);
        markUnchanged(run, ref.toString(), index, existing, top?.bytes ?? Buffer.alloc(0), instances, !!top);
    }));
    if (run.unchanged.size === 0)
        return false;
    run.result.sourceDigest = sourceDigest;
    run.result.sourceMediaType = top?.mimeType ?? run.result.destinations[0].mediaType;
    const settled = (o) => o.then(() => true, () => false);
    const left = await Promise.all(ends.opening.map((o, index) => (run.unchanged.has(index) ? false : settled(o))));
    return !left.some(Boolean);
}
/** An unchanged image, or the entries of an unchanged list when it was read (its instances were not). */
function unchangedInstances(existing, top) {
    const unchanged = { status: 'unchanged', stats: (0,copy_result/* emptyStats */.b)() };
    if (!(0,src_manifest/* isListMimeType */.VI)(existing.mimeType))
        return [
            { sourceDigest: existing.digest, digest: existing.digest, mediaType: existing.mimeType, ...unchanged }
        ];
    if (!top)
        return [];
    return (0,src_manifest/* parseList */.E1)(top.bytes, top.mimeType)
        .instances()
        .map(entry => {
        const attests = (0,src_manifest/* attestedDigest */.Js)(entry);
        return {
            sourceDigest: entry.digest,
            digest: entry.digest,
            mediaType: entry.mediaType,
            platform: entry.platform,
            ...(attests !== undefined ? { attests } : {}),
            ...unchanged
        };
    });
}
function markUnchanged(run, name, index, existing, manifest, instances, sourceRead) {
    run.unchanged.add(index);
    run.result.destinations.push({
        destination: name,
        index,
        status: 'unchanged',
        digest: existing.digest,
        mediaType: existing.mimeType,
        manifest,
        instances,
        stats: (0,copy_result/* emptyStats */.b)()
    });
    run.emit({ type: 'destination-unchanged', destination: name, digest: existing.digest, sourceRead });
}
/**
 * Phase, once the plan is built: each destination whose copy would provably write the source's own
 * top manifest (unchanged.ts foreseeManifest), and which already holds that digest under its
 * reference, is done: it leaves the copy before any blob moves. True when one left (plan again).
 */
async function skipForeseen(run, ends, set, signatures, plan) {
    if (!maySkip(run))
        return false;
    const found = await Promise.all(run.writers.map(async (writer) => {
        const foreseen = foreseeManifest({
            set,
            destination: writer.plan,
            blobs: plan.blobs,
            signatures,
            removeSignatures: run.options.removeSignatures,
            compression: run.compression
        });
        if (!foreseen.known)
            return false;
        const existing = await ends.existing[writer.index];
        if (existing?.digest !== foreseen.manifest.digest)
            return false;
        const instances = writer
            .instanceResults()
            .map(i => ({ ...i, digest: i.sourceDigest, status: 'unchanged' }));
        const { digest, mimeType, bytes } = foreseen.manifest;
        markUnchanged(run, writer.name, writer.index, { digest, mimeType }, bytes, instances, true);
        return true;
    }));
    run.writers = run.writers.filter(w => !run.unchanged.has(w.index));
    return found.some(Boolean);
}
/**
 * Whether skipping is on. Referrers or digest tags to copy turn it off: artifacts added at the source
 * since the last run (a new signature) must still reach a destination whose image has not changed.
 */
function maySkip(run) {
    const wanted = run.options.referrers;
    return run.options.skipUnchanged === true && !(wanted && (wanted.referrers || wanted.digestTags));
}

// EXTERNAL MODULE: ./src/copy/runtime-platform.ts
var runtime_platform = __webpack_require__(9653);
;// CONCATENATED MODULE: ./src/copy/copy-image.ts
// copyImage: read the source once, write it to every destination (DESIGN.md section 3). It reads as
// its phases: open the ends → resolve the source → plan per destination → move the layers → write
// configs, manifests and signatures, and commit, per destination → close everything.















/** Some destinations failed; `result` holds what the others got. */
class CopyFailedError extends errors/* ImageCopyError */.xv {
    result;
    constructor(result) {
        const failures = result.failures;
        const message = failures.length === 1
            ? failures[0].error.message
            : `copying to ${failures.length} of ${failures.length + result.destinations.length} destinations failed: ${failures.map(f => `${f.destination}: ${f.error.message}`).join('; ')}`;
        const first = failures[0]?.error;
        super(message, first instanceof errors/* ImageCopyError */.xv ? first.category : 'failure', first instanceof errors/* ImageCopyError */.xv ? first.hint : undefined);
        this.result = result;
        this.name = 'CopyFailedError';
    }
}
/**
 * copyImage for the entry points: a copy where some destinations failed resolves with its result
 * (the failures in it) rather than rejecting; anything else (bad usage, the source) still rejects.
 */
function copyImageSettled(options) {
    return copyImage(options).catch((e) => {
        if (e instanceof CopyFailedError)
            return e.result;
        throw e;
    });
}
async function copyImage(options) {
    checkOptions(options);
    const run = startRun(options);
    const ends = await openEnds(options);
    try {
        if (await skipUnread(run, ends, options.source.digest))
            return allUnchanged(run, ends);
        ends.source ??= await openSource(options);
        const top = await readTop(run, ends.source);
        if (top && (await skipUnread(run, ends, (0,src_manifest/* manifestDigest */.It)(top.bytes), top)))
            return allUnchanged(run, ends);
        const { set, signatures } = await resolveSource(run, ends.source);
        await planDestinations(run, ends, set, signatures);
        let plan = planFor(run, set);
        if (await skipForeseen(run, ends, set, signatures, plan))
            plan = planFor(run, set);
        const artifacts = await findReferrers(run, ends.source, set);
        run.emit({ type: 'plan', plan });
        const env = pipelineEnvironment(run, ends.source);
        const inputs = imageInputs(env);
        for (const writer of run.writers)
            for (const image of set.images)
                writer.startConfig(image, env, inputs(image).config);
        const facts = await moveLayers({
            plan,
            env,
            writers: run.writers,
            parallel: options.parallel,
            signal: options.signal,
            fail: failer(run)
        }, set);
        await Promise.all(active(run).map(writer => writeAndCommit(run, writer, set, env, image => inputs(image, facts), artifacts)));
        collectResults(run);
    }
    finally {
        await closeEnds(run, ends);
    }
    return finish(run);
}
/** Every destination was unchanged, or failed to open (recorded now). */
async function allUnchanged(run, ends) {
    await planDestinations(run, ends);
    collectResults(run);
    return finish(run);
}
function finish(run) {
    const { options } = run;
    // Cancelled: what failed, failed because of it (what committed before it stays committed).
    if (options.signal?.aborted && run.result.failures.length > 0)
        throw (0,errors/* cancellationError */._E)(options.signal);
    if (run.result.failures.length > 0)
        throw new CopyFailedError(run.result);
    return run.result;
}
function checkOptions(options) {
    if (options.destinations.length === 0)
        throw new errors/* UsageError */.eb('no destination given: name at least one dest');
    if (!Number.isInteger(options.parallel) || options.parallel < 1) {
        throw new errors/* UsageError */.eb(`parallel must be a whole number of at least 1, got ${options.parallel}`);
    }
    if (options.compressFormat)
        (0,compression_streams/* assertCanCompress */.l5)(options.compressFormat, options.compressLevel);
    options.signal?.throwIfAborted();
    // Every request in flight listens to the signal; more than 10 at once is normal, not a leak.
    if (options.signal)
        (0,external_node_events_.setMaxListeners)(Infinity, options.signal);
}
function startRun(options) {
    return {
        options,
        emit: options.onEvent ?? (() => undefined),
        result: {
            source: options.source.toString(),
            sourceDigest: '',
            sourceMediaType: '',
            destinations: [],
            failures: [],
            stats: (0,copy_result/* emptyStats */.b)()
        },
        compression: {
            algorithm: options.compressFormat ?? 'gzip',
            level: options.compressLevel,
            explicit: options.compressFormat !== undefined
        },
        writers: [],
        unchanged: new Set()
    };
}
/**
 * The source first (a missing source fails before any destination is touched), unless it is pinned
 * by digest and may need no reading at all: then the destinations first, each asked what it holds.
 */
async function openEnds(options) {
    const source = mayNeedNoSource(options) ? undefined : await openSource(options);
    const opened = [];
    const opening = options.destinations.map(ref => ref.newDestination(destinationContext(options, ref)).then(destination => {
        opened.push(destination);
        return destination;
    }));
    for (const o of opening)
        o.catch(() => undefined);
    const existing = opening.map(o => options.skipUnchanged ? o.then(askExisting, () => undefined) : Promise.resolve(undefined));
    return { source, opening, opened, existing };
}
function openSource(options) {
    return options.source.newSource(withSignal(options.sourceContext, options.signal));
}
function mayNeedNoSource(options) {
    return (options.skipUnchanged === true &&
        options.source.digest !== undefined &&
        options.source.servesImagesAsStored === true);
}
function planFor(run, set) {
    return buildCopyPlan({
        source: run.options.source.toString(),
        set,
        destinations: run.writers.map(w => w.plan),
        compression: run.compression,
        skipsForeignLayers: name => run.writers.find(w => w.name === name).destination.properties.acceptsForeignLayerURLs
    });
}
function destinationContext(options, ref) {
    const ctx = typeof options.destinationContext === 'function'
        ? options.destinationContext(ref)
        : options.destinationContext;
    return withSignal(ctx, options.signal);
}
/** The context with the copy's signal, so that transports' requests and waits end when it fires. */
function withSignal(ctx, signal) {
    return signal && !ctx.signal ? { ...ctx, signal } : ctx;
}
/** Phase: what to copy (the image, one instance of a list, or the list and some or all instances) and its signatures. */
async function resolveSource(run, source) {
    const { options, emit, result } = run;
    const set = await chooseCopySet(source, options.selection, wantedPlatform(options));
    result.sourceDigest = set.topDigest;
    result.sourceMediaType = set.top.mimeType;
    emit({
        type: 'source-opened',
        source: options.source.toString(),
        mimeType: set.top.mimeType,
        digest: set.topDigest,
        isList: isFromList(set)
    });
    if (set.images[0].digest !== set.topDigest && !set.list) {
        emit({
            type: 'instance-chosen',
            digest: set.images[0].digest,
            platform: set.images[0].platform ? (0,src_manifest/* formatPlatform */.Bq)(set.images[0].platform) : undefined,
            images: set.listImages ?? 1,
            by: options.selection.kind === 'system' && options.selection.platform ? 'platform' : 'runtime'
        });
    }
    return { set, signatures: await readSignatures(source, set, options.removeSignatures) };
}
function wantedPlatform(options) {
    return ((options.selection.kind === 'system' ? options.selection.platform : undefined) ??
        options.runtimePlatform ??
        (0,runtime_platform/* runtimePlatform */.u)());
}
/** Whether the source is a list: copied whole, or one instance chosen from it. */
function isFromList(set) {
    return set.list !== undefined || set.images[0].digest !== set.topDigest;
}
async function readSignatures(source, set, remove) {
    const signatures = new Map();
    if (remove)
        return signatures;
    const fromList = isFromList(set);
    const perImage = await Promise.all(set.images.map(image => (fromList ? source.getSignatures(image.digest) : source.getSignatures())));
    set.images.forEach((image, i) => signatures.set(image.digest, perImage[i]));
    if (set.list)
        signatures.set('', await source.getSignatures());
    return signatures;
}
/** Phase: each destination's plan; one that cannot take the copy fails now, before any blob moves. */
async function planDestinations(run, ends, set, signatures = new Map()) {
    const { options } = run;
    await Promise.all(options.destinations.map(async (ref, index) => {
        if (run.unchanged.has(index))
            return;
        try {
            const destination = await ends.opening[index];
            if (!set)
                return; // only the ones that failed to open are recorded
            const name = ref.toString();
            const ctx = { name, index, destination, options, set, signatures, compression: run.compression };
            run.writers.push(new DestinationWriter(destination, planDestination(ctx), options, set, signatures));
        }
        catch (e) {
            run.result.failures.push({ destination: ref.toString(), index, error: e });
            run.emit({ type: 'destination-failed', destination: ref.toString(), error: (0,errors/* errorMessage */.gJ)(e) });
        }
    }));
    run.writers.sort((a, b) => a.index - b.index); // the order the user gave
}
function pipelineEnvironment(run, source) {
    const totals = run.result.stats;
    return {
        source,
        sourceRef: run.options.source,
        cache: run.options.blobCache,
        conversions: run.options.blobInfoCache ?? (0,blob_info_cache/* processBlobInfoCache */.tS)(),
        compression: run.compression,
        emit: run.emit,
        signal: run.options.signal,
        onRead: (from, bytes) => {
            if (from === 'cache') {
                totals.cachedBlobs++;
                totals.cachedBytes += bytes;
            }
            else {
                totals.pulledBlobs++;
                totals.pulledBytes += bytes;
            }
        }
    };
}
/** Each image's config, read once for all destinations, and (once the layers moved) its schema1 facts. */
function imageInputs(env) {
    const configs = new Map();
    const configOf = (image) => {
        let config = configs.get(image.digest);
        if (!config) {
            const info = image.manifest.configDescriptor();
            config = info
                ? readSmallBlob(env, { digest: info.digest, size: info.size, mediaType: info.mediaType })
                : Promise.resolve(undefined);
            configs.set(image.digest, config);
        }
        return config;
    };
    return (image, facts) => ({
        config: () => configOf(image),
        schema1Facts: async () => facts?.get(image.digest)
    });
}
function failer(run) {
    return (writer, error) => {
        if (writer.failure)
            return;
        writer.failure = error;
        run.emit({ type: 'destination-failed', destination: writer.name, error: error.message });
    };
}
function active(run) {
    return run.writers.filter(w => !w.failure);
}
/**
 * Phase (source side, with `referrers`/`digest-tags`): the artifacts hanging off the list and every
 * image to copy, found once for all destinations, before any blob moves.
 */
async function findReferrers(run, source, set) {
    const wanted = run.options.referrers;
    if (!wanted || (!wanted.referrers && !wanted.digestTags))
        return undefined;
    const roots = [...(set.list ? [set.topDigest] : []), ...set.images.map(i => i.digest)];
    const found = await findArtifacts(source, roots, wanted, run.emit);
    const where = run.options.source.toString();
    for (const what of found.missing)
        run.emit({ type: 'referrers-not-held', where, message: `${where} cannot hold ${what}: none are copied` });
    return found;
}
/**
 * Phase, per destination: configs and manifests (instances in parallel, the list after them),
 * signatures, the artifacts of the manifests whose digests were kept (referrers.ts), commit.
 */
async function writeAndCommit(run, writer, set, env, inputs, artifacts) {
    try {
        const written = await Promise.all(set.images.map(image => writer.writeImage(image, env, inputs(image))));
        const top = set.list ? await writer.writeList() : written[0];
        await writer.writeSignatures();
        const manifests = [
            ...(set.list ? [{ sourceDigest: set.topDigest, digest: top.digest }] : []),
            ...set.images.map((image, i) => ({ sourceDigest: image.digest, digest: written[i].digest }))
        ];
        const copied = artifacts
            ? await writeArtifacts(artifacts, env.source, run.options.source, writer, manifests, run.options.referrers, run.emit)
            : undefined;
        if (writer.destination.properties.mustMatchRuntimeOS)
            await noteForeignPlatform(run, writer, set, inputs);
        run.options.signal?.throwIfAborted();
        // One image chosen from a list: the list goes along, as containers/image's unparsedToplevel.
        const unparsedToplevel = !set.list && set.listImages !== undefined ? set.top : undefined;
        await writer.destination.commit({ bytes: top.bytes, mimeType: top.mimeType }, unparsedToplevel);
        const done = {
            destination: writer.name,
            index: writer.index,
            status: 'copied',
            digest: top.digest,
            mediaType: top.mimeType,
            manifest: top.bytes,
            instances: writer.instanceResults(),
            stats: writer.stats,
            ...(copied ? { referrers: copied.referrers, referrersLeftBehind: copied.leftBehind } : {})
        };
        run.result.destinations.push(done);
    }
    catch (e) {
        failer(run)(writer, e);
    }
}
/**
 * A destination that runs images (the Docker Engine) gets one for another platform: said, not
 * refused, as containers/image checkImageDestinationForCurrentRuntime logs it.
 */
async function noteForeignPlatform(run, writer, set, inputs) {
    const wanted = wantedPlatform(run.options);
    const image = platformOf(await inputs(set.images[0]).config());
    if (!image || (image.os === wanted.os && image.architecture === wanted.architecture))
        return;
    run.emit({
        type: 'notice',
        message: `${writer.name} gets an image for ${image.os}/${image.architecture}, and this machine is ${wanted.os}/${wanted.architecture}: it may not run here`
    });
}
/** The os and architecture an image config names, when it names them as text. */
function platformOf(config) {
    try {
        const doc = config ? JSON.parse(config.toString('utf8')) : undefined;
        if (typeof doc?.os === 'string' && typeof doc.architecture === 'string')
            return { os: doc.os, architecture: doc.architecture };
    }
    catch {
        // not JSON: nothing to say
    }
    return undefined;
}
function collectResults(run) {
    const { result } = run;
    for (const writer of run.writers) {
        if (writer.failure)
            result.failures.push({ destination: writer.name, index: writer.index, error: writer.failure });
        else
            (0,copy_result/* addStats */.F)(result.stats, perDestination(writer.stats));
    }
    result.destinations.sort((a, b) => a.index - b.index);
    result.failures.sort((a, b) => a.index - b.index);
}
/** Reads are counted once per copy, not per destination. */
function perDestination(stats) {
    return { ...stats, pulledBlobs: 0, pulledBytes: 0, cachedBlobs: 0, cachedBytes: 0 };
}
/** close() rolls back whatever an uncommitted destination wrote, once nothing is being written. */
async function closeEnds(run, ends) {
    await Promise.allSettled(run.writers.map(w => w.earlyWritesSettled()));
    await Promise.allSettled(ends.opening);
    await Promise.allSettled(ends.existing);
    await Promise.allSettled(ends.opened.map(d => d.close()));
    await ends.source?.close();
}


/***/ }),

/***/ 7200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ addStats),
/* harmony export */   b: () => (/* binding */ emptyStats)
/* harmony export */ });
function emptyStats() {
    return {
        pulledBlobs: 0,
        pulledBytes: 0,
        cachedBlobs: 0,
        cachedBytes: 0,
        pushedBlobs: 0,
        pushedBytes: 0,
        reusedBlobs: 0,
        reusedBytes: 0,
        mountedBlobs: 0,
        mountedBytes: 0
    };
}
function addStats(into, from) {
    for (const key of Object.keys(into))
        into[key] += from[key];
}


/***/ }),

/***/ 9653:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ runtimePlatformNote),
/* harmony export */   u: () => (/* binding */ runtimePlatform)
/* harmony export */ });
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(571);

/**
 * The platform a system copy picks when no `platform` is given: this runner's architecture, and
 * linux as the OS on every host. containers/image uses its own GOOS, so skopeo on macOS asks for
 * darwin (no image is built for it) and on Windows for windows; we pick linux deliberately: images a
 * workflow copies are Linux images whatever OS the runner has (a Windows image needs
 * `platform: windows/amd64`). Tests pass the host's values; the defaults are this process's.
 */
function runtimePlatform(nodePlatform = process.platform, nodeArch = process.arch) {
    const { architecture } = (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeToOciPlatform */ .CN)(nodePlatform, nodeArch);
    // Variant detection from /proc/cpuinfo (upstream does it for arm) is not done: GitHub runners are
    // amd64 or arm64, where the variant is '' or v8 and both match as upstream's table says.
    return { os: 'linux', architecture };
}
/** Why the default OS is not the runner's own, for the notice; undefined on Linux. */
function runtimePlatformNote(nodePlatform = process.platform) {
    if (nodePlatform === 'darwin') {
        return 'this runner runs macOS, for which no container images are built, so the default is linux';
    }
    if (nodePlatform === 'win32') {
        return 'this runner runs Windows; the default is linux, not windows as skopeo on Windows would pick (name windows/<arch> as the platform to copy a Windows image)';
    }
    return undefined;
}


/***/ }),

/***/ 839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ nodeCrypto),
/* harmony export */   q: () => (/* binding */ lazyBuiltin)
/* harmony export */ });
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);

const require = (0,node_module__WEBPACK_IMPORTED_MODULE_0__.createRequire)(import.meta.url);
/** A loader for builtin `name` (e.g. `node:tls`) that requires it the first time it is called. */
function lazyBuiltin(name) {
    let loadedModule;
    const load = () => (loadedModule ??= require(name));
    return Object.assign(load, { loaded: () => loadedModule !== undefined });
}
/** node:crypto: until it is loaded here, the small manifests a run hashes go through src/manifest/sha256.ts. */
const nodeCrypto = lazyBuiltin('node:crypto');


/***/ }),

/***/ 351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GS: () => (/* binding */ MAX_TOKEN_BODY_BYTES),
/* harmony export */   GW: () => (/* binding */ MAX_CONFIG_BYTES),
/* harmony export */   JN: () => (/* binding */ ENGINE_CONNECT_TIMEOUT_MS),
/* harmony export */   KW: () => (/* binding */ ENGINE_BODY_IDLE_TIMEOUT_MS),
/* harmony export */   Z4: () => (/* binding */ throughputRule),
/* harmony export */   ZJ: () => (/* binding */ MAX_MANIFEST_BYTES),
/* harmony export */   f5: () => (/* binding */ MAX_ERROR_BODY_BYTES),
/* harmony export */   mF: () => (/* binding */ ReadLimitError),
/* harmony export */   my: () => (/* binding */ MAX_SIGNATURE_BYTES),
/* harmony export */   r: () => (/* binding */ MAX_ENGINE_ANSWER_BYTES),
/* harmony export */   rU: () => (/* binding */ readAtMost),
/* harmony export */   tL: () => (/* binding */ ENGINE_HEADERS_TIMEOUT_MS),
/* harmony export */   tW: () => (/* binding */ formatLimit)
/* harmony export */ });
/* unused harmony export DEFAULT_THROUGHPUT_RULE */
// Every bound on what a registry, an engine or an archive can make us read or wait for, in one place
// (README "Limits"). Sizes follow containers/image's internal/iolimits.
const MiB = 1024 * 1024;
/** A manifest or a manifest list. */
const MAX_MANIFEST_BYTES = 4 * MiB;
/** An image config: read whole (converted, DiffIDs checked), so refused above this before reading. */
const MAX_CONFIG_BYTES = 4 * MiB;
const MAX_SIGNATURE_BYTES = 4 * MiB;
/** An error answer (of a registry, a token server or the Docker Engine). */
const MAX_ERROR_BODY_BYTES = 1 * MiB;
const MAX_TOKEN_BODY_BYTES = 1 * MiB;
/** Short Engine API answers (`/_ping`, `docker load` messages). */
const MAX_ENGINE_ANSWER_BYTES = 1 * MiB;
/** Docker Engine API: connecting, and waiting for the answer's headers (a stalled engine fails). */
const ENGINE_CONNECT_TIMEOUT_MS = 30_000;
const ENGINE_HEADERS_TIMEOUT_MS = 120_000;
/**
 * Silence allowed inside an Engine answer body. `docker save` may think a long time before its first
 * bytes and `docker load` answers only once the image is stored, so this is generous.
 */
const ENGINE_BODY_IDLE_TIMEOUT_MS = 10 * 60_000;
/** The default: less than 10 KiB in 60 s. A slow but moving link passes; a trickle of bytes does not. */
const DEFAULT_THROUGHPUT_RULE = { minBytes: 10 * 1024, windowMs: 60_000 };
/**
 * The rule for blob transfers: `IMAGE_COPY_MIN_THROUGHPUT=<bytes>/<seconds>` (e.g. `10240/60`;
 * `0` turns the rule off). Anything else is an error naming the variable.
 */
function throughputRule(env = process.env) {
    const value = env.IMAGE_COPY_MIN_THROUGHPUT?.trim();
    if (value === undefined || value === '')
        return DEFAULT_THROUGHPUT_RULE;
    if (value === '0')
        return undefined;
    const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(value);
    if (!m || Number(m[2]) <= 0) {
        throw new Error(`IMAGE_COPY_MIN_THROUGHPUT must be <bytes>/<seconds> (e.g. 10240/60) or 0, got ${JSON.stringify(value)}`);
    }
    return { minBytes: Number(m[1]), windowMs: Number(m[2]) * 1000 };
}
/** Thrown when a read goes past its cap. */
class ReadLimitError extends Error {
    what;
    limit;
    constructor(what, limit) {
        super(`${what} is larger than the limit of ${formatLimit(limit)}`);
        this.what = what;
        this.limit = limit;
        this.name = 'ReadLimitError';
    }
}
function formatLimit(bytes) {
    return bytes >= MiB && bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`;
}
/**
 * Reads a stream whole, up to `limit` bytes; past that the stream is destroyed and a ReadLimitError
 * names `what` (`the answer of the Docker Engine to /_ping`) and the limit.
 */
async function readAtMost(stream, limit, what, tooLarge = () => new ReadLimitError(what, limit)) {
    const chunks = [];
    let total = 0;
    for await (const chunk of stream) {
        const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        total += b.length;
        if (total > limit) {
            stream.destroy();
            throw tooLarge();
        }
        chunks.push(b);
    }
    return Buffer.concat(chunks);
}


/***/ }),

/***/ 4491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $2: () => (/* binding */ optString),
/* harmony export */   Dv: () => (/* binding */ omitEmptyMap),
/* harmony export */   F1: () => (/* binding */ ociDescriptorSlice),
/* harmony export */   Of: () => (/* binding */ zeroDescriptor),
/* harmony export */   PM: () => (/* binding */ ociDescriptor),
/* harmony export */   Qi: () => (/* binding */ stringMap),
/* harmony export */   SZ: () => (/* binding */ stringSlice),
/* harmony export */   Uf: () => (/* binding */ schema2ManifestDescriptor),
/* harmony export */   V5: () => (/* binding */ cloneDescriptor),
/* harmony export */   X5: () => (/* binding */ schema2Descriptor),
/* harmony export */   XS: () => (/* binding */ encodeSchema2Descriptor),
/* harmony export */   Y_: () => (/* binding */ zeroSchema2ManifestDescriptor),
/* harmony export */   fd: () => (/* binding */ omitEmpty),
/* harmony export */   iV: () => (/* binding */ encodeSchema2ManifestDescriptor),
/* harmony export */   rh: () => (/* binding */ clonePlatform),
/* harmony export */   te: () => (/* binding */ encodeOciDescriptor),
/* harmony export */   x$: () => (/* binding */ annotationsField)
/* harmony export */ });
/* unused harmony exports zeroPlatform, ociPlatform, schema2Platform, omitEmptyList, encodeOciPlatform, encodeSchema2Platform */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1738);
/* harmony import */ var _go_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3609);
/* harmony import */ var _jws_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8077);
// Go struct shapes shared by manifests and lists: decoders and encoders with the exact field order of
// image-spec's v1.Descriptor / v1.Platform and containers/image's Schema2Descriptor / Schema2PlatformSpec.



const optString = (cur, v, path, raw) => (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goString */ .WF)(cur ?? '', v, path, raw);
const stringSlice = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goSlice */ .PW)(_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goString */ .WF, () => '');
const stringMap = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goStringMap */ .KM)(_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goString */ .WF, () => '');
const bytesField = (cur, v, path) => {
    if (v === null)
        return undefined;
    if (typeof v !== 'string')
        throw (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .typeError */ .lq)(path, v, 'a base64 string');
    const b = (0,_jws_js__WEBPACK_IMPORTED_MODULE_2__/* .goBase64Decode */ .sG)(v, 'std');
    if (!b)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ManifestError */ .S('invalid-field', `field ${JSON.stringify(path)}: illegal base64 data`);
    return b;
};
const zeroPlatform = () => ({ os: '', architecture: '' });
/** image-spec v1.Platform (no `features`). */
const ociPlatform = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goStruct */ .cM)([
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('architecture', 'architecture', _go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goString */ .WF),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('os', 'os', _go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goString */ .WF),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('os.version', 'osVersion', optString),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('os.features', 'osFeatures', stringSlice),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('variant', 'variant', optString)
]);
/** containers/image Schema2PlatformSpec. */
const schema2Platform = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goStruct */ .cM)([
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('architecture', 'architecture', _go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goString */ .WF),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('os', 'os', _go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goString */ .WF),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('os.version', 'osVersion', optString),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('os.features', 'osFeatures', stringSlice),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('variant', 'variant', optString),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('features', 'features', stringSlice)
]);
const zeroDescriptor = () => ({ mediaType: '', digest: '', size: 0 });
/** image-spec v1.Descriptor. */
const ociDescriptor = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goStruct */ .cM)([
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('mediaType', 'mediaType', _go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goString */ .WF),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('digest', 'digest', _go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goString */ .WF),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('size', 'size', _go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goInt */ .C),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('urls', 'urls', stringSlice),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('annotations', 'annotations', stringMap),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('data', 'data', bytesField),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('platform', 'platform', (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goPointer */ .O0)(ociPlatform, zeroPlatform)),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('artifactType', 'artifactType', optString)
]);
const ociDescriptorSlice = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goSlice */ .PW)(ociDescriptor, zeroDescriptor);
/** containers/image Schema2Descriptor. */
const schema2Descriptor = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goStruct */ .cM)([
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('mediaType', 'mediaType', _go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goString */ .WF),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('size', 'size', _go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goInt */ .C),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('digest', 'digest', _go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goString */ .WF),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('urls', 'urls', stringSlice)
]);
/** containers/image Schema2ManifestDescriptor: a Schema2Descriptor with a (non-pointer) platform. */
const schema2ManifestDescriptor = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goStruct */ .cM)([
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('mediaType', 'mediaType', _go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goString */ .WF),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('size', 'size', _go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goInt */ .C),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('digest', 'digest', _go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .goString */ .WF),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('urls', 'urls', stringSlice),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)('platform', 'platform', (cur, v, path, raw) => schema2Platform(cur ?? zeroPlatform(), v, path, raw))
]);
const zeroSchema2ManifestDescriptor = () => ({
    ...zeroDescriptor(),
    platform: zeroPlatform()
});
const annotationsField = stringMap;

// ---------------------------------------------------------------------------------------------------
// Encoders; `undefined` leaves a field out (omitempty).
function omitEmpty(s) {
    return s === undefined || s === '' ? undefined : s;
}
function omitEmptyList(a) {
    return a === undefined || a.length === 0 ? undefined : a;
}
function omitEmptyMap(m) {
    if (m === undefined)
        return undefined;
    const entries = Object.entries(m);
    return entries.length === 0 ? undefined : new _go_json_js__WEBPACK_IMPORTED_MODULE_1__/* .GoMap */ .tn(entries);
}
function encodeOciPlatform(p) {
    return {
        architecture: p.architecture,
        os: p.os,
        'os.version': omitEmpty(p.osVersion),
        'os.features': omitEmptyList(p.osFeatures),
        variant: omitEmpty(p.variant)
    };
}
function encodeSchema2Platform(p) {
    return {
        architecture: p.architecture,
        os: p.os,
        'os.version': omitEmpty(p.osVersion),
        'os.features': omitEmptyList(p.osFeatures),
        variant: omitEmpty(p.variant),
        features: omitEmptyList(p.features)
    };
}
function encodeOciDescriptor(d) {
    return {
        mediaType: d.mediaType,
        digest: d.digest,
        size: d.size,
        urls: omitEmptyList(d.urls),
        annotations: omitEmptyMap(d.annotations),
        data: d.data && d.data.length > 0 ? d.data.toString('base64') : undefined,
        platform: d.platform ? encodeOciPlatform(d.platform) : undefined,
        artifactType: omitEmpty(d.artifactType)
    };
}
function encodeSchema2Descriptor(d) {
    return { mediaType: d.mediaType, size: d.size, digest: d.digest, urls: omitEmptyList(d.urls) };
}
function encodeSchema2ManifestDescriptor(d) {
    return {
        mediaType: d.mediaType,
        size: d.size,
        digest: d.digest,
        urls: omitEmptyList(d.urls),
        platform: encodeSchema2Platform(d.platform ?? zeroPlatform())
    };
}
// ---------------------------------------------------------------------------------------------------
// Copies for the public API: no shared arrays or maps, and Go's empty values shown as absent.
function clonePlatform(p) {
    const out = { os: p.os, architecture: p.architecture };
    if (p.variant)
        out.variant = p.variant;
    if (p.osVersion)
        out.osVersion = p.osVersion;
    if (p.osFeatures && p.osFeatures.length > 0)
        out.osFeatures = [...p.osFeatures];
    if (p.features && p.features.length > 0)
        out.features = [...p.features];
    return out;
}
function cloneDescriptor(d) {
    const out = { mediaType: d.mediaType, digest: d.digest, size: d.size };
    if (d.urls && d.urls.length > 0)
        out.urls = [...d.urls];
    if (d.annotations && Object.keys(d.annotations).length > 0)
        out.annotations = { ...d.annotations };
    if (d.platform)
        out.platform = clonePlatform(d.platform);
    if (d.artifactType)
        out.artifactType = d.artifactType;
    if (d.data && d.data.length > 0)
        out.data = Buffer.from(d.data);
    return out;
}


/***/ }),

/***/ 9971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PM: () => (/* binding */ checkDescriptorDigests),
  vj: () => (/* binding */ checkDigestField),
  Mk: () => (/* binding */ digestWithAlgorithm),
  fH: () => (/* binding */ isValidDigest),
  It: () => (/* binding */ manifestDigest),
  _j: () => (/* binding */ matchesDigest),
  m: () => (/* binding */ parseDigest),
  sI: () => (/* binding */ sha256Digest)
});

// UNUSED EXPORTS: manifestDigestedBytes

// EXTERNAL MODULE: ./src/lazy-builtin.ts
var lazy_builtin = __webpack_require__(839);
// EXTERNAL MODULE: ./src/manifest/errors.ts
var errors = __webpack_require__(1738);
// EXTERNAL MODULE: ./src/manifest/guess.ts
var guess = __webpack_require__(7520);
// EXTERNAL MODULE: ./src/manifest/jws.ts
var jws = __webpack_require__(8077);
// EXTERNAL MODULE: ./src/manifest/media-types.ts
var media_types = __webpack_require__(9405);
;// CONCATENATED MODULE: ./src/manifest/sha256.ts
// SHA-256 (FIPS 180-4) in JavaScript, for the few small inputs a run hashes before anything else needs
// node:crypto: a re-run that finds the destination up to date hashes one or two manifests, and loading
// node:crypto for them costs ~9 ms of CPU, more than the hashing itself. Bulk data (blobs, anything
// above SMALL_INPUT_BYTES) always goes through node:crypto.
/** The first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const ROUND_CONSTANTS = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2
]);
/** The first 32 bits of the fractional parts of the square roots of the first 8 primes. */
const INITIAL_STATE = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
];
/**
 * The largest input hashed here (larger ones are refused). Hashed once, in V8's interpreter, 8 KiB take
 * ~5 ms; beyond that loading node:crypto costs less.
 */
const SMALL_INPUT_BYTES = 8 * 1024;
/** The message with its padding: a 1 bit, zeros, and the length in bits as a 64-bit big-endian number. */
function padded(bytes) {
    const blocks = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
    blocks.set(bytes);
    blocks[bytes.length] = 0x80;
    const view = new DataView(blocks.buffer);
    view.setUint32(blocks.length - 4, bytes.length * 8); // < 2^32 bits: inputs are at most SMALL_INPUT_BYTES
    return view;
}
// Names follow FIPS 180-4: s0 and s1 are its σ0 and σ1 (the message schedule), S0 and S1 its Σ0 and Σ1.
// The rotations are written out (x >>> n | x << 32 - n) rather than called: these inputs are hashed once
// per process, in V8's interpreter, where a call per rotation made a 2 KiB manifest take 4-10 ms instead
// of 1.5 ms.
function compress(state, message, offset, w) {
    for (let i = 0; i < 16; i++)
        w[i] = message.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
        const x = w[i - 15];
        const y = w[i - 2];
        const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let a = state[0];
    let b = state[1];
    let c = state[2];
    let d = state[3];
    let e = state[4];
    let f = state[5];
    let g = state[6];
    let h = state[7];
    for (let i = 0; i < 64; i++) {
        const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        const t1 = (h + S1 + ((e & f) ^ (~e & g)) + ROUND_CONSTANTS[i] + w[i]) | 0;
        const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g;
        g = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) | 0;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
}
/** The SHA-256 of `bytes` (at most SMALL_INPUT_BYTES) as 64 lowercase hex digits. */
function jsSha256Hex(bytes) {
    if (bytes.length > SMALL_INPUT_BYTES)
        throw new RangeError(`jsSha256Hex takes at most ${SMALL_INPUT_BYTES} bytes`);
    const message = padded(bytes);
    const state = Uint32Array.from(INITIAL_STATE);
    const schedule = new Uint32Array(64);
    for (let offset = 0; offset < message.byteLength; offset += 64)
        compress(state, message, offset, schedule);
    let hex = '';
    for (const word of state)
        hex += word.toString(16).padStart(8, '0');
    return hex;
}

;// CONCATENATED MODULE: ./src/manifest/digest.ts






const hexLengths = { sha256: 64, sha384: 96, sha512: 128 };
/**
 * A sha256 digest. Small inputs are hashed in JavaScript until node:crypto has been loaded through
 * `nodeCrypto` (a re-run that moves no blob never loads it).
 */
function sha256Digest(bytes) {
    const inJavaScript = bytes.length <= SMALL_INPUT_BYTES && !lazy_builtin/* nodeCrypto */.S.loaded();
    if (inJavaScript)
        return `sha256:${jsSha256Hex(bytes)}`;
    return `sha256:${(0,lazy_builtin/* nodeCrypto */.S)().createHash('sha256').update(bytes).digest('hex')}`;
}
/** A digest of `bytes` with one of the algorithms go-digest knows (sha256, sha384, sha512). */
function digestWithAlgorithm(bytes, algorithm) {
    if (!(algorithm in hexLengths)) {
        throw new errors/* ManifestError */.S('invalid-digest', `unsupported digest algorithm ${JSON.stringify(algorithm)}`);
    }
    if (algorithm === 'sha256')
        return sha256Digest(bytes);
    return `${algorithm}:` + (0,lazy_builtin/* nodeCrypto */.S)().createHash(algorithm).update(bytes).digest('hex');
}
/**
 * The digest of a manifest as registries and containers/image compute it: the bytes' sha256, except
 * for signed schema1, whose digest covers the payload with the signatures removed.
 */
function manifestDigest(bytes, algorithm = 'sha256') {
    return digestWithAlgorithm(manifestDigestedBytes(bytes), algorithm);
}
/** The bytes whose hash is the manifest's digest. */
function manifestDigestedBytes(bytes) {
    if ((0,guess/* guessMimeTypeOrEmpty */.K)(bytes) === media_types/* MediaType */.zu.DockerV2Schema1Signed)
        return (0,jws/* schema1SignedPayload */.fh)(bytes);
    return bytes;
}
/** Whether the manifest has this digest (any supported algorithm). Throws if a schema1 signature cannot be parsed. */
function matchesDigest(bytes, digest) {
    let algorithm;
    try {
        algorithm = parseDigest(digest).algorithm;
    }
    catch {
        return false;
    }
    return manifestDigest(bytes, algorithm) === digest;
}
/** Validates a digest as go-digest does: a known algorithm and lowercase hex of the right length. */
function parseDigest(digest) {
    const i = digest.indexOf(':');
    if (i <= 0 || i + 1 === digest.length) {
        throw new errors/* ManifestError */.S('invalid-digest', `invalid digest ${JSON.stringify(digest)}: expected algorithm:hex`);
    }
    const algorithm = digest.slice(0, i);
    const hex = digest.slice(i + 1);
    const length = hexLengths[algorithm];
    if (length === undefined) {
        throw new errors/* ManifestError */.S('invalid-digest', `invalid digest ${JSON.stringify(digest)}: unsupported algorithm ${JSON.stringify(algorithm)} (sha256, sha384 or sha512)`);
    }
    if (hex.length !== length || !/^[a-f0-9]+$/.test(hex)) {
        throw new errors/* ManifestError */.S('invalid-digest', `invalid digest ${JSON.stringify(digest)}: ${algorithm} needs ${length} lowercase hexadecimal characters`);
    }
    return { algorithm, hex };
}
function isValidDigest(digest) {
    try {
        parseDigest(digest);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Refuses a digest taken from a manifest field before anything uses it (a path or a URL built from
 * `sha256:../../x` would reach other files or other API endpoints). `field` is where it was found,
 * e.g. `manifests[1].digest`.
 */
function checkDigestField(digest, field) {
    if (isValidDigest(digest))
        return;
    const shown = digest.length > 100 ? `${digest.slice(0, 100)}…` : digest;
    throw new errors/* ManifestError */.S('invalid-digest', `invalid digest ${JSON.stringify(shown)} in ${field}`);
}
/**
 * Checks the digests of descriptors found at `field` (`layers`, `manifests`) or of one descriptor
 * (`config`, `subject`); one descriptor may be absent (digest ''), as Go decodes a missing `config`.
 */
function checkDescriptorDigests(descriptors, field) {
    if (descriptors === undefined)
        return;
    if (!Array.isArray(descriptors)) {
        const digest = descriptors.digest;
        if (digest !== '')
            checkDigestField(digest, `${field}.digest`);
        return;
    }
    descriptors.forEach((d, i) => checkDigestField(d.digest, `${field}[${i}].digest`));
}


/***/ }),

/***/ 1738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ ManifestError)
/* harmony export */ });
class ManifestError extends Error {
    kind;
    constructor(kind, message, options) {
        super(message, options);
        this.name = 'ManifestError';
        this.kind = kind;
    }
}


/***/ }),

/***/ 3609:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tn: () => (/* binding */ GoMap),
  WP: () => (/* reexport */ JsonNumber),
  Y5: () => (/* reexport */ JsonObject),
  jg: () => (/* binding */ RawJson),
  ZZ: () => (/* binding */ field),
  Hq: () => (/* binding */ goAny),
  B7: () => (/* binding */ goBool),
  Bm: () => (/* binding */ goEmptyStruct),
  C: () => (/* binding */ goInt),
  vy: () => (/* binding */ goMarshal),
  O0: () => (/* binding */ goPointer),
  PW: () => (/* binding */ goSlice),
  WF: () => (/* binding */ goString),
  KM: () => (/* binding */ goStringMap),
  cM: () => (/* binding */ goStruct),
  qF: () => (/* binding */ parseJson),
  o6: () => (/* binding */ rawObjectEntries),
  P5: () => (/* binding */ setOwn),
  lq: () => (/* binding */ typeError)
});

// UNUSED EXPORTS: compactJson, compareUtf8, goDecodeUtf8, goParseJson, goQuote, jsonKind

// EXTERNAL MODULE: ./src/manifest/errors.ts
var errors = __webpack_require__(1738);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./src/manifest/json-value.ts
// The values a JSON document parses to (go-json.ts): numbers keep their text, objects keep every
// entry in document order, duplicates included, and where in the document each value was.
class JsonNumber {
    text;
    constructor(text) {
        this.text = text;
    }
}
/** A parsed JSON object: entries in document order (duplicates kept), with the byte span of each value. */
class JsonObject {
    entries;
    source;
    #spans;
    /** `spans` may be a function, called once when a span is first asked for (json-native.ts). */
    constructor(entries, spans, source) {
        this.entries = entries;
        this.source = source;
        this.#spans = spans;
    }
    get spans() {
        if (typeof this.#spans === 'function')
            this.#spans = this.#spans();
        return this.#spans;
    }
    rawValue(i) {
        const [start, end] = this.spans[i];
        return this.source.subarray(start, end);
    }
}

;// CONCATENATED MODULE: ./src/manifest/json-native.ts
// The common case of parseJson (go-json.ts) done by the engine's JSON.parse. A document that is valid
// UTF-8 and has no duplicate key, no escaped surrogate and no array-index-like key in an object of
// several keys parses to exactly the values Go's rules give, so JSON.parse may read it. Go's rules
// need a JavaScript loop over every byte, which in a short-lived process costs ~2 ms of CPU for a
// 2 KB manifest, most of it the JIT compiling that loop; JSON.parse costs ~0.1 ms. For any other
// document (and every invalid one) parseNative answers undefined, and go-json.ts's parser reads it.


/** Outside strings: every string (skipped whole), every number and every colon (one per object entry). */
const TOKENS = /"[^"\\]*(?:\\.[^"\\]*)*"|-?\d[\d.eE+-]*|:/g;
/** Keys an object holds before all others whatever their place in the text (array indices). */
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;
/** Go turns an escaped lone surrogate into U+FFFD; JSON.parse keeps it. */
const ESCAPED_SURROGATE = /\\u[dD][89a-fA-F]/;
/** Thrown while converting when the document is not one JSON.parse may read. */
class NotNative extends Error {
}
/** The document's values as go-json.ts gives them, or undefined when only go-json.ts may read it. */
function parseNative(input, maxDepth, goParse) {
    if (!(0,external_node_buffer_.isUtf8)(input))
        return undefined;
    const text = Buffer.from(input.buffer, input.byteOffset, input.length).toString('utf8');
    if (text.includes('\\u') && ESCAPED_SURROGATE.test(text))
        return undefined;
    try {
        const parsed = JSON.parse(text);
        let colons = 0;
        const numbers = [];
        TOKENS.lastIndex = 0;
        for (let m = TOKENS.exec(text); m; m = TOKENS.exec(text)) {
            if (m[0] === ':')
                colons++;
            else if (m[0][0] !== '"')
                numbers.push(m[0]);
        }
        const converted = new Converter(input, numbers, maxDepth, goParse);
        const value = converted.value(parsed, 0, []);
        // Fewer entries than colons: a key was repeated, and JSON.parse kept only its last value.
        return converted.entries === colons && converted.nextNumber === numbers.length ? value : undefined;
    }
    catch {
        // Invalid JSON, a NotNative document, or one nested deeper than this stack: go-json.ts decides.
        return undefined;
    }
}
/** JSON.parse's values as go-json.ts's: numbers with their text, objects with lazily found spans. */
class Converter {
    input;
    numbers;
    maxDepth;
    goParse;
    entries = 0;
    nextNumber = 0;
    #twin;
    constructor(input, numbers, maxDepth, goParse) {
        this.input = input;
        this.numbers = numbers;
        this.maxDepth = maxDepth;
        this.goParse = goParse;
    }
    /** `path`: the entry or element index of each enclosing value, from the top, to find its twin. */
    value(v, depth, path) {
        if (depth > this.maxDepth)
            throw new NotNative();
        if (typeof v === 'number') {
            const text = this.numbers[this.nextNumber++];
            if (text === undefined)
                throw new NotNative();
            return new JsonNumber(text);
        }
        if (v === null || typeof v !== 'object')
            return v;
        if (Array.isArray(v))
            return v.map((e, i) => this.value(e, depth + 1, [...path, i]));
        const record = v;
        const keys = Object.keys(record);
        if (keys.length > 1 && keys.some(k => INDEX_KEY.test(k)))
            throw new NotNative();
        this.entries += keys.length;
        const entries = keys.map((k, i) => [
            k,
            this.value(record[k], depth + 1, [...path, i])
        ]);
        return new JsonObject(entries, () => this.spansAt(path), this.input);
    }
    /** Byte spans are rarely needed (a time's exact text, a raw map): go-json.ts's parse provides them. */
    spansAt(path) {
        this.#twin ??= this.goParse(this.input);
        let node = this.#twin;
        for (const i of path)
            node = node instanceof JsonObject ? node.entries[i][1] : node[i];
        return node.spans;
    }
}

;// CONCATENATED MODULE: ./src/manifest/go-json.ts
// A JSON reader and writer that behave like Go's encoding/json, which containers/image uses for every
// manifest, list and config it writes. Digests of what we write must equal skopeo's, so this mirrors
// Go's rules: struct fields in declaration order, map keys sorted bytewise, HTML-safe escaping, invalid
// UTF-8 replaced by U+FFFD, case-insensitive struct field matching, and "duplicate key" merging.




const MAX_DEPTH = 10000;
class Truncated extends Error {
}
/**
 * Parses JSON as Go's encoding/json accepts it. Throws ManifestError 'truncated' or 'malformed-json'.
 * Most documents are read by JSON.parse (json-native.ts, which says when); the rest, and every
 * error, by the parser below.
 */
function parseJson(input, what = 'JSON') {
    return parseNative(input, MAX_DEPTH, goParseJson) ?? goParseJson(input, what);
}
/** parseJson without JSON.parse: every byte read by this module's own parser. */
function goParseJson(input, what = 'JSON') {
    const p = new Parser(input);
    try {
        p.skipSpace();
        if (p.pos >= input.length) {
            throw new errors/* ManifestError */.S('malformed-json', `invalid ${what}: empty input`);
        }
        const v = p.value(0);
        p.skipSpace();
        if (p.pos < input.length)
            p.fail(`after top-level value`);
        return v;
    }
    catch (e) {
        if (e instanceof Truncated) {
            throw new errors/* ManifestError */.S('truncated', `invalid ${what}: unexpected end of JSON input (truncated?)`);
        }
        if (e instanceof RangeError) {
            throw new errors/* ManifestError */.S('malformed-json', `invalid ${what}: nested too deeply`);
        }
        if (e instanceof errors/* ManifestError */.S && e.kind === 'malformed-json' && what !== 'JSON') {
            throw new errors/* ManifestError */.S('malformed-json', e.message.replace(/^invalid JSON/, `invalid ${what}`));
        }
        throw e;
    }
}
class Parser {
    b;
    pos = 0;
    constructor(b) {
        this.b = b;
    }
    fail(context) {
        if (this.pos >= this.b.length)
            throw new Truncated();
        const c = this.b[this.pos];
        const shown = c >= 0x20 && c < 0x7f ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16).padStart(2, '0')}`;
        throw new errors/* ManifestError */.S('malformed-json', `invalid JSON: invalid character ${shown} ${context} at offset ${this.pos}`);
    }
    skipSpace() {
        const b = this.b;
        while (this.pos < b.length) {
            const c = b[this.pos];
            if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d)
                this.pos++;
            else
                break;
        }
    }
    value(depth) {
        if (depth > MAX_DEPTH)
            throw new errors/* ManifestError */.S('malformed-json', 'invalid JSON: exceeded max depth');
        const b = this.b;
        if (this.pos >= b.length)
            throw new Truncated();
        const c = b[this.pos];
        switch (c) {
            case 0x7b:
                return this.object(depth);
            case 0x5b:
                return this.array(depth);
            case 0x22:
                return this.string();
            case 0x74:
                return this.literal('true', true);
            case 0x66:
                return this.literal('false', false);
            case 0x6e:
                return this.literal('null', null);
            default:
                if (c === 0x2d || (c >= 0x30 && c <= 0x39))
                    return this.number();
                return this.fail('looking for beginning of value');
        }
    }
    literal(text, v) {
        for (let i = 0; i < text.length; i++) {
            if (this.pos >= this.b.length)
                throw new Truncated();
            if (this.b[this.pos] !== text.charCodeAt(i))
                this.fail(`in literal ${text}`);
            this.pos++;
        }
        return v;
    }
    digits() {
        const start = this.pos;
        while (this.pos < this.b.length && this.b[this.pos] >= 0x30 && this.b[this.pos] <= 0x39)
            this.pos++;
        return this.pos - start;
    }
    number() {
        const b = this.b;
        const start = this.pos;
        if (b[this.pos] === 0x2d)
            this.pos++;
        if (this.pos >= b.length)
            throw new Truncated();
        if (b[this.pos] === 0x30)
            this.pos++;
        else if (b[this.pos] >= 0x31 && b[this.pos] <= 0x39)
            this.digits();
        else
            this.fail('in numeric literal');
        if (this.pos < b.length && b[this.pos] === 0x2e) {
            this.pos++;
            if (this.digits() === 0)
                this.fail('after decimal point in numeric literal');
        }
        if (this.pos < b.length && (b[this.pos] === 0x65 || b[this.pos] === 0x45)) {
            this.pos++;
            if (this.pos < b.length && (b[this.pos] === 0x2b || b[this.pos] === 0x2d))
                this.pos++;
            if (this.digits() === 0)
                this.fail('in exponent of numeric literal');
        }
        return new JsonNumber(latin1(b.subarray(start, this.pos)));
    }
    hex4(at) {
        let v = 0;
        for (let i = 0; i < 4; i++) {
            const c = this.b[at + i];
            let d;
            if (c >= 0x30 && c <= 0x39)
                d = c - 0x30;
            else if (c >= 0x61 && c <= 0x66)
                d = c - 0x57;
            else if (c >= 0x41 && c <= 0x46)
                d = c - 0x37;
            else
                return -1;
            v = v * 16 + d;
        }
        return v;
    }
    string() {
        const b = this.b;
        this.pos++; // opening quote
        let out = '';
        let chunkStart = this.pos;
        let simple = true;
        for (;;) {
            if (this.pos >= b.length)
                throw new Truncated();
            const c = b[this.pos];
            if (c === 0x22) {
                const tail = b.subarray(chunkStart, this.pos);
                out += simple ? utf8Ascii(tail) : goDecodeUtf8(tail);
                this.pos++;
                return out;
            }
            if (c < 0x20)
                this.fail('in string literal');
            if (c >= 0x80)
                simple = false;
            if (c !== 0x5c) {
                this.pos++;
                continue;
            }
            out += goDecodeUtf8(b.subarray(chunkStart, this.pos));
            this.pos++;
            if (this.pos >= b.length)
                throw new Truncated();
            const e = b[this.pos];
            switch (e) {
                case 0x22:
                case 0x5c:
                case 0x2f:
                    out += String.fromCharCode(e);
                    break;
                case 0x62:
                    out += '\b';
                    break;
                case 0x66:
                    out += '\f';
                    break;
                case 0x6e:
                    out += '\n';
                    break;
                case 0x72:
                    out += '\r';
                    break;
                case 0x74:
                    out += '\t';
                    break;
                case 0x75: {
                    for (let i = 1; i <= 4; i++) {
                        if (this.pos + i >= b.length)
                            throw new Truncated();
                    }
                    let r = this.hex4(this.pos + 1);
                    if (r < 0) {
                        this.pos++;
                        while (this.hex4Digit(this.b[this.pos]))
                            this.pos++;
                        this.fail('in \\u hexadecimal character escape');
                    }
                    this.pos += 4;
                    if (r >= 0xd800 && r < 0xe000) {
                        // Go accepts a valid surrogate pair; anything else becomes U+FFFD.
                        const next = this.pos + 1;
                        if (r < 0xdc00 &&
                            b[next] === 0x5c &&
                            b[next + 1] === 0x75 &&
                            next + 5 < b.length &&
                            this.hex4(next + 2) >= 0xdc00 &&
                            this.hex4(next + 2) < 0xe000) {
                            out += String.fromCharCode(r, this.hex4(next + 2));
                            this.pos += 6;
                            break;
                        }
                        r = 0xfffd;
                    }
                    out += String.fromCharCode(r);
                    break;
                }
                default:
                    this.fail('in string escape code');
            }
            this.pos++;
            chunkStart = this.pos;
            simple = true;
        }
    }
    hex4Digit(c) {
        return (c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)));
    }
    array(depth) {
        const b = this.b;
        this.pos++;
        const out = [];
        this.skipSpace();
        if (this.pos >= b.length)
            throw new Truncated();
        if (b[this.pos] === 0x5d) {
            this.pos++;
            return out;
        }
        for (;;) {
            this.skipSpace();
            out.push(this.value(depth + 1));
            this.skipSpace();
            if (this.pos >= b.length)
                throw new Truncated();
            const c = b[this.pos];
            if (c === 0x2c) {
                this.pos++;
                continue;
            }
            if (c === 0x5d) {
                this.pos++;
                return out;
            }
            this.fail('after array element');
        }
    }
    object(depth) {
        const b = this.b;
        this.pos++;
        const entries = [];
        const spans = [];
        this.skipSpace();
        if (this.pos >= b.length)
            throw new Truncated();
        if (b[this.pos] === 0x7d) {
            this.pos++;
            return new JsonObject(entries, spans, b);
        }
        for (;;) {
            this.skipSpace();
            if (this.pos >= b.length)
                throw new Truncated();
            if (b[this.pos] !== 0x22)
                this.fail('looking for beginning of object key string');
            const key = this.string();
            this.skipSpace();
            if (this.pos >= b.length)
                throw new Truncated();
            if (b[this.pos] !== 0x3a)
                this.fail('after object key');
            this.pos++;
            this.skipSpace();
            const start = this.pos;
            const v = this.value(depth + 1);
            entries.push([key, v]);
            spans.push([start, this.pos]);
            this.skipSpace();
            if (this.pos >= b.length)
                throw new Truncated();
            const c = b[this.pos];
            if (c === 0x2c) {
                this.pos++;
                continue;
            }
            if (c === 0x7d) {
                this.pos++;
                return new JsonObject(entries, spans, b);
            }
            this.fail('after object key:value pair');
        }
    }
}
function latin1(b) {
    let s = '';
    for (let i = 0; i < b.length; i++)
        s += String.fromCharCode(b[i]);
    return s;
}
function utf8Ascii(b) {
    return b.length < 64 ? latin1(b) : Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');
}
/** Decodes UTF-8 as Go's utf8.DecodeRune does: each invalid byte becomes one U+FFFD. */
function goDecodeUtf8(b) {
    let out = '';
    let i = 0;
    while (i < b.length) {
        const [cp, size] = decodeRune(b, i);
        out += String.fromCodePoint(cp);
        i += size;
    }
    return out;
}
function decodeRune(b, i) {
    const b0 = b[i];
    if (b0 < 0x80)
        return [b0, 1];
    const cont = (j, lo = 0x80, hi = 0xbf) => i + j < b.length && b[i + j] >= lo && b[i + j] <= hi;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
        if (cont(1))
            return [((b0 & 0x1f) << 6) | (b[i + 1] & 0x3f), 2];
    }
    else if (b0 >= 0xe0 && b0 <= 0xef) {
        const lo = b0 === 0xe0 ? 0xa0 : 0x80;
        const hi = b0 === 0xed ? 0x9f : 0xbf;
        if (cont(1, lo, hi) && cont(2))
            return [((b0 & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f), 3];
    }
    else if (b0 >= 0xf0 && b0 <= 0xf4) {
        const lo = b0 === 0xf0 ? 0x90 : 0x80;
        const hi = b0 === 0xf4 ? 0x8f : 0xbf;
        if (cont(1, lo, hi) && cont(2) && cont(3)) {
            return [
                ((b0 & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f),
                4
            ];
        }
    }
    return [0xfffd, 1];
}
// ---------------------------------------------------------------------------------------------------
// Writer
/** A Go map: written with keys sorted bytewise (UTF-8 order), as encoding/json does. */
class GoMap {
    entries;
    constructor(entries) {
        this.entries = entries;
    }
}
/** Already-encoded JSON (Go's json.RawMessage): written compacted, with HTML-unsafe characters escaped. */
class RawJson {
    bytes;
    constructor(bytes) {
        this.bytes = bytes;
    }
}
function goMarshal(v) {
    const parts = [];
    write(v, parts);
    return Buffer.from(parts.join(''), 'utf8');
}
function write(v, out) {
    if (v === null) {
        out.push('null');
    }
    else if (typeof v === 'string') {
        out.push(goQuote(v));
    }
    else if (typeof v === 'boolean') {
        out.push(v ? 'true' : 'false');
    }
    else if (typeof v === 'number') {
        if (!Number.isInteger(v) || Math.abs(v) > 2 ** 53) {
            throw new errors/* ManifestError */.S('invalid-field', `cannot write ${v}: only integers up to 2^53 are supported`);
        }
        out.push(String(v));
    }
    else if (typeof v === 'bigint') {
        out.push(v.toString());
    }
    else if (Array.isArray(v)) {
        out.push('[');
        v.forEach((e, i) => {
            if (i > 0)
                out.push(',');
            write(e, out);
        });
        out.push(']');
    }
    else if (v instanceof GoMap) {
        const entries = [...v.entries];
        const byKey = new Map();
        for (const [k, val] of entries)
            byKey.set(k, val);
        const keys = [...byKey.keys()].sort(compareUtf8);
        out.push('{');
        keys.forEach((k, i) => {
            if (i > 0)
                out.push(',');
            out.push(goQuote(k), ':');
            write(byKey.get(k), out);
        });
        out.push('}');
    }
    else if (v instanceof RawJson) {
        out.push(compactJson(v.bytes).toString('utf8'));
    }
    else {
        out.push('{');
        let first = true;
        for (const [k, val] of Object.entries(v)) {
            if (val === undefined)
                continue;
            if (!first)
                out.push(',');
            first = false;
            out.push(goQuote(k), ':');
            write(val, out);
        }
        out.push('}');
    }
}
/** Orders strings as Go orders map keys: by their UTF-8 bytes, i.e. by code point. */
function compareUtf8(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const ca = a.codePointAt(i);
        const cb = b.codePointAt(i);
        if (ca !== cb)
            return ca < cb ? -1 : 1;
        if (ca > 0xffff)
            i++;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
const HEX = '0123456789abcdef';
/** Quotes a string as Go's encoding/json does with HTML escaping (the default of json.Marshal). */
function goQuote(s) {
    let out = '"';
    let start = 0;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        let rep;
        if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26) {
            switch (c) {
                case 0x22:
                    rep = '\\"';
                    break;
                case 0x5c:
                    rep = '\\\\';
                    break;
                case 0x08:
                    rep = '\\b';
                    break;
                case 0x0c:
                    rep = '\\f';
                    break;
                case 0x0a:
                    rep = '\\n';
                    break;
                case 0x0d:
                    rep = '\\r';
                    break;
                case 0x09:
                    rep = '\\t';
                    break;
                default:
                    rep = '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
            }
        }
        else if (c === 0x2028 || c === 0x2029) {
            rep = c === 0x2028 ? '\\u2028' : '\\u2029';
        }
        else if (c >= 0xd800 && c < 0xe000) {
            const next = s.charCodeAt(i + 1);
            if (c < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
                i++;
                continue;
            }
            rep = '\\ufffd'; // a lone surrogate cannot be UTF-8; Go writes invalid UTF-8 as \ufffd
        }
        if (rep !== undefined) {
            out += s.slice(start, i) + rep;
            start = i + 1;
        }
    }
    return out + s.slice(start) + '"';
}
/** Go's json.Compact with HTML escaping, as Marshal applies it to a json.RawMessage. */
function compactJson(src) {
    const out = [];
    let inString = false;
    let escaped = false;
    for (let i = 0; i < src.length; i++) {
        const c = src[i];
        if (c === 0x3c || c === 0x3e || c === 0x26) {
            out.push(0x5c, 0x75, 0x30, 0x30, HEX.charCodeAt(c >> 4), HEX.charCodeAt(c & 0xf));
            escaped = false;
            continue;
        }
        if (c === 0xe2 && i + 2 < src.length && src[i + 1] === 0x80 && (src[i + 2] & ~1) === 0xa8) {
            out.push(0x5c, 0x75, 0x32, 0x30, 0x32, HEX.charCodeAt(src[i + 2] & 0xf));
            i += 2;
            escaped = false;
            continue;
        }
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c === 0x5c)
                escaped = true;
            else if (c === 0x22)
                inString = false;
            out.push(c);
        }
        else if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
            continue;
        }
        else {
            if (c === 0x22)
                inString = true;
            out.push(c);
        }
    }
    return Buffer.from(out);
}
function typeError(path, v, expected) {
    return new errors/* ManifestError */.S('invalid-field', `field ${JSON.stringify(path || '.')}: cannot use ${jsonKind(v)} as ${expected}`);
}
function jsonKind(v) {
    if (v === null)
        return 'null';
    if (typeof v === 'string')
        return `string ${JSON.stringify(v.length > 80 ? v.slice(0, 80) + '…' : v)}`;
    if (typeof v === 'boolean')
        return `boolean ${v}`;
    if (v instanceof JsonNumber)
        return `number ${v.text}`;
    if (Array.isArray(v))
        return 'array';
    return 'object';
}
const goString = (cur, v, path) => {
    if (v === null)
        return cur;
    if (typeof v !== 'string')
        throw typeError(path, v, 'a string');
    return v;
};
const goBool = (cur, v, path) => {
    if (v === null)
        return cur;
    if (typeof v !== 'boolean')
        throw typeError(path, v, 'a boolean');
    return v;
};
/** An int64 field. Values beyond 2^53 cannot be held exactly by a JS number and are refused. */
const goInt = (cur, v, path) => {
    if (v === null)
        return cur;
    if (!(v instanceof JsonNumber) || !/^-?\d+$/.test(v.text))
        throw typeError(path, v, 'an integer');
    const n = Number(v.text);
    if (v.text !== '-0' && String(n) !== v.text) {
        throw new errors/* ManifestError */.S('invalid-field', `field ${JSON.stringify(path)}: integer ${v.text} is out of the supported range`);
    }
    return n === 0 ? 0 : n;
};
/** An `any` field: only whether it is set matters to us. */
const goAny = (_cur, v) => (v === null ? undefined : v);
function goSlice(elem, zero) {
    return (cur, v, path, raw) => {
        if (v === null)
            return undefined;
        if (!Array.isArray(v))
            throw typeError(path, v, 'an array');
        // Go reuses the previous backing array, so elements of a repeated key merge into earlier ones.
        return v.map((e, i) => elem(cur !== undefined && i < cur.length ? cur[i] : zero(), e, `${path}[${i}]`, raw));
    };
}
/** Defines an own property even for keys like `__proto__`. */
function setOwn(obj, key, value) {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
function goStringMap(elem, zero) {
    return (cur, v, path) => {
        if (v === null)
            return undefined;
        if (!(v instanceof JsonObject))
            throw typeError(path, v, 'an object');
        const out = cur ?? {};
        v.entries.forEach(([k, e], i) => setOwn(out, k, elem(zero(), e, `${path}.${k}`, () => v.rawValue(i))));
        return out;
    };
}
/** A map field whose values are Go empty structs (e.g. ExposedPorts): any object becomes `{}`. */
const goEmptyStruct = (cur, v, path) => {
    if (v === null)
        return cur;
    if (!(v instanceof JsonObject))
        throw typeError(path, v, 'an object');
    return cur;
};
/** Go's key folding for struct fields: ASCII case-insensitive, plus the two non-ASCII runes that fold into ASCII. */
function foldKey(s) {
    return s
        .toLowerCase()
        .replace(/\u017f/g, 's')
        .replace(/\u212a/g, 'k');
}
function field(json, key, dec) {
    return {
        json,
        apply: (target, v, path, raw) => {
            target[key] = dec(target[key], v, path, raw);
        }
    };
}
/** Decodes an object into a Go struct value, matching keys to fields as encoding/json does; unknown keys are dropped. */
function goStruct(fields) {
    const byExact = new Map();
    const byFold = new Map();
    for (const f of fields) {
        byExact.set(f.json, f);
        if (!byFold.has(foldKey(f.json)))
            byFold.set(foldKey(f.json), f);
    }
    return (cur, v, path) => {
        if (v === null)
            return cur;
        if (!(v instanceof JsonObject))
            throw typeError(path, v, 'an object');
        v.entries.forEach(([k, e], i) => {
            const f = byExact.get(k) ?? byFold.get(foldKey(k));
            if (f)
                f.apply(cur, e, path ? `${path}.${f.json}` : f.json, () => v.rawValue(i));
        });
        return cur;
    };
}
/** A pointer-to-struct field: null clears it, an object decodes into the existing value or a new one. */
function goPointer(dec, zero) {
    return (cur, v, path, raw) => (v === null ? undefined : dec(cur ?? zero(), v, path, raw));
}
/** The top-level keys of a JSON object and their raw values, as Go's `map[string]*json.RawMessage` holds them. */
function rawObjectEntries(v, what) {
    if (v === null)
        return new Map();
    if (!(v instanceof JsonObject))
        throw new errors/* ManifestError */.S('invalid-field', `${what}: expected a JSON object, got ${jsonKind(v)}`);
    const m = new Map();
    v.entries.forEach(([k, e], i) => m.set(k, e === null ? null : new RawJson(v.rawValue(i))));
    return m;
}


/***/ }),

/***/ 7520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ guessMimeTypeOrEmpty),
/* harmony export */   _: () => (/* binding */ guessMimeType)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1738);
/* harmony import */ var _descriptors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4491);
/* harmony import */ var _go_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3609);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9405);




const metaDecoder = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goStruct */ .cM)([
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .field */ .ZZ)('mediaType', 'mediaType', _go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .field */ .ZZ)('schemaVersion', 'schemaVersion', _go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goInt */ .C),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .field */ .ZZ)('signatures', 'signatures', _go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goAny */ .Hq)
]);
const configMediaTypeDecoder = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goStruct */ .cM)([
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .field */ .ZZ)('config', 'config', (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goStruct */ .cM)([(0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .field */ .ZZ)('mediaType', 'mediaType', _go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF)]))
]);
const manifestsDecoder = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goStruct */ .cM)([
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .field */ .ZZ)('manifests', 'manifests', _descriptors_js__WEBPACK_IMPORTED_MODULE_1__/* .ociDescriptorSlice */ .F1)
]);
/**
 * containers/image GuessMIMEType: the type a manifest declares or, failing that, what its shape says.
 * Returns '' where upstream does (unknown, or not decodable as a manifest).
 */
function guessMimeTypeOrEmpty(bytes) {
    try {
        return guessFromJson((0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .qF)(bytes));
    }
    catch {
        return '';
    }
}
function guessFromJson(doc) {
    const meta = metaDecoder({ mediaType: '', schemaVersion: 0, signatures: undefined }, doc, '', () => new Uint8Array());
    switch (meta.mediaType) {
        case _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.DockerV2Schema2:
        case _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.DockerV2List:
        case _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.OCIManifest:
        case _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.OCIIndex:
            return meta.mediaType;
    }
    switch (meta.schemaVersion) {
        case 1:
            return meta.signatures !== undefined ? _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.DockerV2Schema1Signed : _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.DockerV2Schema1;
        case 2: {
            const oci = configMediaTypeDecoder({ config: { mediaType: '' } }, doc, '', () => new Uint8Array());
            switch (oci.config.mediaType) {
                case _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.OCIConfig:
                    return _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.OCIManifest;
                case _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.DockerV2Schema2Config:
                    return _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.DockerV2Schema2;
            }
            const index = manifestsDecoder({ manifests: undefined }, doc, '', () => new Uint8Array());
            if (index.manifests !== undefined && index.manifests.length > 0) {
                // Upstream returns the config media type here when there is one (a known FIXME); we keep that.
                return oci.config.mediaType === '' ? _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.OCIIndex : oci.config.mediaType;
            }
            // Most likely an OCI artifact with a custom config media type.
            return _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.OCIManifest;
        }
    }
    return '';
}
/**
 * The MIME type of a manifest, as containers/image guesses it. Unlike upstream (which returns ""),
 * failures are errors: 'malformed-json', 'truncated', or 'unknown-media-type'.
 */
function guessMimeType(bytes) {
    const doc = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .qF)(bytes, 'manifest');
    let guessed;
    try {
        guessed = guessFromJson(doc);
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ManifestError */ .S) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ManifestError */ .S('unknown-media-type', `cannot tell the manifest's type: ${e.message}`, {
                cause: e
            });
        }
        throw e;
    }
    if (guessed === '') {
        const declared = doc && typeof doc === 'object' && !Array.isArray(doc) ? describeDeclared(bytes) : 'not a JSON object';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ManifestError */ .S('unknown-media-type', `unrecognized manifest type (${declared})`);
    }
    return guessed;
}
function describeDeclared(bytes) {
    const doc = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .qF)(bytes);
    const meta = (() => {
        try {
            return metaDecoder({ mediaType: '', schemaVersion: 0, signatures: undefined }, doc, '', () => bytes);
        }
        catch {
            return undefined;
        }
    })();
    if (!meta)
        return 'unreadable mediaType/schemaVersion';
    const parts = [];
    parts.push(meta.mediaType ? `mediaType ${JSON.stringify(meta.mediaType)}` : 'no mediaType');
    parts.push(`schemaVersion ${meta.schemaVersion}`);
    return parts.join(', ');
}


/***/ }),

/***/ 571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GU: () => (/* reexport */ DockerSchema1Manifest),
  TX: () => (/* reexport */ DockerSchema2Manifest),
  tn: () => (/* reexport */ go_json/* GoMap */.tn),
  Sh: () => (/* reexport */ errors/* ManifestError */.S),
  zu: () => (/* reexport */ media_types/* MediaType */.zu),
  se: () => (/* reexport */ media_types/* allManifestMimeTypes */.se),
  El: () => (/* reexport */ assertNoNestedLists),
  Js: () => (/* reexport */ attestedDigest),
  sb: () => (/* reexport */ canChangeLayerCompression),
  vj: () => (/* reexport */ manifest_digest/* checkDigestField */.vj),
  rH: () => (/* reexport */ convertManifest),
  _k: () => (/* reexport */ media_types/* defaultRequestedManifestMimeTypes */._k),
  Mk: () => (/* reexport */ manifest_digest/* digestWithAlgorithm */.Mk),
  fH: () => (/* reexport */ fallbackTag),
  Bq: () => (/* reexport */ formatPlatform),
  vy: () => (/* reexport */ go_json/* goMarshal */.vy),
  _B: () => (/* reexport */ guess/* guessMimeType */._),
  KO: () => (/* reexport */ guess/* guessMimeTypeOrEmpty */.K),
  XJ: () => (/* reexport */ imageCount),
  VI: () => (/* reexport */ media_types/* isListMimeType */.VI),
  rn: () => (/* reexport */ media_types/* isSchema1MimeType */.rn),
  y4: () => (/* reexport */ manifest_digest/* isValidDigest */.fH),
  yc: () => (/* reexport */ media_types/* listMimeTypeFor */.yc),
  It: () => (/* reexport */ manifest_digest/* manifestDigest */.It),
  tQ: () => (/* reexport */ manifestLinks),
  VO: () => (/* reexport */ matchesArtifactTypes),
  _j: () => (/* reexport */ manifest_digest/* matchesDigest */._j),
  l1: () => (/* reexport */ mergeReferrersIndex),
  CN: () => (/* reexport */ nodeToOciPlatform),
  Ej: () => (/* reexport */ media_types/* normalizeMimeType */.Ej),
  fD: () => (/* reexport */ ociLayerVariants),
  m: () => (/* reexport */ manifest_digest/* parseDigest */.m),
  Sw: () => (/* reexport */ parseImageManifest),
  qF: () => (/* reexport */ go_json/* parseJson */.qF),
  E1: () => (/* reexport */ parseList),
  Mb: () => (/* reexport */ media_types/* parseMimeTypeOption */.tQ),
  FL: () => (/* reexport */ parsePlatform),
  AH: () => (/* reexport */ parseReferrersIndex),
  J5: () => (/* reexport */ platformMatches),
  xh: () => (/* reexport */ referrerDescriptor),
  ZD: () => (/* reexport */ schema2LayerVariants),
  l5: () => (/* reexport */ selectInstances),
  sI: () => (/* reexport */ manifest_digest/* sha256Digest */.sI),
  aX: () => (/* reexport */ media_types/* supportedListMimeTypes */.aX)
});

// UNUSED EXPORTS: AttestationManifestType, AttestationReferenceDigestAnnotation, AttestationReferenceTypeAnnotation, DockerManifestList, GZIPPED_EMPTY_LAYER, GZIPPED_EMPTY_LAYER_DIGEST, OCIEmptyConfig, OciIndex, OciManifest, RawJson, ZstdInstanceAnnotation, checkDescriptor, checkDescriptorDigests, compactJson, describePlatforms, dockerConfigToOci, goQuote, isAttestation, manifestDigestedBytes, updatedLayerMediaType, verifySchema1Signatures, wantedPlatforms, withAttestations

// EXTERNAL MODULE: ./src/manifest/errors.ts
var errors = __webpack_require__(1738);
// EXTERNAL MODULE: ./src/manifest/media-types.ts
var media_types = __webpack_require__(9405);
// EXTERNAL MODULE: ./src/manifest/digest.ts + 1 modules
var manifest_digest = __webpack_require__(9971);
// EXTERNAL MODULE: ./src/manifest/guess.ts
var guess = __webpack_require__(7520);
// EXTERNAL MODULE: ./src/manifest/go-json.ts + 2 modules
var go_json = __webpack_require__(3609);
;// CONCATENATED MODULE: ./src/manifest/go-time.ts
// Go's time.Time JSON round trip: UnmarshalJSON accepts strict RFC 3339 (without JSON unescaping),
// MarshalJSON writes RFC3339Nano of the parsed value. The wall clock and offset are kept, so the only
// visible changes are: trailing zeros of the fraction dropped (and more than 9 digits cut), "+00:00" → "Z".


const GO_ZERO_TIME = '0001-01-01T00:00:00Z';
function daysIn(month, year) {
    if (month === 2)
        return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
    return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}
/** Parses what Go's Time.UnmarshalJSON accepts (the text between the quotes) and returns RFC3339Nano. */
function goTimeCanonical(text) {
    const s = text;
    if (s.length < 19)
        return undefined;
    let ok = true;
    const num = (from, to, min, max) => {
        const part = s.slice(from, to);
        if (!/^\d+$/.test(part)) {
            ok = false;
            return min;
        }
        const x = Number(part);
        if (x < min || x > max) {
            ok = false;
            return min;
        }
        return x;
    };
    const year = num(0, 4, 0, 9999);
    const month = num(5, 7, 1, 12);
    const day = num(8, 10, 1, daysIn(month, year));
    const hour = num(11, 13, 0, 23);
    const minute = num(14, 16, 0, 59);
    const second = num(17, 19, 0, 59);
    if (!ok || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':')
        return undefined;
    let rest = s.slice(19);
    let fraction = '';
    if (rest.length >= 2 && rest[0] === '.' && /\d/.test(rest[1])) {
        let n = 1;
        while (n < rest.length && /\d/.test(rest[n]))
            n++;
        fraction = rest.slice(1, Math.min(n, 10)).padEnd(9, '0').replace(/0+$/, '');
        rest = rest.slice(n);
    }
    let zone;
    if (rest === 'Z') {
        zone = 'Z';
    }
    else {
        if (rest.length !== 6)
            return undefined;
        if ((rest[0] !== '+' && rest[0] !== '-') || rest[3] !== ':')
            return undefined;
        if (!/^\d\d$/.test(rest.slice(1, 3)) || !/^\d\d$/.test(rest.slice(4, 6)))
            return undefined;
        const h = Number(rest.slice(1, 3));
        const m = Number(rest.slice(4, 6));
        if (h > 23 || m > 59)
            return undefined;
        zone = h === 0 && m === 0 ? 'Z' : rest;
    }
    const pad = (v, n) => String(v).padStart(n, '0');
    return (`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}` +
        (fraction ? '.' + fraction : '') +
        zone);
}
/** A time.Time field: the value is kept as the RFC3339Nano text Go would write back. */
const goTime = (cur, v, path, raw) => {
    if (v === null)
        return cur;
    if (typeof v !== 'string')
        throw (0,go_json/* typeError */.lq)(path, v, 'a time string');
    const bytes = raw();
    const text = Buffer.from(bytes.subarray(1, bytes.length - 1)).toString('latin1');
    const canonical = goTimeCanonical(text);
    if (canonical === undefined) {
        throw new errors/* ManifestError */.S('invalid-field', `field ${JSON.stringify(path)}: ${JSON.stringify(v)} is not an RFC 3339 time`);
    }
    return canonical;
};
/** A *time.Time field. */
const goTimePointer = (cur, v, path, raw) => v === null ? undefined : goTime(cur ?? GO_ZERO_TIME, v, path, raw);

// EXTERNAL MODULE: ./src/manifest/jws.ts
var jws = __webpack_require__(8077);
;// CONCATENATED MODULE: ./src/manifest/layer-media-types.ts
// Which layer media type a compression change leads to (containers/image compressionMIMETypeSet tables).


const schema2LayerVariants = [
    { '': media_types/* MediaType */.zu.DockerV2Schema2ForeignLayer, gzip: media_types/* MediaType */.zu.DockerV2Schema2ForeignLayerGzip, zstd: null },
    { '': media_types/* MediaType */.zu.DockerV2SchemaLayerUncompressed, gzip: media_types/* MediaType */.zu.DockerV2Schema2Layer, zstd: null }
];
const ociLayerVariants = [
    {
        '': media_types/* MediaType */.zu.OCILayerNonDistributable,
        gzip: media_types/* MediaType */.zu.OCILayerNonDistributableGzip,
        zstd: media_types/* MediaType */.zu.OCILayerNonDistributableZstd
    },
    { '': media_types/* MediaType */.zu.OCILayer, gzip: media_types/* MediaType */.zu.OCILayerGzip, zstd: media_types/* MediaType */.zu.OCILayerZstd }
];
/** Schema1 has no layer media types; the table only tells which compressions it can hold. */
const schema1FakeLayerType = media_types/* MediaType */.zu.DockerV2Schema2Layer;
const schema1LayerVariants = [
    { '': schema1FakeLayerType, gzip: schema1FakeLayerType, zstd: null }
];
function baseVariant(algorithm) {
    return algorithm === 'gzip' ? 'gzip' : 'zstd';
}
function incompatible(message) {
    return new errors/* ManifestError */.S('unsupported-conversion', message);
}
function variantMediaType(table, mimeType, algorithm) {
    const variants = mimeType === '' ? undefined : table.find(set => Object.values(set).includes(mimeType));
    if (variants === undefined) {
        throw new errors/* ManifestError */.S('unsupported-conversion', algorithm
            ? `unsupported MIME type for compression: ${JSON.stringify(mimeType)}`
            : `unsupported MIME type for decompression: ${JSON.stringify(mimeType)}`);
    }
    const name = algorithm ? baseVariant(algorithm) : '';
    const result = variants[name];
    if (result !== null)
        return result;
    throw incompatible(name === ''
        ? `uncompressed variant is not supported for type ${JSON.stringify(mimeType)}`
        : `${name} compression is not supported for type ${JSON.stringify(mimeType)}`);
}
/** containers/image updatedMIMEType: the media type of a layer after `change`. */
function updatedLayerMediaType(table, mimeType, change) {
    switch (change.operation) {
        case 'preserve':
            return 'algorithm' in change ? variantMediaType(table, mimeType, change.algorithm) : mimeType;
        case 'decompress':
            return variantMediaType(table, mimeType);
        case 'compress':
            return variantMediaType(table, mimeType, change.algorithm);
    }
}
/** Whether layers of this type can be (de)compressed in a manifest of this table's format. */
function canChangeLayerCompression(table, mimeType) {
    return mimeType !== '' && table.some(set => Object.values(set).includes(mimeType));
}
/** UpdateLayerInfos replaces layers one for one: the count must not change. */
function assertSameLayerCount(original, updated) {
    if (original !== updated) {
        throw new errors/* ManifestError */.S('invalid-field', `preparing updated manifest: layer count changed from ${original} to ${updated}`);
    }
}

;// CONCATENATED MODULE: ./src/manifest/unambiguous.ts


const essentialFields = ['config', 'fsLayers', 'history', 'layers', 'manifests'];
const detector = (0,go_json/* goStruct */.cM)(essentialFields.map(name => (0,go_json/* field */.ZZ)(name, name, go_json/* goAny */.Hq)));
/**
 * containers/image ValidateUnambiguousManifestFormat: refuses a manifest that also carries the
 * essential fields of another format (so one blob cannot be read as two different things).
 */
function validateUnambiguousFormat(doc, mimeType, allowed) {
    const found = detector({ config: undefined, fsLayers: undefined, history: undefined, layers: undefined, manifests: undefined }, doc, '', () => new Uint8Array());
    const unexpected = essentialFields.filter(name => found[name] !== undefined && !allowed.includes(name));
    if (unexpected.length > 0) {
        throw new errors/* ManifestError */.S('invalid-field', `rejecting ambiguous manifest, unexpected fields ${unexpected.map(f => JSON.stringify(f)).join(', ')} in supposedly ${mimeType}`);
    }
}

;// CONCATENATED MODULE: ./src/manifest/docker-schema1.ts








const schema1Doc = (0,go_json/* goStruct */.cM)([
    (0,go_json/* field */.ZZ)('name', 'name', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('tag', 'tag', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('architecture', 'architecture', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('fsLayers', 'fsLayers', (0,go_json/* goSlice */.PW)((0,go_json/* goStruct */.cM)([(0,go_json/* field */.ZZ)('blobSum', 'blobSum', go_json/* goString */.WF)]), () => ({ blobSum: '' }))),
    (0,go_json/* field */.ZZ)('history', 'history', (0,go_json/* goSlice */.PW)((0,go_json/* goStruct */.cM)([(0,go_json/* field */.ZZ)('v1Compatibility', 'v1Compatibility', go_json/* goString */.WF)]), () => ({
        v1Compatibility: ''
    }))),
    (0,go_json/* field */.ZZ)('schemaVersion', 'schemaVersion', go_json/* goInt */.C)
]);
const v1CompatibilityDecoder = (0,go_json/* goStruct */.cM)([
    (0,go_json/* field */.ZZ)('id', 'id', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('parent', 'parent', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('comment', 'comment', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('created', 'created', goTime),
    (0,go_json/* field */.ZZ)('container_config', 'cmd', (cur, v, path, raw) => (0,go_json/* goStruct */.cM)([
        (0,go_json/* field */.ZZ)('Cmd', 'cmd', (0,go_json/* goSlice */.PW)(go_json/* goString */.WF, () => ''))
    ])({ cmd: cur }, v, path, raw).cmd),
    (0,go_json/* field */.ZZ)('author', 'author', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('throwaway', 'throwaway', go_json/* goBool */.B7)
]);
function parseV1Compatibility(text, index) {
    const bytes = Buffer.from(text, 'utf8');
    try {
        return v1CompatibilityDecoder({
            id: '',
            parent: '',
            comment: '',
            created: GO_ZERO_TIME,
            cmd: undefined,
            author: '',
            throwaway: false
        }, (0,go_json/* parseJson */.qF)(bytes, 'v1Compatibility'), '', () => bytes);
    }
    catch (e) {
        throw new errors/* ManifestError */.S('invalid-field', `parsing v2s1 history entry ${index}: ${e.message}`, {
            cause: e
        });
    }
}
class DockerSchema1Manifest {
    doc;
    compat;
    original;
    mimeType;
    constructor(doc, compat, original, signed) {
        this.doc = doc;
        this.compat = compat;
        this.original = original;
        this.mimeType = signed ? media_types/* MediaType */.zu.DockerV2Schema1Signed : media_types/* MediaType */.zu.DockerV2Schema1;
    }
    /** Parses and checks a schema1 manifest as containers/image Schema1FromManifest does. */
    static parse(bytes, mimeType = media_types/* MediaType */.zu.DockerV2Schema1Signed) {
        const json = (0,go_json/* parseJson */.qF)(bytes, 'schema1 manifest');
        const doc = schema1Doc({ name: '', tag: '', architecture: '', fsLayers: undefined, history: undefined, schemaVersion: 0 }, json, '', () => bytes);
        if (doc.schemaVersion !== 1) {
            throw new errors/* ManifestError */.S('invalid-field', `unsupported schema version ${doc.schemaVersion} for a schema1 manifest`);
        }
        validateUnambiguousFormat(json, media_types/* MediaType */.zu.DockerV2Schema1Signed, ['fsLayers', 'history']);
        const fsLayers = doc.fsLayers ?? [];
        const history = doc.history ?? [];
        if (fsLayers.length !== history.length) {
            throw new errors/* ManifestError */.S('invalid-field', 'length of history not equal to number of layers');
        }
        if (fsLayers.length === 0)
            throw new errors/* ManifestError */.S('invalid-field', 'no FSLayers in manifest');
        fsLayers.forEach((l, i) => (0,manifest_digest/* checkDigestField */.vj)(l.blobSum, `fsLayers[${i}].blobSum`));
        const compat = history.map((h, i) => parseV1Compatibility(h.v1Compatibility, i));
        fixManifestLayers(fsLayers, history, compat);
        return new DockerSchema1Manifest({ ...doc, fsLayers, history }, compat, Buffer.from(bytes), mimeType !== media_types/* MediaType */.zu.DockerV2Schema1);
    }
    /** containers/image Schema1FromComponents: a new (signed when serialized) manifest; blobSums and history newest first. */
    static fromComponents(reference, architecture, blobSums, v1Compatibility) {
        if (blobSums.length !== v1Compatibility.length) {
            throw new errors/* ManifestError */.S('invalid-field', 'length of history not equal to number of layers');
        }
        if (blobSums.length === 0)
            throw new errors/* ManifestError */.S('invalid-field', 'no FSLayers in manifest');
        return new DockerSchema1Manifest({
            name: reference.name,
            tag: reference.tag,
            architecture,
            fsLayers: blobSums.map(blobSum => ({ blobSum })),
            history: v1Compatibility.map(v1 => ({ v1Compatibility: v1 })),
            schemaVersion: 1
        }, v1Compatibility.map((h, i) => parseV1Compatibility(h, i)), undefined, true);
    }
    /** The embedded repository name and tag. */
    get name() {
        return this.doc.name;
    }
    get tag() {
        return this.doc.tag;
    }
    get architecture() {
        return this.doc.architecture;
    }
    /** The v1Compatibility strings, newest first, as in the manifest. */
    v1CompatibilityStrings() {
        return this.doc.history.map(h => h.v1Compatibility);
    }
    /** blobSums, newest first, as in the manifest. */
    blobSums() {
        return this.doc.fsLayers.map(l => l.blobSum);
    }
    configDescriptor() {
        return undefined;
    }
    layerInfos() {
        const out = [];
        for (let i = this.doc.fsLayers.length - 1; i >= 0; i--) {
            out.push({
                mediaType: '',
                digest: this.doc.fsLayers[i].blobSum,
                size: -1,
                emptyLayer: this.compat[i].throwaway
            });
        }
        return out;
    }
    isImage() {
        return true;
    }
    /**
     * Unchanged: the original bytes (and signatures). Changed: Go's encoding of the manifest signed with a
     * throw-away key, as containers/image does; the digest (of the payload) is deterministic, the bytes are not.
     */
    serialize() {
        if (this.original)
            return Buffer.from(this.original);
        const d = this.doc;
        const payload = (0,go_json/* goMarshal */.vy)({
            name: d.name,
            tag: d.tag,
            architecture: d.architecture,
            fsLayers: d.fsLayers.map(l => ({ blobSum: l.blobSum })),
            history: d.history.map(h => ({ v1Compatibility: h.v1Compatibility })),
            schemaVersion: d.schemaVersion
        });
        return (0,jws/* addDummySchema1Signature */.eG)(payload);
    }
    updateLayerInfos(infos) {
        const n = this.doc.fsLayers.length;
        if (infos.length !== n) {
            throw new errors/* ManifestError */.S('invalid-field', `preparing updated manifest: layer count changed from ${n} to ${infos.length}`);
        }
        const fsLayers = new Array(n);
        infos.forEach((info, i) => {
            if (info.compression)
                updatedLayerMediaType(schema1LayerVariants, schema1FakeLayerType, info.compression);
            fsLayers[n - 1 - i] = { blobSum: info.digest };
        });
        return this.changed({ ...this.doc, fsLayers });
    }
    /** The manifest naming another repository and tag (schema1 embeds them; containers/image rewrites them on copy). */
    withEmbeddedReference(name, tag) {
        if (name === this.doc.name && tag === this.doc.tag)
            return this;
        return this.changed({ ...this.doc, name, tag });
    }
    changed(doc) {
        return new DockerSchema1Manifest({ ...doc, fsLayers: [...doc.fsLayers], history: [...doc.history] }, this.compat, undefined, true);
    }
}
/** containers/image fixManifestLayers: checks the v1 ID chain and drops consecutive duplicate entries. */
function fixManifestLayers(fsLayers, history, compat) {
    for (const c of compat) {
        if (!/^[a-f0-9]{64}$/.test(c.id))
            throw new errors/* ManifestError */.S('invalid-field', `image ID ${JSON.stringify(c.id)} is invalid`);
    }
    if (compat[compat.length - 1].parent !== '') {
        throw new errors/* ManifestError */.S('invalid-field', 'Invalid parent ID in the base layer of the image');
    }
    const seen = new Set();
    let lastId;
    for (const c of compat) {
        if (c.id !== lastId && seen.has(c.id)) {
            throw new errors/* ManifestError */.S('invalid-field', `ID ${c.id} appears multiple times in manifest`);
        }
        lastId = c.id;
        seen.add(c.id);
    }
    for (let i = compat.length - 2; i >= 0; i--) {
        if (compat[i].id === compat[i + 1].id) {
            fsLayers.splice(i, 1);
            history.splice(i, 1);
            compat.splice(i, 1);
        }
        else if (compat[i].parent !== compat[i + 1].id) {
            throw new errors/* ManifestError */.S('invalid-field', `Invalid parent ID. Expected ${compat[i + 1].id}, got ${JSON.stringify(compat[i].parent)}`);
        }
    }
}

// EXTERNAL MODULE: ./src/manifest/descriptors.ts
var descriptors = __webpack_require__(4491);
;// CONCATENATED MODULE: ./src/manifest/docker-schema2.ts








const schema2Doc = (0,go_json/* goStruct */.cM)([
    (0,go_json/* field */.ZZ)('schemaVersion', 'schemaVersion', go_json/* goInt */.C),
    (0,go_json/* field */.ZZ)('mediaType', 'mediaType', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('config', 'config', descriptors/* schema2Descriptor */.X5),
    (0,go_json/* field */.ZZ)('layers', 'layers', (0,go_json/* goSlice */.PW)(descriptors/* schema2Descriptor */.X5, descriptors/* zeroDescriptor */.Of))
]);
/** Media types containers/image accepts in a schema2 manifest (SupportedSchema2MediaType). */
const supportedSchema2MediaTypes = [
    media_types/* MediaType */.zu.DockerV2List,
    media_types/* MediaType */.zu.DockerV2Schema1,
    media_types/* MediaType */.zu.DockerV2Schema1Signed,
    media_types/* MediaType */.zu.DockerV2Schema2Config,
    media_types/* MediaType */.zu.DockerV2Schema2ForeignLayer,
    media_types/* MediaType */.zu.DockerV2Schema2ForeignLayerGzip,
    media_types/* MediaType */.zu.DockerV2Schema2Layer,
    media_types/* MediaType */.zu.DockerV2Schema2,
    media_types/* MediaType */.zu.DockerV2SchemaLayerUncompressed,
    media_types/* MediaType */.zu.DockerV2SchemaLayerZstd
];
function checkSupported(mediaType, what) {
    if (!supportedSchema2MediaTypes.includes(mediaType)) {
        throw new errors/* ManifestError */.S('invalid-field', `${what}: unsupported docker v2s2 media type: ${JSON.stringify(mediaType)}`);
    }
}
class DockerSchema2Manifest {
    doc;
    mimeType = media_types/* MediaType */.zu.DockerV2Schema2;
    constructor(doc) {
        this.doc = doc;
    }
    static parse(bytes) {
        const json = (0,go_json/* parseJson */.qF)(bytes, 'docker schema2 manifest');
        const doc = schema2Doc({ schemaVersion: 0, mediaType: '', config: (0,descriptors/* zeroDescriptor */.Of)(), layers: undefined }, json, '', () => bytes);
        validateUnambiguousFormat(json, media_types/* MediaType */.zu.DockerV2Schema2, ['config', 'layers']);
        (0,manifest_digest/* checkDescriptorDigests */.PM)(doc.config, 'config');
        (0,manifest_digest/* checkDescriptorDigests */.PM)(doc.layers, 'layers');
        checkSupported(doc.mediaType, 'manifest mediaType');
        doc.layers?.forEach((l, i) => checkSupported(l.mediaType, `layers[${i}].mediaType`));
        return new DockerSchema2Manifest(doc);
    }
    static fromComponents(config, layers) {
        return new DockerSchema2Manifest({
            schemaVersion: 2,
            mediaType: media_types/* MediaType */.zu.DockerV2Schema2,
            config: schema2Only(config),
            layers: layers.map(schema2Only)
        });
    }
    configDescriptor() {
        return (0,descriptors/* cloneDescriptor */.V5)(schema2Only(this.doc.config));
    }
    layerInfos() {
        return (this.doc.layers ?? []).map(l => ({ ...(0,descriptors/* cloneDescriptor */.V5)(schema2Only(l)), emptyLayer: false }));
    }
    isImage() {
        return true;
    }
    serialize() {
        const d = this.doc;
        return (0,go_json/* goMarshal */.vy)({
            schemaVersion: d.schemaVersion,
            mediaType: d.mediaType,
            config: (0,descriptors/* encodeSchema2Descriptor */.XS)(d.config),
            layers: d.layers === undefined ? null : d.layers.map(descriptors/* encodeSchema2Descriptor */.XS)
        });
    }
    updateLayerInfos(infos) {
        const original = this.doc.layers ?? [];
        assertSameLayerCount(original.length, infos.length);
        const layers = infos.map((info, i) => {
            const mediaType = original[i].mediaType;
            checkSupported(mediaType, `original layer ${info.digest}`);
            let updated = mediaType;
            if (info.compression) {
                updated = updatedLayerMediaType(schema2LayerVariants, mediaType, info.compression);
            }
            else if (info.mediaType !== undefined) {
                checkSupported(info.mediaType, `layer ${info.digest}`);
                updated = info.mediaType;
            }
            const layer = { mediaType: updated, size: info.size, digest: info.digest };
            if (info.urls)
                layer.urls = [...info.urls];
            return layer;
        });
        return new DockerSchema2Manifest({ ...this.doc, config: { ...this.doc.config }, layers });
    }
}
function schema2Only(d) {
    const out = { mediaType: d.mediaType, size: d.size, digest: d.digest };
    if (d.urls)
        out.urls = [...d.urls];
    return out;
}

;// CONCATENATED MODULE: ./src/manifest/oci-manifest.ts







const ociManifestDoc = (0,go_json/* goStruct */.cM)([
    (0,go_json/* field */.ZZ)('schemaVersion', 'schemaVersion', go_json/* goInt */.C),
    (0,go_json/* field */.ZZ)('mediaType', 'mediaType', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('artifactType', 'artifactType', descriptors/* optString */.$2),
    (0,go_json/* field */.ZZ)('config', 'config', descriptors/* ociDescriptor */.PM),
    (0,go_json/* field */.ZZ)('layers', 'layers', descriptors/* ociDescriptorSlice */.F1),
    (0,go_json/* field */.ZZ)('subject', 'subject', (0,go_json/* goPointer */.O0)(descriptors/* ociDescriptor */.PM, descriptors/* zeroDescriptor */.Of)),
    (0,go_json/* field */.ZZ)('annotations', 'annotations', descriptors/* annotationsField */.x$)
]);
/** What containers/image reports for a blob of an OCI manifest (BlobInfoFromOCI1Descriptor). */
function blobInfo(d) {
    const out = { mediaType: d.mediaType, digest: d.digest, size: d.size };
    if (d.urls)
        out.urls = d.urls;
    if (d.annotations)
        out.annotations = d.annotations;
    return (0,descriptors/* cloneDescriptor */.V5)(out);
}
class OciManifest {
    doc;
    mimeType = media_types/* MediaType */.zu.OCIManifest;
    constructor(doc) {
        this.doc = doc;
    }
    static parse(bytes) {
        const json = (0,go_json/* parseJson */.qF)(bytes, 'OCI manifest');
        const doc = ociManifestDoc({
            schemaVersion: 0,
            mediaType: '',
            artifactType: undefined,
            config: (0,descriptors/* zeroDescriptor */.Of)(),
            layers: undefined,
            subject: undefined,
            annotations: undefined
        }, json, '', () => bytes);
        validateUnambiguousFormat(json, media_types/* MediaType */.zu.OCIManifest, ['config', 'layers']);
        (0,manifest_digest/* checkDescriptorDigests */.PM)(doc.config, 'config');
        (0,manifest_digest/* checkDescriptorDigests */.PM)(doc.layers, 'layers');
        (0,manifest_digest/* checkDescriptorDigests */.PM)(doc.subject, 'subject');
        return new OciManifest(doc);
    }
    static fromComponents(config, layers) {
        return new OciManifest({
            schemaVersion: 2,
            mediaType: media_types/* MediaType */.zu.OCIManifest,
            artifactType: undefined,
            config: (0,descriptors/* cloneDescriptor */.V5)(config),
            layers: layers.map(descriptors/* cloneDescriptor */.V5),
            subject: undefined,
            annotations: undefined
        });
    }
    configDescriptor() {
        return blobInfo(this.doc.config);
    }
    layerInfos() {
        return (this.doc.layers ?? []).map(l => ({ ...blobInfo(l), emptyLayer: false }));
    }
    /** The manifest's artifactType, or else its config's media type when that is not an image config. */
    artifactType() {
        return this.doc.artifactType || undefined;
    }
    annotations() {
        return this.doc.annotations ? { ...this.doc.annotations } : undefined;
    }
    subject() {
        return this.doc.subject ? (0,descriptors/* cloneDescriptor */.V5)(this.doc.subject) : undefined;
    }
    isImage() {
        return this.doc.config.mediaType === media_types/* MediaType */.zu.OCIConfig;
    }
    /** The error containers/image gives for image-only operations on an artifact (NonImageArtifactError). */
    nonImageReason() {
        const type = this.doc.artifactType || this.doc.config.mediaType;
        if (type === media_types/* MediaType */.zu.DockerV2Schema2Config) {
            return `invalid mixed OCI image with Docker v2s2 config (${JSON.stringify(type)})`;
        }
        return `unsupported image-specific operation on artifact with type ${JSON.stringify(type)}`;
    }
    serialize() {
        const d = this.doc;
        return (0,go_json/* goMarshal */.vy)({
            schemaVersion: d.schemaVersion,
            mediaType: (0,descriptors/* omitEmpty */.fd)(d.mediaType),
            artifactType: (0,descriptors/* omitEmpty */.fd)(d.artifactType),
            config: (0,descriptors/* encodeOciDescriptor */.te)(d.config),
            layers: d.layers === undefined ? null : d.layers.map(descriptors/* encodeOciDescriptor */.te),
            subject: d.subject ? (0,descriptors/* encodeOciDescriptor */.te)(d.subject) : undefined,
            annotations: (0,descriptors/* omitEmptyMap */.Dv)(d.annotations)
        });
    }
    updateLayerInfos(infos) {
        const original = this.doc.layers ?? [];
        assertSameLayerCount(original.length, infos.length);
        const layers = infos.map((info, i) => {
            let mediaType = original[i].mediaType;
            if (info.compression)
                mediaType = updatedLayerMediaType(ociLayerVariants, mediaType, info.compression);
            else if (info.mediaType !== undefined)
                mediaType = info.mediaType;
            // Like upstream, the entry is rebuilt: other fields of the original (data, platform…) are not kept.
            const layer = { mediaType, digest: info.digest, size: info.size };
            if (info.urls)
                layer.urls = [...info.urls];
            if (info.annotations)
                layer.annotations = { ...info.annotations };
            return layer;
        });
        return new OciManifest({ ...this.doc, layers });
    }
}

;// CONCATENATED MODULE: ./src/manifest/attestation.ts
// BuildKit attestation manifests (docker/build-push-action adds provenance and SBOM by default): list
// entries with platform unknown/unknown and the annotations below, each naming the image it describes.
// They are not images to run: a platform never picks them, and a subset of a list keeps exactly the
// attestations of the images it keeps.

const AttestationReferenceTypeAnnotation = 'vnd.docker.reference.type';
const AttestationReferenceDigestAnnotation = 'vnd.docker.reference.digest';
const AttestationManifestType = 'attestation-manifest';
/** Whether a list entry is an attestation manifest (by its reference-type annotation). */
function isAttestation(entry) {
    return entry.annotations?.[AttestationReferenceTypeAnnotation] === AttestationManifestType;
}
/** The digest of the image an attestation entry describes; undefined for other entries or a bad digest. */
function attestedDigest(entry) {
    if (!isAttestation(entry))
        return undefined;
    const digest = entry.annotations?.[AttestationReferenceDigestAnnotation];
    return digest !== undefined && (0,manifest_digest/* isValidDigest */.fH)(digest) ? digest : undefined;
}
/**
 * `selected` plus the attestations of the selected images, in list order. Attestations not named in
 * `selected` whose image is not selected stay out.
 */
function withAttestations(entries, selected) {
    const chosen = new Set(selected);
    for (const e of entries) {
        const of = attestedDigest(e);
        if (of !== undefined && chosen.has(of))
            chosen.add(e.digest);
    }
    return entries.map(e => e.digest).filter((d, i, all) => chosen.has(d) && all.indexOf(d) === i);
}
/** The entries that are images (not attestations): the only ones a platform may pick. */
function imageEntries(entries) {
    return entries.filter(e => !isAttestation(e));
}
/** How many entries are images (not attestations). */
function imageCount(entries) {
    return imageEntries(entries).length;
}

;// CONCATENATED MODULE: ./src/manifest/platform.ts


/** Parses `os/arch[/variant]` (e.g. `linux/arm64`, `linux/arm/v7`). */
function parsePlatform(value) {
    const parts = value.trim().split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some(p => p === '' || /\s/.test(p))) {
        throw new errors/* ManifestError */.S('invalid-platform', `invalid platform ${JSON.stringify(value)}: expected os/architecture[/variant], e.g. linux/arm64 or linux/arm/v7`);
    }
    const platform = { os: parts[0], architecture: parts[1] };
    if (parts[2] !== undefined)
        platform.variant = parts[2];
    return platform;
}
function formatPlatform(p) {
    return p.variant ? `${p.os}/${p.architecture}/${p.variant}` : `${p.os}/${p.architecture}`;
}
const nodeArchitectures = {
    x64: 'amd64',
    ia32: '386',
    arm: 'arm',
    arm64: 'arm64',
    ppc64: 'ppc64le', // Node reports little-endian POWER as ppc64
    s390x: 's390x',
    riscv64: 'riscv64',
    loong64: 'loong64',
    mips: 'mips',
    mipsel: 'mipsle'
};
const nodeSystems = {
    win32: 'windows',
    sunos: 'solaris'
};
/** Maps Node's process.platform / process.arch to OCI (Go) names. */
function nodeToOciPlatform(platform, arch) {
    return { os: nodeSystems[platform] ?? platform, architecture: nodeArchitectures[arch] ?? arch };
}
/** Variants an architecture can run, best first (containers/image platform compatibility table). */
const compatibility = {
    arm: ['v8', 'v7', 'v6', 'v5'],
    arm64: ['v8']
};
/** containers/image WantedPlatforms: the platforms acceptable for `wanted`, best first. */
function wantedPlatforms(wanted) {
    let variants;
    if (wanted.variant) {
        const order = compatibility[wanted.architecture];
        const i = order ? order.indexOf(wanted.variant) : -1;
        variants = i >= 0 ? [...order.slice(i), ''] : [wanted.variant, ''];
    }
    else {
        variants = ['', ...(compatibility[wanted.architecture] ?? [])];
    }
    return variants.map(v => {
        const p = { os: wanted.os, architecture: wanted.architecture };
        if (v !== '')
            p.variant = v;
        return p;
    });
}
/** containers/image MatchesPlatform: architecture, OS and variant equal (OS version and features ignored). */
function platformMatches(image, wanted) {
    return (image.architecture === wanted.architecture &&
        image.os === wanted.os &&
        (image.variant ?? '') === (wanted.variant ?? ''));
}
function noMatchError(kind, wanted, present) {
    return new errors/* ManifestError */.S('no-matching-instance', `no image for ${formatPlatform(wanted)} in the ${kind}; it has ${describePlatforms(present)}`);
}
const SHOWN_PLATFORMS = 20;
/**
 * The platforms of a list's entries for a message: distinct, in list order, at most 20. They come
 * from the manifest, so anything but plain name characters is shown quoted (escaped).
 */
function describePlatforms(present) {
    if (present.length === 0)
        return 'no images';
    const names = present.map(p => {
        if (!p)
            return '(no platform)';
        const text = formatPlatform(p);
        return /^[\w./+-]{1,80}$/.test(text) ? text : JSON.stringify(text.slice(0, 80));
    });
    const distinct = names.filter((n, i) => names.indexOf(n) === i);
    const shown = distinct.slice(0, SHOWN_PLATFORMS).join(', ');
    const more = distinct.length - SHOWN_PLATFORMS;
    return more > 0 ? `${shown} and ${more} more` : shown;
}
/**
 * The instances a copy of specific images takes from a list: the given digests (each must be in the
 * list) and every instance whose OS and architecture match a given platform. Unlike containers/image,
 * which ignores variants here, a platform that names a variant only matches instances of that variant.
 * A platform that matches nothing is an error. Attestation manifests never match a platform; those
 * of the selected images are added. Result in list order.
 */
function selectInstances(list, selection) {
    const instances = list.instances();
    const selected = new Set();
    for (const digest of selection.digests ?? []) {
        if (!instances.some(i => i.digest === digest)) {
            throw new errors/* ManifestError */.S('no-matching-instance', `instance ${digest} is not in the manifest list`);
        }
        selected.add(digest);
    }
    const images = imageEntries(instances);
    for (const wanted of selection.platforms ?? []) {
        const matches = images.filter(i => {
            const p = i.platform ?? { os: '', architecture: '' };
            return (p.os === wanted.os &&
                p.architecture === wanted.architecture &&
                (!wanted.variant || p.variant === wanted.variant));
        });
        if (matches.length === 0) {
            throw noMatchError('list', wanted, images.map(i => i.platform));
        }
        for (const m of matches)
            selected.add(m.digest);
    }
    return withAttestations(instances, [...selected]);
}

;// CONCATENATED MODULE: ./src/manifest/list-common.ts


function findInstance(manifests, digest, listName) {
    const found = manifests.find(m => m.digest === digest);
    if (!found)
        throw new errors/* ManifestError */.S('no-matching-instance', `unable to find instance ${digest} in ${listName}`);
    return found;
}
function checkDigest(digest, what) {
    try {
        (0,manifest_digest/* parseDigest */.m)(digest);
    }
    catch (e) {
        throw new errors/* ManifestError */.S('invalid-digest', `${what}: ${e.message}`, { cause: e });
    }
}
/**
 * containers/image EditInstances with ListOpUpdate: each update names an entry by its current digest
 * and sets digest, size and media type; `onCompression` may then adjust the entry (OCI: zstd annotation).
 */
function applyInstanceUpdates(manifests, updates, listName, onCompression) {
    const out = manifests.map(m => ({ ...m }));
    updates.forEach((u, i) => {
        checkDigest(u.digest, `${listName}: attempting to update ${u.digest} which is an invalid digest`);
        checkDigest(u.newDigest, `${listName}: modified digest ${u.newDigest} is an invalid digest`);
        const target = out.findIndex(m => m.digest === u.digest);
        if (target < 0)
            throw new errors/* ManifestError */.S('no-matching-instance', `${listName}: digest ${u.digest} not found`);
        if (!Number.isSafeInteger(u.size) || u.size < 0) {
            throw new errors/* ManifestError */.S('invalid-field', `update ${i + 1} of ${updates.length} passed to ${listName} had an invalid size (${u.size})`);
        }
        if (u.mediaType === '') {
            throw new errors/* ManifestError */.S('invalid-field', `update ${i + 1} of ${updates.length} passed to ${listName} had no media type`);
        }
        out[target] = { ...out[target], digest: u.newDigest, size: u.size, mediaType: u.mediaType };
        if (u.compressionAlgorithms)
            onCompression(out[target], u.compressionAlgorithms);
    });
    return out;
}
/** The entries without those of `digests`; each digest must be present, and a non-empty list may not become empty. */
function removeInstances(manifests, digests) {
    for (const d of digests) {
        if (!manifests.some(m => m.digest === d)) {
            throw new errors/* ManifestError */.S('no-matching-instance', `cannot remove instance ${d}: it is not in the manifest list`);
        }
    }
    const drop = new Set(digests);
    const kept = manifests.filter(m => !drop.has(m.digest));
    if (kept.length === 0 && manifests.length > 0) {
        throw new errors/* ManifestError */.S('no-matching-instance', 'requested operation filtered out all platforms and would create an empty image');
    }
    return kept;
}

;// CONCATENATED MODULE: ./src/manifest/oci-index.ts










const ociIndexDoc = (0,go_json/* goStruct */.cM)([
    (0,go_json/* field */.ZZ)('schemaVersion', 'schemaVersion', go_json/* goInt */.C),
    (0,go_json/* field */.ZZ)('mediaType', 'mediaType', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('artifactType', 'artifactType', descriptors/* optString */.$2),
    (0,go_json/* field */.ZZ)('manifests', 'manifests', descriptors/* ociDescriptorSlice */.F1),
    (0,go_json/* field */.ZZ)('subject', 'subject', (0,go_json/* goPointer */.O0)(descriptors/* ociDescriptor */.PM, descriptors/* zeroDescriptor */.Of)),
    (0,go_json/* field */.ZZ)('annotations', 'annotations', descriptors/* annotationsField */.x$)
]);
function isZstd(d) {
    return d.annotations?.[media_types/* ZstdInstanceAnnotation */.cH] === 'true';
}
/** The OCI image index (containers/image OCI1Index). */
class OciIndex {
    doc;
    mimeType = media_types/* MediaType */.zu.OCIIndex;
    constructor(doc) {
        this.doc = doc;
    }
    static parse(bytes) {
        const json = (0,go_json/* parseJson */.qF)(bytes, 'OCI image index');
        // Upstream decodes onto these defaults, so a missing mediaType is written back as the index type.
        const doc = ociIndexDoc({
            schemaVersion: 2,
            mediaType: media_types/* MediaType */.zu.OCIIndex,
            artifactType: undefined,
            manifests: [],
            subject: undefined,
            annotations: {}
        }, json, '', () => bytes);
        validateUnambiguousFormat(json, media_types/* MediaType */.zu.OCIIndex, ['manifests']);
        (0,manifest_digest/* checkDescriptorDigests */.PM)(doc.manifests, 'manifests');
        (0,manifest_digest/* checkDescriptorDigests */.PM)(doc.subject, 'subject');
        return new OciIndex(doc);
    }
    /** A new index (containers/image OCI1IndexFromComponents). */
    static fromInstances(instances, annotations) {
        return new OciIndex({
            schemaVersion: 2,
            mediaType: media_types/* MediaType */.zu.OCIIndex,
            artifactType: undefined,
            manifests: instances.map(descriptors/* cloneDescriptor */.V5),
            subject: undefined,
            annotations: annotations ? { ...annotations } : undefined
        });
    }
    instances() {
        return (this.doc.manifests ?? []).map(descriptors/* cloneDescriptor */.V5);
    }
    instance(digest) {
        return (0,descriptors/* cloneDescriptor */.V5)(findInstance(this.doc.manifests ?? [], digest, 'OCI1Index'));
    }
    annotations() {
        return this.doc.annotations && Object.keys(this.doc.annotations).length > 0
            ? { ...this.doc.annotations }
            : undefined;
    }
    withUpdatedInstances(updates, options = {}) {
        const manifests = applyInstanceUpdates(this.doc.manifests ?? [], updates, 'OCI1Index', (entry, algorithms) => {
            // containers/image addCompressionAnnotations; only used for prioritization, so skipped when we cannot modify.
            if (options.cannotModify || algorithms.length === 0)
                return;
            const annotations = { ...(entry.annotations ?? {}) };
            if (algorithms.some(a => a === 'zstd' || a === 'zstd:chunked'))
                (0,go_json/* setOwn */.P5)(annotations, media_types/* ZstdInstanceAnnotation */.cH, 'true');
            entry.annotations = annotations;
        });
        return new OciIndex({ ...this.doc, manifests });
    }
    withoutInstances(digests) {
        return new OciIndex({ ...this.doc, manifests: removeInstances(this.doc.manifests ?? [], digests) });
    }
    convertTo(listMimeType, runtime) {
        const normalized = (0,media_types/* normalizeMimeType */.Ej)(listMimeType);
        if (normalized === media_types/* MediaType */.zu.OCIIndex) {
            return new OciIndex({
                ...this.doc,
                manifests: this.doc.manifests?.map(descriptors/* cloneDescriptor */.V5),
                subject: this.doc.subject ? (0,descriptors/* cloneDescriptor */.V5)(this.doc.subject) : undefined,
                annotations: this.doc.annotations ? { ...this.doc.annotations } : undefined
            });
        }
        if (normalized === media_types/* MediaType */.zu.DockerV2List) {
            // Annotations, artifactType, data and subject have no Docker equivalent and are dropped, as upstream does.
            return DockerManifestList.fromInstances((this.doc.manifests ?? []).map(m => {
                let platform = m.platform ? (0,descriptors/* clonePlatform */.rh)(m.platform) : undefined;
                if (!platform) {
                    if (!runtime) {
                        throw new errors/* ManifestError */.S('invalid-platform', `index entry ${m.digest} has no platform; a Docker list needs one: pass the runtime platform`);
                    }
                    platform = { os: runtime.os, architecture: runtime.architecture };
                }
                const d = { mediaType: m.mediaType, size: m.size, digest: m.digest, platform };
                if (m.urls)
                    d.urls = [...m.urls];
                return d;
            }));
        }
        throw new errors/* ManifestError */.S('unsupported-conversion', `cannot convert an image index to MIME type ${JSON.stringify(listMimeType)}, which is not a list type`);
    }
    serialize() {
        const d = this.doc;
        return (0,go_json/* goMarshal */.vy)({
            schemaVersion: d.schemaVersion,
            mediaType: (0,descriptors/* omitEmpty */.fd)(d.mediaType),
            artifactType: (0,descriptors/* omitEmpty */.fd)(d.artifactType),
            manifests: d.manifests === undefined ? null : d.manifests.map(descriptors/* encodeOciDescriptor */.te),
            subject: d.subject ? (0,descriptors/* encodeOciDescriptor */.te)(d.subject) : undefined,
            annotations: (0,descriptors/* omitEmptyMap */.Dv)(d.annotations)
        });
    }
    /**
     * containers/image chooseInstance for OCI: the best-ranked wanted platform wins; entries without a
     * platform are a last resort; ties go to zstd instances (gzip ones with preferGzip), then to list order.
     * Attestation manifests (BuildKit's, unknown/unknown) are never picked (not in upstream).
     */
    chooseInstance(wanted) {
        const wantedList = wantedPlatforms(wanted);
        const images = imageEntries(this.doc.manifests ?? []);
        let best;
        images.forEach((m, position) => {
            let rank = Number.MAX_SAFE_INTEGER;
            if (m.platform) {
                const p = m.platform;
                rank = wantedList.findIndex(w => platformMatches(p, w));
                if (rank < 0)
                    return;
            }
            const candidate = { rank, zstd: isZstd(m), position, digest: m.digest };
            if (!best || isPreferred(candidate, best, wanted.preferGzip === true))
                best = candidate;
        });
        if (best)
            return best.digest;
        throw noMatchError('image index', wanted, images.map(m => m.platform));
    }
}
function isPreferred(a, b, preferGzip) {
    if (a.rank !== b.rank)
        return a.rank < b.rank;
    if (a.zstd !== b.zstd)
        return preferGzip ? !a.zstd : a.zstd;
    return a.position < b.position;
}

;// CONCATENATED MODULE: ./src/manifest/docker-list.ts










const dockerListDoc = (0,go_json/* goStruct */.cM)([
    (0,go_json/* field */.ZZ)('schemaVersion', 'schemaVersion', go_json/* goInt */.C),
    (0,go_json/* field */.ZZ)('mediaType', 'mediaType', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('manifests', 'manifests', (0,go_json/* goSlice */.PW)(descriptors/* schema2ManifestDescriptor */.Uf, descriptors/* zeroSchema2ManifestDescriptor */.Y_))
]);
/** Docker's manifest list (containers/image Schema2List). */
class DockerManifestList {
    doc;
    mimeType = media_types/* MediaType */.zu.DockerV2List;
    constructor(doc) {
        this.doc = doc;
    }
    static parse(bytes) {
        const json = (0,go_json/* parseJson */.qF)(bytes, 'docker manifest list');
        const doc = dockerListDoc({ schemaVersion: 0, mediaType: '', manifests: [] }, json, '', () => bytes);
        validateUnambiguousFormat(json, media_types/* MediaType */.zu.DockerV2List, ['manifests']);
        (0,manifest_digest/* checkDescriptorDigests */.PM)(doc.manifests, 'manifests');
        return new DockerManifestList(doc);
    }
    /** A new list (containers/image Schema2ListFromComponents); Docker entries always carry a platform. */
    static fromInstances(instances) {
        return new DockerManifestList({
            schemaVersion: 2,
            mediaType: media_types/* MediaType */.zu.DockerV2List,
            manifests: instances.map(d => {
                const entry = { mediaType: d.mediaType, size: d.size, digest: d.digest };
                if (d.urls)
                    entry.urls = [...d.urls];
                entry.platform = d.platform ? (0,descriptors/* clonePlatform */.rh)(d.platform) : { os: '', architecture: '' };
                return entry;
            })
        });
    }
    instances() {
        return (this.doc.manifests ?? []).map(descriptors/* cloneDescriptor */.V5);
    }
    instance(digest) {
        return (0,descriptors/* cloneDescriptor */.V5)(findInstance(this.doc.manifests ?? [], digest, 'Schema2List'));
    }
    withUpdatedInstances(updates) {
        const manifests = applyInstanceUpdates(this.doc.manifests ?? [], updates, 'Schema2List', () => undefined);
        return new DockerManifestList({ ...this.doc, manifests });
    }
    withoutInstances(digests) {
        return new DockerManifestList({
            ...this.doc,
            manifests: removeInstances(this.doc.manifests ?? [], digests)
        });
    }
    convertTo(listMimeType) {
        const normalized = (0,media_types/* normalizeMimeType */.Ej)(listMimeType);
        if (normalized === media_types/* MediaType */.zu.DockerV2List)
            return DockerManifestList.fromInstances(this.doc.manifests ?? []);
        if (normalized === media_types/* MediaType */.zu.OCIIndex) {
            // Docker-only `features` are dropped (ociPlatformFromSchema2PlatformSpec).
            return OciIndex.fromInstances((this.doc.manifests ?? []).map(m => {
                const d = { mediaType: m.mediaType, size: m.size, digest: m.digest };
                if (m.urls)
                    d.urls = [...m.urls];
                const p = (0,descriptors/* clonePlatform */.rh)(m.platform ?? { os: '', architecture: '' });
                delete p.features;
                d.platform = p;
                return d;
            }));
        }
        throw new errors/* ManifestError */.S('unsupported-conversion', `cannot convert a manifest list to MIME type ${JSON.stringify(listMimeType)}, which is not a list type`);
    }
    serialize() {
        const d = this.doc;
        return (0,go_json/* goMarshal */.vy)({
            schemaVersion: d.schemaVersion,
            mediaType: d.mediaType,
            manifests: d.manifests === undefined ? null : d.manifests.map(descriptors/* encodeSchema2ManifestDescriptor */.iV)
        });
    }
    chooseInstance(wanted) {
        const images = imageEntries(this.doc.manifests ?? []);
        for (const w of wantedPlatforms(wanted)) {
            const found = images.find(m => platformMatches(m.platform ?? { os: '', architecture: '' }, w));
            if (found)
                return found.digest;
        }
        throw noMatchError('manifest list', wanted, images.map(m => m.platform));
    }
}

;// CONCATENATED MODULE: ./src/manifest/parse.ts







/** Parses a single-image manifest of a (normalized) MIME type, validating it as containers/image does. */
function parseImageManifest(bytes, mimeType) {
    const normalized = (0,media_types/* normalizeMimeType */.Ej)(mimeType);
    switch (normalized) {
        case media_types/* MediaType */.zu.DockerV2Schema1:
        case media_types/* MediaType */.zu.DockerV2Schema1Signed:
            return DockerSchema1Manifest.parse(bytes, normalized);
        case media_types/* MediaType */.zu.DockerV2Schema2:
            return DockerSchema2Manifest.parse(bytes);
        case media_types/* MediaType */.zu.OCIManifest:
            return OciManifest.parse(bytes);
        default:
            throw new errors/* ManifestError */.S('invalid-field', `${normalized} is a manifest list type; treating manifest lists as individual manifests is not supported`);
    }
}
/** Parses a manifest list (Docker list or OCI index). */
function parseList(bytes, mimeType) {
    const normalized = (0,media_types/* normalizeMimeType */.Ej)(mimeType);
    switch (normalized) {
        case media_types/* MediaType */.zu.DockerV2List:
            return DockerManifestList.parse(bytes);
        case media_types/* MediaType */.zu.OCIIndex:
            return OciIndex.parse(bytes);
        default:
            throw new errors/* ManifestError */.S('invalid-field', `${JSON.stringify(mimeType)} is not a manifest list type; treating single images as manifest lists is not supported`);
    }
}
/** Refuses a list with an entry that is itself a list: a valid OCI nested index, but not something we copy. */
function assertNoNestedLists(list) {
    for (const instance of list.instances()) {
        if ((0,media_types/* isListMimeType */.VI)(instance.mediaType)) {
            throw new errors/* ManifestError */.S('nested-list', `manifest list entry ${instance.digest} is itself a list (${instance.mediaType}); nested lists are not supported`);
        }
    }
}

;// CONCATENATED MODULE: ./src/manifest/image-config.ts
// Image configs as containers/image re-marshals them during conversions.



const emptyStructMap = (0,go_json/* goStringMap */.KM)(go_json/* goEmptyStruct */.Bm, () => ({}));
const ociImageConfig = (0,go_json/* goStruct */.cM)([
    (0,go_json/* field */.ZZ)('User', 'User', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('ExposedPorts', 'ExposedPorts', emptyStructMap),
    (0,go_json/* field */.ZZ)('Env', 'Env', descriptors/* stringSlice */.SZ),
    (0,go_json/* field */.ZZ)('Entrypoint', 'Entrypoint', descriptors/* stringSlice */.SZ),
    (0,go_json/* field */.ZZ)('Cmd', 'Cmd', descriptors/* stringSlice */.SZ),
    (0,go_json/* field */.ZZ)('Volumes', 'Volumes', emptyStructMap),
    (0,go_json/* field */.ZZ)('WorkingDir', 'WorkingDir', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('Labels', 'Labels', descriptors/* stringMap */.Qi),
    (0,go_json/* field */.ZZ)('StopSignal', 'StopSignal', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('ArgsEscaped', 'ArgsEscaped', go_json/* goBool */.B7)
]);
const zeroHistory = () => ({
    created: undefined,
    created_by: '',
    author: '',
    comment: '',
    empty_layer: false
});
const ociHistory = (0,go_json/* goStruct */.cM)([
    (0,go_json/* field */.ZZ)('created', 'created', goTimePointer),
    (0,go_json/* field */.ZZ)('created_by', 'created_by', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('author', 'author', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('comment', 'comment', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('empty_layer', 'empty_layer', go_json/* goBool */.B7)
]);
const ociImage = (0,go_json/* goStruct */.cM)([
    (0,go_json/* field */.ZZ)('created', 'created', goTimePointer),
    (0,go_json/* field */.ZZ)('author', 'author', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('architecture', 'architecture', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('os', 'os', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('os.version', 'osVersion', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('os.features', 'osFeatures', descriptors/* stringSlice */.SZ),
    (0,go_json/* field */.ZZ)('variant', 'variant', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('config', 'config', ociImageConfig),
    (0,go_json/* field */.ZZ)('rootfs', 'rootfs', (0,go_json/* goStruct */.cM)([
        (0,go_json/* field */.ZZ)('type', 'type', go_json/* goString */.WF),
        (0,go_json/* field */.ZZ)('diff_ids', 'diffIDs', (0,go_json/* goSlice */.PW)(go_json/* goString */.WF, () => ''))
    ])),
    (0,go_json/* field */.ZZ)('history', 'history', (0,go_json/* goSlice */.PW)(ociHistory, zeroHistory))
]);
function zeroOciImage() {
    return {
        created: undefined,
        author: '',
        architecture: '',
        os: '',
        osVersion: '',
        osFeatures: undefined,
        variant: '',
        config: {
            User: '',
            ExposedPorts: undefined,
            Env: undefined,
            Entrypoint: undefined,
            Cmd: undefined,
            Volumes: undefined,
            WorkingDir: '',
            Labels: undefined,
            StopSignal: '',
            ArgsEscaped: false
        },
        rootfs: { type: '', diffIDs: undefined },
        history: undefined
    };
}
/** Decodes a config (Docker or OCI) into image-spec's v1.Image, dropping what that struct does not have. */
function decodeOciImage(configBytes) {
    return ociImage(zeroOciImage(), (0,go_json/* parseJson */.qF)(configBytes, 'image config'), '', () => configBytes);
}
const s = (v) => (v === '' ? undefined : v);
const list = (v) => (v && v.length > 0 ? v : undefined);
const emptySet = (m) => m && Object.keys(m).length > 0 ? new go_json/* GoMap */.tn(Object.keys(m).map(k => [k, {}])) : undefined;
const strMap = (m) => m && Object.keys(m).length > 0 ? new go_json/* GoMap */.tn(Object.entries(m)) : undefined;
function encodeOciImage(img) {
    const c = img.config;
    const value = {
        created: img.created,
        author: s(img.author),
        architecture: img.architecture,
        os: img.os,
        'os.version': s(img.osVersion),
        'os.features': list(img.osFeatures),
        variant: s(img.variant),
        config: {
            User: s(c.User),
            ExposedPorts: emptySet(c.ExposedPorts),
            Env: list(c.Env),
            Entrypoint: list(c.Entrypoint),
            Cmd: list(c.Cmd),
            Volumes: emptySet(c.Volumes),
            WorkingDir: s(c.WorkingDir),
            Labels: strMap(c.Labels),
            StopSignal: s(c.StopSignal),
            ArgsEscaped: c.ArgsEscaped ? true : undefined
        },
        rootfs: { type: img.rootfs.type, diff_ids: img.rootfs.diffIDs ?? null },
        history: img.history && img.history.length > 0
            ? img.history.map(h => ({
                created: h.created,
                created_by: s(h.created_by),
                author: s(h.author),
                comment: s(h.comment),
                empty_layer: h.empty_layer ? true : undefined
            }))
            : undefined
    };
    return (0,go_json/* goMarshal */.vy)(value);
}
/** containers/image convertToManifestOCI1: the Docker config re-marshalled through v1.Image. */
function dockerConfigToOci(configBytes) {
    return encodeOciImage(decodeOciImage(configBytes));
}

;// CONCATENATED MODULE: ./src/manifest/schema1-config.ts
// containers/image Schema1.ToSchema2Config: the schema2 config built from a schema1 manifest's history.



/** docker's strslice.StrSlice: a string or an array of strings. */
const strSlice = (cur, v, path, raw) => {
    if (typeof v === 'string')
        return [v];
    if (v === null || Array.isArray(v))
        return (0,descriptors/* stringSlice */.SZ)(cur, v, path, raw);
    throw (0,go_json/* typeError */.lq)(path, v, 'a string or an array of strings');
};
const schema1_config_emptyStructMap = (0,go_json/* goStringMap */.KM)(go_json/* goEmptyStruct */.Bm, () => ({}));
const healthConfig = (0,go_json/* goStruct */.cM)([
    (0,go_json/* field */.ZZ)('Test', 'Test', descriptors/* stringSlice */.SZ),
    (0,go_json/* field */.ZZ)('StartPeriod', 'StartPeriod', go_json/* goInt */.C),
    (0,go_json/* field */.ZZ)('StartInterval', 'StartInterval', go_json/* goInt */.C),
    (0,go_json/* field */.ZZ)('Interval', 'Interval', go_json/* goInt */.C),
    (0,go_json/* field */.ZZ)('Timeout', 'Timeout', go_json/* goInt */.C),
    (0,go_json/* field */.ZZ)('Retries', 'Retries', go_json/* goInt */.C)
]);
const zeroContainerConfig = () => ({
    Hostname: '',
    Domainname: '',
    User: '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ExposedPorts: undefined,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: undefined,
    Cmd: undefined,
    Healthcheck: undefined,
    ArgsEscaped: false,
    Image: '',
    Volumes: undefined,
    WorkingDir: '',
    Entrypoint: undefined,
    NetworkDisabled: false,
    MacAddress: '',
    OnBuild: undefined,
    Labels: undefined,
    StopSignal: '',
    StopTimeout: undefined,
    Shell: undefined
});
const containerConfig = (0,go_json/* goStruct */.cM)([
    (0,go_json/* field */.ZZ)('Hostname', 'Hostname', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('Domainname', 'Domainname', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('User', 'User', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('AttachStdin', 'AttachStdin', go_json/* goBool */.B7),
    (0,go_json/* field */.ZZ)('AttachStdout', 'AttachStdout', go_json/* goBool */.B7),
    (0,go_json/* field */.ZZ)('AttachStderr', 'AttachStderr', go_json/* goBool */.B7),
    (0,go_json/* field */.ZZ)('ExposedPorts', 'ExposedPorts', schema1_config_emptyStructMap),
    (0,go_json/* field */.ZZ)('Tty', 'Tty', go_json/* goBool */.B7),
    (0,go_json/* field */.ZZ)('OpenStdin', 'OpenStdin', go_json/* goBool */.B7),
    (0,go_json/* field */.ZZ)('StdinOnce', 'StdinOnce', go_json/* goBool */.B7),
    (0,go_json/* field */.ZZ)('Env', 'Env', descriptors/* stringSlice */.SZ),
    (0,go_json/* field */.ZZ)('Cmd', 'Cmd', strSlice),
    (0,go_json/* field */.ZZ)('Healthcheck', 'Healthcheck', (0,go_json/* goPointer */.O0)(healthConfig, () => ({
        Test: undefined,
        StartPeriod: 0,
        StartInterval: 0,
        Interval: 0,
        Timeout: 0,
        Retries: 0
    }))),
    (0,go_json/* field */.ZZ)('ArgsEscaped', 'ArgsEscaped', go_json/* goBool */.B7),
    (0,go_json/* field */.ZZ)('Image', 'Image', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('Volumes', 'Volumes', schema1_config_emptyStructMap),
    (0,go_json/* field */.ZZ)('WorkingDir', 'WorkingDir', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('Entrypoint', 'Entrypoint', strSlice),
    (0,go_json/* field */.ZZ)('NetworkDisabled', 'NetworkDisabled', go_json/* goBool */.B7),
    (0,go_json/* field */.ZZ)('MacAddress', 'MacAddress', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('OnBuild', 'OnBuild', descriptors/* stringSlice */.SZ),
    (0,go_json/* field */.ZZ)('Labels', 'Labels', descriptors/* stringMap */.Qi),
    (0,go_json/* field */.ZZ)('StopSignal', 'StopSignal', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('StopTimeout', 'StopTimeout', (cur, v, path, raw) => v === null ? undefined : (0,go_json/* goInt */.C)(cur ?? 0, v, path, raw)),
    (0,go_json/* field */.ZZ)('Shell', 'Shell', strSlice)
]);
const v1Image = (0,go_json/* goStruct */.cM)([
    (0,go_json/* field */.ZZ)('id', 'id', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('parent', 'parent', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('comment', 'comment', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('created', 'created', goTime),
    (0,go_json/* field */.ZZ)('container', 'container', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('container_config', 'container_config', containerConfig),
    (0,go_json/* field */.ZZ)('docker_version', 'docker_version', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('author', 'author', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('config', 'config', (0,go_json/* goPointer */.O0)(containerConfig, zeroContainerConfig)),
    (0,go_json/* field */.ZZ)('architecture', 'architecture', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('variant', 'variant', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('os', 'os', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('Size', 'Size', go_json/* goInt */.C)
]);
const opt = (v) => (v === '' ? undefined : v);
const optList = (v) => (v && v.length > 0 ? v : undefined);
const schema1_config_emptySet = (m) => m === undefined ? null : new go_json/* GoMap */.tn(Object.keys(m).map(k => [k, {}]));
function encodeContainerConfig(c) {
    const h = c.Healthcheck;
    return {
        Hostname: c.Hostname,
        Domainname: c.Domainname,
        User: c.User,
        AttachStdin: c.AttachStdin,
        AttachStdout: c.AttachStdout,
        AttachStderr: c.AttachStderr,
        ExposedPorts: c.ExposedPorts && Object.keys(c.ExposedPorts).length > 0 ? schema1_config_emptySet(c.ExposedPorts) : undefined,
        Tty: c.Tty,
        OpenStdin: c.OpenStdin,
        StdinOnce: c.StdinOnce,
        Env: c.Env ?? null,
        Cmd: c.Cmd ?? null,
        Healthcheck: h
            ? {
                Test: optList(h.Test),
                StartPeriod: h.StartPeriod || undefined,
                StartInterval: h.StartInterval || undefined,
                Interval: h.Interval || undefined,
                Timeout: h.Timeout || undefined,
                Retries: h.Retries || undefined
            }
            : undefined,
        ArgsEscaped: c.ArgsEscaped || undefined,
        Image: c.Image,
        Volumes: schema1_config_emptySet(c.Volumes),
        WorkingDir: c.WorkingDir,
        Entrypoint: c.Entrypoint ?? null,
        NetworkDisabled: c.NetworkDisabled || undefined,
        MacAddress: opt(c.MacAddress),
        OnBuild: c.OnBuild ?? null,
        Labels: c.Labels === undefined ? null : new go_json/* GoMap */.tn(Object.entries(c.Labels)),
        StopSignal: opt(c.StopSignal),
        StopTimeout: c.StopTimeout,
        Shell: optList(c.Shell)
    };
}
function encodeV1Image(i) {
    return (0,go_json/* goMarshal */.vy)({
        id: opt(i.id),
        parent: opt(i.parent),
        comment: opt(i.comment),
        created: i.created,
        container: opt(i.container),
        container_config: encodeContainerConfig(i.container_config),
        docker_version: opt(i.docker_version),
        author: opt(i.author),
        config: i.config ? encodeContainerConfig(i.config) : undefined,
        architecture: opt(i.architecture),
        variant: opt(i.variant),
        os: opt(i.os),
        Size: i.Size || undefined
    });
}
/** moby versions.LessThan: dotted numeric comparison, non-numbers count as 0. */
function dockerVersionLessThan(a, b) {
    if (a === b)
        return false;
    const pa = a.split('.');
    const pb = b.split('.');
    const atoi = (s) => s !== undefined && /^[+-]?\d+$/.test(s) ? parseInt(s, 10) : 0;
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const x = atoi(pa[i]);
        const y = atoi(pb[i]);
        if (x !== y)
            return x < y;
    }
    return false;
}
/** The schema2 config for a schema1 image whose non-empty layers have these DiffIDs (base first). */
function schema1ToSchema2Config(m, diffIDs) {
    let config = Buffer.from(m.v1CompatibilityStrings()[0], 'utf8');
    const image = v1Image({
        id: '',
        parent: '',
        comment: '',
        created: GO_ZERO_TIME,
        container: '',
        container_config: zeroContainerConfig(),
        docker_version: '',
        author: '',
        config: undefined,
        architecture: '',
        variant: '',
        os: '',
        Size: 0
    }, (0,go_json/* parseJson */.qF)(config, 'schema1 image configuration'), '', () => config);
    if (image.docker_version !== '' && dockerVersionLessThan(image.docker_version, '1.8.3')) {
        config = encodeV1Image(image);
    }
    const history = [...m.compat].reverse().map(c => ({
        created: c.created,
        author: opt(c.author),
        created_by: opt((c.cmd ?? []).join(' ')),
        comment: opt(c.comment),
        empty_layer: c.throwaway || undefined
    }));
    const raw = (0,go_json/* rawObjectEntries */.o6)((0,go_json/* parseJson */.qF)(config, 'schema1 image configuration'), 'schema1 image configuration');
    for (const key of ['id', 'parent', 'parent_id', 'layer_id', 'throwaway', 'Size'])
        raw.delete(key);
    raw.set('rootfs', new go_json/* RawJson */.jg((0,go_json/* goMarshal */.vy)({ type: 'layers', diff_ids: optList(diffIDs) })));
    raw.set('history', new go_json/* RawJson */.jg((0,go_json/* goMarshal */.vy)(history)));
    return (0,go_json/* goMarshal */.vy)(new go_json/* GoMap */.tn(raw));
}

// EXTERNAL MODULE: ./src/lazy-builtin.ts
var lazy_builtin = __webpack_require__(839);
;// CONCATENATED MODULE: ./src/manifest/schema1-from-schema2.ts
// containers/image convertToManifestSchema1 (internal/image/docker_schema2.go, after docker/distribution
// manifest/schema1/config_builder.go): a signed schema1 manifest built from a schema2 image's config.






/** A gzipped empty tar (1024 zero bytes), byte for byte docker/distribution's and containers/image's. */
const GZIPPED_EMPTY_LAYER = Buffer.from([
    31, 139, 8, 0, 0, 9, 110, 136, 0, 255, 98, 24, 5, 163, 96, 20, 140, 88, 0, 8, 0, 0, 255, 255, 46, 175, 181,
    239, 0, 4, 0, 0
]);
const GZIPPED_EMPTY_LAYER_DIGEST = 'sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4';
const schema2Image = (0,go_json/* goStruct */.cM)([
    (0,go_json/* field */.ZZ)('architecture', 'architecture', go_json/* goString */.WF),
    (0,go_json/* field */.ZZ)('history', 'history', (0,go_json/* goSlice */.PW)((0,go_json/* goStruct */.cM)([
        (0,go_json/* field */.ZZ)('created', 'created', goTime),
        (0,go_json/* field */.ZZ)('created_by', 'created_by', go_json/* goString */.WF),
        (0,go_json/* field */.ZZ)('author', 'author', go_json/* goString */.WF),
        (0,go_json/* field */.ZZ)('comment', 'comment', go_json/* goString */.WF),
        (0,go_json/* field */.ZZ)('empty_layer', 'empty_layer', go_json/* goBool */.B7)
    ]), () => ({ created: GO_ZERO_TIME, created_by: '', author: '', comment: '', empty_layer: false })))
]);
/** v1IDFromBlobDigestAndComponents: sha256 of the blob digest's hex and the others, joined by spaces. */
function v1Id(blobDigest, ...others) {
    const hash = (0,lazy_builtin/* nodeCrypto */.S)().createHash('sha256').update((0,manifest_digest/* parseDigest */.m)(blobDigest).hex);
    for (const o of others)
        hash.update(' ').update(o);
    return hash.digest('hex');
}
/** The top history entry: the whole config (rootfs and history dropped) with the v1 ID fields. */
function v1ConfigFromConfigJson(config, id, parent, throwaway) {
    const raw = (0,go_json/* rawObjectEntries */.o6)((0,go_json/* parseJson */.qF)(config, 'image config'), 'image config');
    raw.delete('rootfs');
    raw.delete('history');
    raw.set('id', new go_json/* RawJson */.jg((0,go_json/* goMarshal */.vy)(id)));
    if (parent !== '')
        raw.set('parent', new go_json/* RawJson */.jg((0,go_json/* goMarshal */.vy)(parent)));
    if (throwaway)
        raw.set('throwaway', new go_json/* RawJson */.jg((0,go_json/* goMarshal */.vy)(true)));
    return (0,go_json/* goMarshal */.vy)(new go_json/* GoMap */.tn(raw)).toString('utf8');
}
/**
 * Converts a schema2 image to schema1. `edits` (one per schema2 layer, what each became at the
 * destination) are expanded with the empty layers and applied to the result, as upstream does.
 */
function schema2ToSchema1(m, configBytes, reference, edits) {
    const layers = m.layerInfos();
    if (edits && edits.length !== layers.length) {
        throw new errors/* ManifestError */.S('invalid-field', `Error converting image: layer edits for ${edits.length} layers vs ${layers.length} existing layers`);
    }
    const image = schema2Image({ architecture: '', history: undefined }, (0,go_json/* parseJson */.qF)(configBytes), '', () => configBytes);
    const history = image.history ?? [];
    if (history.length === 0) {
        throw new errors/* ManifestError */.S('unsupported-conversion', 'Cannot convert an image with 0 history entries to application/vnd.docker.distribution.manifest.v1+prettyjws');
    }
    const n = history.length;
    const blobSums = new Array(n);
    const v1Compat = new Array(n);
    const expandedEdits = [];
    const extraBlobs = [];
    let nonEmpty = 0;
    let parent = '';
    let id = '';
    history.forEach((entry, v2Index) => {
        parent = id;
        let blob;
        if (entry.empty_layer) {
            blob = GZIPPED_EMPTY_LAYER_DIGEST;
            if (extraBlobs.length === 0)
                extraBlobs.push({ digest: blob, size: GZIPPED_EMPTY_LAYER.length, bytes: GZIPPED_EMPTY_LAYER });
            expandedEdits.push({ digest: blob, size: GZIPPED_EMPTY_LAYER.length });
        }
        else {
            if (nonEmpty >= layers.length) {
                throw new errors/* ManifestError */.S('invalid-field', `Invalid image configuration, needs more than the ${layers.length} distributed layers`);
            }
            if (edits)
                expandedEdits.push(edits[nonEmpty]);
            blob = layers[nonEmpty].digest;
            nonEmpty++;
        }
        id = v1Id(blob, parent);
        const v1Index = n - 1 - v2Index;
        blobSums[v1Index] = blob;
        v1Compat[v1Index] = (0,go_json/* goMarshal */.vy)({
            id,
            parent: parent || undefined,
            comment: entry.comment || undefined,
            created: entry.created,
            container_config: { Cmd: [entry.created_by] },
            author: entry.author || undefined,
            throwaway: entry.empty_layer || undefined
        }).toString('utf8');
    });
    // The top entry carries the real configuration; its ID also covers the config.
    const topId = v1Id(blobSums[0], parent, configBytes);
    v1Compat[0] = v1ConfigFromConfigJson(configBytes, topId, parent, history[n - 1].empty_layer);
    const s1 = DockerSchema1Manifest.fromComponents(reference ?? { name: '', tag: '' }, image.architecture, blobSums, v1Compat);
    return { manifest: edits ? s1.updateLayerInfos(expandedEdits) : s1, extraBlobs };
}

;// CONCATENATED MODULE: ./src/manifest/convert.ts
// containers/image UpdatedImage conversions between single-image manifest types
// (internal/image/docker_schema2.go, oci.go, docker_schema1.go).









function unsupported(message) {
    return new errors/* ManifestError */.S('unsupported-conversion', message);
}
const schema2ToOciLayerTypes = {
    [media_types/* MediaType */.zu.DockerV2Schema2ForeignLayer]: media_types/* MediaType */.zu.OCILayerNonDistributable,
    [media_types/* MediaType */.zu.DockerV2Schema2ForeignLayerGzip]: media_types/* MediaType */.zu.OCILayerNonDistributableGzip,
    [media_types/* MediaType */.zu.DockerV2SchemaLayerUncompressed]: media_types/* MediaType */.zu.OCILayer,
    [media_types/* MediaType */.zu.DockerV2Schema2Layer]: media_types/* MediaType */.zu.OCILayerGzip,
    [media_types/* MediaType */.zu.DockerV2SchemaLayerZstd]: media_types/* MediaType */.zu.OCILayerZstd
};
const ociToSchema2LayerTypes = {
    [media_types/* MediaType */.zu.OCILayerNonDistributable]: media_types/* MediaType */.zu.DockerV2Schema2ForeignLayer,
    [media_types/* MediaType */.zu.OCILayerNonDistributableGzip]: media_types/* MediaType */.zu.DockerV2Schema2ForeignLayerGzip,
    [media_types/* MediaType */.zu.OCILayer]: media_types/* MediaType */.zu.DockerV2SchemaLayerUncompressed,
    [media_types/* MediaType */.zu.OCILayerGzip]: media_types/* MediaType */.zu.DockerV2Schema2Layer
};
const encryptedLayerTypes = [
    media_types/* MediaType */.zu.OCILayerEncrypted,
    media_types/* MediaType */.zu.OCILayerGzipEncrypted,
    media_types/* MediaType */.zu.OCILayerZstdEncrypted,
    media_types/* MediaType */.zu.OCILayerNonDistributableEncrypted,
    media_types/* MediaType */.zu.OCILayerNonDistributableGzipEncrypted,
    media_types/* MediaType */.zu.OCILayerNonDistributableZstdEncrypted
];
/**
 * Converts a single-image manifest to another type, as containers/image does when copying. Refused
 * ('unsupported-conversion'): artifacts, zstd or encrypted layers to Docker schema2 or schema1, and
 * unknown layer types.
 */
function convertManifest(m, toMimeType, ctx = {}) {
    const edits = ctx.layerInfos;
    if (toMimeType === m.mimeType || ((0,media_types/* isSchema1MimeType */.rn)(toMimeType) && (0,media_types/* isSchema1MimeType */.rn)(m.mimeType))) {
        return { manifest: edits ? m.updateLayerInfos(edits) : m };
    }
    if ((0,media_types/* isSchema1MimeType */.rn)(toMimeType))
        return toSchema1(m, ctx);
    if (m instanceof DockerSchema2Manifest && toMimeType === media_types/* MediaType */.zu.OCIManifest) {
        const converted = schema2ToOci(m, ctx.configBytes);
        return {
            manifest: edits ? converted.manifest.updateLayerInfos(edits) : converted.manifest,
            configBytes: converted.configBytes
        };
    }
    if (m instanceof OciManifest && toMimeType === media_types/* MediaType */.zu.DockerV2Schema2) {
        return { manifest: ociToSchema2(m, edits) };
    }
    if (m instanceof DockerSchema1Manifest &&
        (toMimeType === media_types/* MediaType */.zu.DockerV2Schema2 || toMimeType === media_types/* MediaType */.zu.OCIManifest)) {
        const s2 = schema1ToSchema2(m, ctx);
        if (toMimeType === media_types/* MediaType */.zu.DockerV2Schema2) {
            return { manifest: s2.manifest.updateLayerInfos(s2.edits), configBytes: s2.configBytes };
        }
        const oci = schema2ToOci(s2.manifest, s2.configBytes);
        return { manifest: oci.manifest.updateLayerInfos(s2.edits), configBytes: oci.configBytes };
    }
    throw unsupported(`unsupported conversion from ${m.mimeType} to ${JSON.stringify(toMimeType)}`);
}
/**
 * From schema2, or from OCI through schema2 (containers/image convertToManifestSchema1). The v1 IDs
 * come from the layers before the edits, which are applied afterwards (with the empty layers), as upstream.
 */
function toSchema1(m, ctx) {
    let s2;
    let edits = ctx.layerInfos;
    if (m instanceof DockerSchema2Manifest)
        s2 = m;
    else if (m instanceof OciManifest)
        ({ manifest: s2, laterEdits: edits } = ociToSchema2Unedited(m, edits));
    else
        throw unsupported(`unsupported conversion from ${m.mimeType} to schema1`);
    if (!ctx.configBytes)
        throw unsupported('converting to schema1 needs the image config blob');
    const converted = schema2ToSchema1(s2, ctx.configBytes, ctx.dockerReference, edits);
    return { manifest: converted.manifest, extraBlobs: converted.extraBlobs };
}
function schema2ToOci(m, configBytes) {
    if (!configBytes)
        throw unsupported('converting a schema2 manifest to OCI needs its config blob');
    const ociConfig = dockerConfigToOci(configBytes);
    const config = {
        mediaType: media_types/* MediaType */.zu.OCIConfig,
        digest: (0,manifest_digest/* sha256Digest */.sI)(ociConfig),
        size: ociConfig.length
    };
    const layers = m.layerInfos().map(l => {
        const mediaType = schema2ToOciLayerTypes[l.mediaType];
        if (!mediaType)
            throw unsupported(`Unknown media type during manifest conversion: ${JSON.stringify(l.mediaType)}`);
        const d = { mediaType, digest: l.digest, size: l.size };
        if (l.urls)
            d.urls = l.urls;
        return d;
    });
    return { manifest: OciManifest.fromComponents(config, layers), configBytes: ociConfig };
}
function ociToSchema2(m, edits) {
    const { manifest, laterEdits } = ociToSchema2Unedited(m, edits);
    return laterEdits ? manifest.updateLayerInfos(laterEdits) : manifest;
}
/**
 * containers/image convertToManifestSchema2 from OCI: only the edits OCI alone can express (zstd
 * layers recompressed) are applied first; the others are returned, to apply after the conversion.
 */
function ociToSchema2Unedited(m, edits) {
    if (!m.isImage())
        throw unsupported(`cannot convert to ${media_types/* MediaType */.zu.DockerV2Schema2}: ${m.nonImageReason()}`);
    let source = m;
    let laterEdits = edits;
    // Zstd layers must be recompressed in OCI terms before they can be expressed in a Docker manifest.
    const original = m.layerInfos();
    if (edits) {
        if (edits.length !== original.length) {
            throw new errors/* ManifestError */.S('invalid-field', `preparing to convert: ${original.length} layers vs. ${edits.length} layer edits`);
        }
        const isZstd = (t) => t === media_types/* MediaType */.zu.OCILayerZstd || t === media_types/* MediaType */.zu.OCILayerNonDistributableZstd;
        if (original.some(l => isZstd(l.mediaType))) {
            source = m.updateLayerInfos(original.map((l, i) => {
                const keep = {
                    digest: l.digest,
                    size: l.size,
                    urls: l.urls,
                    annotations: l.annotations
                };
                if (!isZstd(l.mediaType))
                    return keep;
                return {
                    ...keep,
                    compression: edits[i].compression,
                    mediaType: edits[i].compression ? undefined : edits[i].mediaType
                };
            }));
            laterEdits = edits.map((e, i) => isZstd(original[i].mediaType) ? { ...e, compression: undefined, mediaType: undefined } : e);
        }
    }
    const config = source.configDescriptor();
    const s2Config = {
        mediaType: media_types/* MediaType */.zu.DockerV2Schema2Config,
        size: config.size,
        digest: config.digest
    };
    if (config.urls)
        s2Config.urls = config.urls;
    const layers = source.layerInfos().map(l => {
        if (l.mediaType === media_types/* MediaType */.zu.OCILayerZstd || l.mediaType === media_types/* MediaType */.zu.OCILayerNonDistributableZstd) {
            throw unsupported(`cannot convert to ${media_types/* MediaType */.zu.DockerV2Schema2}: layer ${l.digest} is zstd-compressed (${l.mediaType}), which Docker schema2 cannot express; recompress it with gzip or keep OCI`);
        }
        if (encryptedLayerTypes.includes(l.mediaType)) {
            throw unsupported(`cannot convert to ${media_types/* MediaType */.zu.DockerV2Schema2}: layer ${l.digest} is encrypted (${l.mediaType}), which Docker images do not support`);
        }
        const mediaType = ociToSchema2LayerTypes[l.mediaType];
        if (!mediaType)
            throw unsupported(`Unknown media type during manifest conversion: ${JSON.stringify(l.mediaType)}`);
        const d = { mediaType, size: l.size, digest: l.digest };
        if (l.urls)
            d.urls = l.urls;
        return d;
    });
    return { manifest: DockerSchema2Manifest.fromComponents(s2Config, layers), laterEdits };
}
function schema1ToSchema2(m, ctx) {
    const layers = m.layerInfos();
    const { diffIDs, layerInfos } = ctx;
    if (!diffIDs)
        throw unsupported('converting a schema1 manifest needs the DiffIDs of its layers');
    if (!layerInfos)
        throw unsupported('converting a schema1 manifest needs the layers as copied (ctx.layerInfos, for their sizes)');
    if (diffIDs.length !== layers.length) {
        throw new errors/* ManifestError */.S('invalid-field', `collected ${diffIDs.length} DiffID values, but schema1 manifest has ${layers.length} fsLayers`);
    }
    if (layerInfos.length !== layers.length) {
        throw new errors/* ManifestError */.S('invalid-field', `uploaded ${layerInfos.length} blobs, but schema1 manifest has ${layers.length} fsLayers`);
    }
    const s2Layers = [];
    const nonEmptyDiffIDs = [];
    const edits = [];
    layers.forEach((l, i) => {
        if (l.emptyLayer)
            return;
        s2Layers.push({ mediaType: media_types/* MediaType */.zu.DockerV2Schema2Layer, size: layerInfos[i].size, digest: l.digest });
        nonEmptyDiffIDs.push(diffIDs[i]);
        edits.push(layerInfos[i]);
    });
    const configBytes = schema1ToSchema2Config(m, nonEmptyDiffIDs);
    const config = {
        mediaType: media_types/* MediaType */.zu.DockerV2Schema2Config,
        size: configBytes.length,
        digest: (0,manifest_digest/* sha256Digest */.sI)(configBytes)
    };
    return { manifest: DockerSchema2Manifest.fromComponents(config, s2Layers), configBytes, edits };
}

;// CONCATENATED MODULE: ./src/manifest/referrers.ts
// OCI referrers (image-spec 1.1 `subject`, distribution-spec 1.1 referrers API and tag schema): what an
// artifact manifest points at, the descriptor a referrers list holds for it, the fallback tag, and
// merging a descriptor into a referrers index. Pure; every field read from a manifest is checked.




const OCIEmptyConfig = 'application/vnd.oci.empty.v1+json';
/**
 * The referrers fallback tag of a digest (distribution-spec "Referrers Tag Schema"):
 * `<alg>-<ref>`, the algorithm cut to 32 and the hex to 64 characters, anything outside
 * `[a-zA-Z0-9._-]` replaced by `-`.
 */
function fallbackTag(digest) {
    const { algorithm, hex } = (0,manifest_digest/* parseDigest */.m)(digest);
    const clean = (s) => s.replace(/[^a-zA-Z0-9._-]/g, '-');
    return `${clean(algorithm.slice(0, 32))}-${clean(hex.slice(0, 64))}`;
}
function fail(message) {
    throw new errors/* ManifestError */.S('invalid-field', message);
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function stringMap(v, what) {
    if (v === undefined || v === null)
        return undefined;
    if (!isObject(v) || Object.values(v).some(x => typeof x !== 'string'))
        fail(`${what} is not a string map`);
    return v;
}
function optionalString(v, what) {
    if (v === undefined || v === null || v === '')
        return undefined;
    if (typeof v !== 'string')
        fail(`${what} is not a string`);
    return v;
}
/** A descriptor as found in a manifest or a referrers list, checked (digest syntax, a whole size). */
function checkDescriptor(v, what) {
    if (!isObject(v))
        fail(`${what} is not a descriptor`);
    if (typeof v.digest !== 'string')
        fail(`${what} has no digest`);
    try {
        (0,manifest_digest/* parseDigest */.m)(v.digest);
    }
    catch (e) {
        fail(`${what}: ${e.message}`);
    }
    if (typeof v.size !== 'number' || !Number.isSafeInteger(v.size) || v.size < 0)
        fail(`${what} has no valid size`);
    const mediaType = optionalString(v.mediaType, `${what}.mediaType`) ?? '';
    const desc = { mediaType, digest: v.digest, size: v.size };
    const artifactType = optionalString(v.artifactType, `${what}.artifactType`);
    if (artifactType !== undefined)
        desc.artifactType = artifactType;
    const annotations = stringMap(v.annotations, `${what}.annotations`);
    if (annotations !== undefined)
        desc.annotations = annotations;
    return desc;
}
function parseJson(bytes, what) {
    let doc;
    try {
        doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch (e) {
        fail(`${what} is not JSON: ${e.message}`);
    }
    if (!isObject(doc))
        fail(`${what} is not a JSON object`);
    return doc;
}
function referrers_descriptors(v, what) {
    if (v === undefined || v === null)
        return [];
    if (!Array.isArray(v))
        fail(`${what} is not an array`);
    return v.map((d, i) => checkDescriptor(d, `${what}[${i}]`));
}
/** The links of an OCI or Docker schema2 manifest or index (schema1 names no subject and is refused). */
function manifestLinks(bytes, mimeType) {
    const doc = parseJson(bytes, 'the manifest');
    const mediaType = mimeType || (0,guess/* guessMimeTypeOrEmpty */.K)(bytes);
    const isIndex = mediaType === media_types/* MediaType */.zu.OCIIndex || mediaType === media_types/* MediaType */.zu.DockerV2List;
    const isImage = mediaType === media_types/* MediaType */.zu.OCIManifest || mediaType === media_types/* MediaType */.zu.DockerV2Schema2;
    if (!isIndex && !isImage)
        fail(`a ${mediaType || 'manifest of unknown type'} cannot be copied as a referrer`);
    const links = {
        mediaType,
        blobs: isImage
            ? [
                ...(doc.config === undefined ? [] : [checkDescriptor(doc.config, 'config')]),
                ...referrers_descriptors(doc.layers, 'layers')
            ]
            : [],
        children: isIndex ? referrers_descriptors(doc.manifests, 'manifests') : []
    };
    if (doc.subject !== undefined && doc.subject !== null)
        links.subject = checkDescriptor(doc.subject, 'subject').digest;
    const artifactType = optionalString(doc.artifactType, 'artifactType');
    if (artifactType !== undefined)
        links.artifactType = artifactType;
    const annotations = stringMap(doc.annotations, 'annotations');
    if (annotations !== undefined)
        links.annotations = annotations;
    return links;
}
/**
 * The descriptor a referrers list holds for a manifest (distribution-spec: `artifactType` is the
 * manifest's, else its config's media type; the manifest's annotations).
 */
function referrerDescriptor(bytes, mimeType, digest) {
    const links = manifestLinks(bytes, mimeType);
    const desc = { mediaType: links.mediaType, digest, size: bytes.length };
    const artifactType = links.artifactType ?? links.blobs[0]?.mediaType;
    if (artifactType)
        desc.artifactType = artifactType;
    if (links.annotations !== undefined)
        desc.annotations = links.annotations;
    return desc;
}
/** The descriptors of a referrers list (the API's answer, or a fallback tag's index). */
function parseReferrersIndex(bytes) {
    const doc = parseJson(bytes, 'the referrers index');
    if (doc.mediaType !== undefined && doc.mediaType !== media_types/* MediaType */.zu.OCIIndex)
        fail(`the referrers index has media type ${JSON.stringify(doc.mediaType)}, not an OCI index`);
    return referrers_descriptors(doc.manifests, 'the referrers index manifests');
}
/**
 * A fallback tag's index with `desc` added (read-modify-write: every other entry, field and
 * annotation kept as it was). `undefined` when it is there already.
 */
function mergeReferrersIndex(existing, desc) {
    const doc = existing
        ? parseJson(existing, 'the referrers index')
        : { schemaVersion: 2, mediaType: media_types/* MediaType */.zu.OCIIndex, manifests: [] };
    const entries = referrers_descriptors(doc.manifests, 'the referrers index manifests');
    if (entries.some(d => d.digest === desc.digest))
        return undefined;
    const manifests = Array.isArray(doc.manifests) ? [...doc.manifests] : [];
    manifests.push(desc);
    return Buffer.from(JSON.stringify({ ...doc, schemaVersion: 2, mediaType: media_types/* MediaType */.zu.OCIIndex, manifests }));
}
/** Whether a referrer passes an artifact type filter (none: all pass). */
function matchesArtifactTypes(desc, types) {
    return types.length === 0 || (desc.artifactType !== undefined && types.includes(desc.artifactType));
}

;// CONCATENATED MODULE: ./src/manifest/index.ts
// The manifest model: media types, parsing, digests, conversions, lists and platform matching.
// Pure: no I/O; behaviour follows containers/image, and everything written is byte-identical to Go's output.





















/***/ }),

/***/ 8077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eG: () => (/* binding */ addDummySchema1Signature),
/* harmony export */   fh: () => (/* binding */ schema1SignedPayload),
/* harmony export */   sG: () => (/* binding */ goBase64Decode)
/* harmony export */ });
/* unused harmony export verifySchema1Signatures */
/* harmony import */ var _lazy_builtin_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(839);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1738);
/* harmony import */ var _go_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3609);
// Schema1 "pretty JWS" signatures, as libtrust (used by containers/image) reads and writes them.
// The digest of a signed schema1 manifest is the digest of the payload the signatures protect, which
// libtrust rebuilds from the manifest bytes and the formatLength/formatTail of the protected header.



function jwsError(message) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ManifestError */ .S('invalid-field', `schema1 signature: ${message}`);
}
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Go's base64 (non-strict) DecodeString: padding required, '\r' and '\n' ignored, other characters rejected. */
function goBase64Decode(s, alphabet) {
    const table = alphabet === 'std' ? B64STD : B64URL;
    const chars = s.replace(/[\r\n]/g, '');
    if (chars.length % 4 !== 0)
        return undefined;
    const out = [];
    for (let i = 0; i < chars.length; i += 4) {
        const quad = chars.slice(i, i + 4);
        const pad = quad.endsWith('==') ? 2 : quad.endsWith('=') ? 1 : 0;
        if (pad > 0 && i + 4 !== chars.length)
            return undefined;
        const vals = [];
        for (let j = 0; j < 4 - pad; j++) {
            const v = table.indexOf(quad[j]);
            if (v < 0)
                return undefined;
            vals.push(v);
        }
        if (pad === 2 && quad[1] === '=')
            return undefined;
        const n = vals.reduce((acc, v) => acc * 64 + v, 0) * 64 ** pad;
        const bytes = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
        out.push(...bytes.slice(0, 3 - pad));
    }
    return Buffer.from(out);
}
/** libtrust joseBase64UrlDecode: unpadded base64url, spaces and newlines removed first. */
function joseDecode(s) {
    let t = s.replace(/[\n ]/g, '');
    switch (t.length % 4) {
        case 0:
            break;
        case 2:
            t += '==';
            break;
        case 3:
            t += '=';
            break;
        default:
            return undefined;
    }
    return goBase64Decode(t, 'url');
}
function joseEncode(b) {
    return Buffer.from(b).toString('base64url');
}
const rawJwk = (_cur, v) => v;
const parsedSignature = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goStruct */ .cM)([
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .field */ .ZZ)('header', 'header', (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goStruct */ .cM)([
        (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .field */ .ZZ)('jwk', 'jwk', rawJwk),
        (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .field */ .ZZ)('alg', 'alg', _go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF),
        (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .field */ .ZZ)('x5c', 'x5c', (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goSlice */ .PW)(_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF, () => ''))
    ])),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .field */ .ZZ)('signature', 'signature', _go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF),
    (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .field */ .ZZ)('protected', 'protected', _go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goString */ .WF)
]);
/** Last value of an exact key, as Go's map[string]… decoding keeps it. */
function mapGet(obj, key) {
    let found;
    for (const [k, v] of obj.entries)
        if (k === key)
            found = v;
    return found;
}
/** The bytes a schema1 signature covers (libtrust ParsePrettySignature + Payload). */
function schema1SignedPayload(content) {
    const doc = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .qF)(content, 'schema1 manifest');
    const sigMessage = doc instanceof _go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .JsonObject */ .Y5 ? mapGet(doc, 'signatures') : undefined;
    if (sigMessage === undefined)
        throw jwsError('missing signature key');
    let blocks;
    try {
        blocks = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goSlice */ .PW)(parsedSignature, () => ({ header: { alg: '' }, signature: '', protected: '' }))(undefined, sigMessage, 'signatures', () => content);
    }
    catch (e) {
        throw jwsError(`error unmarshalling signatures: ${e.message}`);
    }
    let formatLength = 0;
    let formatTail = Buffer.alloc(0);
    for (const block of blocks ?? []) {
        const protectedBytes = joseDecode(block.protected);
        if (!protectedBytes)
            throw jwsError('base64 decode error in protected header');
        const header = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .qF)(protectedBytes, 'schema1 protected header');
        if (header !== null && !(header instanceof _go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .JsonObject */ .Y5))
            throw jwsError('protected header is not a JSON object');
        const lengthValue = header ? mapGet(header, 'formatLength') : undefined;
        if (!(lengthValue instanceof _go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .JsonNumber */ .WP))
            throw jwsError('missing formatted length');
        const length = Math.trunc(Number(lengthValue.text));
        const tailValue = header ? mapGet(header, 'formatTail') : undefined;
        if (typeof tailValue !== 'string')
            throw jwsError('missing formatted tail');
        const tail = joseDecode(tailValue);
        if (!tail)
            throw jwsError('base64 decode error on tail');
        if (formatLength === 0)
            formatLength = length;
        else if (formatLength !== length)
            throw jwsError('conflicting format length');
        if (formatTail.length === 0)
            formatTail = tail;
        else if (!formatTail.equals(tail))
            throw jwsError('conflicting format tail');
        if (block.header.jwk !== undefined)
            validateJwk(block.header.jwk);
    }
    if (formatLength > content.length || formatLength < 0)
        throw jwsError('invalid format length');
    return Buffer.concat([content.subarray(0, formatLength), formatTail]);
}
const algorithms = {
    ES256: { hash: 'sha256', ec: true },
    ES384: { hash: 'sha384', ec: true },
    ES512: { hash: 'sha512', ec: true },
    RS256: { hash: 'sha256', ec: false },
    RS384: { hash: 'sha384', ec: false },
    RS512: { hash: 'sha512', ec: false }
};
/**
 * libtrust JSONSignature.Verify for signatures that carry their key as a JWK (what libtrust and
 * containers/image write): every signature must verify over `protected.base64url(payload)`. Returns
 * the number of signatures checked; throws on the first that does not verify. x5c chains are refused.
 */
function verifySchema1Signatures(content) {
    const payload = schema1SignedPayload(content);
    const doc = parseJson(content, 'schema1 manifest');
    const zero = () => ({ header: { alg: '' }, signature: '', protected: '' });
    const blocks = goSlice(parsedSignature, zero)(undefined, mapGet(doc, 'signatures'), 'signatures', () => content);
    if (!blocks || blocks.length === 0)
        throw jwsError('missing signatures');
    const encodedPayload = joseEncode(payload);
    blocks.forEach((block, i) => {
        const alg = algorithms[block.header.alg];
        if (!alg)
            throw jwsError(`signature ${i}: unsupported algorithm ${JSON.stringify(block.header.alg)}`);
        if (!(block.header.jwk instanceof JsonObject))
            throw jwsError(`signature ${i}: only signatures with a JWK key can be verified`);
        const jwk = Object.fromEntries(block.header.jwk.entries.filter(([, v]) => typeof v === 'string'));
        const key = nodeCrypto().createPublicKey({ key: jwk, format: 'jwk' });
        const signature = joseDecode(block.signature);
        if (!signature)
            throw jwsError(`signature ${i}: invalid base64 URL encoding`);
        const ok = nodeCrypto().verify(alg.hash, Buffer.from(`${block.protected}.${encodedPayload}`), alg.ec ? { key, dsaEncoding: 'ieee-p1363' } : key, signature);
        if (!ok)
            throw jwsError(`signature ${i}: invalid signature`);
    });
    return blocks.length;
}
// ---------------------------------------------------------------------------------------------------
// Public keys (libtrust UnmarshalPublicKeyJWK): checked only as far as libtrust checks them.
const curves = {
    'P-256': { bytes: 32, oid: '2a8648ce3d030107', alg: 'ES256' },
    'P-384': { bytes: 48, oid: '2b81040022', alg: 'ES384' },
    'P-521': { bytes: 66, oid: '2b81040023', alg: 'ES512' }
};
function jwkString(jwk, key, what) {
    const v = jwk.get(key);
    if (v === undefined)
        throw jwsError(`${what}: "${key}" value not specified`);
    if (typeof v !== 'string')
        throw jwsError(`${what}: "${key}" value must be a string`);
    return v;
}
function validateJwk(raw) {
    if (raw !== null && !(raw instanceof _go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .JsonObject */ .Y5))
        throw jwsError('decoding JWK Public Key JSON data');
    const jwk = new Map(raw ? raw.entries : []);
    const kty = jwkString(jwk, 'kty', 'JWK Public Key type');
    let der;
    if (kty === 'EC') {
        const crv = jwkString(jwk, 'crv', 'JWK EC Public Key curve identifier');
        const curve = curves[crv];
        if (!curve)
            throw jwsError(`JWK EC Public Key curve identifier not supported: ${JSON.stringify(crv)}`);
        const coords = ['x', 'y'].map(c => {
            const b = joseDecode(jwkString(jwk, c, `JWK EC Public Key ${c}-coordinate`));
            if (!b)
                throw jwsError(`JWK EC Public Key ${c}-coordinate: invalid base64 URL encoding`);
            if (b.length !== curve.bytes)
                throw jwsError(`JWK EC Public Key ${c}-coordinate: invalid number of octets`);
            return b;
        });
        if (jwk.has('kid'))
            der = ecSpki(curve.oid, Buffer.concat([Buffer.from([4]), ...coords]));
    }
    else if (kty === 'RSA') {
        const n = joseDecode(jwkString(jwk, 'n', 'JWK RSA Public Key modulus'));
        if (!n)
            throw jwsError('JWK RSA Public Key modulus: invalid base64 URL encoding');
        const e = joseDecode(jwkString(jwk, 'e', 'JWK RSA Public Key exponent'));
        if (!e || e.length > 4)
            throw jwsError('JWK RSA Public Key exponent: invalid encoding');
        if (jwk.has('kid'))
            der = rsaSpki(n, e);
        if (jwk.has('d'))
            throw jwsError('JWK RSA Public Key cannot contain private exponent');
    }
    else {
        throw jwsError(`JWK Public Key type not supported: ${JSON.stringify(kty)}`);
    }
    if (der !== undefined) {
        const kid = jwkString(jwk, 'kid', 'JWK Public Key ID');
        if (kid !== keyIdOf(der))
            throw jwsError(`JWK Public Key ID does not match: ${kid}`);
    }
}
function derLength(n) {
    if (n < 0x80)
        return Buffer.from([n]);
    const bytes = [];
    for (let v = n; v > 0; v = Math.floor(v / 256))
        bytes.unshift(v & 0xff);
    return Buffer.from([0x80 | bytes.length, ...bytes]);
}
function der(tag, ...content) {
    const body = Buffer.concat(content);
    return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}
function derInteger(bigEndian) {
    let i = 0;
    while (i < bigEndian.length - 1 && bigEndian[i] === 0)
        i++;
    let v = Buffer.from(bigEndian.subarray(i));
    if (v.length === 0)
        v = Buffer.from([0]);
    if (v[0] & 0x80)
        v = Buffer.concat([Buffer.from([0]), v]);
    return der(0x02, v);
}
function ecSpki(curveOid, point) {
    const spki = der(0x30, der(0x30, der(0x06, Buffer.from('2a8648ce3d0201', 'hex')), der(0x06, Buffer.from(curveOid, 'hex'))), der(0x03, Buffer.from([0]), point));
    try {
        (0,_lazy_builtin_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeCrypto */ .S)().createPublicKey({ key: spki, format: 'der', type: 'spki' }); // Go refuses to marshal a point off the curve
    }
    catch {
        return undefined;
    }
    return spki;
}
function rsaSpki(n, e) {
    return der(0x30, der(0x30, der(0x06, Buffer.from('2a864886f70d010101', 'hex')), Buffer.from([0x05, 0x00])), der(0x03, Buffer.from([0]), der(0x30, derInteger(n), derInteger(e))));
}
/** libtrust KeyID: the first 240 bits of the SHA-256 of the SPKI DER, base32, in groups of four. */
function keyIdOf(spki) {
    if (!spki)
        return '';
    const hash = (0,_lazy_builtin_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeCrypto */ .S)().createHash('sha256').update(spki).digest().subarray(0, 30);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    let bits = '';
    for (const byte of hash)
        bits += byte.toString(2).padStart(8, '0');
    let s = '';
    for (let i = 0; i + 5 <= bits.length; i += 5)
        s += alphabet[parseInt(bits.slice(i, i + 5), 2)];
    return s.match(/.{1,4}/g).join(':');
}
// ---------------------------------------------------------------------------------------------------
// Signing (containers/image AddDummyV2S1Signature): a throw-away P-256 key signs the compact payload.
function isGoSpace(c) {
    return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
}
function addDummySchema1Signature(payload, now = new Date()) {
    let close = payload.length - 1;
    while (close >= 0 && isGoSpace(payload[close]))
        close--;
    if (close < 0 || payload[close] !== 0x7d)
        throw jwsError('invalid json content');
    let last = close - 1;
    while (last >= 0 && isGoSpace(payload[last]))
        last--;
    if (last < 0 || payload[last] === 0x2c)
        throw jwsError('invalid json content');
    const formatLength = last + 1;
    const formatTail = payload.subarray(formatLength);
    const time = now.toISOString().replace(/\.\d+Z$/, 'Z');
    const protectedHeader = joseEncode((0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goMarshal */ .vy)(new _go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .GoMap */ .tn([
        ['formatLength', formatLength],
        ['formatTail', joseEncode(formatTail)],
        ['time', time]
    ])));
    const { privateKey, publicKey } = (0,_lazy_builtin_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeCrypto */ .S)().generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const signature = (0,_lazy_builtin_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeCrypto */ .S)().sign('sha256', Buffer.from(`${protectedHeader}.${joseEncode(payload)}`), {
        key: privateKey,
        dsaEncoding: 'ieee-p1363'
    });
    const jwk = publicKey.export({ format: 'jwk' });
    const spki = publicKey.export({ format: 'der', type: 'spki' });
    const signatures = (0,_go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .goMarshal */ .vy)([
        {
            header: {
                jwk: new _go_json_js__WEBPACK_IMPORTED_MODULE_2__/* .GoMap */ .tn([
                    ['crv', 'P-256'],
                    ['kid', keyIdOf(spki)],
                    ['kty', 'EC'],
                    ['x', jwk.x],
                    ['y', jwk.y]
                ]),
                alg: 'ES256'
            },
            signature: joseEncode(signature),
            protected: protectedHeader
        }
    ]);
    return Buffer.concat([
        payload.subarray(0, formatLength),
        Buffer.from(',"signatures":'),
        signatures,
        Buffer.from('}')
    ]);
}


/***/ }),

/***/ 9405:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ej: () => (/* binding */ normalizeMimeType),
/* harmony export */   VI: () => (/* binding */ isListMimeType),
/* harmony export */   _k: () => (/* binding */ defaultRequestedManifestMimeTypes),
/* harmony export */   aX: () => (/* binding */ supportedListMimeTypes),
/* harmony export */   cH: () => (/* binding */ ZstdInstanceAnnotation),
/* harmony export */   rn: () => (/* binding */ isSchema1MimeType),
/* harmony export */   se: () => (/* binding */ allManifestMimeTypes),
/* harmony export */   tQ: () => (/* binding */ parseMimeTypeOption),
/* harmony export */   yc: () => (/* binding */ listMimeTypeFor),
/* harmony export */   zu: () => (/* binding */ MediaType)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1738);

const MediaType = {
    DockerV2Schema1: 'application/vnd.docker.distribution.manifest.v1+json',
    DockerV2Schema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
    DockerV2Schema2: 'application/vnd.docker.distribution.manifest.v2+json',
    DockerV2List: 'application/vnd.docker.distribution.manifest.list.v2+json',
    DockerV2Schema2Config: 'application/vnd.docker.container.image.v1+json',
    DockerV2Schema2Layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
    DockerV2SchemaLayerUncompressed: 'application/vnd.docker.image.rootfs.diff.tar',
    DockerV2SchemaLayerZstd: 'application/vnd.docker.image.rootfs.diff.tar.zstd',
    DockerV2Schema2ForeignLayer: 'application/vnd.docker.image.rootfs.foreign.diff.tar',
    DockerV2Schema2ForeignLayerGzip: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
    OCIDescriptor: 'application/vnd.oci.descriptor.v1+json',
    OCILayoutHeader: 'application/vnd.oci.layout.header.v1+json',
    OCIManifest: 'application/vnd.oci.image.manifest.v1+json',
    OCIIndex: 'application/vnd.oci.image.index.v1+json',
    OCIConfig: 'application/vnd.oci.image.config.v1+json',
    OCILayer: 'application/vnd.oci.image.layer.v1.tar',
    OCILayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
    OCILayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
    OCILayerNonDistributable: 'application/vnd.oci.image.layer.nondistributable.v1.tar',
    OCILayerNonDistributableGzip: 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
    OCILayerNonDistributableZstd: 'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd',
    OCIEmptyJSON: 'application/vnd.oci.empty.v1+json',
    // ocicrypt's encrypted layer types
    OCILayerEncrypted: 'application/vnd.oci.image.layer.v1.tar+encrypted',
    OCILayerGzipEncrypted: 'application/vnd.oci.image.layer.v1.tar+gzip+encrypted',
    OCILayerZstdEncrypted: 'application/vnd.oci.image.layer.v1.tar+zstd+encrypted',
    OCILayerNonDistributableEncrypted: 'application/vnd.oci.image.layer.nondistributable.v1.tar+encrypted',
    OCILayerNonDistributableGzipEncrypted: 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip+encrypted',
    OCILayerNonDistributableZstdEncrypted: 'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd+encrypted'
};
/** The annotation containers/image puts on OCI index entries whose layers are zstd-compressed. */
const ZstdInstanceAnnotation = 'io.github.containers.compression.zstd';
/** Single-image manifest types, in containers/image's order of preference (allManifestMIMETypes). */
const allManifestMimeTypes = [
    MediaType.OCIManifest,
    MediaType.DockerV2Schema2,
    MediaType.DockerV2Schema1Signed,
    MediaType.DockerV2Schema1
];
/** List types, in containers/image's order (SupportedListMIMETypes). */
const supportedListMimeTypes = [MediaType.DockerV2List, MediaType.OCIIndex];
/** Every manifest type a source should ask for (containers/image DefaultRequestedManifestMIMETypes). */
const defaultRequestedManifestMimeTypes = [
    ...allManifestMimeTypes,
    ...supportedListMimeTypes
];
function isListMimeType(mimeType) {
    return mimeType === MediaType.DockerV2List || mimeType === MediaType.OCIIndex;
}
function isSchema1MimeType(mimeType) {
    return mimeType === MediaType.DockerV2Schema1 || mimeType === MediaType.DockerV2Schema1Signed;
}
/**
 * The effective type of a manifest MIME type a server returned (containers/image NormalizedMIMEType):
 * `application/json` and anything unrecognized are treated as signed schema1, as docker/distribution does.
 */
function normalizeMimeType(mimeType) {
    switch (mimeType) {
        case MediaType.DockerV2Schema1:
        case MediaType.DockerV2Schema1Signed:
        case MediaType.OCIManifest:
        case MediaType.OCIIndex:
        case MediaType.DockerV2Schema2:
        case MediaType.DockerV2List:
            return mimeType;
        default:
            return MediaType.DockerV2Schema1Signed;
    }
}
const mimeTypeShortNames = {
    oci: MediaType.OCIManifest,
    v2s1: MediaType.DockerV2Schema1Signed,
    v2s2: MediaType.DockerV2Schema2
};
/** Parses a `force-mime-type` value: `oci`, `v2s1`, `v2s2` (as skopeo's --format), or a full manifest MIME type. */
function parseMimeTypeOption(value) {
    const v = value.trim();
    const short = mimeTypeShortNames[v.toLowerCase()];
    if (short !== undefined)
        return short;
    if (allManifestMimeTypes.includes(v) || supportedListMimeTypes.includes(v))
        return v;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ManifestError */ .S('unknown-media-type', `unknown manifest format ${JSON.stringify(value)}: use one of oci, v2s1, v2s2, or a MIME type: ${[
        ...allManifestMimeTypes,
        ...supportedListMimeTypes
    ].join(', ')}`);
}
/** The list type that holds instances of a single-image type (copy/manifest.go determineListConversion). */
function listMimeTypeFor(mimeType) {
    switch (mimeType) {
        case MediaType.DockerV2Schema1:
        case MediaType.DockerV2Schema1Signed:
        case MediaType.DockerV2Schema2:
        case MediaType.DockerV2List:
            return MediaType.DockerV2List;
        case MediaType.OCIManifest:
        case MediaType.OCIIndex:
            return MediaType.OCIIndex;
        default:
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ManifestError */ .S('unknown-media-type', `no manifest list type holds manifests of type ${JSON.stringify(mimeType)}`);
    }
}


/***/ }),

/***/ 8820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ER: () => (/* binding */ startMemoryPacing),
/* harmony export */   FS: () => (/* binding */ releaseGarbage),
/* harmony export */   Go: () => (/* binding */ STAGE_BUFFER_BYTES),
/* harmony export */   l8: () => (/* binding */ FILE_CHUNK_BYTES),
/* harmony export */   mE: () => (/* binding */ noteBytesRead)
/* harmony export */ });
/* unused harmony exports STAGES_PER_TRANSFER, TRANSFER_BUFFER_BYTES, COLLECT_EVERY_BYTES */
/* harmony import */ var _lazy_builtin_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(839);

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
const v8 = (0,_lazy_builtin_js__WEBPACK_IMPORTED_MODULE_0__/* .lazyBuiltin */ .q)('node:v8');
const vm = (0,_lazy_builtin_js__WEBPACK_IMPORTED_MODULE_0__/* .lazyBuiltin */ .q)('node:vm');
let collect;
let sinceCollection = 0;
/**
 * Starts the pacing, once: the young generation stops growing, and V8's `gc` is exposed to a context
 * made for it (not to the program's own). Called by whatever first moves bulk bytes: a blob read
 * (noteBytesRead), a file spooled or an archive extracted, the Actions cache restored or saved. V8
 * reads the growth factor whenever it grows the young generation.
 */
function startMemoryPacing() {
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
        startMemoryPacing();
    sinceCollection += n;
    if (sinceCollection < COLLECT_EVERY_BYTES)
        return;
    sinceCollection = 0;
    collect?.({ type: 'minor' });
}


/***/ }),

/***/ 8584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  kq: () => (/* binding */ sourceContextOf),
  bl: () => (/* binding */ toCopyOptions),
  jQ: () => (/* binding */ useBlobInfoCache)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/auth/auth-file-paths.ts
// Which auth files are consulted, in order (containers/image getAuthFilePaths, DESIGN.md section 6):
// a user-given file alone, or `$REGISTRY_AUTH_FILE` alone, or else the containers auth.json files, the
// docker config.json, and the legacy ~/.dockercfg.


function authFileLocations(env, authFile, platform = process.platform) {
    if (authFile)
        return [{ path: (0,external_node_path_.resolve)(authFile), legacyFormat: false, chosenBy: 'auth-file' }];
    if (env.REGISTRY_AUTH_FILE) {
        return [{ path: (0,external_node_path_.resolve)(env.REGISTRY_AUTH_FILE), legacyFormat: false, chosenBy: 'REGISTRY_AUTH_FILE' }];
    }
    const home = env.HOME || env.USERPROFILE || (0,external_node_os_.homedir)();
    const paths = [];
    if (platform === 'linux') {
        const uid = process.getuid?.();
        if (env.XDG_RUNTIME_DIR)
            paths.push((0,external_node_path_.join)(env.XDG_RUNTIME_DIR, 'containers', 'auth.json'));
        else if (uid !== undefined)
            paths.push(`/run/containers/${uid}/auth.json`);
    }
    else {
        // containers/image keeps the "runtime" auth.json in ~/.config on macOS and Windows.
        paths.push((0,external_node_path_.join)(home, '.config', 'containers', 'auth.json'));
    }
    paths.push((0,external_node_path_.join)(env.XDG_CONFIG_HOME || (0,external_node_path_.join)(home, '.config'), 'containers', 'auth.json'));
    paths.push((0,external_node_path_.join)(env.DOCKER_CONFIG || (0,external_node_path_.join)(home, '.docker'), 'config.json'));
    const locations = [...new Set(paths)].map(path => ({ path, legacyFormat: false }));
    locations.push({ path: (0,external_node_path_.join)(home, '.dockercfg'), legacyFormat: true });
    return locations;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/auth/errors.ts
var errors = __webpack_require__(5439);
;// CONCATENATED MODULE: ./src/auth/keys.ts
// Registry names as credential stores key them. Docker Hub goes by several names: references say
// `docker.io`, the API lives on `registry-1.docker.io`, old files say `index.docker.io`, and the docker
// CLI keys it `https://index.docker.io/v1/`. Auth-file keys may be URLs (`https://host`, `http://host/v1/`)
// written by older `docker login`s. The rules are containers/image `pkg/docker/config` ones
// (normalizeRegistry, normalizeAuthFileKey, authKeyLookupOrder) plus docker CLI's Docker Hub key.
/** The key the docker CLI stores Docker Hub credentials under, in files and in credential helpers. */
const DOCKER_HUB_AUTH_KEY = 'https://index.docker.io/v1/';
/** The registry name references use for Docker Hub. */
const DOCKER_HUB_REGISTRY = 'docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
function isDockerHub(host) {
    return DOCKER_HUB_ALIASES.has(host.toLowerCase());
}
/** The registry name used to build lookup keys: Docker Hub's aliases become `docker.io`. */
function canonicalRegistry(host) {
    return isDockerHub(host) ? DOCKER_HUB_REGISTRY : host;
}
/** containers/image normalizeRegistry: Docker Hub's names become `index.docker.io`, others stay. */
function normalizeRegistry(registry) {
    return isDockerHub(registry) ? 'index.docker.io' : registry;
}
/**
 * containers/image normalizeAuthFileKey: a URL key (`https://host/v1/`) loses its scheme and path, and
 * so does every key of a legacy `.dockercfg`; the remaining host is normalized.
 */
function normalizeAuthFileKey(key, legacyFormat) {
    let stripped = key;
    for (const scheme of ['http://', 'https://']) {
        if (stripped.startsWith(scheme))
            stripped = stripped.slice(scheme.length);
    }
    if (legacyFormat || stripped !== key) {
        const slash = stripped.indexOf('/');
        if (slash !== -1)
            stripped = stripped.slice(0, slash);
    }
    return normalizeRegistry(stripped);
}
/**
 * The exact keys to try for a repository, most specific first: `host/ns/repo`, `host/ns`, `host`.
 * A legacy `.dockercfg` knows hosts only.
 */
function authKeyLookupOrder(registry, repository, legacyFormat) {
    if (legacyFormat)
        return [registry];
    const keys = [];
    let key = repository ? `${registry}/${repository}` : registry;
    for (;;) {
        keys.push(key);
        const slash = key.lastIndexOf('/');
        if (slash === -1)
            break;
        key = key.slice(0, slash);
    }
    return keys;
}
/**
 * What a credential helper is asked for. Docker Hub is stored under `https://index.docker.io/v1/` by
 * `docker login` and under `docker.io` by `podman login`/containers/image, so both are asked, in that order.
 */
function helperServerUrls(registry) {
    return isDockerHub(registry) ? [DOCKER_HUB_AUTH_KEY, DOCKER_HUB_REGISTRY] : [registry];
}
/** True when a `credHelpers` key names the registry (exactly, or after normalization). */
function credHelperKeyMatches(key, registry) {
    return key === registry || normalizeAuthFileKey(key, false) === normalizeRegistry(registry);
}
/** A key as it may appear in messages: any `user:password@` part of a URL-shaped key is hidden. */
function displayKey(key) {
    return JSON.stringify(key.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/@]*@/i, '$1***@'));
}

;// CONCATENATED MODULE: ./src/auth/auth-file.ts
// Auth files: containers `auth.json`, docker `config.json` (same shape: `auths`, `credHelpers`,
// `credsStore`) and the legacy `~/.dockercfg` (a bare map of entries). Parsing, and the lookup of an
// `auths` entry for a registry and repository, as containers/image `pkg/docker/config` does it.



/** Reads and parses an auth file; `undefined` when it does not exist. */
async function readAuthFile(path, legacyFormat = false) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw new errors/* CredentialLookupError */.y(`cannot read credentials file ${path}: ${code ?? 'read error'}`);
    }
    return parseAuthFile(path, text, legacyFormat);
}
/** Parses the text of an auth file. An empty file is an empty configuration, as docker reads it. */
function parseAuthFile(path, text, legacyFormat = false) {
    const file = { path, legacyFormat, auths: [], credHelpers: [] };
    if (text.trim() === '')
        return file;
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        // V8 quotes the text around the error in its message, which may be a secret: keep only the position.
        const where = /(at position \d+|line \d+ column \d+)/.exec(e instanceof Error ? e.message : '');
        throw new errors/* CredentialLookupError */.y(`credentials file ${path} is not valid JSON${where ? ` (${where[1]})` : ''}`, 'usage', 'fix or remove the file');
    }
    if (data === null)
        return file;
    if (!isObject(data))
        throw malformed(path, 'the top level is not a JSON object');
    if (legacyFormat) {
        file.auths = Object.entries(data);
        return file;
    }
    const auths = field(data, 'auths');
    if (auths !== undefined && auths !== null) {
        if (!isObject(auths))
            throw malformed(path, '"auths" is not a JSON object');
        file.auths = Object.entries(auths);
    }
    const helpers = field(data, 'credHelpers');
    if (helpers !== undefined && helpers !== null) {
        if (!isObject(helpers))
            throw malformed(path, '"credHelpers" is not a JSON object');
        for (const [key, name] of Object.entries(helpers)) {
            if (typeof name !== 'string')
                throw malformed(path, `credHelpers[${displayKey(key)}] is not a string`);
            if (name !== '')
                file.credHelpers.push([key, checkHelperName(path, `credHelpers[${displayKey(key)}]`, name)]);
        }
    }
    const store = field(data, 'credsStore');
    if (store !== undefined && store !== null) {
        if (typeof store !== 'string')
            throw malformed(path, '"credsStore" is not a string');
        if (store !== '')
            file.credsStore = checkHelperName(path, 'credsStore', store);
    }
    return file;
}
/** The `credHelpers` entry for a registry: its exact key first, then any key that normalizes to it. */
function findCredHelper(file, registry) {
    const exact = file.credHelpers.find(([key]) => key === registry);
    const hub = isDockerHub(registry)
        ? file.credHelpers.find(([key]) => key === DOCKER_HUB_AUTH_KEY)
        : undefined;
    const found = exact ?? hub ?? file.credHelpers.find(([key]) => credHelperKeyMatches(key, registry));
    return found ? { key: found[0], helper: found[1] } : undefined;
}
/**
 * The `auths` entry for `registry`/`repository`: exact keys from most to least specific (`host/ns/repo`
 * → `host/ns` → `host`), then Docker Hub's `https://index.docker.io/v1/`, then the first key (in file
 * order) that normalizes to the registry (URL keys, `index.docker.io`). Entries holding no credential
 * (docker writes `{}` when a helper keeps the secret) are not matches; the search goes on.
 */
function findInAuths(file, host, repository, report, warn) {
    const registry = canonicalRegistry(host);
    const entries = new Map(file.auths);
    const tried = new Set();
    const tryKey = (key) => {
        if (tried.has(key) || !entries.has(key))
            return undefined;
        tried.add(key);
        const credentials = decodeEntry(file, key, entries.get(key), report, warn);
        return credentials ? { credentials, key } : undefined;
    };
    const exactKeys = authKeyLookupOrder(registry, repository.replace(/^\/+|\/+$/g, ''), file.legacyFormat);
    if (isDockerHub(registry))
        exactKeys.push(DOCKER_HUB_AUTH_KEY);
    for (const key of exactKeys) {
        const match = tryKey(key);
        if (match)
            return match;
    }
    const normalized = normalizeRegistry(registry);
    for (const [key] of file.auths) {
        if (normalizeAuthFileKey(key, file.legacyFormat) !== normalized)
            continue;
        const match = tryKey(key);
        if (match)
            return match;
    }
    return undefined;
}
/**
 * One `auths` entry as docker's AuthConfig: `auth` (base64 `user:password`, which wins over the
 * `username`/`password` fields, as in docker), `identitytoken`, `registrytoken`. Every secret is reported
 * before it is returned. `undefined` when the entry holds no credential.
 */
function decodeEntry(file, key, entry, report, warn) {
    const where = `${file.legacyFormat ? '' : 'auths'}[${displayKey(key)}]`;
    if (entry === null || entry === undefined)
        return undefined;
    if (!isObject(entry))
        throw malformed(file.path, `${where} is not a JSON object`);
    const text = (name) => {
        const value = field(entry, name);
        if (value === undefined || value === null)
            return '';
        if (typeof value !== 'string')
            throw malformed(file.path, `${where}.${name} is not a string`);
        return value;
    };
    const auth = text('auth');
    const identityToken = text('identitytoken');
    const registryToken = text('registrytoken');
    let username = text('username');
    let password = text('password');
    for (const secret of [auth, identityToken, registryToken, password])
        if (secret)
            report(secret);
    if (auth !== '') {
        const decoded = decodeBase64(auth);
        if (decoded === undefined) {
            throw new errors/* CredentialLookupError */.y(`${where}.auth in ${file.path} is not valid base64`, 'usage', 'log in again (docker login / podman login) or fix the entry: it must be base64 of "username:password"');
        }
        const colon = decoded.indexOf(':');
        if (colon === -1) {
            // containers/image skips such an entry (docker refuses the whole file). Never quote it: it is a secret.
            warn(`ignoring ${where} in ${file.path}: its "auth" value is not base64 of "username:password"`);
            username = '';
            password = '';
        }
        else {
            username = decoded.slice(0, colon);
            password = decoded.slice(colon + 1).replace(/^\0+|\0+$/g, '');
            if (password)
                report(password);
        }
    }
    const credentials = {};
    if (username)
        credentials.username = username;
    if (password)
        credentials.password = password;
    if (identityToken)
        credentials.identityToken = identityToken;
    if (registryToken)
        credentials.registryToken = registryToken;
    return Object.keys(credentials).length > 0 ? credentials : undefined;
}
/** Strict standard base64 (padding optional, line breaks ignored), as UTF-8; `undefined` when malformed. */
function decodeBase64(value) {
    const compact = value.replace(/[\r\n]/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact))
        return undefined;
    const unpadded = compact.replace(/=+$/, '');
    if (unpadded.length % 4 === 1)
        return undefined;
    if (compact.length !== unpadded.length && compact.length % 4 !== 0)
        return undefined;
    return Buffer.from(unpadded, 'base64').toString('utf8');
}
function checkHelperName(path, where, name) {
    if (/[/\\]/.test(name) || name.trim() !== name) {
        throw malformed(path, `${where} must be a helper name (the part after "docker-credential-"), not a path`);
    }
    return name;
}
/** Go's encoding/json matches field names case-insensitively, preferring an exact match; so do we. */
function field(object, name) {
    if (Object.hasOwn(object, name))
        return object[name];
    const lower = name.toLowerCase();
    const key = Object.keys(object).find(k => k.toLowerCase() === lower);
    return key === undefined ? undefined : object[key];
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function malformed(path, what) {
    return new errors/* CredentialLookupError */.y(`credentials file ${path} is malformed: ${what}`, 'usage', 'fix or remove the file');
}

// EXTERNAL MODULE: ./src/auth/credential-helper.ts
var credential_helper = __webpack_require__(5682);
;// CONCATENATED MODULE: ./src/auth/lookup.ts





const GHCR_HOST = 'ghcr.io';
async function lookupCredentials(host, repository, sources) {
    const reported = new Set();
    const report = (secret) => {
        if (!secret || reported.has(secret))
            return;
        reported.add(secret);
        sources.onSecret?.(secret);
    };
    const found = (credentials, from) => {
        report(credentials.password);
        report(credentials.identityToken);
        report(credentials.registryToken);
        if (credentials.username !== undefined && credentials.password !== undefined) {
            report(Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'));
        }
        return { credentials, from };
    };
    const explicit = nonEmpty(sources.explicit);
    if (explicit)
        return found(explicit, sources.explicitFrom ?? 'input');
    for (const location of authFileLocations(sources.env, sources.authFile)) {
        const result = await lookupInFile(location, host, repository, sources, report);
        if (result)
            return found(result.credentials, result.from);
    }
    if (host.toLowerCase() === GHCR_HOST && sources.githubToken) {
        const username = sources.env.GITHUB_ACTOR || 'x-access-token';
        return found({ username, password: sources.githubToken }, 'github-token');
    }
    return { from: 'anonymous' };
}
/** A `credentialLookup` for RegistryOptions; `onFound` hears where each registry's credentials came from. */
function credentialLookup(sources, onFound) {
    return async (host, repository) => {
        const { credentials, from } = await lookupCredentials(host, repository, sources);
        onFound?.(host, repository, from);
        return credentials;
    };
}
async function lookupInFile(location, host, repository, sources, report) {
    const warn = (message) => sources.onWarning?.(message);
    const file = await readAuthFile(location.path, location.legacyFormat);
    if (!file) {
        if (location.chosenBy === 'auth-file') {
            throw new errors/* CredentialLookupError */.y(`auth-file ${location.path} does not exist`, 'usage', 'check the path of the auth-file input (it is read on the runner, relative to the working directory)');
        }
        if (location.chosenBy === 'REGISTRY_AUTH_FILE') {
            warn(`REGISTRY_AUTH_FILE names ${location.path}, which does not exist; no other credentials file is read`);
        }
        return undefined;
    }
    const fromHelper = await lookupInHelper(file, host, sources, warn);
    if (fromHelper)
        return fromHelper;
    const match = findInAuths(file, host, repository, report, warn);
    if (!match)
        return undefined;
    return {
        credentials: match.credentials,
        from: `${file.path} ${file.legacyFormat ? '' : 'auths'}[${displayKey(match.key)}]`
    };
}
/**
 * The helper docker would ask for this host: `credHelpers[host]`, else `credsStore`. A helper that
 * has nothing for the host is no match. A missing `credHelpers` program is an error (the file says
 * this host's credentials are there); a missing `credsStore` program is a warning, because
 * containers/image (skopeo, podman) ignores `credsStore` and such files often also hold `auths`.
 */
async function lookupInHelper(file, host, sources, warn) {
    const registry = canonicalRegistry(host);
    const perHost = findCredHelper(file, registry);
    const name = perHost?.helper ?? file.credsStore;
    if (name === undefined)
        return undefined;
    const configuredBy = perHost
        ? `credHelpers[${displayKey(perHost.key)}] in ${file.path}`
        : `credsStore in ${file.path}`;
    const from = `${perHost ? 'credHelpers' : 'credsStore'}: ${(0,credential_helper/* helperProgram */.ph)(name)} (${file.path})`;
    for (const serverUrl of helperServerUrls(registry)) {
        let credentials;
        try {
            credentials = await (0,credential_helper/* getFromCredentialHelper */.at)(name, serverUrl, {
                env: sources.env,
                timeoutMs: sources.helperTimeoutMs,
                configuredBy
            });
        }
        catch (e) {
            if (!perHost && e instanceof errors/* CredentialHelperMissingError */.A) {
                warn(`${e.message}; looking in "auths" of that file instead`);
                return undefined;
            }
            throw e;
        }
        if (credentials)
            return { credentials, from };
    }
    return undefined;
}
function nonEmpty(credentials) {
    if (!credentials)
        return undefined;
    const { username, password, registryToken, identityToken } = credentials;
    return username || password || registryToken || identityToken ? credentials : undefined;
}

;// CONCATENATED MODULE: ./src/auth/index.ts







// EXTERNAL MODULE: ./src/registry/proxy-env.ts
var proxy_env = __webpack_require__(6073);
// EXTERNAL MODULE: ./src/transports/index.ts + 7 modules
var transports = __webpack_require__(1306);
// EXTERNAL MODULE: ./src/options/request.ts
var options_request = __webpack_require__(5799);
;// CONCATENATED MODULE: ./src/options/copy-options.ts




function registryOptions(prefix, request, reader, env, hooks) {
    const side = request[prefix];
    const explicit = side.username !== undefined || side.registryToken !== undefined
        ? { username: side.username, password: side.password, registryToken: side.registryToken }
        : undefined;
    return {
        // Explicit credentials go through the lookup too, so the log says where they came from.
        credentialLookup: credentialLookup({
            explicit,
            explicitFrom: reader.label(side.username !== undefined ? `${prefix}-username` : `${prefix}-registry-token`),
            authFile: request.authFile,
            env,
            githubToken: request.githubToken,
            onSecret: hooks.onSecret,
            onWarning: hooks.onWarning
        }, hooks.onCredentials),
        tlsVerify: side.tlsVerify,
        tlsVerifyOff: (0,options_request/* settingText */.Su)(reader, `${prefix}-tls-verify`, 'false'),
        certDir: side.certDir,
        retryTimes: request.retryTimes,
        onSecret: hooks.onSecret,
        proxy: (0,proxy_env/* proxyEnvironment */.wP)(env),
        log: hooks.onLog
    };
}
/** The source's transport context alone (listing a repository's tags before any copy). */
function sourceContextOf(request, reader, hooks = {}, env = process.env) {
    return {
        registry: registryOptions('src', request, reader, env, hooks),
        sharedBlobDir: request.src.sharedBlobDir
    };
}
function toCopyOptions(request, reader, hooks = {}, env = process.env) {
    const sourceContext = sourceContextOf(request, reader, hooks, env);
    const destinationContext = {
        registry: registryOptions('dest', request, reader, env, hooks),
        sharedBlobDir: request.dest.sharedBlobDir,
        dirForceCompress: request.layers.dirCompress,
        dirForceDecompress: request.layers.dirDecompress,
        ociAcceptUncompressedLayers: request.layers.ociAcceptUncompressed
    };
    return {
        source: (0,transports/* parseImageReference */.o)(request.source, reader.label('src')),
        destinations: request.destinations.map(d => (0,transports/* parseImageReference */.o)(d, reader.label('dest'))),
        selection: request.selection,
        sparseList: request.sparseList,
        forceMimeType: request.forceMimeType,
        preserveDigests: request.preserveDigests,
        removeSignatures: request.removeSignatures,
        skipUnchanged: request.skipUnchanged,
        parallel: request.parallel,
        compressFormat: request.layers.compressFormat,
        compressLevel: request.layers.compressLevel,
        sourceContext,
        destinationContext,
        referrers: request.referrers,
        onEvent: hooks.onEvent
    };
}
/** Gives the engine and every transport context of `options` one blob-info cache (none: unchanged). */
function useBlobInfoCache(options, cache) {
    if (!cache)
        return;
    options.blobInfoCache = cache;
    options.sourceContext = { ...options.sourceContext, blobInfoCache: cache };
    const dest = options.destinationContext;
    options.destinationContext =
        typeof dest === 'function'
            ? (ref) => ({ ...dest(ref), blobInfoCache: cache })
            : { ...dest, blobInfoCache: cache };
}


/***/ }),

/***/ 5799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Su: () => (/* binding */ settingText),
/* harmony export */   en: () => (/* binding */ parseCopyRequest)
/* harmony export */ });
/* unused harmony export notSupportedYet */
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(571);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _kinds_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2533);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1434);
/* harmony import */ var _compression_streams_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8063);
// One typed, validated request from named options. The Action reads them from its inputs, the CLI
// from its flags; both use these names (DESIGN.md section 8), so errors name what the user wrote.





function settingText(reader, name, value) {
    return reader.setting?.(name, value) ?? `${reader.label(name)} set to ${value}`;
}
/** Options this version does not implement yet: setting them is an error, never silently ignored. */
const notSupportedYet = [];
/** A default from the option table, read as that option's kind. */
function defaultValue(name) {
    const spec = (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .option */ .u)(name);
    return spec.default === undefined ? undefined : (0,_kinds_js__WEBPACK_IMPORTED_MODULE_2__/* .parseValue */ .$x)(spec.kind, spec.default, spec.name);
}
/** The option's value as given, else the table's default; checked against the option's kind. */
function value(reader, name) {
    const raw = optional(reader, name);
    return raw === undefined ? defaultValue(name) : (0,_kinds_js__WEBPACK_IMPORTED_MODULE_2__/* .parseValue */ .$x)((0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .option */ .u)(name).kind, raw, reader.label(name));
}
function bool(reader, name) {
    const v = value(reader, name);
    if (typeof v !== 'boolean')
        throw new Error(`option ${name}: not a true/false option in the option table`);
    return v;
}
/** An integer or a size option (never undefined: each has a default). */
function number(reader, name) {
    const v = value(reader, name);
    if (typeof v !== 'number')
        throw new Error(`option ${name}: no number in the option table`);
    return v;
}
function optional(reader, name) {
    const v = reader.get(name);
    return v === undefined || v === '' ? undefined : v;
}
function side(reader, prefix) {
    const username = optional(reader, `${prefix}-username`);
    const password = optional(reader, `${prefix}-password`);
    const registryToken = optional(reader, `${prefix}-registry-token`);
    if ((username === undefined) !== (password === undefined)) {
        const missing = username === undefined ? `${prefix}-username` : `${prefix}-password`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${reader.label(missing)} is missing: ${prefix}-username and ${prefix}-password go together`);
    }
    if (registryToken !== undefined && username !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${reader.label(`${prefix}-registry-token`)} and ${reader.label(`${prefix}-username`)} are both set: give a token or a username and password, not both`);
    }
    return {
        username,
        password,
        registryToken,
        tlsVerify: bool(reader, `${prefix}-tls-verify`),
        sharedBlobDir: optional(reader, `${prefix}-shared-blob-dir`),
        certDir: optional(reader, `${prefix}-cert-dir`)
    };
}
function parsePlatformOption(reader, name, value) {
    try {
        return (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parsePlatform */ .FL)(value);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${reader.label(name)}: "${value}" is not a platform; write os/arch[/variant], e.g. linux/arm64 or linux/arm/v7`);
    }
}
function platforms(reader, name) {
    return reader.getList(name).map(p => parsePlatformOption(reader, name, p));
}
function parseCopyRequest(reader) {
    for (const name of notSupportedYet) {
        if (optional(reader, name) !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`not supported yet: ${reader.label(name)}`);
    }
    const source = optional(reader, 'src') ?? '';
    const fromFile = optional(reader, 'images-file') !== undefined;
    if (source && fromFile) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${reader.label('src')} and ${reader.label('images-file')} cannot go together: the file names the images to copy`);
    }
    if (!source && !fromFile)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${reader.label('src')} is required: the image to copy, e.g. docker://ghcr.io/acme/app:1.0`);
    const destinations = reader.getList('dest');
    if (destinations.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${reader.label('dest')} is required: one or more destinations, e.g. oci:./layout:1.0`);
    }
    const duplicate = destinations.find((d, i) => destinations.indexOf(d) !== i);
    if (duplicate)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${reader.label('dest')}: "${duplicate}" is given twice`);
    const allImages = bool(reader, 'all-images');
    const instances = reader.getList('instances');
    for (const d of instances) {
        if (!(0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidDigest */ .y4)(d)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${reader.label('instances')}: "${d}" is not a digest; write sha256:<64 hex digits>`);
        }
    }
    const platformList = platforms(reader, 'platforms');
    const platformRaw = optional(reader, 'platform');
    const platform = platformRaw ? parsePlatformOption(reader, 'platform', platformRaw) : undefined;
    let selection;
    if (allImages && (instances.length > 0 || platformList.length > 0)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${reader.label('all-images')} copies every instance; it cannot go with ${reader.label(instances.length > 0 ? 'instances' : 'platforms')}`);
    }
    if (platform && (allImages || instances.length > 0 || platformList.length > 0)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${reader.label('platform')} picks one image for a single-image copy; it cannot go with all-images, instances or platforms`);
    }
    if (allImages)
        selection = { kind: 'all' };
    else if (instances.length > 0 || platformList.length > 0)
        selection = { kind: 'specific', instances, platforms: platformList };
    else
        selection = { kind: 'system', platform };
    const sparse = value(reader, 'sparse-list');
    let forceMimeType;
    const forced = optional(reader, 'force-mime-type');
    if (forced) {
        try {
            forceMimeType = (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parseMimeTypeOption */ .Mb)(forced);
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${reader.label('force-mime-type')}: ${e.message}`);
        }
    }
    return {
        source,
        destinations,
        selection,
        sparseList: sparse,
        forceMimeType,
        preserveDigests: bool(reader, 'preserve-digests'),
        removeSignatures: bool(reader, 'remove-signatures'),
        skipUnchanged: bool(reader, 'skip-unchanged'),
        parallel: number(reader, 'parallel'),
        retryTimes: number(reader, 'retry-times'),
        src: side(reader, 'src'),
        dest: side(reader, 'dest'),
        digestFile: optional(reader, 'digestfile'),
        authFile: optional(reader, 'auth-file'),
        githubToken: optional(reader, 'github-token'),
        layers: layerOptions(reader),
        referrers: referrerOptions(reader),
        cache: {
            enabled: bool(reader, 'cache'),
            key: optional(reader, 'cache-key'),
            location: value(reader, 'cache-location'),
            maxBytes: number(reader, 'cache-max-size'),
            dir: optional(reader, 'cache-dir')
        }
    };
}
function referrerOptions(reader) {
    const referrers = bool(reader, 'referrers');
    const artifactTypes = reader.getList('referrers-artifact-types');
    if (artifactTypes.length > 0 && !referrers) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${reader.label('referrers-artifact-types')} limits the referrers copied; set ${reader.label('referrers')} too`);
    }
    for (const t of artifactTypes) {
        if (!/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i.test(t))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${reader.label('referrers-artifact-types')}: "${t}" is not a media type`);
    }
    return { referrers, digestTags: bool(reader, 'digest-tags'), artifactTypes };
}
function layerOptions(reader) {
    const compressFormat = value(reader, 'dest-compress-format');
    const compressLevel = value(reader, 'dest-compress-level');
    const problem = (0,_compression_streams_js__WEBPACK_IMPORTED_MODULE_4__/* .levelProblem */ .QJ)(compressFormat ?? 'gzip', compressLevel);
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${reader.label('dest-compress-level')} ${compressLevel}: ${problem}`);
    const dirCompress = bool(reader, 'dest-compress');
    const dirDecompress = bool(reader, 'dest-decompress');
    if (dirCompress && dirDecompress) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${reader.label('dest-compress')} and ${reader.label('dest-decompress')} cannot go together`);
    }
    return {
        compressFormat,
        compressLevel,
        dirCompress,
        dirDecompress,
        ociAcceptUncompressed: bool(reader, 'dest-oci-accept-uncompressed-layers')
    };
}


/***/ }),

/***/ 9085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F4: () => (/* binding */ parseDockerReference),
/* harmony export */   M6: () => (/* binding */ withTagOrDigest),
/* harmony export */   PP: () => (/* binding */ TAG_RE)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB_DOMAIN, DOCKER_HUB_API_HOST, DEFAULT_TAG, InvalidReferenceError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// Docker image names: `[host[:port]/]path[:tag][@digest]`, normalized as docker does
// (`alpine` → `docker.io/library/alpine:latest`). The grammar is the one of distribution's
// reference package, which containers/image vendors as docker/reference.

const DOCKER_HUB_DOMAIN = 'docker.io';
/** The host that serves the registry API for docker.io. */
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
const LEGACY_HUB_DOMAIN = 'index.docker.io';
const OFFICIAL_NAMESPACE = 'library';
const DEFAULT_TAG = 'latest';
const NAME_MAX_LENGTH = 255;
const NAME_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-*)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_RE = new RegExp(`^${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?$`);
const PATH_RE = new RegExp(`^${NAME_COMPONENT}(?:/${NAME_COMPONENT})*$`);
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const IDENTIFIER_RE = /^[a-f0-9]{64}$/;
const DIGEST_HEX_LENGTH = { sha256: 64, sha384: 96, sha512: 128 };
class InvalidReferenceError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb {
    input;
    constructor(input, reason) {
        super(`invalid image reference "${input}": ${reason}`);
        this.input = input;
        this.name = 'InvalidReferenceError';
    }
}
class ParsedDockerReference {
    registry;
    repository;
    tag;
    digest;
    apiHost;
    constructor(registry, repository, tag, digest) {
        this.registry = registry;
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
        this.apiHost = registry === DOCKER_HUB_DOMAIN ? DOCKER_HUB_API_HOST : registry;
    }
    get name() {
        return `${this.registry}/${this.repository}`;
    }
    familiar() {
        let name = this.name;
        if (this.registry === DOCKER_HUB_DOMAIN) {
            name = this.repository;
            const parts = name.split('/');
            if (parts.length === 2 && parts[0] === OFFICIAL_NAMESPACE)
                name = parts[1];
        }
        return name + this.suffix();
    }
    toString() {
        return this.name + this.suffix();
    }
    suffix() {
        return ((this.tag !== undefined ? `:${this.tag}` : '') + (this.digest !== undefined ? `@${this.digest}` : ''));
    }
}
/**
 * Parses `[host[:port]/]path[:tag][@digest]`. The first path component is a host only if it
 * contains `.` or `:` or is `localhost`; otherwise the image lives on docker.io, where one-component
 * names get the `library/` namespace.
 */
function parseDockerReference(input, options = {}) {
    const fail = (reason) => {
        throw new InvalidReferenceError(input, reason);
    };
    if (input === '')
        fail('the reference is empty');
    if (IDENTIFIER_RE.test(input))
        fail('a 64-character hexadecimal string is an image ID, not a repository name');
    if (/\s/.test(input))
        fail('it contains white space');
    let rest = input;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        validateDigest(digest, fail);
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG_RE.test(tag)) {
            fail(`invalid tag "${tag}" (a tag is up to 128 letters, digits, "_", "." and "-", and does not start with "." or "-")`);
        }
    }
    let registry = DOCKER_HUB_DOMAIN;
    let repository = rest;
    const slash = rest.indexOf('/');
    if (slash >= 0) {
        const first = rest.slice(0, slash);
        if (first.includes('.') || first.includes(':') || first === 'localhost') {
            registry = first;
            repository = rest.slice(slash + 1);
        }
    }
    if (registry === LEGACY_HUB_DOMAIN)
        registry = DOCKER_HUB_DOMAIN;
    if (!DOMAIN_RE.test(registry))
        fail(`invalid registry host "${registry}"`);
    const port = /:(\d+)$/.exec(registry)?.[1];
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
        fail(`invalid registry host "${registry}" (port ${port} is not between 1 and 65535)`);
    }
    if (repository === '')
        fail('the repository name is empty');
    if (repository.toLowerCase() !== repository)
        fail('the repository name must be lowercase');
    if (!PATH_RE.test(repository)) {
        fail(`invalid repository name "${repository}" (path components are lowercase letters and digits, ` +
            'separated by "/", and may contain single ".", "_" or "__", or runs of "-" between them)');
    }
    if (registry === DOCKER_HUB_DOMAIN && !repository.includes('/'))
        repository = `${OFFICIAL_NAMESPACE}/${repository}`;
    if (registry.length + 1 + repository.length > NAME_MAX_LENGTH) {
        fail(`the repository name must not be more than ${NAME_MAX_LENGTH} characters`);
    }
    if (tag === undefined && digest === undefined && options.defaultTag !== false)
        tag = DEFAULT_TAG;
    return new ParsedDockerReference(registry, repository, tag, digest);
}
function validateDigest(digest, fail) {
    if (!DIGEST_RE.test(digest))
        fail(`invalid digest "${digest}" (expected algorithm:hex, e.g. sha256:<64 hex digits>)`);
    const [algorithm, hex] = digest.split(':', 2);
    const length = DIGEST_HEX_LENGTH[algorithm];
    if (length === undefined)
        fail(`unsupported digest algorithm "${algorithm}" (supported: sha256, sha384, sha512)`);
    if (!/^[a-f0-9]+$/.test(hex))
        fail(`invalid digest "${digest}" (the hex part must be lowercase)`);
    if (hex.length !== length)
        fail(`invalid digest "${digest}" (${algorithm} needs ${length} hex digits)`);
}
/** The same repository with another tag or digest. */
function withTagOrDigest(ref, tag, digest) {
    return new ParsedDockerReference(ref.registry, ref.repository, tag, digest);
}


/***/ }),

/***/ 8851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $9: () => (/* binding */ encodePathSegment),
/* harmony export */   Gb: () => (/* binding */ readErrorText),
/* harmony export */   SH: () => (/* binding */ repositoryPath),
/* harmony export */   UE: () => (/* binding */ headerValues),
/* harmony export */   aj: () => (/* binding */ httpRequest),
/* harmony export */   ez: () => (/* binding */ socketHost),
/* harmony export */   vf: () => (/* binding */ discard),
/* harmony export */   wx: () => (/* binding */ header),
/* harmony export */   x8: () => (/* binding */ readBody)
/* harmony export */ });
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(351);
// One HTTP exchange through pooled connections (or proxy routes), following redirects without leaking credentials.

const MAX_REDIRECTS = 5;
/**
 * A repository name as URL path segments, each percent-encoded, so that no `.`/`..` segment or `?`
 * in a name can move the request elsewhere on the registry (names are checked by the reference
 * grammar; this is the second line).
 */
function repositoryPath(repository) {
    return repository
        .split('/')
        .map(segment => {
        if (segment === '' || segment === '.' || segment === '..') {
            throw new Error(`invalid repository name ${JSON.stringify(repository)}`);
        }
        return encodePathSegment(segment);
    })
        .join('/');
}
/** One URL path segment, percent-encoded (`/`, `?`, `#`, `%` …), keeping `:` and `@` as registries expect. */
function encodePathSegment(segment) {
    return encodeURIComponent(segment).replace(/%3A/g, ':').replace(/%40/g, '@');
}
function header(headers, name) {
    const v = headers[name.toLowerCase()];
    return Array.isArray(v) ? v[0] : v;
}
function headerValues(headers, name) {
    const v = headers[name.toLowerCase()];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
async function httpRequest(agent, req) {
    let url = req.url;
    for (let hop = 0;; hop++) {
        const headers = { ...req.headers };
        const authorization = await req.authorizationFor?.(url);
        if (authorization !== undefined)
            headers.authorization = authorization;
        const res = await agent.request({
            url,
            method: req.method,
            headers,
            body: req.body ?? null,
            signal: req.signal
        });
        const location = header(res.headers, 'location');
        const redirect = [301, 302, 303, 307, 308].includes(res.statusCode) && location !== undefined;
        if (!redirect || !req.followRedirects) {
            return { status: res.statusCode, headers: res.headers, body: res.body, url };
        }
        await res.body.dump().catch(() => undefined);
        if (hop >= MAX_REDIRECTS)
            throw new Error(`too many redirects (last: ${url.origin}${url.pathname})`);
        url = new URL(location, url);
        if (url.protocol !== 'https:' && url.protocol !== 'http:') {
            throw new Error(`redirect to an unsupported URL scheme ${url.protocol}`);
        }
    }
}
/** Reads at most `limit` bytes of a body (or any stream); longer ones are an error. */
function readBody(body, limit, tooLarge = `response body larger than ${limit} bytes`) {
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .readAtMost */ .rU)(body, limit, 'the response body', () => new Error(tooLarge));
}
/** Reads a short error body as text (first 16 KiB), never failing. */
async function readErrorText(body) {
    const chunks = [];
    let total = 0;
    try {
        for await (const chunk of body) {
            const b = chunk;
            if (total < 16384)
                chunks.push(b);
            total += b.length;
            if (total > _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_ERROR_BODY_BYTES */ .f5)
                break;
        }
    }
    catch {
        // a broken error body still leaves us the status
    }
    body.destroy();
    return Buffer.concat(chunks).subarray(0, 16384).toString('utf8');
}
async function discard(body) {
    await body.dump({ limit: 1 << 20 }).catch(() => undefined);
}
/** A URL's host as a socket takes it: an IPv6 address without its brackets. */
function socketHost(url) {
    return url.hostname.replace(/^\[(.*)\]$/, '$1');
}


/***/ }),

/***/ 6073:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ho: () => (/* binding */ describeProxyFor),
/* harmony export */   Wm: () => (/* binding */ proxySecrets),
/* harmony export */   iJ: () => (/* binding */ proxyFor),
/* harmony export */   jL: () => (/* binding */ hasProxy),
/* harmony export */   wP: () => (/* binding */ proxyEnvironment)
/* harmony export */ });
/* unused harmony exports parseNoProxy, ipBytes */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8851);
// Which proxy a request goes through, from HTTP_PROXY, HTTPS_PROXY and NO_PROXY, with the rules of Go's
// golang.org/x/net/http/httpproxy (what skopeo, podman and docker use), so a runner's proxy variables
// mean here what they mean to those tools:
// - each variable is read upper case first, then lower case; an empty value counts as unset;
// - https requests use HTTPS_PROXY only, http requests HTTP_PROXY only (no fallback between them);
// - a value without a scheme (`proxy:3128`) is `http://proxy:3128`;
// - `localhost` and loopback addresses (127.0.0.0/8, ::1) are never proxied;
// - NO_PROXY is a comma-separated list of `*` (nothing is proxied), IP addresses, CIDR ranges, and
//   domains (`example.com` matches it and its subdomains, `.example.com` and `*.example.com` only
//   subdomains), each optionally with `:port`;
// - with REQUEST_METHOD set (a CGI handler) HTTP_PROXY is refused, as a client may have set it.
// Unlike Go, an unusable proxy value is an error when a request would use it, not a silent direct
// connection.



const DEFAULT_PORTS = { 'http:': '80', 'https:': '443' };
function firstSet(env, names) {
    for (const name of names) {
        const value = env[name];
        if (value)
            return { name, value };
    }
    return undefined;
}
function proxyEnvironment(env) {
    const http = firstSet(env, ['HTTP_PROXY', 'http_proxy']);
    const https = firstSet(env, ['HTTPS_PROXY', 'https_proxy']);
    return {
        http: http && parseProxyValue(http.name, http.value),
        https: https && parseProxyValue(https.name, https.value),
        noProxy: parseNoProxy(firstSet(env, ['NO_PROXY', 'no_proxy'])?.value ?? ''),
        cgi: !!env.REQUEST_METHOD
    };
}
/** Whether any request could go through a proxy. */
function hasProxy(proxy) {
    return proxy !== undefined && (proxy.http !== undefined || proxy.https !== undefined);
}
const PROXY_SCHEMES = new Set(['http:', 'https:', 'socks5:']);
function parseProxyValue(variable, value) {
    for (const text of [value, `http://${value}`]) {
        let url;
        try {
            url = new URL(text);
        }
        catch {
            continue;
        }
        if (PROXY_SCHEMES.has(url.protocol) && url.hostname !== '')
            return { variable, url };
    }
    return { variable, invalid: `${variable} is not a proxy URL (http://host:port)` };
}
/**
 * The proxy for a request URL, or undefined for a direct connection.
 * Throws when the proxy that applies is unusable.
 */
function proxyFor(proxy, url) {
    const value = url.protocol === 'https:' ? proxy.https : url.protocol === 'http:' ? proxy.http : undefined;
    if (value === undefined)
        return undefined;
    if (!useProxy(proxy.noProxy, url))
        return undefined;
    if (url.protocol === 'http:' && proxy.cgi) {
        throw new Error(`refusing to use ${value.variable} with REQUEST_METHOD set (a CGI environment)`);
    }
    if (value.invalid !== undefined)
        throw new Error(value.invalid);
    return value.url;
}
function useProxy(rules, url) {
    const host = (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .socketHost */ .ez)(url).toLowerCase();
    const port = url.port || DEFAULT_PORTS[url.protocol];
    if (host === 'localhost')
        return false;
    const ip = ipBytes(host);
    if (ip !== undefined && isLoopback(ip))
        return false;
    return !rules.some(rule => matches(rule, host, port, ip));
}
function matches(rule, host, port, ip) {
    switch (rule.kind) {
        case 'all':
            return true;
        case 'cidr':
            return ip !== undefined && ipFamily(ip) === rule.family && prefixEqual(ip, rule.bytes, rule.bits);
        case 'ip':
            return ip !== undefined && prefixEqual(ip, rule.bytes, 128) && (rule.port === '' || rule.port === port);
        case 'domain':
            return ((host.endsWith(rule.suffix) || (rule.matchHost && host === rule.suffix.slice(1))) &&
                (rule.port === '' || rule.port === port));
    }
}
function parseNoProxy(value) {
    const rules = [];
    for (const raw of value.split(',')) {
        const entry = raw.trim().toLowerCase();
        if (entry === '')
            continue;
        if (entry === '*')
            return [{ kind: 'all' }];
        const rule = parseNoProxyEntry(entry);
        if (rule)
            rules.push(rule);
    }
    return rules;
}
function parseNoProxyEntry(entry) {
    const cidr = parseCidr(entry);
    if (cidr)
        return cidr;
    const { port, ...rest } = splitHostPort(entry);
    let host = rest.host;
    const ip = ipBytes(host);
    if (ip !== undefined)
        return { kind: 'ip', bytes: ip, port };
    if (host === '')
        return undefined;
    if (host.startsWith('*.'))
        host = host.slice(1);
    const matchHost = !host.startsWith('.');
    const name = matchHost ? host : host.slice(1);
    const ascii = /^[\x20-\x7e]*$/.test(name) ? name : (0,node_url__WEBPACK_IMPORTED_MODULE_1__.domainToASCII)(name) || name;
    return { kind: 'domain', suffix: `.${ascii}`, matchHost, port };
}
/** `host:port`, `[v6]:port`, or a bare host (a bare IPv6 address has no port). */
function splitHostPort(entry) {
    const bracketed = /^\[([^\]]*)\]:(\d*)$/.exec(entry);
    if (bracketed)
        return { host: bracketed[1], port: bracketed[2] };
    const colon = entry.lastIndexOf(':');
    if (colon >= 0 && entry.indexOf(':') === colon)
        return { host: entry.slice(0, colon), port: entry.slice(colon + 1) };
    return { host: entry, port: '' };
}
function parseCidr(entry) {
    const m = /^([^/]+)\/(\d{1,3})$/.exec(entry);
    if (!m)
        return undefined;
    const bytes = ipBytes(m[1]);
    const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv4)(m[1]) ? 4 : 6;
    const bits = Number(m[2]);
    if (bytes === undefined || bits > (family === 4 ? 32 : 128))
        return undefined;
    return { kind: 'cidr', family, bytes, bits: family === 4 ? bits + 96 : bits };
}
/** An IPv4 or IPv6 address as 16 bytes (IPv4 as `::ffff:a.b.c.d`, as Go holds it), or undefined. */
function ipBytes(text) {
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv4)(text))
        return Uint8Array.from([...V4_PREFIX, ...text.split('.').map(Number)]);
    if (!(0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv6)(text) || text.includes('%'))
        return undefined;
    let groups = text;
    const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
    if (v4) {
        const [a, b, c, d] = v4[1].split('.').map(Number);
        groups = `${text.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
    }
    const [head, tail] = groups.includes('::') ? groups.split('::') : [groups, undefined];
    const left = head ? head.split(':') : [];
    const right = tail ? tail.split(':') : [];
    const words = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
    const bytes = new Uint8Array(16);
    words.forEach((w, i) => {
        const n = parseInt(w, 16);
        bytes[2 * i] = n >> 8;
        bytes[2 * i + 1] = n & 0xff;
    });
    return bytes;
}
const V4_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];
function ipFamily(ip) {
    return V4_PREFIX.every((b, i) => ip[i] === b) ? 4 : 6;
}
function isLoopback(ip) {
    if (ipFamily(ip) === 4)
        return ip[12] === 127;
    return ip.every((b, i) => b === (i === 15 ? 1 : 0));
}
function prefixEqual(a, b, bits) {
    for (let i = 0; i < 16 && bits > 0; i++, bits -= 8) {
        const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
        if ((a[i] & mask) !== (b[i] & mask))
            return false;
    }
    return true;
}
/** The secrets in the proxy URLs: passwords as written and decoded, and the Proxy-Authorization value. */
function proxySecrets(proxy) {
    const secrets = [];
    for (const url of [proxy.http?.url, proxy.https?.url]) {
        if (!url?.password)
            continue;
        const user = decodeURIComponent(url.username);
        const password = decodeURIComponent(url.password);
        secrets.push(url.password, password, Buffer.from(`${user}:${password}`).toString('base64'));
    }
    return secrets;
}
/** The proxy a request URL goes through as it may be printed (no credentials), or undefined. */
function describeProxyFor(proxy, url) {
    let via;
    try {
        via = proxyFor(proxy, url);
    }
    catch {
        return undefined;
    }
    const variable = url.protocol === 'https:' ? proxy.https?.variable : proxy.http?.variable;
    return via && `${via.protocol}//${via.host} from ${variable}`;
}


/***/ }),

/***/ 2011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KW: () => (/* binding */ destinationName),
/* harmony export */   P8: () => (/* binding */ firstDestination),
/* harmony export */   Rc: () => (/* binding */ referrerLines),
/* harmony export */   VK: () => (/* binding */ shortDigest),
/* harmony export */   at: () => (/* binding */ instanceTable),
/* harmony export */   sX: () => (/* binding */ totalsLine),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   y3: () => (/* binding */ resultJson)
/* harmony export */ });
/* unused harmony exports mediaTypeName, platformLabel, instanceJson, artifactsOf, referrerJson, leftBehindText, destinationOutcomes */
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(571);
/* harmony import */ var _bytes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6136);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4031);
// Text shared by the CLI's and the Action's logs: sizes, short digests, instance tables, totals.



function shortDigest(d) {
    if (!d)
        return '-';
    const [alg, hex] = d.split(':');
    return `${alg}:${hex.slice(0, 12)}`;
}
function mediaTypeName(t) {
    const names = {
        'application/vnd.oci.image.manifest.v1+json': 'oci',
        'application/vnd.oci.image.index.v1+json': 'oci-index',
        'application/vnd.docker.distribution.manifest.v2+json': 'v2s2',
        'application/vnd.docker.distribution.manifest.list.v2+json': 'docker-list',
        'application/vnd.docker.distribution.manifest.v1+prettyjws': 'v2s1',
        'application/vnd.docker.distribution.manifest.v1+json': 'v2s1'
    };
    return names[t] ?? t;
}
/** Rows of cells as aligned text; cells are escaped (a platform or media type comes from a manifest). */
function table(cells) {
    const rows = cells.map(r => r.map(_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X));
    const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)));
    return rows
        .map(r => r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd())
        .join('\n');
}
/** The platform column: `linux/arm64`, or `attestation of linux/arm64` for a BuildKit attestation. */
function platformLabel(i, all) {
    if (i.attests !== undefined) {
        const of = all.find(o => o.sourceDigest === i.attests);
        return `attestation of ${of?.platform ? (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPlatform */ .Bq)(of.platform) : shortDigest(i.attests)}`;
    }
    return i.platform ? (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPlatform */ .Bq)(i.platform) : '-';
}
function instanceTable(result) {
    // An unchanged list whose source was not read: its instances are not known.
    if (result.instances.length === 0)
        return `${result.status}: ${mediaTypeName(result.mediaType)}, instances not read`;
    const rows = [['PLATFORM', 'SOURCE DIGEST', 'WRITTEN DIGEST', 'TYPE', 'STATUS', 'PUSHED', 'REUSED']];
    for (const i of result.instances) {
        rows.push([
            platformLabel(i, result.instances),
            shortDigest(i.sourceDigest),
            shortDigest(i.digest),
            mediaTypeName(i.mediaType),
            i.status,
            (0,_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(i.stats.pushedBytes),
            (0,_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(i.stats.reusedBytes + i.stats.mountedBytes)
        ]);
    }
    return table(rows);
}
function totalsLine(stats) {
    return (`pulled ${stats.pulledBlobs} blobs (${(0,_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(stats.pulledBytes)}), ` +
        `from cache ${stats.cachedBlobs} (${(0,_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(stats.cachedBytes)}), ` +
        `pushed ${stats.pushedBlobs} (${(0,_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(stats.pushedBytes)}), ` +
        `reused ${stats.reusedBlobs} (${(0,_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(stats.reusedBytes)}), ` +
        `mounted ${stats.mountedBlobs} (${(0,_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(stats.mountedBytes)})`);
}
/**
 * The `instances` output / JSON entry of one instance; with the destination's referrers (when they
 * were asked for), the artifacts hanging off it (recursively) and those that could not follow.
 */
function instanceJson(i, d) {
    const left = d?.referrersLeftBehind?.find(l => l.sourceDigest === i.sourceDigest);
    return {
        sourceDigest: i.sourceDigest,
        digest: i.digest ?? null,
        mediaType: i.mediaType,
        platform: i.platform ? (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPlatform */ .Bq)(i.platform) : null,
        ...(i.attests !== undefined ? { attests: i.attests } : {}),
        status: i.status,
        ...(d?.referrers && i.digest === i.sourceDigest
            ? { referrers: artifactsOf(i.sourceDigest, d.referrers).map(referrerJson) }
            : {}),
        ...(left ? { referrersLeftBehind: left.referrers } : {})
    };
}
/** The artifacts hanging off `digest`, directly or through another artifact (a signature of an SBOM). */
function artifactsOf(digest, all) {
    const out = [];
    const queue = [digest];
    const seen = new Set(queue);
    while (queue.length > 0) {
        const subject = queue.shift();
        for (const r of all.filter(a => a.subject === subject)) {
            out.push(r);
            if (!seen.has(r.digest))
                queue.push(r.digest);
            seen.add(r.digest);
        }
    }
    return out;
}
/** One artifact copied, as JSON: digest, artifactType, subject, and the tag for a digest tag. */
function referrerJson(r) {
    return {
        digest: r.digest,
        artifactType: r.artifactType ?? null,
        subject: r.subject,
        ...(r.tag !== undefined ? { tag: r.tag } : {}),
        via: r.via
    };
}
const viaText = {
    api: 'referrers API',
    tag: 'fallback tag',
    layout: 'index.json',
    'digest-tag': 'digest tag'
};
/** The artifacts copied to a destination as a table, and a line per manifest whose artifacts could not follow. */
function referrerLines(d) {
    const lines = [];
    const copied = d.referrers ?? [];
    if (copied.length > 0) {
        const rows = [['ARTIFACT', 'DIGEST', 'SUBJECT', 'STORED AS']];
        for (const r of copied)
            rows.push([
                r.tag ?? r.artifactType ?? r.mediaType,
                shortDigest(r.digest),
                shortDigest(r.subject),
                viaText[r.via]
            ]);
        lines.push(`Referrers copied: ${copied.length}`, table(rows));
    }
    for (const l of d.referrersLeftBehind ?? [])
        lines.push((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X)(leftBehindText(l)));
    return lines.join('\n');
}
function leftBehindText(l) {
    return (`${l.referrers.length} referrer(s) of ${l.sourceDigest} could not follow it: it was written as ${l.digest} ` +
        `(${l.referrers.map(shortDigest).join(', ')})`);
}
/** A destination (written or failed) as the user wrote it: `names` in the order given to the engine. */
function destinationName(d, names) {
    return names[d.index] ?? d.destination;
}
/** The first destination the user gave, when it was written. */
function firstDestination(result) {
    return result.destinations.find(d => d.index === 0);
}
/**
 * Destination → digest written, and destination → error message, keyed by the destinations as the
 * user wrote them (`names`, in the order given to the engine).
 */
function destinationOutcomes(result, names) {
    const name = (d) => destinationName(d, names);
    return {
        digests: Object.fromEntries(result.destinations.map(d => [name(d), d.digest])),
        failed: Object.fromEntries(result.failures.map(f => [name(f), f.error.message]))
    };
}
/** The result as plain JSON (Buffers as text), for --json and the Action's outputs. */
function resultJson(result, names = []) {
    return {
        source: result.source,
        sourceDigest: result.sourceDigest,
        sourceMediaType: result.sourceMediaType,
        destinations: result.destinations.map(d => ({
            destination: d.destination,
            status: d.status,
            digest: d.digest,
            mediaType: d.mediaType,
            manifest: d.manifest.length > 0 ? d.manifest.toString('utf8') : null,
            instances: d.instances.map(i => ({ ...instanceJson(i, d), stats: i.stats })),
            stats: d.stats,
            ...(d.referrers ? { referrers: d.referrers.map(referrerJson) } : {}),
            ...(d.referrersLeftBehind ? { referrersLeftBehind: d.referrersLeftBehind } : {})
        })),
        failures: result.failures.map(f => ({ destination: f.destination, error: f.error.message })),
        failed: destinationOutcomes(result, names).failed,
        stats: result.stats
    };
}


/***/ }),

/***/ 2661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ parseDockerArchiveReference)
/* harmony export */ });
/* unused harmony export DockerArchiveReference */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _reference_docker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9085);
// `docker-archive:PATH[:NAME:TAG | :@N]` (containers/image docker/archive/transport.go): the path
// ends at the first `:`; then either a docker reference with a tag (normalized, `alpine:3` →
// `docker.io/library/alpine:3`, `:latest` added to a bare name; no digests), or `@N`, the N-th image
// of a multi-image archive (sources only).


class DockerArchiveReference {
    reference;
    path;
    selection;
    transport = 'docker-archive';
    digest = undefined;
    constructor(reference, path, selection) {
        this.reference = reference;
        this.path = path;
        this.selection = selection;
    }
    toString() {
        return `docker-archive:${this.reference}`;
    }
    // The tar code is loaded only by a copy that uses an archive (see docker/reference.ts).
    async newSource(ctx) {
        const { DockerArchiveImageSource } = await Promise.all(/* import() */[__webpack_require__.e(764), __webpack_require__.e(211)]).then(__webpack_require__.bind(__webpack_require__, 1211));
        return DockerArchiveImageSource.open(this, this.path, this.selection, ctx);
    }
    async newDestination(ctx) {
        const { openArchiveDestination } = await Promise.all(/* import() */[__webpack_require__.e(764), __webpack_require__.e(372)]).then(__webpack_require__.bind(__webpack_require__, 8372));
        return openArchiveDestination(this, ctx);
    }
}
function parseDockerArchiveReference(reference, platform = process.platform) {
    // Upstream splits at the first `:` everywhere; on Windows that would cut `C:\\img.tar` after the
    // drive letter, so there the path's drive is kept, as for oci: (reference-syntax.ts).
    const colon = reference.indexOf(':', platform === 'win32' && /^[a-zA-Z]:/.test(reference) ? 2 : 0);
    const file = colon < 0 ? reference : reference.slice(0, colon);
    if (file === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`invalid docker-archive: reference ${JSON.stringify(reference)}: the path is empty`, 'write docker-archive:PATH[:NAME:TAG] or docker-archive:PATH:@N');
    }
    if (colon < 0)
        return new DockerArchiveReference(reference, file, { kind: 'only' });
    const rest = reference.slice(colon + 1);
    if (rest.startsWith('@')) {
        if (!/^\d+$/.test(rest.slice(1))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`invalid docker-archive: reference ${JSON.stringify(reference)}: invalid source index ${rest}`);
        }
        return new DockerArchiveReference(reference, file, { kind: 'index', index: Number(rest.slice(1)) });
    }
    let name;
    try {
        name = (0,_reference_docker_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDockerReference */ .F4)(rest);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`invalid docker-archive: reference ${JSON.stringify(reference)}: ${e.message}`);
    }
    if (name.digest !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`invalid docker-archive: reference ${JSON.stringify(reference)}: docker-archive doesn't support digest references`, 'name the image by NAME:TAG, or by :@N');
    }
    return new DockerArchiveReference(reference, file, { kind: 'name', name });
}


/***/ }),

/***/ 2078:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hw: () => (/* binding */ isDockerImageReference),
/* harmony export */   ij: () => (/* binding */ parseDockerImageReference)
/* harmony export */ });
/* unused harmony export DockerImageReference */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _reference_docker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9085);
// `docker://` references: an image in a registry.


class DockerImageReference {
    docker;
    transport = 'docker';
    /** Registries store no signatures we read, and serve layers as their manifests name them. */
    servesImagesAsStored = true;
    constructor(docker) {
        this.docker = docker;
    }
    /** `//` and the familiar name, so that `docker:` + reference is what a user writes. */
    get reference() {
        return `//${this.docker.familiar()}`;
    }
    get dockerReference() {
        return this.docker;
    }
    get digest() {
        return this.docker.digest;
    }
    toString() {
        return `docker:${this.reference}`;
    }
    // The registry client (and node:http) is loaded only by a copy that uses a registry.
    async newSource(ctx) {
        const { DockerImageSource } = await Promise.all(/* import() */[__webpack_require__.e(795), __webpack_require__.e(190)]).then(__webpack_require__.bind(__webpack_require__, 7190));
        return DockerImageSource.open(this, ctx);
    }
    async newDestination(ctx) {
        if (this.docker.tag !== undefined && this.docker.digest !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`destination ${this.toString()}: a registry destination cannot name both a tag and a digest`, 'write to the tag only, or to the digest only');
        }
        const { DockerImageDestination } = await Promise.all(/* import() */[__webpack_require__.e(795), __webpack_require__.e(695)]).then(__webpack_require__.bind(__webpack_require__, 5695));
        return DockerImageDestination.open(this, ctx);
    }
}
/**
 * Parses the part after `docker://` (a leading `//` is accepted too). A reference with both a tag
 * and a digest is accepted (as docker does, the digest wins for reading); as a destination it is refused.
 */
function parseDockerImageReference(reference) {
    const text = reference.startsWith('//') ? reference.slice(2) : reference;
    return new DockerImageReference((0,_reference_docker_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDockerReference */ .F4)(text));
}
function isDockerImageReference(ref) {
    return ref instanceof DockerImageReference;
}


/***/ }),

/***/ 1306:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  o: () => (/* binding */ parseImageReference)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/reference/docker.ts
var docker = __webpack_require__(9085);
// EXTERNAL MODULE: ./src/suggest.ts
var suggest = __webpack_require__(2969);
;// CONCATENATED MODULE: ./src/transports/bare-reference.ts
// A reference without a known transport prefix is a registry reference (DESIGN.md section 4), but
// some such strings surely mean something else: a local path, a transport this version does not
// have, or a mistyped transport. Those are refused here, before any network access, saying what to
// write instead; everything else (`alpine`, `acme/app:1`, `localhost:5000/app:1`, `ghcr.io/a/b:1`) passes.





// OpenShift 4 removed /oapi/v1, and containers/image deprecated the transport (reference notes §4).
const OPENSHIFT_ADVICE = ', the integrated registry (e.g. default-route-openshift-image-registry.apps.<cluster>) with any user name and the token `oc whoami -t` prints as the password; OpenShift 4 removed the /oapi/v1 API this transport needs';
/** containers/image transports this version does not implement, and why not. */
const unavailable = {
    sif: 'not supported: the sif: transport (Singularity images)',
    tarball: 'not supported: the tarball: transport (layer tarballs); use oci-archive: or docker-archive:',
    openshift: 'the openshift: transport is retired (it spoke the OpenShift 3 image API); copy through the registry instead: docker://<registry>/<namespace>/<stream>:<tag>' +
        OPENSHIFT_ADVICE,
    atomic: 'the atomic: transport is retired (it spoke the OpenShift 3 image API); copy through the registry instead: docker://<registry>/<namespace>/<stream>:<tag>' +
        OPENSHIFT_ADVICE
};
const REGISTRY_HINT = 'a registry image is written docker://host/repository:tag (or host/repository:tag)';
/** Throws a UsageError when `value` (which has no known transport prefix) is not meant as a registry reference. */
function refuseNonRegistryReference(value, what, known) {
    const local = localPathAdvice(value);
    if (local) {
        // A bare word (`app:1`) may also have meant the registry image of that name.
        const hint = isPathLike(value) ? undefined : `for the registry image of that name write docker://${value}`;
        throw new errors/* UsageError */.eb(`${what} "${value}" ${local}`, hint);
    }
    const colon = value.indexOf(':');
    if (colon <= 0)
        return;
    const prefix = value.slice(0, colon);
    const rest = value.slice(colon + 1);
    const reason = unavailable[prefix];
    if (reason)
        throw new errors/* UsageError */.eb(`${what} "${value}": ${reason}`);
    if (!isTransportShape(prefix, rest))
        return;
    const guess = guessTransport(prefix, known);
    const dockerHub = !rest.startsWith('//') && docker/* TAG_RE */.PP.test(rest.split('@', 1)[0]);
    throw new errors/* UsageError */.eb(`${what} "${value}": unknown transport "${prefix}"; known: ${known.join(', ')}` +
        (guess ? `; did you mean ${guess}:?` : ''), dockerHub
        ? `for the Docker Hub image "${prefix}" with tag "${rest}", write docker://${value}`
        : REGISTRY_HINT);
}
/** `name:rest` meant as `transport:reference` rather than a registry reference. */
function isTransportShape(prefix, rest) {
    if (rest.startsWith('//'))
        return true;
    if (prefix.includes('/'))
        return false; // `acme/app:1`: the colon starts a tag
    if (/^\d+(\/|$)/.test(rest))
        return false; // `localhost:5000/app`: a host and port
    // `transport:reference` is the syntax, as in skopeo: a bare `word:rest` is a transport and a
    // reference, so `unknown:transport` is refused, not sent to Docker Hub. Registry references
    // without a prefix name a host or a namespace (`ghcr.io/a/b:1`, `acme/app:1`), or no tag (`alpine`).
    return !prefix.includes('.') || !docker/* TAG_RE */.PP.test(rest.split('@', 1)[0]);
}
function guessTransport(prefix, known) {
    const names = [...known, ...Object.keys(unavailable)].sort((a, b) => b.length - a.length);
    return (0,suggest/* closest */.k)(prefix, names) ?? names.find(n => prefix.startsWith(`${n}-`));
}
/** What to write instead when `value` is a path, or names something on disk; undefined otherwise. */
function isPathLike(value) {
    return /^(\/|\.\.?(\/|$)|~)/.test(value);
}
function localPathAdvice(value) {
    const pathLike = isPathLike(value);
    const colon = value.lastIndexOf(':');
    const tagged = colon > value.lastIndexOf('/') ? value.slice(0, colon) : undefined;
    for (const candidate of tagged !== undefined ? [value, tagged] : [value]) {
        const what = describeLocal(candidate, value === candidate ? '' : value.slice(colon));
        if (what)
            return what;
    }
    if (!pathLike)
        return undefined;
    const tilde = value.startsWith('~') ? ' (~ is not expanded here: write the full path)' : '';
    return (`looks like a local path, not a registry reference: write a transport before it, e.g. oci:${value} ` +
        `(an OCI layout), dir:${value}, oci-archive:${value} or docker-archive:${value}${tilde}`);
}
function describeLocal(file, tag) {
    const kind = statKind(file);
    if (kind === undefined)
        return undefined;
    if (kind === 'file') {
        return `is a local file given without a transport: write oci-archive:${file}${tag} (a tar of an OCI layout) or docker-archive:${file}${tag} (docker save)`;
    }
    if (statKind(external_node_path_default().join(file, 'oci-layout')) === 'file')
        return `is a local directory holding an OCI layout, given without a transport: write oci:${file}${tag || '[:TAG]'}`;
    if (statKind(external_node_path_default().join(file, 'manifest.json')) === 'file' &&
        statKind(external_node_path_default().join(file, 'version')) === 'file')
        return `is a local directory holding a dir: image, given without a transport: write dir:${file}`;
    return `is a local directory given without a transport: write oci:${file}:TAG (an OCI layout) or dir:${file}`;
}
function statKind(file) {
    try {
        const s = (0,external_node_fs_.statSync)(file);
        return s.isDirectory() ? 'directory' : s.isFile() ? 'file' : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/manifest/index.ts + 17 modules
var manifest = __webpack_require__(571);
;// CONCATENATED MODULE: ./src/transports/containers-storage/reference.ts
// `containers-storage:[driver@graphroot+runroot:opt1,opt2]NAME[:TAG][@DIGEST]`,
// `containers-storage:NAME@<image ID>` and `containers-storage:@<image ID>` (containers/image
// storage/storage_transport.go ParseStoreReference). Parsing touches no store: an ID is 64 hex digits,
// or after `@` a prefix of at least 3, resolved when the image is opened. Names are normalised as
// podman names images: an unqualified name is local (`app:1` → `localhost/app:1`), and a bare name
// gets `:latest`.



const FULL_ID = /^[a-f0-9]{64}$/;
const ID_PREFIX = /^[a-f0-9]{3,64}$/;
class ContainersStorageReference {
    reference;
    store;
    name;
    imageId;
    givenName;
    transport = 'containers-storage';
    digest;
    constructor(reference, store, 
    /** The normalised name (with a tag unless a digest is named), or undefined for an ID alone. */
    name, 
    /** A full image ID or a prefix of one (hex, no algorithm). */
    imageId, 
    /** The name as written, before normalisation (a source also looks it up as docker would). */
    givenName) {
        this.reference = reference;
        this.store = store;
        this.name = name;
        this.imageId = imageId;
        this.givenName = givenName;
        this.digest = name?.digest;
    }
    /** The store part as written, `[vfs@/g+/r]`, or ''. */
    get storePart() {
        return this.store ? formatStoreSpec(this.store) : '';
    }
    toString() {
        return `containers-storage:${this.reference}`;
    }
    // The libpod client (and undici) is loaded only by a copy that talks to podman.
    async newSource(ctx) {
        const { openStorageSource } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(764), __webpack_require__.e(372), __webpack_require__.e(211), __webpack_require__.e(892)]).then(__webpack_require__.bind(__webpack_require__, 3892));
        return openStorageSource(this, ctx);
    }
    async newDestination(ctx) {
        const { openStorageDestination } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(118), __webpack_require__.e(959)]).then(__webpack_require__.bind(__webpack_require__, 5959));
        return openStorageDestination(this, ctx);
    }
}
function formatStoreSpec(store) {
    const driver = store.driver ? `${store.driver}@` : '';
    const run = store.runRoot ? `+${store.runRoot}` : '';
    const options = store.options.length > 0 ? `:${store.options.join(',')}` : '';
    return `[${driver}${store.graphRoot}${run}${options}]`;
}
function parseContainersStorageReference(reference) {
    const invalid = (reason, hint) => {
        throw new errors/* UsageError */.eb(`invalid containers-storage: reference ${JSON.stringify(reference)}: ${reason}`, hint);
    };
    let rest = reference;
    let store;
    if (rest.startsWith('[')) {
        const close = rest.indexOf(']');
        if (close < 0)
            invalid('the store specifier has no closing "]"');
        store = parseStoreSpec(rest.slice(1, close), invalid);
        rest = rest.slice(close + 1);
    }
    if (rest === '')
        invalid('it names no image', 'write containers-storage:NAME[:TAG] or containers-storage:@IMAGE-ID');
    let imageId;
    const at = rest.lastIndexOf('@');
    if (at >= 0 && !(0,manifest/* isValidDigest */.y4)(rest.slice(at + 1))) {
        const id = rest.slice(at + 1);
        if (!ID_PREFIX.test(id))
            invalid(`"@${id}" is neither a digest (sha256:…) nor an image ID (at least 3 lowercase hex digits)`);
        imageId = id;
        rest = rest.slice(0, at);
    }
    else if (FULL_ID.test(rest)) {
        return new ContainersStorageReference(reference, store, undefined, rest);
    }
    if (rest === '')
        return new ContainersStorageReference(reference, store, undefined, imageId);
    let name;
    try {
        name = (0,docker/* parseDockerReference */.F4)(localName(rest));
    }
    catch (e) {
        return invalid(e.message);
    }
    return new ContainersStorageReference(reference, store, name, imageId, rest);
}
/** podman's naming: a name whose first component is not a host is a local image, under localhost/. */
function localName(name) {
    const slash = name.indexOf('/');
    const first = slash >= 0 ? name.slice(0, slash) : '';
    const qualified = first.includes('.') || first.includes(':') || first === 'localhost';
    return qualified ? name : `localhost/${name}`;
}
function parseStoreSpec(text, invalid) {
    let rest = text;
    let driver;
    const atSign = rest.indexOf('@');
    if (atSign >= 0) {
        driver = rest.slice(0, atSign);
        rest = rest.slice(atSign + 1);
        if (!/^[a-z0-9_-]+$/.test(driver))
            invalid(`the storage driver ${JSON.stringify(driver)} is not a driver name`);
    }
    let options = [];
    const colon = rest.indexOf(':');
    if (colon >= 0) {
        options = rest
            .slice(colon + 1)
            .split(',')
            .filter(o => o !== '');
        rest = rest.slice(0, colon);
    }
    const plus = rest.indexOf('+');
    const graphRoot = plus >= 0 ? rest.slice(0, plus) : rest;
    const runRoot = plus >= 0 ? rest.slice(plus + 1) : undefined;
    if (!graphRoot.startsWith('/'))
        invalid('the graph root in the store specifier must be an absolute path');
    if (runRoot !== undefined && !runRoot.startsWith('/'))
        invalid('the run root in the store specifier must be an absolute path');
    return { driver, graphRoot, runRoot, options };
}

;// CONCATENATED MODULE: ./src/transports/dir/reference.ts
// `dir:PATH` references: the whole text is the path (it may contain `:`).

class DirReference {
    reference;
    transport = 'dir';
    digest = undefined;
    constructor(reference) {
        this.reference = reference;
    }
    get path() {
        return this.reference;
    }
    toString() {
        return `dir:${this.reference}`;
    }
    // Like every transport, its code is loaded only by a copy that uses it (see docker/reference.ts).
    async newSource(_ctx) {
        const { DirImageSource } = await __webpack_require__.e(/* import() */ 201).then(__webpack_require__.bind(__webpack_require__, 2201));
        return DirImageSource.open(this);
    }
    async newDestination(ctx) {
        const { DirImageDestination } = await __webpack_require__.e(/* import() */ 310).then(__webpack_require__.bind(__webpack_require__, 6310));
        return DirImageDestination.open(this, ctx);
    }
}
function parseDirReference(reference) {
    if (reference === '')
        throw new errors/* UsageError */.eb('invalid dir: reference: the path is empty');
    return new DirReference(reference);
}

// EXTERNAL MODULE: ./src/transports/docker-archive/reference.ts
var reference = __webpack_require__(2661);
;// CONCATENATED MODULE: ./src/transports/docker-daemon/reference.ts
// `docker-daemon:NAME:TAG`, `docker-daemon:NAME@DIGEST` or `docker-daemon:sha256:<image ID>`
// (containers/image docker/daemon/daemon_transport.go). Like upstream, a bare name is refused (no
// implicit :latest), the repository name `sha256` is reserved, an ID must be a full sha256, and a
// destination must be NAME:TAG.



class DockerDaemonReference {
    reference;
    imageId;
    name;
    transport = 'docker-daemon';
    /**
     * Never set: an image ID or a repository digest names what the engine stores, not the manifest
     * this transport synthesizes from `docker save`, which the engine would check against it.
     */
    digest = undefined;
    constructor(reference, 
    /** `sha256:<hex>`: an image ID (the config digest). */
    imageId, name) {
        this.reference = reference;
        this.imageId = imageId;
        this.name = name;
    }
    /** What the engine is asked for: the ID, or the name as docker prints it. */
    get engineName() {
        return this.imageId ?? this.name.familiar();
    }
    toString() {
        return `docker-daemon:${this.reference}`;
    }
    // The Engine client (and undici) is loaded only by a copy that talks to an engine.
    async newSource(ctx) {
        const { openDaemonSource } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(764), __webpack_require__.e(372), __webpack_require__.e(211), __webpack_require__.e(329)]).then(__webpack_require__.bind(__webpack_require__, 5329));
        return openDaemonSource(this, ctx);
    }
    async newDestination(ctx) {
        const { openDaemonDestination } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(764), __webpack_require__.e(372), __webpack_require__.e(211), __webpack_require__.e(70)]).then(__webpack_require__.bind(__webpack_require__, 7070));
        return openDaemonDestination(this, ctx);
    }
}
function parseDockerDaemonReference(reference) {
    const invalid = (reason, hint) => {
        throw new errors/* UsageError */.eb(`invalid docker-daemon: reference ${JSON.stringify(reference)}: ${reason}`, hint);
    };
    if (/^(sha256|sha384|sha512):[a-f0-9]+$/.test(reference) && (0,manifest/* isValidDigest */.y4)(reference)) {
        if (!reference.startsWith('sha256:'))
            invalid('only digest algorithm sha256 is accepted for image IDs');
        return new DockerDaemonReference(reference, reference, undefined);
    }
    let name;
    try {
        name = (0,docker/* parseDockerReference */.F4)(reference, { defaultTag: false });
    }
    catch (e) {
        return invalid(e.message);
    }
    if (name.registry === 'docker.io' && name.repository === 'library/sha256') {
        invalid('the sha256 repository name is reserved for (non-shortened) image IDs');
    }
    if (name.tag === undefined && name.digest === undefined) {
        invalid('it has neither a tag nor a digest', `write ${reference}:latest for the latest tag`);
    }
    if (name.tag !== undefined && name.digest !== undefined)
        invalid('references with both a tag and a digest are not supported');
    return new DockerDaemonReference(reference, undefined, name);
}

// EXTERNAL MODULE: ./src/transports/docker/reference.ts
var docker_reference = __webpack_require__(2078);
// EXTERNAL MODULE: ./src/transports/oci/reference-syntax.ts
var reference_syntax = __webpack_require__(3701);
;// CONCATENATED MODULE: ./src/transports/oci-archive/reference.ts
// `oci-archive:FILE[:REF]` references (containers/image oci/archive/oci_transport.go); like `oci:`,
// also FILE@DIGEST and FILE:@N for sources.

class OciArchiveReference {
    reference;
    path;
    selection;
    transport = 'oci-archive';
    digest;
    constructor(reference, path, selection) {
        this.reference = reference;
        this.path = path;
        this.selection = selection;
        this.digest = selection.kind === 'digest' ? selection.digest : undefined;
    }
    toString() {
        return `oci-archive:${this.reference}`;
    }
    // The tar code is loaded only by a copy that uses an archive (see docker/reference.ts).
    async newSource(ctx) {
        const { OciArchiveImageSource } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(809)]).then(__webpack_require__.bind(__webpack_require__, 3809));
        return OciArchiveImageSource.open(this, ctx);
    }
    async newDestination(ctx) {
        const { OciArchiveImageDestination } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(767)]).then(__webpack_require__.bind(__webpack_require__, 9767));
        return OciArchiveImageDestination.open(this, ctx);
    }
}
function parseOciArchiveReference(reference) {
    const { path, selection } = (0,reference_syntax/* splitOciReference */.vX)(reference, 'oci-archive');
    return new OciArchiveReference(reference, path, selection);
}

;// CONCATENATED MODULE: ./src/transports/oci/reference.ts

class OciReference {
    reference;
    path;
    selection;
    transport = 'oci';
    digest;
    constructor(reference, path, selection) {
        this.reference = reference;
        this.path = path;
        this.selection = selection;
        this.digest = selection.kind === 'digest' ? selection.digest : undefined;
    }
    toString() {
        return `oci:${this.reference}`;
    }
    // Loaded only by a copy that uses an OCI layout (see docker/reference.ts).
    async newSource(ctx) {
        const { OciImageSource } = await __webpack_require__.e(/* import() */ 935).then(__webpack_require__.bind(__webpack_require__, 5935));
        return OciImageSource.open(this, this.path, this.selection, ctx);
    }
    async newDestination(ctx) {
        const { OciImageDestination } = await __webpack_require__.e(/* import() */ 285).then(__webpack_require__.bind(__webpack_require__, 3285));
        return OciImageDestination.open(this, this.path, this.selection, ctx);
    }
}
function parseOciReference(reference) {
    const { path, selection } = (0,reference_syntax/* splitOciReference */.vX)(reference, 'oci');
    return new OciReference(reference, path, selection);
}

;// CONCATENATED MODULE: ./src/transports/ostree/reference.ts
// `ostree:IMAGE[@/absolute/repo]` (containers/image ostree/ostree_transport.go): IMAGE must parse as
// a docker reference but is kept as typed, plus `:latest` when it names neither tag nor digest; the
// image's branch is `ociimage/` + IMAGE with every byte outside [A-Za-z0-9.-] written `_%02X`.



const DEFAULT_REPO = '/ostree/repo';
function encodeOstreeRef(image) {
    let out = '';
    for (const byte of Buffer.from(image, 'utf8')) {
        const c = String.fromCharCode(byte);
        out += /[A-Za-z0-9.-]/.test(c) ? c : `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
}
class OstreeReference {
    reference;
    image;
    repo;
    transport = 'ostree';
    digest = undefined;
    constructor(reference, 
    /** The image name as typed, with `:latest` added when it had neither tag nor digest. */
    image, repo) {
        this.reference = reference;
        this.image = image;
        this.repo = repo;
    }
    /** The image's branch (`ociimage/<encoded image>`). */
    get branch() {
        return `ociimage/${encodeOstreeRef(this.image)}`;
    }
    toString() {
        return `ostree:${this.image}@${this.repo}`;
    }
    // The transport's code (GVariant, tar-split, repository I/O) loads on first use: most copies never need it.
    async newSource(_ctx) {
        const { OstreeImageSource } = await Promise.all(/* import() */[__webpack_require__.e(690), __webpack_require__.e(612)]).then(__webpack_require__.bind(__webpack_require__, 9612));
        return OstreeImageSource.open(this);
    }
    async newDestination(ctx) {
        const { OstreeImageDestination } = await __webpack_require__.e(/* import() */ 690).then(__webpack_require__.bind(__webpack_require__, 3690));
        return OstreeImageDestination.open(this, ctx);
    }
}
function parseOstreeReference(reference) {
    const at = reference.indexOf('@/');
    let image = at < 0 ? reference : reference.slice(0, at);
    const repo = at < 0 ? DEFAULT_REPO : external_node_path_default().resolve(reference.slice(at + 1));
    let parsed;
    try {
        parsed = (0,docker/* parseDockerReference */.F4)(image, { defaultTag: false });
    }
    catch (e) {
        throw new errors/* UsageError */.eb(`invalid ostree: reference "${reference}": ${e.message}`);
    }
    if (parsed.tag === undefined && parsed.digest === undefined)
        image += ':latest';
    if (repo.includes(':'))
        throw new errors/* UsageError */.eb(`invalid ostree: reference "${reference}": the repository path ${repo} contains a colon`);
    return new OstreeReference(reference, image, repo);
}

;// CONCATENATED MODULE: ./src/transports/index.ts
// Parses `transport:reference` strings into ImageReferences. A string with no known transport
// prefix is a registry reference (so `localhost:5000/app` is docker://localhost:5000/app), unless it
// is surely something else (bare-reference.ts).










const parsers = {
    docker: (r) => {
        if (!r.startsWith('//'))
            throw new errors/* UsageError */.eb(`docker references are written docker://host/repository[:tag|@digest], got "docker:${r}"` +
                // `docker:27-dind` is also the Docker Hub image named docker.
                (/^\w[\w.-]*$/.test(r) ? ` (for the Docker Hub image "docker" write docker://docker:${r})` : ''));
        return (0,docker_reference/* parseDockerImageReference */.ij)(r.slice(2));
    },
    oci: parseOciReference,
    'oci-archive': parseOciArchiveReference,
    dir: parseDirReference,
    'docker-archive': reference/* parseDockerArchiveReference */.d,
    'docker-daemon': parseDockerDaemonReference,
    'containers-storage': parseContainersStorageReference,
    ostree: parseOstreeReference
};
function parseImageReference(text, what = 'image reference') {
    const value = text.trim();
    if (value === '')
        throw new errors/* UsageError */.eb(`${what} is empty: give transport:reference, e.g. docker://ghcr.io/acme/app:1.0 or oci:./layout:1.0`);
    const colon = value.indexOf(':');
    const prefix = colon > 0 ? value.slice(0, colon) : '';
    const parser = parsers[prefix];
    if (!parser)
        refuseNonRegistryReference(value, what, Object.keys(parsers));
    try {
        return parser ? parser(value.slice(colon + 1)) : (0,docker_reference/* parseDockerImageReference */.ij)(value);
    }
    catch (e) {
        if (e instanceof errors/* UsageError */.eb)
            throw e;
        throw new errors/* UsageError */.eb(`${what} "${value}": ${e.message}`);
    }
}


/***/ }),

/***/ 2200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fH: () => (/* reexport safe */ _manifest_index_js__WEBPACK_IMPORTED_MODULE_0__.y4),
/* harmony export */   m: () => (/* reexport safe */ _manifest_index_js__WEBPACK_IMPORTED_MODULE_0__.m),
/* harmony export */   ol: () => (/* binding */ digestOf)
/* harmony export */ });
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(571);
// Digests of content-addressed files. A digest becomes a file name, so it is always validated
// first (parseDigest refuses anything but a known algorithm and lowercase hex of its length).


/** The digest of `bytes` (as stored, not a schema1 payload digest), with the algorithm of `like` or sha256. */
function digestOf(bytes, like) {
    return (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .digestWithAlgorithm */ .Mk)(bytes, like === undefined ? 'sha256' : (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(like).algorithm);
}


/***/ }),

/***/ 3701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h8: () => (/* binding */ isValidRefName),
/* harmony export */   vX: () => (/* binding */ splitOciReference)
/* harmony export */ });
/* unused harmony export splitPathAndImage */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _local_digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2200);
// The text after `oci:` / `oci-archive:`: PATH[:REF], PATH:@N (source only), and PATH@DIGEST
// (source only; ours). Splitting follows containers/image oci/internal ParseReferenceIntoElements:
// the path ends at the first `:` (so it cannot contain one) and the ref, which may contain `:`, is
// validated against the OCI ref-name grammar.


// OCI image-spec annotations.md, org.opencontainers.image.ref.name (as oci/internal/oci_util.go).
const SEPARATOR = '(?:[-._:@+]|--)';
const ALPHANUM = '(?:[A-Za-z0-9]+)';
const COMPONENT = `(?:${ALPHANUM}(?:${SEPARATOR}${ALPHANUM})*)`;
const REF_NAME = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
function isValidRefName(name) {
    return REF_NAME.test(name);
}
/**
 * Splits the part after `oci:` / `oci-archive:`; `transport` only names the transport in errors.
 * On Windows a path starts with a drive (`C:\\…`), so the split is at the colon after it.
 */
function splitOciReference(reference, transport, platform = process.platform) {
    const at = reference.lastIndexOf('@');
    if (at >= 0 && !hasImagePart(reference.slice(0, at), platform)) {
        const digest = reference.slice(at + 1);
        if ((0,_local_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidDigest */ .fH)(digest)) {
            return { path: checkPath(reference.slice(0, at), transport), selection: { kind: 'digest', digest } };
        }
        if (/^sha(256|384|512):/.test(digest)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`invalid ${transport}: reference ${JSON.stringify(reference)}: ${digest} is not a valid digest`);
        }
    }
    const [dir, image] = splitPathAndImage(reference, platform);
    const path = checkPath(dir, transport);
    if (image === '')
        return { path, selection: { kind: 'only' } };
    if (image.startsWith('@')) {
        if (!/^\d+$/.test(image.slice(1))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`invalid ${transport}: reference ${JSON.stringify(reference)}: source index ${image} is not a non-negative integer`);
        }
        return { path, selection: { kind: 'index', index: Number(image.slice(1)) } };
    }
    if (!isValidRefName(image)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`invalid ${transport}: reference ${JSON.stringify(reference)}: ${JSON.stringify(image)} is not a valid image ref name`, 'a ref name is components of letters and digits separated by one of - . _ : @ + or --, joined by /');
    }
    return { path, selection: { kind: 'name', name: image } };
}
/**
 * oci/internal/oci_util.go SplitPathAndImage. On Windows upstream splits `C:\\path:ref` after the
 * drive and otherwise takes the whole text as the path. A Windows file name cannot hold a `:`, so
 * where upstream's reading gives such a path we split as on other systems: `C:/path:ref` (upstream:
 * "path contains more than one colon") and a relative `layout:ref` (upstream: a path `layout:ref`).
 * A leading letter and colon is always a drive (`C:layout` is drive-relative).
 */
function splitPathAndImage(reference, platform) {
    const drive = platform === 'win32' && /^[a-zA-Z]:/.test(reference) ? 2 : 0;
    const colon = reference.indexOf(':', drive);
    return colon < 0 ? [reference, ''] : [reference.slice(0, colon), reference.slice(colon + 1)];
}
function hasImagePart(reference, platform) {
    return splitPathAndImage(reference, platform)[1] !== '' || reference.endsWith(':');
}
function checkPath(path, transport) {
    if (path === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`invalid ${transport}: reference: the path is empty`);
    return path;
}


/***/ }),

/***/ 1072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y9: () => (/* binding */ ManifestTypeRejectedError),
  a7: () => (/* reexport */ destinationProperties),
  rj: () => (/* reexport */ sourceProperties)
});

// UNUSED EXPORTS: SIGNATURES_NOT_SUPPORTED, destinationDefaults, sourceDefaults

;// CONCATENATED MODULE: ./src/transports/properties.ts
// What a transport's source or destination can do, as one frozen object per source and per
// destination (containers/image internal/imagedestination/impl/properties.go, where each transport
// embeds a Properties struct). A transport states only what differs from the defaults, when it
// opens the source or destination (the values may depend on its TransportContext: dir:'s forced
// compression, oci:'s acceptance of uncompressed layers, docker-daemon:'s engine), and the values
// do not change for the object's lifetime. The engine reads them; it never asks a transport "can
// you" through a method.
//
// The defaults are the conservative answers, the ones that cannot lose data or break a store that
// did not say otherwise: any manifest type may be tried (the destination still refuses a type in
// putManifest, and the engine then tries the next one), signatures are refused (a destination that
// silently dropped them would lose them; the engine then fails unless the user removes them), layers
// are kept as they are, foreign layers are copied, no runtime-OS check, and one blob at a time.
/** The generic reason of the default: a destination that can say more overrides it. */
const SIGNATURES_NOT_SUPPORTED = 'this destination cannot store signatures';
const destinationDefaults = Object.freeze({
    supportedManifestMimeTypes: Object.freeze([]),
    supportsSignatures: SIGNATURES_NOT_SUPPORTED,
    desiredLayerCompression: 'preserve',
    acceptsForeignLayerURLs: false,
    mustMatchRuntimeOS: false,
    hasThreadSafePutBlob: false,
    takesConfigsEarly: false
});
/** The defaults with `overrides` applied, frozen (the type list is copied and frozen too). */
function destinationProperties(overrides) {
    const merged = { ...destinationDefaults, ...definedOnly(overrides) };
    return Object.freeze({
        ...merged,
        supportedManifestMimeTypes: Object.freeze([...merged.supportedManifestMimeTypes])
    });
}
const sourceDefaults = Object.freeze({ hasThreadSafeGetBlob: false });
/** The defaults with `overrides` applied, frozen. */
function sourceProperties(overrides) {
    return Object.freeze({ ...sourceDefaults, ...definedOnly(overrides) });
}
/** An override given as `undefined` keeps the default (Partial allows it; a spread would not). */
function definedOnly(overrides) {
    return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
}

;// CONCATENATED MODULE: ./src/transports/types.ts

/** Thrown by putManifest when the destination refuses the manifest's type; the engine then tries the next candidate type. */
class ManifestTypeRejectedError extends Error {
    mimeType;
    constructor(message, mimeType) {
        super(message);
        this.mimeType = mimeType;
        this.name = 'ManifestTypeRejectedError';
    }
}


/***/ })

};
