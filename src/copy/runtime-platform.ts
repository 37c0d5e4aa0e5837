import { nodeToOciPlatform, type Platform } from '../manifest/index.js'

/** The platform of this process, as a system copy picks it when no `platform` is given. */
export function runtimePlatform(): Platform {
  const { os, architecture } = nodeToOciPlatform(process.platform, process.arch)
  // Variant detection from /proc/cpuinfo (upstream does it for arm) is not done: GitHub runners are
  // amd64 or arm64, where the variant is '' or v8 and both match as upstream's table says.
  return { os, architecture }
}
