/**
 * The course notes' numpy axis walk-through, in tapegrad: `axis` names the axis that is
 * reduced away. Summing along axis 0 collapses the rows (one result per column); along axis 1 it
 * collapses the columns (one result per row).
 *   npx tsx examples/axes.ts
 */
import { arange } from '@tapegrad/tensor';

const a = arange(12).reshape([3, 4]);
console.log('a =', a.toString());
console.log('a.sum(0) =', a.sum(0).toString(), '  // down each column: [12, 15, 18, 21]');
console.log('a.sum(1) =', a.sum(1).toString(), '  // along each row: [6, 22, 38]');
console.log('a.sum(-1) =', a.sum(-1).toString(), '  // negative axes count from the end: same as axis 1');
console.log('a.sum(1, true).shape =', JSON.stringify(a.sum(1, true).shape), '  // keepdims keeps a size-1 axis: [3,1]');
console.log('a.sum() =', a.sum().item(), '  // no axis: everything');
console.log('a.mean(0) =', a.mean(0).toString(), '  // mean of int32 is float, as numpy');
console.log('a.max(1) =', a.max(1).toString(), ' a.argmax(1) =', a.argmax(1).toString());
// Broadcasting: a [3,4] minus its row means [3,1] subtracts each row's mean from that row.
console.log('a - a.mean(1, keepdims) =', a.sub(a.mean(1, true)).toString());
