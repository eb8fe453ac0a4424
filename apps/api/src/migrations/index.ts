import { Migration20261128000000_initial } from './Migration20261128000000_initial.js';

/** Every migration in order; listed explicitly so the build needs no folder scanning. */
export const migrations = [
  { name: 'Migration20261128000000_initial', class: Migration20261128000000_initial },
];
