import { z } from 'zod';
import type { SentAs } from '@/shared/forms/zod-form';
import { isValidDateTime } from '@/shared/ui/date-fields';
import { dateTimeInputToIso, nowForDateTimeInput } from '@/shared/utils/datetime';
import type { ConsultationCreate } from '../api/create-consultation';
import { channels, type Channel } from '../api/get-consultations';
import { parseBirthDate } from './birth-date';
import {
  concerns,
  consulterRelations,
  intakeConsents,
  lifeRisks,
  sexes,
  type Concern,
  type ConsulterRelation,
  type IntakeConsent,
  type LifeRisk,
  type Sex,
} from './vocabulary';

// 匿名通報 arrives through the public form only; the desk records every other channel.
export type DeskChannel = Exclude<Channel, 'anonymous'>;
export const deskChannels = channels.filter((c): c is DeskChannel => c !== 'anonymous');
export const SUMMARY_MAX = 4000;

const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);
const optionalText = z.string().transform((s) => s.trim() || null);

/**
 * What the intake form holds while it is keyed in (and what its sessionStorage draft keeps):
 * the names are the draft's, so a draft saved before this schema still opens.
 */
export type ConsultationFormValues = {
  channel: DeskChannel;
  receivedAt: string;
  /** null until the user picks one: until then the user's own area is the default. */
  area: string | null;
  referrer: string;
  externalRef: string;
  consulterIsSelf: boolean;
  consulterRelation: ConsulterRelation;
  consulterName: string;
  consulterPhone: string;
  /** Whether the user chose who consulted (then the channel no longer suggests it). */
  consulterTouched: boolean;
  personName: string;
  personKana: string;
  personSex: Sex | '';
  birthDate: string;
  personAddress: string;
  personPhone: string;
  personEmail: string;
  concernList: Concern[];
  mainConcern: Concern | null;
  summary: string;
  risks: LifeRisk[];
  urgent: boolean;
  consent: IntakeConsent;
};

export function blankConsultation(): ConsultationFormValues {
  return {
    channel: deskChannels[0] ?? 'visit',
    receivedAt: nowForDateTimeInput(),
    area: null,
    referrer: '',
    externalRef: '',
    consulterIsSelf: true,
    consulterRelation: 'family',
    consulterName: '',
    consulterPhone: '',
    consulterTouched: false,
    personName: '',
    personKana: '',
    personSex: '',
    birthDate: '',
    personAddress: '',
    personPhone: '',
    personEmail: '',
    concernList: [],
    mainConcern: null,
    summary: '',
    risks: [],
    urgent: false,
    consent: 'not_asked',
  };
}

/**
 * The intake form's rules, and the POST /api/v1/consultations body it makes. `defaultArea` is
 * the user's own area, taken while they have not picked one. Messages are i18n keys.
 */
export function consultationSchema(defaultArea: string) {
  return z
    .object({
      channel: enumOf(deskChannels),
      // A half-chosen or impossible 受付日時 is said under the field itself (DateTimeField).
      receivedAt: z
        .string()
        .refine((v) => !v || isValidDateTime(v), 'dateFields.validation.summary'),
      area: z
        .string()
        .nullable()
        .transform((a) => a ?? defaultArea)
        .pipe(z.string().min(1, 'validation.areaRequired')),
      referrer: optionalText,
      externalRef: optionalText,
      consulterIsSelf: z.boolean(),
      consulterRelation: enumOf(consulterRelations),
      consulterName: optionalText,
      consulterPhone: optionalText,
      consulterTouched: z.boolean(),
      personName: optionalText,
      personKana: optionalText,
      personSex: z.union([enumOf(sexes), z.literal('')]).transform((s) => s || null),
      birthDate: z.string().transform((value, ctx) => {
        const birth = parseBirthDate(value);
        if (birth.kind === 'ok') return birth.iso;
        if (birth.kind === 'empty') return null;
        // BirthDateField says why under the field; the form as a whole says "check the entry".
        ctx.addIssue({ code: 'custom', message: 'consultations.form.invalid' });
        return z.NEVER;
      }),
      personAddress: optionalText,
      personPhone: optionalText,
      personEmail: optionalText,
      concernList: z.array(enumOf(concerns)),
      mainConcern: enumOf(concerns).nullable(),
      summary: z.string().trim().min(1, 'validation.summaryRequired'),
      risks: z.array(enumOf(lifeRisks)),
      urgent: z.boolean(),
      consent: enumOf(intakeConsents),
    })
    .transform((v) => {
      const isReferral = v.channel === 'referral';
      return {
        channel: v.channel,
        received_at: dateTimeInputToIso(v.receivedAt),
        area: v.area,
        summary: v.summary,
        // A life risk makes the consultation urgent whatever the checkbox says.
        urgent: v.urgent || v.risks.length > 0,
        risks: v.risks,
        concerns: v.concernList,
        main_concern: v.mainConcern,
        person_name: v.personName,
        person_kana: v.personKana,
        person_sex: v.personSex,
        person_birth_date: v.birthDate,
        person_address: v.personAddress,
        person_phone: v.personPhone,
        person_email: v.personEmail,
        consulter: v.consulterIsSelf
          ? null
          : { relation: v.consulterRelation, name: v.consulterName, phone: v.consulterPhone },
        consent: v.consent,
        referrer: isReferral ? v.referrer : null,
        external_ref: isReferral ? v.externalRef : null,
      };
    });
}

/** The body the form sends, checked against the API's ConsultationCreate at compile time. */
export type ConsultationSent = SentAs<
  ConsultationCreate,
  z.output<ReturnType<typeof consultationSchema>>
>;

/** …and the form's values are what the schema reads. */
export type ConsultationValuesChecked = SentAs<
  z.input<ReturnType<typeof consultationSchema>>,
  ConsultationFormValues
>;
