// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  dateTimeInputToIso,
  eraYearOf,
  formatDateTime,
  formatMonth,
  formatWareki,
  nowForDateTimeInput,
  todayForDateInput,
} from './datetime';

// The test process runs in America/Los_Angeles (vitest.config.ts): every result below is Tokyo's.
describe('datetime (Asia/Tokyo whatever the machine)', () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    ['2026-11-26T01:10:00Z', '2026/11/26 10:10'],
    ['2026-12-31T15:00:00Z', '2027/01/01 00:00'],
    ['2026-06-30T23:59:00+09:00', '2026/06/30 23:59'],
  ])('formatDateTime(%s) is %s', (iso, shown) => {
    expect(formatDateTime(iso)).toBe(shown);
  });

  it.each([
    ['2026-12', '令和8年'],
    ['2019-04', '平成31年'],
    ['2019-05', '令和元年'],
    ['2019-04-30', '平成31年'],
    ['2019-05-01', '令和元年'],
    ['not a month', ''],
  ])('eraYearOf(%s) is %s', (day, era) => {
    expect(eraYearOf(day)).toBe(era);
  });

  it.each([
    ['2026-11-26T00:00:00+09:00', '令和8年11月26日'],
    ['2019-04-30T12:00:00+09:00', '平成31年4月30日'],
    ['2019-05-01T12:00:00+09:00', '令和元年5月1日'],
    ['1989-01-07T12:00:00+09:00', '昭和64年1月7日'],
    ['1989-01-08T12:00:00+09:00', '平成元年1月8日'],
    // Still 30 April in UTC, already 1 May (令和) in Tokyo.
    ['2019-04-30T15:30:00Z', '令和元年5月1日'],
  ])('formatWareki(%s) is %s', (iso, shown) => {
    expect(formatWareki(iso)).toBe(shown);
  });

  it('formatMonth says 和暦 in Japanese and the month name in English', () => {
    expect(formatMonth('2026-12', 'ja')).toBe('令和8年12月');
    expect(formatMonth('2026-12-10', 'ja')).toBe('令和8年12月');
    expect(formatMonth('2026-12', 'en')).toBe('December 2026');
    expect(formatMonth('not a month', 'ja')).toBe('not a month');
  });

  it('now and today are Tokyo’s, not the machine’s', () => {
    vi.useFakeTimers();
    // 23:30 on 9 December in Los Angeles is 16:30 on 10 December in Tokyo.
    vi.setSystemTime(new Date('2026-12-10T07:30:00Z'));
    expect(nowForDateTimeInput()).toBe('2026-12-10T16:30');
    expect(todayForDateInput()).toBe('2026-12-10');
  });

  it('a datetime-local value is read as Tokyo time', () => {
    expect(dateTimeInputToIso('2026-12-10T14:00')).toBe('2026-12-10T14:00:00+09:00');
    expect(dateTimeInputToIso('2026-12-10T14:00:30')).toBe('2026-12-10T14:00:30+09:00');
    expect(dateTimeInputToIso('')).toBeNull();
  });
});
