import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { choose as chooseIn, renderApp } from '@/test/render';
import { route, sentTo, signedIn } from '@/test/api';
import { ScheduleForm } from './schedule-form';

const body = {
  id: 'body-1',
  name: '東圏域 支援調整会議',
  confidential: false,
  default_start_time: '10:00:00',
  default_duration_minutes: 90,
  default_rrule: 'FREQ=MONTHLY;BYDAY=2TU',
  place: '東センター 会議室',
  members: [{ username: 'csw-higashi' }, { username: 'sup1' }],
};

function openForm(defaultBodyId = '') {
  const onScheduled = vi.fn();
  const view = renderApp(
    <ScheduleForm defaultBodyId={defaultBodyId} defaultDay="2026-12-10" onScheduled={onScheduled} onCancel={() => {}} />,
  );
  return { ...view, onScheduled };
}

type User = ReturnType<typeof openForm>['user'];
const choose = (user: User, label: string, value: string) => chooseIn(user, document.body, label, value);

describe('会議を予定する', () => {
  beforeEach(() => {
    signedIn({ role: 'supervisor', username: 'sup1' });
    route('GET', '/api/v1/meeting-bodies', { body: [body] });
    route('GET', '/api/v1/meeting-bodies/body-1', { body });
    route('POST', '/api/v1/meetings', { status: 201, body: { id: 'm-1' } });
    route('POST', '/api/v1/meetings/series', { status: 201, body: { occurrences: [{ id: 'm-1' }, { id: 'm-2' }] } });
  });

  it('a meeting without a title, date or times says so inline and sends nothing', async () => {
    const { user } = openForm();
    await choose(user, '日付', ''); // 年 back to ----
    await choose(user, '開始時刻', ':'); // 時 and 分 back to --
    await user.click(screen.getByRole('button', { name: '登録する' }));

    expect(await screen.findByText('入力内容を確認してください。')).toBeTruthy();
    expect(screen.getByText('入力してください。')).toBeTruthy(); // 件名 (no body chosen)
    expect(screen.getByText('年・月・日をすべて選んでください。')).toBeTruthy();
    expect(screen.getByText('選んでください。')).toBeTruthy(); // 開始時刻
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/件名/)));
    expect(sentTo('POST', '/api/v1/meetings')).toHaveLength(0);
  });

  it('one meeting is sent in Tokyo time with the chosen date and times', async () => {
    const { user, fill, onScheduled } = openForm();
    await fill(screen.getByLabelText(/件名/), ' ケース会議 ');
    await choose(user, '日付', '2027-01-12');
    expect(screen.getByText('令和9年1月12日（火）')).toBeTruthy();
    await choose(user, '開始時刻', '09:30');
    await choose(user, '終了時刻', '10:45');
    await fill(screen.getByLabelText('会場'), '市役所 第2会議室');
    await user.click(screen.getByRole('button', { name: '登録する' }));

    await waitFor(() => expect(onScheduled).toHaveBeenCalledWith([{ id: 'm-1' }]));
    const [request] = sentTo('POST', '/api/v1/meetings');
    expect(request?.body).toEqual({
      body_id: null,
      body_type: 'case_conference',
      title: 'ケース会議',
      starts_at: '2027-01-12T09:30:00+09:00',
      ends_at: '2027-01-12T10:45:00+09:00',
      place: '市役所 第2会議室',
      online_url: null,
      participants: [],
      confirm_clash: false,
    });
  });

  it('a series of a body takes the body’s defaults and sends the count', async () => {
    const { user, fill, onScheduled } = openForm('body-1');
    // The body's start time, length and place are filled in once it has loaded.
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('会場').value).toBe('東センター 会議室'));
    await user.click(screen.getByLabelText('繰り返し（定例）'));
    const count = screen.getByLabelText<HTMLInputElement>('回数');
    await user.clear(count);
    await user.click(screen.getByRole('button', { name: '登録する' }));
    expect(await screen.findByText('入力してください。')).toBeTruthy();
    expect(sentTo('POST', '/api/v1/meetings/series')).toHaveLength(0);

    await fill(count, '3');
    await waitFor(() => expect(screen.queryByText('入力してください。')).toBeNull());
    await user.click(screen.getByRole('button', { name: '登録する' }));
    await waitFor(() => expect(onScheduled).toHaveBeenCalled());
    expect(sentTo('POST', '/api/v1/meetings/series')[0]?.body).toEqual({
      body_id: 'body-1',
      title: null,
      starts_at: '2026-12-10T10:00:00+09:00',
      ends_at: '2026-12-10T11:30:00+09:00',
      place: '東センター 会議室',
      online_url: null,
      participants: ['csw-higashi', 'sup1'],
      confirm_clash: false,
      rrule: null,
      count: 3,
    });
  });

  it('an online address must be a web address', async () => {
    const { user, fill } = openForm();
    await fill(screen.getByLabelText(/件名/), 'ケース会議');
    await fill(screen.getByLabelText('オンライン会議のURL'), 'zoom にて');
    await user.click(screen.getByRole('button', { name: '登録する' }));
    expect(await screen.findByText('https:// から始まるアドレスを入力してください。')).toBeTruthy();
    expect(sentTo('POST', '/api/v1/meetings')).toHaveLength(0);
  });
});
