/**
 * How far a control or clause requirement has been implemented: the values of the shared
 * `implementationStatuses` vocabulary. `implemented` and `verified` count as done; the others
 * count as not done (no partial credit).
 */
export type ReadinessStatus = 'not-started' | 'planned' | 'in-progress' | 'implemented' | 'verified';

/** One Annex A control (or a control of the organisation's own) from the Statement of Applicability. */
export interface ReadinessControl {
  /** The control's id, e.g. `A.6.2.4`; unique in the list. */
  readonly id: string;
  /** The id of the objective it falls under, e.g. `A.6`. */
  readonly objective: string;
  /** Whether the Statement of Applicability includes it; an excluded control is left out of every count but `excluded`. */
  readonly applicable: boolean;
  readonly status: ReadinessStatus;
}

/**
 * One requirement of clauses 4–10, at the lowest level the organisation tracks (`4.1`, `6.1.2`,
 * or a whole clause `7`). Give either `done` or `status`, not both.
 */
export interface ReadinessClause {
  /** Dotted clause number whose first number is 4 to 10; unique, and not the parent of another id in the list. */
  readonly id: string;
  readonly done?: boolean;
  readonly status?: ReadinessStatus;
}

export interface ReadinessInput {
  readonly controls: readonly ReadinessControl[];
  readonly clauses: readonly ReadinessClause[];
}

/** Readiness of one top-level clause, 4 to 10, over the requirements listed under it. */
export interface ClauseReadiness {
  /** `'4'` to `'10'`. */
  readonly clause: string;
  readonly done: number;
  readonly total: number;
  /** done / total; null when no requirement of the clause was listed. */
  readonly share: number | null;
}

/** Readiness of one Annex A objective over its applicable controls. */
export interface ObjectiveReadiness {
  readonly objective: string;
  /** Applicable controls that are implemented or verified. */
  readonly done: number;
  /** Applicable controls. */
  readonly total: number;
  /** done / total; null when no control of the objective applies. */
  readonly share: number | null;
  /** Controls excluded as not applicable (not in `total`). */
  readonly excluded: number;
}

export interface Readiness {
  /** Clauses 4 to 10, always all seven, in order. */
  readonly clauses: readonly ClauseReadiness[];
  /** One entry per objective, in the order the objectives first appear in `controls`. */
  readonly objectives: readonly ObjectiveReadiness[];
  readonly overall: {
    /** Done requirements / listed requirements of clauses 4–10; null when none are listed. */
    readonly clauses: number | null;
    /** Done applicable controls / applicable controls; null when none apply. */
    readonly controls: number | null;
    /** The mean of the two shares above (the one that is not null when the other is; null when both are). */
    readonly overall: number | null;
  };
}

/** The steps to certification, in order (ISO/IEC 17021-1). */
export type CertificationStage =
  | 'gap-analysis'
  | 'implementation'
  | 'internal-audit'
  | 'management-review'
  | 'stage-1'
  | 'stage-2'
  | 'certification-decision';

/** The plan and progress of one stage; every date is an ISO date `YYYY-MM-DD`. */
export interface CertificationStagePlan {
  readonly stage: CertificationStage;
  /** The earliest day the stage may start (for an audit, the booked date). */
  readonly plannedStart?: string | null;
  /** Reported back as `plannedEnd`; not used by the simulation. */
  readonly plannedEnd?: string | null;
  /** The stage has started (on or before `asOf`). */
  readonly actualStart?: string | null;
  /** The stage is done (on or before `asOf`). */
  readonly actualEnd?: string | null;
}

/** How many controls were completed in one week. */
export interface WeeklyCompletions {
  /** Any day of the week, as an ISO date; on or before `asOf`, unique in the list. */
  readonly week: string;
  /** A whole number ≥ 0. */
  readonly completed: number;
}

/** What the organisation is like, which picks the typical implementation duration when there is no usable history. */
export interface CertificationProfile {
  readonly size: 'small' | 'medium' | 'large';
  readonly complexity: 'low' | 'medium' | 'high';
}

export interface ProjectCertificationOptions {
  /** Today, as an ISO date `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Stages in any order, each at most once; a stage left out has no dates. */
  readonly plan: readonly CertificationStagePlan[];
  /** The Statement of Applicability, as for `readiness`: applicable controls not implemented or verified are the work left. */
  readonly controls: readonly ReadinessControl[];
  /** Weekly completed controls, one entry per week, weeks with zero completions included. */
  readonly completionHistory: readonly WeeklyCompletions[];
  /** Used only when the history cannot be (default `{ size: 'medium', complexity: 'medium' }`). */
  readonly profile?: CertificationProfile;
  /** Seed of the random generator: the same seed and input give the same result. */
  readonly seed: number;
  /** Number of simulated futures, a whole number from 1 to 1,000,000 (default 10,000). */
  readonly simulations?: number;
}

export type CertificationStageStatus = 'done' | 'in-progress' | 'not-started';

/** Percentiles of a projected date over the simulations (nearest rank), as ISO dates. */
export interface DatePercentiles {
  readonly p50: string;
  readonly p80: string;
  readonly p95: string;
}

export interface CertificationStageProjection {
  readonly stage: CertificationStage;
  readonly status: CertificationStageStatus;
  readonly plannedEnd: string | null;
  /** When the stage ends: its actual end when done. */
  readonly projected: DatePercentiles;
}

/** The three-year certification cycle that starts on the decision date (ISO/IEC 17021-1). */
export interface CertificationCycle {
  readonly decision: string;
  /** The first surveillance audit: no later than 12 months after the decision. */
  readonly firstSurveillanceBy: string;
  /** The second surveillance audit, in year 2: by 24 months after the decision. */
  readonly secondSurveillanceBy: string;
  /** The recertification audit and decision must be done before expiry: the day before it. */
  readonly recertificationBy: string;
  /** The certificate expires 3 years after the decision. */
  readonly expiry: string;
}

export interface CertificationProjection {
  /** All seven stages, in order. */
  readonly stages: readonly CertificationStageProjection[];
  /** The projected end of the certification decision. */
  readonly certificationDate: DatePercentiles;
  /**
   * The stage not yet done with the largest share of the variance of the certification date (or,
   * when the date does not vary, the one that adds the most days on average); null when every
   * stage is done or the decision is.
   */
  readonly criticalStage: CertificationStage | null;
  /** The cycle counted from the P50 certification date. */
  readonly cycle: CertificationCycle;
  /** `history`: implementation resampled from the weekly completions; `prior`: a typical duration for the profile. */
  readonly basis: 'history' | 'prior';
  /** What the projection rests on, in plain words. */
  readonly note: string;
  /** Applicable controls not implemented or verified. */
  readonly remainingControls: number;
  readonly simulations: number;
}
