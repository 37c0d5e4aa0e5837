// What to say about a flag this CLI does not have: skopeo's names are mapped to ours, anything else
// gets the nearest known flag.
import { UsageError } from '../errors.js'
import { optionTable } from '../options/table.js'
import { closest } from '../suggest.js'

const platform = 'use --platform OS/ARCH[/VARIANT] (one image) or --platforms (several, keeping the list)'

/** skopeo copy's flags (and a few short forms) → what to write here. */
const skopeoFlags: Readonly<Record<string, string>> = {
  all: 'use --all-images (skopeo --all)',
  a: 'use --all-images (skopeo --all)',
  'multi-arch':
    "use --all-images (skopeo's --multi-arch=all) or --platforms OS/ARCH,... (a subset); without either one image is copied, for this machine or --platform (--multi-arch=system); index-only is not supported",
  'override-arch': platform,
  'override-os': platform,
  'override-variant': platform,
  format: 'use --force-mime-type oci|v2s2|v2s1 (skopeo --format)',
  f: 'use --force-mime-type oci|v2s2|v2s1 (skopeo -f)',
  'src-creds':
    'use --src-username USER --src-password PASS (or --src-password-stdin, or IMAGE_COPY_SRC_PASSWORD)',
  'dest-creds':
    'use --dest-username USER --dest-password PASS (or --dest-password-stdin, or IMAGE_COPY_DEST_PASSWORD)',
  creds: 'use --src-username/--src-password or --dest-username/--dest-password',
  authfile: 'use --auth-file (one file, for the source and the destinations)',
  'src-authfile': 'use --auth-file (one file, for the source and the destinations)',
  'dest-authfile': 'use --auth-file (one file, for the source and the destinations)',
  'tls-verify': 'use --src-tls-verify=false and/or --dest-tls-verify=false',
  'image-parallel-copies': 'use --parallel N',
  q: 'use --quiet'
}

const flagNames = optionTable.filter(o => o.flag).map(o => o.name)

export function unknownFlagError(flag: string): UsageError {
  const name = flag.replace(/^--?/, '')
  const mapped = skopeoFlags[name]
  if (mapped?.startsWith('is not')) return new UsageError(`${flag} ${mapped}`)
  if (mapped) return new UsageError(`unknown flag ${flag}: ${mapped}`)
  const guess = closest(name, flagNames)
  return new UsageError(
    `unknown flag ${flag}${guess ? `; did you mean --${guess}?` : ''} (image-copy --help lists them)`
  )
}

/** `--all-images false`: the value would become a positional reference, so it is refused. */
export function spacedBooleanError(name: string, value: string): UsageError {
  const v = value.toLowerCase()
  return new UsageError(
    `--${name} ${value}: write --${name}=${v}; a true/false flag takes its value after "=" (with a space, "${value}" would be read as an image reference)`
  )
}
