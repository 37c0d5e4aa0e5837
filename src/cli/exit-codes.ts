export const exitCodes = { ok: 0, failure: 1, usage: 2, notFound: 3 } as const
