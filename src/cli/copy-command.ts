// The copy itself (one image, or many with --tags/--images-file): everything the CLI does after
// --help and --version, in its own module so that those two load none of it.
import { writeFile } from 'node:fs/promises'
import { BlobDirectory } from '../cache/blob-directory.js'
import { openUserBlobInfoCache } from '../cache/blob-info-cache.js'
import { copyImageSettled } from '../copy/copy-image.js'
import type { CopyResult } from '../copy/result.js'
import { ImageCopyError, errorMessage } from '../errors.js'
import { checkOutputPaths } from '../options/output-paths.js'
import { parseCopyRequest } from '../options/request.js'
import { toCopyOptions, useBlobInfoCache, type EntryHooks } from '../options/copy-options.js'
import type { CopyOptions } from '../copy/options.js'
import { parseManyRequest } from '../sync/request.js'
import {
  destinationName,
  firstDestination,
  instanceTable,
  referrerLines,
  resultJson,
  totalsLine
} from '../report/format.js'
import { escapeText } from '../report/escape.js'
import { cliPhrases, platformChoiceNotice } from '../report/notices.js'
import { progressPrinter } from '../report/progress.js'
import { argsReader, type ParsedArgs } from './args.js'
import { exitCodes } from './exit-codes.js'

/** The input stream, or a function that opens it: process.stdin costs ~4 ms of CPU just to touch. */
export type Stdin = NodeJS.ReadableStream | (() => NodeJS.ReadableStream)

async function readStdin(stdin: Stdin): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of typeof stdin === 'function' ? stdin() : stdin) chunks.push(Buffer.from(c as Buffer))
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

/** Successes on stdout (or the --json object); each failed destination on stderr. */
function printResult(
  result: CopyResult,
  names: string[],
  flags: { json: boolean; quiet: boolean },
  stdout: NodeJS.WritableStream,
  err: (line: string) => void
): void {
  if (flags.json) {
    stdout.write(`${JSON.stringify(resultJson(result, names), null, 2)}\n`)
  } else {
    for (const d of result.destinations) {
      const referrers = referrerLines(d)
      stdout.write(
        `${escapeText(destinationName(d, names))}\n${escapeText(d.digest)}\n${instanceTable(d)}\n${referrers ? `${referrers}\n` : ''}\n`
      )
    }
    if (!flags.quiet) err(`Totals: ${totalsLine(result.stats)}`)
  }
  for (const f of result.failures) {
    err(`image-copy: ${destinationName(f, names)}: ${errorMessage(f.error)}`)
    if (f.error instanceof ImageCopyError && f.error.hint) err(`  hint: ${f.error.hint}`)
  }
}

/** Copies what the parsed flags ask for; errors are thrown to run(), which reports them. */
export async function runCopy(
  args: ParsedArgs,
  env: NodeJS.ProcessEnv,
  stdout: NodeJS.WritableStream,
  err: (line: string) => void,
  stdin: Stdin,
  signal?: AbortSignal
): Promise<number> {
  for (const side of ['src', 'dest'] as const) {
    if (args.values.get(`${side}-password-stdin`)?.[0] === 'true') {
      args.values.set(`${side}-password`, [await readStdin(stdin)])
    }
  }
  const reader = argsReader(args, env)
  const request = parseCopyRequest(reader)
  await checkOutputPaths(request, reader)
  const json = args.values.get('json')?.[0] === 'true'
  const quiet = args.values.get('quiet')?.[0] === 'true'
  const progress = progressPrinter(err)
  const hooks: EntryHooks = {
    onEvent: quiet
      ? undefined
      : event => {
          progress(event)
          const notice = platformChoiceNotice(event, cliPhrases)
          if (notice) err(`note: ${notice}`)
          if (event.type === 'referrers-not-held') err(`note: ${event.message}`)
        },
    onWarning: message => err(`warning: ${message}`),
    onCredentials: quiet ? undefined : (host, repo, from) => err(`Credentials for ${host}/${repo}: ${from}`),
    onLog: (level, message) => {
      if (level === 'warning') err(`warning: ${message}`)
      else if (level === 'info' && !quiet) err(message)
    }
  }
  const cache = request.cache.dir ? new BlobDirectory(request.cache.dir) : undefined
  // The CLI has no debug output: a blob-info cache that cannot be read or written is just not used.
  const blobInfo = await openUserBlobInfoCache(env, () => {})
  const configure = (options: CopyOptions): void => {
    options.blobCache = cache
    options.signal = signal
    useBlobInfoCache(options, blobInfo)
  }
  const many = parseManyRequest(reader)
  if (many) {
    const say = quiet ? () => {} : err
    // Many images in one step load their code (tag listing, sync files, shards) only when asked for.
    const [{ runMany }, { printMany }] = await Promise.all([import('../sync/run.js'), import('./many.js')])
    const result = await runMany({ request, many, reader, hooks, env, configure, say }, signal).finally(() =>
      blobInfo?.save()
    )
    if (cache) await cache.prune(request.cache.maxBytes)
    return printMany(result, { json, quiet }, stdout, err) ? exitCodes.ok : exitCodes.failure
  }
  const options = toCopyOptions(request, reader, hooks, env)
  configure(options)
  const result = await copyImageSettled(options).finally(() => blobInfo?.save())
  if (cache) await cache.prune(request.cache.maxBytes)
  const first = firstDestination(result)
  if (request.digestFile && first) await writeFile(request.digestFile, first.digest)
  printResult(result, request.destinations, { json, quiet }, stdout, err)
  return result.failures.length > 0 ? exitCodes.failure : exitCodes.ok
}
