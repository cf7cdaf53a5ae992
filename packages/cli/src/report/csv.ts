import { toCsv } from '@links-approach/core/csv';
import type { CohortReport, PracticeReportRow } from '@links-approach/core/outcomes';

/** The columns of the per-practice CSV: one row per practice, its latest revision. */
export function practiceColumns(report: CohortReport) {
  type Col = { header: string; value: (row: PracticeReportRow) => string | number | null };
  const columns: Col[] = [
    { header: 'practice_id', value: (r) => r.practice.id },
    { header: 'practice_name', value: (r) => r.practice.name },
    { header: 'cohort', value: (r) => r.practice.cohort },
    { header: 'locality', value: (r) => r.practice.locality ?? '' },
    { header: 'list_size', value: (r) => r.practice.listSize },
    { header: 'revision', value: (r) => r.latest.revision ?? null },
    { header: 'saved_at', value: (r) => r.savedAt },
    { header: 'rubric', value: (r) => `${r.latest.rubric.id} ${r.latest.rubric.version}` },
    { header: 'overall_level', value: (r) => r.latest.overall.level },
    { header: 'overall_mean', value: (r) => r.latest.overall.mean },
    { header: 'overall_change_since_previous', value: (r) => r.overallChange },
  ];
  for (const c of report.framework.capacities)
    columns.push({ header: `level_${c.id}`, value: (r) => r.latest.profile[c.id] ?? null });
  columns.push(
    { header: 'weakest', value: (r) => r.latest.weakest.capacityIds.join(';') },
    { header: 'themes_with_focus_areas', value: (r) => r.latest.themeCoverage.count },
    { header: 'self_assessment_differences', value: (r) => r.latest.selfAssessmentFlags.length },
  );
  // Each practice's outcome figures: the practice-level analysis of the report works on exactly these
  // (each practice's mean paired change), so an evaluator can redo it from this file.
  for (const o of report.outcomes)
    for (const m of o.measures) {
      const byPractice = new Map(m.clusters.practiceMeans.map((p) => [p.practiceId, p]));
      const key = `outcome_${o.instrumentId}_${m.id}`;
      columns.push(
        { header: `${key}_pairs`, value: (r) => byPractice.get(r.practice.id)?.n ?? 0 },
        { header: `${key}_mean_change`, value: (r) => byPractice.get(r.practice.id)?.mean ?? null },
      );
    }
  return columns;
}

/** The per-practice CSV of a report. */
export async function renderReportCsv(report: CohortReport): Promise<string> {
  return toCsv(report.rows, practiceColumns(report));
}
