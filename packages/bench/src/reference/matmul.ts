/** C = A·B in float64, i-k-j loop order so the inner loop walks both B and C contiguously. */
export function referenceMatmul(a: ArrayLike<number>, b: ArrayLike<number>, m: number, k: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      if (aip === 0) continue;
      const bRow = p * n;
      for (let j = 0; j < n; j++) out[row + j] += aip * b[bRow + j];
    }
  }
  return out;
}

/** Aᵀ·B for A [k, m] and B [k, n]: the weight gradient of a dense layer, x ᵀ · grad. */
export function referenceMatmulTransA(a: ArrayLike<number>, b: ArrayLike<number>, k: number, m: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let p = 0; p < k; p++) {
    for (let i = 0; i < m; i++) {
      const api = a[p * m + i];
      if (api === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j] += api * b[p * n + j];
    }
  }
  return out;
}

/** A·Bᵀ for A [m, k] and B [n, k]: the input gradient of a dense layer, grad · Wᵀ. */
export function referenceMatmulTransB(a: ArrayLike<number>, b: ArrayLike<number>, m: number, k: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let total = 0;
      for (let p = 0; p < k; p++) total += a[i * k + p] * b[j * k + p];
      out[i * n + j] = total;
    }
  }
  return out;
}
