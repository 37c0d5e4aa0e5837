// Everything one destination needs besides the layers: configs (those written as they are go out
// alongside the layers), each image's manifest (converted when needed, trying other types when the
// destination rejects one), the list, the signatures, and the commit.
import {
  DockerSchema1Manifest,
  attestedDigest,
  convertManifest,
  isSchema1MimeType,
  listMimeTypeFor,
  manifestDigest,
  matchesDigest,
  normalizeMimeType,
  sha256Digest,
  type ConversionResult,
  type EmbeddedReference,
  type ImageManifest,
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
import { putBufferBlob, type TransferEnvironment } from './blob-transfer.js'
import type { CopySet, Schema1LayerFacts, SourceImage } from './instances.js'
import {
  destinationSupportsLists,
  determineListConversion,
  determineManifestConversion,
  type ManifestConversionPlan
} from './manifest-conversion.js'
import type { CopyOptions } from './options.js'
import { emptyStats, type BlobStats, type InstanceResult } from './result.js'
import type { BlobOutcome } from './events.js'

export interface WrittenImage {
  digest: string
  mimeType: string
  bytes: Buffer
  size: number
}

/** The state of the copy to one destination. */
export class DestinationWriter {
  readonly stats: BlobStats = emptyStats()
  readonly instanceStats = new Map<string, BlobStats>()
  readonly plans = new Map<string, ManifestConversionPlan>()
  failure?: Error
  private readonly written = new Map<string, WrittenImage>()
  /** Config writes started alongside the layers, by image digest. */
  private readonly earlyConfigs = new Map<string, Promise<BlobOutcome>>()
  /** Layers the destination stored under another digest (e.g. decompressed), by source digest. */
  private readonly substituted = new Map<string, BlobInfo>()
  private listCannotModify?: string

  constructor(
    readonly name: string,
    readonly destination: ImageDestination,
    private readonly options: CopyOptions,
    private readonly set: CopySet,
    private readonly signatures: Map<string, Buffer[]>
  ) {}

  get writesList(): boolean {
    return this.set.list !== undefined
  }

  /** Checks what can be checked before any blob moves, so a doomed copy writes nothing. */
  prepare(): void {
    const dest = this.destination
    const supported = [...dest.properties.supportedManifestMimeTypes]
    const destDigest = dest.ref.digest
    const anySignatures = [...this.signatures.values()].some(s => s.length > 0)
    if (anySignatures && !this.options.removeSignatures) {
      const can = dest.properties.supportsSignatures
      if (can !== true) {
        throw new ImageCopyError(
          `the source has signatures and ${this.name} cannot store them: ${can}`,
          'failure',
          'set remove-signatures to copy without them'
        )
      }
    }
    if (this.set.list) {
      if (!destinationSupportsLists(supported)) {
        throw new ImageCopyError(
          `${this.name} cannot hold a manifest list, so it cannot take a copy of several images`,
          'usage',
          'copy one platform instead: leave all-images, instances and platforms unset (or set platform)'
        )
      }
      this.listCannotModify = this.cannotModifyReason(this.signatures.get('') ?? [])
      if (destDigest && !matchesDigest(this.set.top.bytes, destDigest)) {
        throw new ImageCopyError(
          `the digest of the source manifest list (${this.set.topDigest}) would not match the destination reference ${this.name}`
        )
      }
      const listPlan = determineListConversion({
        currentListMimeType: this.set.list.mimeType,
        destinationSupported: supported,
        forcedListMimeType: this.options.forceMimeType
          ? listMimeTypeFor(this.options.forceMimeType)
          : undefined
      })
      if (listPlan.selected !== this.set.list.mimeType && this.listCannotModify) {
        throw new ImageCopyError(
          `the manifest list must be converted to ${listPlan.selected} to be written to ${this.name}, but it cannot be modified: ${this.listCannotModify}`
        )
      }
      if (this.set.unselected.length > 0 && this.options.sparseList === 'strip' && this.listCannotModify) {
        throw new ImageCopyError(
          `instance ${this.set.unselected[0]} should be removed from the manifest list, but the list cannot be modified: ${this.listCannotModify}`,
          'usage',
          'set sparse-list: keep to write the list unchanged, or copy all images'
        )
      }
    }
    for (const image of this.set.images) {
      if (destDigest && !this.set.list) {
        const matches =
          matchesDigest(image.raw.bytes, destDigest) ||
          (this.set.top !== image.raw && matchesDigest(this.set.top.bytes, destDigest))
        if (!matches) {
          throw new ImageCopyError(
            `the digest of the source image's manifest (${image.digest}) would not match the destination reference ${this.name}`
          )
        }
      }
      const reason = this.cannotModifyReason(this.signatures.get(image.digest) ?? [])
      const embedded = this.embeddedReference()
      if (reason && embedded && image.manifest instanceof DockerSchema1Manifest && this.mustChange(image)) {
        throw new ImageCopyError(
          `copying a schema1 image with an embedded Docker reference to ${this.name} (repository ${embedded.name}, tag ${JSON.stringify(embedded.tag)}) would change the manifest, which we cannot do: ${reason}`
        )
      }
      const plan = determineManifestConversion({
        sourceMimeType: image.raw.mimeType,
        destinationSupported: supported,
        forceMimeType: this.options.forceMimeType,
        cannotModifyReason: reason
      })
      const accepted = this.options.forceMimeType ? [this.options.forceMimeType] : supported
      const acceptsSource = accepted.length === 0 || accepted.includes(normalizeMimeType(image.raw.mimeType))
      if (reason && !acceptsSource) {
        throw new ImageCopyError(
          `the manifest of ${image.digest} (${image.raw.mimeType}) must be converted to be written to ${this.name}, but it cannot be modified: ${reason}`,
          'usage',
          reason === 'Instructed to preserve digests'
            ? 'unset preserve-digests (and force-mime-type), or copy to a destination that accepts this manifest type'
            : undefined
        )
      }
      if (plan.preferredNeedsConversion && !image.manifest.isImage()) {
        throw new ImageCopyError(
          `${image.digest} is an artifact (config type ${image.manifest.configDescriptor()?.mediaType}), which cannot be converted to ${plan.preferred} for ${this.name}`
        )
      }
      this.plans.set(image.digest, plan)
    }
  }

  private cannotModifyReason(signatures: Buffer[]): string | undefined {
    let reason: string | undefined
    if (signatures.length > 0 && !this.options.removeSignatures) reason = 'Would invalidate signatures'
    if (this.destination.ref.digest) reason = 'Destination specifies a digest'
    if (this.options.preserveDigests) reason = 'Instructed to preserve digests'
    return reason
  }

  substitute(sourceDigest: string, stored: BlobInfo): void {
    this.substituted.set(sourceDigest, stored)
  }

  /** The image's manifest with the layers the destination stored differently, or undefined when none were. */
  private editedManifest(image: SourceImage): ImageManifest | undefined {
    const edits = this.layerEdits(image)
    return edits ? image.manifest.updateLayerInfos(edits) : undefined
  }

  /** What each layer became at this destination, or undefined when every layer was stored as it is. */
  private layerEdits(image: SourceImage, sizes?: Schema1LayerFacts['layerInfos']): LayerUpdate[] | undefined {
    const layers = image.manifest.layerInfos()
    if (!layers.some(l => this.substituted.has(l.digest))) return undefined
    const reason = this.cannotModifyReason(this.signatures.get(image.digest) ?? [])
    if (reason) {
      throw new ImageCopyError(
        `${this.name} stores the layers of ${image.digest} differently, so its manifest must change, but it cannot be modified: ${reason}`
      )
    }
    const policy = this.destination.properties.desiredLayerCompression
    return layers.map((l, i) => {
      const stored = this.substituted.get(l.digest)
      if (!stored)
        return {
          digest: l.digest,
          size: sizes?.[i].size ?? l.size,
          mediaType: l.mediaType,
          urls: l.urls,
          annotations: l.annotations
        }
      return {
        digest: stored.digest,
        size: stored.size,
        urls: l.urls,
        annotations: l.annotations,
        ...(policy === 'decompress'
          ? { compression: { operation: 'decompress' as const } }
          : { mediaType: stored.mediaType })
      }
    })
  }

  /**
   * The manifest in the candidate type: converted (schema1 from schema2/OCI needs the config; to
   * schema2/OCI from schema1 needs DiffIDs and sizes, and takes what each layer became as edits),
   * or, for schema1 kept as schema1, renamed to the destination (upstream updateEmbeddedDockerReference).
   */
  private async manifestFor(
    image: SourceImage,
    mimeType: string,
    config: Buffer | undefined,
    schema1Facts: () => Promise<Schema1LayerFacts | undefined>
  ): Promise<ConversionResult> {
    const embedded = this.embeddedReference()
    if (image.manifest instanceof DockerSchema1Manifest && !isSchema1MimeType(mimeType)) {
      const facts = await schema1Facts()
      return convertManifest(image.manifest, mimeType, {
        diffIDs: facts?.diffIDs,
        layerInfos: facts ? (this.layerEdits(image, facts.layerInfos) ?? facts.layerInfos) : undefined
      })
    }
    if (isSchema1MimeType(mimeType) && !(image.manifest instanceof DockerSchema1Manifest)) {
      return convertManifest(image.manifest, mimeType, {
        configBytes: config,
        dockerReference: embedded,
        layerInfos: this.layerEdits(image)
      })
    }
    const manifest = this.editedManifest(image) ?? image.manifest
    if (manifest instanceof DockerSchema1Manifest && isSchema1MimeType(mimeType) && embedded) {
      return { manifest: manifest.withEmbeddedReference(embedded.name, embedded.tag) }
    }
    return convertManifest(manifest, mimeType, { configBytes: config, dockerReference: embedded })
  }

  /** The repository path and tag a schema1 manifest written here embeds (containers/image Schema1FromComponents). */
  private embeddedReference(): EmbeddedReference | undefined {
    const ref = this.destination.ref.dockerReference
    return ref ? { name: ref.repository, tag: ref.tag ?? '' } : undefined
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
   * early and the config will go out as it is: the preferred type is the source's, and the
   * destination keeps layers as sent, so the manifest is not edited. writeImage waits for it (and
   * reports its failure).
   */
  startConfig(image: SourceImage, env: TransferEnvironment, config: () => Promise<Buffer | undefined>): void {
    if (!this.destination.properties.takesConfigsEarly) return
    if (this.destination.properties.desiredLayerCompression === 'decompress') return
    const info = image.manifest.configDescriptor()
    const plan = this.plans.get(image.digest)
    if (!info || !plan || plan.preferred !== normalizeMimeType(image.raw.mimeType)) return
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
    if (this.editedManifest(image)) return true
    const embedded = this.embeddedReference()
    return (
      image.manifest instanceof DockerSchema1Manifest &&
      embedded !== undefined &&
      (image.manifest.name !== embedded.name || image.manifest.tag !== embedded.tag)
    )
  }

  /** Writes one image's config and manifest, trying the plan's types in order. */
  async writeImage(
    image: SourceImage,
    env: TransferEnvironment,
    config: () => Promise<Buffer | undefined>,
    schema1Facts: () => Promise<Schema1LayerFacts | undefined>
  ): Promise<WrittenImage> {
    const plan = this.plans.get(image.digest)!
    const sourceType = normalizeMimeType(image.raw.mimeType)
    const candidates = [plan.preferred, ...plan.others]
    const attempted: string[] = []
    for (const mimeType of candidates) {
      try {
        let bytes: Buffer
        const configInfo = image.manifest.configDescriptor()
        let configToWrite: { info: BlobInfo; bytes: () => Promise<Buffer> } | undefined
        if (mimeType === sourceType && !this.mustChange(image)) {
          bytes = image.raw.bytes
          if (configInfo) configToWrite = sourceConfig(configInfo, config)
        } else {
          const original = configInfo ? await config() : undefined
          const converted = await this.manifestFor(image, mimeType, original, schema1Facts)
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
          bytes = converted.manifest.serialize()
          // Schema1 has no config blob; every other type has one (converted, or the source's).
          const configBytes = isSchema1MimeType(mimeType) ? undefined : (converted.configBytes ?? original)
          if (configBytes) {
            configToWrite = {
              info: { digest: sha256Digest(configBytes), size: configBytes.length },
              bytes: async () => configBytes
            }
          }
        }
        if (configToWrite) {
          const early =
            configToWrite.info.digest === configInfo?.digest ? this.earlyConfigs.get(image.digest) : undefined
          const outcome = await (early ??
            putBufferBlob(this.destination, env.sourceRef, configToWrite.info, configToWrite.bytes, true))
          this.record(image.digest, outcome, configToWrite.info.size)
        }
        const unchanged = bytes === image.raw.bytes
        const writtenDigest = unchanged ? image.digest : manifestDigest(bytes) // schema1: the payload's
        const raw: RawManifest = { bytes, mimeType: unchanged ? image.raw.mimeType : mimeType }
        await this.putManifest(raw, this.writesList ? writtenDigest : undefined)
        const written = { digest: writtenDigest, mimeType: raw.mimeType, bytes, size: bytes.length }
        this.written.set(image.digest, written)
        this.options.onEvent?.({
          type: 'manifest-written',
          destination: this.name,
          digest: writtenDigest,
          mimeType: raw.mimeType,
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
    const plan = determineListConversion({
      currentListMimeType: list.mimeType,
      destinationSupported: [...this.destination.properties.supportedManifestMimeTypes],
      forcedListMimeType: this.options.forceMimeType ? listMimeTypeFor(this.options.forceMimeType) : undefined
    })
    const original = list.serialize()
    const attempted: string[] = []
    for (const mimeType of [plan.selected, ...plan.others]) {
      const candidate = mimeType === updated.mimeType ? updated : updated.convertTo(mimeType)
      let bytes = candidate.serialize()
      if (bytes.equals(original)) {
        bytes = this.set.top.bytes // unchanged: write the original bytes, so the digest is preserved
      } else if (this.listCannotModify) {
        throw new ImageCopyError(
          `the manifest list would change to be written to ${this.name}, but it cannot be modified: ${this.listCannotModify}`
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
