import { aiActObligations, annexIIIAreas, prohibitedPractices } from '@assay/schema';
import { describe, expect, it } from 'vitest';
import { AiSystem } from '../src/entities/ai-system.entity.js';
import { AuditLogEntry } from '../src/entities/audit-log-entry.entity.js';
import { DEMO_ACCOUNTS, SECOND_TENANT_ADMIN } from '../src/seed/demo.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

const CLASSIFICATION = `aiActClassification {
  tier rationale classifiedBy classifiedAt overriddenByHand
  answers { prohibitedPractices annexIProduct thirdPartyConformityAssessment annexIIIAreas derogations profilesNaturalPersons transparencyCases }
  obligations { article title addressee summary appliesFrom reportedAppliesFrom }
}`;
const CLASSIFY = `mutation($id: ID!, $answers: AiActAnswersInput!, $expectedVersion: Int!) {
  classifyAiSystem(id: $id, answers: $answers, expectedVersion: $expectedVersion) { id version euAiActTier tierRationale ${CLASSIFICATION} }
}`;

const NONE = { prohibitedPractices: [], annexIProduct: false, thirdPartyConformityAssessment: false, annexIIIAreas: [], derogations: [], profilesNaturalPersons: false, transparencyCases: [] };
const ADMIN_NAME = DEMO_ACCOUNTS.find((account) => account.email === 'demo@assay.local')!.name;

interface Classification {
  tier: string;
  rationale: string;
  classifiedBy: string;
  classifiedAt: string;
  overriddenByHand: boolean;
  answers: Record<string, unknown>;
  obligations: { article: string; addressee: string; appliesFrom: string; reportedAppliesFrom: string | null }[];
}
interface Classified {
  classifyAiSystem: { id: string; version: number; euAiActTier: string; tierRationale: string; aiActClassification: Classification };
}

describe.each(databases.available)('EU AI Act classification on $name', (database) => {
  const demo = useDemoApi(database);

  async function newSystem(name: string): Promise<string> {
    const created = await demo.api.graphql<{ createAiSystem: { id: string } }>(`mutation($name: String!) { createAiSystem(input: { name: $name, organisationRole: PROVIDER }) { id } }`, { name }, demo.admin);
    expect(created.errors).toBeUndefined();
    return created.data!.createAiSystem.id;
  }

  it('serves the questionnaire to every member, with the catalogue entries as options', async () => {
    const result = await demo.api.graphql<{ aiActQuestionnaire: { id: string; article: string; kind: string; askedWhen: string | null; options: { id: string; title: string; note: string | null }[] }[] }>(
      `{ aiActQuestionnaire { id article text help kind askedWhen options { id title note } } }`,
      {},
      demo.executive,
    );
    expect(result.errors).toBeUndefined();
    const questions = result.data!.aiActQuestionnaire;
    expect(questions.map((question) => [question.id, question.kind, question.askedWhen])).toEqual([
      ['prohibitedPractices', 'CHOOSE_ANY', null],
      ['annexIProduct', 'YES_NO', null],
      ['thirdPartyConformityAssessment', 'YES_NO', 'annexIProduct'],
      ['annexIIIAreas', 'CHOOSE_ANY', null],
      ['derogations', 'CHOOSE_ANY', 'annexIIIAreas'],
      ['profilesNaturalPersons', 'YES_NO', 'annexIIIAreas'],
      ['transparencyCases', 'CHOOSE_ANY', null],
    ]);
    expect(questions[3]!.options).toEqual(annexIIIAreas.map((area) => ({ id: String(area.point), title: area.title, note: null })));
    expect(questions[0]!.options.map((option) => option.id)).toEqual(prohibitedPractices.map((practice) => practice.article));
    expect(questions[6]!.options.map((option) => option.id)).toEqual(['50(1)', '50(2)', '50(3)', '50(4)']);
  });

  it('stores the answers, tier, rationale, who and when, returns them on the system, and audits them', async () => {
    const id = await newSystem('Shift scheduler');
    const before = Date.now();
    const answers = { ...NONE, annexIIIAreas: ['4'], derogations: ['6(3)(d)', ' 6(3)(d)'], profilesNaturalPersons: true, transparencyCases: ['50(1)'] };
    const result = await demo.api.graphql<Classified>(CLASSIFY, { id, answers, expectedVersion: 1 }, demo.admin);
    expect(result.errors).toBeUndefined();
    const rationale =
      'High-risk under Art. 6(2): Annex III point 4 (Employment, workers management and access to self-employment). The Art. 6(3) derogation claimed (6(3)(d) Performs a task preparatory to an assessment relevant to an Annex III use case) does not apply, because the system profiles natural persons. Transparency obligations under Art. 50 apply as well: 50(1) Interacts directly with natural persons.';
    const system = result.data!.classifyAiSystem;
    expect(system).toMatchObject({ version: 2, euAiActTier: 'HIGH_RISK', tierRationale: rationale });
    expect(system.aiActClassification).toMatchObject({
      tier: 'HIGH_RISK',
      rationale,
      classifiedBy: ADMIN_NAME,
      overriddenByHand: false,
      answers: { ...answers, derogations: ['6(3)(d)'] },
    });
    const at = Date.parse(system.aiActClassification.classifiedAt);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    expect(system.aiActClassification.obligations.map((obligation) => obligation.article)).toEqual([
      ...aiActObligations.highRisk.map((obligation) => obligation.article),
      'Art. 49',
      'Art. 27',
      'Art. 86',
      'Art. 50(1)',
      'Art. 4',
    ]);
    expect(system.aiActClassification.obligations[0]).toMatchObject({ article: 'Art. 9', addressee: 'providers', appliesFrom: '2026-08-02', reportedAppliesFrom: '2027-12-02' });

    // Read back by a member who may not classify.
    const read = await demo.api.graphql<{ aiSystem: { euAiActTier: string; aiActClassification: Classification } }>(`query($id: ID!) { aiSystem(id: $id) { euAiActTier ${CLASSIFICATION} } }`, { id }, demo.executive);
    expect(read.data!.aiSystem).toEqual({ euAiActTier: 'HIGH_RISK', aiActClassification: system.aiActClassification });

    // The audit log holds the answers as they were stored, under the member who gave them.
    const [entry] = await demo.api.orm.em.fork().find(AuditLogEntry, { entityType: 'AiSystem', entityId: id, operation: 'update' }, { orderBy: { sequence: 'desc' } });
    expect(entry?.actor).toBe('demo@assay.local');
    expect(JSON.parse(entry!.after!)).toMatchObject({ aiActAnswers: { ...answers, derogations: ['6(3)(d)'] }, aiActTier: 'high-risk', euAiActTier: 'high-risk', aiActClassifiedBy: ADMIN_NAME, version: 2 });
  });

  it('reclassifies, and shows a tier set by hand afterwards as an override', async () => {
    const id = await newSystem('Interview note summariser');
    await demo.api.graphql<Classified>(CLASSIFY, { id, answers: { ...NONE, annexIIIAreas: ['4'], profilesNaturalPersons: true }, expectedVersion: 1 }, demo.admin);
    const derogated = await demo.api.graphql<Classified>(CLASSIFY, { id, answers: { ...NONE, annexIIIAreas: ['4'], derogations: ['6(3)(a)'] }, expectedVersion: 2 }, demo.admin);
    expect(derogated.errors).toBeUndefined();
    expect(derogated.data!.classifyAiSystem).toMatchObject({ version: 3, euAiActTier: 'MINIMAL', aiActClassification: { tier: 'MINIMAL', overriddenByHand: false } });
    expect(derogated.data!.classifyAiSystem.aiActClassification.obligations.map((obligation) => obligation.article)).toEqual(['Art. 6(4)', 'Art. 4']);

    const manual = await demo.api.graphql<{ updateAiSystem: { euAiActTier: string; tierRationale: string; aiActClassification: Classification } }>(
      `mutation($id: ID!) { updateAiSystem(id: $id, input: { expectedVersion: 3, euAiActTier: HIGH_RISK, tierRationale: "Treated as high-risk by board decision." }) { euAiActTier tierRationale ${CLASSIFICATION} } }`,
      { id },
      demo.admin,
    );
    expect(manual.errors).toBeUndefined();
    expect(manual.data!.updateAiSystem).toMatchObject({ euAiActTier: 'HIGH_RISK', tierRationale: 'Treated as high-risk by board decision.', aiActClassification: { tier: 'MINIMAL', overriddenByHand: true } });
  });

  it('has no classification for a system the questionnaire has not seen', async () => {
    const id = await newSystem('Unclassified helper');
    const read = await demo.api.graphql<{ aiSystem: { euAiActTier: string; aiActClassification: null } }>(`query($id: ID!) { aiSystem(id: $id) { euAiActTier aiActClassification { tier } } }`, { id }, demo.admin);
    expect(read.data!.aiSystem).toEqual({ euAiActTier: 'UNCLASSIFIED', aiActClassification: null });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an unknown Annex III point', { annexIIIAreas: ['4', '9'] }, 'answers.annexIIIAreas', 'answers.annexIIIAreas item 2 names no area of Annex III: "9"'],
    ['an unknown prohibited practice', { prohibitedPractices: ['5(1)(z)'] }, 'answers.prohibitedPractices', 'answers.prohibitedPractices item 1 names no prohibited practice of Art. 5: "5(1)(z)"'],
    ['an unknown Art. 50 case', { transparencyCases: ['50(5)'] }, 'answers.transparencyCases', 'answers.transparencyCases item 1 names no case of Art. 50: "50(5)"'],
    ['a derogation without an Annex III area', { derogations: ['6(3)(a)'] }, 'answers.derogations', 'answers.derogations apply only to a system in an Annex III area: choose one in annexIIIAreas, or leave derogations empty'],
  ])('refuses %s naming the field, and changes nothing', async (_case, changes, field, message) => {
    const id = await newSystem(`Refused ${field}`);
    const result = await demo.api.graphql(CLASSIFY, { id, answers: { ...NONE, ...changes }, expectedVersion: 1 }, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    const stored = await demo.api.orm.em.fork().findOneOrFail(AiSystem, { id });
    expect({ version: stored.version, tier: stored.euAiActTier, answers: stored.aiActAnswers, classifiedAt: stored.aiActClassifiedAt }).toEqual({ version: 1, tier: 'unclassified', answers: null, classifiedAt: null });
  });

  it('refuses a stale version as a conflict, keeping the newer classification', async () => {
    const id = await newSystem('Chat front door');
    await demo.api.graphql<Classified>(CLASSIFY, { id, answers: { ...NONE, transparencyCases: ['50(1)'] }, expectedVersion: 1 }, demo.admin);
    const stale = await demo.api.graphql(CLASSIFY, { id, answers: { ...NONE, prohibitedPractices: ['5(1)(a)'] }, expectedVersion: 1 }, demo.admin);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const stored = await demo.api.orm.em.fork().findOneOrFail(AiSystem, { id });
    expect({ version: stored.version, tier: stored.euAiActTier, answers: stored.aiActAnswers?.transparencyCases }).toEqual({ version: 2, tier: 'limited', answers: ['50(1)'] });
  });

  it("answers another organisation's system as not found, and leaves it alone", async () => {
    const id = await newSystem('Northwind only');
    const other = await demo.api.signIn(SECOND_TENANT_ADMIN.email, SECOND_TENANT_ADMIN.password);
    const result = await demo.api.graphql(CLASSIFY, { id, answers: { ...NONE, prohibitedPractices: ['5(1)(c)'] }, expectedVersion: 1 }, other);
    expect(result.errors?.[0]).toMatchObject({ message: `AI system ${id} was not found`, extensions: { code: 'NOT_FOUND' } });
    const stored = await demo.api.orm.em.fork().findOneOrFail(AiSystem, { id });
    expect({ version: stored.version, tier: stored.euAiActTier }).toEqual({ version: 1, tier: 'unclassified' });
  });

  it('lets only risk editors classify', async () => {
    const id = await newSystem('Read-only check');
    const refused = await demo.api.graphql(CLASSIFY, { id, answers: NONE, expectedVersion: 1 }, demo.executive);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(demo.api.loggedErrors).toEqual([]);
  });
});
