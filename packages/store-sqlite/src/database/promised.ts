/** Runs a synchronous read as a promise, so a failure (a closed database) rejects instead of throwing at the call. */
export function promised<T>(read: () => T): Promise<T> {
  try {
    return Promise.resolve(read());
  } catch (error) {
    return Promise.reject(error);
  }
}
