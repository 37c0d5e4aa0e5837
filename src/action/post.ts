// The Action's post step: save the blob cache when the main step added blobs (DESIGN.md section 7).
import * as core from '@actions/core'
import { errorMessage } from '../errors.js'
import { saveBlobCacheFromState } from './blob-cache.js'

export async function runPost(): Promise<void> {
  try {
    await saveBlobCacheFromState()
  } catch (e) {
    // The cache is an optimisation: a failure to save it never fails the job.
    core.warning(`Blob cache not saved: ${errorMessage(e)}`)
  }
}
