// examples/guides/backprop/staged.ts
// f(x, y) = (x + σ(y)) / (σ(x) + (x + y)²) at x = 3, y = −4, in plain numbers.
const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
const [x, y] = [3, -4];

// Forward in stages: every intermediate gets a name and is kept; backward will need them.
const sigy = sigmoid(y);
const num = x + sigy;
const sigx = sigmoid(x);
const xpy = x + y;
const xpysqr = xpy ** 2;
const den = sigx + xpysqr;
const invden = 1 / den;
const f = num * invden;

// Backward: the stages in reverse, each one a local gradient times the gradient from above
// (dv means ∂f/∂v), reading the cached forward values. x and y are used twice: += adds the paths.
const dnum = invden;
const dinvden = num;
const dden = (-1 / den ** 2) * dinvden;
const dsigx = dden;
const dxpysqr = dden;
const dxpy = 2 * xpy * dxpysqr;
let dx = dxpy;
let dy = dxpy;
dx += sigx * (1 - sigx) * dsigx;
dx += dnum;
const dsigy = dnum;
dy += sigy * (1 - sigy) * dsigy;
console.log(`f = ${f.toFixed(6)}, ∂f/∂x = ${dx.toFixed(6)}, ∂f/∂y = ${dy.toFixed(6)}`);
