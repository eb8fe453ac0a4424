import { describe, expect, it } from 'vitest';
import { EMPTY_REGISTER_VIEW, parseRegisterView, type RegisterView, registerFilter, registerHref, registerQueryString, withKnownChoices } from './register-url.js';

const EVERYTHING: RegisterView = {
  search: "bias in the applicant's score",
  levels: ['High', 'Very, very high'],
  statuses: ['TREATING', 'MONITORING'],
  aiSystemId: 'sys 1/2',
  appetite: 'above',
  reviewOverdue: true,
  sort: { field: 'REVIEW_DATE', direction: 'ASC' },
  page: { number: 3, after: 'eyJvIjoic2NvcmUtIn0' },
};

describe('registerQueryString and parseRegisterView', () => {
  it('write the unfiltered first page as no query at all', () => {
    expect(registerQueryString(EMPTY_REGISTER_VIEW)).toBe('');
    expect(parseRegisterView('')).toEqual(EMPTY_REGISTER_VIEW);
    expect(parseRegisterView('?')).toEqual(EMPTY_REGISTER_VIEW);
  });

  it('write a view in readable parts, lists joined by commas', () => {
    const view: RegisterView = { ...EMPTY_REGISTER_VIEW, search: 'bias', levels: ['High', 'Critical'], statuses: ['TREATING'], sort: { field: 'SCORE', direction: 'ASC' } };
    expect(registerQueryString(view)).toBe('?q=bias&level=High,Critical&status=TREATING&sort=SCORE.asc');
  });

  it('read back every part of a view they wrote, special characters included', () => {
    const query = registerQueryString(EVERYTHING);
    // The comma inside a level, the space, the slash and the apostrophe are encoded; the list's commas are not.
    expect(query).toBe("?q=bias%20in%20the%20applicant%27s%20score&level=High,Very%2C%20very%20high&status=TREATING,MONITORING&system=sys%201%2F2&appetite=above&overdue=1&sort=REVIEW_DATE.asc&page=3&after=eyJvIjoic2NvcmUtIn0");
    expect(parseRegisterView(query)).toEqual(EVERYTHING);
    // Parsing and writing again changes nothing (the page compares the two to tidy the address).
    expect(registerQueryString(parseRegisterView(query))).toBe(query);
  });

  it('read a query the way a person might type it: any case, "+" for a space, repeated items once', () => {
    const view = parseRegisterView('q=model+drift&status=treating,Treating,closed&sort=residual_score.DESC&appetite=WITHIN&overdue=true&level=High,High');
    expect(view).toMatchObject({ search: 'model drift', statuses: ['TREATING', 'CLOSED'], sort: { field: 'RESIDUAL_SCORE', direction: 'DESC' }, appetite: 'within', reviewOverdue: true, levels: ['High'] });
  });

  it('drop what they cannot read and keep the rest', () => {
    const view = parseRegisterView('q=%E0%A4%A&status=NOPE,TREATING,&sort=SIZE.up&appetite=maybe&overdue=yes&page=2&level=,,&system=&utm_source=mail&q=second');
    expect(view).toEqual({ ...EMPTY_REGISTER_VIEW, statuses: ['TREATING'] });
    expect(parseRegisterView('sort=CREATED_AT.asc').sort).toEqual({ field: 'SCORE', direction: 'DESC' });
    expect(parseRegisterView('sort=TITLE').sort).toEqual({ field: 'SCORE', direction: 'DESC' });
  });

  it('take a page only with both a number of 2 or more and a cursor', () => {
    expect(parseRegisterView('page=2&after=abc').page).toEqual({ number: 2, after: 'abc' });
    for (const query of ['page=2', 'after=abc', 'page=1&after=abc', 'page=0&after=abc', 'page=-3&after=abc', 'page=2.5&after=abc', 'page=two&after=abc', 'page=2&after=', 'page=99999999&after=abc']) {
      expect(parseRegisterView(query).page, query).toBeNull();
    }
  });
});

describe('registerHref', () => {
  it('links to the register with only the given parts', () => {
    expect(registerHref({})).toBe('/risks');
    expect(registerHref({ levels: ['High', 'Critical'] })).toBe('/risks?level=High,Critical');
    expect(registerHref({ appetite: 'above' })).toBe('/risks?appetite=above');
  });
});

describe('registerFilter', () => {
  it("is the API's RiskFilter of the view's parts, and nothing for an empty view", () => {
    expect(registerFilter(EMPTY_REGISTER_VIEW)).toEqual({});
    expect(registerFilter(EVERYTHING)).toEqual({ search: "bias in the applicant's score", level: ['High', 'Very, very high'], status: ['TREATING', 'MONITORING'], aiSystemId: 'sys 1/2', withinAppetite: false, reviewOverdue: true });
    expect(registerFilter({ ...EMPTY_REGISTER_VIEW, appetite: 'within' })).toEqual({ withinAppetite: true });
  });
});

describe('withKnownChoices', () => {
  const choices = { levels: ['Low', 'Medium', 'High', 'Critical'], aiSystemIds: ['s1', 's2'] };

  it("takes the organisation's spelling of a level, whatever the case asked for", () => {
    const view = parseRegisterView('level=HIGH,critical&system=s2&page=2&after=abc');
    expect(withKnownChoices(view, choices)).toMatchObject({ levels: ['High', 'Critical'], aiSystemId: 's2' });
    // The levels changed spelling only, yet the filter sent is another: back to the first page.
    expect(withKnownChoices(view, choices).page).toBeNull();
  });

  it('drops an unknown level or AI system, and leaves a view that needs nothing dropped as it is', () => {
    expect(withKnownChoices(parseRegisterView('level=NOPE,High&system=gone'), choices)).toMatchObject({ levels: ['High'], aiSystemId: null });
    const known = parseRegisterView('level=High&system=s1&page=3&after=abc');
    expect(withKnownChoices(known, choices)).toBe(known);
  });
});
