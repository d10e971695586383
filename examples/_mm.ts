import { randn, setDefaultDtype } from '@tapegrad/tensor';
for (const dt of ['float64', 'float32'] as const) {
  setDefaultDtype(dt);
  for (const n of [128, 256, 512]) {
    const a = randn([n, n]), b = randn([n, n]);
    a.matmul(b);
    const reps = n <= 256 ? 10 : 3;
    let t = performance.now();
    for (let i = 0; i < reps; i++) a.matmul(b);
    const nn = (performance.now() - t) / reps;
    t = performance.now();
    for (let i = 0; i < reps; i++) a.matmul(b.T);
    const nt = (performance.now() - t) / reps;
    console.log(dt, n, 'NN', (2 * n ** 3 / nn / 1e6).toFixed(2), 'GFLOP/s', 'N·Tcopy', (2 * n ** 3 / nt / 1e6).toFixed(2));
  }
}
