// The options of a many-image copy, read from the same named options as the rest: `tags`,
// `exclude-tags`, `images-file`, `scoped`, `plan`, `shard`. Undefined when none is set: one image.
import { UsageError } from '../errors.js'
import type { OptionReader } from '../options/request.js'

export interface Shard {
  /** 1-based. */
  index: number
  count: number
}

export interface ManyRequest {
  tags?: string
  excludeTags?: string
  imagesFile?: string
  scoped: boolean
  /** List, weigh and split into this many shards; copy nothing. */
  plan?: number
  shard?: Shard
}

function given(reader: OptionReader, name: string): string | undefined {
  const v = reader.get(name)
  return v === undefined || v.trim() === '' ? undefined : v
}

export function shardText(shard: Shard): string {
  return `${shard.index}/${shard.count}`
}

function parseShard(text: string, label: string): Shard {
  const m = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text)
  const index = Number(m?.[1])
  const count = Number(m?.[2])
  if (!m || index < 1 || count < 1 || index > count) {
    throw new UsageError(`${label}: "${text}" is not a shard; write i/N with 1 <= i <= N, e.g. 2/3`)
  }
  return { index, count }
}

export function parseManyRequest(reader: OptionReader): ManyRequest | undefined {
  const tags = given(reader, 'tags')
  const excludeTags = given(reader, 'exclude-tags')
  const imagesFile = given(reader, 'images-file')
  const planText = given(reader, 'plan')
  const shardText = given(reader, 'shard')
  const scoped = /^true$/i.test(given(reader, 'scoped') ?? 'false')
  if (!tags && !imagesFile && !planText && !shardText) {
    if (excludeTags)
      throw new UsageError(
        `${reader.label('exclude-tags')} goes with ${reader.label('tags')} or ${reader.label('images-file')}`
      )
    if (scoped) throw new UsageError(`${reader.label('scoped')} goes with ${reader.label('images-file')}`)
    return undefined
  }
  if (tags && imagesFile) {
    throw new UsageError(
      `${reader.label('tags')} and ${reader.label('images-file')} cannot go together: the file names its own tags (images-by-tag-regex, images-by-semver)`
    )
  }
  if (scoped && !imagesFile)
    throw new UsageError(`${reader.label('scoped')} goes with ${reader.label('images-file')}`)
  let plan: number | undefined
  if (planText !== undefined) {
    if (!/^\d{1,3}$/.test(planText.trim()) || Number(planText) < 1 || Number(planText) > 256) {
      throw new UsageError(
        `${reader.label('plan')}: expected a number of shards from 1 to 256, got "${planText}"`
      )
    }
    plan = Number(planText)
  }
  const shard = shardText === undefined ? undefined : parseShard(shardText, reader.label('shard'))
  if (plan !== undefined && shard) {
    throw new UsageError(
      `${reader.label('plan')} lists the shards and copies nothing; ${reader.label('shard')} copies one: give one of them`
    )
  }
  return { tags, excludeTags, imagesFile, scoped, plan, shard }
}
