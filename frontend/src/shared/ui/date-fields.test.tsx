import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/test/render';
import { DateField, eraOfYear, isValidDate, isValidDateTime, isValidMonth, isValidTime, TimeField } from './date-fields';

describe('date-field values', () => {
  it.each([
    ['2026-12-10', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026--', false],
    ['', false],
  ])('isValidDate(%s) is %s', (value, valid) => expect(isValidDate(value)).toBe(valid));

  it('months, times and date-times', () => {
    expect(isValidMonth('2026-12')).toBe(true);
    expect(isValidMonth('2026-00')).toBe(false);
    expect(isValidTime('23:59')).toBe(true);
    expect(isValidTime('24:00')).toBe(false);
    expect(isValidTime('14:')).toBe(false);
    expect(isValidDateTime('2026-12-10T14:00')).toBe(true);
    expect(isValidDateTime('2026-12-10T')).toBe(false);
    expect(isValidDateTime('2026-02-30T14:00')).toBe(false);
  });

  it.each([
    [2026, '令和8年'],
    [1989, '昭和64年／平成元年'],
    [2019, '平成31年／令和元年'],
    [1944, '昭和19年'],
    [1912, '明治45年／大正元年'],
  ])('eraOfYear(%i) is %s', (year, era) => expect(eraOfYear(year)).toBe(era));
});

function Harness({ initial, max }: { initial: string; max?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <span id="d-label">生年月日</span>
      <DateField id="d" value={value} onChange={setValue} fromYear={1940} max={max} />
      <output data-testid="value">{value}</output>
      <span id="t-label">開始時刻</span>
      <TimeField id="t" value="14:00" onChange={() => {}} />
    </>
  );
}

describe('DateField', () => {
  it('offers years with 和暦 and gives the value as YYYY-MM-DD', async () => {
    const { user } = renderApp(<Harness initial="" />);
    const group = screen.getByRole('group', { name: '生年月日' });
    expect(screen.getByRole('option', { name: '1944年（昭和19年）' })).toBeTruthy();
    const [year, month, day] = group.querySelectorAll('select');
    await user.selectOptions(year!, '1944');
    expect(screen.getByTestId('value').textContent).toBe('1944--');
    await user.selectOptions(month!, '05');
    await user.selectOptions(day!, '02');
    expect(screen.getByTestId('value').textContent).toBe('1944-05-02');
    expect(screen.getByText('昭和19年5月2日（火）')).toBeTruthy();
  });

  it('says at once that a day does not exist, and that one is too late', () => {
    const { unmount } = renderApp(<Harness initial="2026-02-30" />);
    expect(screen.getByText('2026年2月30日は存在しない日付です。')).toBeTruthy();
    unmount();
    renderApp(<Harness initial="2026-12-20" max="2026-12-10" />);
    expect(screen.getByText('2026年12月10日以前を選んでください。')).toBeTruthy();
  });

  it('shows times in 24 hours', () => {
    renderApp(<Harness initial="" />);
    const group = screen.getByRole('group', { name: '開始時刻' });
    const [hour, minute] = group.querySelectorAll('select');
    expect(hour!.value).toBe('14');
    expect(minute!.value).toBe('00');
    expect(hour!.options).toHaveLength(25); // --, 00 … 23
  });
});
