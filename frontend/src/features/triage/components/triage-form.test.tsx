import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { choose, partsOf, renderApp } from '@/test/render';
import { route, sentTo, signedIn, withAreas } from '@/test/api';
import type { QueueItem } from '../api/get-triage-queue';
import { TriageForm } from './triage-form';

const ID = 'cons-1';
const TRIAGE = `/api/v1/consultations/${ID}/triage`;

function consultation(patch: Partial<QueueItem> = {}): QueueItem {
  return {
    id: ID,
    area: 'higashi',
    person_name: '佐藤 一郎',
    person_kana: 'サトウ イチロウ',
    person_birth_date: '1944-05-02',
    person_sex: 'male',
    person_address: '小金井市本町1-1',
    person_phone: '042-000-0000',
    ...patch,
  } as QueueItem;
}

function openForm(patch: Partial<QueueItem> = {}) {
  return renderApp(<TriageForm consultation={consultation(patch)} candidates={[]} />);
}

const decision = { id: 'd-1', outcome: 'new_case', new_case_requested: true, case_id: null };

describe('振り分けフォーム', () => {
  beforeEach(() => {
    signedIn();
    withAreas();
    route('GET', '/api/v1/agencies', {
      body: { items: [{ id: 'ag-1', name: '東地域包括支援センター', functions: ['介護'], can_do: '訪問' }] },
    });
    route('POST', TRIAGE, { status: 201, body: decision });
  });

  it('a referral without an agency says so inline and sends nothing', async () => {
    const { user } = openForm();
    const submit = screen.getByRole('button', { name: '振り分けを確定する' });
    // Nothing to decide until an outcome is chosen.
    expect(submit).toHaveProperty('disabled', true);
    await user.click(screen.getByLabelText('つなぎ（他機関へ）'));
    await user.click(submit);

    expect(await screen.findByText('入力内容を確認してください。')).toBeTruthy();
    const agency = screen.getByLabelText(/つなぎ先/);
    expect(agency.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('選んでください。')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(agency));
    expect(sentTo('POST', TRIAGE)).toHaveLength(0);

    await screen.findByRole('option', { name: '東地域包括支援センター' });
    await user.selectOptions(agency, '東地域包括支援センター');
    await waitFor(() => expect(screen.queryByText('選んでください。')).toBeNull());
    await user.click(submit);
    await waitFor(() => expect(sentTo('POST', TRIAGE)).toHaveLength(1));
    expect(sentTo('POST', TRIAGE)[0]?.body).toEqual({ outcome: 'referral', note: null, agency_id: 'ag-1' });
  });

  it('a new case without a title or a member’s name is refused inline', async () => {
    const { user } = openForm({ person_name: null, person_kana: null });
    await user.click(screen.getByLabelText('新規ケース（継続支援）'));
    await user.click(screen.getByRole('button', { name: '振り分けを確定する' }));

    expect(await screen.findByText('入力内容を確認してください。')).toBeTruthy();
    expect(screen.getAllByText('入力してください。')).toHaveLength(2);
    expect(screen.getByLabelText(/ケース名/).getAttribute('aria-invalid')).toBe('true');
    expect(sentTo('POST', TRIAGE)).toHaveLength(0);
  });

  it('a new case sends the household as the API reads it', async () => {
    const { user, fill } = openForm();
    await user.click(screen.getByLabelText('新規ケース（継続支援）'));
    // The consultation's person is the first member; the title follows their name.
    expect(screen.getByLabelText<HTMLInputElement>(/ケース名/).value).toBe('佐藤 一郎さん');
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('主担当').value).toBe('csw-higashi'));
    await user.click(screen.getByRole('button', { name: '世帯員を追加' }));
    const second = screen.getByRole('group', { name: '世帯員 2' });
    await fill(within(second).getByLabelText(/氏名/), ' 佐藤 花子 ');
    await user.selectOptions(within(second).getByLabelText('続柄'), 'spouse');
    // The app's own date field: 年・月・日 as selects, with 和暦 beside the year.
    expect(within(partsOf(second, '生年月日')).getByText('1950年（昭和25年）')).toBeTruthy();
    await choose(user, second, '生年月日', '1950-03-09');
    await fill(screen.getByLabelText('メモ'), '  週明けに訪問  ');
    await user.click(screen.getByRole('button', { name: '振り分けを確定する' }));

    await waitFor(() => expect(sentTo('POST', TRIAGE)).toHaveLength(1));
    const [request] = sentTo('POST', TRIAGE);
    expect(request?.headers.get('Idempotency-Key')).toBeTruthy();
    expect(request?.body).toEqual({
      outcome: 'new_case',
      note: '週明けに訪問',
      area: 'higashi',
      new_case: {
        title: '佐藤 一郎さん',
        lead_username: 'csw-higashi',
        household_name: null,
        members: [
          {
            name: '佐藤 一郎',
            name_kana: 'サトウ イチロウ',
            birth_date: '1944-05-02',
            sex: 'male',
            address: '小金井市本町1-1',
            phone: '042-000-0000',
            relationship: 'self',
            is_primary: true,
          },
          {
            name: '佐藤 花子',
            name_kana: null,
            birth_date: '1950-03-09',
            sex: null,
            address: null,
            phone: null,
            relationship: 'spouse',
            is_primary: false,
          },
        ],
      },
    });
  });

  it('a half-chosen birth date is refused with the field’s own words', async () => {
    const { user } = openForm({ person_birth_date: null });
    await user.click(screen.getByLabelText('新規ケース（継続支援）'));
    await choose(user, document.body, '生年月日', '1944');
    await user.click(screen.getByRole('button', { name: '振り分けを確定する' }));
    expect(await screen.findByText('年・月・日をすべて選んでください。')).toBeTruthy();
    expect(sentTo('POST', TRIAGE)).toHaveLength(0);
  });

  it('an anonymous report: a referral needs an area, 情報提供 does not', async () => {
    signedIn({ role: 'supervisor', area: null, username: 'sup1' });
    const { user } = openForm({ area: 'unassigned' });
    await user.click(screen.getByLabelText('つなぎ（他機関へ）'));
    await user.click(screen.getByRole('button', { name: '振り分けを確定する' }));
    await waitFor(() => expect(screen.getByLabelText(/^圏域/).getAttribute('aria-invalid')).toBe('true'));
    expect(sentTo('POST', TRIAGE)).toHaveLength(0);

    await user.click(screen.getByLabelText('情報提供・終了'));
    await waitFor(() => expect(screen.queryByText('入力内容を確認してください。')).toBeNull());
    await user.click(screen.getByRole('button', { name: '振り分けを確定する' }));
    await waitFor(() => expect(sentTo('POST', TRIAGE)).toHaveLength(1));
    expect(sentTo('POST', TRIAGE)[0]?.body).toEqual({ outcome: 'info_closed', note: null });
  });
});
