import { assertGradcheck, type GradcheckOptions, type GradcheckReport } from '@tapegrad/gradcheck';
import { randn, type Tensor } from '@tapegrad/tensor';
import { functionalCall, type Module } from '@tapegrad/nn';

/**
 * Gradient-checks `layer.forward(...inputs)` with respect to every float input and every
 * parameter. The parameters are replaced by fresh N(0,1) values (through `functionalCall`), so
 * the check does not depend on a lucky initialisation such as BatchNorm's weight of ones.
 */
export function assertLayerGradients(layer: Module, inputs: readonly Tensor[], options: GradcheckOptions = {}): GradcheckReport {
  const names = layer.namedParameters().map(([name]) => name);
  const values = layer.namedParameters().map(([, parameter]) => randn(parameter.shape));
  const report = assertGradcheck(
    (...args: Tensor[]) => {
      const replacements = Object.fromEntries(names.map((name, i) => [name, args[inputs.length + i]]));
      return functionalCall(layer, replacements, ...args.slice(0, inputs.length)) as Tensor;
    },
    [...inputs, ...values],
    options,
  );
  // Every parameter was really checked: one verdict per parameter, with entries compared.
  const checks = report.perInput.slice(inputs.length);
  if (checks.length !== names.length || checks.some((check) => !check.checked || check.entries === 0)) {
    throw new Error(`assertLayerGradients: not every parameter of ${layer.constructor.name} was checked: ${names.join(', ')}`);
  }
  return report;
}
