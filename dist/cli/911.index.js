export const id = 911;
export const ids = [911];
export const modules = {

/***/ 7911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   helpText: () => (/* binding */ helpText)
/* harmony export */ });
/* harmony import */ var _options_kinds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2533);
/* harmony import */ var _options_table_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1434);


const intro = `image-copy: copy container images between registries and local formats
(the copy engine of containers/image, as skopeo copy runs it).

Usage: image-copy SRC DEST... [flags]
       image-copy --src SRC --dest DEST [--dest DEST...] [flags]
       image-copy --tags REGEX|'semver: RANGE' SRC-REPOSITORY DEST-REPOSITORY... [flags]
       image-copy --images-file SYNC.yml DEST-PREFIX... [flags]

References: docker://host/repo[:tag|@digest] (or host/repo:tag), oci:PATH[:REF],
            oci-archive:PATH[:REF], dir:PATH, docker-archive:PATH[:NAME:TAG|:@N],
            docker-daemon:NAME:TAG (the Engine at DOCKER_HOST),
            containers-storage:[STORE]NAME[:TAG] (podman's store, through podman)
`;
const width = 100;
const column = 32;
/** Words of `text` in lines of at most `room` characters. */
function wrap(text, room) {
    const lines = [];
    for (const word of text.split(' ')) {
        const last = lines.length - 1;
        if (last >= 0 && lines[last].length + 1 + word.length <= room)
            lines[last] += ` ${word}`;
        else
            lines.push(word);
    }
    return lines;
}
/** The help of one flag, then: whether it repeats, its default, the environment variable it falls back to. */
function flagText(o) {
    const notes = [o.cliHelp ?? o.help];
    if (o.repeatable)
        notes.push('Repeatable.');
    // A default is shown unless the text already says it (or, for the CLI's own words, says all).
    const shown = o.kind.type === 'boolean' ? o.default === 'true' : o.default !== undefined;
    if (shown && o.cliHelp === undefined && !/default/i.test(o.help))
        notes.push(`Default ${o.default}.`);
    if (o.env)
        notes.push(`When not given: $${o.env}.`);
    return notes.join(' ');
}
function flagLines(o) {
    const left = `  --${o.name}${(0,_options_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .argName */ .En)(o.kind) ? ` ${(0,_options_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .argName */ .En)(o.kind)}` : ''}`;
    const text = wrap(flagText(o), width - column).map(l => `${' '.repeat(column)}${l}`);
    if (left.length < column - 1)
        text[0] = left.padEnd(column) + text[0].trimStart();
    else
        text.unshift(left);
    return text.join('\n');
}
function flagSections() {
    const sections = [...new Set(_options_table_js__WEBPACK_IMPORTED_MODULE_1__/* .optionTable */ .s.filter(o => o.flag).map(o => o.section))];
    return sections
        .map(section => {
        const flags = _options_table_js__WEBPACK_IMPORTED_MODULE_1__/* .optionTable */ .s.filter(o => o.flag && o.section === section);
        return [`${section}:`, ...flags.map(flagLines)].join('\n');
    })
        .join('\n\n');
}
const outro = `True/false flags: --all-images alone means true; false is written --dest-tls-verify=false
(with a space, "false" would be read as a destination, so that is refused).

Examples:
  Mirror a multi-arch image to another registry:
    image-copy docker://ghcr.io/acme/app:1.4 docker://registry.example.com/acme/app:1.4 --all-images
  Copy two platforms only (the list keeps just these):
    image-copy docker://ghcr.io/acme/app:1.4 docker://registry.example.com/acme/app:1.4 \\
      --platforms linux/amd64,linux/arm64
  Export to an OCI layout (one image, for linux/arm64), then to a registry on plain http:
    image-copy docker://ghcr.io/acme/app:1.4 oci:./layout:1.4 --platform linux/arm64
    image-copy oci:./layout:1.4 docker://localhost:5000/app:1.4 --dest-tls-verify=false
  Several destinations, the source read once:
    image-copy docker://ghcr.io/acme/app:1.4 docker://docker.io/acme/app:1.4 \\
      docker://quay.io/acme/app:1.4 oci-archive:./app.tar:1.4 --all-images

Exit codes: 0 copied; 1 failed; 2 bad usage; 3 source image not found;
130/143 cancelled by SIGINT/SIGTERM.
`;
const helpText = `${intro}\n${flagSections()}\n\n${outro}`;


/***/ })

};
