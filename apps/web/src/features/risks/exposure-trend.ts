import { gql } from 'urql';

export interface ExposureFields {
  risks: number;
  totalScore: number;
  meanScore: number | null;
  aboveAppetite: number;
}

export interface RiskTrendPoint {
  date: string;
  inherent: ExposureFields;
  residual: ExposureFields;
}

export const RiskTrendQuery = gql`
  query RiskTrend($from: String!) {
    riskTrend(from: $from, interval: MONTH) {
      date
      inherent {
        risks
        totalScore
        meanScore
        aboveAppetite
      }
      residual {
        risks
        totalScore
        meanScore
        aboveAppetite
      }
    }
  }
`;

/** The ISO date (UTC) one year before a day; 29 February goes to 1 March. */
export function oneYearBefore(day: Date): string {
  return new Date(Date.UTC(day.getUTCFullYear() - 1, day.getUTCMonth(), day.getUTCDate())).toISOString().slice(0, 10);
}
