import { z } from 'zod';
import { dateIssue, type SentAs } from '@/shared/forms/zod-form';
import { todayForDateInput } from '@/shared/utils/datetime';
import type { NewMember, Relationship, TriageCreate, TriageOutcome } from '../api/triage';
import { relationships } from '@/features/cases/api/types';

// Records rather than arrays: a value added to the API is then a type error here.
const outcomeOrder: Record<TriageOutcome, true> = {
  info_closed: true,
  referral: true,
  welfare_office: true,
  link_case: true,
  new_case: true,
};
export const outcomes = Object.keys(outcomeOrder) as TriageOutcome[];
export const UNASSIGNED = 'unassigned';
// The server refuses these without an area; anonymous reports arrive with none.
export const NEEDS_AREA: TriageOutcome[] = ['referral', 'link_case', 'new_case'];

// The household relationships in the order the case screens offer them (one list for both).
export { relationships };

export type MemberSex = '' | 'female' | 'male' | 'other' | 'unknown';
const sexOrder: Record<Exclude<MemberSex, ''>, true> = {
  female: true,
  male: true,
  other: true,
  unknown: true,
};
export const memberSexes = Object.keys(sexOrder) as Exclude<MemberSex, ''>[];

export type MemberDraft = {
  key: string;
  mode: 'new' | 'existing';
  personId: string;
  name: string;
  kana: string;
  birthDate: string;
  sex: MemberSex;
  address: string;
  phone: string;
  relationship: Relationship;
};

export type NewCaseDraft = {
  title: string;
  lead: string;
  householdName: string;
  members: MemberDraft[];
  primaryKey: string;
};

export type TriageFormValues = {
  outcome: TriageOutcome | null;
  note: string;
  area: string;
  agencyId: string;
  caseId: string;
  newCase: NewCaseDraft;
};

let memberCounter = 0;
export function emptyMember(relationship: Relationship = 'other_relative'): MemberDraft {
  memberCounter += 1;
  return {
    key: `m${memberCounter}`,
    mode: 'new',
    personId: '',
    name: '',
    kana: '',
    birthDate: '',
    sex: '',
    address: '',
    phone: '',
    relationship,
  };
}

// Messages are i18n keys: the same words as the app's other inline checks.
const REQUIRED = 'dateFields.validation.required';
const CHOOSE = 'dateFields.validation.choose';

const trimmedOrNull = (s: string) => s.trim() || null;

const member = z.object({
  key: z.string(),
  mode: z.enum(['new', 'existing']),
  personId: z.string(),
  name: z.string(),
  kana: z.string(),
  birthDate: z.string(),
  sex: z.enum(['', ...memberSexes]),
  address: z.string(),
  phone: z.string(),
  relationship: z.enum(relationships as [Relationship, ...Relationship[]]),
});

/** Where the outcome asks for the area: shown for an unassigned consultation and for a new case. */
export function showsArea(outcome: TriageOutcome | null, unassigned: boolean): boolean {
  return outcome !== null && (unassigned || outcome === 'new_case');
}

/**
 * The triage form's rules and the POST …/{id}/triage body it makes. Only what the chosen
 * outcome uses is checked and sent (a case picked, then 新規ケース chosen, sends no case_id).
 */
export function triageSchema({ unassigned }: { unassigned: boolean }) {
  return z
    .object({
      outcome: z.enum(outcomes as [TriageOutcome, ...TriageOutcome[]]).nullable(),
      note: z.string(),
      area: z.string(),
      agencyId: z.string(),
      caseId: z.string(),
      newCase: z.object({
        title: z.string(),
        lead: z.string(),
        householdName: z.string(),
        members: z.array(member),
        primaryKey: z.string(),
      }),
    })
    .superRefine((v, ctx) => {
      const need = (ok: boolean, path: (string | number)[], message: string) => {
        if (!ok) ctx.addIssue({ code: 'custom', path, message });
      };
      need(v.outcome !== null, ['outcome'], CHOOSE);
      if (v.outcome === null) return;
      const areaShown = showsArea(v.outcome, unassigned);
      if (areaShown && NEEDS_AREA.includes(v.outcome)) {
        need(v.area !== '' && v.area !== UNASSIGNED, ['area'], CHOOSE);
      }
      if (v.outcome === 'referral') need(v.agencyId !== '', ['agencyId'], CHOOSE);
      if (v.outcome === 'link_case') need(v.caseId !== '', ['caseId'], CHOOSE);
      if (v.outcome !== 'new_case') return;
      need(v.newCase.title.trim() !== '', ['newCase', 'title'], REQUIRED);
      v.newCase.members.forEach((m, i) => {
        const at = (field: string) => ['newCase', 'members', i, field];
        if (m.mode === 'existing') {
          need(m.personId !== '', at('personId'), CHOOSE);
          return;
        }
        need(m.name.trim() !== '', at('name'), REQUIRED);
        const birth = dateIssue(m.birthDate, todayForDateInput());
        if (birth) ctx.addIssue({ code: 'custom', path: at('birthDate'), message: birth });
      });
    })
    .transform((v) => {
      const outcome = v.outcome as TriageOutcome;
      const body: TriageCreate = { outcome, note: trimmedOrNull(v.note) };
      if (showsArea(outcome, unassigned) && v.area) body.area = v.area;
      if (outcome === 'referral') body.agency_id = v.agencyId;
      if (outcome === 'link_case') body.case_id = v.caseId;
      if (outcome === 'new_case') {
        const d = v.newCase;
        body.new_case = {
          title: d.title.trim(),
          lead_username: trimmedOrNull(d.lead),
          household_name: trimmedOrNull(d.householdName),
          members: d.members.map(
            (m): NewMember =>
              m.mode === 'existing'
                ? { person_id: m.personId, relationship: m.relationship, is_primary: d.primaryKey === m.key }
                : {
                    name: m.name.trim(),
                    name_kana: trimmedOrNull(m.kana),
                    birth_date: m.birthDate || null,
                    sex: m.sex || null,
                    address: trimmedOrNull(m.address),
                    phone: trimmedOrNull(m.phone),
                    relationship: m.relationship,
                    is_primary: d.primaryKey === m.key,
                  },
          ),
        };
      }
      return body;
    });
}

/** The body the form sends, checked against the API's TriageCreate at compile time. */
export type TriageSent = SentAs<TriageCreate, z.output<ReturnType<typeof triageSchema>>>;
/** …and the form's values are what the schema reads. */
export type TriageValuesChecked = SentAs<z.input<ReturnType<typeof triageSchema>>, TriageFormValues>;
