export const id = 695;
export const ids = [695];
export const modules = {

/***/ 5695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DockerImageDestination: () => (/* binding */ DockerImageDestination)
/* harmony export */ });
/* unused harmony exports registryManifestMimeTypes, registryDestinationProperties */
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(571);
/* harmony import */ var _registry_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5542);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1072);
/* harmony import */ var _client_factory_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6795);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2078);





/** What a registry accepts, in containers/image's order (docker_image_dest.go). */
const registryManifestMimeTypes = [
    _manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MediaType */ .zu.OCIManifest,
    _manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MediaType */ .zu.DockerV2Schema2,
    _manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MediaType */ .zu.OCIIndex,
    _manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MediaType */ .zu.DockerV2List,
    _manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MediaType */ .zu.DockerV2Schema1Signed,
    _manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MediaType */ .zu.DockerV2Schema1
];
/** docker_image_dest.go's, with configs taken early; the same for every registry. */
const registryDestinationProperties = (0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .destinationProperties */ .a7)({
    supportedManifestMimeTypes: registryManifestMimeTypes,
    supportsSignatures: 'storing signatures in a registry is not supported by this tool ' +
        '(neither sigstore attachments, lookaside storage nor the X-Registry-Supports-Signatures extension)',
    desiredLayerCompression: 'compress',
    acceptsForeignLayerURLs: true,
    hasThreadSafePutBlob: true,
    takesConfigsEarly: true
});
function sizeOr(size, fallback) {
    return size >= 0 ? size : fallback;
}
class DockerImageDestination {
    ref;
    client;
    properties = registryDestinationProperties;
    constructor(ref, client) {
        this.ref = ref;
        this.client = client;
    }
    static async open(ref, ctx) {
        return new DockerImageDestination(ref, await (0,_client_factory_js__WEBPACK_IMPORTED_MODULE_3__/* .registryClientFor */ .C)(ref.docker, ctx, 'push'));
    }
    /**
     * Exists already in this repository (HEAD), or mountable from another repository of the same
     * registry: the source repository, or one the blob-info cache knows to hold the blob. Then, with
     * canSubstitute, the same for each variant the cache knows (another compression of the content),
     * mounted only from repositories the cache knows to hold it. A repository the cache named that
     * answers 404 is forgotten.
     */
    async tryReusingBlob(info, options) {
        if (!info.digest)
            return { reused: false };
        const docker = this.ref.docker;
        const source = options.source;
        const sourceRepo = (0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isDockerImageReference */ .Hw)(source) && source.docker.registry === docker.registry
            ? [source.docker.repository]
            : [];
        const direct = await this.reuseDigest(info.digest, sourceRepo);
        if (direct)
            return { reused: true, how: direct.how, info: { ...info, size: sizeOr(direct.size, info.size) } };
        if (!options.canSubstitute)
            return { reused: false };
        for (const variant of this.client.blobInfoCache.variants(info.digest)) {
            if (options.requiredCompression !== undefined && variant.compression !== options.requiredCompression)
                continue;
            const found = await this.reuseDigest(variant.digest, []);
            if (found) {
                this.client.log('debug', `reusing ${variant.digest} (${variant.compression}) in place of ${info.digest}`);
                const reused = { ...info, digest: variant.digest, size: found.size, compression: variant.compression };
                return { reused: true, how: found.how, info: reused };
            }
        }
        return { reused: false };
    }
    /** `digest` here (HEAD), else mounted from `extra` or a repository the cache knows; its size or -1. */
    async reuseDigest(digest, extra) {
        const here = await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .blobExists */ .kQ)(this.client, digest);
        if (here)
            return { how: 'exists', size: here.size };
        const { registry, repository } = this.ref.docker;
        const cache = this.client.blobInfoCache;
        const candidates = new Set([...extra, ...cache.knownLocations(registry, digest)]);
        candidates.delete(repository);
        for (const repo of candidates) {
            try {
                // HEAD first, as containers/image does: a mount of a missing blob opens an upload session.
                const there = await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .blobExists */ .kQ)(this.client, digest, repo);
                if (!there) {
                    cache.forgetKnownLocation(registry, repo, digest);
                    continue;
                }
                if (await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .mountBlob */ .ti)(this.client, digest, repo))
                    return { how: 'mounted', size: there.size };
            }
            catch (e) {
                this.client.log('debug', `mounting ${digest} from ${repo}: ${e.message}`);
            }
        }
        return undefined;
    }
    async putBlob(stream, info, _options) {
        const uploaded = await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .uploadBlob */ .PM)(this.client, stream, {
            digest: info.digest ? info.digest : undefined,
            size: info.size
        });
        return { ...info, digest: uploaded.digest, size: uploaded.size };
    }
    async putManifest(manifest, instanceDigest) {
        const docker = this.ref.docker;
        let tagOrDigest;
        const expected = instanceDigest ?? (docker.tag === undefined ? docker.digest : undefined);
        if (expected !== undefined) {
            const actual = (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .manifestDigest */ .It)(manifest.bytes, (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(expected).algorithm);
            if (actual !== expected) {
                throw new _registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl(`writing a manifest to ${this.ref.toString()}: its digest is ${actual}, not the expected ${expected}`);
            }
            tagOrDigest = expected;
        }
        else {
            tagOrDigest = docker.tag ?? 'latest';
        }
        const mimeType = manifest.mimeType || (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .guessMimeType */ ._B)(manifest.bytes);
        try {
            await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .putManifest */ .RV)(this.client, tagOrDigest, manifest.bytes, mimeType);
        }
        catch (e) {
            if ((0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .isManifestTypeRejection */ .fg)(e))
                throw new _types_js__WEBPACK_IMPORTED_MODULE_2__/* .ManifestTypeRejectedError */ .Y9(e.message, mimeType);
            throw e;
        }
    }
    /**
     * PUT by digest; a registry with the referrers API answers OCI-Subject and lists it itself,
     * otherwise the subject's fallback tag index gets it (merged, never overwritten).
     */
    async putReferrer(manifest, digest, subject) {
        const mimeType = manifest.mimeType || (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .guessMimeType */ ._B)(manifest.bytes);
        const actual = (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .manifestDigest */ .It)(manifest.bytes, (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(digest).algorithm);
        if (actual !== digest)
            throw new _registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl(`writing referrer ${digest} to ${this.ref.toString()}: its digest is ${actual}`);
        const answer = await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .putManifestAnswer */ .HJ)(this.client, digest, manifest.bytes, mimeType);
        if (answer.subject === subject)
            return 'api';
        await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .addToFallbackIndex */ .rh)(this.client, subject, (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .referrerDescriptor */ .xh)(manifest.bytes, mimeType, digest));
        return 'tag';
    }
    async putTaggedManifest(manifest, tag) {
        const mimeType = manifest.mimeType || (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .guessMimeType */ ._B)(manifest.bytes);
        await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .putManifest */ .RV)(this.client, tag, manifest.bytes, mimeType);
    }
    /**
     * A manifest HEAD of the tag (or digest): what it names and its type. The registry checked, when the
     * manifest was pushed, that its blobs and (for a list) its manifests were there. Without a valid
     * Docker-Content-Digest, or with a type we do not know, it tells nothing.
     */
    async existingManifest() {
        const docker = this.ref.docker;
        const tagOrDigest = docker.tag ?? docker.digest ?? 'latest';
        const head = await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .headManifest */ .sy)(this.client, tagOrDigest, [...registryManifestMimeTypes]);
        if (!head?.digestHeader || !(0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidDigest */ .y4)(head.digestHeader))
            return undefined;
        if (docker.tag === undefined && docker.digest !== undefined && head.digestHeader !== docker.digest)
            return undefined;
        // Only a type named exactly: normalizing would take anything unknown for schema1.
        if (!registryManifestMimeTypes.includes(head.contentType))
            return undefined;
        return { digest: head.digestHeader, mimeType: head.contentType };
    }
    async putSignatures(signatures, _instanceDigest) {
        if (signatures.length > 0)
            throw new _registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl(`${this.ref.toString()}: ${this.properties.supportsSignatures}`);
    }
    /** Registries make each manifest visible when it is written; nothing is left to commit. */
    async commit(_toplevel) { }
    /** Blobs already uploaded stay (a registry garbage-collects unreferenced blobs); connections are pooled. */
    async close() { }
}


/***/ })

};
