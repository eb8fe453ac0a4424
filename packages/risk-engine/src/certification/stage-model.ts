import type { CertificationProfile, CertificationStage } from './types.js';

/** A triangular distribution: lowest, most likely and highest value (internal). */
export interface Triangle {
  readonly min: number;
  readonly mode: number;
  readonly max: number;
}

/** The stages to certification, in order (internal). */
export const certificationStages: readonly CertificationStage[] = [
  'gap-analysis',
  'implementation',
  'internal-audit',
  'management-review',
  'stage-1',
  'stage-2',
  'certification-decision',
];

/**
 * Typical days for each stage but implementation (internal): `lead`, the wait between being ready
 * and starting (booking the certification body, closing Stage 1 findings), then `duration`. Gap
 * analysis 2–6 weeks is a common market estimate; the rest are Assay's own estimates: internal
 * audit 1–4 weeks with its report, management review 3–21 days after it, Stage 1 booked 2–8 weeks
 * ahead and lasting 1–5 days, Stage 2 2–8 weeks after Stage 1 and lasting 2–10 days, and the
 * decision 2–8 weeks after Stage 2 (the body's review and the plans for minor nonconformities).
 */
export const stageDays: Readonly<Record<Exclude<CertificationStage, 'implementation'>, { readonly lead: Triangle | null; readonly duration: Triangle }>> = {
  'gap-analysis': { lead: null, duration: { min: 14, mode: 28, max: 42 } },
  'internal-audit': { lead: null, duration: { min: 7, mode: 14, max: 28 } },
  'management-review': { lead: null, duration: { min: 3, mode: 7, max: 21 } },
  'stage-1': { lead: { min: 14, mode: 28, max: 56 }, duration: { min: 1, mode: 2, max: 5 } },
  'stage-2': { lead: { min: 14, mode: 28, max: 56 }, duration: { min: 2, mode: 4, max: 10 } },
  'certification-decision': { lead: null, duration: { min: 14, mode: 28, max: 56 } },
};

/**
 * Typical months to implement every applicable control, by how many steps the profile is above
 * small and low (size small 0, medium 1, large 2, plus complexity low 0, medium 1, high 2), within
 * the 3–12 months that implementation commonly takes, so that with the other stages the whole project takes about
 * 6–18 months (internal).
 */
export const implementationMonths: readonly Triangle[] = [
  { min: 3, mode: 4, max: 6 },
  { min: 4, mode: 6, max: 8 },
  { min: 5, mode: 7, max: 10 },
  { min: 6, mode: 9, max: 11 },
  { min: 8, mode: 10, max: 12 },
];

const SIZE_STEPS = { small: 0, medium: 1, large: 2 } as const;
const COMPLEXITY_STEPS = { low: 0, medium: 1, high: 2 } as const;

/** The typical implementation months for a profile (internal). */
export function implementationMonthsFor(profile: CertificationProfile): Triangle {
  return implementationMonths[SIZE_STEPS[profile.size] + COMPLEXITY_STEPS[profile.complexity]] as Triangle;
}

/**
 * A draw from a triangular distribution by inverting its distribution function, from one uniform
 * number in [0, 1) (internal).
 */
export function sampleTriangle(triangle: Triangle, uniform: number): number {
  const { min, mode, max } = triangle;
  const width = max - min;
  if (uniform < (mode - min) / width) return min + Math.sqrt(uniform * width * (mode - min));
  return max - Math.sqrt((1 - uniform) * width * (max - mode));
}
