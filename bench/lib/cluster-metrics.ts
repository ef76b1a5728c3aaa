/** Agreement between a clustering and reference labels: purity and normalised mutual information. */

/** Share of items whose cluster's majority label is their own label. */
export function purity(labels: readonly string[], clusters: readonly string[]): number {
  const byCluster = new Map<string, Map<string, number>>();
  labels.forEach((label, index) => {
    const cluster = clusters[index]!;
    const counts = byCluster.get(cluster) ?? new Map<string, number>();
    counts.set(label, (counts.get(label) ?? 0) + 1);
    byCluster.set(cluster, counts);
  });
  let majority = 0;
  for (const counts of byCluster.values()) majority += Math.max(...counts.values());
  return labels.length === 0 ? 0 : majority / labels.length;
}

/** NMI with the geometric-mean normalisation: 1 for identical partitions, 0 for independent ones. */
export function nmi(labels: readonly string[], clusters: readonly string[]): number {
  const n = labels.length;
  const labelCounts = countOf(labels);
  const clusterCounts = countOf(clusters);
  const joint = countOf(labels.map((label, index) => `${label}\u0000${clusters[index]}`));
  let mutual = 0;
  for (const [key, count] of joint) {
    const [label, cluster] = key.split('\u0000') as [string, string];
    mutual +=
      (count / n) * Math.log((count * n) / (labelCounts.get(label)! * clusterCounts.get(cluster)!));
  }
  const entropy = (counts: Map<string, number>) =>
    -[...counts.values()].reduce((sum, count) => sum + (count / n) * Math.log(count / n), 0);
  const norm = Math.sqrt(entropy(labelCounts) * entropy(clusterCounts));
  return norm === 0 ? 0 : mutual / norm;
}

function countOf(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** A small deterministic generator (mulberry32), so synthetic data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}
