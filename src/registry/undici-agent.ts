// load only undici's Agent and its request API (not its index: fetch, mocks, caches, proxies…).
import type { Agent as AgentType } from 'undici'
// @ts-expect-error internal path without types
import AgentImpl from 'undici/lib/dispatcher/agent.js'
// @ts-expect-error internal path without types
import DispatcherImpl from 'undici/lib/dispatcher/dispatcher.js'
// @ts-expect-error internal path without types
import api from 'undici/lib/api/index.js'

Object.assign((DispatcherImpl as { prototype: object }).prototype, api)
export const Agent = AgentImpl as typeof AgentType
export type Agent = AgentType
