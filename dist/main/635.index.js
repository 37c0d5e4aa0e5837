export const id = 635;
export const ids = [635];
export const modules = {

/***/ 91635:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   reportMany: () => (/* binding */ reportMany)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _bytes_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(36136);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14031);
/* harmony import */ var _report_images_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(16498);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(12011);
// The Action's many-image step (tags, images-file, plan, shard): the run is src/sync's; here are its
// outputs (`images`, `failed`, `digests`, `matrix`), its log table and its job summary.






function withHint(e) {
    return `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}${e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ImageCopyError */ .xv && e.hint ? ` (${e.hint})` : ''}`;
}
async function writeManySummary(result, seconds) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const rows = result.outcomes;
    const planned = result.matrix !== undefined;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addHeading(planned ? 'image-copy plan' : 'image-copy', 3);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addTable([
        [
            'Source',
            'Destination',
            'Digest',
            'Status',
            planned ? 'To copy' : 'Pushed',
            ...(planned ? ['Shard'] : [])
        ].map(data => ({ data, header: true })),
        ...rows.map(r => [
            `<code>${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeHtml */ .Z)(r.source)}</code>`,
            `<code>${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeHtml */ .Z)(r.destination)}</code>`,
            r.digest ? `<code>${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeHtml */ .Z)(r.digest)}</code>` : '-',
            (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeHtml */ .Z)(r.status),
            (0,_bytes_js__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z)(r.bytes),
            ...(planned ? [String(r.shard ?? '-')] : [])
        ]),
        [
            '<b>Total</b>',
            '',
            '',
            (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeHtml */ .Z)((0,_report_images_js__WEBPACK_IMPORTED_MODULE_3__/* .imagesTotals */ .K_)(rows)),
            (0,_bytes_js__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z)(rows.reduce((n, r) => n + r.bytes, 0)),
            ...(planned ? [''] : [])
        ]
    ]);
    for (const r of rows.filter(r => r.error)) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(`**${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeHtml */ .Z)(r.destination)}**: failed: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeHtml */ .Z)(r.error.message)}\n\n`);
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(`${seconds.toFixed(1)} s. ${planned ? '' : `Totals: ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_4__/* .totalsLine */ .sX)(result.stats)}`}\n`);
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.write();
}
/** Outputs, table, summary; an annotation per failed image and a failed step naming them. */
async function reportMany(result, started, log) {
    const rows = result.outcomes;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_report_images_js__WEBPACK_IMPORTED_MODULE_3__/* .imagesTable */ .Ve)(rows, result.matrix !== undefined));
    if (result.matrix === undefined)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Totals: ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_4__/* .totalsLine */ .sX)(result.stats)}`);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('images', JSON.stringify((0,_report_images_js__WEBPACK_IMPORTED_MODULE_3__/* .imagesJson */ .nf)(rows)));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('failed', JSON.stringify((0,_report_images_js__WEBPACK_IMPORTED_MODULE_3__/* .imagesFailed */ .mX)(rows)));
    const done = rows.filter(r => r.digest !== undefined && r.status !== 'planned');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('digests', JSON.stringify(Object.fromEntries(done.map(r => [r.destination, r.digest]))));
    if (result.matrix)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('matrix', JSON.stringify(result.matrix));
    const failed = rows.filter(r => r.status === 'failed');
    await writeManySummary(result, (Date.now() - started) / 1000);
    if (result.matrix) {
        // A plan still gives every shard its share: an image it could not weigh fails in its shard.
        for (const f of failed)
            log.warning(`${f.source} → ${f.destination}: not weighed: ${withHint(f.error)}`);
        return;
    }
    for (const f of failed)
        log.error(withHint(f.error), `${f.source} → ${f.destination}`);
    if (failed.length > 0) {
        process.exitCode = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .yU.Failure;
        log.info(`Failed: ${failed.length} of ${rows.length} image(s): ${failed.map(f => f.destination).join(', ')}`);
    }
}


/***/ })

};
