// OSTree objects written into an archive-mode repository: content objects (regular files and
// symlinks), dirmeta/dirtree for an in-memory tree, and commits. Checksums are OSTree's: sha256 of
// the length-prefixed file header `(uuuusa(ayay))` plus the content for files, sha256 of the
// serialised variant for the others (ostree-core.c).
import { createHash } from 'node:crypto'
import { createWriteStream, promises as fs } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { createDeflateRaw, deflateRawSync } from 'node:zlib'
import { serialize, type GValue } from './gvariant.js'
import { TYPES, type OstreeRepo } from './repo.js'

export const S_IFDIR = 0o040000
export const S_IFREG = 0o100000
export const S_IFLNK = 0o120000

export interface FileMeta {
  uid: number
  gid: number
  /** The full st_mode (type bits and permissions). */
  mode: number
  /** Extended attributes, name → value. */
  xattrs: Map<string, Buffer>
}

/** xattrs as OSTree stores them: sorted by name, each name a NUL-terminated bytestring. */
function xattrList(xattrs: Map<string, Buffer>): GValue {
  return [...xattrs]
    .map(([name, value]) => [Buffer.from(`${name}\0`, 'utf8'), value] as [Buffer, Buffer])
    .sort((a, b) => Buffer.compare(a[0], b[0]))
}

function lenPrefixed(variant: Buffer): Buffer {
  const prefix = Buffer.alloc(8)
  prefix.writeUInt32BE(variant.length, 0)
  return Buffer.concat([prefix, variant])
}

function fileHeader(meta: FileMeta, symlinkTarget: string): Buffer {
  return lenPrefixed(
    serialize('(uuuusa(ayay))', [meta.uid, meta.gid, meta.mode, 0, symlinkTarget, xattrList(meta.xattrs)])
  )
}

function archiveHeader(meta: FileMeta, size: number, symlinkTarget: string): Buffer {
  return lenPrefixed(
    serialize('(tuuuusa(ayay))', [
      BigInt(size),
      meta.uid,
      meta.gid,
      meta.mode,
      0,
      symlinkTarget,
      xattrList(meta.xattrs)
    ])
  )
}

/** Files up to this size are read whole and deflated in one call: most files of a layer are small. */
const SMALL_FILE = 256 * 1024

/** Streams a regular file into an archive-mode content object; returns its checksum. */
export async function writeRegularFile(
  repo: OstreeRepo,
  meta: FileMeta,
  size: number,
  data: AsyncIterable<Buffer>
): Promise<string> {
  if (size <= SMALL_FILE) return writeSmallFile(repo, meta, size, data)
  const hash = createHash('sha256').update(fileHeader(meta, ''))
  const temp = repo.tempPath()
  await fs.writeFile(temp, archiveHeader(meta, size, ''), { mode: 0o644 })
  try {
    await pipeline(
      async function* () {
        for await (const chunk of data) {
          hash.update(chunk)
          yield chunk
        }
      },
      // Every regular file gets a deflate stream, even an empty one (fsck wants it).
      createDeflateRaw({ level: 6 }),
      createWriteStream(temp, { flags: 'a' })
    )
    const checksum = hash.digest('hex')
    await publishUnlessPresent(repo, temp, checksum)
    return checksum
  } catch (e) {
    await fs.rm(temp, { force: true })
    throw e
  }
}

async function writeSmallFile(
  repo: OstreeRepo,
  meta: FileMeta,
  size: number,
  data: AsyncIterable<Buffer>
): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of data) chunks.push(chunk)
  const content = Buffer.concat(chunks)
  const checksum = createHash('sha256').update(fileHeader(meta, '')).update(content).digest('hex')
  if (await repo.hasObject(checksum, 'file')) return checksum
  const temp = repo.tempPath()
  await fs.writeFile(
    temp,
    Buffer.concat([archiveHeader(meta, size, ''), deflateRawSync(content, { level: 6 })]),
    {
      mode: 0o644
    }
  )
  await repo.publish(temp, checksum, 'file')
  return checksum
}

async function publishUnlessPresent(repo: OstreeRepo, temp: string, checksum: string): Promise<void> {
  if (await repo.hasObject(checksum, 'file')) await fs.rm(temp, { force: true })
  else await repo.publish(temp, checksum, 'file')
}

/** A symlink's content object (a header only); returns its checksum. */
export async function writeSymlink(repo: OstreeRepo, meta: FileMeta, target: string): Promise<string> {
  const checksum = createHash('sha256').update(fileHeader(meta, target)).digest('hex')
  if (await repo.hasObject(checksum, 'file')) return checksum
  const temp = repo.tempPath()
  await fs.writeFile(temp, archiveHeader(meta, 0, target), { mode: 0o644 })
  await repo.publish(temp, checksum, 'file')
  return checksum
}

export interface DirNode {
  meta: FileMeta
  files: Map<string, string>
  dirs: Map<string, DirNode>
}

/** Autocreated directories and a root with no entry of its own: 0:0 040755 (as ostree's tar import). */
export function newDir(meta?: FileMeta): DirNode {
  return {
    meta: meta ?? { uid: 0, gid: 0, mode: S_IFDIR | 0o755, xattrs: new Map() },
    files: new Map(),
    dirs: new Map()
  }
}

const byBytes = (a: [string, unknown], b: [string, unknown]): number =>
  Buffer.compare(Buffer.from(a[0], 'utf8'), Buffer.from(b[0], 'utf8'))

/** Writes a tree's dirtree and dirmeta objects, children first; returns [tree, meta] checksums. */
export async function writeTree(repo: OstreeRepo, dir: DirNode): Promise<[string, string]> {
  const subdirs: [string, Buffer, Buffer][] = []
  for (const [name, child] of [...dir.dirs].sort(byBytes)) {
    const [tree, meta] = await writeTree(repo, child)
    subdirs.push([name, Buffer.from(tree, 'hex'), Buffer.from(meta, 'hex')])
  }
  const files = [...dir.files].sort(byBytes).map(([name, csum]) => [name, Buffer.from(csum, 'hex')])
  const tree = await repo.writeMeta('dirtree', serialize(TYPES.dirtree, [files, subdirs]))
  const { uid, gid, mode, xattrs } = dir.meta
  const meta = await repo.writeMeta('dirmeta', serialize(TYPES.dirmeta, [uid, gid, mode, xattrList(xattrs)]))
  return [tree, meta]
}

export interface CommitInput {
  /** String metadata, in the order written (`--add-metadata-string` order). */
  metadata: [string, string][]
  /** Seconds since the epoch. */
  timestamp: number
  root: [string, string]
}

/** A commit with no parent, empty subject and body (as containers/image's otbuiltin commits). */
export function writeCommit(repo: OstreeRepo, input: CommitInput): Promise<string> {
  const metadata = input.metadata.map(([k, v]) => [k, { type: 's', value: v }])
  const value: GValue = [
    metadata,
    Buffer.alloc(0),
    [],
    '',
    '',
    BigInt(input.timestamp),
    Buffer.from(input.root[0], 'hex'),
    Buffer.from(input.root[1], 'hex')
  ]
  return repo.writeMeta('commit', serialize(TYPES.commit, value))
}

/** A commit's string metadata, its timestamp and root, read back. */
export async function readCommit(
  repo: OstreeRepo,
  checksum: string
): Promise<{ metadata: Map<string, string>; root: [string, string] }> {
  const [meta, , , , , , tree, dirmeta] = (await repo.readMeta(checksum, 'commit')) as GValue[]
  const metadata = new Map<string, string>()
  for (const [key, v] of meta as [string, { type: string; value: GValue }][])
    if (v.type === 's') metadata.set(key, v.value as string)
  return { metadata, root: [(tree as Buffer).toString('hex'), (dirmeta as Buffer).toString('hex')] }
}
