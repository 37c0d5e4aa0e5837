import { describe, expect, it } from '@jest/globals'
import {
  determineListConversion,
  determineManifestConversion
} from '../../../src/copy/manifest-conversion.js'

const OCI = 'application/vnd.oci.image.manifest.v1+json'
const S2 = 'application/vnd.docker.distribution.manifest.v2+json'
const S1S = 'application/vnd.docker.distribution.manifest.v1+prettyjws'
const S1 = 'application/vnd.docker.distribution.manifest.v1+json'
const OCIX = 'application/vnd.oci.image.index.v1+json'
const DL = 'application/vnd.docker.distribution.manifest.list.v2+json'

describe('determineManifestConversion (containers/image copy/manifest.go order)', () => {
  const cases: Array<[string, string, string[], string | undefined, string, boolean, string[]]> = [
    ['s2 → anything', S2, [], undefined, S2, false, [S1S, OCI, S1]],
    ['s1 signed → anything', S1S, [], undefined, S1S, false, [S2, OCI, S1]],
    ['oci → anything', OCI, [], undefined, OCI, false, [S2, S1S, S1]],
    ['s2 → oci only', S2, [OCI, OCIX], undefined, OCI, true, []],
    ['s2 → s1 only', S2, [S1S, S1], undefined, S1S, true, [S1]],
    ['oci → registry order', OCI, [OCI, S2, OCIX, DL, S1S, S1], undefined, OCI, false, [S2, S1S, S1]],
    ['unknown type is treated as s1 signed', 'text/plain', [], undefined, S1S, false, [S2, OCI, S1]],
    ['forced v2s2 from oci', OCI, [], S2, S2, true, []],
    ['forced oci from s2 to a dir', S2, [], OCI, OCI, true, []],
    ['forced type equal to the source', S2, [OCI, S2], S2, S2, false, []]
  ]
  for (const [name, src, dest, force, preferred, conversion, others] of cases) {
    it(name, () => {
      const plan = determineManifestConversion({
        sourceMimeType: src,
        destinationSupported: dest,
        forceMimeType: force
      })
      expect(plan).toEqual({ preferred, preferredNeedsConversion: conversion, others })
    })
  }

  it('cannot modify: only the original type, whatever the destination says', () => {
    expect(
      determineManifestConversion({
        sourceMimeType: S2,
        destinationSupported: [OCI],
        cannotModifyReason: 'Instructed to preserve digests'
      })
    ).toEqual({ preferred: S2, preferredNeedsConversion: false, others: [] })
  })
})

describe('determineListConversion', () => {
  it('keeps the current type when accepted, then other list types in destination order', () => {
    expect(determineListConversion({ currentListMimeType: DL, destinationSupported: [] })).toEqual({
      selected: DL,
      others: [OCIX]
    })
    expect(determineListConversion({ currentListMimeType: DL, destinationSupported: [OCI, OCIX] })).toEqual({
      selected: OCIX,
      others: []
    })
    expect(
      determineListConversion({ currentListMimeType: OCIX, destinationSupported: [OCI, S2, OCIX, DL] })
    ).toEqual({
      selected: OCIX,
      others: [DL]
    })
  })
  it('a forced type replaces the destination list', () => {
    expect(
      determineListConversion({ currentListMimeType: OCIX, destinationSupported: [], forcedListMimeType: DL })
    ).toEqual({
      selected: DL,
      others: []
    })
  })
  it('a destination without list types is an error', () => {
    expect(() => determineListConversion({ currentListMimeType: OCIX, destinationSupported: [S2] })).toThrow(
      /manifest list/
    )
  })
})
