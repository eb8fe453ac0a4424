/**
 * The Okabe–Ito palette: eight colours that stay distinct for the common forms of colour
 * blindness. Charts also label their marks, so no meaning rests on colour alone.
 */
export const palette = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#6B6B6B',
} as const;

/** Colours of the default risk levels, from calm to alarming. */
export const riskLevelColors: Readonly<Record<string, string>> = {
  Low: palette.bluishGreen,
  Medium: palette.skyBlue,
  High: palette.orange,
  Critical: palette.vermillion,
};
