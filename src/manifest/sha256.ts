// SHA-256 (FIPS 180-4) in JavaScript, for the few small inputs a run hashes before anything else needs
// node:crypto: a re-run that finds the destination up to date hashes one or two manifests, and loading
// node:crypto for them costs ~9 ms of CPU, more than the hashing itself. Bulk data (blobs, anything
// above SMALL_INPUT_BYTES) always goes through node:crypto.

/** The first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const ROUND_CONSTANTS = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2
])

/** The first 32 bits of the fractional parts of the square roots of the first 8 primes. */
const INITIAL_STATE = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
]

/**
 * The largest input hashed here (larger ones are refused). Hashed once, in V8's interpreter, 8 KiB take
 * ~5 ms; beyond that loading node:crypto costs less.
 */
export const SMALL_INPUT_BYTES = 8 * 1024

/** The message with its padding: a 1 bit, zeros, and the length in bits as a 64-bit big-endian number. */
function padded(bytes: Uint8Array): DataView {
  const blocks = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64)
  blocks.set(bytes)
  blocks[bytes.length] = 0x80
  const view = new DataView(blocks.buffer)
  view.setUint32(blocks.length - 4, bytes.length * 8) // < 2^32 bits: inputs are at most SMALL_INPUT_BYTES
  return view
}

// Names follow FIPS 180-4: s0 and s1 are its σ0 and σ1 (the message schedule), S0 and S1 its Σ0 and Σ1.
// The rotations are written out (x >>> n | x << 32 - n) rather than called: these inputs are hashed once
// per process, in V8's interpreter, where a call per rotation made a 2 KiB manifest take 4-10 ms instead
// of 1.5 ms.
function compress(state: Uint32Array, message: DataView, offset: number, w: Uint32Array): void {
  for (let i = 0; i < 16; i++) w[i] = message.getUint32(offset + i * 4)
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]
    const y = w[i - 2]
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)
    w[i] = w[i - 16] + s0 + w[i - 7] + s1
  }
  let a = state[0]
  let b = state[1]
  let c = state[2]
  let d = state[3]
  let e = state[4]
  let f = state[5]
  let g = state[6]
  let h = state[7]
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + ROUND_CONSTANTS[i] + w[i]) | 0
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0
    h = g
    g = f
    f = e
    e = (d + t1) | 0
    d = c
    c = b
    b = a
    a = (t1 + t2) | 0
  }
  state[0] += a
  state[1] += b
  state[2] += c
  state[3] += d
  state[4] += e
  state[5] += f
  state[6] += g
  state[7] += h
}

/** The SHA-256 of `bytes` (at most SMALL_INPUT_BYTES) as 64 lowercase hex digits. */
export function jsSha256Hex(bytes: Uint8Array): string {
  if (bytes.length > SMALL_INPUT_BYTES)
    throw new RangeError(`jsSha256Hex takes at most ${SMALL_INPUT_BYTES} bytes`)
  const message = padded(bytes)
  const state = Uint32Array.from(INITIAL_STATE)
  const schedule = new Uint32Array(64)
  for (let offset = 0; offset < message.byteLength; offset += 64) compress(state, message, offset, schedule)
  let hex = ''
  for (const word of state) hex += word.toString(16).padStart(8, '0')
  return hex
}
