/** What classifyQuestion (classify-question.ts) finds in a question: its type and the parts its answer needs. */
import type { ColourName } from '../../scene/graph/colour';
import type { LabelMention } from '../vocabulary';
import type { BodyBand } from './noun-senses';

export type QuestionType =
  | 'cannot'
  | 'compare'
  | 'region'
  | 'greeting'
  | 'help'
  | 'sound'
  | 'text'
  | 'count'
  | 'colour'
  | 'colour-search'
  | 'superlative'
  | 'where'
  | 'relation'
  | 'describe'
  | 'about'
  | 'exists'
  | 'identity'
  | 'place'
  | 'activity'
  | 'wearing'
  | 'who'
  | 'verify-relation'
  | 'verify-comparison'
  | 'sky'
  | 'size'
  | 'airborne'
  | 'side-choice'
  | 'between'
  | 'together'
  | 'part'
  | 'kind'
  | 'unknown';

export type Superlative =
  | 'biggest'
  | 'smallest'
  | 'left-most'
  | 'right-most'
  | 'nearest'
  | 'farthest'
  | 'tallest'
  | 'highest';
export type RelationAsked =
  | 'on'
  | 'under'
  | 'next to'
  | 'in front of'
  | 'behind'
  | 'holding'
  | 'riding'
  | 'inside'
  | 'pulling'
  | 'to the left of'
  | 'to the right of'
  | 'above';
/** A part of the frame: a third across, a third down, a corner (both), or a depth. */
export type RegionAsked =
  | 'left'
  | 'right'
  | 'centre'
  | 'front'
  | 'back'
  | 'top'
  | 'bottom'
  | `${'top' | 'bottom'} ${'left' | 'right'}`;

export interface ClassifiedQuestion {
  type: QuestionType;
  /** Labels (detector vocabulary + scene labels) the question mentions, in order. */
  labels: LabelMention[];
  /** Refers back with it / they / them…: resolved against the history by the caller. */
  usesPronoun: boolean;
  /** The thing asked about in words, when it is no known label ("is there a unicorn" → "unicorn"). */
  unknownThing?: string;
  superlative?: Superlative;
  relation?: RelationAsked;
  /** "Is there anything on the table?": a relation asked yes or no. */
  yesNo?: boolean;
  /** "what is the person holding?": the label asked about is the relation's subject, not its object. */
  anchorIsSubject?: boolean;
  region?: RegionAsked;
  /** "Is the giraffe on the left?": the part of the frame a where-answer checks, yes or no. */
  partAsked?: RegionAsked;
  /** "What else is there?", "anything else?": what the conversation has not named yet (compose-describe.ts). */
  besides?: boolean;
  /** "Are they all the same colour?": whether the things share one colour, asked yes or no. */
  sameColour?: boolean;
  /** "Is the dog black and white?": two colours asked together (a coat, a two-tone thing). */
  colourPair?: [ColourName, ColourName];
  /** "Is there anything red?", "what is white?" → the colour that picks the things; none for "the main colour". */
  colourSought?: ColourName;
  /** "is the car red?" → red. */
  askedColour?: ColourName;
  /** "is the car red or blue?" → [red, blue]: a choice between two colours. */
  colourChoice?: ColourName[];
  /** Relation questions that select among things: the labels named before the relation word (the anchor's come after). */
  subjectLabels?: string[];
  /**
   * The words whose instance cues pick among the targets, when not the whole question: the anchor's own words
   * when the targets are the anchor ("next to the tall giraffe"), the counted things' words before the place
   * in a count ("how many red cars" in "… to the left of the white bus").
   */
  targetCueText?: string;
  /** "Who is closest to the racket?": the thing to be nearest to (its labels and its own words), not the camera. */
  nearestTo?: { labels: string[]; words: string };
  /** "Is the man on the left or right of the bench?": where the side words start (the thing before, the anchor after). */
  sideAt?: number;
  /** "Are the people close to each other?", "are the bowls stacked?": the relation asked among one kind. */
  together?: 'close' | 'stacked';
  /** "Where is the bowl relative to the dog?": the first thing's place seen from the second (sideAt: "compared to"). */
  placeRelative?: boolean;
  /** "Are there two people?": the number to check the count against. */
  askedCount?: number;
  /** "More than five", "fewer than ten": askedCount is a bound, not the number. */
  countBound?: 'more' | 'fewer';
  /** "Is the giraffe taller than the zebra?": the comparative, where it stands, and each side's own words. */
  comparison?: { word: string; at: number; firstWords: string; secondWords: string };
  /** "Where is the bus going?": text questions answered from a destination sign, or not at all. */
  destination?: boolean;
  /** "is it a pickup?" → pickup: the kind the thing is asked to be (identity questions). */
  askedKind?: string;
  /** "what breed is the dog?" → breed: the finer name asked for (kind questions). */
  kindAspect?: string;
  /** "is the dog eating?" → eating: the activity asked to be going on (activity questions). */
  askedActivity?: string;
  /** "what is he eating?" → eating: the activity whose object is asked (activity questions). */
  consumedAsked?: 'eating' | 'drinking';
  /** "what is the dog chasing?" → chasing: a verb whose object is asked and no model sees (activity questions). */
  objectOf?: string;
  /**
   * "how many bowls are on the table?": the relation and the things (label mentions) to count within. "How many
   * people are near them?": the anchor is a pronoun (`fromTalk`), and the conversation gives its `anchorIds`.
   */
  countWhere?: { word: string; anchor: string; labels: LabelMention[]; fromTalk?: boolean; anchorIds?: string[] };
  /** "is there a person on the cart?" with no cart in any model: the relation asked, which no answer can check. */
  unchecked?: { word: string; anchor: string };
  /** "can you see the cooks' faces?" → face: a part or belonging no model has a class for (part questions). */
  part?: string;
  /** "what colour is his shirt?", "who wears black trousers?": the garment and where on the body it is worn. */
  worn?: { garment: string; band: BodyBand };
  /** "his shirt": the wearer is named only by a pronoun, so it is whoever the conversation was about, if anyone. */
  wearerPronoun?: boolean;
}

/** A question read once, shared by the classifier's stages (classify-question.ts and its classify-*.ts). */
export interface ParsedQuestion {
  /** normalizeQuestion's text: the frame the label mentions' offsets are in. */
  text: string;
  labels: LabelMention[];
  usesPronoun: boolean;
  worn: ClassifiedQuestion['worn'];
  askedCount: number | undefined;
  /** What every classification carries: labels, pronoun use, a garment, a count to check. */
  base: Omit<ClassifiedQuestion, 'type'>;
}
