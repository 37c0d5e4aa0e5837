// load only undici's Agent, its request API and its connector (not its index: fetch, mocks, caches, proxies…).
import type { Agent as AgentType, buildConnector as BuildConnectorType } from 'undici'
// @ts-expect-error internal path without types
import AgentImpl from 'undici/lib/dispatcher/agent.js'
// @ts-expect-error internal path without types
import DispatcherImpl from 'undici/lib/dispatcher/dispatcher.js'
// @ts-expect-error internal path without types
import api from 'undici/lib/api/index.js'
// @ts-expect-error internal path without types
import buildConnectorImpl from 'undici/lib/core/connect.js'

Object.assign((DispatcherImpl as { prototype: object }).prototype, api)
export const Agent = AgentImpl as typeof AgentType
export type Agent = AgentType
export const buildConnector = buildConnectorImpl as typeof BuildConnectorType
export type Connector = ReturnType<typeof BuildConnectorType>
