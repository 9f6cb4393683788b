/** The relation stages of classify-question.ts ("what is on the table?", "is anyone next to them?"). */
import { cocoSupercategory } from '../../lexicon/coco';
import { ANYTHING_RELATION, RELATION, RELATION_AFTER, SUBJECT_RELATION } from './question-patterns';
import { relationAsked } from './question-phrases';
import type { ClassifiedQuestion, ParsedQuestion } from './question-types';

/**
 * "Is there anything on the table?", "is anyone next to them?": what stands in that relation to the anchor, asked
 * yes or no. Undefined for anything else.
 */
export function classifyAnythingRelation(parsed: ParsedQuestion): ClassifiedQuestion | undefined {
  const { text, labels, base } = parsed;
  const anything = ANYTHING_RELATION.exec(text);
  if (anything && labels.some((m) => m.start > anything.index + anything[0].length - anything[1].length))
    return { ...base, type: 'relation', relation: relationAsked(anything[1]), anchorIsSubject: false, yesNo: true };
  // "Is anyone next to them?": the anchor is what the talk was about (conversation.ts); "anyone" keeps to people.
  if (anything && /^ (?:it|them|him|her|these|those)\W*$/.test(text.slice(anything.index + anything[0].length)))
    return {
      ...base,
      labels: [],
      type: 'relation',
      relation: relationAsked(anything[1]),
      anchorIsSubject: false,
      yesNo: true,
      ...(/\b(?:anyone|anybody|someone|somebody)\b/.test(anything[0]) ? { subjectLabels: ['person'] } : {}),
    };
  return undefined;
}

/**
 * "What is the person holding?", "what is the small animal next to the giraffe?", "what is on the table?": a
 * relation asked with what, who or which. Undefined for anything else.
 */
export function classifyWhatRelation(parsed: ParsedQuestion): ClassifiedQuestion | undefined {
  const { text, labels, usesPronoun, base } = parsed;
  const after = RELATION_AFTER.exec(text);
  if (
    after &&
    /^(what|who|which)\b/.test(text) &&
    (labels.length > 0 || usesPronoun) &&
    (labels[0]?.start ?? 0) < after.index
  ) {
    return { ...base, type: 'relation', relation: relationAsked(after[1]), anchorIsSubject: true };
  }
  // "What is the small animal standing next to the tall giraffe?": select the things named before the relation
  // word, keep those standing in it to the things named after it.
  const chosen = SUBJECT_RELATION.exec(text);
  if (chosen) {
    const at = chosen[0].lastIndexOf(` ${chosen[1]} `);
    const subject = labels.filter((m) => m.start < at);
    const anchor = labels.filter((m) => m.start > at);
    if (subject.length && anchor.length) {
      return {
        ...base,
        labels: anchor,
        type: 'relation',
        relation: relationAsked(chosen[1]),
        anchorIsSubject: false,
        subjectLabels: [...new Set(subject.map((m) => m.label))],
        targetCueText: text.slice(at),
      };
    }
  }
  const relation = RELATION.exec(text);
  if (relation && (labels.length > 0 || usesPronoun)) {
    // "What is parked on the street?": only a vehicle is parked, whoever else stands on the road.
    const parked = /\bparked\b/.test(text) ? { subjectLabels: cocoSupercategory('vehicle') } : {};
    return { ...base, type: 'relation', relation: relationAsked(relation[1]), anchorIsSubject: false, ...parked };
  }
  return undefined;
}
