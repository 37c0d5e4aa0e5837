// Everything one destination needs besides the layers: configs (those written as they are go out
// alongside the layers), each image's manifest (converted or edited when needed, trying other types
// when the destination rejects one), the list, the signatures. What to try was decided in its plan.
import {
  DockerSchema1Manifest,
  attestedDigest,
  convertManifest,
  isSchema1MimeType,
  manifestDigest,
  normalizeMimeType,
  sha256Digest,
  type ConversionResult,
  type LayerUpdate,
  type ManifestList
} from '../manifest/index.js'
import { ImageCopyError, errorMessage } from '../errors.js'
import {
  ManifestTypeRejectedError,
  type BlobInfo,
  type ImageDestination,
  type RawManifest
} from '../transports/types.js'
import type { Delivery, PipelineEnvironment } from './blob-pipeline.js'
import { embeddedReference } from './destination-checks.js'
import type { CopySet, Schema1LayerFacts, SourceImage } from './instances.js'
import type { CopyOptions } from './options.js'
import type { PlannedDestination } from './plan.js'
import { emptyStats, type BlobStats, type InstanceResult } from './result.js'
import type { BlobOutcome } from './events.js'
import { putBufferBlob } from './small-blobs.js'

export interface WrittenImage {
  digest: string
  mimeType: string
  bytes: Buffer
  size: number
}

/** A manifest rendered in one type, with the config it names (absent for schema1). */
interface RenderedImage {
  raw: RawManifest
  digest: string
  config?: { info: BlobInfo; bytes: () => Promise<Buffer> }
}

/** What the engine gives a writer to render an image: its config and, for schema1 sources, layer facts. */
export interface ImageInputs {
  config: () => Promise<Buffer | undefined>
  schema1Facts: () => Promise<Schema1LayerFacts | undefined>
}

/** The state of the copy to one destination. */
export class DestinationWriter {
  readonly stats: BlobStats = emptyStats()
  readonly instanceStats = new Map<string, BlobStats>()
  failure?: Error
  private readonly written = new Map<string, WrittenImage>()
  /** Config writes started alongside the layers, by image digest. */
  private readonly earlyConfigs = new Map<string, Promise<BlobOutcome>>()
  /** Layers stored under another digest (converted, or another variant reused), by the copied digest. */
  private readonly changed = new Map<string, Delivery>()

  constructor(
    readonly destination: ImageDestination,
    readonly plan: PlannedDestination & { listCannotModify?: string },
    private readonly options: CopyOptions,
    private readonly set: CopySet,
    private readonly signatures: Map<string, Buffer[]>
  ) {}

  get name(): string {
    return this.plan.name
  }

  get index(): number {
    return this.plan.index
  }

  get writesList(): boolean {
    return this.set.list !== undefined
  }

  /** Records how a layer reached this destination (counted for the first image that names it). */
  delivered(owner: string, copied: BlobInfo, delivery: Delivery): void {
    this.record(owner, delivery.how, delivery.stored.size >= 0 ? delivery.stored.size : copied.size)
    if (delivery.stored.digest !== copied.digest) this.changed.set(copied.digest, delivery)
  }

  /**
   * What each layer became here, or undefined when every layer is the manifest's. Layers are matched
   * by position: the source may serve others than its manifest names (overrides), and the
   * destination may store them converted.
   */
  private layerEdits(image: SourceImage, sizes?: Schema1LayerFacts['layerInfos']): LayerUpdate[] | undefined {
    const original = image.manifest.layerInfos()
    const edits = original.map((l, i): LayerUpdate => {
      const copied = image.layers[i]
      const delivery = this.changed.get(copied.digest)
      const size = delivery?.stored.size ?? sizes?.[i].size ?? copied.size
      const base = {
        digest: delivery?.stored.digest ?? copied.digest,
        size,
        urls: l.urls,
        annotations: l.annotations
      }
      if (base.digest === l.digest) return { ...base, mediaType: l.mediaType }
      const compression = delivery?.compression
      if (compression === 'gzip' || compression === 'zstd')
        return { ...base, compression: { operation: 'compress', algorithm: compression } }
      if (compression === 'none') return { ...base, compression: { operation: 'decompress' } }
      return { ...base, mediaType: delivery?.stored.mediaType ?? copied.mediaType }
    })
    if (edits.every((e, i) => e.digest === original[i].digest)) return undefined
    const reason = this.plan.cannotModify[image.digest]
    if (reason) {
      throw new ImageCopyError(
        `${this.name} stores the layers of ${image.digest} differently, so its manifest must change, but it cannot be modified: ${reason}`
      )
    }
    return edits
  }

  /**
   * The manifest in the candidate type: converted (schema1 from schema2/OCI needs the config; to
   * schema2/OCI from schema1 needs DiffIDs and sizes), with what each layer became as edits; a
   * schema1 kept as schema1 is renamed to the destination (upstream updateEmbeddedDockerReference).
   */
  private async manifestFor(
    image: SourceImage,
    mimeType: string,
    config: Buffer | undefined,
    inputs: ImageInputs
  ): Promise<ConversionResult> {
    const embedded = embeddedReference(this.destination)
    if (image.manifest instanceof DockerSchema1Manifest && !isSchema1MimeType(mimeType)) {
      const facts = await inputs.schema1Facts()
      return convertManifest(image.manifest, mimeType, {
        diffIDs: facts?.diffIDs,
        layerInfos: facts ? (this.layerEdits(image, facts.layerInfos) ?? facts.layerInfos) : undefined
      })
    }
    const edits = this.layerEdits(image)
    if (image.manifest instanceof DockerSchema1Manifest && isSchema1MimeType(mimeType) && embedded) {
      const manifest = edits ? image.manifest.updateLayerInfos(edits) : image.manifest
      return {
        manifest: (manifest as DockerSchema1Manifest).withEmbeddedReference(embedded.name, embedded.tag)
      }
    }
    return convertManifest(image.manifest, mimeType, {
      configBytes: config,
      dockerReference: embedded,
      layerInfos: edits
    })
  }

  statsFor(imageDigest: string): BlobStats {
    let s = this.instanceStats.get(imageDigest)
    if (!s) {
      s = emptyStats()
      this.instanceStats.set(imageDigest, s)
    }
    return s
  }

  record(imageDigest: string, outcome: BlobOutcome, size: number): void {
    for (const s of [this.stats, this.statsFor(imageDigest)]) {
      if (outcome === 'pushed') {
        s.pushedBlobs++
        s.pushedBytes += size
      } else if (outcome === 'exists') {
        s.reusedBlobs++
        s.reusedBytes += size
      } else {
        s.mountedBlobs++
        s.mountedBytes += size
      }
    }
  }

  /**
   * Starts writing the image's config while the layers are copied, when the destination takes configs
   * early and the first type tried is the source's: the config then goes out as it is, whatever
   * happens to the layers. writeImage waits for it (and reports its failure).
   */
  startConfig(image: SourceImage, env: PipelineEnvironment, config: () => Promise<Buffer | undefined>): void {
    if (!this.destination.properties.takesConfigsEarly) return
    const info = image.manifest.configDescriptor()
    const preferred = this.plan.manifestTypes[image.digest]?.[0]
    if (!info || preferred !== normalizeMimeType(image.raw.mimeType)) return
    const original = sourceConfig(info, config)
    const outcome = putBufferBlob(this.destination, env.sourceRef, original.info, original.bytes, true)
    outcome.catch(() => undefined) // observed here; writeImage awaits it and reports the error
    this.earlyConfigs.set(image.digest, outcome)
  }

  /** Resolves when every config write started alongside the layers has ended, however it ended. */
  async earlyWritesSettled(): Promise<void> {
    await Promise.allSettled(this.earlyConfigs.values())
  }

  /** Whether the manifest changes even when its type is kept: layers stored differently, or a schema1 name to rewrite. */
  private mustChange(image: SourceImage): boolean {
    if (this.layerEdits(image)) return true
    const embedded = embeddedReference(this.destination)
    return (
      image.manifest instanceof DockerSchema1Manifest &&
      embedded !== undefined &&
      (image.manifest.name !== embedded.name || image.manifest.tag !== embedded.tag)
    )
  }

  /** Writes one image's config and manifest, trying the plan's types in order. */
  async writeImage(image: SourceImage, env: PipelineEnvironment, inputs: ImageInputs): Promise<WrittenImage> {
    const attempted: string[] = []
    for (const mimeType of this.plan.manifestTypes[image.digest]) {
      try {
        const rendered = await this.render(image, mimeType, env, inputs)
        if (rendered.config) await this.writeConfig(image, rendered.config, env)
        await this.putManifest(rendered.raw, this.writesList ? rendered.digest : undefined)
        const { bytes } = rendered.raw
        const written = {
          digest: rendered.digest,
          mimeType: rendered.raw.mimeType,
          bytes,
          size: bytes.length
        }
        this.written.set(image.digest, written)
        this.options.onEvent?.({
          type: 'manifest-written',
          destination: this.name,
          digest: written.digest,
          mimeType: written.mimeType,
          instance: this.writesList
        })
        return written
      } catch (e) {
        attempted.push(`${mimeType}: ${errorMessage(e)}`)
        if (e instanceof ManifestTypeRejectedError) continue
        throw e
      }
    }
    throw new ImageCopyError(
      `writing the manifest of ${image.digest} to ${this.name} failed; tried these formats: ${attempted.join('; ')}`
    )
  }

  /** The image's manifest in `mimeType`: the source's bytes when nothing changes, else rendered anew (with any blob a conversion adds written). */
  private async render(
    image: SourceImage,
    mimeType: string,
    env: PipelineEnvironment,
    inputs: ImageInputs
  ): Promise<RenderedImage> {
    const configInfo = image.manifest.configDescriptor()
    if (mimeType === normalizeMimeType(image.raw.mimeType) && !this.mustChange(image)) {
      return {
        raw: image.raw,
        digest: image.digest,
        config: configInfo && sourceConfig(configInfo, inputs.config)
      }
    }
    const original = configInfo ? await inputs.config() : undefined
    const converted = await this.manifestFor(image, mimeType, original, inputs)
    for (const extra of converted.extraBlobs ?? []) {
      const info = { digest: extra.digest, size: extra.size }
      const outcome = await putBufferBlob(
        this.destination,
        env.sourceRef,
        info,
        async () => extra.bytes,
        false
      )
      this.record(image.digest, outcome, extra.size)
    }
    const bytes = converted.manifest.serialize()
    // Schema1 has no config blob; every other type has one (converted, or the source's).
    const configBytes = isSchema1MimeType(mimeType) ? undefined : (converted.configBytes ?? original)
    return {
      raw: { bytes, mimeType },
      digest: manifestDigest(bytes), // schema1: the payload's
      config: configBytes && {
        info: { digest: sha256Digest(configBytes), size: configBytes.length },
        bytes: async () => configBytes
      }
    }
  }

  private async writeConfig(
    image: SourceImage,
    config: NonNullable<RenderedImage['config']>,
    env: PipelineEnvironment
  ): Promise<void> {
    const early =
      config.info.digest === image.manifest.configDescriptor()?.digest
        ? this.earlyConfigs.get(image.digest)
        : undefined
    const outcome = await (early ??
      putBufferBlob(this.destination, env.sourceRef, config.info, config.bytes, true))
    this.record(image.digest, outcome, config.info.size)
  }

  /** putManifest; a schema1 manifest refused other than as a type gets a hint (distribution answers HTTP 500 when schema1 is disabled). */
  private async putManifest(raw: RawManifest, instanceDigest: string | undefined): Promise<void> {
    try {
      await this.destination.putManifest(raw, instanceDigest)
    } catch (e) {
      if (!isSchema1MimeType(raw.mimeType) || e instanceof ManifestTypeRejectedError) throw e
      throw new ImageCopyError(
        `writing the schema1 manifest to ${this.name} failed: ${errorMessage(e)}`,
        'failure',
        'many registries refuse schema1 (distribution 2.8 answers HTTP 500 unless its config sets compatibility: schema1: enabled: true); write v2s2 or oci instead'
      )
    }
  }

  /** Writes the list: updated for converted instances, stripped of unselected ones, converted when needed. */
  async writeList(): Promise<WrittenImage> {
    const list = this.set.list!
    const updates = this.set.images
      .map(image => ({ image, written: this.written.get(image.digest)! }))
      .filter(({ image, written }) => written.digest !== image.digest)
      .map(({ image, written }) => ({
        digest: image.digest,
        newDigest: written.digest,
        size: written.size,
        mediaType: written.mimeType
      }))
    let updated: ManifestList = updates.length > 0 ? list.withUpdatedInstances(updates) : list
    if (this.options.sparseList === 'strip' && this.set.unselected.length > 0) {
      updated = updated.withoutInstances(this.set.unselected)
    }
    const original = list.serialize()
    const attempted: string[] = []
    for (const mimeType of this.plan.listTypes!) {
      const candidate = mimeType === updated.mimeType ? updated : updated.convertTo(mimeType)
      let bytes = candidate.serialize()
      if (bytes.equals(original)) {
        bytes = this.set.top.bytes // unchanged: write the original bytes, so the digest is preserved
      } else if (this.plan.listCannotModify) {
        throw new ImageCopyError(
          `the manifest list would change to be written to ${this.name}, but it cannot be modified: ${this.plan.listCannotModify}`
        )
      }
      const mediaType = bytes === this.set.top.bytes ? this.set.top.mimeType : mimeType
      try {
        await this.destination.putManifest({ bytes, mimeType: mediaType })
      } catch (e) {
        attempted.push(`${mimeType}: ${errorMessage(e)}`)
        if (e instanceof ManifestTypeRejectedError) continue
        if (this.options.sparseList === 'keep' && this.set.unselected.length > 0) {
          throw new ImageCopyError(
            `writing the manifest list to ${this.name} failed: ${errorMessage(e)}`,
            'failure',
            'the list still names instances that were not copied (sparse-list: keep); many registries refuse such a list: set sparse-list: strip'
          )
        }
        throw e
      }
      const digest = sha256Digest(bytes)
      this.options.onEvent?.({
        type: 'manifest-written',
        destination: this.name,
        digest,
        mimeType: mediaType,
        instance: false
      })
      return { digest, mimeType: mediaType, bytes, size: bytes.length }
    }
    throw new ImageCopyError(
      `writing the manifest list to ${this.name} failed; tried these formats: ${attempted.join('; ')}`
    )
  }

  async writeSignatures(): Promise<void> {
    if (this.options.removeSignatures) return
    for (const image of this.set.images) {
      const sigs = this.signatures.get(image.digest) ?? []
      if (sigs.length > 0) {
        await this.destination.putSignatures(
          sigs,
          this.writesList ? this.written.get(image.digest)!.digest : undefined
        )
      }
    }
    const listSigs = this.writesList ? (this.signatures.get('') ?? []) : []
    if (listSigs.length > 0) await this.destination.putSignatures(listSigs)
  }

  instanceResults(): InstanceResult[] {
    const results: InstanceResult[] = []
    const entries = this.set.list ? this.set.list.instances() : []
    const attests = (digest: string): { attests?: string } => {
      const entry = entries.find(e => e.digest === digest)
      const of = entry ? attestedDigest(entry) : undefined
      return of !== undefined ? { attests: of } : {}
    }
    for (const image of this.set.images) {
      const written = this.written.get(image.digest)
      results.push({
        sourceDigest: image.digest,
        digest: written?.digest,
        mediaType: written?.mimeType ?? image.raw.mimeType,
        platform: image.platform,
        ...attests(image.digest),
        status: 'copied',
        stats: this.statsFor(image.digest)
      })
    }
    for (const digest of this.set.unselected) {
      const entry = entries.find(e => e.digest === digest)
      results.push({
        sourceDigest: digest,
        mediaType: entry?.mediaType ?? '',
        platform: entry?.platform,
        ...attests(digest),
        status: this.options.sparseList === 'strip' ? 'removed' : 'skipped',
        stats: emptyStats()
      })
    }
    return results
  }
}

/** The source's config as a blob to write: its descriptor's digest and size, its bytes when asked. */
function sourceConfig(
  info: { digest: string; size: number },
  config: () => Promise<Buffer | undefined>
): { info: BlobInfo; bytes: () => Promise<Buffer> } {
  return { info: { digest: info.digest, size: info.size }, bytes: async () => (await config())! }
}
