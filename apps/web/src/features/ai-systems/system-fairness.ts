import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql/index.js';
import { isoDateAddDays } from '../../format/iso-date-add-days.js';
import type { FairnessThresholdRow } from '../fairness/fairness.js';

/** What is monitored for one AI system: its attributes and the thresholds set on them. */
export const SystemFairnessQuery = graphql(`
  query SystemFairness($aiSystemId: ID!) {
    fairnessAttributes(aiSystemId: $aiSystemId) {
      attribute
      groups
      firstStart
      lastEnd
      windows
    }
    fairnessThresholds(aiSystemId: $aiSystemId) {
      ...FairnessThresholdFields
    }
  }
`);

export type FairnessAttribute = ResultOf<typeof SystemFairnessQuery>['fairnessAttributes'][number];

const GroupFields = graphql(`
  fragment GroupFields on GroupMetricsView {
    group
    count
    suppressed
    selectionRate { value lower upper }
    truePositiveRate { value lower upper }
    falsePositiveRate { value lower upper }
    test { pValue qValue }
  }
`);

export type GroupReport = ResultOf<typeof GroupFields>;
/** A rate with its interval. */
export type Estimate = GroupReport['selectionRate'];

export const FairnessReportQuery = graphql(`
  query FairnessReport($aiSystemId: ID!, $attribute: String!, $privilegedGroup: String, $minGroupSize: Int, $from: String) {
    fairnessReport(aiSystemId: $aiSystemId, attribute: $attribute, privilegedGroup: $privilegedGroup, minGroupSize: $minGroupSize, from: $from) {
      attribute
      from
      to
      windows
      confidenceLevel
      overall { ...GroupFields }
      groups { ...GroupFields }
      privileged {
        privilegedGroup
        disparateImpact { value lower upper }
        statisticalParityDifference { value lower upper }
      }
      fourFifthsRule { passes lowestRatio group highestGroup }
    }
  }
`);

export type FairnessReport = ResultOf<typeof FairnessReportQuery>['fairnessReport'];

/** Groups smaller than this are suppressed when no threshold sets a size of its own. */
export const DEFAULT_MIN_GROUP_SIZE = 30;

/** The report covers the latest weeks, so a recent drift is not averaged away by older windows. */
export const REPORT_WEEKS = 12;

export interface ReportSettings {
  privilegedGroup: string | null;
  minGroupSize: number;
  /** First day of the first window to merge. */
  from: string;
}

/**
 * How to ask for an attribute's report: the privileged group and minimum group size of the
 * threshold set on it (the first, if several), else no privileged group and the default size;
 * the windows of the last REPORT_WEEKS weeks before the attribute's last window ended.
 */
export function reportSettings(attribute: FairnessAttribute, thresholds: readonly FairnessThresholdRow[]): ReportSettings {
  const threshold = thresholds.find((candidate) => candidate.attribute === attribute.attribute);
  const recent = isoDateAddDays(attribute.lastEnd, -7 * REPORT_WEEKS);
  return {
    privilegedGroup: threshold?.privilegedGroup ?? null,
    minGroupSize: threshold ? threshold.minGroupSize : DEFAULT_MIN_GROUP_SIZE,
    from: recent > attribute.firstStart ? recent : attribute.firstStart,
  };
}
