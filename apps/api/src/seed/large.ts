/**
 * A large organisation for benchmarks: hundreds of AI systems, tens of thousands of risks with
 * their assessment history, a full Statement of Applicability, thousands of findings and two
 * years of weekly fairness windows per system. The data is generated from a fixed seed, so two
 * runs with the same sizes and day produce the same register.
 *
 * Rows go in with multi-row inserts (`em.insertMany`), batch by batch inside one transaction:
 * the ORM's unit of work would hold every entity in memory. The audit log is not written for
 * this bulk load (it records changes made through the API), which `npm run audit:verify` accepts
 * as an empty chain for the organisation.
 */
import { randomUUID } from 'node:crypto';
import { type Cell, createRiskMatrix, type GroupCounts, residualRisk, scoreRisk } from '@assay/risk-engine';
import { annexAControls, annexCObjectives, annexCRiskSources, findingKinds, lifeCycleStages, riskStatuses, riskTreatmentOptions } from '@assay/schema';
import type { EntityManager } from '@mikro-orm/core';
import { hashPassword } from '../auth/password.js';
import { Role } from '../auth/roles.js';
import { AiSystem } from '../entities/ai-system.entity.js';
import { Audit } from '../entities/audit.entity.js';
import { FairnessThreshold } from '../entities/fairness-threshold.entity.js';
import { FairnessWindowCell } from '../entities/fairness-window-cell.entity.js';
import { FairnessWindow } from '../entities/fairness-window.entity.js';
import { Finding } from '../entities/finding.entity.js';
import { Membership } from '../entities/membership.entity.js';
import { Organisation } from '../entities/organisation.entity.js';
import { RiskAssessment } from '../entities/risk-assessment.entity.js';
import { Risk } from '../entities/risk.entity.js';
import { SoaEntry } from '../entities/soa-entry.entity.js';
import { User } from '../entities/user.entity.js';
import { addDays, mondayOnOrBefore } from '../services/dates.js';
import { breachFindingFields, thresholdBreach } from '../services/fairness-thresholds.js';

export const LARGE_ORGANISATION_NAME = 'Large Bank (benchmark)';
/** The large organisation's administrator; every benchmark request signs in as it. */
export const LARGE_SIGN_IN = { email: 'bench@assay.local', password: 'assay-benchmark' } as const;

export interface LargeSizes {
  systems: number;
  risks: number;
  /** Assessments per risk, the current one included. */
  assessments: number;
  findings: number;
  /** Weekly fairness windows per system and attribute. */
  weeks: number;
  /** The demographic parity difference each system's threshold allows (default LARGE_THRESHOLD.value: about 3% of systems breach it). */
  fairnessThreshold?: number;
}

/** The sizes of the brief: 1,000 systems, 50,000 risks × 10 assessments, 5,000 findings, two years of weeks. */
export const FULL_SIZE: LargeSizes = { systems: 1000, risks: 50_000, assessments: 10, findings: 5000, weeks: 104 };

/** Two sensitive attributes with six groups each. */
export const LARGE_ATTRIBUTES: readonly { attribute: string; groups: readonly string[] }[] = [
  { attribute: 'age_band', groups: ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] },
  { attribute: 'region', groups: ['north', 'south', 'east', 'west', 'central', 'overseas'] },
];

/** The threshold every generated system is monitored against: the spread of selection rates between age bands. */
export const LARGE_THRESHOLD = { attribute: 'age_band', metric: 'demographicParityDifference', direction: 'above', value: 0.15 } as const;

export interface SeedProgress {
  (stage: string, done: number, total: number): void;
}

/** A small deterministic generator (mulberry32), so the data does not change between runs. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}

function between(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

function binomial(random: () => number, trials: number, probability: number): number {
  // Normal approximation: windows hold hundreds of decisions, and only the counts' shape matters here.
  const mean = trials * probability;
  const spread = Math.sqrt(trials * probability * (1 - probability));
  const gauss = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(0, Math.min(trials, Math.round(mean + spread * gauss)));
}

const BATCH = 500;

/** Inserts rows in batches of BATCH, reporting progress after each. */
async function insertAll<T extends object>(em: EntityManager, entity: new () => T, rows: Iterable<Partial<T>>, stage: string, total: number, progress: SeedProgress): Promise<void> {
  let batch: Partial<T>[] = [];
  let done = 0;
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      await em.insertMany(entity, batch as T[]);
      done += batch.length;
      batch = [];
      progress(stage, done, total);
    }
  }
  if (batch.length > 0) {
    await em.insertMany(entity, batch as T[]);
    done += batch.length;
  }
  progress(stage, done, total);
}

export class LargeOrganisationExists extends Error {}

/**
 * Creates the large organisation in one transaction; refuses when one by that name exists.
 * `today` fixes the calendar: assessments spread over the 18 months before it and the fairness
 * windows end on the Monday on or before it.
 */
export async function seedLargeOrganisation(em: EntityManager, sizes: LargeSizes, today: string, progress: SeedProgress = () => undefined): Promise<{ organisationId: string; rows: number }> {
  if ((await em.count(Organisation, { name: LARGE_ORGANISATION_NAME })) > 0) {
    throw new LargeOrganisationExists(`"${LARGE_ORGANISATION_NAME}" is already in this database; generate it into an empty database`);
  }
  if ((await em.count(User, { email: LARGE_SIGN_IN.email })) > 0) {
    throw new LargeOrganisationExists(`the account ${LARGE_SIGN_IN.email} is already in this database; generate into an empty database`);
  }
  const passwordHash = await hashPassword(LARGE_SIGN_IN.password);
  const matrix = createRiskMatrix();
  const random = generator(42);
  const now = new Date(`${today}T12:00:00Z`);
  let rows = 0;
  const organisationId = randomUUID();

  await em.transactional(async (tx) => {
    await tx.insertMany(Organisation, [{ id: organisationId, name: LARGE_ORGANISATION_NAME, aimsScope: 'Retail and commercial banking, insurance and asset management: every AI system in production.', createdAt: now } as Organisation]);
    const userId = randomUUID();
    await tx.insertMany(User, [{ id: userId, email: LARGE_SIGN_IN.email, name: 'Benchmark Administrator', passwordHash, createdAt: now } as User]);
    await tx.insertMany(Membership, [{ id: randomUUID(), user: userId, organisation: organisationId, role: Role.ADMIN, createdAt: now, version: 1 } as unknown as Membership]);
    rows += 3;

    const systemIds = Array.from({ length: sizes.systems }, () => randomUUID());
    const families = ['Credit scoring', 'Fraud detection', 'Claims triage', 'Pricing', 'Churn propensity', 'Document reader', 'Chat assistant', 'Anti-money-laundering', 'Collections', 'Underwriting'];
    const tiers = ['high-risk', 'minimal', 'limited', 'minimal', 'minimal', 'minimal', 'limited', 'minimal', 'minimal', 'high-risk'] as const;
    await insertAll(
      tx,
      AiSystem,
      (function* () {
        for (const [index, id] of systemIds.entries()) {
          const family = index % families.length;
          yield {
            id,
            organisation: organisationId,
            name: `${families[family]} model ${String(index + 1).padStart(4, '0')}`,
            purpose: `${families[family]} for business line ${(index % 37) + 1}.`,
            organisationRole: index % 3 === 0 ? 'customer' : 'provider',
            lifeCycleStage: pick(random, lifeCycleStages.slice(2, 6)),
            euAiActTier: tiers[family]!,
            owner: `Model owner ${(index % 120) + 1}`,
            version: 1,
            createdAt: now,
            updatedAt: now,
          } as unknown as AiSystem;
        }
      })(),
      'AI systems',
      sizes.systems,
      progress,
    );
    rows += sizes.systems;

    await insertAll(
      tx,
      SoaEntry,
      annexAControls.map((control, position) => ({
        id: randomUUID(),
        organisation: organisationId,
        controlId: control.id,
        applicable: true,
        implementationStatus: position % 4 === 0 ? 'in-progress' : 'implemented',
        justification: 'Needed to treat the AI risks of the whole model inventory.',
        owner: 'Chief AI Risk Officer',
        implementedDate: position % 4 === 0 ? null : addDays(today, -7 * (40 - position)),
        version: 1,
        updatedAt: now,
      }) as unknown as SoaEntry),
      'Statement of Applicability',
      annexAControls.length,
      progress,
    );
    rows += annexAControls.length;

    // Risks and their history: assessments spread over the 18 months before today, most of them
    // keeping or lowering the rating; the last one is the risk's current rating.
    const riskIds: string[] = [];
    let assessments: RiskAssessment[] = [];
    let riskBatch: Risk[] = [];
    const spanDays = 548;
    const flushRisks = async () => {
      if (riskBatch.length === 0) return;
      await tx.insertMany(Risk, riskBatch);
      // Each batch's history right after it, so no row waits long in memory.
      for (let start = 0; start < assessments.length; start += BATCH) await tx.insertMany(RiskAssessment, assessments.slice(start, start + BATCH));
      rows += riskBatch.length + assessments.length;
      riskBatch = [];
      assessments = [];
      progress('risks with their assessments', riskIds.length, sizes.risks);
    };
    for (let index = 0; index < sizes.risks; index += 1) {
      const id = randomUUID();
      riskIds.push(id);
      let likelihood = between(random, 2, 5);
      let impact = between(random, 2, 5);
      const treated = random() < 0.6;
      const history: { at: Date; likelihood: number; impact: number; residual: { likelihood: number; impact: number } | null }[] = [];
      for (let step = 0; step < sizes.assessments; step += 1) {
        const day = Math.round((spanDays * step) / Math.max(1, sizes.assessments)) + between(random, 0, 20);
        const at = new Date(now.getTime() - (spanDays - day) * 86_400_000);
        if (random() < 0.25) likelihood = Math.max(1, Math.min(5, likelihood + (random() < 0.7 ? -1 : 1)));
        if (random() < 0.1) impact = Math.max(1, Math.min(5, impact + (random() < 0.6 ? -1 : 1)));
        const residual = treated && step >= sizes.assessments / 3 ? { likelihood: Math.max(1, likelihood - 1 - (step % 2)), impact } : null;
        history.push({ at, likelihood, impact, residual });
      }
      for (const entry of history) {
        const inherent = scoreRisk({ likelihood: entry.likelihood, impact: entry.impact }, matrix);
        const after = entry.residual ? residualRisk({ likelihood: entry.likelihood, impact: entry.impact }, entry.residual, matrix).residual : null;
        assessments.push({
          id: randomUUID(),
          risk: id as unknown as Risk,
          assessedAt: entry.at,
          likelihood: entry.likelihood,
          impact: entry.impact,
          score: inherent.score,
          level: inherent.level,
          residualLikelihood: entry.residual?.likelihood ?? null,
          residualImpact: entry.residual?.impact ?? null,
          residualScore: after?.score ?? null,
          residualLevel: after?.level ?? null,
        } as RiskAssessment);
      }
      const current = history.at(-1)!;
      const inherent = scoreRisk({ likelihood: current.likelihood, impact: current.impact }, matrix);
      const after = current.residual ? residualRisk({ likelihood: current.likelihood, impact: current.impact }, current.residual, matrix).residual : null;
      const systemId = index % 20 === 19 ? null : systemIds[index % systemIds.length]!;
      riskBatch.push({
        id,
        organisation: organisationId,
        aiSystem: systemId,
        title: `${pick(random, ['Biased outcomes for', 'Unexplained decisions in', 'Data drift in', 'Over-reliance on', 'Security weakness in', 'Privacy exposure in'])} ${systemId === null ? 'the model inventory' : `system ${(index % systemIds.length) + 1}`} (#${index + 1})`,
        description: 'Generated for the large-organisation benchmark.',
        likelihood: current.likelihood,
        impact: current.impact,
        score: inherent.score,
        level: inherent.level,
        withinAppetite: inherent.withinAppetite,
        source: pick(random, annexCRiskSources).key,
        objective: pick(random, annexCObjectives).key,
        controlIds: [pick(random, annexAControls).id, pick(random, annexAControls).id].filter((value, position, all) => all.indexOf(value) === position),
        status: treated ? pick(random, riskStatuses.slice(2, 4)) : pick(random, riskStatuses.slice(0, 2)),
        treatment: treated ? pick(random, riskTreatmentOptions) : null,
        owner: `Risk owner ${(index % 250) + 1}`,
        reviewDate: addDays(today, between(random, -60, 300)),
        residualLikelihood: current.residual?.likelihood ?? null,
        residualImpact: current.residual?.impact ?? null,
        residualScore: after?.score ?? null,
        residualLevel: after?.level ?? null,
        version: sizes.assessments,
        createdAt: history[0]!.at,
        updatedAt: current.at,
      } as unknown as Risk);
      if (riskBatch.length === BATCH) await flushRisks();
    }
    await flushRisks();

    // Internal audits, one a quarter, holding the findings.
    const auditIds = Array.from({ length: 8 }, () => randomUUID());
    await insertAll(
      tx,
      Audit,
      auditIds.map((id, quarter) => ({
        id,
        organisation: organisationId,
        title: `Internal AIMS audit, quarter ${quarter + 1}`,
        plannedOn: addDays(today, -91 * (8 - quarter)),
        completedOn: addDays(today, -91 * (8 - quarter) + 14),
        status: 'completed',
        version: 1,
        createdAt: now,
      }) as unknown as Audit),
      'audits',
      auditIds.length,
      progress,
    );
    rows += auditIds.length;
    await insertAll(
      tx,
      Finding,
      (function* () {
        for (let index = 0; index < sizes.findings; index += 1) {
          const quarter = index % auditIds.length;
          yield {
            id: randomUUID(),
            organisation: organisationId,
            audit: auditIds[quarter]!,
            source: 'audit',
            aiSystem: systemIds[index % systemIds.length]!,
            risk: riskIds[(index * 7) % riskIds.length] ?? null,
            kind: pick(random, findingKinds),
            clauseId: pick(random, ['6.1.2', '6.1.3', '8.2', '8.3', '9.1', '9.2']),
            controlId: pick(random, annexAControls).id,
            description: `Finding ${index + 1} of the generated audit programme.`,
            raisedOn: addDays(today, -91 * (8 - quarter) + 10),
            status: random() < 0.7 ? 'closed' : 'open',
            version: 1,
          } as unknown as Finding;
        }
      })(),
      'findings',
      sizes.findings,
      progress,
    );
    rows += sizes.findings;

    // Two years of weekly fairness windows per system and attribute, six groups each.
    const lastEnd = mondayOnOrBefore(today);
    const firstStart = addDays(lastEnd, -7 * sizes.weeks);
    const windowTotal = sizes.systems * LARGE_ATTRIBUTES.length * sizes.weeks;
    const cells: Partial<FairnessWindowCell>[] = [];
    /** Each system's latest window of the monitored attribute, checked against its threshold below. */
    const latestWindows = new Map<string, { start: string; end: string; counts: GroupCounts }>();
    const windows = (function* () {
      for (const systemId of systemIds) {
        for (const { attribute, groups } of LARGE_ATTRIBUTES) {
          const drift = random() < 0.1 ? 0.15 : 0;
          for (let week = 0; week < sizes.weeks; week += 1) {
            const windowId = randomUUID();
            let total = 0;
            const counts: Record<string, Cell> = {};
            groups.forEach((groupKey, position) => {
              const size = 150 + Math.floor(random() * 250);
              const rate = 0.45 - (position === groups.length - 1 ? (drift * week) / sizes.weeks : 0);
              const positives = binomial(random, size, 0.4);
              const tp = binomial(random, positives, rate + 0.3);
              const fp = binomial(random, size - positives, rate / 3);
              total += size;
              counts[groupKey] = { tp, fn: positives - tp, fp, tn: size - positives - fp, rows: size };
              cells.push({ id: randomUUID(), window: windowId as unknown as FairnessWindow, groupKey, ...counts[groupKey] });
            });
            const startsOn = addDays(firstStart, 7 * week);
            if (week === sizes.weeks - 1 && attribute === LARGE_THRESHOLD.attribute) {
              latestWindows.set(systemId, { start: startsOn, end: addDays(startsOn, 7), counts: { groups: counts, missing: { tp: 0, fp: 0, tn: 0, fn: 0, rows: 0 } } });
            }
            yield { id: windowId, organisation: organisationId, aiSystem: systemId, attribute, startsOn, endsOn: addDays(startsOn, 7), rows: total, createdAt: now, updatedAt: now } as unknown as FairnessWindow;
          }
        }
      }
    })();
    // Windows and their cells go in alternately, so the cells never wait in memory for long.
    let windowBatch: FairnessWindow[] = [];
    let windowsDone = 0;
    const flushWindows = async () => {
      if (windowBatch.length === 0) return;
      await tx.insertMany(FairnessWindow, windowBatch);
      for (let start = 0; start < cells.length; start += BATCH) await tx.insertMany(FairnessWindowCell, cells.slice(start, start + BATCH) as FairnessWindowCell[]);
      windowsDone += windowBatch.length;
      rows += windowBatch.length + cells.length;
      windowBatch = [];
      cells.length = 0;
    };
    for (const window of windows) {
      windowBatch.push(window);
      if (windowBatch.length === BATCH) {
        await flushWindows();
        progress('fairness windows', windowsDone, windowTotal);
      }
    }
    await flushWindows();
    progress('fairness windows', windowsDone, windowTotal);

    // Every system's fairness is monitored by one threshold; a latest window beyond it has opened
    // a monitoring finding, as an import would have.
    const allowed = sizes.fairnessThreshold ?? LARGE_THRESHOLD.value;
    const thresholds = systemIds.map(
      (systemId) =>
        ({ id: randomUUID(), organisation: organisationId, aiSystem: systemId, ...LARGE_THRESHOLD, value: allowed, privilegedGroup: null, minGroupSize: 0, risk: null, version: 1, createdAt: now }) as unknown as FairnessThreshold,
    );
    await insertAll(tx, FairnessThreshold, thresholds, 'fairness thresholds', thresholds.length, progress);
    const breaches = thresholds.flatMap((threshold) => {
      const latest = latestWindows.get(threshold.aiSystem as unknown as string)!;
      const reading = thresholdBreach(threshold, latest);
      if (reading === null || !reading.breached) return [];
      const fields = breachFindingFields(threshold, { attribute: LARGE_THRESHOLD.attribute, ...latest }, reading, today);
      return [{ id: randomUUID(), organisation: organisationId, ...fields, aiSystem: threshold.aiSystem, threshold: threshold.id, status: 'open', version: 1 } as unknown as Finding];
    });
    await insertAll(tx, Finding, breaches, 'monitoring findings', breaches.length, progress);
    rows += thresholds.length + breaches.length;
  });
  // Planner statistics for what was just loaded: without them PostgreSQL estimates a few dozen
  // rows where there are 50,000 and plans for that, until autovacuum (when it is on) catches up;
  // SQLite keeps none until asked.
  progress('planner statistics', 0, 1);
  await em.getConnection().execute('analyze');
  progress('planner statistics', 1, 1);
  return { organisationId, rows };
}
