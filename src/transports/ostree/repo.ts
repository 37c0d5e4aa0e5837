// An OSTree repository on disk: its mode (the `config` keyfile), objects
// (objects/<hex[0:2]>/<hex[2:]>.<type>), refs (refs/heads/<branch>). Reads every mode natively;
// writes archive mode only (content objects `.filez`: a length-prefixed header and raw deflate).
// Each object and ref is written to a temp file in the repo's tmp/ and renamed into place.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, promises as fs } from 'node:fs'
import path from 'node:path'
import { createInflateRaw } from 'node:zlib'
import { UsageError } from '../../errors.js'
import { isNotFound } from '../local/files.js'
import { deserialize, type GValue } from './gvariant.js'

export type RepoMode = 'archive' | 'bare' | 'bare-user' | 'bare-user-only' | 'bare-split-xattrs'
export type MetaObjectType = 'commit' | 'dirtree' | 'dirmeta'

const MODES: Record<string, RepoMode> = {
  archive: 'archive',
  'archive-z2': 'archive',
  bare: 'bare',
  'bare-user': 'bare-user',
  'bare-user-only': 'bare-user-only',
  'bare-split-xattrs': 'bare-split-xattrs'
}
const MAX_META_OBJECT = 64 * 1024 * 1024
const CHECKSUM_RE = /^[0-9a-f]{64}$/

export class OstreeRepo {
  /** objects/<xx> directories known to exist. */
  private readonly objectDirs = new Set<string>()

  private constructor(
    readonly dir: string,
    readonly mode: RepoMode
  ) {}

  /** Opens an existing repository; a missing one or one of an unknown mode is a clear error. */
  static async open(dir: string): Promise<OstreeRepo> {
    let config: string
    try {
      config = await fs.readFile(path.join(dir, 'config'), 'utf8')
    } catch (e) {
      if (!isNotFound(e)) throw e
      throw new UsageError(
        `no OSTree repository at ${dir} (no config file); create one with: ostree --repo=${dir} init --mode=archive`
      )
    }
    const mode = /^\s*mode\s*=\s*(\S+)\s*$/m.exec(config)?.[1] ?? 'bare'
    const known = MODES[mode]
    if (!known)
      throw new UsageError(
        `the OSTree repository at ${dir} has mode ${JSON.stringify(mode)}, which is not supported`
      )
    return new OstreeRepo(dir, known)
  }

  /** Creates an empty archive-mode repository (as `ostree init --mode=archive` does). */
  static async createArchive(dir: string): Promise<OstreeRepo> {
    for (const sub of ['objects', 'refs/heads', 'refs/remotes', 'refs/mirrors', 'tmp', 'state', 'extensions'])
      await fs.mkdir(path.join(dir, sub), { recursive: true })
    await fs.writeFile(path.join(dir, 'config'), '[core]\nrepo_version=1\nmode=archive-z2\n')
    return new OstreeRepo(dir, 'archive')
  }

  objectPath(checksum: string, type: MetaObjectType | 'file'): string {
    if (!CHECKSUM_RE.test(checksum)) throw new Error(`invalid OSTree checksum ${JSON.stringify(checksum)}`)
    const ext = type === 'file' && this.mode === 'archive' ? 'filez' : type
    return path.join(this.dir, 'objects', checksum.slice(0, 2), `${checksum.slice(2)}.${ext}`)
  }

  async hasObject(checksum: string, type: MetaObjectType | 'file'): Promise<boolean> {
    try {
      await fs.lstat(this.objectPath(checksum, type))
      return true
    } catch (e) {
      if (isNotFound(e)) return false
      throw e
    }
  }

  /** A metadata object, parsed and checked against its checksum. */
  async readMeta(checksum: string, type: MetaObjectType): Promise<GValue> {
    const file = this.objectPath(checksum, type)
    const { size } = await fs.stat(file)
    if (size > MAX_META_OBJECT)
      throw new Error(`OSTree ${type} object ${checksum} is too large (${size} bytes)`)
    const bytes = await fs.readFile(file)
    if (createHash('sha256').update(bytes).digest('hex') !== checksum)
      throw new Error(`OSTree ${type} object ${checksum} is corrupt (its checksum does not match)`)
    return deserialize(TYPES[type], bytes)
  }

  /** Writes a metadata object (archive mode) unless it is there; returns its checksum. */
  async writeMeta(type: MetaObjectType, bytes: Buffer): Promise<string> {
    const checksum = createHash('sha256').update(bytes).digest('hex')
    if (await this.hasObject(checksum, type)) return checksum
    const temp = this.tempPath()
    await fs.writeFile(temp, bytes, { mode: 0o644 })
    await this.publish(temp, checksum, type)
    return checksum
  }

  /** Moves a finished temp file into place as an object (a concurrent writer may have won: same bytes). */
  async publish(temp: string, checksum: string, type: MetaObjectType | 'file'): Promise<void> {
    const target = this.objectPath(checksum, type)
    const dir = path.dirname(target)
    if (!this.objectDirs.has(dir)) {
      await fs.mkdir(dir, { recursive: true })
      this.objectDirs.add(dir)
    }
    await fs.rename(temp, target)
  }

  tempPath(): string {
    return path.join(this.dir, 'tmp', `image-copy-${process.pid}-${randomBytes(6).toString('hex')}`)
  }

  /** A regular file's content, streamed from its object (inflated in archive mode). */
  async openContent(checksum: string): Promise<AsyncIterable<Buffer>> {
    const file = this.objectPath(checksum, 'file')
    if (this.mode !== 'archive') return createReadStream(file)
    const handle = await fs.open(file)
    let headerSize: number
    try {
      const prefix = Buffer.alloc(8)
      await handle.read(prefix, 0, 8, 0)
      headerSize = prefix.readUInt32BE(0)
    } finally {
      await handle.close()
    }
    return createReadStream(file, { start: 8 + headerSize }).pipe(createInflateRaw())
  }

  async readRef(branch: string): Promise<string | undefined> {
    try {
      const text = (await fs.readFile(this.refPath(branch), 'utf8')).trim()
      if (!CHECKSUM_RE.test(text))
        throw new Error(`OSTree ref ${branch} holds ${JSON.stringify(text.slice(0, 80))}`)
      return text
    } catch (e) {
      if (isNotFound(e)) return undefined
      throw e
    }
  }

  /** Points a branch at a commit, atomically. */
  async writeRef(branch: string, checksum: string): Promise<void> {
    const target = this.refPath(branch)
    await fs.mkdir(path.dirname(target), { recursive: true })
    const temp = this.tempPath()
    await fs.writeFile(temp, `${checksum}\n`, { mode: 0o644 })
    await fs.rename(temp, target)
  }

  private refPath(branch: string): string {
    if (!/^[\w.-]+(\/[\w.-]+)*$/.test(branch))
      throw new Error(`invalid OSTree branch name ${JSON.stringify(branch)}`)
    return path.join(this.dir, 'refs', 'heads', branch)
  }
}

export const TYPES: Record<MetaObjectType, string> = {
  commit: '(a{sv}aya(say)sstayay)',
  dirtree: '(a(say)a(sayay))',
  dirmeta: '(uuua(ayay))'
}
