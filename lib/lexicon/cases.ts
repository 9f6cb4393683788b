/**
 * Hand-written evaluation table for answer → entity matching. Each case: an answer, the labels of the image's
 * entities (repeat a label for several instances), and the links a careful human would draw, as
 * [span text, label or labels]. A span is the noun phrase without determiners ("white plate" from "a white
 * plate"); a repeated span is listed once per occurrence. Expectations were written before tuning and state
 * what is right, not what the matcher does; the test reports precision/recall against them.
 */
import { PHRASE_CASES } from './cases-phrases';
import { SENSE_CASES } from './cases-senses';
import { WORD_CASES } from './cases-words';
import type { MatchCase } from './match-case';

export type { MatchCase };

export const MATCH_CASES: MatchCase[] = [...WORD_CASES, ...SENSE_CASES, ...PHRASE_CASES];
