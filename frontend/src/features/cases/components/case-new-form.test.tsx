import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { choose, renderApp } from '@/test/render';
import { route, sentTo, signedIn, withAreas } from '@/test/api';
import { CaseNewForm } from './case-new-form';

const opened = { id: 'case-1', title: '小金井さん世帯' };

function openForm() {
  const onCreated = vi.fn();
  const view = renderApp(<CaseNewForm onCreated={onCreated} onCancel={() => {}} />);
  return { ...view, onCreated };
}

describe('ケースを開始', () => {
  beforeEach(() => {
    signedIn();
    withAreas();
    route('POST', '/api/v1/households', { status: 201, body: { id: 'hh-1', name: '小金井さん世帯' } });
    route('POST', '/api/v1/cases', { status: 201, body: opened });
  });

  it('an empty submit says what is missing inline and sends nothing', async () => {
    signedIn({ area: null });
    const { user } = openForm();
    await user.click(screen.getByRole('button', { name: 'ケースを開始する' }));

    expect(await screen.findByText('入力内容を確認してください。')).toBeTruthy();
    const member = screen.getByRole('group', { name: '世帯員 1' });
    const name = within(member).getByLabelText(/氏名/);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('入力してください。')).toHaveLength(2); // 氏名 and ケースのタイトル
    expect(screen.getByText('選んでください。')).toBeTruthy(); // 圏域
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(sent()).toHaveLength(0);
  });

  it('a household of two opens the case with the household’s title', async () => {
    const { user, fill, onCreated } = openForm();
    await waitFor(() => expect(screen.getByLabelText<HTMLSelectElement>(/圏域/).value).toBe('higashi'));
    const son = screen.getByRole('group', { name: '世帯員 1' });
    await fill(within(son).getByLabelText(/氏名/), '小金井 一郎');
    await fill(within(son).getByLabelText('フリガナ'), 'こがねい いちろう');
    await choose(user, son, '生年月日', '1974-05-10');
    await user.click(screen.getByRole('button', { name: '世帯員を追加' }));
    const mother = screen.getByRole('group', { name: '世帯員 2' });
    await fill(within(mother).getByLabelText(/氏名/), '小金井 トメ');
    await choose(user, mother, '生年月日', '1944-02-03');
    expect(within(mother).getByLabelText<HTMLSelectElement>('続柄').value).toBe('parent');
    // The title follows the first member's family name.
    expect(screen.getByLabelText<HTMLInputElement>(/ケースのタイトル/).value).toBe('小金井さん世帯');
    await user.click(screen.getByRole('button', { name: 'ケースを開始する' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(opened));
    expect(sentTo('POST', '/api/v1/households')[0]?.body).toEqual({
      name: '小金井さん世帯',
      area: 'higashi',
      members: [
        {
          person: { name: '小金井 一郎', name_kana: 'こがねい いちろう', birth_date: '1974-05-10', area: 'higashi' },
          relationship: 'self',
          is_primary: true,
        },
        {
          person: { name: '小金井 トメ', name_kana: null, birth_date: '1944-02-03', area: 'higashi' },
          relationship: 'parent',
          is_primary: false,
        },
      ],
    });
    const [caseRequest] = sentTo('POST', '/api/v1/cases');
    expect(caseRequest?.body).toEqual({
      title: '小金井さん世帯',
      area: 'higashi',
      lead_username: 'csw-higashi',
      household_id: 'hh-1',
    });
    expect(caseRequest?.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('a title typed by the user is kept, and a removed main person passes it on', async () => {
    const { user, fill } = openForm();
    await waitFor(() => expect(screen.getByLabelText<HTMLSelectElement>(/圏域/).value).toBe('higashi'));
    await fill(within(screen.getByRole('group', { name: '世帯員 1' })).getByLabelText(/氏名/), '山田 太郎');
    await user.click(screen.getByRole('button', { name: '世帯員を追加' }));
    await fill(within(screen.getByRole('group', { name: '世帯員 2' })).getByLabelText(/氏名/), '山田 花子');
    const title = screen.getByLabelText<HTMLInputElement>(/ケースのタイトル/);
    await user.clear(title);
    await fill(title, '山田家（8050）');
    await user.click(screen.getByRole('button', { name: '世帯員 1 を削除' }));
    await user.click(screen.getByRole('button', { name: 'ケースを開始する' }));

    await waitFor(() => expect(sentTo('POST', '/api/v1/cases')).toHaveLength(1));
    expect(sentTo('POST', '/api/v1/households')[0]?.body).toMatchObject({
      name: '山田家（8050）',
      members: [{ person: { name: '山田 花子' }, relationship: 'parent', is_primary: true }],
    });
  });

  it('a half-chosen birth date is refused with the field’s own words', async () => {
    const { user, fill } = openForm();
    const member = screen.getByRole('group', { name: '世帯員 1' });
    await fill(within(member).getByLabelText(/氏名/), '小金井 一郎');
    await choose(user, member, '生年月日', '1974');
    await user.click(screen.getByRole('button', { name: 'ケースを開始する' }));
    expect(await screen.findByText('年・月・日をすべて選んでください。')).toBeTruthy();
    expect(sent()).toHaveLength(0);
  });
});

function sent() {
  return [...sentTo('POST', '/api/v1/households'), ...sentTo('POST', '/api/v1/cases')];
}
