// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors, isJapanese, locField, locPath, plainMessage } from './errors';

describe('API errors', () => {
  const problem = {
    type: 'about:blank',
    title: '入力内容に誤りがあります',
    status: 422,
    detail: 'validation failed',
    errors: [
      { loc: ['body', 'consulter', 'phone'], msg: 'Value error, 電話番号の形式', type: 'value_error' },
      { loc: ['body', 'members', 1, 'name'], msg: 'Field required', type: 'missing' },
      { loc: ['body', 'consulter', 'phone'], msg: 'second', type: 'value_error' },
    ],
  };

  it('an ApiError keeps the status and the problem, and says its detail', () => {
    const error = new ApiError(422, problem);
    expect(error.status).toBe(422);
    expect(error.message).toBe('validation failed');
    expect(error.problem?.errors).toHaveLength(3);
    expect(new ApiError(502, null).message).toBe('HTTP 502');
  });

  it('field errors are keyed by the last part of loc, the first one kept', () => {
    expect(fieldErrors(new ApiError(422, problem))).toEqual({
      phone: 'Value error, 電話番号の形式',
      name: 'Field required',
    });
    expect(fieldErrors(new Error('network'))).toEqual({});
  });

  it('locs read as paths and fields', () => {
    expect(locPath(['body', 'consulter', 'phone'])).toBe('consulter.phone');
    expect(locPath(['body', 'members', 1, 'name'])).toBe('members.1.name');
    expect(locField(['body', 'participants', 0])).toBe('participants');
    expect(locField(['body'])).toBeUndefined();
  });

  it('messages lose pydantic’s prefix; Japanese is recognised', () => {
    expect(plainMessage({ msg: 'Value error, 生年月日が未来です' })).toBe('生年月日が未来です');
    expect(isJapanese('生年月日が未来です')).toBe(true);
    expect(isJapanese('カタカナ')).toBe(true);
    expect(isJapanese('Field required')).toBe(false);
  });
});
