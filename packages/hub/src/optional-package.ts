/**
 * Loads a package the hub needs only for some configurations (an engine adapter, the
 * OpenTelemetry SDK). Those are optional peers, so a user who does not need one has not installed
 * it: a missing one is explained with the command that installs it, not thrown as a bare module error.
 */
export async function loadOptional<M>(packageName: string, neededFor: string, load: () => Promise<M>): Promise<M> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new TypeError(`${neededFor} needs ${packageName}, which is not installed: npm install ${packageName}`);
    }
    throw error;
  }
}
