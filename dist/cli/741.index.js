export const id = 741;
export const ids = [741];
export const modules = {

/***/ 8008:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rM: () => (/* binding */ argsReader),
  Zy: () => (/* binding */ parseArgs)
});

// UNUSED EXPORTS: booleanFlags, valueFlags

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/options/split-list.ts
// Its own module so that the CLI's flag parser (cli/args.ts) can use it without the request's imports.
/** Splits a list input: one item per line or comma-separated; blank items dropped. */
function splitList(raw) {
    if (!raw)
        return [];
    return raw
        .split(/[\n,]/)
        .map(s => s.trim())
        .filter(s => s !== '');
}

// EXTERNAL MODULE: ./src/options/table.ts
var table = __webpack_require__(1434);
// EXTERNAL MODULE: ./src/suggest.ts
var suggest = __webpack_require__(2969);
;// CONCATENATED MODULE: ./src/cli/flag-hints.ts
// What to say about a flag this CLI does not have: skopeo's names are mapped to ours, anything else
// gets the nearest known flag.



const platform = 'use --platform OS/ARCH[/VARIANT] (one image) or --platforms (several, keeping the list)';
/** skopeo copy's flags (and a few short forms) → what to write here. */
const skopeoFlags = {
    all: 'use --all-images (skopeo --all)',
    a: 'use --all-images (skopeo --all)',
    'multi-arch': "use --all-images (skopeo's --multi-arch=all) or --platforms OS/ARCH,... (a subset); without either one image is copied, for this machine or --platform (--multi-arch=system); index-only is not supported",
    'override-arch': platform,
    'override-os': platform,
    'override-variant': platform,
    format: 'use --force-mime-type oci|v2s2|v2s1 (skopeo --format)',
    f: 'use --force-mime-type oci|v2s2|v2s1 (skopeo -f)',
    'src-creds': 'use --src-username USER --src-password PASS (or --src-password-stdin, or IMAGE_COPY_SRC_PASSWORD)',
    'dest-creds': 'use --dest-username USER --dest-password PASS (or --dest-password-stdin, or IMAGE_COPY_DEST_PASSWORD)',
    creds: 'use --src-username/--src-password or --dest-username/--dest-password',
    authfile: 'use --auth-file (one file, for the source and the destinations)',
    'src-authfile': 'use --auth-file (one file, for the source and the destinations)',
    'dest-authfile': 'use --auth-file (one file, for the source and the destinations)',
    'tls-verify': 'use --src-tls-verify=false and/or --dest-tls-verify=false',
    'image-parallel-copies': 'use --parallel N',
    q: 'use --quiet'
};
const flagNames = table/* optionTable */.s.filter(o => o.flag).map(o => o.name);
function unknownFlagError(flag) {
    const name = flag.replace(/^--?/, '');
    const mapped = skopeoFlags[name];
    if (mapped?.startsWith('is not'))
        return new errors/* UsageError */.eb(`${flag} ${mapped}`);
    if (mapped)
        return new errors/* UsageError */.eb(`unknown flag ${flag}: ${mapped}`);
    const guess = (0,suggest/* closest */.k)(name, flagNames);
    return new errors/* UsageError */.eb(`unknown flag ${flag}${guess ? `; did you mean --${guess}?` : ''} (image-copy --help lists them)`);
}
/** `--all-images false`: the value would become a positional reference, so it is refused. */
function spacedBooleanError(name, value) {
    const v = value.toLowerCase();
    return new errors/* UsageError */.eb(`--${name} ${value}: write --${name}=${v}; a true/false flag takes its value after "=" (with a space, "${value}" would be read as an image reference)`);
}

;// CONCATENATED MODULE: ./src/cli/args.ts
// Command-line flags, named as the Action's inputs: `--flag value`, `--flag=value`, bare booleans
// (`--flag=false`; `--flag false` is refused, as `false` would otherwise be read as a reference).




const flags = table/* optionTable */.s.filter(o => o.flag);
const booleanFlags = flags.filter(o => o.kind.type === 'boolean').map(o => o.name);
const valueFlags = flags.filter(o => o.kind.type !== 'boolean').map(o => o.name);
/** Flags that may be given more than once; their values accumulate. */
const repeatable = flags.filter(o => o.repeatable).map(o => o.name);
/** Flags read from an environment variable when not given (`--src-password`: IMAGE_COPY_SRC_PASSWORD). */
const fromEnv = new Map(flags.flatMap(o => (o.env ? [[o.name, o.env]] : [])));
function parseArgs(argv) {
    const values = new Map();
    const positional = [];
    const set = (name, value) => {
        const list = values.get(name) ?? [];
        if (list.length > 0 && !repeatable.includes(name))
            throw new errors/* UsageError */.eb(`--${name} is given more than once`);
        list.push(value);
        values.set(name, list);
    };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            positional.push(...argv.slice(i + 1));
            break;
        }
        if (arg === '-h') {
            set('help', 'true');
            continue;
        }
        if (!/^-[-\w]/.test(arg)) {
            positional.push(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        const flag = eq >= 0 ? arg.slice(0, eq) : arg;
        const name = flag.slice(2);
        const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
        if (flag.startsWith('--') && booleanFlags.includes(name)) {
            const next = argv[i + 1];
            if (inline === undefined && next !== undefined && /^(true|false)$/i.test(next))
                throw spacedBooleanError(name, next);
            set(name, inline ?? 'true');
        }
        else if (flag.startsWith('--') && valueFlags.includes(name)) {
            const value = inline ?? argv[++i];
            if (value === undefined)
                throw new errors/* UsageError */.eb(`--${name} needs a value`);
            set(name, value);
        }
        else {
            throw unknownFlagError(flag);
        }
    }
    return { values, positional };
}
/** Reads parsed flags as named options; SRC and DEST... may also be positional. */
function argsReader(args, env) {
    const first = (name) => args.values.get(name)?.[0];
    // With --images-file the file names the sources: every positional is a destination.
    const noSrc = first('images-file') !== undefined;
    const positionalSrc = noSrc ? undefined : args.positional[0];
    const positionalDest = noSrc ? args.positional : args.positional.slice(1);
    return {
        label: name => `--${name}`,
        setting: (name, value) => `--${name}=${value}`,
        get: name => {
            if (name === 'src')
                return first('src') ?? positionalSrc;
            const variable = fromEnv.get(name);
            return first(name) ?? (variable === undefined ? undefined : env[variable]);
        },
        getList: name => {
            if (name === 'dest') {
                const flags = args.values.get('dest') ?? [];
                // With --src given, every positional is a destination.
                const positional = first('src') !== undefined ? args.positional : positionalDest;
                return [...positional, ...flags];
            }
            return (args.values.get(name) ?? []).flatMap(v => splitList(v));
        }
    };
}


/***/ }),

/***/ 8551:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ exitCodes)
/* harmony export */ });
const exitCodes = { ok: 0, failure: 1, usage: 2, notFound: 3 };


/***/ }),

/***/ 1741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
// EXTERNAL MODULE: ./src/cli/args.ts + 2 modules
var cli_args = __webpack_require__(8008);
;// CONCATENATED MODULE: ./src/version.ts
const version = '0.1.0';

// EXTERNAL MODULE: ./src/cli/exit-codes.ts
var exit_codes = __webpack_require__(8551);
;// CONCATENATED MODULE: ./src/cli/main.ts





async function run(argv, env, stdout, stderr, stdin, signal) {
    // Every line on stderr may carry text from a registry or a manifest: escaped, never raw.
    const err = (line) => void stderr.write(`${(0,report_escape/* escapeText */.X)(line)}\n`);
    try {
        const args = (0,cli_args/* parseArgs */.Zy)(argv);
        if (args.values.has('help')) {
            const { helpText } = await __webpack_require__.e(/* import() */ 911).then(__webpack_require__.bind(__webpack_require__, 7911));
            stdout.write(helpText);
            return exit_codes/* exitCodes */.h.ok;
        }
        if (args.values.has('version')) {
            stdout.write(`image-copy ${version}\n`);
            return exit_codes/* exitCodes */.h.ok;
        }
        // --help and --version load none of the copy's code (its own chunk in the bundle).
        const { runCopy } = await __webpack_require__.e(/* import() */ 678).then(__webpack_require__.bind(__webpack_require__, 5678));
        return await runCopy(args, env, stdout, err, stdin, signal);
    }
    catch (e) {
        err(`image-copy: ${(0,errors/* errorMessage */.gJ)(e)}`);
        if (e instanceof errors/* ImageCopyError */.xv) {
            if (e.hint)
                err(`  hint: ${e.hint}`);
            if (e.category === 'usage')
                return exit_codes/* exitCodes */.h.usage;
            if (e.category === 'not-found')
                return exit_codes/* exitCodes */.h.notFound;
        }
        else if (e instanceof Error && e.code === 'not-found') {
            return exit_codes/* exitCodes */.h.notFound;
        }
        return exit_codes/* exitCodes */.h.failure;
    }
}


/***/ }),

/***/ 2533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  En: () => (/* binding */ argName),
  zM: () => (/* binding */ kinds_boolean),
  nd: () => (/* binding */ integer),
  p_: () => (/* binding */ list),
  yL: () => (/* binding */ oneOf),
  $x: () => (/* binding */ parseValue),
  Ej: () => (/* binding */ size),
  Qq: () => (/* binding */ kinds_text)
});

// UNUSED EXPORTS: parseBoolean, parseByteSize, parseChoice, parseInteger

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
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
        throw new errors/* UsageError */.eb(`${label}: "${text}" is not a size`, hint);
    const multiplier = units[match[2].toLowerCase()];
    if (multiplier === undefined) {
        throw new errors/* UsageError */.eb(`${label}: "${text}" has an unknown unit "${match[2]}"`, hint);
    }
    const bytes = Math.floor(Number(match[1]) * multiplier);
    if (!Number.isSafeInteger(bytes))
        throw new errors/* UsageError */.eb(`${label}: "${text}" is too large`, hint);
    if (bytes <= 0)
        throw new errors/* UsageError */.eb(`${label}: "${text}" must be more than zero bytes`, hint);
    return bytes;
}


;// CONCATENATED MODULE: ./src/options/kinds.ts
// The kinds of value an option takes, and how a value of each kind is read from text. Errors name
// the option as the user wrote it (`label`: `input "parallel"`, `--parallel`).


const kinds_boolean = { type: 'boolean' };
const size = { type: 'size' };
const kinds_text = (arg) => ({ type: 'string', arg });
const list = (arg) => ({ type: 'list', arg });
const integer = (min, max) => ({ type: 'integer', min, max });
const oneOf = (...values) => ({ type: 'enum', values });
/** What --help writes after a flag that takes a value; '' for a true/false flag. */
function argName(kind) {
    switch (kind.type) {
        case 'boolean':
            return '';
        case 'string':
        case 'list':
            return kind.arg;
        case 'integer':
            return 'N';
        case 'size':
            return 'SIZE';
        case 'enum':
            return kind.values.join('|');
    }
}
function parseBoolean(raw, label) {
    if (['true', 'True', 'TRUE'].includes(raw))
        return true;
    if (['false', 'False', 'FALSE'].includes(raw))
        return false;
    throw new errors/* UsageError */.eb(`${label}: expected true or false, got "${raw}"`);
}
function parseInteger(raw, label, min, max) {
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
        throw new errors/* UsageError */.eb(`${label}: expected a whole number from ${min} to ${max}, got "${raw}"`);
    }
    return Number(raw);
}
function parseChoice(raw, label, values) {
    if (!values.includes(raw))
        throw new errors/* UsageError */.eb(`${label}: expected ${values.join(' or ')}, got "${raw}"`);
    return raw;
}
function parseByteSize(raw, label) {
    try {
        return parseSize(raw, label);
    }
    catch (e) {
        if (e instanceof errors/* UsageError */.eb)
            throw e;
        throw new errors/* UsageError */.eb(`${label}: ${e.message}`);
    }
}
/** Reads `raw` as a value of `kind` (a list is one item here); throws a UsageError naming `label`. */
function parseValue(kind, raw, label) {
    switch (kind.type) {
        case 'boolean':
            return parseBoolean(raw, label);
        case 'integer':
            return parseInteger(raw, label, kind.min, kind.max);
        case 'size':
            return parseByteSize(raw, label);
        case 'enum':
            return parseChoice(raw, label, kind.values);
        case 'string':
        case 'list':
            return raw;
    }
}


/***/ }),

/***/ 1434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ optionTable),
/* harmony export */   u: () => (/* binding */ option)
/* harmony export */ });
/* harmony import */ var _kinds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2533);
// Every option, once: its name, the kind of value, the default, one line of help, and whether it is an
// Action input (action.yml) and a CLI flag. The request parser, the CLI's flag parser and --help read
// this table; action.yml is written by hand (the runner reads it) and a test holds it to the table:
// the same inputs in the same order, the same defaults, `help` as each input's description.

const cliOnly = { input: false };
// prettier-ignore
const sections = [
    ['Images', [
            { name: 'src', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('SRC'), required: false, cliHelp: 'The image to copy (or the first argument).',
                help: 'The image to copy, as transport:reference (docker://ghcr.io/acme/app:1.0, oci:./layout:1.0, oci-archive:./img.tar, dir:./img, docker-archive:./img.tar, docker-daemon:acme/app:1.0, containers-storage:localhost/app:1.0, ostree:acme/app:1.0@/srv/repo). No transport means a registry. With tags, a repository without a tag; with images-file, not given.' },
            { name: 'dest', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)('DEST'), required: true, cliHelp: 'A destination, in the same form as SRC (or the arguments after SRC).',
                help: 'One or more destinations, one per line, in the same form as src. The source is read once and written to each.' },
        ]],
    ['Many images (one engine call per image; one failing image does not stop the others)', [
            { name: 'tags', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('REGEX|semver: RANGE'),
                help: 'Copy every tag of the src repository (named without a tag) that matches - a JavaScript regular expression (^v1\\.), or semver: and a range (semver: >=1.4 <2) - to the same tag under each dest repository.' },
            { name: 'exclude-tags', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('REGEX'),
                help: 'Leave out the tags this regular expression matches (with tags or images-file).' },
            { name: 'images-file', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('PATH'),
                help: 'A skopeo sync YAML file (registry - images, images-by-tag-regex, images-by-semver, credentials, tls-verify, cert-dir); each image goes to each dest prefix as skopeo sync --dest docker names it.' },
            { name: 'scoped', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'false',
                help: 'With images-file, name each copy dest prefix + the whole source reference (skopeo sync --scoped), not only its last path component.' },
            { name: 'plan', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .integer */ .nd)(1, 256),
                help: 'Copy nothing; list what would be copied, weigh it (bytes each destination lacks) and set the matrix output to this many shards.' },
            { name: 'shard', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('I/N'),
                help: 'Copy only shard I of N (as the matrix output names them); every shard lists and splits the images the same way.' },
        ]],
    ['Selection (when SRC is a manifest list; default: one image, for this machine\'s platform)', [
            { name: 'all-images', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'false',
                help: 'When src is a manifest list, copy the list and every image in it.' },
            { name: 'instances', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)('DIGEST,...'),
                help: 'Copy the list and only these instances (digests, comma or newline separated).' },
            { name: 'platforms', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)('OS/ARCH[/VAR],...'),
                help: 'Copy the list and only the instances for these platforms (os/arch[/variant], comma or newline separated).' },
            { name: 'platform', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('OS/ARCH[/VAR]'), cliHelp: 'For a single-image copy from a list, the platform to pick; default is linux with this machine\'s architecture.',
                help: 'For a single-image copy from a list, the platform to pick (os/arch[/variant]); default is linux with the runner\'s architecture (also on macOS and Windows runners).' },
            { name: 'sparse-list', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .oneOf */ .yL)('strip', 'keep'), default: 'strip',
                help: 'What happens to list entries that were not copied. strip (default) removes them so the destination gets a valid list; keep writes the list unchanged (digest preserved; many registries refuse it).' },
        ]],
    ['Format', [
            { name: 'force-mime-type', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('TYPE'),
                help: 'Write every manifest in this format - oci, v2s2, v2s1, or a full MIME type. Lists follow (OCI index, Docker list).' },
            { name: 'preserve-digests', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'false',
                help: 'Fail rather than change any manifest (and so its digest).' },
            { name: 'remove-signatures', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'false',
                help: 'Do not copy signatures.' },
            { name: 'skip-unchanged', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'true',
                help: 'Ask each destination first what its tag names (a manifest HEAD), and write nothing where that is exactly what would be written (status unchanged). false copies every time.' },
        ]],
    ['Layers (compressed where a destination wants them compressed: registries, oci:, oci-archive:)', [
            { name: 'dest-compress-format', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .oneOf */ .yL)('gzip', 'zstd'),
                help: 'Compress layers with gzip (default) or zstd; with zstd, layers compressed otherwise are recompressed and images become OCI.' },
            { name: 'dest-compress-level', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .integer */ .nd)(1, 20),
                help: 'Compression level: gzip 1-9, zstd 1-20 (default: the algorithm\'s own).' },
            { name: 'dest-compress', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'false',
                help: 'For dir: destinations, store layers compressed (skopeo --dest-compress).' },
            { name: 'dest-decompress', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'false',
                help: 'For dir: destinations, store layers uncompressed (skopeo --dest-decompress).' },
            { name: 'dest-oci-accept-uncompressed-layers', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'false',
                help: 'For oci: and oci-archive: destinations, keep uncompressed layers as they are.' },
        ]],
    ['Referrers (signatures, SBOMs, attestations: copied for every manifest whose digest the copy keeps)', [
            { name: 'referrers', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'false',
                help: 'Copy the OCI referrers (manifests whose subject is the image: signatures, SBOMs, attestations) of the list and of each image, recursively, with their digests unchanged.' },
            { name: 'digest-tags', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'false',
                help: 'Copy the tags named after each image digest (cosign sha256-<hex>.sig, .att, .sbom and any sha256-<hex>.*) as they are.' },
            { name: 'referrers-artifact-types', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)('TYPE,...'),
                help: 'With referrers, copy only referrers of these artifact types (comma or newline separated), e.g. application/spdx+json.' },
        ]],
    ['Registries', [
            { name: 'src-username', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('USER'), help: 'Username for the source registry.' },
            { name: 'src-password', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('PASS'), secret: true, env: 'IMAGE_COPY_SRC_PASSWORD',
                help: 'Password or access token for the source registry.' },
            { name: 'src-password-stdin', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'false', ...cliOnly,
                help: 'Read the source password from standard input.' },
            { name: 'src-registry-token', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('TOKEN'), secret: true,
                help: 'A bearer token for the source registry, used as is.' },
            { name: 'dest-username', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('USER'), help: 'Username for the destination registries.' },
            { name: 'dest-password', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('PASS'), secret: true, env: 'IMAGE_COPY_DEST_PASSWORD',
                help: 'Password or access token for the destination registries.' },
            { name: 'dest-password-stdin', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'false', ...cliOnly,
                help: 'Read the destination password from standard input.' },
            { name: 'dest-registry-token', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('TOKEN'), secret: true,
                help: 'A bearer token for the destination registries, used as is.' },
            { name: 'auth-file', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('PATH'),
                help: 'A containers auth.json or docker config.json to take credentials from (only that file is read).' },
            { name: 'github-token', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('TOKEN'), secret: true, runnerDefault: '${{ github.token }}', env: 'GITHUB_TOKEN',
                help: 'Token used for ghcr.io when no other credentials match.' },
            { name: 'src-tls-verify', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'true',
                help: 'Verify the source registry\'s TLS certificate. false also allows plain http.' },
            { name: 'dest-tls-verify', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'true',
                help: 'Verify the destination registries\' TLS certificates. false also allows plain http.' },
            { name: 'src-cert-dir', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('DIR'),
                help: 'Directory with *.crt CA certificates and *.cert/*.key client certificates for the source registry.' },
            { name: 'dest-cert-dir', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('DIR'),
                help: 'Directory with *.crt CA certificates and *.cert/*.key client certificates for the destination registries.' },
            { name: 'src-shared-blob-dir', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('DIR'), ...cliOnly,
                help: 'A directory of blobs shared between OCI layouts, for an oci: source.' },
            { name: 'dest-shared-blob-dir', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('DIR'), ...cliOnly,
                help: 'A directory of blobs shared between OCI layouts, for oci: destinations.' },
            { name: 'retry-times', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .integer */ .nd)(0, 20), default: '3',
                help: 'How many times each request is retried on connection errors, 429 and 5xx answers.' },
            { name: 'parallel', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .integer */ .nd)(1, 64), default: '6',
                help: 'How many blobs are copied at once, across all images and destinations.' },
        ]],
    ['Cache', [
            { name: 'cache', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'true', cliHelp: 'The Action\'s GitHub Actions cache; not available here (use --cache-dir).',
                help: 'Keep a blob cache between workflow runs in the GitHub Actions cache, so blobs pulled once are not pulled again. Restored by the main step, saved by the post step when the run added blobs.' },
            { name: 'cache-key', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('KEY'), cliHelp: 'The key of the Action\'s cache; not available here.',
                help: 'Key for the blob cache (default - a hash of the source reference). Runs with the same key share blobs.' },
            { name: 'cache-max-size', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .size */ .Ej, default: '2GiB',
                help: 'Largest size of the blob cache (least recently used blobs are dropped first), e.g. 2GiB or 500MB.' },
            { name: 'cache-location', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .oneOf */ .yL)('actions', 'runner', 'both'), default: 'actions', cliHelp: 'Where the Action\'s cache lives; not used here (use --cache-dir).',
                help: 'Where the blob cache lives between runs - actions (the GitHub Actions cache), runner (the runner\'s tool cache, kept on self-hosted runners), or both.' },
            { name: 'cache-dir', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('DIR'), ...cliOnly,
                help: 'A local blob cache: blobs are read from it before the source, and blobs pulled are added.' },
        ]],
    ['Output', [
            { name: 'digestfile', kind: (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)('PATH'),
                help: 'Write the digest of the manifest written (the list, or the single image) to this file.' },
            { name: 'json', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'false', ...cliOnly, help: 'Print the result as JSON on stdout.' },
            { name: 'quiet', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'false', ...cliOnly, help: 'No progress lines.' },
            { name: 'help', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'false', ...cliOnly, help: 'Print this help (also -h).' },
            { name: 'version', kind: _kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM, default: 'false', ...cliOnly, help: 'Print the version.' },
        ]]
];
const optionTable = sections.flatMap(([section, entries]) => entries.map(e => ({
    required: false,
    input: true,
    flag: true,
    secret: false,
    ...e,
    repeatable: e.kind.type === 'list',
    section
})));
const byName = new Map(optionTable.map(o => [o.name, o]));
/** The option of that name; an unknown name is a programming error. */
function option(name) {
    const spec = byName.get(name);
    if (!spec)
        throw new Error(`no option named "${name}" in the option table`);
    return spec;
}


/***/ }),

/***/ 4031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ escapeText)
/* harmony export */ });
/* unused harmony export escapeHtml */
// Text that registries, manifests, archives or users control is printed only through these: a CR or
// LF in it would start a new log line (which the runner reads as a `::command::`), and ESC/OSC
// sequences would reach terminals. Controls become visible escapes (`\n`, `\x1b`), so nothing is lost.
const named = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
// C0 controls, DEL, C1 controls, and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** One line of text: every control character shown as an escape (backslashes are left as they are). */
function escapeText(text) {
    return text.replace(unsafe, c => named[c] ?? escapeCode(c.charCodeAt(0)));
}
function escapeCode(code) {
    return code <= 0xff
        ? `\\x${code.toString(16).padStart(2, '0')}`
        : `\\u${code.toString(16).padStart(4, '0')}`;
}
const html = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '`': '&#96;',
    '|': '&#124;'
};
/** For the job summary (HTML and markdown tables): escaped as text, then as HTML, with backticks and pipes. */
function escapeHtml(text) {
    return escapeText(text).replace(/[&<>"'`|]/g, c => html[c]);
}


/***/ }),

/***/ 2969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ closest)
/* harmony export */ });
/* unused harmony export editDistance */
// "Did you mean …?" for names a user mistyped (flags, transports).
/** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length];
}
/** The candidate nearest to `word`, if it is close enough to be a typo (1 edit for short words, else 2). */
function closest(word, candidates) {
    const allowed = word.length <= 4 ? 1 : 2;
    let best;
    for (const name of candidates) {
        const distance = editDistance(word, name);
        if (distance <= allowed && (!best || distance < best.distance))
            best = { name, distance };
    }
    return best?.name;
}


/***/ })

};
