// js-yaml 3 (it ships no types): the one call we make (src/sync/sync-file.ts, and the test harness). safeLoad
// reads YAML 1.2 core types only (no !!js/* tags), which is all sync files, action.yml and the README's workflows use.
declare module 'js-yaml' {
  const yaml: { safeLoad(text: string, options?: { filename?: string }): unknown }
  export default yaml
}
