import { describe, expect, it } from 'vitest';
import { detectAnomaly, tensor } from '@tapegrad/tensor';

describe('detectAnomaly', () => {
  it('names the op whose forward produced -Infinity: log(0)', () => {
    const x = tensor([1, 0], { requiresGrad: true });
    expect(() => detectAnomaly(() => x.log())).toThrow(/detectAnomaly: log produced -Infinity at flat index 1/);
  });

  it('names the op whose backward produced Infinity and where it was created: sqrt at 0', () => {
    const x = tensor([0, 4], { requiresGrad: true, label: 'x' });
    expect(() =>
      detectAnomaly(() => {
        x.sqrt().sum().backward();
      }),
    ).toThrow(/backward of sqrt produced Infinity in the gradient of input 0 \[2\] float64 \(x\)[\s\S]*anomaly\.test\.ts/);
  });

  it('catches 0/0 and overflow in exp', () => {
    expect(() => detectAnomaly(() => tensor([0]).div(tensor([0])))).toThrow(/div produced NaN/);
    expect(() => detectAnomaly(() => tensor([1000]).exp())).toThrow(/exp produced Infinity/);
  });

  it('checks nothing outside its callback', () => {
    expect(tensor([0]).log().item()).toBe(-Infinity);
  });
});
