// examples/guides/gradcheck/kink.ts
import { tensor } from '@tapegrad/tensor';
import { gradcheck } from '@tapegrad/gradcheck';

console.log(gradcheck((x) => x.relu().sum(), [tensor([-1, 0, 2], { label: 'x' })]).toString());
