// `WWW-Authenticate` challenges (RFC 7235) and token scopes (distribution token spec).

export interface Challenge {
  /** Lower-cased auth scheme: `basic`, `bearer`, … */
  scheme: string
  /** Parameters with lower-cased names: `realm`, `service`, `scope`, `error`, … */
  params: Record<string, string>
}

const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/

/**
 * Parses every challenge of one or more `WWW-Authenticate` header values. Unlike the parser
 * containers/image uses, several comma-separated challenges in one header value are recognized.
 */
export function parseChallenges(headerValues: string | string[] | undefined): Challenge[] {
  if (headerValues === undefined) return []
  const values = Array.isArray(headerValues) ? headerValues : [headerValues]
  return values.flatMap(parseHeaderValue)
}

function parseHeaderValue(header: string): Challenge[] {
  const challenges: Challenge[] = []
  let pos = 0
  const skipSpace = (): void => {
    while (pos < header.length && (header[pos] === ' ' || header[pos] === '\t')) pos++
  }
  const readToken = (): string => {
    const start = pos
    while (pos < header.length && TOKEN_CHAR.test(header[pos])) pos++
    return header.slice(start, pos)
  }
  const readQuoted = (): string | undefined => {
    pos++ // opening quote
    let value = ''
    while (pos < header.length) {
      const c = header[pos++]
      if (c === '"') return value
      if (c === '\\' && pos < header.length) value += header[pos++]
      else value += c
    }
    return undefined // unterminated
  }

  let current: Challenge | undefined
  while (pos < header.length) {
    skipSpace()
    if (header[pos] === ',') {
      pos++
      continue
    }
    const token = readToken()
    if (token === '') return challenges // garbage: keep what parsed so far
    skipSpace()
    if (header[pos] === '=' && current !== undefined) {
      // `name=value`, unless it is token68 (`Basic abc==`), which we do not need.
      pos++
      skipSpace()
      const value = header[pos] === '"' ? readQuoted() : readToken()
      if (value === undefined) return challenges
      current.params[token.toLowerCase()] = value
      continue
    }
    current = { scheme: token.toLowerCase(), params: {} }
    challenges.push(current)
  }
  return challenges
}

export interface Scope {
  type: string
  name: string
  actions: string[]
}

/** `repository:acme/app:pull,push` → {type, name, actions}. The name may not contain `:`. */
export function parseScope(scope: string): Scope | undefined {
  const parts = scope.split(':')
  if (parts.length !== 3 || parts[0] === '' || parts[1] === '') return undefined
  return { type: parts[0], name: parts[1], actions: parts[2].split(',').filter(a => a !== '') }
}

export function formatScope(scope: Scope): string {
  return `${scope.type}:${scope.name}:${scope.actions.join(',')}`
}

export function repositoryScope(repository: string, actions: string[]): Scope {
  return { type: 'repository', name: repository, actions }
}
