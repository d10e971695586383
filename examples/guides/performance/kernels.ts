// examples/guides/performance/kernels.ts
import { kernelInfo, manualSeed, randn, type Tensor, warmUpKernels, withKernelOptions } from '@tapegrad/tensor';

// Start the worker threads now rather than at the first large product (they take ~20 ms).
const info = await warmUpKernels(); // e.g. { wasm: true, fusedMultiplyAdd: false, threads: 2 }
console.log(`kernelInfo(): ${Object.keys(kernelInfo()).join(', ')}; WebAssembly SIMD in use: ${info.wasm}`);

manualSeed(0);
const sameBits = (a: Tensor, b: Tensor): boolean => a.eq(b).sum().item() === a.size;

for (const dtype of ['float64', 'float32'] as const) {
  // 256 × 256 · 256 × 256: 2²⁴ multiply-adds, large enough to be shared with the worker threads.
  const a = randn([256, 256], { dtype });
  const b = randn([256, 256], { dtype });
  const allThreads = a.matmul(b);
  const oneThread = withKernelOptions({ threads: 1 }, () => a.matmul(b)); // every product on this thread
  const typeScript = withKernelOptions({ wasm: false }, () => a.matmul(b)); // the plain TypeScript kernel
  // float32: compare with a tolerance scaled by Σ|a||b|, the classical bound k·u·Σ|a||b|.
  const scale = a.abs().matmul(b.abs());
  const worst = typeScript.sub(allThreads).abs().div(scale).max().item() / 2 ** -24;
  console.log(
    `${dtype}: one thread = all threads bit for bit: ${sameBits(oneThread, allThreads)}; ` +
      `TypeScript = WebAssembly bit for bit: ${sameBits(typeScript, allThreads)}` +
      (dtype === 'float32' ? `; within 256·u·Σ|a||b|: ${worst <= 256}` : ''),
  );
}
