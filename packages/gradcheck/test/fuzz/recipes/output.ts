/**
 * The output's internal recipe, `project`: `sum(x · w)` for a constant random `w` of x's shape.
 * The builder sums one projection per sink, so the scalar output depends on every value.
 */
import { recipe } from '../recipe.js';

export const projectRecipe = recipe<object>({
  op: 'project',
  produces: ['sum'],
  run: ([x], _attrs, [weights]) => x.mul(weights).sum(),
});
