// @vitest-environment node
import { describe, expect, it } from 'vitest';
import i18n from '@/shared/i18n';
import { describeRule, hasOnlyPlainParts, normaliseRule, ruleParts } from './rrule';

const t = i18n.getFixedT('ja');

describe('RRULE in plain words', () => {
  it.each([
    [null, 'なし'],
    ['FREQ=MONTHLY;BYDAY=2TU', '毎月第2火曜日'],
    ['rrule:freq=monthly;byday=-1fr', '毎月最終金曜日'],
    ['FREQ=MONTHLY;INTERVAL=2;BYDAY=3FR', '隔月第3金曜日'],
    ['FREQ=MONTHLY;BYMONTHDAY=15', '毎月15日'],
    ['FREQ=WEEKLY;BYDAY=WE', '毎週水曜日'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '隔週月曜日'],
    // No plain reading: the rule itself.
    ['FREQ=DAILY;COUNT=5', 'FREQ=DAILY;COUNT=5'],
    ['FREQ=WEEKLY;INTERVAL=3;BYDAY=MO', 'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO'],
  ])('%s reads 「%s」', (rule, words) => {
    expect(describeRule(rule, t)).toBe(words);
  });

  it('a typed rule is stored upper case without "RRULE:"', () => {
    expect(normaliseRule('  rrule:freq=weekly;byday=tu ')).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect(ruleParts('FREQ=MONTHLY;BYDAY=2TU')).toEqual({ FREQ: 'MONTHLY', BYDAY: '2TU' });
    expect(hasOnlyPlainParts({ FREQ: 'MONTHLY', BYDAY: '2TU' })).toBe(true);
    expect(hasOnlyPlainParts({ FREQ: 'MONTHLY', UNTIL: '20270331' })).toBe(false);
  });
});
