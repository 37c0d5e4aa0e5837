import { describe, expect, it } from '@jest/globals'
import { UsageError } from '../../../src/errors.js'
import { parseDirReference } from '../../../src/transports/dir/index.js'
import { parseDockerArchiveReference } from '../../../src/transports/docker-archive/reference.js'
import { parseOciArchiveReference } from '../../../src/transports/oci-archive/index.js'
import { parseOciReference, type OciReference } from '../../../src/transports/oci/index.js'
import { splitOciReference } from '../../../src/transports/oci/reference-syntax.js'

const HEX = 'a2f798327b3f25e3eff54badcb769953de235e62e3e32051d57a5e66246de4a1'

describe('parseOciReference', () => {
  it.each([
    ['./layout:1.0', './layout', { kind: 'name', name: '1.0' }],
    ['./layout', './layout', { kind: 'only' }],
    ['./layout:', './layout', { kind: 'only' }],
    ['/abs/layout:repo/app:1.0', '/abs/layout', { kind: 'name', name: 'repo/app:1.0' }],
    ['/l:foo@bar', '/l', { kind: 'name', name: 'foo@bar' }],
    ['./layout:@3', './layout', { kind: 'index', index: 3 }],
    [`./layout@sha256:${HEX}`, './layout', { kind: 'digest', digest: `sha256:${HEX}` }],
    ['./my@dir:v1', './my@dir', { kind: 'name', name: 'v1' }]
  ])('%s', (text, path, selection) => {
    const ref = parseOciReference(text) as OciReference
    expect(ref.transport).toBe('oci')
    expect(ref.reference).toBe(text)
    expect(ref.toString()).toBe(`oci:${text}`)
    expect(ref.path).toBe(path)
    expect(ref.selection).toEqual(selection)
    expect(ref.digest).toBe('digest' in selection ? selection.digest : undefined)
  })

  it.each([
    [':1.0', /path is empty/],
    ['./l:@-1', /not a non-negative integer/],
    ['./l:@x', /not a non-negative integer/],
    ['./l:bad name', /not a valid image ref name/],
    ['./l:-leading', /not a valid image ref name/],
    ['./l:a//b', /not a valid image ref name/],
    ['./l@sha256:abc', /not a valid digest/]
  ])('refuses %s', (text, message) => {
    expect(() => parseOciReference(text)).toThrow(UsageError)
    expect(() => parseOciReference(text)).toThrow(message)
  })
})

describe('parseOciArchiveReference', () => {
  it('splits file and ref like oci:', () => {
    const ref = parseOciArchiveReference('./img.tar:v1:extra')
    expect(ref.transport).toBe('oci-archive')
    expect(ref.toString()).toBe('oci-archive:./img.tar:v1:extra')
    expect((ref as unknown as { path: string }).path).toBe('./img.tar')
  })
  it('takes a digest for sources', () => {
    expect(parseOciArchiveReference(`./img.tar@sha256:${HEX}`).digest).toBe(`sha256:${HEX}`)
  })
})

describe('parseDirReference', () => {
  it('keeps the whole text as the path, colons included', () => {
    const ref = parseDirReference('./a:b')
    expect(ref.transport).toBe('dir')
    expect(ref.toString()).toBe('dir:./a:b')
    expect(ref.digest).toBeUndefined()
  })
  it('refuses an empty path', () => {
    expect(() => parseDirReference('')).toThrow(UsageError)
  })
})

describe('splitOciReference on Windows (as oci_util.go splitPathAndImageWindows)', () => {
  it.each([
    ['C:\\layouts\\app:1.0', 'C:\\layouts\\app', { kind: 'name', name: '1.0' }],
    ['C:\\layouts\\app', 'C:\\layouts\\app', { kind: 'only' }],
    ['C:\\layouts\\app:@1', 'C:\\layouts\\app', { kind: 'index', index: 1 }],
    [`C:\\layouts\\app@sha256:${HEX}`, 'C:\\layouts\\app', { kind: 'digest', digest: `sha256:${HEX}` }],
    ['C:\\work\\layout:repo/app:1.0', 'C:\\work\\layout', { kind: 'name', name: 'repo/app:1.0' }],
    // Where upstream's reading cannot name a Windows file (a second colon), split as elsewhere:
    ['C:/work/layout:1.0', 'C:/work/layout', { kind: 'name', name: '1.0' }],
    ['C:/work/layout', 'C:/work/layout', { kind: 'only' }],
    ['layout:1.0', 'layout', { kind: 'name', name: '1.0' }],
    ['..\\out\\layout:1.0', '..\\out\\layout', { kind: 'name', name: '1.0' }],
    // A letter and a colon is a drive, also without a slash (drive-relative)
    ['C:layout:1.0', 'C:layout', { kind: 'name', name: '1.0' }],
    [`layout@sha256:${HEX}`, 'layout', { kind: 'digest', digest: `sha256:${HEX}` }]
  ])('%s', (text, path, selection) => {
    expect(splitOciReference(text, 'oci', 'win32')).toEqual({ path, selection })
  })

  it('elsewhere the path ends at the first colon, as upstream (so a drive letter is a path "C")', () => {
    expect(() => splitOciReference('C:/work/layout', 'oci', 'linux')).toThrow(
      /"\/work\/layout" is not a valid image ref name/
    )
    expect(splitOciReference('layout:1.0', 'oci', 'linux')).toEqual({
      path: 'layout',
      selection: { kind: 'name', name: '1.0' }
    })
  })
})

describe('Windows paths in dir: and docker-archive:', () => {
  it('dir: keeps the whole text, drive included', () => {
    expect((parseDirReference('C:\\img') as unknown as { path: string }).path).toBe('C:\\img')
  })
  it('docker-archive: keeps the drive in the path on Windows only', () => {
    const win = parseDockerArchiveReference('C:\\out\\app.tar:acme/app:1', 'win32')
    expect(win.path).toBe('C:\\out\\app.tar')
    expect(win.selection).toMatchObject({ kind: 'name' })
    expect(parseDockerArchiveReference('C:\\out\\app.tar', 'win32').path).toBe('C:\\out\\app.tar')
    expect(parseDockerArchiveReference('./app.tar:acme/app:1', 'linux').path).toBe('./app.tar')
  })
})
