import { describe, expect, it } from 'vitest';
import { assertSettings, settingProblems } from './settings';

describe('settings checked at start', () => {
  it('accepts no settings and good ones, fractional sizes included', () => {
    expect(settingProblems({})).toEqual([]);
    expect(
      settingProblems({
        STRIX_RESULTS_MB: '0.3',
        STRIX_KEEP_MB: '2048',
        STRIX_KEEP_RESULTS: '10',
        STRIX_MAX_QUEUED: '0',
        STRIX_ALLOW_USER_ENDPOINTS: '1',
        STRIX_SAM_ENCODER: 'INT8',
        STRIX_SAM_DECODER: 'auto',
        STRIX_DETECTOR: 'yolov5s',
      }),
    ).toEqual([]);
    expect(
      settingProblems({ DATABASE_URL: 'postgres://strix:pw@db:5432/strix', REDIS_URL: 'redis://queue:6379' }),
    ).toEqual([]);
  });

  it.each([
    ['STRIX_RESULTS_MB', '-1'],
    ['STRIX_KEEP_MB', 'lots'],
    ['STRIX_KEEP_RESULTS', '2.5'],
    ['STRIX_MAX_QUEUED', 'four'],
    ['STRIX_WORKERS', '0'],
    ['ORT_THREADS', '1e3x'],
    ['ORT_SPINNING', 'on'],
    ['STRIX_SIDE_THREAD', 'yes'],
    ['STRIX_ALLOW_USER_ENDPOINTS', 'true'],
    ['STRIX_ENDPOINT_GROUNDING', 'maybe'],
    ['STRIX_SAM_DECODER', 'fast'],
    ['STRIX_DETECTOR', 'yolov8'],
    ['DATABASE_URL', 'mysql://db/strix'],
    ['REDIS_URL', '127.0.0.1:6379'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => assertSettings({ [name]: value })).toThrow(new RegExp(`${name} is "${value.replace('.', '\\.')}"`));
  });

  it('names a half-set endpoint', () => {
    expect(settingProblems({ STRIX_ENDPOINT_MODEL: 'm' })[0]).toMatch(/STRIX_ENDPOINT_BASE_URL/);
  });
});
