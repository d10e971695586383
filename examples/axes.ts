/**
 * The course notes' numpy axis walk-through (In [2]…In [5]), in tapegrad: `axis` names the axis
 * that is reduced away, and the result's shape is the input's shape without it. For the notes' 3×4
 * array, summing along axis 0 collapses the 3 rows (one sum per column, "computed vertically" in
 * the notes' words); along axis 1 it collapses the 4 columns (one sum per row). The notes' rule of
 * thumb (计算时，保留该轴的数量元素；0是横轴，1是纵轴: "keep that axis's count; 0 is the horizontal
 * axis, 1 the vertical") gives the right count in 2-D only; the shape rule also holds in 3-D,
 * shown at the end.
 *
 *   npx tsx examples/axes.ts     (--quick is accepted; this is already instant)
 */
import { arange } from '@tapegrad/tensor';

const shape = (t: { shape: readonly number[] }) => JSON.stringify(t.shape);

// In [2]: a = np.arange(12).reshape(3,4)
const a = arange(12).reshape([3, 4]);
console.log('a =', a.toString());
console.log(`a.shape = ${shape(a)}   // axis 0 has length 3 (it runs down the rows), axis 1 has length 4 (across the columns)`);

// In [4] and In [5]: the notes' two sums.
console.log('a.sum(0) =', a.sum(0).toString(), '  // axis 0 summed away, shape [3,4] → [4]: down each column');
console.log('a.sum(1) =', a.sum(1).toString(), '  // axis 1 summed away, shape [3,4] → [3]: along each row');

// The same rule for every reduction and option.
console.log('a.sum(-1) =', a.sum(-1).toString(), '  // negative axes count from the end: same as axis 1');
console.log(`a.sum(1, true).shape = ${shape(a.sum(1, true))}   // keepdims leaves the reduced axis with length 1`);
console.log('a.sum() =', a.sum().item(), '  // no axis: every element');
console.log('a.mean(0) =', a.mean(0).toString(), '  // mean of int32 is float, as numpy');
console.log('a.max(1) =', a.max(1).toString(), ' a.argmax(1) =', a.argmax(1).toString(), '  // a classifier\'s scores.argmax(1): one class per row');
// Why keepdims: the row means as [3,1] broadcast against [3,4], subtracting each row's mean from that row.
console.log('a - a.mean(1, keepdims) =', a.sub(a.mean(1, true)).toString());

// Beyond the notes: in 3-D there is no "horizontal" axis, but the shape rule still says it all.
const b = arange(24).reshape([2, 3, 4]);
console.log(`b = arange(24).reshape([2, 3, 4]): b.sum(0).shape = ${shape(b.sum(0))}, b.sum(1).shape = ${shape(b.sum(1))}, b.sum(2).shape = ${shape(b.sum(2))}`);
// b.sum(1) sums each of the 2 blocks down its 3 rows, as a.sum(0) sums a.
console.log('b.sum(1) =', b.sum(1).toString());
console.log('reproduce: npx tsx examples/axes.ts');
