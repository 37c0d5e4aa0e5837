import { ManifestError } from './errors.js'
import { field, goAny, goStruct, type JsonValue } from './go-json.js'

export type EssentialField = 'config' | 'fsLayers' | 'history' | 'layers' | 'manifests'

const essentialFields: readonly EssentialField[] = ['config', 'fsLayers', 'history', 'layers', 'manifests']

type Detected = Record<EssentialField, JsonValue | undefined>

const detector = goStruct<Detected>(essentialFields.map(name => field(name, name, goAny)))

/**
 * containers/image ValidateUnambiguousManifestFormat: refuses a manifest that also carries the
 * essential fields of another format (so one blob cannot be read as two different things).
 */
export function validateUnambiguousFormat(
  doc: JsonValue,
  mimeType: string,
  allowed: readonly EssentialField[]
): void {
  const found = detector(
    { config: undefined, fsLayers: undefined, history: undefined, layers: undefined, manifests: undefined },
    doc,
    '',
    () => new Uint8Array()
  )
  const unexpected = essentialFields.filter(name => found[name] !== undefined && !allowed.includes(name))
  if (unexpected.length > 0) {
    throw new ManifestError(
      'invalid-field',
      `rejecting ambiguous manifest, unexpected fields ${unexpected.map(f => JSON.stringify(f)).join(', ')} in supposedly ${mimeType}`
    )
  }
}
