import { describe, expect, it } from 'vitest';
import { ApiProblem, problemFromBody } from './problem';
import { queryString } from './client';

describe('problemFromBody', () => {
  it('reads a Waymark problem with its field errors', () => {
    const problem = problemFromBody(400, {
      type: 'https://waymark.example/problems/validation-failed',
      title: 'The request has invalid fields',
      status: 400,
      code: 'validation_failed',
      errors: [{ path: '/members/0/dateOfBirth', code: 'born_in_future', message: 'date of birth is in the future' }],
    });
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem.code).toBe('validation_failed');
    expect(problem.status).toBe(400);
    expect(problem.fieldErrors).toEqual([
      { path: '/members/0/dateOfBirth', code: 'born_in_future', message: 'date of birth is in the future' },
    ]);
  });

  it('reads a conflict', () => {
    const problem = problemFromBody(409, { type: 'x', title: 'y', status: 409, code: 'version_conflict' });
    expect(problem.code).toBe('version_conflict');
    expect(problem.fieldErrors).toEqual([]);
  });

  it('still gives a translatable code for bodies that are not problems', () => {
    expect(problemFromBody(401, undefined).code).toBe('unauthenticated');
    expect(problemFromBody(403, '<html>').code).toBe('forbidden');
    expect(problemFromBody(404, {}).code).toBe('not_found');
    expect(problemFromBody(502, '<html>bad gateway</html>').code).toBe('internal_error');
    expect(problemFromBody(400, { code: 'something_new' }).code).toBe('unexpected_response');
  });
});

describe('queryString', () => {
  it('joins lists with commas and leaves out empty values', () => {
    expect(queryString({ riskLevel: ['high', 'critical'], sex: [], name: '', siteId: undefined, limit: 25 })).toBe(
      '?riskLevel=high%2Ccritical&limit=25',
    );
    expect(queryString({})).toBe('');
  });
});
