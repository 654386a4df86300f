import { describe, expect, it } from 'vitest';
import { ApiKeyRing, type ApiKeyRingOptions } from '../../src/auth/index.js';
import { Redactor } from '../../src/redaction/index.js';
import { FakeClock, MemoryTelemetrySink } from '../../src/testing.js';

const OLD = { id: 'key_2026_05', secret: 'sk_live_old_0123456789' };
const NEW = { id: 'key_2026_11', secret: 'sk_live_new_9876543210' };

function ring(keys: ApiKeyRingOptions['keys'] = [OLD]) {
  const clock = new FakeClock();
  const telemetry = new MemoryTelemetrySink();
  const redactor = new Redactor();
  const keyRing = new ApiKeyRing({ provider: 'stripe', keys, clock, emit: (e) => telemetry.emit(e), secrets: redactor });
  return { keyRing, telemetry, redactor, clock };
}

describe('ApiKeyRing', () => {
  it('uses the first key as current', () => {
    const { keyRing } = ring([NEW, OLD]);
    expect(keyRing.current()).toEqual(NEW);
    expect(keyRing.list()).toEqual([
      { id: NEW.id, current: true },
      { id: OLD.id, current: false },
    ]);
  });

  it('rejects an empty ring, more than two keys and duplicate ids', () => {
    const clock = new FakeClock();
    expect(() => new ApiKeyRing({ provider: 'p', keys: [], clock })).toThrow(TypeError);
    expect(() => new ApiKeyRing({ provider: 'p', keys: [OLD, NEW, { id: 'c', secret: 'c' }], clock })).toThrow(/one or two keys/);
    expect(() => new ApiKeyRing({ provider: 'p', keys: [OLD, { ...OLD }], clock })).toThrow(/Duplicate/);
  });

  it('makes the rotated-in key current and keeps the old one valid', () => {
    const { keyRing, telemetry, clock } = ring();
    keyRing.rotate(NEW);
    expect(keyRing.current()).toEqual(NEW);
    expect(keyRing.list()).toEqual([
      { id: NEW.id, current: true },
      { id: OLD.id, current: false },
    ]);
    expect(telemetry.ofType('auth.key_switched')).toEqual([
      { type: 'auth.key_switched', at: clock.now(), provider: 'stripe', fromKeyId: OLD.id, toKeyId: NEW.id, reason: 'rotated' },
    ]);
  });

  it('refuses a third key until one is retired', () => {
    const { keyRing } = ring([NEW, OLD]);
    expect(() => keyRing.rotate({ id: 'key_2027_05', secret: 'sk_live_third_000000' })).toThrow(/retire one before rotating/);
    keyRing.retire(OLD.id);
    keyRing.rotate({ id: 'key_2027_05', secret: 'sk_live_third_000000' });
    expect(keyRing.current().id).toBe('key_2027_05');
  });

  it('refuses to rotate to the key already held', () => {
    const { keyRing } = ring();
    expect(() => keyRing.rotate({ ...OLD })).toThrow(/already held/);
  });

  it('retires the old key without changing current', () => {
    const { keyRing, telemetry } = ring([NEW, OLD]);
    keyRing.retire(OLD.id);
    expect(keyRing.list()).toEqual([{ id: NEW.id, current: true }]);
    expect(telemetry.events).toEqual([]);
  });

  it('switches to the remaining key when the current one is retired', () => {
    const { keyRing, telemetry } = ring([NEW, OLD]);
    keyRing.retire(NEW.id);
    expect(keyRing.current()).toEqual(OLD);
    expect(telemetry.ofType('auth.key_switched')[0]).toMatchObject({ fromKeyId: NEW.id, toKeyId: OLD.id, reason: 'retired' });
  });

  it('refuses to retire the only key or one it does not hold', () => {
    const { keyRing } = ring();
    expect(() => keyRing.retire(OLD.id)).toThrow(/only key/);
    expect(() => keyRing.retire('nope')).toThrow(/not held/);
  });

  it('switches to the other key when the current one is rejected', () => {
    const { keyRing, telemetry } = ring([NEW, OLD]);
    expect(keyRing.reportRejected(NEW.id)).toEqual(OLD);
    expect(keyRing.current()).toEqual(OLD);
    expect(keyRing.list()).toEqual([
      { id: OLD.id, current: true },
      { id: NEW.id, current: false },
    ]);
    expect(telemetry.ofType('auth.key_switched')).toMatchObject([{ fromKeyId: NEW.id, toKeyId: OLD.id, reason: 'rejected' }]);
  });

  it('answers late rejections of a key already switched away from with the current key, without another switch', () => {
    const { keyRing, telemetry } = ring([NEW, OLD]);
    keyRing.reportRejected(NEW.id);
    expect(keyRing.reportRejected(NEW.id)).toEqual(OLD);
    keyRing.retire(NEW.id);
    expect(keyRing.reportRejected(NEW.id)).toEqual(OLD);
    expect(telemetry.ofType('auth.key_switched')).toHaveLength(1);
  });

  it('has nothing to offer when its only key is rejected', () => {
    const { keyRing, telemetry } = ring();
    expect(keyRing.reportRejected(OLD.id)).toBeUndefined();
    expect(keyRing.current()).toEqual(OLD);
    expect(telemetry.events).toEqual([]);
  });

  it('registers every secret it is given, and keeps them out of errors and events', () => {
    const { keyRing, telemetry, redactor } = ring([OLD]);
    const third = { id: 'key_x', secret: 'sk_live_third_000000' };
    keyRing.rotate(NEW);
    expect(() => keyRing.rotate(third)).toThrow(TypeError);
    keyRing.reportRejected(NEW.id);
    for (const secret of [OLD.secret, NEW.secret, third.secret]) {
      expect(redactor.string(`x ${secret} x`)).toBe('x [REDACTED] x');
      expect(JSON.stringify(telemetry.events)).not.toContain(secret);
    }
    const messages = [() => keyRing.rotate(third), () => keyRing.retire('missing'), () => new ApiKeyRing({ provider: 'p', keys: [OLD, OLD], clock: new FakeClock() })].map(
      (fn) => {
        try {
          fn();
        } catch (error) {
          return (error as Error).message;
        }
        return '';
      },
    );
    for (const message of messages) {
      expect(message).not.toBe('');
      expect(message).not.toContain(OLD.secret);
      expect(message).not.toContain(third.secret);
    }
  });
});
