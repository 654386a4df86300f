/**
 * The most arrivals that fall in any interval of `windowMs`: what a provider counting with a
 * sliding window would see. `arrivals` need not be sorted.
 */
export function maxInAnyWindow(arrivals: readonly number[], windowMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}
