// Which blob files the destinations of this process rely on. A destination that rolls back deletes
// the blobs it created, but not while another destination (say a second `oci:` destination on the
// same layout in one copy) still relies on them, nor once any destination committed them.
import { promises as fs } from 'node:fs'
import path from 'node:path'

interface Claim {
  holders: number
  /** Created by a destination of this process (not found on disk). */
  created: boolean
  /** Referenced by a committed image: never removed. */
  committed: boolean
}

const claims = new Map<string, Claim>()

/** The blob files one destination relies on. */
export class BlobClaims {
  private readonly held = new Set<string>()

  /** Records that this destination relies on `file`; `created` when this destination wrote it. */
  hold(file: string, created: boolean): void {
    const key = path.resolve(file)
    let claim = claims.get(key)
    if (claim === undefined) {
      claim = { holders: 0, created: false, committed: false }
      claims.set(key, claim)
    }
    if (created) claim.created = true
    if (!this.held.has(key)) {
      this.held.add(key)
      claim.holders++
    }
  }

  /** After commit: what this destination wrote is part of an image now. */
  commit(): void {
    for (const key of this.held) {
      const claim = claims.get(key)
      if (claim === undefined) continue
      claim.committed = true
      this.drop(key, claim)
    }
    this.held.clear()
  }

  /** Rollback: removes the created files no other destination relies on. */
  async rollback(): Promise<void> {
    for (const key of this.held) {
      const claim = claims.get(key)
      if (claim === undefined) continue
      if (this.drop(key, claim) && claim.created && !claim.committed) {
        await fs.rm(key, { force: true })
      }
    }
    this.held.clear()
  }

  private drop(key: string, claim: Claim): boolean {
    claim.holders--
    if (claim.holders > 0) return false
    claims.delete(key)
    return true
  }
}
