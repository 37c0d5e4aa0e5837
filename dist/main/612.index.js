export const id = 612;
export const ids = [612];
export const modules = {

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

/***/ 79612:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OstreeImageSource: () => (/* binding */ OstreeImageSource)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30351);
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(60571);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(66355);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(31072);
/* harmony import */ var _objects_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(87645);
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(19341);
/* harmony import */ var _tar_split_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(57847);
/* harmony import */ var _destination_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(13690);
// Reading an image written in containers/image's ostree layout (ostree/ostree_src.go), in any
// repository mode: the manifest from the image branch's docker.manifest, the config from
// `/content` of its branch, and each layer rebuilt uncompressed and byte for byte from its
// commit's files and tarsplit.output, served as layer-info overrides (docker.uncompressed_digest,
// docker.uncompressed_size), as upstream serves them.










class OstreeImageSource {
    ref;
    repo;
    manifest;
    root;
    signatureCount;
    properties = (0,_types_js__WEBPACK_IMPORTED_MODULE_5__/* .sourceProperties */ .rj)({ hasThreadSafeGetBlob: true });
    layers;
    constructor(ref, repo, manifest, root, signatureCount) {
        this.ref = ref;
        this.repo = repo;
        this.manifest = manifest;
        this.root = root;
        this.signatureCount = signatureCount;
    }
    static async open(ref) {
        const repo = await _repo_js__WEBPACK_IMPORTED_MODULE_7__/* .OstreeRepo */ .H.open(ref.repo);
        const commit = await repo.readRef(ref.branch);
        if (commit === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ImageNotFoundError */ .Z(`${ref.toString()}: no image (no branch ${ref.branch} in ${ref.repo})`);
        const { metadata, root } = await (0,_objects_js__WEBPACK_IMPORTED_MODULE_6__/* .readCommit */ .kN)(repo, commit);
        const manifest = metadata.get('docker.manifest');
        if (manifest === undefined)
            throw new Error(`${ref.toString()}: the branch ${ref.branch} has no docker.manifest`);
        const bytes = Buffer.from(manifest, 'utf8');
        if (bytes.length > _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_MANIFEST_BYTES */ .ZJ)
            throw new _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .ReadLimitError */ .mF(`the manifest of ${ref.toString()}`, _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_MANIFEST_BYTES */ .ZJ);
        const signatures = Number(metadata.get('signatures') ?? '0');
        if (!Number.isSafeInteger(signatures) || signatures < 0 || signatures > 1000)
            throw new Error(`${ref.toString()}: invalid signatures count ${JSON.stringify(metadata.get('signatures'))}`);
        return new OstreeImageSource(ref, repo, bytes, root, signatures);
    }
    getManifest(instanceDigest) {
        if (instanceDigest !== undefined)
            return Promise.reject(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(_destination_js__WEBPACK_IMPORTED_MODULE_9__/* .LISTS_NOT_SUPPORTED */ .p));
        return Promise.resolve({ bytes: this.manifest, mimeType: (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_2__/* .guessMimeTypeOrEmpty */ .KO)(this.manifest) });
    }
    async layerInfosForCopy(instanceDigest) {
        if (instanceDigest !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(_destination_js__WEBPACK_IMPORTED_MODULE_9__/* .LISTS_NOT_SUPPORTED */ .p);
        const manifestLayers = this.manifestLayers();
        const records = await this.layerRecords();
        // Upstream kept the manifest's (compressed) media type here, so a destination that keeps layers
        // as they are wrote a manifest calling a tar gzip; name them uncompressed, as containers-storage: does.
        return records.map((r, i) => ({
            digest: r.uncompressedDigest,
            size: r.uncompressedSize,
            mediaType: manifestLayers[i].mediaType?.startsWith(_manifest_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.OCILayer)
                ? _manifest_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.OCILayer
                : _manifest_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.DockerV2SchemaLayerUncompressed
        }));
    }
    async getBlob(info) {
        const records = await this.layerRecords();
        const layer = records.find(r => r.uncompressedDigest === info.digest || `sha256:${r.hex}` === info.digest);
        if (layer)
            return { stream: await this.rebuildLayer(layer), size: layer.uncompressedSize };
        const { hex, commit } = await this.blobCommit(info.digest);
        if (commit === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ImageNotFoundError */ .Z(`${this.ref.toString()}: no blob ${info.digest}`);
        const { metadata, root } = await (0,_objects_js__WEBPACK_IMPORTED_MODULE_6__/* .readCommit */ .kN)(this.repo, commit);
        const checksum = await new TreeReader(this.repo, root[0]).file(['content']);
        if (checksum === undefined)
            throw new Error(`${this.ref.toString()}: the branch ociimage/${hex} has no /content`);
        const size = Number(metadata.get('docker.size') ?? -1);
        return {
            stream: node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from(await this.repo.openContent(checksum)),
            size: Number.isSafeInteger(size) ? size : -1
        };
    }
    async getSignatures(instanceDigest) {
        if (instanceDigest !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(_destination_js__WEBPACK_IMPORTED_MODULE_9__/* .LISTS_NOT_SUPPORTED */ .p);
        const tree = new TreeReader(this.repo, this.root[0]);
        const signatures = [];
        for (let i = 1; i <= this.signatureCount; i++) {
            const checksum = await tree.file([`signature-${i}`]);
            if (checksum === undefined)
                throw new Error(`${this.ref.toString()}: signature-${i} is missing`);
            const chunks = [];
            let size = 0;
            for await (const chunk of await this.repo.openContent(checksum)) {
                size += chunk.length;
                if (size > _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_SIGNATURE_BYTES */ .my)
                    throw new _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .ReadLimitError */ .mF(`signature-${i} of ${this.ref.toString()}`, _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_SIGNATURE_BYTES */ .my);
                chunks.push(chunk);
            }
            signatures.push(Buffer.concat(chunks));
        }
        return signatures;
    }
    async close() { }
    manifestLayers() {
        const parsed = JSON.parse(this.manifest.toString('utf8'));
        return parsed.layers ?? [];
    }
    layerRecords() {
        this.layers ??= Promise.all(this.manifestLayers().map(l => this.layerRecord(l.digest)));
        return this.layers;
    }
    /** The commit of the branch a blob is stored under (ociimage/<hex of its sha256 digest>). */
    async blobCommit(digest) {
        const hex = (0,_destination_js__WEBPACK_IMPORTED_MODULE_9__/* .sha256Hex */ .f)(digest);
        return { hex, commit: hex === undefined ? undefined : await this.repo.readRef(`ociimage/${hex}`) };
    }
    async layerRecord(digest) {
        const { hex, commit } = await this.blobCommit(digest);
        if (commit === undefined)
            throw new Error(`${this.ref.toString()}: layer ${digest} is not in the repository`);
        const { metadata } = await (0,_objects_js__WEBPACK_IMPORTED_MODULE_6__/* .readCommit */ .kN)(this.repo, commit);
        const uncompressedDigest = metadata.get('docker.uncompressed_digest') ?? '';
        const uncompressedSize = Number(metadata.get('docker.uncompressed_size'));
        if (!/^sha256:[0-9a-f]{64}$/.test(uncompressedDigest) || !Number.isSafeInteger(uncompressedSize))
            throw new Error(`${this.ref.toString()}: layer ${digest} has no valid docker.uncompressed_digest/size`);
        return { hex: hex, commit, uncompressedDigest, uncompressedSize };
    }
    async rebuildLayer(layer) {
        const { metadata, root } = await (0,_objects_js__WEBPACK_IMPORTED_MODULE_6__/* .readCommit */ .kN)(this.repo, layer.commit);
        const split = metadata.get('tarsplit.output');
        if (split === undefined)
            throw new Error(`${this.ref.toString()}: layer sha256:${layer.hex} has no tarsplit.output`);
        const entries = (0,_tar_split_js__WEBPACK_IMPORTED_MODULE_8__/* .parseTarSplit */ .TX)(Buffer.from(split, 'base64'));
        const tree = new TreeReader(this.repo, root[0]);
        return (0,_tar_split_js__WEBPACK_IMPORTED_MODULE_8__/* .assembleTar */ .EV)(entries, async (name) => {
            const parts = name
                .toString('utf8')
                .split('/')
                .filter(p => p !== '' && p !== '.');
            const checksum = await tree.file(parts);
            if (checksum === undefined)
                throw new Error(`${this.ref.toString()}: ${JSON.stringify(name.toString('utf8'))} is in the layer's tar-split but not in its commit`);
            return this.repo.openContent(checksum);
        });
    }
}
/** Path lookups in a commit's tree, each dirtree read (and verified) once and indexed by name. */
class TreeReader {
    repo;
    rootTree;
    trees = new Map();
    constructor(repo, rootTree) {
        this.repo = repo;
        this.rootTree = rootTree;
    }
    tree(checksum) {
        let t = this.trees.get(checksum);
        if (!t) {
            t = this.repo.readMeta(checksum, 'dirtree').then(indexTree);
            this.trees.set(checksum, t);
        }
        return t;
    }
    /** The content checksum of the file at `parts`, or undefined. */
    async file(parts) {
        let tree = this.rootTree;
        for (const [i, part] of parts.entries()) {
            const { files, dirs } = await this.tree(tree);
            if (i === parts.length - 1)
                return files.get(part);
            const dir = dirs.get(part);
            if (dir === undefined)
                return undefined;
            tree = dir;
        }
        return undefined;
    }
}
/** Rebuilding a layer looks up every file: a Map per directory, not a scan of its entries per file. */
function indexTree(value) {
    const [files, dirs] = value;
    const index = { files: new Map(), dirs: new Map() };
    // The first entry of a name wins, as a scan would find it.
    for (const [name, checksum] of files)
        if (!index.files.has(name))
            index.files.set(name, checksum.toString('hex'));
    for (const [name, tree] of dirs)
        if (!index.dirs.has(name))
            index.dirs.set(name, tree.toString('hex'));
    return index;
}


/***/ })

};
