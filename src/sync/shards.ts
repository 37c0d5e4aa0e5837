// Splitting jobs into N shards of about the same weight, deterministically: the same listing and
// weights give every shard the same split (jobs sorted by weight, heaviest first, ties by source
// name; each to the lightest shard so far, ties to the lowest number).

export interface Weighed {
  key: string
  weight: number
}

/** For each job (in the given order), its shard, 1-based. */
export function assignShards(jobs: Weighed[], count: number): number[] {
  const order = jobs
    .map((j, i) => ({ ...j, i }))
    .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
  const load = new Array<number>(count).fill(0)
  const shard = new Array<number>(jobs.length)
  for (const j of order) {
    let lightest = 0
    for (let s = 1; s < count; s++) if (load[s] < load[lightest]) lightest = s
    load[lightest] += j.weight
    shard[j.i] = lightest + 1
  }
  return shard
}

/** `strategy.matrix` of N shards: {"shard":["1/3","2/3","3/3"]}. */
export function shardMatrix(count: number): { shard: string[] } {
  return { shard: Array.from({ length: count }, (_, i) => `${i + 1}/${count}`) }
}
