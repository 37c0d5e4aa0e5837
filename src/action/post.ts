// The Action's post step. It will save the blob cache (DESIGN.md section 7); until the cache
// lands it has nothing to do.
import * as core from '@actions/core'

export async function runPost(): Promise<void> {
  core.debug('image-copy post: no blob cache to save')
}
