// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { ageOn, parseBirthDate, warekiOfDate } from './birth-date';

describe('birth dates as the desk writes them', () => {
  it.each([
    ['1944-05-02', '1944-05-02'],
    ['1944/5/2', '1944-05-02'],
    ['19440502', '1944-05-02'],
    ['1944年5月2日', '1944-05-02'],
    ['昭和19年5月2日', '1944-05-02'],
    ['S19.5.2', '1944-05-02'],
    ['s19.5.2', '1944-05-02'],
    ['平成元年1月8日', '1989-01-08'],
    ['Ｈ１．１．８', '1989-01-08'], // full-width
    ['令和元年5月1日', '2019-05-01'],
    ['大正15年12月24日', '1926-12-24'],
  ])('%s is %s', (typed, iso) => {
    expect(parseBirthDate(typed)).toEqual({ kind: 'ok', iso });
  });

  it.each(['昭和64年1月8日', '平成31年5月1日', '1944-02-30', '昭和0年1月1日', 'そのうち'])(
    '%s cannot be a birth date',
    (typed) => expect(parseBirthDate(typed)).toEqual({ kind: 'invalid' }),
  );

  it('empty and future dates are told apart', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-10T03:00:00Z'));
    expect(parseBirthDate('  ')).toEqual({ kind: 'empty' });
    expect(parseBirthDate('2026-12-11')).toEqual({ kind: 'future' });
    expect(parseBirthDate('令和8年12月10日')).toEqual({ kind: 'ok', iso: '2026-12-10' });
    vi.useRealTimers();
  });

  it('age in full years, and 和暦', () => {
    expect(ageOn('1944-05-02', '2026-05-01')).toBe(81);
    expect(ageOn('1944-05-02', '2026-05-02')).toBe(82);
    expect(warekiOfDate('1944-05-02')).toBe('昭和19年5月2日');
  });
});
