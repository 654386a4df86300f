/** Razorpay's Unix seconds (`created_at`, `settled_at`) as epoch milliseconds. */
export function instantFromWire(seconds: number): number {
  return seconds * 1000;
}
