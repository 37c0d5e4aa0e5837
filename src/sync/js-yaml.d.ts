// js-yaml 3 (a devDependency; it ships no types): the one call the harness makes. safeLoad reads
// YAML 1.2 core types only (no !!js/* tags), which is all action.yml and the README's workflows use.
declare module 'js-yaml' {
  const yaml: { safeLoad(text: string, options?: { filename?: string }): unknown }
  export default yaml
}
