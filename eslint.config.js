import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import prettier from 'eslint-config-prettier'

const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'URL',
    'URLSearchParams',
    'AbortController',
    'AbortSignal',
    'TextEncoder',
    'TextDecoder',
    'performance',
    'fetch',
    'structuredClone',
    'queueMicrotask'
  ].map(name => [name, 'readonly'])
)

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'coverage/', 'node_modules/', 'example/', '.tools/', 'bench/work/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: nodeGlobals },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error'
    }
  },
  {
    // Builtins that a run loads only when it needs them (src/lazy-builtin.ts): a static import would load
    // them at start-up, where a re-run that moves nothing pays for them (node:tls ~20 ms of CPU, node:crypto
    // ~9 ms). Archive and ostree transports are chunks of their own, loaded when opened.
    files: ['src/**/*.ts'],
    ignores: [
      'src/transports/ostree/**',
      'src/transports/docker-archive/**',
      'src/transports/oci-archive/**'
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['node:crypto', 'node:tls', 'node:https', 'node:zlib', 'node:v8', 'node:vm'].map(name => ({
            name,
            message: 'load it on first use through src/lazy-builtin.ts',
            allowTypeImports: true
          }))
        }
      ]
    }
  }
)
