import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/test/render';
import { route, sentTo, signedIn, withAreas } from '@/test/api';
import { ConsultationForm } from './consultation-form';

const created = { id: 'c-1', channel: 'phone', summary: '家賃の滞納' };

function openForm() {
  const onSuccess = vi.fn();
  const view = renderApp(<ConsultationForm onSuccess={onSuccess} onCancel={() => {}} />);
  return { ...view, onSuccess };
}

/** Wait until the form knows the user (the area select then shows their area). */
async function ready() {
  await waitFor(() => expect(screen.getByLabelText<HTMLSelectElement>('圏域').value).toBe('higashi'));
}

describe('相談受付フォーム', () => {
  beforeEach(() => {
    signedIn();
    withAreas();
    route('POST', '/api/v1/consultations', { status: 201, body: created });
  });

  it('an empty submit says what is missing inline and sends nothing', async () => {
    signedIn({ area: null });
    const { user, fill } = openForm();
    await screen.findByText('東 花子');
    await user.click(screen.getByRole('button', { name: '登録する' }));

    expect(await screen.findByText('入力内容を確認してください。未入力の項目があります。')).toBeTruthy();
    expect(screen.getByText('圏域を選んでください。')).toBeTruthy();
    expect(screen.getByText('相談内容を入力してください。')).toBeTruthy();
    expect(screen.getByLabelText('圏域').getAttribute('aria-invalid')).toBe('true');
    // The keyboard goes to the first field to mend.
    expect(document.activeElement).toBe(screen.getByLabelText('圏域'));
    expect(sentTo('POST', '/api/v1/consultations')).toHaveLength(0);

    // The messages follow the entry.
    await fill(screen.getByLabelText(/相談内容の概要/), '食費に困っている');
    await waitFor(() => expect(screen.queryByText('相談内容を入力してください。')).toBeNull());
    expect(screen.getByText('圏域を選んでください。')).toBeTruthy();
  });

  it('a birth date that cannot be read stops the submit', async () => {
    const { user, fill } = openForm();
    await ready();
    await fill(screen.getByLabelText(/相談内容の概要/), '相談');
    await fill(screen.getByLabelText(/生年月日/), '昭和64年1月8日');
    expect(screen.getByText('生年月日として読み取れません。例のように入力してください。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '登録する' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '入力内容を確認してください。');
    expect(sentTo('POST', '/api/v1/consultations')).toHaveLength(0);
  });

  it('sends the intake as the API reads it', async () => {
    const { user, fill, onSuccess } = openForm();
    await ready();
    await user.selectOptions(screen.getByLabelText('経路'), '関係機関からの紹介');
    // A referral suggests that an agency consulted.
    expect(screen.getByLabelText<HTMLSelectElement>('本人との関係').value).toBe('agency');
    await fill(screen.getByLabelText(/紹介元/), '  東包括  ');
    await fill(screen.getByLabelText(/先方の番号/), 'H-12');
    await fill(screen.getByLabelText(/相談者の氏名/), '包括 太郎');
    await fill(screen.getByLabelText(/対象者の氏名/), '佐藤 一郎');
    await fill(screen.getByLabelText(/フリガナ/), 'サトウ イチロウ');
    await fill(screen.getByLabelText(/生年月日/), 'S19.5.2');
    const concerns = screen.getByRole('group', { name: '相談内容の項目（あてはまるものすべて）' });
    await user.click(within(concerns).getByLabelText('住まい'));
    await fill(screen.getByLabelText(/相談内容の概要/), '  家賃の滞納  ');
    const risks = screen.getByRole('group', { name: '生命の危険のサイン' });
    await user.click(within(risks).getByLabelText('食べるものがない'));
    await user.click(screen.getByLabelText('同意あり'));
    await user.click(screen.getByRole('button', { name: '登録する' }));

    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith(created));
    const [request] = sentTo('POST', '/api/v1/consultations');
    expect(request?.headers.get('Idempotency-Key')).toBeTruthy();
    expect(request?.body).toMatchObject({
      channel: 'referral',
      area: 'higashi',
      summary: '家賃の滞納',
      urgent: true,
      risks: ['no_food'],
      concerns: ['housing'],
      main_concern: 'housing',
      person_name: '佐藤 一郎',
      person_kana: 'サトウ イチロウ',
      person_sex: null,
      person_birth_date: '1944-05-02',
      person_address: null,
      person_phone: null,
      person_email: null,
      consulter: { relation: 'agency', name: '包括 太郎', phone: null },
      consent: 'given',
      referrer: '東包括',
      external_ref: 'H-12',
    });
    expect((request?.body as { received_at: string }).received_at).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+09:00$/,
    );
  });

  it('keeps the entry as a draft across a remount and clears it once sent', async () => {
    const first = openForm();
    await ready();
    await first.user.type(screen.getByLabelText(/対象者の氏名/), '鈴木 花子');
    await first.user.type(screen.getByLabelText(/相談内容の概要/), '介護の相談');
    await waitFor(() => expect(sessionStorage.getItem('tsunagu.draft.consultation.csw-higashi')).toContain('鈴木 花子'));
    first.unmount();

    const again = openForm();
    expect(await screen.findByText('前回の入力途中の内容を復元しました')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>(/対象者の氏名/).value).toBe('鈴木 花子');
    expect(screen.getByLabelText<HTMLTextAreaElement>(/相談内容の概要/).value).toBe('介護の相談');

    await again.user.click(screen.getByRole('button', { name: '登録する' }));
    await waitFor(() => expect(again.onSuccess).toHaveBeenCalled());
    expect(sentTo('POST', '/api/v1/consultations')[0]?.body).toMatchObject({
      person_name: '鈴木 花子',
      summary: '介護の相談',
    });
    expect(sessionStorage.getItem('tsunagu.draft.consultation.csw-higashi')).toBeNull();
    again.unmount();

    openForm();
    await ready();
    expect(screen.queryByText('前回の入力途中の内容を復元しました')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>(/対象者の氏名/).value).toBe('');
  });

  it('discarding the draft empties the form', async () => {
    const first = openForm();
    await ready();
    await first.user.type(screen.getByLabelText(/相談内容の概要/), '途中まで');
    await waitFor(() => expect(sessionStorage.getItem('tsunagu.draft.consultation.csw-higashi')).not.toBeNull());
    first.unmount();

    const again = openForm();
    await again.user.click(await screen.findByRole('button', { name: '破棄する' }));
    expect(screen.getByLabelText<HTMLTextAreaElement>(/相談内容の概要/).value).toBe('');
    expect(sessionStorage.getItem('tsunagu.draft.consultation.csw-higashi')).toBeNull();
  });

  it('says the server’s field errors under the fields', async () => {
    route('POST', '/api/v1/consultations', {
      status: 422,
      body: {
        title: 'Unprocessable',
        status: 422,
        errors: [{ loc: ['body', 'person_phone'], msg: 'String should match pattern', type: 'string_pattern_mismatch' }],
      },
    });
    const { user, fill, onSuccess } = openForm();
    await ready();
    await fill(screen.getByLabelText(/相談内容の概要/), '相談');
    await fill(screen.getByLabelText(/^電話番号/), 'abc');
    await user.click(screen.getByRole('button', { name: '登録する' }));
    expect(await screen.findByText('電話番号は数字とハイフンで入力してください。')).toBeTruthy();
    expect(onSuccess).not.toHaveBeenCalled();
  });
});
