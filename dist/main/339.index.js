export const id = 339;
export const ids = [339];
export const modules = {

/***/ 3339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createProxyAgent: () => (/* binding */ createProxyAgent)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46752);

/**
 * http origins are sent to an http proxy as absolute-form requests (`GET http://host/path`), https
 * origins through a CONNECT tunnel, as Go's net/http does. Credentials in the proxy URL become a
 * Proxy-Authorization header, sent to the proxy only.
 */
function createProxyAgent(options) {
    const agent = new undici__WEBPACK_IMPORTED_MODULE_0__/* .ProxyAgent */ .kT({
        uri: options.proxy.href,
        proxyTunnel: false,
        ...options.pool,
        ...(options.tls
            ? { requestTls: { rejectUnauthorized: options.tls.verify, secureContext: options.tls.secureContext } }
            : {}),
        // one bounded keep-alive pool per origin (or, without a tunnel, to the proxy), like direct connections
        factory: (origin, opts) => new undici__WEBPACK_IMPORTED_MODULE_0__/* .Pool */ .bC(origin, { ...options.pool, ...opts })
    });
    return {
        request: ({ url, ...req }) => agent.request({
            ...req,
            origin: url.origin,
            path: url.pathname + url.search,
            method: req.method,
            body: req.body ?? null,
            // undici closes the connection after every HEAD (in case a server sends a body anyway), so each
            // blob existence check would open a new tunnel; registries follow HTTP
            ...(req.method === 'HEAD' ? { reset: false } : {})
        }),
        close: () => agent.close()
    };
}


/***/ })

};
