// The Action's main step: inputs → engine → outputs, logs and a job summary.
import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { copyImageSettled } from '../copy/copy-image.js'
import { ImageCopyError, errorMessage } from '../errors.js'
import { nodeCrypto } from '../lazy-builtin.js'
import { checkOutputPaths } from '../options/output-paths.js'
import { parseCopyRequest, type CopyRequest } from '../options/request.js'
import { toCopyOptions, useBlobInfoCache, type EntryHooks } from '../options/copy-options.js'
import { openUserBlobInfoCache } from '../cache/blob-info-cache.js'
import {
  destinationName,
  destinationOutcomes,
  firstDestination,
  instanceJson,
  instanceTable,
  leftBehindText,
  referrerJson,
  referrerLines,
  totalsLine
} from '../report/format.js'
import { escapeText } from '../report/escape.js'
import { imageRowsOf, imagesJson } from '../report/images.js'
import { actionPhrases, platformChoiceNotice } from '../report/notices.js'
import { progressPrinter } from '../report/progress.js'
import type { CopyResult } from '../copy/result.js'
import type { CopyOptions } from '../copy/options.js'
import { parseManyRequest, shardText } from '../sync/request.js'
import { actionInputs } from './inputs.js'
import { writeSummary } from './summary.js'
import { openBlobCache, rememberForPost } from './blob-cache.js'

const masked = new Set<string>()

/** core.setSecret once per value (the credential lookup reports the inputs' secrets again). */
function mask(secret: string): void {
  if (masked.has(secret)) return
  masked.add(secret)
  core.setSecret(secret)
}

function maskSecrets(request: CopyRequest): void {
  for (const side of [request.src, request.dest]) {
    if (side.password) mask(side.password)
    if (side.registryToken) mask(side.registryToken)
    if (side.username && side.password)
      mask(Buffer.from(`${side.username}:${side.password}`).toString('base64'))
  }
}

/**
 * The Action's log lines. Each may carry text from a registry or a manifest, so it is escaped here,
 * once, before the runner can read it as a workflow command. (Tables are escaped cell by cell.)
 */
const log = {
  info: (line: string): void => core.info(escapeText(line)),
  debug: (line: string): void => core.debug(escapeText(line)),
  notice: (line: string): void => core.notice(escapeText(line)),
  warning: (line: string): void => core.warning(escapeText(line)),
  error: (line: string, title: string): void => core.error(escapeText(line), { title: escapeText(title) }),
  group: (title: string): void => core.startGroup(escapeText(title))
}

/** Outputs of what succeeded: `digests` and `failed` always; the first destination's when it succeeded. */
async function setOutputs(result: CopyResult, request: CopyRequest): Promise<void> {
  const { digests, failed } = destinationOutcomes(result, request.destinations)
  core.setOutput('digests', JSON.stringify(digests))
  core.setOutput('failed', JSON.stringify(failed))
  core.setOutput('images', JSON.stringify(imagesJson(imageRowsOf(result, request.destinations))))
  const first = firstDestination(result)
  if (!first) return
  core.setOutput('digest', first.digest)
  core.setOutput('media-type', first.mediaType)
  core.setOutput('manifest', first.manifest.toString('utf8'))
  core.setOutput('instances', JSON.stringify(first.instances.map(i => instanceJson(i, first))))
  core.setOutput('referrers', JSON.stringify((first.referrers ?? []).map(referrerJson)))
  if (request.digestFile) await writeFile(request.digestFile, first.digest)
}

function withHint(e: unknown): string {
  return `${errorMessage(e)}${e instanceof ImageCopyError && e.hint ? ` (${e.hint})` : ''}`
}

/** Logs, outputs and summary of what was written; one error annotation per failed destination. */
async function report(result: CopyResult, request: CopyRequest, started: number): Promise<void> {
  for (const d of result.destinations) {
    log.group(
      `${destinationName(d, request.destinations)}: ${d.digest}${d.status === 'unchanged' ? ' (unchanged)' : ''}`
    )
    core.info(instanceTable(d))
    const referrers = referrerLines(d)
    if (referrers) core.info(referrers)
    core.endGroup()
    for (const l of d.referrersLeftBehind ?? [])
      log.warning(`${destinationName(d, request.destinations)}: ${leftBehindText(l)}`)
  }
  core.info(`Totals: ${totalsLine(result.stats)}`)
  await setOutputs(result, request)
  for (const f of result.failures) {
    log.error(withHint(f.error), destinationName(f, request.destinations))
  }
  await writeSummary(result, (Date.now() - started) / 1000, request.destinations)
}

export async function runMain(signal?: AbortSignal): Promise<void> {
  const started = Date.now()
  // @actions/core has loaded node:crypto already: taken through our loader, the copy's digests use it
  // from the first manifest instead of the JavaScript SHA-256 meant for runs that never load it
  nodeCrypto()
  try {
    const reader = actionInputs()
    const request = parseCopyRequest(reader)
    await checkOutputPaths(request, reader)
    maskSecrets(request)
    const many = parseManyRequest(reader)
    const cache = await openBlobCache(
      request,
      [request.source || many?.imagesFile || ''],
      many?.shard && shardText(many.shard)
    )
    const progress = progressPrinter(log.info)
    const hooks: EntryHooks = {
      onEvent: event => {
        progress(event)
        const notice = platformChoiceNotice(event, actionPhrases)
        if (notice) log.notice(notice)
        if (event.type === 'referrers-not-held') log.notice(event.message)
      },
      onSecret: mask,
      onWarning: log.warning,
      onCredentials: (host, repo, from) => log.info(`Credentials for ${host}/${repo}: ${from}`),
      onLog: (level, message) => log[level](message)
    }
    const blobInfo = await openUserBlobInfoCache(process.env, log.debug)
    const configure = (options: CopyOptions): void => {
      options.blobCache = cache?.directory
      options.signal = signal
      useBlobInfoCache(options, blobInfo)
    }
    if (many) {
      // Many images in one step load their code (tag listing, sync files, shards) only when asked for.
      const [{ runMany }, { reportMany }] = await Promise.all([import('../sync/run.js'), import('./many.js')])
      const result = await runMany(
        { request, many, reader, hooks, configure, say: log.info },
        signal
      ).finally(async () => await blobInfo?.save())
      if (cache && many.plan === undefined) rememberForPost(cache, request)
      await reportMany(result, started, log)
      return
    }
    const options = toCopyOptions(request, reader, hooks)
    configure(options)
    log.group(`Copying ${request.source} to ${request.destinations.length} destination(s)`)
    const result = await copyImageSettled(options).finally(async () => {
      core.endGroup()
      await blobInfo?.save()
    })
    if (cache) rememberForPost(cache, request)
    await report(result, request, started)
    if (result.failures.length > 0) {
      // Each failure has its annotation above; setFailed would add one more.
      process.exitCode = core.ExitCode.Failure
      core.info(
        `Failed: ${result.failures.length} of ${request.destinations.length} destination(s); the outputs describe the others`
      )
    }
  } catch (e) {
    core.setFailed(escapeText(withHint(e)))
  }
}
