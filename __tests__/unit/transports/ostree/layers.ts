// Layer tars with awkward entries, written with tar-stream (full control of modes, ids, PAX xattrs
// and long names) and GNU tar (GNU long-name records), for the ostree tests.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import tarStream from 'tar-stream'

export interface LayerEntry {
  name: string
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'fifo' | 'character-device'
  content?: Buffer | string
  mode?: number
  uid?: number
  gid?: number
  linkname?: string
  pax?: Record<string, string>
}

export async function layerTar(entries: LayerEntry[]): Promise<Buffer> {
  const pack = tarStream.pack()
  const collected = (async () => {
    const chunks: Buffer[] = []
    for await (const c of pack) chunks.push(c as Buffer)
    return Buffer.concat(chunks)
  })()
  for (const e of entries) {
    const type = e.type ?? 'file'
    const content = e.content === undefined ? undefined : Buffer.from(e.content)
    const header = {
      name: e.name,
      type,
      mode: e.mode ?? (type === 'directory' ? 0o755 : type === 'symlink' ? 0o777 : 0o644),
      uid: e.uid ?? 0,
      gid: e.gid ?? 0,
      linkname: e.linkname,
      mtime: new Date(1_700_000_000_000),
      pax: e.pax,
      devmajor: type === 'character-device' ? 1 : undefined,
      devminor: type === 'character-device' ? 3 : undefined
    }
    if (type === 'file') pack.entry(header, content ?? Buffer.alloc(0))
    else pack.entry(header)
  }
  pack.finalize()
  return collected
}

export const LONG_NAME = `usr/share/${'a-very-long-directory-name-'.repeat(3)}/${'and-a-long-file-name-'.repeat(4)}.txt`

/** Three layers: a base with hard links, symlinks, setuid, xattrs, a long name, a fifo and a device; a second with whiteouts; a third with a bigger file. */
export async function awkwardLayers(options: { special?: boolean } = {}): Promise<Buffer[]> {
  const special = options.special ?? true
  // Symlinks 0777, as every image builder writes them (see objects.test.ts for another mode).
  const big = Buffer.alloc(300_000)
  for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251
  return [
    await layerTar([
      { name: './', type: 'directory' },
      { name: 'etc/', type: 'directory' },
      { name: 'etc/os-release', content: 'ID=test\n' },
      { name: 'etc/empty/', type: 'directory', mode: 0o700 },
      { name: 'usr/bin/tool', content: '#!/bin/sh\necho tool\n', mode: 0o4755 },
      { name: 'usr/bin/tool-link', type: 'link', linkname: 'usr/bin/tool' },
      { name: 'usr/bin/sh', type: 'symlink', linkname: '/bin/busybox' },
      { name: 'home/user/', type: 'directory', uid: 1000, gid: 1000, mode: 0o750 },
      {
        name: 'home/user/notes',
        content: 'mine\n',
        uid: 1000,
        gid: 1000,
        pax: { 'SCHILY.xattr.user.note': 'hello' }
      },
      { name: 'home/user/empty-file', content: '', uid: 1000, gid: 1000 },
      { name: LONG_NAME, content: 'long\n' },
      ...(special
        ? ([
            { name: 'run/pipe', type: 'fifo' },
            { name: 'dev/null', type: 'character-device', mode: 0o666 }
          ] as LayerEntry[])
        : [])
    ]),
    await layerTar([
      { name: 'etc/.wh.os-release', content: '' },
      { name: 'home/user/.wh..wh..opq', content: '' },
      { name: 'etc/os-release-2', content: 'ID=second\n' }
    ]),
    await layerTar([
      { name: 'opt/', type: 'directory' },
      { name: 'opt/data.bin', content: big },
      { name: 'opt/dir with spaces & <odd> chars/', type: 'directory' },
      { name: 'opt/dir with spaces & <odd> chars/é.txt', content: 'unicode\n' }
    ])
  ]
}

/** A GNU-format tar (GNU long-name records, trailing zero blocks) of a small tree, by GNU tar itself. */
export async function gnuTar(dir: string): Promise<Buffer> {
  const root = path.join(dir, 'gnu-tree')
  const long = path.join(root, 'x'.repeat(120), 'y'.repeat(110))
  await fs.mkdir(long, { recursive: true })
  await fs.writeFile(path.join(long, 'file'), 'deep\n')
  await fs.writeFile(path.join(root, 'a'), 'a\n')
  await fs.link(path.join(root, 'a'), path.join(root, 'b'))
  await fs.symlink('a', path.join(root, 'c'))
  return execFileSync('tar', ['--format=gnu', '-C', root, '-cf', '-', '.'], { maxBuffer: 1 << 26 })
}

export function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}
