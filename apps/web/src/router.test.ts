import { describe, expect, it } from 'vitest';
import { matchPath } from './router.js';

describe('matchPath', () => {
  it('matches literal segments exactly, ignoring a trailing slash', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/risks', '/risks')).toEqual({});
    expect(matchPath('/risks', '/risks/')).toEqual({});
    expect(matchPath('/risks', '/risk')).toBeNull();
    expect(matchPath('/', '/risks')).toBeNull();
  });

  it('takes one decoded segment per parameter', () => {
    expect(matchPath('/risks/:id', '/risks/42')).toEqual({ id: '42' });
    expect(matchPath('/risks/:id/edit', '/risks/a%20b/edit')).toEqual({ id: 'a b' });
    expect(matchPath('/risks/:id', '/risks')).toBeNull();
    expect(matchPath('/risks/:id', '/risks/42/edit')).toBeNull();
  });

  it('refuses a segment that is not valid percent-encoding instead of throwing', () => {
    expect(matchPath('/risks/:id', '/risks/%E0%A4%A')).toBeNull();
  });
});
