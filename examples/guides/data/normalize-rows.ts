// examples/guides/data/normalize-rows.ts
import { normalizeRows } from '@tapegrad/data';
import { tensor } from '@tapegrad/tensor';

console.log(normalizeRows(tensor([[3, 4], [0, 0]])).toString());
console.log(normalizeRows(tensor([[3, 4], [0, 0]]), { norm: 'l1' }).toString());
