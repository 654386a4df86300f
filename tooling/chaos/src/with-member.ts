/**
 * `real` with one member replaced. Everything else is `real`'s own, whatever its contract grows
 * to, and its methods run on `real` itself (private fields included).
 */
export function withMember<T extends object, K extends keyof T>(real: T, name: K, replacement: T[K]): T {
  return new Proxy(real, {
    get(target, property) {
      if (property === name) return replacement;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
