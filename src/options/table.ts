// Every option, once: its name, the kind of value, the default, one line of help, and whether it is an
// Action input (action.yml) and a CLI flag. The request parser, the CLI's flag parser and --help read
// this table; action.yml is written by hand (the runner reads it) and a test holds it to the table:
// the same inputs in the same order, the same defaults, `help` as each input's description.
import { boolean, integer, list, oneOf, size, text, type OptionKind } from './kinds.js'

export interface OptionSpec {
  name: string
  kind: OptionKind
  /** One line; action.yml's description of the input, word for word. */
  help: string
  /** The value used when the option is not given (action.yml's default, as text). */
  default?: string
  /** A default only the runner fills in (an expression such as `${{ github.token }}`). */
  runnerDefault?: string
  required: boolean
  /** An input of the Action. */
  input: boolean
  /** A flag of the CLI (`--name`). */
  flag: boolean
  /** The flag may be given more than once; its values accumulate (every list). */
  repeatable: boolean
  /** A credential: never printed, never in an error. */
  secret: boolean
  /** CLI: the environment variable read when the flag is not given. */
  env?: string
  /** CLI --help text where the Action's words do not fit the command line. */
  cliHelp?: string
  /** The --help section the flag is listed under. */
  section: string
}

type Entry = Partial<Omit<OptionSpec, 'section' | 'repeatable'>> & Pick<OptionSpec, 'name' | 'kind' | 'help'>

const cliOnly = { input: false } as const

// prettier-ignore
const sections: Array<[string, Entry[]]> = [
  ['Images', [
    { name: 'src', kind: text('SRC'), required: false, cliHelp: 'The image to copy (or the first argument).',
      help: 'The image to copy, as transport:reference (docker://ghcr.io/acme/app:1.0, oci:./layout:1.0, oci-archive:./img.tar, dir:./img, docker-archive:./img.tar, docker-daemon:acme/app:1.0, containers-storage:localhost/app:1.0, ostree:acme/app:1.0@/srv/repo). No transport means a registry. With tags, a repository without a tag; with images-file, not given.' },
    { name: 'dest', kind: list('DEST'), required: true, cliHelp: 'A destination, in the same form as SRC (or the arguments after SRC).',
      help: 'One or more destinations, one per line, in the same form as src. The source is read once and written to each.' },
  ]],
  ['Many images (one engine call per image; one failing image does not stop the others)', [
    { name: 'tags', kind: text('REGEX|semver: RANGE'),
      help: 'Copy every tag of the src repository (named without a tag) that matches - a JavaScript regular expression (^v1\\.), or semver: and a range (semver: >=1.4 <2) - to the same tag under each dest repository.' },
    { name: 'exclude-tags', kind: text('REGEX'),
      help: 'Leave out the tags this regular expression matches (with tags or images-file).' },
    { name: 'images-file', kind: text('PATH'),
      help: 'A skopeo sync YAML file (registry - images, images-by-tag-regex, images-by-semver, credentials, tls-verify, cert-dir); each image goes to each dest prefix as skopeo sync --dest docker names it.' },
    { name: 'scoped', kind: boolean, default: 'false',
      help: 'With images-file, name each copy dest prefix + the whole source reference (skopeo sync --scoped), not only its last path component.' },
    { name: 'plan', kind: integer(1, 256),
      help: 'Copy nothing; list what would be copied, weigh it (bytes each destination lacks) and set the matrix output to this many shards.' },
    { name: 'shard', kind: text('I/N'),
      help: 'Copy only shard I of N (as the matrix output names them); every shard lists and splits the images the same way.' },
  ]],
  ['Selection (when SRC is a manifest list; default: one image, for this machine\'s platform)', [
    { name: 'all-images', kind: boolean, default: 'false',
      help: 'When src is a manifest list, copy the list and every image in it.' },
    { name: 'instances', kind: list('DIGEST,...'),
      help: 'Copy the list and only these instances (digests, comma or newline separated).' },
    { name: 'platforms', kind: list('OS/ARCH[/VAR],...'),
      help: 'Copy the list and only the instances for these platforms (os/arch[/variant], comma or newline separated).' },
    { name: 'platform', kind: text('OS/ARCH[/VAR]'), cliHelp: 'For a single-image copy from a list, the platform to pick; default is linux with this machine\'s architecture.',
      help: 'For a single-image copy from a list, the platform to pick (os/arch[/variant]); default is linux with the runner\'s architecture (also on macOS and Windows runners).' },
    { name: 'sparse-list', kind: oneOf('strip', 'keep'), default: 'strip',
      help: 'What happens to list entries that were not copied. strip (default) removes them so the destination gets a valid list; keep writes the list unchanged (digest preserved; many registries refuse it).' },
  ]],
  ['Format', [
    { name: 'force-mime-type', kind: text('TYPE'),
      help: 'Write every manifest in this format - oci, v2s2, v2s1, or a full MIME type. Lists follow (OCI index, Docker list).' },
    { name: 'preserve-digests', kind: boolean, default: 'false',
      help: 'Fail rather than change any manifest (and so its digest).' },
    { name: 'remove-signatures', kind: boolean, default: 'false',
      help: 'Do not copy signatures.' },
    { name: 'skip-unchanged', kind: boolean, default: 'true',
      help: 'Ask each destination first what its tag names (a manifest HEAD), and write nothing where that is exactly what would be written (status unchanged). false copies every time.' },
  ]],
  ['Layers (compressed where a destination wants them compressed: registries, oci:, oci-archive:)', [
    { name: 'dest-compress-format', kind: oneOf('gzip', 'zstd'),
      help: 'Compress layers with gzip (default) or zstd; with zstd, layers compressed otherwise are recompressed and images become OCI.' },
    { name: 'dest-compress-level', kind: integer(1, 20),
      help: 'Compression level: gzip 1-9, zstd 1-20 (default: the algorithm\'s own).' },
    { name: 'dest-compress', kind: boolean, default: 'false',
      help: 'For dir: destinations, store layers compressed (skopeo --dest-compress).' },
    { name: 'dest-decompress', kind: boolean, default: 'false',
      help: 'For dir: destinations, store layers uncompressed (skopeo --dest-decompress).' },
    { name: 'dest-oci-accept-uncompressed-layers', kind: boolean, default: 'false',
      help: 'For oci: and oci-archive: destinations, keep uncompressed layers as they are.' },
  ]],
  ['Referrers (signatures, SBOMs, attestations: copied for every manifest whose digest the copy keeps)', [
    { name: 'referrers', kind: boolean, default: 'false',
      help: 'Copy the OCI referrers (manifests whose subject is the image: signatures, SBOMs, attestations) of the list and of each image, recursively, with their digests unchanged.' },
    { name: 'digest-tags', kind: boolean, default: 'false',
      help: 'Copy the tags named after each image digest (cosign sha256-<hex>.sig, .att, .sbom and any sha256-<hex>.*) as they are.' },
    { name: 'referrers-artifact-types', kind: list('TYPE,...'),
      help: 'With referrers, copy only referrers of these artifact types (comma or newline separated), e.g. application/spdx+json.' },
  ]],
  ['Registries', [
    { name: 'src-username', kind: text('USER'), help: 'Username for the source registry.' },
    { name: 'src-password', kind: text('PASS'), secret: true, env: 'IMAGE_COPY_SRC_PASSWORD',
      help: 'Password or access token for the source registry.' },
    { name: 'src-password-stdin', kind: boolean, default: 'false', ...cliOnly,
      help: 'Read the source password from standard input.' },
    { name: 'src-registry-token', kind: text('TOKEN'), secret: true,
      help: 'A bearer token for the source registry, used as is.' },
    { name: 'dest-username', kind: text('USER'), help: 'Username for the destination registries.' },
    { name: 'dest-password', kind: text('PASS'), secret: true, env: 'IMAGE_COPY_DEST_PASSWORD',
      help: 'Password or access token for the destination registries.' },
    { name: 'dest-password-stdin', kind: boolean, default: 'false', ...cliOnly,
      help: 'Read the destination password from standard input.' },
    { name: 'dest-registry-token', kind: text('TOKEN'), secret: true,
      help: 'A bearer token for the destination registries, used as is.' },
    { name: 'auth-file', kind: text('PATH'),
      help: 'A containers auth.json or docker config.json to take credentials from (only that file is read).' },
    { name: 'github-token', kind: text('TOKEN'), secret: true, runnerDefault: '${{ github.token }}', env: 'GITHUB_TOKEN',
      help: 'Token used for ghcr.io when no other credentials match.' },
    { name: 'src-tls-verify', kind: boolean, default: 'true',
      help: 'Verify the source registry\'s TLS certificate. false also allows plain http.' },
    { name: 'dest-tls-verify', kind: boolean, default: 'true',
      help: 'Verify the destination registries\' TLS certificates. false also allows plain http.' },
    { name: 'src-cert-dir', kind: text('DIR'),
      help: 'Directory with *.crt CA certificates and *.cert/*.key client certificates for the source registry.' },
    { name: 'dest-cert-dir', kind: text('DIR'),
      help: 'Directory with *.crt CA certificates and *.cert/*.key client certificates for the destination registries.' },
    { name: 'src-shared-blob-dir', kind: text('DIR'), ...cliOnly,
      help: 'A directory of blobs shared between OCI layouts, for an oci: source.' },
    { name: 'dest-shared-blob-dir', kind: text('DIR'), ...cliOnly,
      help: 'A directory of blobs shared between OCI layouts, for oci: destinations.' },
    { name: 'retry-times', kind: integer(0, 20), default: '3',
      help: 'How many times each request is retried on connection errors, 429 and 5xx answers.' },
    { name: 'parallel', kind: integer(1, 64), default: '6',
      help: 'How many blobs are copied at once, across all images and destinations.' },
  ]],
  ['Cache', [
    { name: 'cache', kind: boolean, default: 'true', cliHelp: 'The Action\'s GitHub Actions cache; not available here (use --cache-dir).',
      help: 'Keep a blob cache between workflow runs in the GitHub Actions cache, so blobs pulled once are not pulled again. Restored by the main step, saved by the post step when the run added blobs.' },
    { name: 'cache-key', kind: text('KEY'), cliHelp: 'The key of the Action\'s cache; not available here.',
      help: 'Key for the blob cache (default - a hash of the source reference). Runs with the same key share blobs.' },
    { name: 'cache-max-size', kind: size, default: '2GiB',
      help: 'Largest size of the blob cache (least recently used blobs are dropped first), e.g. 2GiB or 500MB.' },
    { name: 'cache-location', kind: oneOf('actions', 'runner', 'both'), default: 'actions', cliHelp: 'Where the Action\'s cache lives; not used here (use --cache-dir).',
      help: 'Where the blob cache lives between runs - actions (the GitHub Actions cache), runner (the runner\'s tool cache, kept on self-hosted runners), or both.' },
    { name: 'cache-dir', kind: text('DIR'), ...cliOnly,
      help: 'A local blob cache: blobs are read from it before the source, and blobs pulled are added.' },
  ]],
  ['Output', [
    { name: 'digestfile', kind: text('PATH'),
      help: 'Write the digest of the manifest written (the list, or the single image) to this file.' },
    { name: 'json', kind: boolean, default: 'false', ...cliOnly, help: 'Print the result as JSON on stdout.' },
    { name: 'quiet', kind: boolean, default: 'false', ...cliOnly, help: 'No progress lines.' },
    { name: 'help', kind: boolean, default: 'false', ...cliOnly, help: 'Print this help (also -h).' },
    { name: 'version', kind: boolean, default: 'false', ...cliOnly, help: 'Print the version.' },
  ]]
]

export const optionTable: readonly OptionSpec[] = sections.flatMap(([section, entries]) =>
  entries.map(e => ({
    required: false,
    input: true,
    flag: true,
    secret: false,
    ...e,
    repeatable: e.kind.type === 'list',
    section
  }))
)

const byName = new Map(optionTable.map(o => [o.name, o]))

/** The option of that name; an unknown name is a programming error. */
export function option(name: string): OptionSpec {
  const spec = byName.get(name)
  if (!spec) throw new Error(`no option named "${name}" in the option table`)
  return spec
}
