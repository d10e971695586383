/**
 * The walk-through section: presets, the expression and values boxes, the drawing, the step
 * buttons and the panel that explains the current step.
 */
import { element } from '../dom.js';
import { compile } from '../expression/compile.js';
import { FUNCTIONS } from '../expression/functions.js';
import { PRESETS, type Preset } from '../presets.js';
import type { WalkthroughStatus } from '../status.js';
import { buildWalkthrough } from './frames.js';
import { GraphView } from './graph-view.js';
import { Stepper } from './stepper.js';

/** How long typing must pause before the graph is rebuilt, in milliseconds. */
const TYPING_PAUSE_MS = 250;

/** Builds the section into `root`, loads the first preset, and keeps `status` current. */
export function mountWalkthrough(root: HTMLElement, status: WalkthroughStatus): { ready: Promise<void> } {
  const expressionInput = element('input', { testid: 'expression-input', spellcheck: 'false', autocomplete: 'off' });
  const valuesInput = element('input', { testid: 'values-input', spellcheck: 'false', autocomplete: 'off' });
  const errorBox = element('pre', { testid: 'expression-error', class: 'error', role: 'alert' });
  const lookFor = element('p', { testid: 'look-for', class: 'look-for' });
  const buttons = {
    undo: element('button', { testid: 'undo', title: 'back one frame (←)' }, '◀ Undo'),
    forward: element('button', { testid: 'step-forward', title: 'compute the next node (→)' }, 'Step forward ▶'),
    finishForward: element('button', { testid: 'finish-forward' }, 'Forward to the end'),
    backward: element('button', { testid: 'step-backward', title: 'backpropagate through the next node (→)' }, 'Step backward ◀◀'),
    reset: element('button', { testid: 'reset' }, 'Reset'),
  };
  const counter = element('span', { testid: 'step-counter', class: 'counter' });
  const graph = element('div', { testid: 'graph', class: 'graph' });
  const stepTitle = element('h3', { testid: 'step-title' });
  const panel = element('pre', { testid: 'step-panel', class: 'panel' });
  const presetButtons = PRESETS.map((preset) => {
    const button = element('button', { testid: `preset-${preset.id}` }, preset.title);
    button.addEventListener('click', () => void load(preset));
    return button;
  });

  root.append(
    element('h2', {}, 'Backpropagation, one node at a time'),
    element('div', { class: 'presets' }, 'Presets: ', ...presetButtons),
    element('label', {}, element('span', {}, 'Expression'), expressionInput),
    element('label', {}, element('span', {}, 'Values'), valuesInput),
    errorBox,
    lookFor,
    element('div', { class: 'controls' }, buttons.undo, buttons.forward, buttons.finishForward, buttons.backward, buttons.reset, counter),
    element('div', { class: 'stage' }, graph, element('div', { class: 'explanation' }, stepTitle, panel)),
    help(),
  );

  const view = new GraphView(graph);
  let stepper: Stepper | null = null;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  /** Puts the current frame on screen: buttons, panel, status, and (asynchronously) the drawing. */
  async function show(): Promise<void> {
    buttons.undo.disabled = !stepper?.canUndo;
    buttons.forward.disabled = !stepper?.canStepForward;
    buttons.finishForward.disabled = !stepper?.canStepForward;
    buttons.backward.disabled = !stepper?.canStepBackward;
    buttons.reset.disabled = !stepper?.canUndo;
    if (!stepper) return;
    const { frame, index, walkthrough } = stepper;
    stepTitle.textContent = frame.title;
    const unavailable = walkthrough.backwardUnavailable;
    const atEndOfForward = !stepper.canStepForward && frame.phase !== 'backward';
    panel.textContent = [...frame.lines, ...(atEndOfForward && unavailable ? ['', `no backward pass: ${unavailable}`] : [])].join('\n');
    counter.textContent = `forward ${frame.phase === 'inputs' ? 0 : frame.phase === 'forward' ? frame.step : walkthrough.forwardSteps}/${walkthrough.forwardSteps}` +
      ` · backward ${frame.phase === 'backward' ? frame.step : 0}/${walkthrough.backwardSteps}`;
    Object.assign(status, { phase: frame.phase, frame: index, step: frame.step, values: { ...frame.values }, grads: { ...frame.grads } });
    try {
      if (await view.show(frame.dot)) status.drawnFrame = index;
    } catch (error) {
      showError(`drawing failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function showError(text: string | null): void {
    errorBox.textContent = text ?? '';
    errorBox.hidden = text === null;
    status.error = text;
  }

  /** Compiles the two boxes and starts a new walk-through, or shows where the text is wrong. */
  async function rebuild(): Promise<void> {
    const result = compile(expressionInput.value, valuesInput.value);
    stepper = null;
    Object.assign(status, { phase: 'inputs', frame: 0, drawnFrame: -1, step: 0, forwardSteps: 0, backwardSteps: 0, values: {}, grads: {} });
    if (!result.ok) {
      // The box's name on a line of its own, so the caret lines up under the text.
      showError(`In the ${result.box} box:\n${result.pointer}`);
      view.clear();
      stepTitle.textContent = '';
      panel.textContent = 'fix the text above and the graph is drawn again';
      counter.textContent = '';
      await show();
      return;
    }
    let walkthrough;
    try {
      walkthrough = buildWalkthrough(result.output);
    } catch (error) {
      // Not the learner's typing: a drawing or explanation the packages refused. Say so plainly.
      showError(`could not build the walk-through: ${error instanceof Error ? error.message : String(error)}`);
      view.clear();
      await show();
      return;
    }
    showError(null);
    stepper = new Stepper(walkthrough);
    status.forwardSteps = walkthrough.forwardSteps;
    status.backwardSteps = walkthrough.backwardSteps;
    await show();
  }

  async function load(preset: Preset): Promise<void> {
    clearTimeout(typingTimer); // text typed just before the click must not rebuild over the preset
    expressionInput.value = preset.expression;
    valuesInput.value = preset.values;
    lookFor.textContent = `Look for: ${preset.lookFor}`;
    status.preset = preset.id;
    await rebuild();
  }

  for (const input of [expressionInput, valuesInput]) {
    input.addEventListener('input', () => {
      status.preset = null;
      lookFor.textContent = '';
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => void rebuild(), TYPING_PAUSE_MS);
    });
  }
  const move = (action: (stepper: Stepper) => void) => () => {
    if (!stepper) return;
    action(stepper);
    void show();
  };
  buttons.undo.addEventListener('click', move((s) => s.undo()));
  buttons.forward.addEventListener('click', move((s) => s.stepForward()));
  buttons.finishForward.addEventListener('click', move((s) => s.finishForward()));
  buttons.backward.addEventListener('click', move((s) => s.stepBackward()));
  buttons.reset.addEventListener('click', move((s) => s.reset()));
  // Arrow keys step through the whole timeline unless a control that uses them has the focus
  // (the text boxes move the cursor, the spiral's speed menu changes its choice).
  document.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
    if (event.key === 'ArrowRight') move((s) => (s.canStepForward ? s.stepForward() : s.stepBackward()))();
    if (event.key === 'ArrowLeft') move((s) => s.undo())();
  });

  return { ready: load(PRESETS[0]) };
}

/** The syntax and the function list, folded away until asked for. */
function help(): HTMLElement {
  const functions = [...FUNCTIONS.values()].map((fn) => element('li', {}, element('code', {}, fn.help)));
  return element(
    'details',
    { class: 'help' },
    element('summary', {}, 'What can I type?'),
    element('p', {}, 'Expression: numbers, names, + - * / ^ (power), @ (matrix product), unary minus, parentheses, and these functions:'),
    element('ul', {}, ...functions),
    element('p', {}, 'Name intermediate results with definitions separated by semicolons, e.g. ', element('code', {}, 'q = x + y; f = q * z'), '; the last one is the output.'),
    element('p', {}, 'Values: ', element('code', {}, 'x=-2, y=5, W=[[1, 2], [3, 4]]'), ' — every value becomes a tensor that requires grad.'),
  );
}
