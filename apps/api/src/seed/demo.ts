import { createRiskMatrix, scoreRisk } from '@assay/risk-engine';
import type { EntityManager } from '@mikro-orm/core';
import { hashPassword } from '../auth/password.js';
import { Role } from '../auth/roles.js';
import { Membership } from '../entities/membership.entity.js';
import { Organisation } from '../entities/organisation.entity.js';
import { Risk } from '../entities/risk.entity.js';
import { User } from '../entities/user.entity.js';

/** The sign-in printed at start-up. A demo account: change it before real use. */
export const DEMO_SIGN_IN = { email: 'demo@assay.local', password: 'assay-demo' } as const;
export const DEMO_EXECUTIVE = { email: 'exec@assay.local', password: 'assay-demo' } as const;

/** The demo organisation's risk register: [title, likelihood, impact]. */
export const DEMO_RISKS: readonly (readonly [string, number, number, string])[] = [
  ['Credit model under-approves applicants over 60', 4, 5, 'Approval rates for older applicants fell below four fifths of the best-served group in the last quarter.'],
  ['Training data for fraud model lacks provenance records', 3, 4, 'Two vendor feeds arrive without lineage, so A.7.5 evidence cannot be produced.'],
  ['Chat assistant gives unqualified financial advice', 3, 5, 'Customers may act on generated answers that read as personal advice.'],
  ['Model drift in income verification after policy change', 4, 3, 'New documentation rules changed the input distribution.'],
  ['No human review of automated account closures', 2, 5, 'Closures triggered by the anomaly model run without a second look.'],
  ['Supplier model update without notice', 3, 3, 'The document OCR supplier ships new weights without a change log.'],
  ['Explanations for declined loans are incomplete', 3, 3, 'Adverse action notices list generic reasons only.'],
  ['Event logs kept for less than six months', 2, 4, 'Inference logs rotate after 90 days on two services.'],
  ['Prompt injection through uploaded documents', 2, 4, 'Uploaded statements can carry instructions the assistant follows.'],
  ['Staff unaware of the AI incident reporting route', 3, 2, 'The reporting channel of A.3.3 is not in onboarding material.'],
  ['Energy use of retraining not monitored', 2, 2, 'No figure exists for the retraining pipeline.'],
  ['Outdated model cards for retired systems', 1, 2, 'Two retired models still have public model cards.'],
];

/**
 * Seeds the demo organisation when the database holds no organisation at all; otherwise does
 * nothing. Returns whether it seeded. Runs in one transaction.
 */
export async function seedDemoIfEmpty(em: EntityManager, log: (line: string) => void = () => undefined): Promise<boolean> {
  const existing = await em.count(Organisation, {});
  if (existing > 0) return false;
  const matrix = createRiskMatrix();
  await em.transactional(async (tx) => {
    log('Seeding the demo organisation…');
    const organisation = tx.create(Organisation, {
      name: 'Northwind Lending (demo)',
      aimsScope: 'Consumer lending: credit decisioning, fraud detection and the customer assistant, in all EU operations.',
    });
    const accounts = [
      { ...DEMO_SIGN_IN, name: 'Dana Demo', role: Role.ADMIN },
      { ...DEMO_EXECUTIVE, name: 'Evan Executive', role: Role.EXECUTIVE },
    ];
    for (const account of accounts) {
      const user = tx.create(User, { email: account.email, name: account.name, passwordHash: await hashPassword(account.password) });
      tx.create(Membership, { user, organisation, role: account.role });
    }
    DEMO_RISKS.forEach(([title, likelihood, impact, description], index) => {
      const { score, level, withinAppetite } = scoreRisk({ likelihood, impact }, matrix);
      log(`  risk ${index + 1}/${DEMO_RISKS.length}: ${title}`);
      tx.create(Risk, { organisation, title, description, likelihood, impact, score, level, withinAppetite });
    });
  });
  return true;
}
