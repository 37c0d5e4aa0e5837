// One layer (an uncompressed tar stream) into an archive-mode repository, in one pass: content
// objects as files arrive, the tree in memory, the tar-split that rebuilds the tar, and the tar's
// digest and size. Entries are stored as ostree's tar import (and containers/image's untar as
// root) stores them; rootless, as containers/image's `tar --no-same-owner --no-same-permissions`
// plus fixFiles did: owned by the running user, umask applied, set-id bits and xattrs lost, u+rw
// on files and u+rwx on directories. Fifos, sockets and devices are dropped (OSTree cannot store
// them; their tar-split entries still restore them on export).
import { createHash } from 'node:crypto'
import type { Readable } from 'node:stream'
import {
  newDir,
  S_IFDIR,
  S_IFLNK,
  S_IFREG,
  writeRegularFile,
  writeSymlink,
  type DirNode,
  type FileMeta
} from './objects.js'
import type { OstreeRepo } from './repo.js'
import { Crc64, TarSplitPacker, validUtf8 } from './tar-split.js'
import { walkTar, type TarEntry } from './tar-walk.js'

export interface ImportedLayer {
  root: DirNode
  tarSplit: Buffer
  /** sha256 of the uncompressed tar, with its size. */
  diffID: string
  size: number
}

export interface Ownership {
  /** undefined: keep the tar's ids and modes (root); else the rootless rules for this user. */
  rootless?: { uid: number; gid: number; umask: number }
}

export function currentOwnership(): Ownership {
  if (process.getuid?.() === 0 || process.getuid === undefined) return {}
  const umask = process.umask()
  return { rootless: { uid: process.getuid(), gid: process.getgid!(), umask } }
}

export async function importLayer(repo: OstreeRepo, tar: Readable, owner: Ownership): Promise<ImportedLayer> {
  const root = newDir()
  const layer: Layer = { repo, root, owner, dropped: new Set() }
  const packer = new TarSplitPacker()
  const digest = createHash('sha256')
  let size = 0
  for await (const event of walkTar(tar)) {
    if (event.kind === 'raw') {
      digest.update(event.bytes)
      size += event.bytes.length
      packer.segment(event.bytes)
      continue
    }
    const { entry } = event
    const crc = new Crc64()
    const data = (async function* () {
      for await (const chunk of event.data) {
        digest.update(chunk)
        size += chunk.length
        crc.update(chunk)
        yield chunk
      }
    })()
    await addEntry(layer, entry, data)
    for await (const _ of data) void _
    packer.file(entry.name, entry.size, entry.size > 0 ? crc.digest() : null)
  }
  return { root, tarSplit: await packer.output(), diffID: `sha256:${digest.digest('hex')}`, size }
}

interface Layer {
  repo: OstreeRepo
  root: DirNode
  owner: Ownership
  /** Paths of devices and fifos left out, so that hard links to them are left out too. */
  dropped: Set<string>
}

async function addEntry(layer: Layer, entry: TarEntry, data: AsyncIterable<Buffer>): Promise<void> {
  const parts = splitPath(entry.name)
  const type = entry.typeflag
  if (type === '5') return addDirectory(layer, entry, parts)
  if ('346'.includes(type)) {
    // Devices and fifos: OSTree has no object for them; dropped as upstream's fixFiles did.
    layer.dropped.add(parts.join('/'))
    return
  }
  if (type === 'V') return // a GNU volume label names no file
  if (!'0712'.includes(type))
    throw new Error(
      `layer entry ${JSON.stringify(entry.name.toString())} has tar type ${JSON.stringify(type)}, which cannot be stored`
    )
  if (parts.length === 0)
    throw new Error(`layer entry ${JSON.stringify(entry.name.toString())} is not a file name`)
  const linkTarget = type === '1' ? splitPath(entry.linkname) : []
  if (type === '1' && layer.dropped.has(linkTarget.join('/'))) {
    layer.dropped.add(parts.join('/'))
    return
  }
  const { repo, root, owner } = layer
  const parent = ensureDir(root, parts.slice(0, -1), metaOf(entry, S_IFDIR, owner))
  const name = parts[parts.length - 1]
  let checksum: string
  if (type === '1') checksum = findFile(root, linkTarget, entry)
  else if (type === '2')
    checksum = await writeSymlink(repo, metaOf(entry, S_IFLNK, owner), utf8(entry.linkname, 'symlink target'))
  else checksum = await writeRegularFile(repo, metaOf(entry, S_IFREG, owner), entry.size, data)
  parent.dirs.delete(name)
  parent.files.set(name, checksum)
}

function addDirectory(layer: Layer, entry: TarEntry, parts: string[]): void {
  const meta = metaOf(entry, S_IFDIR, layer.owner)
  if (parts.length === 0) {
    layer.root.meta = meta
    return
  }
  const parent = ensureDir(layer.root, parts.slice(0, -1), meta)
  const name = parts[parts.length - 1]
  parent.files.delete(name)
  const existing = parent.dirs.get(name)
  if (existing) existing.meta = meta
  else parent.dirs.set(name, newDir(meta))
}

/**
 * A symlink is stored 0777 whatever its tar header says: upstream committed the untarred directory
 * (where every symlink is 0777), and a bare repository can hold nothing else (`ostree commit
 * --tree=tar=` keeps a 0644 symlink's mode, and `fsck` of a bare repository it is pulled into fails).
 */
function metaOf(entry: TarEntry, kind: number, owner: Ownership): FileMeta {
  const r = owner.rootless
  if (kind === S_IFLNK)
    return {
      uid: r?.uid ?? entry.uid,
      gid: r?.gid ?? entry.gid,
      mode: S_IFLNK | 0o777,
      xattrs: r ? new Map() : entry.xattrs
    }
  if (!r) return { uid: entry.uid, gid: entry.gid, mode: kind | entry.mode, xattrs: entry.xattrs }
  let mode = entry.mode & 0o777 & ~r.umask
  if (kind === S_IFDIR) mode |= 0o700
  else mode |= 0o600
  return { uid: r.uid, gid: r.gid, mode: kind | mode, xattrs: new Map() }
}

/** Path components of a tar name; `..`, NUL and names that are not UTF-8 are refused (OSTree cannot store them). */
function splitPath(name: Buffer): string[] {
  const text = utf8(name, 'file name')
  const parts = text.split('/').filter(p => p !== '' && p !== '.')
  if (parts.includes('..')) throw new Error(`layer entry ${JSON.stringify(text)} leaves the layer (..)`)
  return parts
}

function utf8(bytes: Buffer, what: string): string {
  const text = validUtf8(bytes)
  if (text === undefined || text.includes('\0'))
    throw new Error(
      `layer ${what} ${JSON.stringify(bytes.toString('latin1'))} is not UTF-8: OSTree cannot store it`
    )
  return text
}

/**
 * The directory at `parts`, created when missing as ostree's tar import creates it: owned by the
 * entry's owner, mode 0755, no xattrs.
 */
function ensureDir(root: DirNode, parts: string[], owner: FileMeta): DirNode {
  let dir = root
  for (const part of parts) {
    let next = dir.dirs.get(part)
    if (!next) {
      dir.files.delete(part)
      next = newDir({ uid: owner.uid, gid: owner.gid, mode: S_IFDIR | 0o755, xattrs: new Map() })
      dir.dirs.set(part, next)
    }
    dir = next
  }
  return dir
}

function findFile(root: DirNode, parts: string[], entry: TarEntry): string {
  const dir = parts.slice(0, -1).reduce<DirNode | undefined>((d, p) => d?.dirs.get(p), root)
  const checksum = dir?.files.get(parts[parts.length - 1] ?? '')
  if (checksum === undefined)
    throw new Error(
      `layer hard link ${JSON.stringify(entry.name.toString())} points to ${JSON.stringify(entry.linkname.toString())}, which is not an earlier file`
    )
  return checksum
}
