import { nodeToOciPlatform, type Platform } from '../manifest/index.js'

/**
 * The platform a system copy picks when no `platform` is given: this runner's architecture, and
 * linux as the OS on every host. containers/image uses its own GOOS, so skopeo on macOS asks for
 * darwin (no image is built for it) and on Windows for windows; we pick linux deliberately: images a
 * workflow copies are Linux images whatever OS the runner has (a Windows image needs
 * `platform: windows/amd64`). Tests pass the host's values; the defaults are this process's.
 */
export function runtimePlatform(
  nodePlatform: NodeJS.Platform = process.platform,
  nodeArch: string = process.arch
): Platform {
  const { architecture } = nodeToOciPlatform(nodePlatform, nodeArch)
  // Variant detection from /proc/cpuinfo (upstream does it for arm) is not done: GitHub runners are
  // amd64 or arm64, where the variant is '' or v8 and both match as upstream's table says.
  return { os: 'linux', architecture }
}

/** Why the default OS is not the runner's own, for the notice; undefined on Linux. */
export function runtimePlatformNote(nodePlatform: NodeJS.Platform = process.platform): string | undefined {
  if (nodePlatform === 'darwin') {
    return 'this runner runs macOS, for which no container images are built, so the default is linux'
  }
  if (nodePlatform === 'win32') {
    return 'this runner runs Windows; the default is linux, not windows as skopeo on Windows would pick (name windows/<arch> as the platform to copy a Windows image)'
  }
  return undefined
}
