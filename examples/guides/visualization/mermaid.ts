// examples/guides/visualization/mermaid.ts
import { tensor } from '@tapegrad/tensor';
import { toMermaid } from '@tapegrad/viz';

const x = tensor(-2, { requiresGrad: true, label: 'x' });
const y = tensor(5, { requiresGrad: true, label: 'y' });
const z = tensor(-4, { requiresGrad: true, label: 'z' });
const q = x.add(y);
q.label = 'q';
const f = q.mul(z);
f.label = 'f';
f.backward({ retainGraph: true }); // draw after backward: keep the graph

// The same boxes as toDot draws, as a Mermaid flowchart, for a Markdown code block tagged mermaid.
console.log(toMermaid(f));
