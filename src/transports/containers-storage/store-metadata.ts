// Reading a c/storage image store's metadata, read-only and without its locks: images.json and the
// big-data files of one image (<graphroot>/<driver>-images/<id>/<name>, where a key other than
// [0-9a-z.]* is stored as "=" + base64(key), c/storage images.go makeBigDataBaseName). Both are
// replaced by atomic renames, so a read sees one whole version; a stale read fails verification
// against the digest the store records, it never corrupts anything. Everything here is hostile input.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { ImageCopyError } from '../../errors.js'
import { sha256Digest } from '../../manifest/index.js'
import { isNotFound } from '../local/files.js'

const MAX_IMAGES_JSON = 64 << 20
const MAX_BIG_DATA = 4 << 20

export interface StoredImage {
  id: string
  names: string[]
  bigDataNames: string[]
  bigDataDigests: Record<string, string>
  /** The metadata JSON's `signatures-sizes`: per manifest digest, the byte sizes of its signatures. */
  signatureSizes: Record<string, number[]>
}

export class StoreMetadata {
  private constructor(
    readonly imagesDir: string,
    readonly images: StoredImage[]
  ) {}

  /** undefined when the store's images.json cannot be read here (another machine, no permission). */
  static async open(graphRoot: string, driver: string): Promise<StoreMetadata | undefined> {
    const imagesDir = path.join(graphRoot, `${driver}-images`)
    const file = path.join(imagesDir, 'images.json')
    let text: string
    try {
      text = (await readCapped(file, MAX_IMAGES_JSON)).toString('utf8')
    } catch (e) {
      if (isNotFound(e) || (e as { code?: string }).code === 'EACCES') return undefined
      throw e
    }
    let doc: unknown
    try {
      doc = JSON.parse(text)
    } catch {
      throw new ImageCopyError(`${file} is not valid JSON`)
    }
    if (!Array.isArray(doc)) throw new ImageCopyError(`${file} is not a list of images`)
    return new StoreMetadata(
      imagesDir,
      doc.map(parseImage).filter(i => i !== undefined)
    )
  }

  byId(id: string): StoredImage | undefined {
    return this.images.find(i => i.id === id)
  }

  byName(name: string): StoredImage | undefined {
    return this.images.find(i => i.names.includes(name))
  }

  /** Images whose full ID starts with `prefix`. */
  byIdPrefix(prefix: string): StoredImage[] {
    return this.images.filter(i => i.id.startsWith(prefix))
  }

  /** An image (not a podman list) holding a manifest with this digest. */
  holding(digest: string): StoredImage | undefined {
    return this.images.find(
      i =>
        !isPodmanList(i) &&
        i.bigDataNames.some(n => n.startsWith('manifest') && i.bigDataDigests[n] === digest)
    )
  }

  /** A big-data item, verified against the digest the store records for it (when it records one). */
  async bigData(image: StoredImage, key: string): Promise<Buffer | undefined> {
    if (!image.bigDataNames.includes(key)) return undefined
    const file = path.join(this.imagesDir, image.id, bigDataFileName(key))
    let bytes: Buffer
    try {
      bytes = await readCapped(file, MAX_BIG_DATA)
    } catch (e) {
      if (isNotFound(e)) return undefined
      throw e
    }
    const recorded = image.bigDataDigests[key]
    if (recorded !== undefined && recorded.startsWith('sha256:')) {
      const actual = sha256Digest(bytes)
      if (actual !== recorded)
        throw new ImageCopyError(
          `${file} hashes to ${actual}, the store records ${recorded}: the store changed while it was read`
        )
    }
    return bytes
  }
}

/** A file's bytes, refused when it is larger than `max`; open errors are thrown as they are. */
async function readCapped(file: string, max: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r')
  try {
    if ((await handle.stat()).size > max) throw new ImageCopyError(`${file} is too large to read`)
    return await handle.readFile()
  } finally {
    await handle.close()
  }
}

/** A list `podman manifest create` made: big data `manifest` and `instances.json`, no layer. */
export function isPodmanList(image: StoredImage): boolean {
  return image.bigDataNames.includes('instances.json')
}

export function bigDataFileName(key: string): string {
  return /^[0-9a-z.]*$/.test(key) ? key : `=${Buffer.from(key, 'utf8').toString('base64')}`
}

function parseImage(v: unknown): StoredImage | undefined {
  if (typeof v !== 'object' || v === null) return undefined
  const o = v as Record<string, unknown>
  if (typeof o.id !== 'string' || !/^[a-f0-9]{64}$/.test(o.id)) return undefined
  const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter(s => typeof s === 'string') : [])
  const digests: Record<string, string> = {}
  if (typeof o['big-data-digests'] === 'object' && o['big-data-digests'] !== null)
    for (const [k, d] of Object.entries(o['big-data-digests'] as Record<string, unknown>))
      if (typeof d === 'string') digests[k] = d
  return {
    id: o.id,
    names: strings(o.names),
    bigDataNames: strings(o['big-data-names']),
    bigDataDigests: digests,
    signatureSizes: signatureSizes(o.metadata)
  }
}

function signatureSizes(metadata: unknown): Record<string, number[]> {
  if (typeof metadata !== 'string') return {}
  try {
    const doc = JSON.parse(metadata) as { 'signatures-sizes'?: unknown }
    const sizes = doc['signatures-sizes']
    if (typeof sizes !== 'object' || sizes === null) return {}
    const out: Record<string, number[]> = {}
    for (const [k, list] of Object.entries(sizes as Record<string, unknown>))
      if (Array.isArray(list) && list.every(n => Number.isSafeInteger(n) && n >= 0)) out[k] = list as number[]
    return out
  } catch {
    return {}
  }
}
