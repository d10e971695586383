/**
 * The guides (docs/*.md and README.md) show only code that runs: every code block is a file in
 * examples/guides that this test runs, so the docs cannot drift from the code.
 *
 * The rules, per fenced block of a guide docs/<guide>.md (README.md's folder is `readme`):
 * - ```ts: a whole file. Its first line is `// examples/guides/<guide>/<name>.ts`, and the block
 *   equals that file byte for byte. The file runs (`npx tsx <file>`) and exits 0. A `*.test.ts`
 *   file is run by the examples vitest project instead (it includes guides/**\/*.test.ts).
 * - ```text directly after a ts or python block (only blank lines between): what that file prints on
 *   stdout, compared after trimming both. Any other text block is prose (a formula, a diagram).
 * - ```sh: a command; every `examples/….ts` it names must exist.
 * - ```json: data (a file format, a state dict), not code; not checked.
 * - ```python: interop code (reading a checkpoint in PyTorch), a whole file like a ts block: its
 *   first line is `# examples/guides/<guide>/<name>.py` and it equals that file. The suite
 *   installs neither Python nor PyTorch, so it checks what the machine allows
 *   (test-support/python-guide-files.ts): with `python3` on PATH every file must compile, and a file runs
 *   (in a folder holding the `mlp.safetensors` it reads; a text block after it is compared as
 *   for ts) only where python3 can import all it imports; otherwise its test is skipped and
 *   names the missing modules.
 * - Any other language, or none: an error — tag it with one of the above.
 * And every examples/guides/**\/*.ts and *.py is shown by some guide (no orphans).
 *
 * Output is compared exactly, so a guide file prints only what is the same on every machine:
 * seeded numbers, no timings, no absolute paths, and no rounding noise from a matrix product of
 * 1,000 multiply-adds or more (those run in WebAssembly, whose relaxed-SIMD multiply-add changes
 * the last bits on engines that have it). Round, or print a comparison (`=== …`, `< 1e-9`).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { fencedBlocks, type FencedBlock } from './test-support/fenced-blocks.js';
import { hasPython, importedModules, missingModules, PYTHON, syntaxCheckArgs, writePythonFixtures } from './test-support/python-guide-files.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FENCE_LANGUAGES = new Set(['ts', 'text', 'sh', 'json', 'python']);

/** The languages whose blocks are whole files under examples/guides: the files' extension, and the first line that names the file. */
const FILE_LANGUAGES: Readonly<Record<string, { extension: string; nameLine: RegExp }>> = {
  ts: { extension: '.ts', nameLine: /^\/\/ (examples\/guides\/[\w-]+\/[\w.-]+\.ts)\n/ },
  python: { extension: '.py', nameLine: /^# (examples\/guides\/[\w-]+\/[\w.-]+\.py)\n/ },
};

/** A guide's path from the repo root, and the folder its files live in (examples/guides/<folder>). */
interface Guide {
  path: string;
  folder: string;
}

const guides: Guide[] = [
  { path: 'README.md', folder: 'readme' },
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: `docs/${name}`, folder: basename(name, '.md') })),
];

/** A ts or python block and the file it names, with the text block after it when there is one. */
interface ShownFile {
  file: string;
  block: FencedBlock;
  output: FencedBlock | undefined;
}

/** What is wrong with a guide's blocks (one message each, with line and fix), and the files it shows. */
function readGuide(guide: Guide): { problems: string[]; shown: ShownFile[] } {
  const markdown = readFileSync(join(root, guide.path), 'utf8');
  const lines = markdown.split('\n');
  const blocks = fencedBlocks(markdown, guide.path);
  const problems: string[] = [];
  const shown: ShownFile[] = [];
  const at = (block: FencedBlock): string => `${guide.path}:${block.line}`;
  blocks.forEach((block, index) => {
    if (!FENCE_LANGUAGES.has(block.language)) {
      problems.push(
        `${at(block)}: a \`\`\`${block.language} block; tag it ts (code: a file under examples/guides/${guide.folder}/), ` +
          'text (output or a formula), sh (a command), json (data) or python (interop code this suite cannot run)',
      );
      return;
    }
    if (block.language === 'sh') {
      for (const [path] of block.text.matchAll(/examples\/[\w./-]+\.ts/g)) {
        if (!existsSync(join(root, path))) problems.push(`${at(block)}: the command names ${path}, which does not exist; fix the path`);
      }
      return;
    }
    const language = FILE_LANGUAGES[block.language];
    if (!language) return;
    const named = language.nameLine.exec(block.text);
    if (!named) {
      const comment = block.language === 'ts' ? '//' : '#';
      problems.push(
        `${at(block)}: a ${block.language} block must be a whole file starting with the line \`${comment} examples/guides/${guide.folder}/<name>${language.extension}\`; ` +
          'move the code into that file (a small program that runs on its own) and paste the file here',
      );
      return;
    }
    const file = named[1];
    if (dirname(file) !== `examples/guides/${guide.folder}`) {
      problems.push(`${at(block)}: ${file} belongs to another guide; move it to examples/guides/${guide.folder}/${basename(file)}`);
    }
    if (!existsSync(join(root, file))) {
      problems.push(`${at(block)}: ${file} does not exist; create it with exactly this block's text`);
      return;
    }
    const source = readFileSync(join(root, file), 'utf8');
    if (source !== block.text) {
      problems.push(`${at(block)}: the block differs from ${file} ${firstDifference(block.text, source)}; paste the file into the block (or fix the file)`);
    }
    const next = blocks[index + 1];
    const between = next ? lines.slice(block.endLine, next.line - 1) : [];
    const output = next?.language === 'text' && between.every((line) => line.trim() === '') ? next : undefined;
    if (output && file.endsWith('.test.ts')) {
      problems.push(`${guide.path}:${output.line}: a text block after ${file}, which vitest runs, so its output is not compared; put prose between them`);
    }
    shown.push({ file, block, output });
  });
  return { problems, shown };
}

/** Where two texts first differ, as "at block line N (block: …, file: …)". */
function firstDifference(blockText: string, fileText: string): string {
  const a = blockText.split('\n');
  const b = fileText.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const index = line === -1 ? a.length : line;
  return `at its line ${index + 1} (block: ${JSON.stringify(a[index] ?? '<end>')}, file: ${JSON.stringify(b[index] ?? '<end>')})`;
}

/** Every .ts and .py file under examples/guides, as a path from the repo root. */
function guideFiles(): string[] {
  const folder = join(root, 'examples', 'guides');
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') || name.endsWith('.py'))
    .map((name) => relative(root, join(folder, name)).split('\\').join('/'))
    .sort();
}

interface Run {
  /** '' when the file exited with code 0, else what went wrong (exit code or timeout). */
  failure: string;
  stdout: string;
  stderr: string;
}

/** A guide file is a quick demonstration; one that needs longer should use smaller sizes. */
const RUN_TIMEOUT_MS = 60_000;

/** A process that runs a guide file: `npx tsx <file>` from the repo root as a reader would, or `python3 <file>`. */
interface Command {
  program: string;
  args: string[];
  cwd: string;
}

function runCommand({ program, args, cwd }: Command): Promise<Run> {
  return new Promise((resolve) => {
    execFile(program, args, { cwd, encoding: 'utf8', timeout: RUN_TIMEOUT_MS }, (error, stdout, stderr) => {
      const failure = !error ? '' : error.killed ? `was stopped after ${RUN_TIMEOUT_MS / 1000} s; make it faster (smaller sizes, fewer steps)` : `exited with code ${error.code}`;
      resolve({ failure, stdout, stderr });
    });
  });
}

/** Runs commands at most one per core at a time, however many tests ask at once. */
function limitedRunner(): (command: Command) => Promise<Run> {
  let free = availableParallelism();
  const waiting: (() => void)[] = [];
  return async (command) => {
    if (free > 0) free--;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await runCommand(command);
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}

const read = new Map(guides.map((guide) => [guide.path, readGuide(guide)]));
const files = guideFiles();
const scripts = files.filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
const pythonFiles = files.filter((file) => extname(file) === '.py');
const run = limitedRunner();

/** The folder Python guide files run in, holding the checkpoint they read; made once, only when needed. */
const pythonFolder = (() => {
  let folder: string | undefined;
  afterAll(() => folder && rmSync(folder, { recursive: true, force: true }));
  return (): string => {
    if (!folder) {
      folder = mkdtempSync(join(tmpdir(), 'tapegrad-guide-python-'));
      writePythonFixtures(folder);
    }
    return folder;
  };
})();
const python = pythonFiles.length > 0 && hasPython();

describe('guides', () => {
  for (const guide of guides) {
    it(`${guide.path}: every code block is tagged, and every ts and python block is its file in examples/guides/${guide.folder}`, () => {
      expect(read.get(guide.path)!.problems).toEqual([]);
    });
  }

  it('the docs site and the README show every guide (package.json typedocOptions.projectDocuments, in course order, each with a title)', () => {
    const listed: string[] = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).typedocOptions.projectDocuments;
    const docs = guides.filter(({ path }) => path.startsWith('docs/')).map(({ path }) => path);
    expect([...listed].sort(), 'list each guide once in typedocOptions.projectDocuments, at its place in the course (typedoc keeps that order)').toEqual(docs);
    const untitled = docs.filter((path) => !/^---\ntitle: .+\n---\n/.test(readFileSync(join(root, path), 'utf8')));
    expect(untitled, 'start these guides with front matter `---`, `title: <name in the site\'s sidebar>`, `---`').toEqual([]);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const unlisted = docs.filter((path) => !readme.includes(`](${path})`));
    expect(unlisted, "add these guides to README.md's list of guides, with what a reader learns from each").toEqual([]);
  });

  it('every examples/guides file is shown by a guide', () => {
    const shown = new Set([...read.values()].flatMap(({ shown: s }) => s.map(({ file }) => file)));
    const orphans = files.filter((file) => !shown.has(file));
    expect(orphans, 'show these files in their guide (docs/<guide>.md, a ts or python block equal to the file) or delete them').toEqual([]);
  });

  const shownBy = new Map([...read].flatMap(([path, { shown }]) => shown.map((s) => [s.file, { path, ...s }] as const)));

  /** Runs a guide file and compares what it prints with the text block after it, if any. */
  async function expectRuns(expect: ExpectStatic, file: string, command: Command, howToRun: string): Promise<void> {
    const shown = shownBy.get(file);
    const result = await run(command);
    const where = shown ? `${shown.path}:${shown.block.line}: ` : '';
    expect(result.failure, `${where}${file} failed; run \`${howToRun}\` and fix it. Its stderr:\n${result.stderr}`).toBe('');
    if (shown?.output) {
      expect(
        result.stdout.trim(),
        `${shown.path}:${shown.output.line}: the text block is not what ${file} prints; paste its output (${howToRun}) into the block, or fix the file`,
      ).toBe(shown.output.text.trim());
    }
  }
  const prints = (file: string): string => {
    const shown = shownBy.get(file);
    return shown?.output ? ` and prints the text block at ${shown.path}:${shown.output.line}` : '';
  };

  for (const file of scripts) {
    // Concurrent (up to vitest's maxConcurrency), so the runner keeps every core busy; a test
    // filter (-t) runs only the files it selects.
    it.concurrent(`${file} runs${prints(file)}`, ({ expect }) =>
      expectRuns(expect, file, { program: process.execPath, args: ['--import', 'tsx', file], cwd: root }, `npx tsx ${file}`),
    );
  }

  for (const file of pythonFiles) {
    it.skipIf(!python).concurrent(`${file} compiles in ${PYTHON}${python ? '' : ` (skipped: no ${PYTHON} on PATH)`}`, async ({ expect }) => {
      const result = await run({ program: PYTHON, args: syntaxCheckArgs(file), cwd: root });
      expect(result.failure, `${file} is not valid Python:\n${result.stderr}`).toBe('');
    });
    const missing = python ? missingModules(importedModules(readFileSync(join(root, file), 'utf8'))) : [PYTHON];
    const skipped = missing.length === 0 ? '' : ` (skipped: ${python ? `${PYTHON} cannot import ${missing.join(', ')}` : `no ${PYTHON} on PATH`})`;
    it.skipIf(missing.length > 0).concurrent(`${file} runs${prints(file)}${skipped}`, ({ expect }) => {
      const absolute = join(root, file);
      return expectRuns(expect, file, { program: PYTHON, args: [absolute], cwd: pythonFolder() }, `cd <a folder with mlp.safetensors> && ${PYTHON} ${absolute}`);
    });
  }
});
