/**
 * Every recipe, by op name: one per registry op, plus the output's `project`.
 */
import type { Recipe } from '../recipe.js';
import { binaryRecipes } from './binary.js';
import { indexingRecipes } from './indexing.js';
import { projectRecipe } from './output.js';
import { productRecipes } from './products.js';
import { reductionRecipes } from './reductions.js';
import { regionRecipes } from './regions.js';
import { shapeRecipes } from './shapes.js';
import { softmaxRecipes } from './softmax.js';
import { unaryRecipes } from './unary.js';
import { windowRecipes } from './windows.js';

const all: readonly Recipe[] = [
  ...unaryRecipes,
  ...binaryRecipes,
  ...reductionRecipes,
  ...productRecipes,
  ...softmaxRecipes,
  ...shapeRecipes,
  ...regionRecipes,
  ...indexingRecipes,
  ...windowRecipes,
  projectRecipe,
];

export const RECIPES: ReadonlyMap<string, Recipe> = new Map(all.map((r) => [r.op, r]));

/** The recipes the builder draws from: those that can build a call. */
export const DRAWABLE: readonly Recipe[] = all.filter((r) => r.build !== undefined);

export function recipeFor(op: string): Recipe {
  const found = RECIPES.get(op);
  if (found === undefined) throw new Error(`fuzz: no recipe for op '${op}'`);
  return found;
}
