// The Action's main step: inputs → engine → outputs, logs and a job summary.
import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { CopyFailedError, copyImage } from '../copy/copy-image.js'
import { formatPlatform } from '../manifest/index.js'
import { ImageCopyError, errorMessage } from '../errors.js'
import { parseCopyRequest, type CopyRequest } from '../options/request.js'
import { toCopyOptions } from '../options/copy-options.js'
import { instanceTable, totalsLine } from '../report/format.js'
import { progressPrinter } from '../report/progress.js'
import type { CopyResult } from '../copy/result.js'
import { actionInputs } from './inputs.js'
import { writeSummary } from './summary.js'
import { openBlobCache, rememberForPost } from './blob-cache.js'

function maskSecrets(request: CopyRequest): void {
  for (const side of [request.src, request.dest]) {
    if (side.password) core.setSecret(side.password)
    if (side.registryToken) core.setSecret(side.registryToken)
    if (side.username && side.password)
      core.setSecret(Buffer.from(`${side.username}:${side.password}`).toString('base64'))
  }
}

function setOutputs(result: CopyResult): void {
  const first = result.destinations[0]
  core.setOutput('digest', first.digest)
  core.setOutput('media-type', first.mediaType)
  core.setOutput('manifest', first.manifest.toString('utf8'))
  core.setOutput(
    'instances',
    JSON.stringify(
      first.instances.map(i => ({
        sourceDigest: i.sourceDigest,
        digest: i.digest ?? null,
        mediaType: i.mediaType,
        platform: i.platform ? formatPlatform(i.platform) : null,
        status: i.status
      }))
    )
  )
  core.setOutput(
    'digests',
    JSON.stringify(Object.fromEntries(result.destinations.map(d => [d.destination, d.digest])))
  )
}

export async function runMain(signal?: AbortSignal): Promise<void> {
  const started = Date.now()
  try {
    const reader = actionInputs()
    const request = parseCopyRequest(reader)
    maskSecrets(request)
    const cache = await openBlobCache(request)
    const options = toCopyOptions(request, reader, {
      onEvent: progressPrinter(line => core.info(line)),
      onSecret: secret => core.setSecret(secret),
      onWarning: message => core.warning(message),
      onCredentials: (host, repo, from) => core.info(`Credentials for ${host}/${repo}: ${from}`)
    })
    options.blobCache = cache?.directory
    options.signal = signal
    core.startGroup(`Copying ${request.source} to ${request.destinations.length} destination(s)`)
    const result = await copyImage(options).finally(() => core.endGroup())
    if (cache) rememberForPost(cache, request)
    for (const d of result.destinations) {
      core.startGroup(`${d.destination}: ${d.digest}`)
      core.info(instanceTable(d))
      core.endGroup()
    }
    core.info(`Totals: ${totalsLine(result.stats)}`)
    setOutputs(result)
    if (request.digestFile) await writeFile(request.digestFile, result.destinations[0].digest)
    await writeSummary(result, (Date.now() - started) / 1000)
  } catch (e) {
    if (e instanceof CopyFailedError && e.result.destinations.length > 0) {
      await writeSummary(e.result, (Date.now() - started) / 1000).catch(() => undefined)
    }
    const hint = e instanceof ImageCopyError && e.hint ? ` (${e.hint})` : ''
    core.setFailed(`${errorMessage(e)}${hint}`)
  }
}
