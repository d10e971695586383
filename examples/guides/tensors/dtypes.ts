// examples/guides/tensors/dtypes.ts
import { tensor } from '@tapegrad/tensor';

const i = tensor([1, 2, 3], { dtype: 'int32' });
const f = tensor([1, 2, 3], { dtype: 'float32' });
console.log('int32 + float32 →', i.add(f).dtype);
console.log('int32 · 2 →', i.mul(2).dtype, '; int32 · 0.5 →', i.mul(0.5).dtype);
console.log('int32 / 2 →', i.div(2).dtype, '; exp(int32) →', i.exp().dtype);
console.log('int32 > 1 →', i.gt(1).toString());
console.log('astype →', f.astype('float64').dtype);
