/**
 * Row kernels for the binary elementwise ops: one tight loop each, no closure per element.
 * @module
 */
import type { RowKernel } from './broadcast-binary.js';

export const addRow: RowKernel = (a, ia, sa, b, ib, sb, out, io, n) => {
  for (let i = 0; i < n; i++) out[io + i] = a[ia + i * sa] + b[ib + i * sb];
};
export const subRow: RowKernel = (a, ia, sa, b, ib, sb, out, io, n) => {
  for (let i = 0; i < n; i++) out[io + i] = a[ia + i * sa] - b[ib + i * sb];
};
export const mulRow: RowKernel = (a, ia, sa, b, ib, sb, out, io, n) => {
  for (let i = 0; i < n; i++) out[io + i] = a[ia + i * sa] * b[ib + i * sb];
};
export const divRow: RowKernel = (a, ia, sa, b, ib, sb, out, io, n) => {
  for (let i = 0; i < n; i++) out[io + i] = a[ia + i * sa] / b[ib + i * sb];
};
export const powRow: RowKernel = (a, ia, sa, b, ib, sb, out, io, n) => {
  for (let i = 0; i < n; i++) out[io + i] = Math.pow(a[ia + i * sa], b[ib + i * sb]);
};
/** numpy's maximum: NaN in either operand gives NaN. */
export const maximumRow: RowKernel = (a, ia, sa, b, ib, sb, out, io, n) => {
  for (let i = 0; i < n; i++) out[io + i] = Math.max(a[ia + i * sa], b[ib + i * sb]);
};
export const minimumRow: RowKernel = (a, ia, sa, b, ib, sb, out, io, n) => {
  for (let i = 0; i < n; i++) out[io + i] = Math.min(a[ia + i * sa], b[ib + i * sb]);
};
/** Writes `b` over the output: the kernel behind `copy_`, `fill_` and `broadcastTo`. */
export const copyRow: RowKernel = (_a, _ia, _sa, b, ib, sb, out, io, n) => {
  for (let i = 0; i < n; i++) out[io + i] = b[ib + i * sb];
};
export const eqRow: RowKernel = (a, ia, sa, b, ib, sb, out, io, n) => {
  for (let i = 0; i < n; i++) out[io + i] = a[ia + i * sa] === b[ib + i * sb] ? 1 : 0;
};
export const ltRow: RowKernel = (a, ia, sa, b, ib, sb, out, io, n) => {
  for (let i = 0; i < n; i++) out[io + i] = a[ia + i * sa] < b[ib + i * sb] ? 1 : 0;
};
export const leRow: RowKernel = (a, ia, sa, b, ib, sb, out, io, n) => {
  for (let i = 0; i < n; i++) out[io + i] = a[ia + i * sa] <= b[ib + i * sb] ? 1 : 0;
};
export const gtRow: RowKernel = (a, ia, sa, b, ib, sb, out, io, n) => {
  for (let i = 0; i < n; i++) out[io + i] = a[ia + i * sa] > b[ib + i * sb] ? 1 : 0;
};
export const geRow: RowKernel = (a, ia, sa, b, ib, sb, out, io, n) => {
  for (let i = 0; i < n; i++) out[io + i] = a[ia + i * sa] >= b[ib + i * sb] ? 1 : 0;
};
