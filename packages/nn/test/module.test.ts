import { describe, expect, it } from 'vitest';
import { manualSeed, noGrad, ones, randn, type Tensor, tensor, zeros } from '@tapegrad/tensor';
import {
  BatchNorm1d, Dropout, functionalCall, Linear, Module, ModuleList, Parameter, ReLU, Sequential, type StateDict,
} from '@tapegrad/nn';

class Encoder extends Module {
  fc1 = new Linear(4, 3);
  scale = new Parameter(ones([3]));
  fc2 = new Linear(3, 2);
  override forward(x: Tensor): Tensor {
    return this.fc2.forward(this.fc1.forward(x).mul(this.scale).relu());
  }
}

class Net extends Module {
  encoder = new Encoder();
  notAParameter = ones([2]);
  plainArray = [new Linear(2, 2)];
  head: Linear;
  drop = new Dropout(0.5);
  constructor() {
    super();
    this.head = new Linear(2, 1);
  }
  override forward(x: Tensor): Tensor {
    return this.head.forward(this.drop.forward(this.encoder.forward(x)));
  }
}

function snapshot(module: Module): Record<string, number[]> {
  return Object.fromEntries(Object.entries(module.stateDict()).map(([key, value]) => [key, Array.from(value.buffer)]));
}

describe('discovery', () => {
  it("finds parameters of nested modules in PyTorch's order: own fields first, then each child's, depth first", () => {
    const net = new Net();
    expect(net.namedParameters().map(([name]) => name)).toEqual([
      'encoder.scale', 'encoder.fc1.weight', 'encoder.fc1.bias', 'encoder.fc2.weight', 'encoder.fc2.bias', 'head.weight', 'head.bias',
    ]);
    expect(net.parameters()).toHaveLength(7);
    expect(net.parameters()[1]).toBe(net.encoder.fc1.weight);
    // Plain tensors and arrays of modules are not seen.
    expect(net.namedParameters().some(([name]) => name.startsWith('notAParameter') || name.startsWith('plainArray'))).toBe(false);
    expect(net.parameters().every((p) => p instanceof Parameter && p.requiresGrad)).toBe(true);
  });

  it('lists children and modules with names', () => {
    const net = new Net();
    expect(net.namedChildren().map(([name]) => name)).toEqual(['encoder', 'head', 'drop']);
    expect(net.children()[0]).toBe(net.encoder);
    expect(net.namedModules().map(([name]) => name)).toEqual(['', 'encoder', 'encoder.fc1', 'encoder.fc2', 'head', 'drop']);
    expect(net.modules()[0]).toBe(net);
  });

  it('names Sequential children 0, 1, … and keeps 10 after 9', () => {
    const model = new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2));
    expect(model.namedParameters().map(([name]) => name)).toEqual(['0.weight', '0.bias', '2.weight', '2.bias']);
    const long = new Sequential(...Array.from({ length: 12 }, () => new Linear(2, 2)));
    expect(long.namedChildren().map(([name]) => name)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(long.length).toBe(12);
    expect(long.at(-1)).toBe(long.children()[11]);
  });

  it('names ModuleList children inside their owner', () => {
    class Deep extends Module {
      blocks = new ModuleList([new Linear(2, 2), new Linear(2, 2, { bias: false })]);
      override forward(x: Tensor): Tensor {
        for (const block of this.blocks) x = (block as Linear).forward(x);
        return x;
      }
    }
    const deep = new Deep();
    expect(deep.namedParameters().map(([name]) => name)).toEqual(['blocks.0.weight', 'blocks.0.bias', 'blocks.1.weight']);
    deep.blocks.append(new ReLU());
    expect(deep.blocks.length).toBe(3);
    expect([...deep.blocks].map((m) => m.constructor.name)).toEqual(['Linear', 'Linear', 'ReLU']);
    expect(() => deep.blocks.at(3)).toThrow('ModuleList.at: index 3 is out of range for 3 modules');
    expect(() => deep.blocks.forward()).toThrow(/ModuleList has no forward/);
  });

  it('lists a tied parameter once, but the state dict under both names', () => {
    const a = new Linear(3, 3);
    const b = new Linear(3, 3);
    b.weight = a.weight;
    const model = new Sequential(a, b);
    expect(model.namedParameters().map(([name]) => name)).toEqual(['0.weight', '0.bias', '1.bias']);
    expect(Object.keys(model.stateDict())).toEqual(['0.weight', '0.bias', '1.weight', '1.bias']);
  });

  it('runs a module used twice in a Sequential twice', () => {
    const double = new (class extends Module {
      override forward(x: Tensor): Tensor {
        return x.mul(2);
      }
    })();
    expect(new Sequential(double, double).forward(tensor([1, 2])).toArray()).toEqual([4, 8]);
  });

  it('finds registered buffers and looks things up by dotted name', () => {
    const model = new Sequential(new Linear(2, 3), new BatchNorm1d(3));
    expect(model.namedBuffers().map(([name]) => name)).toEqual(['1.runningMean', '1.runningVar', '1.numBatchesTracked']);
    expect(model.getBuffer('1.runningVar')).toBe((model.at(1) as BatchNorm1d).runningVar);
    expect(model.getParameter('0.bias')).toBe((model.at(0) as Linear).bias);
    expect(model.getSubmodule('1')).toBe(model.at(1));
    expect(() => model.getSubmodule('2')).toThrow("getSubmodule: Sequential has no submodule '2' (in '2'); its children are '0', '1'");
    expect(() => model.getBuffer('1.running')).toThrow(/no buffer 'running'/);
    expect(() => model.getParameter('0.weights')).toThrow(/no parameter 'weights'/);
  });
});

describe('registration errors', () => {
  class Empty extends Module {
    value = 3;
    override forward(x: Tensor): Tensor {
      return x;
    }
  }
  it('refuses names with dots, empty names and prototype keys', () => {
    const m = new Empty();
    expect(() => m.registerModule('a.b', new ReLU())).toThrow(/without dots/);
    expect(() => m.registerModule('', new ReLU())).toThrow(/non-empty/);
    expect(() => m.registerBuffer('__proto__', zeros([1]))).toThrow(/prototype/);
    expect(() => m.registerModule('constructor', new ReLU())).toThrow(/prototype/);
  });
  it('refuses names that clash with fields, methods and buffers, and values of the wrong kind', () => {
    const m = new Empty();
    expect(() => m.registerModule('value', new ReLU())).toThrow(/already a field/);
    expect(() => m.registerModule('forward', new ReLU())).toThrow(/method or accessor/);
    expect(() => m.registerBuffer('value', zeros([1]))).toThrow(/already a field/);
    m.registerBuffer('state', zeros([1]));
    expect(() => m.registerModule('state', new ReLU())).toThrow(/already a buffer/);
    expect(() => m.registerModule('x', zeros([1]) as unknown as Module)).toThrow(/must be a Module, got a Tensor \[1\]/);
    expect(() => m.registerBuffer('y', [1] as unknown as Tensor)).toThrow(/must be a Tensor/);
  });
  it('Parameter refuses int32 that would require grad', () => {
    expect(() => new Parameter(tensor([1], { dtype: 'int32' }))).toThrow(/int32.*requiresGrad: false/);
    expect(new Parameter(tensor([1], { dtype: 'int32' }), { requiresGrad: false }).requiresGrad).toBe(false);
  });
  it('Parameter shares storage with its data but is always a leaf', () => {
    const x = randn([2], { requiresGrad: true });
    const y = x.mul(2);
    const p = new Parameter(y);
    expect(p.buffer).toBe(y.buffer);
    expect(p.isLeaf).toBe(true);
    expect(p.requiresGrad).toBe(true);
  });
});

describe('modes and gradients', () => {
  it('train() and eval() reach every submodule', () => {
    const net = new Net();
    expect(net.modules().every((m) => m.training)).toBe(true);
    expect(net.eval()).toBe(net);
    expect(net.modules().every((m) => !m.training)).toBe(true);
    net.train();
    expect(net.drop.training).toBe(true);
    net.train(false);
    expect(net.encoder.fc2.training).toBe(false);
  });

  it('zeroGrad sets every gradient to null', () => {
    manualSeed(0);
    const net = new Net().eval();
    net.forward(randn([5, 4])).sum().backward();
    expect(net.parameters().every((p) => p.grad !== null)).toBe(true);
    net.zeroGrad();
    expect(net.parameters().every((p) => p.grad === null)).toBe(true);
  });

  it('apply visits children before their parent', () => {
    const visited: string[] = [];
    new Sequential(new Linear(1, 1), new Sequential(new ReLU())).apply((m) => visited.push(m.constructor.name));
    expect(visited).toEqual(['Linear', 'ReLU', 'Sequential', 'Sequential']);
  });
});

describe('stateDict', () => {
  it("lists each module's parameters, then its buffers, then its children's, as PyTorch", () => {
    const model = new Sequential(new Linear(2, 3), new BatchNorm1d(3), new ReLU());
    expect(Object.keys(model.stateDict())).toEqual([
      '0.weight', '0.bias', '1.weight', '1.bias', '1.runningMean', '1.runningVar', '1.numBatchesTracked',
    ]);
    expect(model.stateDict()['1.numBatchesTracked'].dtype).toBe('int32');
  });

  it('returns detached copies: later training does not change them, and they do not change the model', () => {
    const fc = new Linear(2, 2);
    const dict = fc.stateDict();
    const before = Array.from(dict.weight.buffer);
    expect(dict.weight).not.toBe(fc.weight);
    expect(dict.weight.buffer).not.toBe(fc.weight.buffer);
    expect(dict.weight.requiresGrad).toBe(false);
    noGrad(() => fc.weight.add_(1));
    expect(Array.from(dict.weight.buffer)).toEqual(before);
    dict.bias.fill_(7);
    expect(Array.from(fc.bias!.buffer)).not.toContain(7);
  });

  it('keepVars returns the live tensors', () => {
    const fc = new Linear(2, 2);
    expect(fc.stateDict({ keepVars: true }).weight).toBe(fc.weight);
  });

  it('round-trips: a second model loading the first one’s state computes the same outputs', () => {
    manualSeed(1);
    const build = () => new Sequential(new Linear(4, 3), new BatchNorm1d(3), new ReLU(), new Linear(3, 2));
    const a = build();
    a.forward(randn([8, 4])); // moves BatchNorm's running statistics off their initial values
    const b = build();
    const weightObject = (b.at(0) as Linear).weight;
    expect(b.loadStateDict(a.stateDict())).toEqual({ missingKeys: [], unexpectedKeys: [] });
    expect(snapshot(b)).toEqual(snapshot(a));
    expect((b.at(0) as Linear).weight).toBe(weightObject); // loaded in place
    const x = randn([5, 4]);
    a.eval();
    b.eval();
    expect(Array.from(b.forward(x).buffer)).toEqual(Array.from(a.forward(x).buffer));
  });

  it('loads without recording, into parameters that require grad', () => {
    const fc = new Linear(2, 2);
    fc.loadStateDict({ weight: ones([2, 2]), bias: zeros([2]) });
    expect(fc.weight.isLeaf && fc.weight.requiresGrad).toBe(true);
    expect(fc.weight.toArray()).toEqual([[1, 1], [1, 1]]);
  });

  it('copies a dict whose entries are the model’s own tensors swapped', () => {
    const fc = new Linear(2, 2, { bias: false });
    const other = new Linear(2, 2, { bias: false });
    const model = new Sequential(fc, other);
    const [w0, w1] = [Array.from(fc.weight.buffer), Array.from(other.weight.buffer)];
    model.loadStateDict({ '0.weight': other.weight, '1.weight': fc.weight });
    expect(Array.from(fc.weight.buffer)).toEqual(w1);
    expect(Array.from(other.weight.buffer)).toEqual(w0);
  });
});

describe('loadStateDict refuses bad dicts and leaves the model unchanged', () => {
  const build = () => {
    manualSeed(3);
    const model = new Sequential(new Linear(784, 256), new BatchNorm1d(256), new Linear(256, 10));
    model.forward(randn([4, 784]));
    return model;
  };
  const model = build();
  const good = (): StateDict => build().stateDict();

  const cases: [string, () => unknown, string | RegExp][] = [
    [
      'a shape mismatch, naming the key and both shapes',
      () => ({ ...good(), '0.weight': zeros([10, 784]) }),
      "loadStateDict: '0.weight' has shape [10,784] in the state dict but [256,784] in the model (nothing was loaded)",
    ],
    [
      'a dtype mismatch',
      () => ({ ...good(), '2.bias': zeros([10], { dtype: 'float32' }) }),
      "loadStateDict: '2.bias' has dtype float32 in the state dict but float64 in the model; convert it with .astype('float64') first (nothing was loaded)",
    ],
    [
      'a missing key',
      () => {
        const dict = good();
        delete dict['1.runningVar'];
        return dict;
      },
      "loadStateDict: missing key(s) '1.runningVar': the model has them but the state dict does not (nothing was loaded)",
    ],
    [
      'an unexpected key',
      () => ({ ...good(), '3.weight': zeros([1]) }),
      "loadStateDict: unexpected key(s) '3.weight': the state dict has them but the model does not (nothing was loaded)",
    ],
    ['a value that is not a Tensor', () => ({ ...good(), '0.bias': [1, 2] }), "loadStateDict: '0.bias' is an array in the state dict, not a Tensor (nothing was loaded)"],
    ['a __proto__ key (as JSON.parse makes it)', () => Object.assign(JSON.parse('{"__proto__": 1}'), good()), /'__proto__' is refused/],
    ['a constructor key', () => ({ ...good(), constructor: zeros([1]) }), /'constructor' is refused/],
    ['a prototype segment', () => ({ ...good(), '0.prototype': zeros([1]) }), /'0.prototype' is refused/],
    ['a nested __proto__ segment', () => ({ ...good(), 'a.__proto__.b': zeros([1]) }), /'a.__proto__.b' is refused/],
    ['a constructor.prototype path', () => ({ ...good(), '0.constructor.prototype.weight': zeros([1]) }), /'0.constructor.prototype.weight' is refused/],
    ['null', () => null, /expected a plain object from dotted names to Tensors .*got null/],
    ['a Map', () => new Map(Object.entries(good())), /got a Map/],
  ];

  for (const [what, makeDict, message] of cases) {
    it(`refuses ${what}`, () => {
      const before = snapshot(model);
      const parameters = model.parameters();
      expect(() => model.loadStateDict(makeDict() as StateDict)).toThrow(message);
      expect(snapshot(model)).toEqual(before);
      expect(model.parameters()).toEqual(parameters);
    });
  }

  it('leaves Object.prototype unpolluted after refusing keys that reach it, as JSON.parse makes them', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const hostile = [
      JSON.parse('{"__proto__": {"polluted": "yes"}}') as StateDict,
      JSON.parse('{"a.__proto__.b": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}') as StateDict,
      Object.assign(JSON.parse('{"__proto__": {"polluted": "yes"}, "0.__proto__.polluted": 1}'), good()) as StateDict,
    ];
    for (const dict of hostile) {
      expect(() => model.loadStateDict(dict)).toThrow(/is refused: a key with __proto__, constructor or prototype could reach an object's prototype/);
      expect(() => model.loadStateDict(dict, { strict: false })).toThrow(/is refused/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.getPrototypeOf(model.stateDict())).toBe(Object.prototype);
  });

  it('lists every problem at once, after changing nothing', () => {
    const before = snapshot(model);
    const dict = { ...good(), '0.weight': zeros([10, 784]), '2.bias': zeros([3]), extra: zeros([1]) };
    delete (dict as StateDict)['1.weight'];
    let message = '';
    try {
      model.loadStateDict(dict);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'loadStateDict: 4 problems, nothing was loaded:',
      "  missing key(s) '1.weight': the model has them but the state dict does not",
      "  unexpected key(s) 'extra': the state dict has them but the model does not",
      "  '0.weight' has shape [10,784] in the state dict but [256,784] in the model",
      "  '2.bias' has shape [3] in the state dict but [10] in the model",
    ]);
    expect(snapshot(model)).toEqual(before);
  });

  it('refuses a dict that went through JSON, saying how to rebuild the tensors', () => {
    const before = snapshot(model);
    const json = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(good()).map(([key, value]) => [key, value.toArray()])))) as StateDict;
    let message = '';
    try {
      model.loadStateDict(json);
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toBe('loadStateDict: 9 problems, nothing was loaded:');
    expect(lines).toContain("  '0.weight' is an array in the state dict, not a Tensor");
    expect(lines).toContain("  '1.numBatchesTracked' is number 1 in the state dict, not a Tensor");
    expect(lines.at(-1)).toBe('Wrap each value with tensor(value, { dtype }) (JSON keeps neither Tensors nor dtypes), or save with toBytes/save instead of JSON.');
    expect(snapshot(model)).toEqual(before);
  });

  it('with strict: false, skips missing and unexpected keys and reports them, but still checks shapes', () => {
    const target = new Sequential(new Linear(2, 2), new Linear(2, 1));
    const source = new Sequential(new Linear(2, 2));
    const result = target.loadStateDict({ ...source.stateDict(), extra: zeros([1]) }, { strict: false });
    expect(result).toEqual({ missingKeys: ['1.weight', '1.bias'], unexpectedKeys: ['extra'] });
    expect(Array.from(target.getParameter('0.weight').buffer)).toEqual(Array.from(source.getParameter('0.weight').buffer));
    expect(() => target.loadStateDict({ '1.bias': zeros([2]) }, { strict: false })).toThrow("'1.bias' has shape [2] in the state dict but [1] in the model");
  });
});

describe('toString', () => {
  it("prints the module tree in PyTorch's layout", () => {
    const model = new Sequential(
      new Linear(784, 256),
      new ReLU(),
      new Dropout(0.2),
      new Sequential(new Linear(256, 10, { bias: false }), new BatchNorm1d(10)),
    );
    expect(model.toString()).toBe(
      [
        'Sequential(',
        '  (0): Linear(inFeatures=784, outFeatures=256, bias=true)',
        '  (1): ReLU()',
        '  (2): Dropout(p=0.2)',
        '  (3): Sequential(',
        '    (0): Linear(inFeatures=256, outFeatures=10, bias=false)',
        '    (1): BatchNorm1d(10, eps=0.00001, momentum=0.1, affine=true, trackRunningStats=true)',
        '  )',
        ')',
      ].join('\n'),
    );
  });

  it('prints a custom module with its fields as children', () => {
    expect(String(new Net())).toBe(
      [
        'Net(',
        '  (encoder): Encoder(',
        '    (fc1): Linear(inFeatures=4, outFeatures=3, bias=true)',
        '    (fc2): Linear(inFeatures=3, outFeatures=2, bias=true)',
        '  )',
        '  (head): Linear(inFeatures=2, outFeatures=1, bias=true)',
        '  (drop): Dropout(p=0.5)',
        ')',
      ].join('\n'),
    );
  });
});

describe('functionalCall', () => {
  it('runs forward with replaced parameters and buffers, then restores them, even after a throw', () => {
    const fc = new Linear(2, 1);
    const weight = fc.weight;
    const out = functionalCall(fc, { weight: tensor([[1, 2]]), bias: tensor([10]) }, tensor([[3, 4]]));
    expect(out.toArray()).toEqual([[21]]);
    expect(fc.weight).toBe(weight);
    expect(() => functionalCall(fc, { weight: tensor([[1, 2, 3]]) }, tensor([[3, 4]]))).toThrow();
    expect(fc.weight).toBe(weight);
    const bn = new BatchNorm1d(1).eval();
    const y = functionalCall(bn, { runningMean: tensor([1]), runningVar: tensor([4]) }, tensor([[5]]));
    expect(y.item()).toBeCloseTo(4 / Math.sqrt(4 + 1e-5), 12);
    expect(bn.runningMean!.item()).toBe(0);
    expect(() => functionalCall(fc, { weights: tensor([1]) }, tensor([[1, 2]]))).toThrow("functionalCall: 'weights' is neither a parameter nor a buffer of Linear");
  });
});
