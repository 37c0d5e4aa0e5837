export const id = 889;
export const ids = [889];
export const modules = {

/***/ 8889:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMany: () => (/* binding */ runMany)
});

// EXTERNAL MODULE: ./src/copy/copy-image.ts + 15 modules
var copy_image = __webpack_require__(9818);
// EXTERNAL MODULE: ./src/copy/result.ts
var copy_result = __webpack_require__(17200);
// EXTERNAL MODULE: ./src/options/copy-options.ts + 5 modules
var copy_options = __webpack_require__(98584);
// EXTERNAL MODULE: ./src/transports/index.ts + 8 modules
var transports = __webpack_require__(81738);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/manifest/index.ts + 17 modules
var src_manifest = __webpack_require__(60571);
// EXTERNAL MODULE: ./src/reference/docker.ts
var docker = __webpack_require__(19085);
// EXTERNAL MODULE: ./src/registry/index.ts + 18 modules
var registry = __webpack_require__(85542);
// EXTERNAL MODULE: ./src/transports/docker/client-factory.ts
var client_factory = __webpack_require__(16795);
// EXTERNAL MODULE: ./src/transports/oci/layout.ts
var layout = __webpack_require__(17856);
// EXTERNAL MODULE: ./src/transports/oci/reference-syntax.ts
var reference_syntax = __webpack_require__(43701);
;// CONCATENATED MODULE: ./src/sync/sync-file.ts
// skopeo sync's YAML source file (skopeo-sync(1), "YAML file content"), read strictly: every key
// is one skopeo knows, every value has the shape skopeo expects, and an error names the key.
//
//   registry.example.com:
//     images: {busybox: [], redis: ["1.0", "sha256:…"]}   # empty list: every tag
//     images-by-tag-regex: {nginx: ^1\.13\.[12]-alpine-perl$}
//     images-by-semver: {alpine: ">= 3.12.0"}
//     credentials: {username: john, password: secret}
//     tls-verify: false
//     cert-dir: /home/john/certs

const registryKeys = [
    'images',
    'images-by-tag-regex',
    'images-by-semver',
    'credentials',
    'tls-verify',
    'cert-dir'
];
function isMap(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function mapOf(value, where, fail, each) {
    if (value === null || value === undefined)
        return [];
    if (!isMap(value))
        fail(where, 'a map of repository names');
    return Object.entries(value).map(([k, v]) => [k, each(v, `${where}.${k}`)]);
}
function sync_file_text(v, where, fail) {
    if (typeof v === 'string')
        return v;
    // YAML reads `1.0` as a number; skopeo (Go, into a string) reads the text. Keep it as written.
    if (typeof v === 'number')
        return String(v);
    return fail(where, 'text');
}
function refList(v, where, fail) {
    if (v === null || v === undefined)
        return [];
    if (!Array.isArray(v))
        fail(where, 'a list of tags or digests');
    return v.map((r, i) => sync_file_text(r, `${where}[${i}]`, fail));
}
function credentials(v, where, fail) {
    if (v === null || v === undefined)
        return undefined;
    if (!isMap(v))
        fail(where, 'a map with username and password');
    const map = v;
    const unknown = Object.keys(map).find(k => k !== 'username' && k !== 'password');
    if (unknown !== undefined)
        fail(`${where}.${unknown}`, 'username or password (unknown key)');
    const username = map.username === undefined ? '' : sync_file_text(map.username, `${where}.username`, fail);
    const password = map.password === undefined ? '' : sync_file_text(map.password, `${where}.password`, fail);
    if (username === '' && password === '')
        return undefined;
    return { username, password };
}
function registryEntry(registry, v, fail) {
    if (v === null || v === undefined)
        v = {};
    if (!isMap(v))
        fail(registry, 'a map of images, images-by-tag-regex, images-by-semver, credentials, tls-verify, cert-dir');
    const map = v;
    const unknown = Object.keys(map).find(k => !registryKeys.includes(k));
    if (unknown !== undefined)
        fail(`${registry}.${unknown}`, `one of ${registryKeys.join(', ')} (unknown key)`);
    const tls = map['tls-verify'];
    if (tls !== undefined && typeof tls !== 'boolean')
        fail(`${registry}.tls-verify`, 'true or false');
    const certDir = map['cert-dir'];
    return {
        registry,
        images: mapOf(map.images, `${registry}.images`, fail, (r, at) => refList(r, at, fail)).map(([repository, refs]) => ({ repository, refs })),
        byTagRegex: mapOf(map['images-by-tag-regex'], `${registry}.images-by-tag-regex`, fail, (r, at) => sync_file_text(r, at, fail)).map(([repository, pattern]) => ({ repository, pattern })),
        bySemver: mapOf(map['images-by-semver'], `${registry}.images-by-semver`, fail, (r, at) => sync_file_text(r, at, fail)).map(([repository, range]) => ({ repository, range })),
        credentials: credentials(map.credentials, `${registry}.credentials`, fail),
        tlsVerify: tls,
        certDir: certDir === undefined || certDir === null ? undefined : sync_file_text(certDir, `${registry}.cert-dir`, fail)
    };
}
/** The registries of a sync file's text; `file` names it in errors. (js-yaml is loaded only here.) */
async function parseSyncFile(content, file) {
    const { default: yaml } = await __webpack_require__.e(/* import() */ 281).then(__webpack_require__.t.bind(__webpack_require__, 74281, 23));
    const fail = (where, what) => {
        throw new errors/* UsageError */.eb(`${file}: ${where}: expected ${what}`);
    };
    let doc;
    try {
        doc = yaml.safeLoad(content, { filename: file });
    }
    catch (e) {
        throw new errors/* UsageError */.eb(`${file} is not valid YAML: ${e.message}`);
    }
    if (doc === null || doc === undefined)
        throw new errors/* UsageError */.eb(`${file} names no registry`);
    if (!isMap(doc))
        fail('the top level', 'a map of registry names');
    return Object.entries(doc).map(([registry, v]) => registryEntry(registry, v, fail));
}

;// CONCATENATED MODULE: ./src/sync/semver.ts
// Semantic versions of tags, and ranges over them (`>=1.4 <2`, `^1.2`, `~1.2.3`, `1.x`, `1.2 - 1.4`,
// `a || b`), with the leniency of Masterminds/semver, which `skopeo sync`'s images-by-semver uses: a
// `v` prefix and missing minor/patch parts are accepted (`v1.2` is 1.2.0). Pre-releases satisfy a
// range only when one of its comparators names a pre-release. Build metadata is ignored.
const IDENTS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
const VERSION_RE = new RegExp(`^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-(${IDENTS}))?(?:\\+${IDENTS})?$`);
/** The version a tag names, or undefined when it is not a version (such tags never match a range). */
function parseVersion(tag) {
    const m = VERSION_RE.exec(tag);
    if (!m)
        return undefined;
    const parts = [m[1], m[2] ?? '0', m[3] ?? '0'].map(Number);
    if (parts.some(p => !Number.isSafeInteger(p)))
        return undefined;
    return { major: parts[0], minor: parts[1], patch: parts[2], prerelease: m[4] ? m[4].split('.') : [] };
}
function compareIdentifiers(a, b) {
    const an = /^\d+$/.test(a);
    const bn = /^\d+$/.test(b);
    if (an && bn)
        return Math.sign(Number(a) - Number(b));
    if (an !== bn)
        return an ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Orders versions as semver 2.0.0 does: a pre-release sorts before its release. */
function compareVersions(a, b) {
    const d = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
    if (d !== 0)
        return Math.sign(d);
    if (a.prerelease.length === 0 || b.prerelease.length === 0) {
        return Math.sign(b.prerelease.length - a.prerelease.length);
    }
    for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
        const c = compareIdentifiers(a.prerelease[i], b.prerelease[i]);
        if (c !== 0)
            return c;
    }
    return Math.sign(a.prerelease.length - b.prerelease.length);
}
class SemverRangeError extends Error {
    constructor(text, reason) {
        super(`"${text}" is not a semver range: ${reason}`);
        this.name = 'SemverRangeError';
    }
}
const WILD = '(?:\\d+|[xX*])';
const PARTIAL_RE = new RegExp(`^v?(${WILD})(?:\\.(${WILD}))?(?:\\.(${WILD}))?(?:-(${IDENTS}))?(?:\\+${IDENTS})?$`);
function parsePartial(text, whole) {
    const m = PARTIAL_RE.exec(text);
    if (!m)
        throw new SemverRangeError(whole, `"${text}" is not a version`);
    const num = (s) => s === undefined || /^[xX*]$/.test(s) ? undefined : Number(s);
    const major = num(m[1]);
    const minor = major === undefined ? undefined : num(m[2]);
    const patch = minor === undefined ? undefined : num(m[3]);
    return { major, minor, patch, prerelease: m[4] ? m[4].split('.') : [] };
}
const v = (major, minor = 0, patch = 0, prerelease = []) => ({
    major,
    minor,
    patch,
    prerelease
});
/** The lowest version of a partial, and the first version above it (undefined: no upper bound). */
function bounds(p) {
    if (p.major === undefined)
        return { low: v(0) };
    if (p.minor === undefined)
        return { low: v(p.major), next: v(p.major + 1) };
    if (p.patch === undefined)
        return { low: v(p.major, p.minor), next: v(p.major, p.minor + 1) };
    const low = v(p.major, p.minor, p.patch, p.prerelease);
    return { low, next: undefined };
}
function exactOrRange(p) {
    const { low, next } = bounds(p);
    if (p.patch !== undefined)
        return [{ op: '=', version: low }];
    return next
        ? [
            { op: '>=', version: low },
            { op: '<', version: next }
        ]
        : [{ op: '>=', version: low }];
}
function tilde(p) {
    const { low } = bounds(p);
    if (p.major === undefined)
        return [{ op: '>=', version: low }];
    const next = p.minor === undefined ? v(p.major + 1) : v(p.major, p.minor + 1);
    return [
        { op: '>=', version: low },
        { op: '<', version: next }
    ];
}
function caret(p) {
    const { low } = bounds(p);
    if (p.major === undefined)
        return [{ op: '>=', version: low }];
    let next;
    if (p.major > 0 || p.minor === undefined)
        next = v(p.major + 1);
    else if (p.minor > 0 || p.patch === undefined)
        next = v(0, p.minor + 1);
    else
        next = v(0, 0, p.patch + 1);
    return [
        { op: '>=', version: low },
        { op: '<', version: next }
    ];
}
function comparison(op, p) {
    const { low, next } = bounds(p);
    switch (op) {
        case '=':
            return exactOrRange(p);
        case '!=':
            if (p.patch !== undefined)
                return [{ op: '!=', version: low }];
            throw new SemverRangeError(`!=${p.major ?? '*'}`, '!= needs a full version');
        case '>=':
        case '<':
            return [{ op, version: low }];
        case '>':
            return next
                ? [{ op: '>=', version: next }]
                : p.major === undefined
                    ? [{ op: '<', version: v(0) }]
                    : [{ op: '>', version: low }];
        case '<=':
            return next ? [{ op: '<', version: next }] : [{ op: '<=', version: low }];
    }
}
const COMPARATOR_RE = /^(~>|~|\^|>=|=>|<=|=<|!=|>|<|=)?\s*(\S+)$/;
function parseComparator(text, whole) {
    const m = COMPARATOR_RE.exec(text);
    if (!m)
        throw new SemverRangeError(whole, `"${text}" is not a comparison`);
    const p = parsePartial(m[2], whole);
    const op = m[1] ?? '=';
    if (op === '~' || op === '~>')
        return tilde(p);
    if (op === '^')
        return caret(p);
    const normal = { '=>': '>=', '=<': '<=' }[op] ?? op;
    return comparison(normal, p);
}
function parseGroup(text, whole) {
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
    if (hyphen) {
        return [
            ...comparison('>=', parsePartial(hyphen[1], whole)),
            ...comparison('<=', parsePartial(hyphen[2], whole))
        ];
    }
    // Operators may be separated from their version by spaces (`>= 1.4`); comparators by spaces or commas.
    const tokens = text
        .replace(/(~>|~|\^|>=|=>|<=|=<|!=|>|<|=)\s+/g, '$1')
        .split(/[\s,]+/)
        .filter(t => t !== '');
    if (tokens.length === 0)
        throw new SemverRangeError(whole, 'an empty comparison');
    return tokens.flatMap(t => parseComparator(t, whole));
}
function satisfies(version, c) {
    const d = compareVersions(version, c.version);
    switch (c.op) {
        case '<':
            return d < 0;
        case '<=':
            return d <= 0;
        case '>':
            return d > 0;
        case '>=':
            return d >= 0;
        case '=':
            return d === 0;
        case '!=':
            return d !== 0;
    }
}
function parseRange(text) {
    if (text.trim() === '')
        throw new SemverRangeError(text, 'it is empty');
    const groups = text.split('||').map(g => parseGroup(g.trim(), text));
    return {
        text,
        test(tag) {
            const version = parseVersion(tag);
            if (!version)
                return false;
            return groups.some(group => {
                if (version.prerelease.length > 0 && !group.some(c => c.version.prerelease.length > 0))
                    return false;
                return group.every(c => satisfies(version, c));
            });
        }
    };
}

;// CONCATENATED MODULE: ./src/sync/tag-filter.ts
// Which tags of a repository to copy: input `tags` (a JavaScript regular expression, or `semver:`
// and a range) minus input `exclude-tags` (a regular expression). A regular expression is matched
// anywhere in the tag unless anchored, as skopeo sync's images-by-tag-regex does.


function regexFilter(pattern, label) {
    let re;
    try {
        re = new RegExp(pattern, 'u');
    }
    catch (e) {
        throw new errors/* UsageError */.eb(`${label}: "${pattern}" is not a regular expression: ${e.message}`);
    }
    return tag => re.test(tag);
}
function semverFilter(range, label) {
    try {
        const parsed = parseRange(range);
        return tag => parsed.test(tag);
    }
    catch (e) {
        if (e instanceof SemverRangeError)
            throw new errors/* UsageError */.eb(`${label}: ${e.message}`);
        throw e;
    }
}
/** `semver: >=1.4 <2` or a regular expression. */
function tagPattern(text, label) {
    const semver = /^semver:\s*(.*)$/s.exec(text.trim());
    return semver ? semverFilter(semver[1].trim(), label) : regexFilter(text, label);
}
function withExclusion(include, exclude) {
    return exclude ? tag => include(tag) && !exclude(tag) : include;
}

;// CONCATENATED MODULE: ./src/sync/jobs.ts
// What a many-image copy copies: a list of copy jobs, each one call of the engine (one source, its
// destinations). From `tags` (the tags of the src repository that match, each to the same tag under
// every dest repository) or from a skopeo sync file (each image to dest prefix + its name, as
// `skopeo sync --dest docker` names it).











const MAX_SYNC_FILE_BYTES = 1 << 20;
function parseRepository(text, label) {
    const value = text.trim();
    if (value.startsWith('oci:')) {
        const { path: dir, selection } = (0,reference_syntax/* splitOciReference */.vX)(value.slice(4), 'oci');
        if (selection.kind !== 'only')
            throw new errors/* UsageError */.eb(`${label} "${value}": name the layout without a ref (oci:PATH)`);
        return { kind: 'oci', path: dir };
    }
    if (/^[a-z-]+:(?!\/\/|\d)/.test(value) && !value.startsWith('docker:')) {
        throw new errors/* UsageError */.eb(`${label} "${value}": many images are copied from and to docker:// repositories and oci: layouts`);
    }
    const bare = value.replace(/^docker:\/\//, '');
    const ref = (0,docker/* parseDockerReference */.F4)(bare, { defaultTag: false });
    if (ref.tag !== undefined || ref.digest !== undefined) {
        throw new errors/* UsageError */.eb(`${label} "${value}": name the repository without a tag or digest (the tags come from the tag list)`);
    }
    return { kind: 'docker', ref };
}
function imageIn(repo, tag) {
    return repo.kind === 'oci'
        ? `oci:${repo.path}:${tag}`
        : `docker://${(0,docker/* withTagOrDigest */.M6)(repo.ref, tag).toString()}`;
}
async function ociTags(dir) {
    const index = await (0,layout/* readIndex */.vY)(dir);
    if (!index)
        throw new errors/* UsageError */.eb(`oci:${dir} has no index.json`);
    // A ref name that is neither a ref name nor a tag cannot name a copy: left out, as a bad tag is.
    const names = index.manifests.map(layout/* refName */.P7).filter(n => n !== '' && (0,reference_syntax/* isValidRefName */.h8)(n) && docker/* TAG_RE */.PP.test(n));
    return [...new Set(names)];
}
async function dockerTags(ref, ctx) {
    const client = await (0,client_factory/* registryClientFor */.C)((0,docker/* withTagOrDigest */.M6)(ref, 'latest'), ctx, 'pull');
    return (0,registry/* listTags */.cB)(client);
}
/** `tags`: every matching tag of src, to the same tag under each dest repository. */
async function jobsFromTags(src, dests, request, labels, ctx) {
    const filter = withExclusion(tagPattern(request.tags, labels.tags), request.excludeTags ? regexFilter(request.excludeTags, labels.excludeTags) : undefined);
    const source = parseRepository(src, labels.src);
    const targets = dests.map(d => parseRepository(d, labels.dest));
    const tags = source.kind === 'oci' ? await ociTags(source.path) : await dockerTags(source.ref, ctx);
    return tags.filter(filter).map(tag => ({
        source: imageIn(source, tag),
        destinations: targets.map(t => imageIn(t, tag))
    }));
}
/** The destination of one source under a prefix, as `skopeo sync --dest docker` names it. */
function syncDestination(prefix, source, scoped) {
    const full = source.toString();
    const suffix = scoped ? full : external_node_path_default().posix.basename(full);
    return `docker://${prefix.replace(/\/+$/, '')}/${suffix}`;
}
function prefixOf(dest, label) {
    const value = dest.trim().replace(/^docker:\/\//, '');
    const ref = parseRepository(value, label);
    if (ref.kind !== 'docker')
        throw new errors/* UsageError */.eb(`${label} "${dest}": with a sync file, dest is a registry prefix (docker://host/path)`);
    return ref.ref.name;
}
function overridesOf(entry, file) {
    const from = entry.credentials ? { credentialsFrom: `${file}: ${entry.registry}.credentials` } : {};
    return { tlsVerify: entry.tlsVerify, certDir: entry.certDir, credentials: entry.credentials, ...from };
}
function repositoryIn(entry, repository, file) {
    const ref = (0,docker/* parseDockerReference */.F4)(`${entry.registry}/${repository}`, { defaultTag: false });
    if (ref.tag !== undefined || ref.digest !== undefined) {
        throw new errors/* UsageError */.eb(`${file}: ${entry.registry}: "${repository}" names an image, not a repository`);
    }
    return ref;
}
/** The images one registry entry of a sync file names, tag lists read where the file asks for them. */
async function imagesOfRegistry(entry, file, exclude, contextFor) {
    const overrides = overridesOf(entry, file);
    const ctx = contextFor(overrides);
    const out = [];
    // A repository named in several sections (images, by regex, by semver) is listed once.
    const lists = new Map();
    const tagged = async (repo, filter) => {
        if (!lists.has(repo.name))
            lists.set(repo.name, dockerTags(repo, ctx));
        const keep = withExclusion(filter, exclude);
        for (const tag of await lists.get(repo.name)) {
            if (keep(tag))
                out.push({ ref: (0,docker/* withTagOrDigest */.M6)(repo, tag), overrides });
        }
    };
    for (const { repository, refs } of entry.images) {
        const repo = repositoryIn(entry, repository, file);
        if (refs.length === 0) {
            await tagged(repo, () => true);
            continue;
        }
        for (const r of refs) {
            const where = `${file}: ${entry.registry}.images.${repository}`;
            if ((0,src_manifest/* isValidDigest */.y4)(r))
                out.push({ ref: (0,docker/* withTagOrDigest */.M6)(repo, undefined, r), overrides });
            else if ((0,docker/* parseDockerReference */.F4)(`${repo.name}:${r}`, { defaultTag: false }).tag === r) {
                if (!exclude?.(r))
                    out.push({ ref: (0,docker/* withTagOrDigest */.M6)(repo, r), overrides });
            }
            else
                throw new errors/* UsageError */.eb(`${where}: "${r}" is neither a tag nor a digest`);
        }
    }
    for (const { repository, pattern } of entry.byTagRegex) {
        const label = `${file}: ${entry.registry}.images-by-tag-regex.${repository}`;
        await tagged(repositoryIn(entry, repository, file), regexFilter(pattern, label));
    }
    for (const { repository, range } of entry.bySemver) {
        const label = `${file}: ${entry.registry}.images-by-semver.${repository}`;
        await tagged(repositoryIn(entry, repository, file), semverFilter(range, label));
    }
    return out;
}
/** `images-file`: every image the file names, to each dest prefix. */
async function jobsFromSyncFile(dests, request, labels, contextFor) {
    const file = request.imagesFile;
    const size = await (0,promises_.stat)(file).then(s => s.size, (e) => {
        throw new errors/* UsageError */.eb(`${labels.imagesFile} ${file} cannot be read: ${e.message}`);
    });
    if (size > MAX_SYNC_FILE_BYTES)
        throw new errors/* UsageError */.eb(`${file} is larger than ${MAX_SYNC_FILE_BYTES} bytes; is it a sync file?`);
    const entries = await parseSyncFile(await (0,promises_.readFile)(file, 'utf8'), file);
    const exclude = request.excludeTags ? regexFilter(request.excludeTags, labels.excludeTags) : undefined;
    const prefixes = dests.map(d => prefixOf(d, labels.dest));
    const jobs = [];
    const seen = new Set();
    for (const entry of entries) {
        for (const image of await imagesOfRegistry(entry, file, exclude, contextFor)) {
            const source = `docker://${image.ref.toString()}`;
            if (seen.has(source))
                continue;
            seen.add(source);
            jobs.push({
                source,
                destinations: prefixes.map(p => syncDestination(p, image.ref, request.scoped)),
                overrides: image.overrides
            });
        }
    }
    return jobs;
}

;// CONCATENATED MODULE: ./src/sync/shards.ts
// Splitting jobs into N shards of about the same weight, deterministically: the same listing and
// weights give every shard the same split (jobs sorted by weight, heaviest first, ties by source
// name; each to the lightest shard so far, ties to the lowest number).
/** For each job (in the given order), its shard, 1-based. */
function assignShards(jobs, count) {
    const order = jobs
        .map((j, i) => ({ ...j, i }))
        .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
    const load = new Array(count).fill(0);
    const shard = new Array(jobs.length);
    for (const j of order) {
        let lightest = 0;
        for (let s = 1; s < count; s++)
            if (load[s] < load[lightest])
                lightest = s;
        load[lightest] += j.weight;
        shard[j.i] = lightest + 1;
    }
    return shard;
}
/** `strategy.matrix` of N shards: {"shard":["1/3","2/3","3/3"]}. */
function shardMatrix(count) {
    return { shard: Array.from({ length: count }, (_, i) => `${i + 1}/${count}`) };
}

// EXTERNAL MODULE: ./src/copy/runtime-platform.ts
var runtime_platform = __webpack_require__(19653);
// EXTERNAL MODULE: ./src/transports/docker/reference.ts
var reference = __webpack_require__(92078);
;// CONCATENATED MODULE: ./src/sync/weigh.ts





function imageBlobs(raw, into) {
    const manifest = (0,src_manifest/* parseImageManifest */.Sw)(raw.bytes, raw.mimeType);
    const config = manifest.configDescriptor();
    for (const b of [...(config ? [config] : []), ...manifest.layerInfos()])
        into.set(b.digest, Math.max(0, b.size));
}
/** The instances a copy with these options takes from a list (an estimate for `specific`: all). */
function chosenInstances(instances, options) {
    const selection = options.selection;
    if (selection.kind !== 'system')
        return instances;
    const wanted = selection.platform ?? options.runtimePlatform ?? (0,runtime_platform/* runtimePlatform */.u)();
    const match = instances.find(i => i.platform && (0,src_manifest/* platformMatches */.J5)(i.platform, wanted));
    return match ? [match] : instances.slice(0, 1);
}
async function weighSource(options) {
    const source = await options.source.newSource(options.sourceContext);
    try {
        const top = await source.getManifest();
        const blobs = new Map();
        let digest = (0,src_manifest/* manifestDigest */.It)(top.bytes);
        if ((0,src_manifest/* isListMimeType */.VI)(top.mimeType)) {
            const chosen = chosenInstances((0,src_manifest/* parseList */.E1)(top.bytes, top.mimeType).instances(), options);
            if (options.selection.kind === 'system' && chosen.length === 1)
                digest = chosen[0].digest;
            for (const i of chosen)
                imageBlobs(await source.getManifest(i.digest), blobs);
        }
        else {
            imageBlobs(top, blobs);
        }
        const sourceBytes = [...blobs.values()].reduce((a, b) => a + b, 0);
        return { digest, blobs, sourceBytes };
    }
    finally {
        await source.close();
    }
}
function contextOf(options, ref) {
    const ctx = options.destinationContext;
    return typeof ctx === 'function' ? ctx(ref) : ctx;
}
/**
 * Bytes `destination` lacks: 0 when its tag already names `weight.digest` (one manifest HEAD), else
 * the blobs a HEAD does not find. Destinations that are not registries lack everything.
 */
async function missingBytes(options, destination, weight) {
    if (!(0,reference/* isDockerImageReference */.Hw)(destination))
        return weight.sourceBytes;
    const ref = destination.docker;
    const client = await (0,client_factory/* registryClientFor */.C)(ref, contextOf(options, destination), 'pull');
    const head = await (0,registry/* headManifest */.sy)(client, ref.digest ?? ref.tag ?? 'latest', [
        ...src_manifest/* defaultRequestedManifestMimeTypes */._k
    ]);
    // weight.digest is a valid digest: equal to it, the header needs no other check.
    if (head?.digestHeader?.trim() === weight.digest)
        return 0;
    let missing = 0;
    for (const [digest, size] of weight.blobs) {
        if (!(await (0,registry/* blobExists */.kQ)(client, digest)))
            missing += size;
    }
    return missing;
}

;// CONCATENATED MODULE: ./src/sync/run.ts
// A many-image copy: list the jobs, keep this shard's, then either weigh them (plan) or run them one
// after another, each one call of the engine. One failing image never stops the others; every
// destination of every job ends as one outcome row.







function sideWith(side, o) {
    if (!o)
        return side;
    return {
        ...side,
        ...(o.tlsVerify !== undefined ? { tlsVerify: o.tlsVerify } : {}),
        ...(o.certDir !== undefined ? { certDir: o.certDir } : {}),
        ...(o.credentials
            ? { username: o.credentials.username, password: o.credentials.password, registryToken: undefined }
            : {})
    };
}
/** The reader, naming a sync file's credentials where they came from (the log says which). */
function readerFor(reader, o) {
    const from = o?.credentialsFrom;
    if (!from)
        return reader;
    return { ...reader, label: name => (name === 'src-username' ? from : reader.label(name)) };
}
function optionsFor(job, e) {
    const request = {
        ...e.request,
        source: job.source,
        destinations: job.destinations,
        src: sideWith(e.request.src, job.overrides)
    };
    const options = (0,copy_options/* toCopyOptions */.bl)(request, readerFor(e.reader, job.overrides), e.hooks, e.env);
    e.configure(options);
    return options;
}
async function listJobs(e) {
    const { request, many, reader } = e;
    const label = (n) => reader.label(n);
    const contextFor = (o) => {
        if (o?.credentials) {
            e.hooks.onSecret?.(o.credentials.password);
        }
        return (0,copy_options/* sourceContextOf */.kq)({ ...request, src: sideWith(request.src, o) }, readerFor(reader, o), e.hooks, e.env);
    };
    if (many.imagesFile) {
        return jobsFromSyncFile(request.destinations, many, { dest: label('dest'), excludeTags: label('exclude-tags'), imagesFile: label('images-file') }, contextFor);
    }
    if (many.tags) {
        const labels = {
            src: label('src'),
            dest: label('dest'),
            tags: label('tags'),
            excludeTags: label('exclude-tags')
        };
        return jobsFromTags(request.source, request.destinations, many, labels, contextFor());
    }
    return [{ source: request.source, destinations: request.destinations }];
}
/**
 * Each job's shard, from the weight of its image at the source. An image that cannot be weighed
 * weighs 0 (still in exactly one shard): its copy fails there, and is reported, not the whole run.
 */
async function shardsOf(jobs, count, e) {
    const weights = new Map();
    for (const job of jobs) {
        weights.set(job, await weighSource(optionsFor(job, e)).catch((err) => err instanceof Error ? err : new Error(String(err))));
    }
    const weightOf = (j) => {
        const w = weights.get(j);
        return w instanceof Error ? 0 : w.sourceBytes;
    };
    const shards = assignShards(jobs.map(j => ({ key: j.source, weight: weightOf(j) })), count);
    return { shards, weights };
}
async function planRows(job, weight, shard, e) {
    const rows = [];
    const options = optionsFor(job, e);
    for (const [d, destination] of job.destinations.entries()) {
        const row = { source: job.source, destination, shard };
        try {
            if (weight instanceof Error)
                throw weight;
            const bytes = await missingBytes(options, options.destinations[d], weight);
            rows.push({ ...row, status: 'planned', digest: weight.digest, bytes });
        }
        catch (err) {
            rows.push({
                ...row,
                status: 'failed',
                bytes: 0,
                error: err instanceof Error ? err : new Error(String(err))
            });
        }
    }
    return rows;
}
async function plan(jobs, count, e) {
    const { shards, weights } = await shardsOf(jobs, count, e);
    const outcomes = [];
    for (const [i, job] of jobs.entries()) {
        outcomes.push(...(await planRows(job, weights.get(job), shards[i], e)));
        e.say(`Weighed ${job.source}: shard ${shards[i]}/${count}`);
    }
    return { outcomes, stats: (0,copy_result/* emptyStats */.b)(), matrix: shardMatrix(count) };
}
async function copyJob(job, e, shard, stats, signal) {
    try {
        const result = await (0,copy_image/* copyImageSettled */.ME)(optionsFor(job, e));
        (0,copy_result/* addStats */.F)(stats, result.stats);
        const byIndex = new Map();
        for (const d of result.destinations) {
            byIndex.set(d.index, {
                source: job.source,
                destination: job.destinations[d.index],
                status: d.status,
                digest: d.digest,
                bytes: d.stats.pushedBytes,
                shard
            });
        }
        for (const f of result.failures) {
            byIndex.set(f.index, {
                source: job.source,
                destination: job.destinations[f.index],
                status: 'failed',
                bytes: 0,
                shard,
                error: f.error
            });
        }
        return job.destinations.map((_, i) => byIndex.get(i));
    }
    catch (error) {
        const err = error instanceof Error ? error : new Error(String(error));
        if (signal?.aborted)
            throw err;
        return job.destinations.map(destination => ({
            source: job.source,
            destination,
            status: 'failed',
            bytes: 0,
            shard,
            error: err
        }));
    }
}
async function runMany(e, signal) {
    // A source reference that names nothing is refused before any listing.
    if (!e.many.imagesFile && !e.many.tags)
        (0,transports/* parseImageReference */.o)(e.request.source, e.reader.label('src'));
    let jobs = await listJobs(e);
    e.say(`${jobs.length} image(s) to copy to ${jobs.reduce((n, j) => n + j.destinations.length, 0)} destination(s)`);
    if (e.many.plan !== undefined)
        return plan(jobs, e.many.plan, e);
    let shardOf;
    if (e.many.shard) {
        const { index, count } = e.many.shard;
        const { shards } = await shardsOf(jobs, count, e);
        jobs = jobs.filter((_, i) => shards[i] === index);
        shardOf = index;
        e.say(`Shard ${index}/${count}: ${jobs.length} image(s)`);
    }
    const stats = (0,copy_result/* emptyStats */.b)();
    const outcomes = [];
    for (const [i, job] of jobs.entries()) {
        signal?.throwIfAborted();
        e.say(`[${i + 1}/${jobs.length}] ${job.source}`);
        outcomes.push(...(await copyJob(job, e, shardOf, stats, signal)));
    }
    return { outcomes, stats };
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


/***/ })

};
