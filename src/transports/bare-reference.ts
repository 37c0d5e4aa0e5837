// A reference without a known transport prefix is a registry reference (DESIGN.md section 4), but
// some such strings surely mean something else: a local path, a transport this version does not
// have, or a mistyped transport. Those are refused here, before any network access, saying what to
// write instead; everything else (`alpine`, `acme/app:1`, `localhost:5000/app:1`, `ghcr.io/a/b:1`) passes.
import { statSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.js'
import { TAG_RE } from '../reference/docker.js'
import { closest } from '../suggest.js'

// OpenShift 4 removed /oapi/v1, and containers/image deprecated the transport (reference notes §4).
const OPENSHIFT_ADVICE =
  ', the integrated registry (e.g. default-route-openshift-image-registry.apps.<cluster>) with any user name and the token `oc whoami -t` prints as the password; OpenShift 4 removed the /oapi/v1 API this transport needs'

/** containers/image transports this version does not implement, and why not. */
const unavailable: Readonly<Record<string, string>> = {
  sif: 'not supported: the sif: transport (Singularity images)',
  tarball: 'not supported: the tarball: transport (layer tarballs); use oci-archive: or docker-archive:',
  openshift:
    'the openshift: transport is retired (it spoke the OpenShift 3 image API); copy through the registry instead: docker://<registry>/<namespace>/<stream>:<tag>' +
    OPENSHIFT_ADVICE,
  atomic:
    'the atomic: transport is retired (it spoke the OpenShift 3 image API); copy through the registry instead: docker://<registry>/<namespace>/<stream>:<tag>' +
    OPENSHIFT_ADVICE
}

const REGISTRY_HINT = 'a registry image is written docker://host/repository:tag (or host/repository:tag)'

/** Throws a UsageError when `value` (which has no known transport prefix) is not meant as a registry reference. */
export function refuseNonRegistryReference(value: string, what: string, known: readonly string[]): void {
  const local = localPathAdvice(value)
  if (local) {
    // A bare word (`app:1`) may also have meant the registry image of that name.
    const hint = isPathLike(value) ? undefined : `for the registry image of that name write docker://${value}`
    throw new UsageError(`${what} "${value}" ${local}`, hint)
  }
  const colon = value.indexOf(':')
  if (colon <= 0) return
  const prefix = value.slice(0, colon)
  const rest = value.slice(colon + 1)
  const reason = unavailable[prefix]
  if (reason) throw new UsageError(`${what} "${value}": ${reason}`)
  if (!isTransportShape(prefix, rest)) return
  const guess = guessTransport(prefix, known)
  const dockerHub = !rest.startsWith('//') && TAG_RE.test(rest.split('@', 1)[0])
  throw new UsageError(
    `${what} "${value}": unknown transport "${prefix}"; known: ${known.join(', ')}` +
      (guess ? `; did you mean ${guess}:?` : ''),
    dockerHub
      ? `for the Docker Hub image "${prefix}" with tag "${rest}", write docker://${value}`
      : REGISTRY_HINT
  )
}

/** `name:rest` meant as `transport:reference` rather than a registry reference. */
function isTransportShape(prefix: string, rest: string): boolean {
  if (rest.startsWith('//')) return true
  if (prefix.includes('/')) return false // `acme/app:1`: the colon starts a tag
  if (/^\d+(\/|$)/.test(rest)) return false // `localhost:5000/app`: a host and port
  // `transport:reference` is the syntax, as in skopeo: a bare `word:rest` is a transport and a
  // reference, so `unknown:transport` is refused, not sent to Docker Hub. Registry references
  // without a prefix name a host or a namespace (`ghcr.io/a/b:1`, `acme/app:1`), or no tag (`alpine`).
  return !prefix.includes('.') || !TAG_RE.test(rest.split('@', 1)[0])
}

function guessTransport(prefix: string, known: readonly string[]): string | undefined {
  const names = [...known, ...Object.keys(unavailable)].sort((a, b) => b.length - a.length)
  return closest(prefix, names) ?? names.find(n => prefix.startsWith(`${n}-`))
}

/** What to write instead when `value` is a path, or names something on disk; undefined otherwise. */
function isPathLike(value: string): boolean {
  return /^(\/|\.\.?(\/|$)|~)/.test(value)
}

function localPathAdvice(value: string): string | undefined {
  const pathLike = isPathLike(value)
  const colon = value.lastIndexOf(':')
  const tagged = colon > value.lastIndexOf('/') ? value.slice(0, colon) : undefined
  for (const candidate of tagged !== undefined ? [value, tagged] : [value]) {
    const what = describeLocal(candidate, value === candidate ? '' : value.slice(colon))
    if (what) return what
  }
  if (!pathLike) return undefined
  const tilde = value.startsWith('~') ? ' (~ is not expanded here: write the full path)' : ''
  return (
    `looks like a local path, not a registry reference: write a transport before it, e.g. oci:${value} ` +
    `(an OCI layout), dir:${value}, oci-archive:${value} or docker-archive:${value}${tilde}`
  )
}

function describeLocal(file: string, tag: string): string | undefined {
  const kind = statKind(file)
  if (kind === undefined) return undefined
  if (kind === 'file') {
    return `is a local file given without a transport: write oci-archive:${file}${tag} (a tar of an OCI layout) or docker-archive:${file}${tag} (docker save)`
  }
  if (statKind(path.join(file, 'oci-layout')) === 'file')
    return `is a local directory holding an OCI layout, given without a transport: write oci:${file}${tag || '[:TAG]'}`
  if (
    statKind(path.join(file, 'manifest.json')) === 'file' &&
    statKind(path.join(file, 'version')) === 'file'
  )
    return `is a local directory holding a dir: image, given without a transport: write dir:${file}`
  return `is a local directory given without a transport: write oci:${file}:TAG (an OCI layout) or dir:${file}`
}

function statKind(file: string): 'file' | 'directory' | undefined {
  try {
    const s = statSync(file)
    return s.isDirectory() ? 'directory' : s.isFile() ? 'file' : undefined
  } catch {
    return undefined
  }
}
