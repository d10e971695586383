/** What one library did on one case: the record children print, the tables read and latest.json keeps. */
export type CaseStatus = 'ok' | 'wrong' | 'unsupported' | 'failed';

export interface CaseResult {
  workload: string;
  caseId: string;
  library: string;
  status: CaseStatus;
  /** The figure in the workload's unit (GFLOP/s, ms/step, µs/op, ms, s). */
  figure?: number;
  unit?: string;
  medianMs?: number;
  samplesMs?: number[];
  /** Half the interquartile range over the median. */
  spread?: number;
  /** Why it is unsupported ("no float64", "not measurable: …"), or what was wrong / what failed. */
  message?: string;
  /** A caveat printed next to the figure. */
  note?: string;
}
