/**
 * Standard normal draws from the package's own seeded stream, for the toy data sets and for
 * PCA's starting subspace (tensor's `randn` would consume the global generator).
 * @module
 */

/**
 * A sampler of standard normals built on `uniform` (e.g. `seededUniform(seed)`) by the
 * Box–Muller transform: two uniforms u₁, u₂ give √(−2 ln u₁)·cos(2πu₂) and the same with sin,
 * the second kept for the next call. `1 − u` keeps the logarithm away from 0.
 */
export function seededNormal(uniform: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const out = spare;
      spare = null;
      return out;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}
