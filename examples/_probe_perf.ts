import { randn, zeros } from '@tapegrad/tensor';
for (const n of [1000, 3000]) { const x = randn([n, n]); const t0 = performance.now(); const s = x.toString(); console.log(n, 'toString ms', (performance.now() - t0).toFixed(0), 'len', s.length); }
const t0 = performance.now(); const s = zeros([20000000]).toString(); console.log('2e7 zeros ms', (performance.now() - t0).toFixed(0), s);
