/** One case of the matcher's evaluation table (cases.ts). */
export interface MatchCase {
  text: string;
  labels: string[];
  expect: Array<[span: string, label: string | string[]]>;
  /** Asserted one by one, besides counting towards precision/recall. */
  mustPass?: boolean;
  note?: string;
}
