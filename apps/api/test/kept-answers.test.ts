import { describe, expect, it } from 'vitest';
import { KeptAnswers } from '../src/services/kept-answers.js';

describe('KeptAnswers', () => {
  it('computes once for requests at the same place, even while the first is still computing', async () => {
    const kept = new KeptAnswers<number>(10);
    let computed = 0;
    let finish!: (value: number) => void;
    const compute = () => {
      computed += 1;
      return new Promise<number>((resolve) => (finish = resolve));
    };
    const first = kept.answer('org day', '7/0', compute);
    const second = kept.answer('org day', '7/0', compute);
    finish(42);
    expect(await Promise.all([first, second])).toEqual([42, 42]);
    expect(computed).toBe(1);
    expect(await kept.answer('org day', '7/0', compute)).toBe(42);
    expect(computed).toBe(1);
  });

  it('computes again at another place, or under another key', async () => {
    const kept = new KeptAnswers<string>(10);
    const calls: string[] = [];
    const compute = (label: string) => async () => {
      calls.push(label);
      return label;
    };
    expect(await kept.answer('a', '1/0', compute('a at 1'))).toBe('a at 1');
    expect(await kept.answer('a', '2/0', compute('a at 2'))).toBe('a at 2');
    expect(await kept.answer('a', '2/5', compute('a at 2/5'))).toBe('a at 2/5');
    expect(await kept.answer('b', '2/5', compute('b at 2/5'))).toBe('b at 2/5');
    expect(calls).toEqual(['a at 1', 'a at 2', 'a at 2/5', 'b at 2/5']);
  });

  it('forgets a failed computation, and the oldest answers beyond its limit', async () => {
    const kept = new KeptAnswers<number>(2);
    await expect(kept.answer('a', '1/0', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(kept.size).toBe(0);
    expect(await kept.answer('a', '1/0', async () => 1)).toBe(1);
    await kept.answer('b', '1/0', async () => 2);
    await kept.answer('c', '1/0', async () => 3);
    expect(kept.size).toBe(2);
    let again = 0;
    expect(await kept.answer('a', '1/0', async () => (again += 1))).toBe(1);
    expect(again).toBe(1);
  });
});
