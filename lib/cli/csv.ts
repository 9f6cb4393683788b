/** summary.csv: one row per input file, RFC 4180 quoting so labels and answers with commas stay in their cell. */
import type { FileResult } from './analyze-file';

export const CSV_HEADER = [
  'file',
  'status',
  'width',
  'height',
  'entities',
  'masks',
  'labels',
  'sound',
  'total_ms',
  'answer',
  'error',
];

export function csvCell(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** "dog ×2; person" — each category with its count, in the export's order. */
function labelCounts(result: FileResult): string {
  const counts = new Map<string, number>();
  for (const annotation of result.coco.annotations) {
    const name = result.coco.categories[annotation.category_id - 1].name;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)).join('; ');
}

export function okRow(result: FileResult): string[] {
  const { summary, coco } = result;
  return [
    result.file,
    'ok',
    String(summary.width),
    String(summary.height),
    String(coco.annotations.length),
    String(coco.annotations.filter((a) => a.segmentation).length),
    labelCounts(result),
    summary.audio?.plainSummary ?? '',
    String(summary.totalMs),
    result.answer?.text ?? '',
    summary.warnings.join(' '),
  ];
}

export function failedRow(file: string, error: string): string[] {
  return [file, 'failed', '', '', '', '', '', '', '', '', error];
}

export function toCsv(rows: string[][]): string {
  return [CSV_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
