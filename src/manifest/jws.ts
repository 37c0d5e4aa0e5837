// Schema1 "pretty JWS" signatures, as libtrust (used by containers/image) reads and writes them.
// The digest of a signed schema1 manifest is the digest of the payload the signatures protect, which
// libtrust rebuilds from the manifest bytes and the formatLength/formatTail of the protected header.
import { nodeCrypto } from '../lazy-builtin.js'
import { ManifestError } from './errors.js'
import {
  JsonNumber,
  JsonObject,
  goMarshal,
  goSlice,
  goString,
  goStruct,
  field,
  parseJson,
  GoMap,
  type Decoder,
  type JsonValue
} from './go-json.js'

function jwsError(message: string): ManifestError {
  return new ManifestError('invalid-field', `schema1 signature: ${message}`)
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const B64STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Go's base64 (non-strict) DecodeString: padding required, '\r' and '\n' ignored, other characters rejected. */
export function goBase64Decode(s: string, alphabet: 'std' | 'url'): Buffer | undefined {
  const table = alphabet === 'std' ? B64STD : B64URL
  const chars = s.replace(/[\r\n]/g, '')
  if (chars.length % 4 !== 0) return undefined
  const out: number[] = []
  for (let i = 0; i < chars.length; i += 4) {
    const quad = chars.slice(i, i + 4)
    const pad = quad.endsWith('==') ? 2 : quad.endsWith('=') ? 1 : 0
    if (pad > 0 && i + 4 !== chars.length) return undefined
    const vals: number[] = []
    for (let j = 0; j < 4 - pad; j++) {
      const v = table.indexOf(quad[j])
      if (v < 0) return undefined
      vals.push(v)
    }
    if (pad === 2 && quad[1] === '=') return undefined
    const n = vals.reduce((acc, v) => acc * 64 + v, 0) * 64 ** pad
    const bytes = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]
    out.push(...bytes.slice(0, 3 - pad))
  }
  return Buffer.from(out)
}

/** libtrust joseBase64UrlDecode: unpadded base64url, spaces and newlines removed first. */
function joseDecode(s: string): Buffer | undefined {
  let t = s.replace(/[\n ]/g, '')
  switch (t.length % 4) {
    case 0:
      break
    case 2:
      t += '=='
      break
    case 3:
      t += '='
      break
    default:
      return undefined
  }
  return goBase64Decode(t, 'url')
}

function joseEncode(b: Uint8Array): string {
  return Buffer.from(b).toString('base64url')
}

interface ParsedSignature {
  header: { jwk?: JsonValue; alg: string; x5c?: string[] }
  signature: string
  protected: string
}

const rawJwk: Decoder<JsonValue | undefined> = (_cur, v) => v
const parsedSignature = goStruct<ParsedSignature>([
  field(
    'header',
    'header',
    goStruct<ParsedSignature['header']>([
      field('jwk', 'jwk', rawJwk),
      field('alg', 'alg', goString),
      field(
        'x5c',
        'x5c',
        goSlice(goString, () => '')
      )
    ])
  ),
  field('signature', 'signature', goString),
  field('protected', 'protected', goString)
])

/** Last value of an exact key, as Go's map[string]… decoding keeps it. */
function mapGet(obj: JsonObject, key: string): JsonValue | undefined {
  let found: JsonValue | undefined
  for (const [k, v] of obj.entries) if (k === key) found = v
  return found
}

/** The bytes a schema1 signature covers (libtrust ParsePrettySignature + Payload). */
export function schema1SignedPayload(content: Uint8Array): Buffer {
  const doc = parseJson(content, 'schema1 manifest')
  const sigMessage = doc instanceof JsonObject ? mapGet(doc, 'signatures') : undefined
  if (sigMessage === undefined) throw jwsError('missing signature key')
  let blocks: ParsedSignature[] | undefined
  try {
    blocks = goSlice(parsedSignature, () => ({ header: { alg: '' }, signature: '', protected: '' }))(
      undefined,
      sigMessage,
      'signatures',
      () => content
    )
  } catch (e) {
    throw jwsError(`error unmarshalling signatures: ${(e as Error).message}`)
  }
  let formatLength = 0
  let formatTail: Buffer = Buffer.alloc(0)
  for (const block of blocks ?? []) {
    const protectedBytes = joseDecode(block.protected)
    if (!protectedBytes) throw jwsError('base64 decode error in protected header')
    const header = parseJson(protectedBytes, 'schema1 protected header')
    if (header !== null && !(header instanceof JsonObject))
      throw jwsError('protected header is not a JSON object')
    const lengthValue = header ? mapGet(header, 'formatLength') : undefined
    if (!(lengthValue instanceof JsonNumber)) throw jwsError('missing formatted length')
    const length = Math.trunc(Number(lengthValue.text))
    const tailValue = header ? mapGet(header, 'formatTail') : undefined
    if (typeof tailValue !== 'string') throw jwsError('missing formatted tail')
    const tail = joseDecode(tailValue)
    if (!tail) throw jwsError('base64 decode error on tail')
    if (formatLength === 0) formatLength = length
    else if (formatLength !== length) throw jwsError('conflicting format length')
    if (formatTail.length === 0) formatTail = tail
    else if (!formatTail.equals(tail)) throw jwsError('conflicting format tail')
    if (block.header.jwk !== undefined) validateJwk(block.header.jwk)
  }
  if (formatLength > content.length || formatLength < 0) throw jwsError('invalid format length')
  return Buffer.concat([content.subarray(0, formatLength), formatTail])
}

const algorithms: Record<string, { hash: string; ec: boolean }> = {
  ES256: { hash: 'sha256', ec: true },
  ES384: { hash: 'sha384', ec: true },
  ES512: { hash: 'sha512', ec: true },
  RS256: { hash: 'sha256', ec: false },
  RS384: { hash: 'sha384', ec: false },
  RS512: { hash: 'sha512', ec: false }
}

/**
 * libtrust JSONSignature.Verify for signatures that carry their key as a JWK (what libtrust and
 * containers/image write): every signature must verify over `protected.base64url(payload)`. Returns
 * the number of signatures checked; throws on the first that does not verify. x5c chains are refused.
 */
export function verifySchema1Signatures(content: Uint8Array): number {
  const payload = schema1SignedPayload(content)
  const doc = parseJson(content, 'schema1 manifest') as JsonObject
  const zero = (): ParsedSignature => ({ header: { alg: '' }, signature: '', protected: '' })
  const blocks = goSlice(parsedSignature, zero)(
    undefined,
    mapGet(doc, 'signatures')!,
    'signatures',
    () => content
  )
  if (!blocks || blocks.length === 0) throw jwsError('missing signatures')
  const encodedPayload = joseEncode(payload)
  blocks.forEach((block, i) => {
    const alg = algorithms[block.header.alg]
    if (!alg) throw jwsError(`signature ${i}: unsupported algorithm ${JSON.stringify(block.header.alg)}`)
    if (!(block.header.jwk instanceof JsonObject))
      throw jwsError(`signature ${i}: only signatures with a JWK key can be verified`)
    const jwk = Object.fromEntries(block.header.jwk.entries.filter(([, v]) => typeof v === 'string'))
    const key = nodeCrypto().createPublicKey({ key: jwk, format: 'jwk' })
    const signature = joseDecode(block.signature)
    if (!signature) throw jwsError(`signature ${i}: invalid base64 URL encoding`)
    const ok = nodeCrypto().verify(
      alg.hash,
      Buffer.from(`${block.protected}.${encodedPayload}`),
      alg.ec ? { key, dsaEncoding: 'ieee-p1363' } : key,
      signature
    )
    if (!ok) throw jwsError(`signature ${i}: invalid signature`)
  })
  return blocks.length
}

// ---------------------------------------------------------------------------------------------------
// Public keys (libtrust UnmarshalPublicKeyJWK): checked only as far as libtrust checks them.

const curves: Record<string, { bytes: number; oid: string; alg: string }> = {
  'P-256': { bytes: 32, oid: '2a8648ce3d030107', alg: 'ES256' },
  'P-384': { bytes: 48, oid: '2b81040022', alg: 'ES384' },
  'P-521': { bytes: 66, oid: '2b81040023', alg: 'ES512' }
}

function jwkString(jwk: Map<string, JsonValue>, key: string, what: string): string {
  const v = jwk.get(key)
  if (v === undefined) throw jwsError(`${what}: "${key}" value not specified`)
  if (typeof v !== 'string') throw jwsError(`${what}: "${key}" value must be a string`)
  return v
}

function validateJwk(raw: JsonValue): void {
  if (raw !== null && !(raw instanceof JsonObject)) throw jwsError('decoding JWK Public Key JSON data')
  const jwk = new Map<string, JsonValue>(raw ? raw.entries : [])
  const kty = jwkString(jwk, 'kty', 'JWK Public Key type')
  let der: Buffer | undefined
  if (kty === 'EC') {
    const crv = jwkString(jwk, 'crv', 'JWK EC Public Key curve identifier')
    const curve = curves[crv]
    if (!curve) throw jwsError(`JWK EC Public Key curve identifier not supported: ${JSON.stringify(crv)}`)
    const coords = ['x', 'y'].map(c => {
      const b = joseDecode(jwkString(jwk, c, `JWK EC Public Key ${c}-coordinate`))
      if (!b) throw jwsError(`JWK EC Public Key ${c}-coordinate: invalid base64 URL encoding`)
      if (b.length !== curve.bytes)
        throw jwsError(`JWK EC Public Key ${c}-coordinate: invalid number of octets`)
      return b
    })
    if (jwk.has('kid')) der = ecSpki(curve.oid, Buffer.concat([Buffer.from([4]), ...coords]))
  } else if (kty === 'RSA') {
    const n = joseDecode(jwkString(jwk, 'n', 'JWK RSA Public Key modulus'))
    if (!n) throw jwsError('JWK RSA Public Key modulus: invalid base64 URL encoding')
    const e = joseDecode(jwkString(jwk, 'e', 'JWK RSA Public Key exponent'))
    if (!e || e.length > 4) throw jwsError('JWK RSA Public Key exponent: invalid encoding')
    if (jwk.has('kid')) der = rsaSpki(n, e)
    if (jwk.has('d')) throw jwsError('JWK RSA Public Key cannot contain private exponent')
  } else {
    throw jwsError(`JWK Public Key type not supported: ${JSON.stringify(kty)}`)
  }
  if (der !== undefined) {
    const kid = jwkString(jwk, 'kid', 'JWK Public Key ID')
    if (kid !== keyIdOf(der)) throw jwsError(`JWK Public Key ID does not match: ${kid}`)
  }
}

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n])
  const bytes: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}

function der(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content)
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body])
}

function derInteger(bigEndian: Uint8Array): Buffer {
  let i = 0
  while (i < bigEndian.length - 1 && bigEndian[i] === 0) i++
  let v = Buffer.from(bigEndian.subarray(i))
  if (v.length === 0) v = Buffer.from([0])
  if (v[0] & 0x80) v = Buffer.concat([Buffer.from([0]), v])
  return der(0x02, v)
}

function ecSpki(curveOid: string, point: Buffer): Buffer | undefined {
  const spki = der(
    0x30,
    der(0x30, der(0x06, Buffer.from('2a8648ce3d0201', 'hex')), der(0x06, Buffer.from(curveOid, 'hex'))),
    der(0x03, Buffer.from([0]), point)
  )
  try {
    nodeCrypto().createPublicKey({ key: spki, format: 'der', type: 'spki' }) // Go refuses to marshal a point off the curve
  } catch {
    return undefined
  }
  return spki
}

function rsaSpki(n: Buffer, e: Buffer): Buffer {
  return der(
    0x30,
    der(0x30, der(0x06, Buffer.from('2a864886f70d010101', 'hex')), Buffer.from([0x05, 0x00])),
    der(0x03, Buffer.from([0]), der(0x30, derInteger(n), derInteger(e)))
  )
}

/** libtrust KeyID: the first 240 bits of the SHA-256 of the SPKI DER, base32, in groups of four. */
function keyIdOf(spki: Buffer | undefined): string {
  if (!spki) return ''
  const hash = nodeCrypto().createHash('sha256').update(spki).digest().subarray(0, 30)
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const byte of hash) bits += byte.toString(2).padStart(8, '0')
  let s = ''
  for (let i = 0; i + 5 <= bits.length; i += 5) s += alphabet[parseInt(bits.slice(i, i + 5), 2)]
  return s.match(/.{1,4}/g)!.join(':')
}

// ---------------------------------------------------------------------------------------------------
// Signing (containers/image AddDummyV2S1Signature): a throw-away P-256 key signs the compact payload.

function isGoSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0
}

export function addDummySchema1Signature(payload: Buffer, now: Date = new Date()): Buffer {
  let close = payload.length - 1
  while (close >= 0 && isGoSpace(payload[close])) close--
  if (close < 0 || payload[close] !== 0x7d) throw jwsError('invalid json content')
  let last = close - 1
  while (last >= 0 && isGoSpace(payload[last])) last--
  if (last < 0 || payload[last] === 0x2c) throw jwsError('invalid json content')
  const formatLength = last + 1
  const formatTail = payload.subarray(formatLength)
  const time = now.toISOString().replace(/\.\d+Z$/, 'Z')
  const protectedHeader = joseEncode(
    goMarshal(
      new GoMap([
        ['formatLength', formatLength],
        ['formatTail', joseEncode(formatTail)],
        ['time', time]
      ])
    )
  )
  const { privateKey, publicKey } = nodeCrypto().generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const signature = nodeCrypto().sign('sha256', Buffer.from(`${protectedHeader}.${joseEncode(payload)}`), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363'
  })
  const jwk = publicKey.export({ format: 'jwk' })
  const spki = publicKey.export({ format: 'der', type: 'spki' })
  const signatures = goMarshal([
    {
      header: {
        jwk: new GoMap([
          ['crv', 'P-256'],
          ['kid', keyIdOf(spki)],
          ['kty', 'EC'],
          ['x', jwk.x as string],
          ['y', jwk.y as string]
        ]),
        alg: 'ES256'
      },
      signature: joseEncode(signature),
      protected: protectedHeader
    }
  ])
  return Buffer.concat([
    payload.subarray(0, formatLength),
    Buffer.from(',"signatures":'),
    signatures,
    Buffer.from('}')
  ])
}
