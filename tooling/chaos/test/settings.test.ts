import { describe, expect, it } from 'vitest';
import { CI_SETTINGS, enginesFrom, settingsFrom } from '../src/settings.js';

describe('settings from the environment', () => {
  it('are CI’s when nothing is set, with a fresh seed each run', () => {
    const settings = settingsFrom({}, 'sqlite');
    expect(settings).toMatchObject({ engine: 'sqlite', kills: CI_SETTINGS.kills, midApplyKills: CI_SETTINGS.midApplyKills, payments: CI_SETTINGS.payments, leaseMs: CI_SETTINGS.leaseMs });
    expect(CI_SETTINGS.midApplyKills).toBeGreaterThan(0);
    expect(CI_SETTINGS.kills).toBeGreaterThanOrEqual(20);
    expect(Number.isSafeInteger(settings.seed)).toBe(true);
  });

  it('take the benchmark’s sizes and a seed to repeat', () => {
    expect(settingsFrom({ CHAOS_KILLS: '200', CHAOS_MID_APPLY_KILLS: '10', CHAOS_PAYMENTS: '4000', CHAOS_SEED: '7' }, 'postgres')).toMatchObject({ kills: 200, midApplyKills: 10, payments: 4_000, seed: 7 });
  });

  it('refuse a value that is not a whole number, naming the variable', () => {
    expect(() => settingsFrom({ CHAOS_KILLS: 'lots' }, 'sqlite')).toThrow('CHAOS_KILLS must be a whole number >= 0, got lots');
  });

  it('name every engine by default, or the ones CHAOS_ENGINES lists, and refuse an unknown one', () => {
    expect(enginesFrom({})).toEqual(['sqlite', 'postgres', 'postgres+bullmq']);
    expect(enginesFrom({ CHAOS_ENGINES: 'postgres+bullmq, sqlite' })).toEqual(['postgres+bullmq', 'sqlite']);
    expect(() => enginesFrom({ CHAOS_ENGINES: 'mysql' })).toThrow('CHAOS_ENGINES names mysql');
  });
});
