// Node 22.1+ keeps V8's compiled code for a module on disk (under the OS temp dir), keyed by Node's
// version and the file's content, so the next run of the same bundle skips parsing and compiling
// most of it: about 10 ms of CPU in a registry copy on Node 24. Each entry point calls this
// before it imports the rest of its bundle (a separate chunk), which is what the cache then covers.
// Older Node has no such API; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
import * as nodeModule from 'node:module'

export function enableCompileCache(): void {
  const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache
  try {
    enable?.()
  } catch {
    // a cache directory that cannot be written only costs the speed-up
  }
}
