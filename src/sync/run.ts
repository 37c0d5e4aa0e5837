// A many-image copy: list the jobs, keep this shard's, then either weigh them (plan) or run them one
// after another, each one call of the engine. One failing image never stops the others; every
// destination of every job ends as one outcome row.
import { copyImageSettled } from '../copy/copy-image.js'
import type { CopyOptions } from '../copy/options.js'
import { addStats, emptyStats, type BlobStats } from '../copy/result.js'
import { sourceContextOf, toCopyOptions, type EntryHooks } from '../options/copy-options.js'
import type { CopyRequest, OptionReader, RegistrySide } from '../options/request.js'
import { parseImageReference } from '../transports/index.js'
import { jobsFromSyncFile, jobsFromTags, type CopyJob, type SourceOverrides } from './jobs.js'
import type { ManyRequest } from './request.js'
import { assignShards, shardMatrix } from './shards.js'
import { missingBytes, weighSource } from './weigh.js'

export type ImageStatus = 'copied' | 'unchanged' | 'failed' | 'planned'

/** One image at one destination. */
export interface ImageOutcome {
  source: string
  destination: string
  status: ImageStatus
  digest?: string
  /** Bytes pushed (a copy) or bytes the destination lacks (a plan). */
  bytes: number
  /** The shard the image belongs to (plan, shard). */
  shard?: number
  error?: Error
}

export interface ManyResult {
  outcomes: ImageOutcome[]
  stats: BlobStats
  /** With `plan`: the shards, for strategy.matrix. */
  matrix?: { shard: string[] }
}

export interface ManyEnvironment {
  request: CopyRequest
  many: ManyRequest
  reader: OptionReader
  hooks: EntryHooks
  env?: NodeJS.ProcessEnv
  /** Gives each job's options what the entry point holds: blob cache, blob-info cache, signal. */
  configure: (options: CopyOptions) => void
  /** One line per job started or weighed. */
  say: (line: string) => void
}

function sideWith(side: RegistrySide, o: SourceOverrides | undefined): RegistrySide {
  if (!o) return side
  return {
    ...side,
    ...(o.tlsVerify !== undefined ? { tlsVerify: o.tlsVerify } : {}),
    ...(o.certDir !== undefined ? { certDir: o.certDir } : {}),
    ...(o.credentials
      ? { username: o.credentials.username, password: o.credentials.password, registryToken: undefined }
      : {})
  }
}

/** The reader, naming a sync file's credentials where they came from (the log says which). */
function readerFor(reader: OptionReader, o: SourceOverrides | undefined): OptionReader {
  const from = o?.credentialsFrom
  if (!from) return reader
  return { ...reader, label: name => (name === 'src-username' ? from : reader.label(name)) }
}

function optionsFor(job: CopyJob, e: ManyEnvironment): CopyOptions {
  const request = {
    ...e.request,
    source: job.source,
    destinations: job.destinations,
    src: sideWith(e.request.src, job.overrides)
  }
  const options = toCopyOptions(request, readerFor(e.reader, job.overrides), e.hooks, e.env)
  e.configure(options)
  return options
}

async function listJobs(e: ManyEnvironment): Promise<CopyJob[]> {
  const { request, many, reader } = e
  const label = (n: string): string => reader.label(n)
  const contextFor = (o?: SourceOverrides) => {
    if (o?.credentials) {
      e.hooks.onSecret?.(o.credentials.password)
    }
    return sourceContextOf(
      { ...request, src: sideWith(request.src, o) },
      readerFor(reader, o),
      e.hooks,
      e.env
    )
  }
  if (many.imagesFile) {
    return jobsFromSyncFile(
      request.destinations,
      many,
      { dest: label('dest'), excludeTags: label('exclude-tags'), imagesFile: label('images-file') },
      contextFor
    )
  }
  if (many.tags) {
    const labels = {
      src: label('src'),
      dest: label('dest'),
      tags: label('tags'),
      excludeTags: label('exclude-tags')
    }
    return jobsFromTags(request.source, request.destinations, many, labels, contextFor())
  }
  return [{ source: request.source, destinations: request.destinations }]
}

type Weight = Awaited<ReturnType<typeof weighSource>>

/**
 * Each job's shard, from the weight of its image at the source. An image that cannot be weighed
 * weighs 0 (still in exactly one shard): its copy fails there, and is reported, not the whole run.
 */
async function shardsOf(
  jobs: CopyJob[],
  count: number,
  e: ManyEnvironment
): Promise<{ shards: number[]; weights: Map<CopyJob, Weight | Error> }> {
  const weights = new Map<CopyJob, Weight | Error>()
  for (const job of jobs) {
    weights.set(
      job,
      await weighSource(optionsFor(job, e)).catch((err: unknown) =>
        err instanceof Error ? err : new Error(String(err))
      )
    )
  }
  const weightOf = (j: CopyJob): number => {
    const w = weights.get(j)!
    return w instanceof Error ? 0 : w.sourceBytes
  }
  const shards = assignShards(
    jobs.map(j => ({ key: j.source, weight: weightOf(j) })),
    count
  )
  return { shards, weights }
}

async function planRows(
  job: CopyJob,
  weight: Weight | Error,
  shard: number,
  e: ManyEnvironment
): Promise<ImageOutcome[]> {
  const rows: ImageOutcome[] = []
  const options = optionsFor(job, e)
  for (const [d, destination] of job.destinations.entries()) {
    const row = { source: job.source, destination, shard }
    try {
      if (weight instanceof Error) throw weight
      const bytes = await missingBytes(options, options.destinations[d], weight)
      rows.push({ ...row, status: 'planned', digest: weight.digest, bytes })
    } catch (err) {
      rows.push({
        ...row,
        status: 'failed',
        bytes: 0,
        error: err instanceof Error ? err : new Error(String(err))
      })
    }
  }
  return rows
}

async function plan(jobs: CopyJob[], count: number, e: ManyEnvironment): Promise<ManyResult> {
  const { shards, weights } = await shardsOf(jobs, count, e)
  const outcomes: ImageOutcome[] = []
  for (const [i, job] of jobs.entries()) {
    outcomes.push(...(await planRows(job, weights.get(job)!, shards[i], e)))
    e.say(`Weighed ${job.source}: shard ${shards[i]}/${count}`)
  }
  return { outcomes, stats: emptyStats(), matrix: shardMatrix(count) }
}

async function copyJob(
  job: CopyJob,
  e: ManyEnvironment,
  shard: number | undefined,
  stats: BlobStats,
  signal: AbortSignal | undefined
): Promise<ImageOutcome[]> {
  try {
    const result = await copyImageSettled(optionsFor(job, e))
    addStats(stats, result.stats)
    const byIndex = new Map<number, ImageOutcome>()
    for (const d of result.destinations) {
      byIndex.set(d.index, {
        source: job.source,
        destination: job.destinations[d.index],
        status: d.status,
        digest: d.digest,
        bytes: d.stats.pushedBytes,
        shard
      })
    }
    for (const f of result.failures) {
      byIndex.set(f.index, {
        source: job.source,
        destination: job.destinations[f.index],
        status: 'failed',
        bytes: 0,
        shard,
        error: f.error
      })
    }
    return job.destinations.map((_, i) => byIndex.get(i)!)
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error))
    if (signal?.aborted) throw err
    return job.destinations.map(destination => ({
      source: job.source,
      destination,
      status: 'failed',
      bytes: 0,
      shard,
      error: err
    }))
  }
}

export async function runMany(e: ManyEnvironment, signal?: AbortSignal): Promise<ManyResult> {
  // A source reference that names nothing is refused before any listing.
  if (!e.many.imagesFile && !e.many.tags) parseImageReference(e.request.source, e.reader.label('src'))
  let jobs = await listJobs(e)
  e.say(
    `${jobs.length} image(s) to copy to ${jobs.reduce((n, j) => n + j.destinations.length, 0)} destination(s)`
  )
  if (e.many.plan !== undefined) return plan(jobs, e.many.plan, e)
  let shardOf: number | undefined
  if (e.many.shard) {
    const { index, count } = e.many.shard
    const { shards } = await shardsOf(jobs, count, e)
    jobs = jobs.filter((_, i) => shards[i] === index)
    shardOf = index
    e.say(`Shard ${index}/${count}: ${jobs.length} image(s)`)
  }
  const stats = emptyStats()
  const outcomes: ImageOutcome[] = []
  for (const [i, job] of jobs.entries()) {
    signal?.throwIfAborted()
    e.say(`[${i + 1}/${jobs.length}] ${job.source}`)
    outcomes.push(...(await copyJob(job, e, shardOf, stats, signal)))
  }
  return { outcomes, stats }
}
