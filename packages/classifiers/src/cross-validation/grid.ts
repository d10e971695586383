/**
 * Hyperparameter grids: every combination of a few candidate values per option.
 * @module
 */

/** Candidate values per option: `{ k: [1, 3, 5], distance: ['l1', 'l2'] }`. */
export type Grid = Readonly<Record<string, readonly unknown[]>>;

/** One combination of a {@link Grid}: one value per option, `{ k: 3, distance: 'l2' }`. */
export type GridSetting<G extends Grid> = { -readonly [K in keyof G]: G[K][number] };

/**
 * Every combination of the grid's values (the Cartesian product), the last option varying
 * fastest: `{ k: [1, 3], distance: ['l1', 'l2'] }` gives `{k:1,distance:'l1'}`,
 * `{k:1,distance:'l2'}`, `{k:3,distance:'l1'}`, `{k:3,distance:'l2'}`. An empty grid gives one
 * empty setting. `where` names the caller in errors.
 */
export function expandGrid<const G extends Grid>(grid: G, where = 'expandGrid'): GridSetting<G>[] {
  if (grid === null || typeof grid !== 'object' || Array.isArray(grid)) {
    throw new Error(`${where}: grid must be an object of candidate arrays, e.g. { k: [1, 3, 5], distance: ['l1', 'l2'] }, got ${Array.isArray(grid) ? 'an array' : String(grid)}`);
  }
  let settings: Record<string, unknown>[] = [{}];
  for (const [name, values] of Object.entries(grid)) {
    if (!Array.isArray(values) || values.length === 0) {
      const got = Array.isArray(values) ? 'an empty array' : `${String(values)} (wrap a fixed value in an array: { ${name}: [${JSON.stringify(values)}] })`;
      throw new Error(`${where}: grid.${name} must be a non-empty array of candidate values, got ${got}`);
    }
    settings = settings.flatMap((setting) => values.map((value) => ({ ...setting, [name]: value })));
  }
  return settings as GridSetting<G>[];
}
