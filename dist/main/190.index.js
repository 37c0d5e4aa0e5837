export const id = 190;
export const ids = [190];
export const modules = {

/***/ 17190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DockerImageSource: () => (/* binding */ DockerImageSource)
/* harmony export */ });
/* unused harmony exports acceptedManifestMimeTypes, manifestMimeType */
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60571);
/* harmony import */ var _registry_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85542);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66355);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31072);
/* harmony import */ var _client_factory_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(16795);





/** Every manifest type we can read, in containers/image's order (DefaultRequestedManifestMIMETypes). */
const acceptedManifestMimeTypes = _manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultRequestedManifestMimeTypes */ ._k;
/**
 * The Content-Type when it names a manifest type we know (parameters dropped), else what the bytes
 * say; a manifest nothing recognizes is taken as signed schema1, as containers/image does.
 */
function manifestMimeType(contentType, bytes) {
    if (acceptedManifestMimeTypes.includes(contentType))
        return contentType;
    return (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .guessMimeTypeOrEmpty */ .KO)(bytes) || _manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MediaType */ .zu.DockerV2Schema1Signed;
}
class DockerImageSource {
    ref;
    client;
    properties = (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .sourceProperties */ .rj)({ hasThreadSafeGetBlob: true });
    toplevel;
    tags;
    constructor(ref, client) {
        this.ref = ref;
        this.client = client;
    }
    /** Opens the source and reads its top-level manifest, so a missing image or bad credentials fail here. */
    static async open(ref, ctx) {
        const source = new DockerImageSource(ref, await (0,_client_factory_js__WEBPACK_IMPORTED_MODULE_4__/* .registryClientFor */ .C)(ref.docker, ctx, 'pull'));
        await source.getManifest();
        return source;
    }
    async getManifest(instanceDigest) {
        if (instanceDigest !== undefined) {
            (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(instanceDigest); // before it becomes part of a URL
            return this.fetch(instanceDigest, instanceDigest);
        }
        if (!this.toplevel) {
            // With a tag and a digest, the digest wins (as docker does).
            const docker = this.ref.docker;
            const tagOrDigest = docker.digest ?? docker.tag ?? 'latest';
            this.toplevel = await this.fetch(tagOrDigest, docker.digest);
        }
        return this.toplevel;
    }
    async fetch(tagOrDigest, expectedDigest) {
        let fetched;
        try {
            fetched = await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .getManifest */ .c2)(this.client, tagOrDigest, [...acceptedManifestMimeTypes]);
        }
        catch (e) {
            if (e instanceof _registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl && e.status === 404) {
                const what = expectedDigest === tagOrDigest && tagOrDigest !== this.ref.digest
                    ? `manifest ${tagOrDigest} of `
                    : '';
                const error = new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ImageNotFoundError */ .Z(`${what}image ${this.ref.toString()} not found: ${e.message}`, `check the repository name and the ${expectedDigest ? 'digest' : 'tag'}, and that the credentials can read it`);
                error.cause = e;
                throw error;
            }
            throw e;
        }
        if (expectedDigest !== undefined) {
            const actual = (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .manifestDigest */ .It)(fetched.bytes, (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(expectedDigest).algorithm);
            if (actual !== expectedDigest) {
                throw new _registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl(`reading ${this.ref.toString()}: the manifest the registry sent for ${tagOrDigest} has digest ${actual}, not ${expectedDigest}`);
            }
        }
        return { bytes: fetched.bytes, mimeType: manifestMimeType(fetched.contentType, fetched.bytes) };
    }
    async getBlob(info) {
        return (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .getBlob */ .qW)(this.client, { digest: info.digest, size: info.size, urls: info.urls });
    }
    /** The referrers API; the fallback tag's index when the registry has none. One artifact type is asked of the API. */
    async listReferrers(digest, artifactTypes) {
        (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(digest);
        const listing = await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .listReferrers */ .xt)(this.client, digest, artifactTypes.length === 1 ? artifactTypes[0] : undefined);
        return { descriptors: listing.descriptors, via: listing.via };
    }
    /** Tags `<alg>-<hex>.*` of the repository (the tag list is read once). */
    async listDigestTags(digest) {
        this.tags ??= (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .listTags */ .cB)(this.client);
        const prefix = `${(0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .fallbackTag */ .fH)(digest)}.`;
        return (await this.tags).filter(t => t.startsWith(prefix));
    }
    async getTaggedManifest(tag) {
        if (!/^[\w][\w.-]{0,127}$/.test(tag))
            throw new _registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl(`${JSON.stringify(tag)} is not a valid tag`);
        return this.fetch(tag, undefined);
    }
    /** No signature storage is read from registries (see registryDestinationProperties.supportsSignatures). */
    async getSignatures(_instanceDigest) {
        return [];
    }
    async close() {
        // Connections are pooled per registry host for the whole process; nothing to release here.
    }
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
