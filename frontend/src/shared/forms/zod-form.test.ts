// @vitest-environment node
import { describe, expect, it } from 'vitest';
import i18n from '@/shared/i18n';
import { DATE_INCOMPLETE, dateIssue, flatErrors, messageOf } from './zod-form';

const t = i18n.getFixedT('ja');

describe('form helpers', () => {
  it.each([
    ['', undefined, null],
    ['1944-05-02', undefined, null],
    ['1944--', undefined, DATE_INCOMPLETE],
    ['-05-02', undefined, DATE_INCOMPLETE],
    ['2026-02-30', undefined, 'dateFields.validation.invalid'],
    ['2026-12-11', '2026-12-10', 'dateFields.validation.invalid'],
    ['2026-12-10', '2026-12-10', null],
  ])('dateIssue(%s, max %s) is %s', (value, max, issue) => {
    expect(dateIssue(value, max)).toBe(issue);
  });

  it('a schema message is an i18n key, with values after "|"', () => {
    expect(messageOf(t, { message: 'validation.summaryRequired' })).toBe('相談内容を入力してください。');
    expect(messageOf(t, { message: 'dateFields.validation.min|{"min":1}' })).toBe('1以上にしてください。');
    expect(messageOf(t, undefined)).toBeUndefined();
  });

  it('nested field errors flatten to dotted paths', () => {
    const errors = {
      title: { type: 'custom', message: 'a' },
      members: [undefined, { name: { type: 'custom', message: 'b', ref: {} } }],
      consulter: { phone: { type: 'custom', message: 'c' } },
    };
    expect(flatErrors(errors as never)).toEqual({ title: 'a', 'members.1.name': 'b', 'consulter.phone': 'c' });
  });
});
