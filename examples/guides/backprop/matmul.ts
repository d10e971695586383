// examples/guides/backprop/matmul.ts
import { tensor } from '@tapegrad/tensor';

// Y = X · W for N = 2 inputs of D = 3 features and C = 2 outputs.
const X = tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true, label: 'X' }); // [2, 3]
const W = tensor([[1, -1], [0, 2], [-2, 1]], { requiresGrad: true, label: 'W' }); // [3, 2]
const Y = X.matmul(W); // [2, 2]

// Whatever comes after Y hands back dY = ∂L/∂Y, of Y's shape; here a made-up one.
const dY = tensor([[1, 0], [0.5, -1]]);
Y.backward(dY);

// dW must have W's shape [3, 2]; the only product of X [2, 3] and dY [2, 2] with that shape is Xᵀ·dY.
const dW = X.transpose().matmul(dY);
const dX = dY.matmul(W.transpose()); // and dX = dY·Wᵀ, [2, 2]·[2, 3] = X's shape
console.log(`W.grad ${JSON.stringify(W.grad!.toArray())}, Xᵀ·dY ${JSON.stringify(dW.toArray())}`);
console.log(`X.grad ${JSON.stringify(X.grad!.toArray())}, dY·Wᵀ ${JSON.stringify(dX.toArray())}`);
