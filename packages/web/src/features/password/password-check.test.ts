import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem';
import { anyOnFields, checkPasswordDraft, MIN_PASSWORD_LENGTH, serverPasswordProblems } from './password-check';

const codes = (draft: Parameters<typeof checkPasswordDraft>[0]) => checkPasswordDraft(draft).map((p) => `${p.path} ${p.code}`);

describe('password change checks', () => {
  it('follow the contract minimum, which the catalogues spell out as 12', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
  });

  it('accept a long new password typed the same twice', () => {
    expect(codes({ currentPassword: 'one-time-pw', newPassword: 'river lamp orange', repeatPassword: 'river lamp orange' })).toEqual([]);
  });

  it('name every empty field', () => {
    expect(codes({ currentPassword: '', newPassword: '', repeatPassword: '' })).toEqual([
      '/currentPassword required',
      '/newPassword required',
      '/repeatPassword required',
    ]);
  });

  it('catch a short, an unchanged and a mistyped new password', () => {
    expect(codes({ currentPassword: 'x', newPassword: 'short', repeatPassword: 'short' })).toEqual(['/newPassword password_too_short']);
    expect(codes({ currentPassword: 'same-password-1', newPassword: 'same-password-1', repeatPassword: 'same-password-1' })).toEqual([
      '/newPassword password_unchanged',
    ]);
    expect(codes({ currentPassword: 'x', newPassword: 'river lamp orange', repeatPassword: 'river lamp orang' })).toEqual([
      '/repeatPassword passwords_differ',
    ]);
  });

  it("say the server's too_small on the new password as this form explains it", () => {
    const error = new ApiProblem(400, 'validation_failed', [{ path: '/newPassword', code: 'too_small', message: '' }]);
    expect(serverPasswordProblems(error).map((p) => p.code)).toEqual(['password_too_short']);
    expect(anyOnFields(serverPasswordProblems(error))).toBe(true);
    expect(anyOnFields(serverPasswordProblems(new ApiProblem(429, 'rate_limited')))).toBe(false);
  });
});
