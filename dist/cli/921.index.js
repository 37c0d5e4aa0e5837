export const id = 921;
export const ids = [921];
export const modules = {

/***/ 4921:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  printMany: () => (/* binding */ printMany)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/bytes.ts
var bytes = __webpack_require__(6136);
;// CONCATENATED MODULE: ./src/report/images.ts
// Reporting a many-image copy: one row per image and destination (source, destination, digest,
// status, bytes), a totals row, and the `images` output. Every cell may hold foreign text (tags come
// from a registry): `table` escapes each cell.


function countByStatus(rows) {
    const counts = { copied: 0, unchanged: 0, failed: 0, planned: 0 };
    for (const r of rows)
        counts[r.status]++;
    return counts;
}
/** The totals row's words: `5 image(s): 3 copied, 1 unchanged, 1 failed`. */
function imagesTotals(rows) {
    const counts = countByStatus(rows);
    const parts = Object.keys(counts)
        .filter(s => counts[s] > 0)
        .map(s => `${counts[s]} ${s}`);
    return `${rows.length} image(s): ${parts.join(', ') || 'none'}`;
}
function imagesTable(rows, planned = false) {
    const withShard = rows.some(r => r.shard !== undefined);
    const head = [
        'SOURCE',
        'DESTINATION',
        'DIGEST',
        'STATUS',
        planned ? 'TO COPY' : 'PUSHED',
        ...(withShard ? ['SHARD'] : [])
    ];
    const body = rows.map(r => [
        r.source,
        r.destination,
        (0,format/* shortDigest */.VK)(r.digest),
        r.status,
        (0,bytes/* formatBytes */.z)(r.bytes),
        ...(withShard ? [r.shard === undefined ? '-' : String(r.shard)] : [])
    ]);
    const total = [
        'TOTAL',
        '',
        '',
        imagesTotals(rows),
        (0,bytes/* formatBytes */.z)(rows.reduce((n, r) => n + r.bytes, 0)),
        ...(withShard ? [''] : [])
    ];
    return (0,format/* table */.tp)([head, ...body, total]);
}
/** The `images` output: one entry per image and destination. */
function imagesJson(rows) {
    return rows.map(r => ({
        source: r.source,
        destination: r.destination,
        digest: r.digest ?? null,
        status: r.status,
        bytes: r.bytes,
        ...(r.shard !== undefined ? { shard: r.shard } : {}),
        ...(r.error ? { error: r.error.message } : {})
    }));
}
/** `failed`: destination → error, for the images that failed. */
function imagesFailed(rows) {
    return Object.fromEntries(rows.filter(r => r.status === 'failed').map(r => [r.destination, r.error?.message ?? 'failed']));
}
/** A one-image copy as image rows (the `images` output of every run). */
function imageRowsOf(result, names) {
    const rows = [];
    for (const d of result.destinations) {
        rows.push({
            source: result.source,
            destination: destinationName(d, names),
            status: d.status,
            digest: d.digest,
            bytes: d.stats.pushedBytes
        });
    }
    for (const f of result.failures) {
        rows.push({
            source: result.source,
            destination: destinationName(f, names),
            status: 'failed',
            bytes: 0,
            error: f.error
        });
    }
    return rows;
}

;// CONCATENATED MODULE: ./src/cli/many.ts
// The CLI's many-image run (--tags, --images-file, --plan, --shard): the table on stdout (or --json),
// each failed image on stderr; exit 1 when any failed.




function printMany(result, flags, stdout, err) {
    const rows = result.outcomes;
    if (flags.json) {
        const json = {
            images: imagesJson(rows),
            failed: imagesFailed(rows),
            ...(result.matrix ? { matrix: result.matrix } : { stats: result.stats })
        };
        stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    }
    else {
        stdout.write(`${imagesTable(rows, result.matrix !== undefined)}\n`);
        if (result.matrix)
            stdout.write(`matrix: ${(0,report_escape/* escapeText */.X)(JSON.stringify(result.matrix))}\n`);
        else if (!flags.quiet)
            err(`Totals: ${(0,format/* totalsLine */.sX)(result.stats)}`);
    }
    const failed = rows.filter(r => r.status === 'failed');
    if (result.matrix) {
        // A plan still gives every shard its share: an image it could not weigh fails in its shard.
        for (const f of failed)
            err(`warning: ${f.source} → ${f.destination}: not weighed: ${(0,errors/* errorMessage */.gJ)(f.error)}`);
        return true;
    }
    for (const f of failed) {
        err(`image-copy: ${f.source} → ${f.destination}: ${(0,errors/* errorMessage */.gJ)(f.error)}`);
        if (f.error instanceof errors/* ImageCopyError */.xv && f.error.hint)
            err(`  hint: ${f.error.hint}`);
    }
    if (failed.length > 0)
        err(`image-copy: ${failed.length} of ${rows.length} image(s) failed: ${failed.map(f => f.destination).join(', ')}`);
    return failed.length === 0;
}


/***/ })

};
