// Jest runs the TypeScript sources as ESM through ts-jest (needs NODE_OPTIONS=--experimental-vm-modules,
// which `npm test` sets). Integration tests start real programs (registry, skopeo), hence the timeout.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  resolver: 'ts-jest-resolver',
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: 'tsconfig.test.json', useESM: true, diagnostics: { warnOnly: false } }
    ]
  },
  globalSetup: '<rootDir>/__tests__/harness/global-setup.mjs',
  reporters: ['default', '<rootDir>/__tests__/harness/skip-reporter.mjs'],
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/build/'],
  testTimeout: 120000,
  maxWorkers: 2
}
