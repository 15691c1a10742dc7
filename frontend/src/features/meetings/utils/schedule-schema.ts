import { z } from 'zod';
import { dateIssue, type SentAs } from '@/shared/forms/zod-form';
import { isValidTime } from '@/shared/ui/date-fields';
import type { ScheduleRequest } from '../api/schedule-meeting';
import { bodyTypes, type BodyType } from '../api/types';
import { splitUsernames } from '../components/participants-field';
import { ruleOf, type RuleChoice } from './rrule';
import { tokyoIso, type Day } from './tokyo';

export type RuleMode = 'body' | 'monthlyNth' | 'weekly' | 'biweekly' | 'monthlyDay' | 'custom';
export const RULE_MODES: RuleMode[] = ['body', 'monthlyNth', 'weekly', 'biweekly', 'monthlyDay', 'custom'];

export type ScheduleValues = {
  bodyId: string;
  bodyType: BodyType;
  title: string;
  repeat: 'single' | 'series';
  day: Day;
  start: string;
  end: string;
  ruleMode: RuleMode;
  nth: number;
  weekday: number;
  monthDay: number;
  customRule: string;
  count: string;
  place: string;
  onlineUrl: string;
  /** The body's members ticked as participants. */
  checked: string[];
  /** Other participants' usernames, typed. */
  extra: string;
};

/** The rule the chosen mode stands for (null for the body's own, which the server applies). */
export function choiceOf(v: Pick<ScheduleValues, 'ruleMode' | 'nth' | 'weekday' | 'monthDay' | 'customRule'>): RuleChoice | null {
  switch (v.ruleMode) {
    case 'monthlyNth':
      return { kind: 'monthlyNth', nth: v.nth, weekday: v.weekday };
    case 'weekly':
    case 'biweekly':
      return { kind: 'weekly', interval: v.ruleMode === 'biweekly' ? 2 : 1, weekday: v.weekday };
    case 'monthlyDay':
      return { kind: 'monthlyDay', monthDay: v.monthDay };
    case 'custom':
      return { kind: 'custom', rule: v.customRule };
    default:
      return null;
  }
}

// Messages are i18n keys, the app's inline words; "key|{json}" carries the values of one.
const REQUIRED = 'dateFields.validation.required';
const CHOOSE = 'dateFields.validation.choose';
const between = (min: number, max: number, n: number) =>
  n < min ? `dateFields.validation.min|${JSON.stringify({ min })}` : n > max ? `dateFields.validation.max|${JSON.stringify({ max })}` : null;

function timeIssue(value: string): string | null {
  if (!value) return CHOOSE;
  return isValidTime(value) ? null : 'dateFields.incomplete.time';
}

function isWebAddress(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * 「会議を予定する」's rules and the request it makes: one meeting (POST /meetings) or a series
 * (POST /meetings/series). The first send never confirms a clash; the user does, after seeing it.
 */
export function scheduleSchema() {
  return z
    .object({
      bodyId: z.string(),
      bodyType: z.enum(bodyTypes as [BodyType, ...BodyType[]]),
      title: z.string(),
      repeat: z.enum(['single', 'series']),
      day: z.string(),
      start: z.string(),
      end: z.string(),
      ruleMode: z.enum(RULE_MODES as [RuleMode, ...RuleMode[]]),
      nth: z.number(),
      weekday: z.number(),
      monthDay: z.number(),
      customRule: z.string(),
      count: z.string(),
      place: z.string(),
      onlineUrl: z.string(),
      checked: z.array(z.string()),
      extra: z.string(),
    })
    // One check over the whole form, so that every problem is said at once.
    .superRefine((v, ctx) => {
      const issue = (path: string, message: string | null) => {
        if (message) ctx.addIssue({ code: 'custom', path: [path], message });
      };
      issue('title', !v.bodyId && !v.title.trim() ? REQUIRED : null);
      issue('day', v.day ? dateIssue(v.day) : CHOOSE);
      issue('start', timeIssue(v.start));
      issue('end', timeIssue(v.end));
      const url = v.onlineUrl.trim();
      issue('onlineUrl', url && !isWebAddress(url) ? 'dateFields.validation.url' : null);
      if (v.repeat !== 'series') return;
      issue('count', v.count.trim() === '' ? REQUIRED : between(1, 60, Number(v.count)));
      if (v.ruleMode === 'monthlyDay') issue('monthDay', between(1, 31, v.monthDay));
      if (v.ruleMode === 'custom') issue('customRule', v.customRule.trim() ? null : REQUIRED);
    })
    .transform((v) => {
      const participants = [...new Set([...v.checked, ...splitUsernames(v.extra)])];
      const common = {
        body_id: v.bodyId || null,
        ...(v.bodyId ? {} : { body_type: v.bodyType }),
        title: v.title.trim() || null,
        starts_at: tokyoIso(v.day, v.start),
        ends_at: tokyoIso(v.day, v.end),
        place: v.place.trim() || null,
        online_url: v.onlineUrl.trim() || null,
        participants,
        confirm_clash: false,
      };
      if (v.repeat === 'single') return { kind: 'single' as const, body: common };
      const choice = choiceOf(v);
      return {
        kind: 'series' as const,
        body: {
          ...common,
          rrule: v.ruleMode === 'body' || !choice ? null : ruleOf(choice),
          count: Number(v.count) || null,
        },
      };
    });
}

/** The request the form makes, checked against the API's MeetingCreate / SeriesCreate at compile time. */
export type ScheduleSent = SentAs<ScheduleRequest, z.output<ReturnType<typeof scheduleSchema>>>;
/** …and the form's values are what the schema reads. */
export type ScheduleValuesChecked = SentAs<z.input<ReturnType<typeof scheduleSchema>>, ScheduleValues>;
