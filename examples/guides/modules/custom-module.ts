// examples/guides/modules/custom-module.ts
import { Dropout, Linear, Module, Parameter } from '@tapegrad/nn';
import { manualSeed, ones, randn, type Tensor } from '@tapegrad/tensor';

class Encoder extends Module {
  fc1 = new Linear(784, 256);
  fc2 = new Linear(256, 64);
  override forward(x: Tensor): Tensor {
    return this.fc2.forward(this.fc1.forward(x).relu());
  }
}

class Classifier extends Module {
  encoder = new Encoder();
  temperature = new Parameter(ones([1]));
  drop = new Dropout(0.2);
  head = new Linear(64, 10);
  override forward(x: Tensor): Tensor {
    return this.head.forward(this.drop.forward(this.encoder.forward(x))).div(this.temperature);
  }
}

manualSeed(0);
const model = new Classifier();
console.log(model.namedParameters().map(([name, p]) => `${name} [${p.shape}]`).join('\n'));
console.log(`children: ${model.namedChildren().map(([name]) => name).join(', ')}`);
console.log(`forward: [${model.forward(randn([2, 784])).shape}]`);
model.eval(); // sets training = false here and in every submodule
console.log(`after eval(): model.training ${model.training}, drop.training ${model.drop.training}`);
