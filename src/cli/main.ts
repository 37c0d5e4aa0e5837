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
import { argsReader, parseArgs } from './args.js'
import { helpText } from './help.js'
import { version } from '../version.js'

export const exitCodes = { ok: 0, failure: 1, usage: 2, notFound: 3 } as const

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of stdin) chunks.push(Buffer.from(c as Buffer))
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

export async function run(
  argv: string[],
  env: NodeJS.ProcessEnv,
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
  stdin: NodeJS.ReadableStream,
  signal?: AbortSignal
): Promise<number> {
  // Every line on stderr may carry text from a registry or a manifest: escaped, never raw.
  const err = (line: string): void => void stderr.write(`${escapeText(line)}\n`)
  try {
    const args = parseArgs(argv)
    if (args.values.has('help')) {
      stdout.write(helpText)
      return exitCodes.ok
    }
    if (args.values.has('version')) {
      stdout.write(`image-copy ${version}\n`)
      return exitCodes.ok
    }
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
      onCredentials: quiet
        ? undefined
        : (host, repo, from) => err(`Credentials for ${host}/${repo}: ${from}`),
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
      const result = await runMany({ request, many, reader, hooks, env, configure, say }, signal).finally(
        () => blobInfo?.save()
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
  } catch (e) {
    err(`image-copy: ${errorMessage(e)}`)
    if (e instanceof ImageCopyError) {
      if (e.hint) err(`  hint: ${e.hint}`)
      if (e.category === 'usage') return exitCodes.usage
      if (e.category === 'not-found') return exitCodes.notFound
    } else if (e instanceof Error && (e as { code?: string }).code === 'not-found') {
      return exitCodes.notFound
    }
    return exitCodes.failure
  }
}
