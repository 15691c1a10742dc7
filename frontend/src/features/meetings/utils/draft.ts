import type { AgendaItem, DecisionType, DecisionWrite, Minutes, MinutesWrite, OwnerKind } from '../api/types';

// The minutes as the editor holds them: every text a string, every list item with a key.

export type DraftAction = { key: string; text: string; owner_kind: OwnerKind; owner: string; due_date: string };
export type DraftDecision = { key: string; type: DecisionType; text: string; actions: DraftAction[] };
export type DraftItem = { discussion: string; decisions: DraftDecision[] };
export type DraftAgency = { key: string; name: string; agency_id: string };
export type Draft = {
  attendees: string[];
  extraAttendees: string;
  agencies: DraftAgency[];
  generalNote: string;
  items: Record<string, DraftItem>;
};

let counter = 0;
export const newKey = () => `k${++counter}`;

export const emptyAction = (): DraftAction => ({ key: newKey(), text: '', owner_kind: 'staff', owner: '', due_date: '' });
export const emptyDecision = (): DraftDecision => ({ key: newKey(), type: 'role_division', text: '', actions: [] });
export const emptyItem = (): DraftItem => ({ discussion: '', decisions: [] });

export function decisionToDraft(d: DecisionWrite): DraftDecision {
  return {
    key: newKey(),
    type: d.type,
    text: d.text,
    actions: (d.actions ?? []).map((a) => ({
      key: newKey(),
      text: a.text,
      owner_kind: a.owner_kind,
      owner: a.owner,
      due_date: a.due_date ?? '',
    })),
  };
}

export function draftOf(minutes: Minutes): Draft {
  const items: Record<string, DraftItem> = {};
  for (const item of minutes.items) {
    items[item.agenda_item_id] = {
      discussion: item.discussion ?? '',
      decisions: item.decisions.map((d) => decisionToDraft(d)),
    };
  }
  return {
    attendees: [...minutes.attendees],
    extraAttendees: '',
    agencies: minutes.agency_attendees.map((a) => ({ key: newKey(), name: a.name, agency_id: a.agency_id ?? '' })),
    generalNote: minutes.general_note ?? '',
    items,
  };
}

export function decisionToWrite(d: DraftDecision): DecisionWrite {
  return {
    type: d.type,
    text: d.text.trim(),
    actions: d.actions.map((a) => ({
      text: a.text.trim(),
      owner_kind: a.owner_kind,
      owner: a.owner.trim(),
      due_date: a.due_date || null,
    })),
  };
}

/** The body of PUT …/minutes: only agenda items with something written, in agenda order. */
export function toWrite(draft: Draft, agenda: AgendaItem[], extraAttendees: string[]): MinutesWrite {
  return {
    attendees: [...new Set([...draft.attendees, ...extraAttendees])],
    agency_attendees: draft.agencies
      .filter((a) => a.name.trim())
      .map((a) => ({ name: a.name.trim(), agency_id: a.agency_id.trim() || null })),
    general_note: draft.generalNote.trim() || null,
    items: agenda.flatMap((item) => {
      const entry = draft.items[item.id];
      if (!entry || (!entry.discussion.trim() && entry.decisions.length === 0)) return [];
      return [
        {
          agenda_item_id: item.id,
          discussion: entry.discussion.trim() || null,
          decisions: entry.decisions.map(decisionToWrite),
        },
      ];
    }),
  };
}
