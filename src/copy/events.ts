import type { CopyPlan } from './plan.js'
import type { ReferrerResult } from './result.js'

/** Progress the engine reports while it copies; the Action and the CLI render these. */
export type CopyEvent =
  | { type: 'source-opened'; source: string; mimeType: string; digest: string; isList: boolean }
  | {
      type: 'instance-chosen'
      digest: string
      platform?: string
      /** Images in the list (attestation manifests not counted). */
      images: number
      /** Whether the wanted platform was given (`platform`) or is the runner's default. */
      by: 'platform' | 'runtime'
    }
  | { type: 'blob-start'; digest: string; size: number; from: 'source' | 'cache'; destinations: string[] }
  | { type: 'blob-progress'; digest: string; bytes: number; size: number }
  | {
      type: 'blob-done'
      digest: string
      size: number
      destination: string
      how: BlobOutcome
      /** How the bytes were changed on the way ("compressed (gzip)"), and the digest they were stored under. */
      conversion?: string
      stored?: string
    }
  | { type: 'plan'; plan: CopyPlan }
  | { type: 'notice'; message: string }
  | { type: 'manifest-written'; destination: string; digest: string; mimeType: string; instance: boolean }
  | { type: 'destination-failed'; destination: string; error: string }
  | ({ type: 'referrer-copied'; destination: string } & ReferrerResult)
  /** A source or destination that cannot hold referrers or digest tags, asked for: said, not a failure. */
  | { type: 'referrers-not-held'; where: string; message: string }
  /** The destination already holds what would be written; nothing is written to it. */
  | { type: 'destination-unchanged'; destination: string; digest: string; sourceRead: boolean }

/** How a blob reached a destination. */
export type BlobOutcome = 'pushed' | 'exists' | 'mounted'
