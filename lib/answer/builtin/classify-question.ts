/**
 * Decides what kind of question the user asked, with plain patterns checked in a fixed order (first match
 * wins), plus which labels it is about. The order matters: "how many dogs do you see" is a count, not a
 * description; "is the car red" is a colour check, not an existence check.
 *
 * | order | type        | patterns (lower-cased question)                                                  |
 * |-------|-------------|-----------------------------------------------------------------------------------|
 * | 0     | cannot      | thinking, feeling, why, who is, how old, name, want, going to… (not in a photo)  |
 * | 1     | greeting    | starts with hi / hello / hey / good morning… and has ≤ 4 words                     |
 * | 1     | help        | help, what can you do, what can I ask, who/what are you, how does this work       |
 * | 2     | sound       | sound, noise, hear, audio, listen, barking, music, voice, speaking, making that    |
 * | 2     | text        | what does it / the sign say, what is written, read the…, any text / writing / words |
 * | 3     | compare     | more / fewer / less X than Y                                                      |
 * | 3     | count       | how many, count, number of                                                        |
 * | 4     | identity    | is it / this / that / the <label> a <kind>? (what it is; a colour in <kind>: colour) |
 * | 4     | colour      | what/which colo(u)r, colo(u)r of; or "is/are the X <colour word>" (yes/no)         |
 * | 5     | superlative | biggest / largest / smallest / tiniest / left-most / right-most / furthest left…  |
 * |       |             | or "which X is on the left/right"                                                 |
 * | 6     | where       | where, position of, located                                                       |
 * | 6     | region      | what is on the left / right / in the front / back / middle (no label)            |
 * | 7     | relation    | what is on / next to / under / in front of / behind <label>; what is <label>      |
 * |       |             | holding / riding / on / next to / in                                              |
 * | 8     | describe    | describe, what do/can you see, what is in the image, what's happening, tell me…   |
 * | 9     | exists      | is/are there, do/can you see, does the image contain/have/show, any <label>       |
 * | 10    | follow-up   | no pattern but a label ("and the dog?"): the previous question's type, new label  |
 * | 11    | unknown     | anything else                                                                     |
 */
import { COLOUR_NAMES, type ColourName } from '../../scene/graph/colour';
import { VERIFY_RELATION, WEARING, WHO } from './question-patterns';
import { COCO_LABELS, findLabelMentions, singularize, type LabelMention } from '../vocabulary';

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
  | 'superlative'
  | 'where'
  | 'relation'
  | 'describe'
  | 'exists'
  | 'identity'
  | 'place'
  | 'activity'
  | 'wearing'
  | 'who'
  | 'verify-relation'
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
  | 'pulling';
export type RegionAsked = 'left' | 'right' | 'centre' | 'front' | 'back';

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
  /** "what is the person holding?": the label asked about is the relation's subject, not its object. */
  anchorIsSubject?: boolean;
  region?: RegionAsked;
  /** "is the car red?" → red. */
  askedColour?: ColourName;
  /** Relation questions that select among things: the labels named before the relation word (the anchor's come after). */
  subjectLabels?: string[];
  /** The anchor's own words, from the relation word on ("next to the tall giraffe"), for its instance cues. */
  anchorText?: string;
  /** "Where is the bus going?": text questions answered from a destination sign, or not at all. */
  destination?: boolean;
  /** "is it a pickup?" → pickup: the kind the thing is asked to be (identity questions). */
  askedKind?: string;
}

const CANNOT =
  /\b(think|thinks|thinking|thought|feel|feels|feeling|mood|why|how old|age|name|names|want|wants|going to|will|would|believe|intend|smell|taste|weigh|price|cost|favou?rite|happy|sad|angry)\b/;
/** What no single photo shows: destinations, habits over time, what a screen or page shows from behind. */
const UNSEEN =
  /\bwhich (way|direction)\b|\b(going|heading|headed|flying|driving|travell?ing|bound) (to|for)\b|\bwhere (is|are) [a-z' ]+ (going|heading|headed|flying|driving)\b|\b(each|every|per|a) (day|week|month|year)\b|\bon (the|his|her|its|their) ([a-z]+ )?screen\b|\b(who|which team) (is|are) (winning|losing|ahead)\b|\bwho owns\b|\bbelong(s)? to\b(?! the (image|photo|picture))/;
const WHO_IS = /\bwho (is|are) (he|she|they|that|this|these|those|the)( \w+)?\s*\??$/;
/** Where the photo was taken, which room, indoors or out (compose-place.ts). */
const PLACE =
  /\b(indoors?|outdoors?|inside or outside|outside or inside|indoor or outdoor|outdoor or indoor)\b|\b(what|which) (kind of |sort of |type of )?(room|place|location|setting)\b|\bwhere (was|is|were) (this|these|it|they|the (photo|picture|image|shot|scene)s?)\b.*\b(taken|shot|photographed|filmed)\b|^where (is|was) this\b\W*$/;
/** What someone is doing, which sport or game (compose-activity.ts). */
const ACTIVITY =
  /\b(doing|up to|busy with)\b|\b(what|which) (kind of )?(sport|game)s?\b|\bwhat (are|is) [a-z' ]+ playing\b/;
const COMPARE = /\b(more|fewer|less)\b.*\bthan\b/;
const REGION =
  /\bwhat(?:'s| is| are|s)?(?: there)? (?:(?:on|at|in) the (left|right|middle|centre|center|front|foreground|back|background)|in (front))\b/;
const GREETING = /^(hi|hello|hey|hiya|howdy|greetings|good (morning|afternoon|evening))\b/;
const HELP = /\b(help|what can (you|i) (do|ask)|who are you|what are you|how does (this|it) work)\b/;
const SOUND =
  /\b(sound|sounds|noise|noises|hear|hearing|heard|audio|listen|bark|barks|barking|meow|meows|honk|honks|honking|chirp|chirping|music|voice|voices|speaking|talking|singing|making that)\b/;
/**
 * Questions only text in the image can answer, whatever words they use: "what does <anything> say", written /
 * printed / painted words, names or numbers "on" something, brand, airline, company or team names.
 */
const READING =
  /\bwhat (does|do) [a-z0-9' -]+ say\b|\b(written|printed|inscribed|lettered|spelled|spelt)\b|\b(what|which) (name|word|words|number|numbers|brand|logo|airline|company|label|title)s?\b|\b(brand|airline|company) (name|is|does)\b|\bwhich (airline|brand|company|shop|store|restaurant)\b/;
/** "Where is it going?", "where is the bus headed?": the destination, which only a sign on the vehicle can tell. */
const DESTINATION = /\bwhere (is|are) (it|they|this|that|the [a-z]+) (going|heading|headed|bound)\b/;
const TEXT =
  /\b(what does (it|this|that|the \w+) say|what do the \w+ say|(what|which) (text|words?)|written|writing|read (the|it|this|that|what)|any (text|words|letters)|text in)\b/;
const COUNT = /\b(how many|count|number of)\b/;
const COLOUR = /\b((what|which) colou?rs?|colou?rs? of|colou?r is|colou?r are)\b/;
const SUPERLATIVES: [RegExp, Superlative][] = [
  [/\b(nearest|closest|closer|nearer)\b/, 'nearest'],
  [/\b(farthest|furthest away|most distant)\b/, 'farthest'],
  [/\b(tallest|taller)\b/, 'tallest'],
  [/\b(highest|higher|topmost|top-most)\b/, 'highest'],
  [/\b(biggest|largest|widest|most prominent|bigger|larger)\b/, 'biggest'],
  [/\b(smallest|tiniest|littlest)\b/, 'smallest'],
  [/\b(left-?most|furthest left|farthest left|far left)\b/, 'left-most'],
  [/\b(right-?most|furthest right|farthest right|far right)\b/, 'right-most'],
];
const WHICH_SIDE = /\bwhich\b.*\bon the (left|right)\b/;
const WHERE = /\b(where|position of|located)\b/;
const RELATION =
  /\b(?:what|who)(?:'s| is| are|s)?(?: there)? (?:[a-z]+(?:ed|ing) )?(on top of|on|next to|beside|near|by|in front of|behind|under|beneath|below|inside|in|holding|carrying|riding)\b/;
/** "which dog is lying next to the sofa?", "what is the small animal standing next to the giraffe?" */
const SUBJECT_RELATION =
  /^(?:what|which)(?:'s| is| are)? (?:the |a |an )?[a-z ]+? (?:is |are )?(?:[a-z]+(?:ed|ing) )?(next to|beside|near|on top of|on|under|beneath|below|in front of|behind|inside|in) (?:the|a|an) [a-z ]+\??$/;
/** "what is the person holding?", "what is the cup on?": the label comes first, the relation word after it. */
const RELATION_AFTER =
  /\b(holding|carrying|riding|pulling|towing|pushing|dragging|next to|beside|near|on top of|on|under|beneath|below|in front of|behind|inside|in)\b\s*\??$/;
const DESCRIBE =
  /\b(describe|description|caption|summari[sz]e|what (do|can) you see|what('s| is| are) (in|on) (the|this)|what('s| is) (this|that|going on|happening)|tell me about (the|this) (image|picture|photo|scene)|what objects|what things|list)\b/;
const EXISTS =
  /^(is|are) there\b|\b(do|can) you (see|spot|find)\b|\b(does|do) (the|this) (image|picture|photo|scene) (contain|have|show|include)\b|\bany\b/;
/** "is it a pickup?", "is that an airliner?", "is the truck a pickup?": the subject, then the kind asked. */
const IDENTITY =
  /^(?:is|are) (it|this|that|this one|that one|the [a-z]+(?: [a-z]+)?) (?:an?) ([a-z][a-z -]*?)\s*[?.!]*$/;
const COLOUR_WORD = new RegExp(`\\b(${COLOUR_NAMES.join('|')}|gray)\\b`);
/** "the bottom one", "the one on the left" refer back too, like "it". */
const PRONOUN = /\b(it|its|they|them|their|those|these|he|she|him|her|that one|this one|the (?:[a-z]+ )?ones?)\b/;
/** "Is the car red?", "are they white or grey?": the colour ends the question ("is the red car parked?" is not a colour check). */
const ASKED_COLOUR = new RegExp(
  `^(is|are) (the|that|this|those|these|it|they)\\b.*\\b(${COLOUR_NAMES.join('|')}|gray)\\b(?: or [a-z]+)?\\W*$`,
);

/** Words after "is there a", "do you see any"… that name what is asked about, for labels we do not know. */
const THING_AFTER =
  /\b(?:is there|are there|do you see|can you see|can you spot|can you find|contain|have|show|include|any)\s+(?:(?:a|an|any|some|the)\s+)?([a-z][a-z -]*?)(?:\s+(?:in|on|at|here|there|anywhere)\b|[?.!,]|$)/;

export function normalizeQuestion(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

function relationAsked(word: string): RelationAsked {
  if (word === 'on' || word === 'on top of') return 'on';
  if (word === 'in front of' || word === 'behind') return word;
  if (word === 'under' || word === 'beneath' || word === 'below') return 'under';
  if (word === 'holding' || word === 'carrying') return 'holding';
  if (word === 'pulling' || word === 'towing' || word === 'pushing' || word === 'dragging') return 'pulling';
  if (word === 'riding') return 'riding';
  if (word === 'inside' || word === 'in') return 'inside';
  return 'next to';
}

function regionAsked(word: string): RegionAsked {
  if (word === 'left' || word === 'right') return word;
  if (word === 'front' || word === 'foreground') return 'front';
  if (word === 'back' || word === 'background') return 'back';
  return 'centre';
}

/**
 * Classify one question. `sceneLabels` extends the detector's vocabulary with the scene's own labels (an
 * endpoint may have added open-vocabulary ones).
 */
export function classifyQuestion(question: string, sceneLabels: Iterable<string> = []): ClassifiedQuestion {
  const text = normalizeQuestion(question);
  sceneLabels = [...sceneLabels];
  const vocabulary = new Set<string>([...COCO_LABELS, ...sceneLabels]);
  // Colour words are not objects here, even though "orange" is also a COCO class ("is the car orange?").
  const colourQuestion = COLOUR.test(text) || ASKED_COLOUR.test(text);
  const labels = findLabelMentions(text, vocabulary, sceneLabels).filter(
    (m) => !(colourQuestion && m.label === 'orange' && /\borange\b/.test(text) && !/\boranges\b/.test(text)),
  );
  const usesPronoun = PRONOUN.test(text);
  const base = { labels, usesPronoun };
  const words = text.split(' ').length;

  // Reading comes first: "what name is written on…" asks for text, not who someone is.
  if (READING.test(text)) return { ...base, type: 'text' };
  // A bus or train shows where it is going on its destination sign: that is text to read, not a guess.
  if (DESTINATION.test(text)) return { ...base, type: 'text', destination: true };
  if (CANNOT.test(text) || WHO_IS.test(text) || UNSEEN.test(text)) return { ...base, type: 'cannot' };
  if (GREETING.test(text) && words <= 4) return { ...base, type: 'greeting' };
  if (HELP.test(text)) return { ...base, type: 'help' };
  if (SOUND.test(text)) return { ...base, type: 'sound' };
  if (TEXT.test(text)) return { ...base, type: 'text' };
  if (PLACE.test(text)) return { ...base, type: 'place' };
  if (WEARING.test(text)) return { ...base, type: 'wearing' };
  const verify = VERIFY_RELATION.exec(text);
  if (
    verify &&
    labels.filter((l) => l.start < text.indexOf(` ${verify[2]} `)).length &&
    labels.some((l) => l.start > text.indexOf(` ${verify[2]} `))
  ) {
    return { ...base, type: 'verify-relation' };
  }
  // "who is riding the horse / on the left / wearing black": after the nearest-superlatives below would be too late.
  if (WHO.test(text) && !SUPERLATIVES.some(([p]) => p.test(text))) return { ...base, type: 'who' };
  if (ACTIVITY.test(text)) return { ...base, type: 'activity' };
  if (COMPARE.test(text) && labels.length >= 2) return { ...base, type: 'compare' };
  if (COUNT.test(text)) {
    // "How many engines does the plane have?": what is counted comes first; a part no model knows is not the plane.
    const part = /\bhow many ([a-z]+(?: [a-z]+)?) (?:does|do|did|has|have|can|could)\b/.exec(text);
    const counted = part
      ? labels.filter((m) => m.start < (part.index ?? 0) + part[0].length - part[0].split(' ').pop()!.length)
      : labels;
    if (part && counted.length === 0)
      return { ...base, labels: [], type: 'count', unknownThing: singularPhrase(part[1]) };
    return { ...base, type: 'count', unknownThing: thingAsked(text, labels, /how many|number of/) };
  }
  if (COLOUR.test(text))
    return { ...base, type: 'colour', unknownThing: labels.length ? undefined : nounAfterThe(text) };
  // Before the colour check: "is the red car a cab?" asks what it is; "is it a red car?" stays a colour check.
  const identity = IDENTITY.exec(text);
  if (identity && !COLOUR_WORD.test(identity[2])) {
    // The kind asked about is not what the question is about: only labels in the subject stay targets.
    const kindStart = identity.index + identity[0].lastIndexOf(identity[2]);
    const subjectLabels = labels.filter((m) => m.start < kindStart);
    return {
      ...base,
      labels: subjectLabels,
      usesPronoun: !identity[1].startsWith('the '),
      type: 'identity',
      askedKind: identity[2],
    };
  }
  const asked = ASKED_COLOUR.exec(text);
  if (asked) {
    const word = asked[3] === 'gray' ? 'grey' : asked[3];
    return { ...base, type: 'colour', askedColour: word as ColourName };
  }
  // "What is the player at the far left holding?": a relation asked about one instance, not a superlative.
  const endsInVerb =
    /\b(holding|carrying|riding|wearing)\s*\??$/.test(text) && /^(what|which)\b/.test(text) && labels.length > 0;
  if (endsInVerb)
    return {
      ...base,
      type: 'relation',
      relation: relationAsked(RELATION_AFTER.exec(text)?.[1] ?? 'holding'),
      anchorIsSubject: true,
    };
  for (const [pattern, superlative] of SUPERLATIVES) {
    if (pattern.test(text)) return { ...base, type: 'superlative', superlative };
  }
  const side = WHICH_SIDE.exec(text);
  if (side) return { ...base, type: 'superlative', superlative: side[1] === 'left' ? 'left-most' : 'right-most' };
  if (WHERE.test(text)) return { ...base, type: 'where', unknownThing: labels.length ? undefined : nounAfterThe(text) };
  const region = REGION.exec(text);
  if (region && labels.length === 0) return { ...base, type: 'region', region: regionAsked(region[1] ?? region[2]) };
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
        anchorText: text.slice(at),
      };
    }
  }
  const relation = RELATION.exec(text);
  if (relation && (labels.length > 0 || usesPronoun))
    return { ...base, type: 'relation', relation: relationAsked(relation[1]), anchorIsSubject: false };
  // "What animals are there?", "which vegetables are in the box?": the noun after what/which names a class
  // (or a kind covering several), so this asks which of them are there.
  const listed = /^(what|which) (?:kinds? of |types? of |sorts? of )?/.exec(text);
  if (listed && labels[0] && labels[0].start <= listed[0].length + 12 && /\b(are|is|can|do)\b/.test(text))
    return { ...base, type: 'exists' };
  if (DESCRIBE.test(text)) return { ...base, type: 'describe' };
  if (EXISTS.test(text)) return { ...base, type: 'exists', unknownThing: thingAsked(text, labels, THING_AFTER) };
  return { ...base, type: 'unknown' };
}

/** The thing a count/existence question asks about when it is not a known label; undefined otherwise. */
function thingAsked(text: string, labels: LabelMention[], pattern: RegExp): string | undefined {
  if (labels.length > 0) return undefined;
  if (pattern === THING_AFTER) {
    const match = THING_AFTER.exec(text);
    const thing = match?.[1]?.trim();
    if (!thing || PRONOUN.test(thing) || /^(thing|things|object|objects|anything|something)$/.test(thing))
      return undefined;
    return singularPhrase(thing);
  }
  const match =
    /\b(?:how many|number of)\s+([a-z][a-z -]*?)(?:\s+(?:are|is|do|does|did|has|have|can|in|on|there)\b|[?.!,]|$)/.exec(
      text,
    );
  const thing = match?.[1]?.trim();
  if (!thing || /^(thing|things|object|objects|items?)$/.test(thing)) return undefined;
  return singularPhrase(thing);
}

/** "what colour is the armchair?" → "armchair": the thing named after is/are the, when no label matched it. */
function nounAfterThe(text: string): string | undefined {
  const m =
    /\b(?:is|are) (?:the|a|an|that|this|those|these|his|her|their|its|my|your) ([a-z]+(?: [a-z]+)?)\s*[?.!]*$/.exec(
      text,
    );
  return m && !PRONOUN.test(m[1]) ? singularPhrase(m[1]) : undefined;
}

function singularPhrase(phrase: string): string {
  const words = phrase.split(' ');
  words[words.length - 1] = singularize(words[words.length - 1]);
  return words.join(' ');
}
