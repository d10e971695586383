/**
 * The tapegrad playground: a page that draws an expression's recorded graph, steps through its
 * forward and backward passes one node at a time, and trains a small net on the spiral data —
 * all with the published packages, unchanged, running in the browser.
 */
import './style.css';
import { element } from './dom.js';
import { mountSpiral } from './spiral/spiral-section.js';
import { installStatus } from './status.js';
import { mountWalkthrough } from './walkthrough/walkthrough-section.js';

const status = installStatus();
const app = document.getElementById('app') ?? document.body;
const walkthroughRoot = element('section', { class: 'walkthrough', testid: 'walkthrough' });
const spiralRoot = element('section', { class: 'spiral', testid: 'spiral' });
app.append(
  element('h1', {}, 'tapegrad playground'),
  element(
    'p',
    { class: 'intro' },
    'Type an expression or pick a preset, then step through it: forward, values appear node by node; backward, each node ' +
      'multiplies the gradient arriving at its output by its local derivative and passes it on. Below, the same packages train a net.',
  ),
  walkthroughRoot,
  spiralRoot,
);
mountSpiral(spiralRoot, status.spiral);
const { ready } = mountWalkthrough(walkthroughRoot, status.walkthrough);
ready.then(
  () => {
    status.ready = true;
  },
  (error: unknown) => {
    // Say it on the page too: a learner does not have the console open.
    const message = error instanceof Error ? error.message : String(error);
    walkthroughRoot.append(element('pre', { class: 'error', role: 'alert' }, `The playground failed to start: ${message}`));
    console.error('the playground failed to start', error);
  },
);
