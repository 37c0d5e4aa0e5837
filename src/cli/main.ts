import { writeFile } from 'node:fs/promises'
import { BlobDirectory } from '../cache/blob-directory.js'
import { copyImage } from '../copy/copy-image.js'
import { ImageCopyError, errorMessage } from '../errors.js'
import { parseCopyRequest } from '../options/request.js'
import { toCopyOptions } from '../options/copy-options.js'
import { instanceTable, resultJson, totalsLine } from '../report/format.js'
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

export async function run(
  argv: string[],
  env: NodeJS.ProcessEnv,
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
  stdin: NodeJS.ReadableStream,
  signal?: AbortSignal
): Promise<number> {
  const err = (line: string): void => void stderr.write(`${line}\n`)
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
    const json = args.values.get('json')?.[0] === 'true'
    const quiet = args.values.get('quiet')?.[0] === 'true'
    const options = toCopyOptions(
      request,
      reader,
      {
        onEvent: quiet ? undefined : progressPrinter(err),
        onWarning: message => err(`warning: ${message}`),
        onCredentials: quiet
          ? undefined
          : (host, repo, from) => err(`Credentials for ${host}/${repo}: ${from}`)
      },
      env
    )
    const cache = request.cache.dir ? new BlobDirectory(request.cache.dir) : undefined
    options.blobCache = cache
    options.signal = signal
    const result = await copyImage(options)
    if (cache) await cache.prune(request.cache.maxBytes)
    if (request.digestFile) await writeFile(request.digestFile, result.destinations[0].digest)
    if (json) {
      stdout.write(`${JSON.stringify(resultJson(result), null, 2)}\n`)
    } else {
      for (const d of result.destinations) {
        stdout.write(`${d.destination}\n${d.digest}\n${instanceTable(d)}\n\n`)
      }
      if (!quiet) err(`Totals: ${totalsLine(result.stats)}`)
    }
    return exitCodes.ok
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
