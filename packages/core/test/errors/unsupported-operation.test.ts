import { describe, expect, it } from 'vitest';
import { OPERATION_UNSUPPORTED, unsupportedList, unsupportedOperation } from '../../src/index.js';

describe('an operation a connector does not implement', () => {
  it('is refused as invalid_request, never retried, known not to have reached the provider, with one reason for every connector', () => {
    const error = unsupportedOperation('acme', 'quote', 'its spec is not pinned');
    expect(error).toMatchObject({ kind: 'invalid_request', retryable: false, requestMayHaveReachedProvider: false, reason: OPERATION_UNSUPPORTED, provider: 'acme', endpoint: 'quote' });
    expect(error.message).toBe('acme: quote is not supported (its spec is not pinned)');
  });

  it('as a list, refuses when it is read, not when it is made', async () => {
    const list = unsupportedList<number>('acme', 'listAll', 'tracking only');
    const read = async (): Promise<number[]> => {
      const items: number[] = [];
      for await (const item of list) items.push(item);
      return items;
    };
    await expect(read()).rejects.toMatchObject({ reason: OPERATION_UNSUPPORTED, endpoint: 'listAll' });
  });
});
