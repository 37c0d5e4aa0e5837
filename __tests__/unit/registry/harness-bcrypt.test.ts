import { describe, expect, it } from '@jest/globals'
import { bcryptHash } from '../../harness/bcrypt.js'

describe('harness bcrypt (htpasswd hashes for the test registry)', () => {
  it('matches the crypt_blowfish test vector', () => {
    expect(bcryptHash('U*U', 5, 'CCCCCCCCCCCCCCCCCCCCC.')).toBe(
      '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW'
    )
  })
  it('makes $2b$ hashes with a random salt', () => {
    const h = bcryptHash('secret')
    expect(h).toMatch(/^\$2b\$04\$[./A-Za-z0-9]{53}$/)
    expect(bcryptHash('secret')).not.toBe(h)
  })
})
