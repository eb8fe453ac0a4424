/**
 * National accreditation bodies that sign the IAF multilateral recognition arrangement (MLA).
 * Since 1 January 2026 IAF and ILAC form GACI, whose single arrangement replaces the MLA; earlier
 * recognitions stay valid in the transition. MLA status is per scope: check that a certification
 * body's accreditation covers ISO/IEC 42001.
 */
export interface AccreditationBody {
  readonly acronym: string;
  readonly country: string;
  readonly iafMlaSignatory: boolean;
}

export const accreditationBodies: readonly AccreditationBody[] = Object.freeze([
  { acronym: 'UKAS', country: 'United Kingdom', iafMlaSignatory: true },
  { acronym: 'ANAB', country: 'United States', iafMlaSignatory: true },
  { acronym: 'DAkkS', country: 'Germany', iafMlaSignatory: true },
  { acronym: 'COFRAC', country: 'France', iafMlaSignatory: true },
  { acronym: 'ACCREDIA', country: 'Italy', iafMlaSignatory: true },
  { acronym: 'ENAC', country: 'Spain', iafMlaSignatory: true },
  { acronym: 'RvA', country: 'Netherlands', iafMlaSignatory: true },
  { acronym: 'BELAC', country: 'Belgium', iafMlaSignatory: true },
  { acronym: 'SAS', country: 'Switzerland', iafMlaSignatory: true },
  { acronym: 'JAS-ANZ', country: 'Australia and New Zealand', iafMlaSignatory: true },
  { acronym: 'SCC', country: 'Canada', iafMlaSignatory: true },
  { acronym: 'JAB', country: 'Japan', iafMlaSignatory: true },
  { acronym: 'CNAS', country: 'China', iafMlaSignatory: true },
  { acronym: 'NABCB', country: 'India', iafMlaSignatory: true },
  { acronym: 'SANAS', country: 'South Africa', iafMlaSignatory: true },
]);
