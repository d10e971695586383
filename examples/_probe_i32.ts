import { tensor, scalar, full } from '@tapegrad/tensor';
for (const [l, f] of [['tensor([2**40],int32)', () => tensor([2 ** 40], { dtype: 'int32' })], ['full([1],2**40,int32)', () => full([1], 2 ** 40, { dtype: 'int32' })], ['scalar(2**40,int32)', () => scalar(2 ** 40, { dtype: 'int32' })], ['scalar(NaN,int32)', () => scalar(NaN, { dtype: 'int32' })], ['tensor([NaN],int32)', () => tensor([NaN], { dtype: 'int32' })]] as const) {
  try { console.log(l, (f as any)().toString()); } catch (e) { console.log(l, 'THREW', (e as Error).message); }
}
