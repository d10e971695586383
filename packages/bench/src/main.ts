/**
 * `pnpm bench`: every workload on tapegrad and its peers (or, with --against, on tapegrad at an old
 * ref and at this tree), one fresh child process per library × workload, one table per workload,
 * and the run as JSON. See cli-options.ts for the arguments and docs/performance.md for the results.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareWorktree, type Worktree } from './against.js';
import { parseBenchArgs, USAGE, UsageError, type BenchOptions } from './cli-options.js';
import type { CaseResult } from './results.js';
import { runLibraryWorkload, type LibraryRun } from './runner.js';
import { runSettings } from './run-settings.js';
import { AGAINST_COMPARISON, PEER_COMPARISON, ratioCell, renderTable, type Comparison, type TableSpec } from './report/table.js';
import { describeGit, describeMachine, writeRunRecord, type RunRecord } from './report/run-record.js';
import { LIBRARY_WORKLOADS } from './workloads/index.js';
import { runSuites, SUITES_WORKLOAD } from './workloads/suites.js';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO_ROOT = resolve(PACKAGE_DIR, '..', '..');

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function parseOrExit(): BenchOptions {
  try {
    const options = parseBenchArgs(process.argv.slice(2));
    if (options.help) {
      console.log(USAGE);
      process.exit(0);
    }
    return options;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
}

/** Regressions (--against only): the workloads whose new/old speed fell below 0.9. */
function regressionsOf(spec: TableSpec, results: CaseResult[], comparison: Comparison): string[] {
  const found: string[] = [];
  for (const row of results.filter((r) => r.library !== comparison.reference)) {
    const reference = results.find((r) => r.caseId === row.caseId && r.library === comparison.reference);
    const cell = ratioCell(row, reference, spec, comparison);
    if (cell.regression) found.push(`${spec.id} / ${row.caseId}: ${cell.text}`);
  }
  return found;
}

async function main(): Promise<void> {
  const options = parseOrExit();
  const settings = runSettings(options.quick);
  const command = `pnpm bench ${process.argv.slice(2).join(' ')}`.trim();
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  console.log(`${command}\nnode ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, load average ${machine.loadAverageAtStart.join(' ')}, ${startedAt}\n`);

  let worktree: Worktree | undefined;
  const cleanUp = () => worktree?.remove();
  process.on('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  try {
    let runs: LibraryRun[];
    let trees: { name: string; root: string }[];
    let comparison: Comparison;
    if (options.against !== undefined) {
      worktree = prepareWorktree(REPO_ROOT, options.against, log);
      runs = [
        { kind: 'tapegrad', name: 'tapegrad-old', tapegradEntry: worktree.tensorEntry },
        { kind: 'tapegrad', name: 'tapegrad-new' },
      ];
      trees = [{ name: 'tapegrad-old', root: worktree.dir }, { name: 'tapegrad-new', root: REPO_ROOT }];
      comparison = AGAINST_COMPARISON;
    } else {
      runs = options.libraries.map((name) => ({ kind: name, name }));
      trees = options.libraries.includes('tapegrad') ? [{ name: 'tapegrad', root: REPO_ROOT }] : [];
      comparison = PEER_COMPARISON;
    }

    const results: CaseResult[] = [];
    const regressions: string[] = [];
    const report = (spec: TableSpec, ofWorkload: CaseResult[]) => {
      results.push(...ofWorkload);
      console.log(`${renderTable(spec, ofWorkload, comparison)}\n`);
      regressions.push(...regressionsOf(spec, ofWorkload, comparison));
    };
    for (const workload of LIBRARY_WORKLOADS.filter((w) => options.workloads.includes(w.id))) {
      const ofWorkload: CaseResult[] = [];
      for (const run of runs) {
        const started = performance.now();
        ofWorkload.push(...(await runLibraryWorkload(run, workload, options.quick, settings)));
        log(`  ${workload.id} · ${run.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
      report(workload, ofWorkload);
    }
    if (options.workloads.includes(SUITES_WORKLOAD.id) && trees.length > 0) {
      const ofSuites: CaseResult[] = [];
      for (const tree of trees) {
        const started = performance.now();
        ofSuites.push(...(await runSuites(tree.name, tree.root, settings.suiteRepetitions)));
        log(`  ${SUITES_WORKLOAD.id} · ${tree.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
      // Rows grouped by case, so each case's old and new sit together.
      report(SUITES_WORKLOAD, [...new Set(ofSuites.map((r) => r.caseId))].flatMap((id) => ofSuites.filter((r) => r.caseId === id)));
    }

    if (worktree) {
      console.log(regressions.length === 0 ? `No workload lost more than 10 % against ${worktree.ref}.` : `Lost more than 10 % against ${worktree.ref}:\n${regressions.map((r) => `  ⚠ ${r}`).join('\n')}`);
    }
    const out = resolve(options.out ?? resolve(PACKAGE_DIR, 'results', 'latest.json'));
    const record: RunRecord = {
      command,
      startedAt,
      finishedAt: new Date().toISOString(),
      options,
      machine,
      git: describeGit(REPO_ROOT),
      ...(worktree ? { against: { ref: worktree.ref, sha: worktree.sha } } : {}),
      results,
    };
    writeRunRecord(out, record);
    const minutes = (Date.parse(record.finishedAt) - Date.parse(startedAt)) / 60_000;
    console.log(`Wrote ${out} (${results.length} results, ${minutes.toFixed(1)} min). Figures are medians; ratios compare figures from this one run.`);
  } finally {
    cleanUp();
  }
}

await main();
