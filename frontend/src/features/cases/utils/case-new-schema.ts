import { z } from 'zod';
import { dateIssue, type SentAs } from '@/shared/forms/zod-form';
import type { OpenCaseInput } from '../api/open-case';
import { relationships, type Relationship } from '../api/types';

export type MemberRow = {
  key: number;
  name: string;
  kana: string;
  birthDate: string;
  relationship: Relationship;
};

export type CaseNewValues = {
  members: MemberRow[];
  primaryKey: number;
  /** null until typed: until then the title follows the first member's family name. */
  title: string | null;
  /** null until chosen: until then the user's own area. */
  area: string | null;
  /** null until chosen: until then a CSW leads their own case. */
  lead: string | null;
};

export const blankMember = (key: number, relationship: Relationship): MemberRow => ({
  key,
  name: '',
  kana: '',
  birthDate: '',
  relationship,
});

// Messages are i18n keys: the same words as the app's other inline checks.
const REQUIRED = 'dateFields.validation.required';
const CHOOSE = 'dateFields.validation.choose';

type Defaults = {
  /** The title the form shows while the user has not typed one, from the first member's name. */
  titleFor: (firstMemberName: string) => string;
  area: string;
  lead: string;
  /** Today in Tokyo: no one is born later. */
  today: string;
};

/** 「ケースを開始」's rules and what it sends: the household with its members, then the case on it. */
export function caseNewSchema(defaults: Defaults) {
  const titleOf = (v: { title: string | null; members: { name: string }[] }) =>
    (v.title ?? defaults.titleFor(v.members[0]?.name ?? '')).trim();
  return z
    .object({
      members: z.array(
        z.object({
          key: z.number(),
          name: z.string(),
          kana: z.string(),
          birthDate: z.string(),
          relationship: z.enum(relationships as [Relationship, ...Relationship[]]),
        }),
      ),
      primaryKey: z.number(),
      title: z.string().nullable(),
      area: z.string().nullable(),
      lead: z.string().nullable(),
    })
    // One check over the whole form, so that every problem is said at once.
    .superRefine((v, ctx) => {
      const need = (ok: boolean, path: (string | number)[], message: string) => {
        if (!ok) ctx.addIssue({ code: 'custom', path, message });
      };
      v.members.forEach((row, i) => {
        need(row.name.trim() !== '', ['members', i, 'name'], REQUIRED);
        const birth = dateIssue(row.birthDate, defaults.today);
        if (birth) ctx.addIssue({ code: 'custom', path: ['members', i, 'birthDate'], message: birth });
      });
      need(titleOf(v) !== '', ['title'], REQUIRED);
      need((v.area ?? defaults.area) !== '', ['area'], CHOOSE);
    })
    .transform((v) => {
      const title = titleOf(v);
      const area = v.area ?? defaults.area;
      return {
        household: {
          name: title,
          area: area || null,
          members: v.members.map((row) => ({
            person: {
              name: row.name.trim(),
              name_kana: row.kana.trim() || null,
              birth_date: row.birthDate || null,
              area: area || null,
            },
            relationship: row.relationship,
            is_primary: row.key === v.primaryKey,
          })),
        },
        case: { title, area, lead_username: (v.lead ?? defaults.lead).trim() || null },
      };
    });
}

/** What the form sends, checked against the API's HouseholdCreate and CaseCreate at compile time. */
export type CaseNewSent = SentAs<OpenCaseInput, z.output<ReturnType<typeof caseNewSchema>>>;
/** …and the form's values are what the schema reads. */
export type CaseNewValuesChecked = SentAs<z.input<ReturnType<typeof caseNewSchema>>, CaseNewValues>;
