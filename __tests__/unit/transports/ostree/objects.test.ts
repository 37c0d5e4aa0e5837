// Layer commits written natively into an archive repository, against `ostree commit --tree=tar=`
// (Debian's ostree 2022.7) on the same layer with the same metadata and timestamp: equal commit
// checksums (so every object is the same), `ostree fsck` clean, and the checkout has the files.
import { expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { describeWithPrograms } from '../../../harness/programs.js'
import { importLayer } from '../../../../src/transports/ostree/layer-import.js'
import { writeCommit, writeTree } from '../../../../src/transports/ostree/objects.js'
import { OstreeRepo } from '../../../../src/transports/ostree/repo.js'
import { awkwardLayers, layerTar, LONG_NAME } from './layers.js'

const TIMESTAMP = 1767225600
const ostree = (repo: string, ...args: string[]): string =>
  execFileSync('ostree', [`--repo=${repo}`, ...args], { maxBuffer: 1 << 26 }).toString()

describeWithPrograms(['ostree'], 'OSTree layer commits', () => {
  it('equal `ostree commit --tree=tar=` checksums for three awkward layers; fsck clean', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ostree-objects-'))
    try {
      const ours = await OstreeRepo.createArchive(path.join(dir, 'ours'))
      ostree(path.join(dir, 'cli'), 'init', '--mode=archive')
      const layers = await awkwardLayers()
      const filtered = await awkwardLayers({ special: false })
      for (const [i, layer] of layers.entries()) {
        const imported = await importLayer(ours, Readable.from([layer]), {})
        expect(imported.size).toBe(layer.length)
        const metadata: [string, string][] = [
          ['docker.size', String(layer.length)],
          ['docker.uncompressed_digest', imported.diffID],
          ['tarsplit.output', imported.tarSplit.toString('base64')]
        ]
        const root = await writeTree(ours, imported.root)
        const commit = await writeCommit(ours, { metadata, timestamp: TIMESTAMP, root })
        const tarFile = path.join(dir, `layer${i}.tar`)
        await fs.writeFile(tarFile, filtered[i])
        const cli = ostree(
          path.join(dir, 'cli'),
          'commit',
          '--no-bindings',
          '--parent=none',
          `--timestamp=@${TIMESTAMP}`,
          '--tar-autocreate-parents',
          `--tree=tar=${tarFile}`,
          `--branch=layer${i}`,
          ...metadata.map(([k, v]) => `--add-metadata-string=${k}=${v}`)
        ).trim()
        expect(commit).toBe(cli)
        await ours.writeRef(`layer${i}`, commit)
      }
      expect(ostree(ours.dir, 'fsck')).toMatch(/no errors/)
      const checkout = path.join(dir, 'checkout')
      ostree(ours.dir, 'checkout', '-U', 'layer0', checkout)
      expect(await fs.readFile(path.join(checkout, LONG_NAME), 'utf8')).toBe('long\n')
      // A user-mode checkout drops set-id bits: read the stored mode from the repository.
      expect(ostree(ours.dir, 'ls', 'layer0', '/usr/bin/tool')).toMatch(/^-04755 0 0 /)
      expect(ostree(ours.dir, 'ls', 'layer0', '/home/user/notes', '-X')).toContain(
        "b'user.note', [byte 0x68, 0x65, 0x6c, 0x6c, 0x6f]"
      )
      const tool = await fs.stat(path.join(checkout, 'usr/bin/tool'))
      expect((await fs.stat(path.join(checkout, 'usr/bin/tool-link'))).ino).toBe(tool.ino)
      expect(await fs.readlink(path.join(checkout, 'usr/bin/sh'))).toBe('/bin/busybox')
      await expect(fs.access(path.join(checkout, 'run/pipe'))).rejects.toThrow()
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  }, 120_000)

  it('stores a symlink 0777 whatever its tar mode, as upstream did, so that a bare repository can hold it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ostree-objects-'))
    try {
      const ours = await OstreeRepo.createArchive(path.join(dir, 'ours'))
      const tar = await layerTar([{ name: 'link', type: 'symlink', linkname: 'target', mode: 0o644 }])
      const imported = await importLayer(ours, Readable.from([tar]), {})
      const root = await writeTree(ours, imported.root)
      await ours.writeRef('l', await writeCommit(ours, { metadata: [], timestamp: TIMESTAMP, root }))
      expect(ostree(ours.dir, 'ls', 'l', '/link')).toMatch(/^l00777 /)
      // `ostree commit --tree=tar=` keeps 0644, which a bare repository cannot check out or fsck.
      ostree(path.join(dir, 'bare'), 'init', '--mode=bare-user')
      ostree(path.join(dir, 'bare'), 'pull-local', ours.dir, 'l')
      expect(ostree(path.join(dir, 'bare'), 'fsck')).toMatch(/no errors/)
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })

  it('applies the rootless rules when not run as root: owned by the user, umask, no set-id bits, no xattrs', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ostree-objects-'))
    try {
      const ours = await OstreeRepo.createArchive(path.join(dir, 'ours'))
      const [tar] = await awkwardLayers()
      const owner = { rootless: { uid: 1234, gid: 4321, umask: 0o027 } }
      const imported = await importLayer(ours, Readable.from([tar]), owner)
      const root = await writeTree(ours, imported.root)
      await ours.writeRef('l', await writeCommit(ours, { metadata: [], timestamp: TIMESTAMP, root }))
      const ls = (p: string): string => ostree(ours.dir, 'ls', '-X', 'l', p).trim()
      expect(ls('/usr/bin/tool')).toMatch(/^-00750 1234 4321 .*\{ @a\(ayay\) \[\] \}/)
      expect(ls('/home/user/notes')).toMatch(/^-00640 1234 4321 .*\{ @a\(ayay\) \[\] \}/)
      expect(ls('/etc/empty')).toMatch(/^d00700 1234 4321 /)
      expect(ls('/usr/bin/sh')).toMatch(/^l00777 1234 4321 /)
      expect(ostree(ours.dir, 'fsck')).toMatch(/no errors/)
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })

  it('leaves out hard links to a dropped fifo, and refuses entry types it cannot store (sparse files)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ostree-objects-'))
    try {
      const ours = await OstreeRepo.createArchive(path.join(dir, 'ours'))
      const links = await layerTar([
        { name: 'p', type: 'fifo' },
        { name: 'p2', type: 'link', linkname: 'p' },
        { name: 'f', content: 'x' }
      ])
      const imported = await importLayer(ours, Readable.from([links]), {})
      expect([...imported.root.files.keys()]).toEqual(['f'])
      const sparse = await layerTar([{ name: 'f', content: 'x' }])
      sparse[156] = 'S'.charCodeAt(0)
      sparse.fill(0x20, 148, 156)
      let sum = 0
      for (let i = 0; i < 512; i++) sum += sparse[i]
      sparse.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
      await expect(importLayer(ours, Readable.from([sparse]), {})).rejects.toThrow(
        /tar type "S", which cannot be stored/
      )
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })
})
