/**
 * The sentence shapes that pick a question's kind, kept apart from the answers they lead to so that the classifier
 * (classify-question.ts) and the composers (compose-*.ts) can both read them without importing each other.
 * Matched against the lower-cased question (normalizeQuestion).
 */
import { COLOUR_NAMES } from '../../scene/graph/colour';

export const VERIFY_RELATION =
  /^(?:is|are) (?:the |a |an |any |there (?:a |an |any )?)?([a-z' -]+?) (to the left of|to the right of|above|on top of|on|in front of|behind|next to|beside|near|under|below|inside|in|riding|holding) (?:the |a |an |some |any )?([a-z' -]+?)\W*$/;

export const WEARING =
  /^(?:is|are|does|do) (?:he|she|they|it|the [a-z' ]+?|[a-z]+)(?: all| both| each)? (?:wearing|wear|dressed in|have on|has on|carrying)\s+(?:an? |any |some |the )?([a-z][a-z -]*?)\s*[?.!]*$/;

/** "Is the dog eating?", "are the horses running?": whether someone does something (verb checked by the caller). */
export const VERIFY_ACTIVITY =
  /^(?:is|are) (?:the |a |an |that |this |these |those )?[a-z' ]+? ([a-z]+ing)\b(?: ((?:an? |the )?[a-z]+))?/;

/** "What is the man eating?", "what are they drinking?": what someone consumes, seen as what is in their hands. */
export const CONSUMING_WHAT = /^what (?:is|are) (?:he|she|they|it|the [a-z' ]+?) (eating|drinking)\b/;

/** "Is the frisbee in the air?", "is the bird flying?": whether a thing rests on nothing. */
export const AIRBORNE =
  /^(?:is|are) (?:the |a |an |it|they|he|she)[a-z' ]*? (?:in the air|in midair|in mid-air|mid-air|midair|airborne|flying)\W*$/;
/** "Is he in a park?", "are they at the beach?": whether the photo is taken at a place (checked a place noun). */
export const IN_PLACE = /^(?:is|are) (?:he|she|it|they|this|that|we) (?:in|at) (?:a|an|the) ([a-z]+(?: [a-z]+)?)\W*$/;
/** "Is it on the bed?", "is he bigger than the dog?": a yes/no whose subject is a pronoun (conversation.ts). */
export const PRONOUN_SUBJECT = /^(?:is|are|was|were) (?:it|he|she|they|this|that)\b/;
/** "What is the dog chasing?", "what is she looking at?": the object of a verb, which no model sees. */
export const VERB_OBJECT_WHAT =
  /^what (?:is|are) (?:he|she|they|it|the [a-z' ]+?) ([a-z]+ing)((?: (?:at|on|to|for|with|from|into))?)\W*$/;
/** Verbs whose object the graph does hold (relations, clothes, seats, food) or that ask for an activity. */
export const VERBS_ANSWERED =
  /^(holding|carrying|riding|pulling|towing|pushing|dragging|wearing|doing|playing|eating|drinking|sitting|standing|lying|resting|parked|parking|using)$/;

/** "What is he wearing (on his head)?": what someone wears, asked openly rather than yes or no. */
export const WEARING_WHAT = /^what (?:is|are) (?:he|she|they|it|the [a-z' ]+?) wearing\b/;

/** "the cooks' faces", "a dog's tail", "her face": a possessive and the noun it owns (group 1 or 2 owns group 3). */
export const POSSESSIVE =
  /\b(?:(?:the|a|an|this|that|his|her|their|its|my|your) (?:[a-z]+ )?([a-z]+)(?:'s|s'|')|(his|her|their|its)) ([a-z]+)\b/;

/** "who is X" asks about a person and what they do or where they are; "who is he" stays unanswerable. */
export const WHO = /^who(?:'s| is| are|s| has| have| holds| carries| rides| sits| stands)\b/;

export const CANNOT =
  /\b(think|thinks|thinking|thought|feel|feels|feeling|mood|why|how old|age|older|younger|oldest|youngest|name|names|want|wants|going to|will|would|believe|intend|smell|taste|weigh|price|cost|favou?rite|happy|sad|angry|hungry|tired|made of|made from|material|wooden|plastic|metallic|leather|healthy|tasty|delicious|beautiful|pretty|ugly|expensive|cheap|unusual|strange|weird|odd|funny|interesting|wrong)\b/;
/**
 * "Is the truck old?", "are the bowls clean?", "is the tv on?": a thing's age, condition or whether it is
 * switched on, which no model here judges ("is it on the table?" names what it is on, so stays a relation).
 */
export const CONDITION =
  /^(?:is|are|was|were|does|do) .+? (?:look(?:s)? )?(?:old|new|brand new|vintage|antique|modern|broken|damaged|dirty|clean|tidy|untidy|messy|neat|cluttered|organi[sz]ed|rusty|worn|used|(?:switched |turned )?(?:on|off))\s*[?.!]*$/;
/** What no single photo shows: destinations, habits over time, what a screen or page shows from behind. */
/** "What is the bus for?", "what are they used for?": a purpose, not "what is it waiting for?". */
export const PURPOSE = /^what (?:is|are) (?!.*\b[a-z]+ing for\b)[a-z ]+ for\W*$/;
export const UNSEEN =
  /\bwhich (way|direction)\b|\b(going|heading|headed|flying|driving|travell?ing|bound) (to|for)\b|\bwhere (is|are) [a-z' ]+ (going|heading|headed|flying|driving|looking|facing|staring|gazing|pointing)\b|\b(each|every|per|a) (day|week|month|year)\b|\bon (the|his|her|its|their) ([a-z]+ )?screen\b|\b(who|which team) (is|are) (winning|losing|ahead)\b|\bwho owns\b|^whose\b(?! hands?)|\bbelong(s)? to\b(?! the (image|photo|picture))/;
export const WHO_IS = /\bwho (is|are) (he|she|they|that|this|these|those|the)( \w+)?\s*\??$/;
/** Where the photo was taken, which room, indoors or out (compose-place.ts). */
/** The weather or the time of day, which only the sky's colour hints at (compose-sky.ts). */
export const SKY =
  /\bis the sky clear\b|\b(weather|sunny|cloudy|overcast|rainy|raining|snowy|snowing|foggy|stormy|day ?time|night ?time|at night|day or night|night or day|time of day|dusk|dawn|sunset|sunrise)\b|^is it (day|night|dark|light|bright)\b/;
export const PLACE =
  /^(?:is|are) (?:it|this|that|they|we|these|those) (?:outside|inside|out of doors)\b|\b(indoors?|outdoors?|inside or outside|outside or inside|indoor or outdoor|outdoor or indoor)\b|\b(what|which) (kind of |sort of |type of )?(room|place|location|setting)\b|\bwhere (was|is|were) (this|these|it|they|the (photo|picture|image|shot|scene)s?)\b.*\b(taken|shot|photographed|filmed)\b|^where (is|was) this\b\W*$|\bwhat(?: is|'s) (?:this|that|the) (?:place|room|location|setting)\b|^where are we\b/;
/** "What kind of dog is it?", "what breed…", "what make is the car?": a finer name than the class (compose-kind.ts). */
export const KIND_OF =
  /\b(?:what|which) (kind|type|sort|breed|species|variety|make|model|brand)s?\b(?! of (?:an? )?(?:sports?|games?|rooms?|places?)\b)/;
/** What someone is doing, which sport or game (compose-activity.ts). */
export const ACTIVITY =
  /\b(doing|up to|busy with)\b|\b(what|which) (kind of )?(sport|game)s?\b|\bwhat (are|is) [a-z' ]+ playing\b/;
/** "Are there more cats than dogs?", "are there more zebras or giraffes?" (which of the two). */
export const COMPARE = /\b(more|fewer|less)\b.*\b(than|or)\b/;
/** "Is the giraffe taller than the zebra?": two things compared by a measure (compose-comparison.ts). */
export const COMPARISON =
  /^(?:is|are|was|were|does|do) .+? (bigger|larger|smaller|taller|shorter|longer|wider|narrower|closer|nearer|farther|further|higher|lower)(?: (?:up|down|away))? than .+/;
/** The parts of the frame a question names after "on the" or "at the": the thirds across and down, and corners. */
const FRAME_AREA = String.raw`(?:top|bottom|upper|lower)(?:[- ](?:left|right))?|left|right|middle|centre|center|foreground|background`;
/** A part of the frame as asked: "far left", "right-hand side", "bottom left corner", "top of the picture". */
const framePart = (areas: string) =>
  String.raw`(?:far |very )?(?<place>${areas})(?:[- ]hand)?(?: side| corner| edge| part| half)?(?: of the (?:image|picture|photo|frame|scene|view))?`;
/**
 * "What is on the left?", "what is parked at the top right of the picture?", "what's in the bottom left corner?":
 * a part of the frame (a verb between names who may be there: only vehicles are parked). The part ends the
 * phrase: the top of something else ("at the top of the pole") or "the bottom one" is not a part of the frame.
 */
export const REGION = new RegExp(
  String.raw`\bwhat(?:'s| is| are|s)?(?: there)?(?: (?<verb>[a-z]+(?:ed|ing)))? (?:(?:on|at|in|to) the ${framePart(`${FRAME_AREA}|front|back`)}(?=\s*(?:[?.!,]|$|(?:and|or)\b))|in (?<front>front)\b)`,
);
/**
 * "Tell me about the cars", "what can you tell me about the bookcase?", "describe the sofa", "what is the dog
 * like?": all about the things named (the image words are the whole picture: DESCRIBE).
 */
export const ABOUT =
  /^(?:(?:can you |could you |please )?(?:tell me|say) (?:more |a bit |something )?about|what (?:can|do) you (?:tell me|say|know) about|(?:can you |could you |please )?describe|more about|what (?:is|are)(?= (?:the|this|that|these|those) [a-z ]+ like\W*$)) (?:the |this |that |these |those |it\b|them\b|him\b|her\b)/;
/**
 * "Is there anything on the table?", "anything under the bed?": whether a relation to the thing named holds for
 * anything, asked yes or no; the answer lists what does.
 */
export const ANYTHING_RELATION =
  /^(?:(?:is|are) (?:there )?)?(?:anything|something|anyone|anybody|someone|somebody)(?: [a-z]+(?:ed|ing))? (to the left of|to the right of|above|on top of|on|next to|beside|near|by|in front of|behind|under|beneath|below|inside|in)\b/;
export const GREETING = /^(hi|hello|hey|hiya|howdy|greetings|good (morning|afternoon|evening))\b/;
export const HELP = /\b(help|what can (you|i) (do|ask)|who are you|what are you|how does (this|it) work)\b/;
export const SOUND =
  /\b(sound|sounds|noise|noises|hear|hearing|heard|audio|listen|bark|barks|barking|meow|meows|honk|honks|honking|chirp|chirping|music|voice|voices|speaking|talking|singing|making that)\b/;
/**
 * Questions only text in the image can answer, whatever words they use: "what does <anything> say", written /
 * printed / painted words, names or numbers "on" something, brand, airline, company or team names.
 */
export const READING =
  /\bwhat (does|do) [a-z0-9' -]+ say\b|\b(written|printed|inscribed|lettered|spelled|spelt)\b|\b(what|which) (name|word|words|number|numbers|brand|logo|airline|company|label|title)s?\b|\b(brand|airline|company) (name|is|does)\b|\bwhich (airline|brand|company|shop|store|restaurant)\b/;
/** "Where is it going?", "where is the bus headed?": the destination, which only a sign on the vehicle can tell. */
export const DESTINATION = /\bwhere (is|are) (it|they|this|that|the [a-z]+) (going|heading|headed|bound)\b/;
export const TEXT =
  /\b(what does (it|this|that|the \w+) say|what do the \w+ say|(what|which) (text|words?)|written|writing|read (the|it|this|that|what)|any (text|words|letters)|text in)\b/;
export const COUNT = /\b(how many|count|number of)\b/;
/** "How big is the pizza?", "how tall are the giraffes?": a thing's size, of which the image shows its share. */
export const SIZE_ASKED = /^how (?:big|large|small|tall|wide|long|high|huge|tiny) (?:is|are|was|were)\b/;
/** States no model sees, asked like activities: "is the bus parked?", "is the bowl empty?". */
export const STATES = ['parked', 'stopped', 'asleep', 'awake', 'empty', 'full', 'open', 'closed'];
export const STATE_ASKED = new RegExp(
  `^(?:is|are) (?:the |a |an |that |this |these |those )?[a-z' ]+? (${STATES.join('|')})\\b`,
);
/** "Is the dog big?", "is the cat small or large?": a size checked, as the picture shows it. */
export const SIZE_CHECKED =
  /^(?:is|are) (?:the |this |that |these |those )?[a-z' ]*?(big|large|small|tiny|huge|little)(?: or (?:big|large|small|tiny|huge|little))?\s*[?.!]*$/;
export const COLOUR = /\b((what|which) colou?rs?|colou?rs? of|colou?r is|colou?r are)\b/;
export const WHICH_SIDE = /\bwhich\b.*\bon the (left|right)\b/;
/** "Where is…", and the imperatives that ask the same: "show me the cups", "point to the man", "find the dog". */
export const WHERE =
  /\b(where|position of|located)\b|^(?:please |can you |could you )?(?:show me|point (?:to|at|out)|find|highlight|locate|outline|mark)\b/;
export const RELATION =
  /\b(?:what|who)(?:'s| is| are|s)?(?: there)? (?:[a-z]+(?:ed|ing) )?(to the left of|to the right of|above|on top of|on|next to|beside|near|by|in front of|behind|under|beneath|below|inside|in|holding|carrying|riding)\b/;
/** "which dog is lying next to the sofa?", "what is the small animal standing next to the giraffe?" */
export const SUBJECT_RELATION =
  /^(?:what|which)(?:'s| is| are)? (?:the |a |an )?[a-z ]+? (?:is |are )?(?:[a-z]+(?:ed|ing) )?(to the left of|to the right of|above|next to|beside|near|on top of|on|under|beneath|below|in front of|behind|inside|in) (?:the|a|an) [a-z ]+\??$/;
/** "what is the person holding?", "what is the cup on?": the label comes first, the relation word after it. */
export const RELATION_AFTER =
  /\b(to the left of|to the right of|above|holding|carrying|riding|pulling|towing|pushing|dragging|next to|beside|near|on top of|on|under|beneath|below|in front of|behind|inside|in)\b\s*\??$/;
/** "Is the small giraffe on the left?", "are they at the top of the picture?": a thing's part of the frame, checked. */
export const PART_CHECK = new RegExp(
  String.raw`^(?:is|are) (?:the|this|that|these|those|it|they|he|she)\b.*? (?:on|at|in|to) the ${framePart(FRAME_AREA)}\s*[?.!]*$`,
);
/** "What else is there?", "anything else?", "what else do you see?": the rest of what is in view. */
export const WHAT_ELSE =
  /^(?:and |so )?(?:what else|what more|anything else|anything more|(?:is|are) there anything else|(?:do|can) you see anything else)\b(?! (?:is|are|does|do) (?:the|he|she|it|they)\b)/;
export const DESCRIBE =
  /\b(describe|description|caption|summari[sz]e|what (do |can )?you (can )?(see|notice)|what(?:'s| is) the (landscape|scenery|scene|setting|view|surroundings|environment|area|place) like|what('s| is| are) (in|on) (the|this)|what('s| is) (this|that|going on|happening)|tell me about (the|this) (image|picture|photo|scene|room|place|setting|view|area|surroundings)|what objects|what things|list)\b/;
export const EXISTS =
  /^(is|are) there\b|^(is|are) (anyone|anybody|someone|somebody|anything|something) (there|here|in|on|at)\b|\b(do|can) you (see|spot|find)\b|\b(does|do) (the|this) (image|picture|photo|scene) (contain|have|show|include)\b|\bany\b/;
/** "is it a pickup?", "is that an airliner?", "is the truck a pickup?": the subject, then the kind asked. */
export const IDENTITY =
  /^(?:is|are) (it|this|that|this one|that one|the [a-z]+(?: [a-z]+)?) (?:an?) ([a-z][a-z -]*?)\s*[?.!]*$/;
export const COLOUR_WORD = new RegExp(`\\b(${COLOUR_NAMES.join('|')}|gray)\\b`);
const COLOUR_GROUP = `(${COLOUR_NAMES.join('|')}|gray)`;
const IN_VIEW = '(?: (?:here|there|anywhere|at all|in (?:the|this) (?:image|picture|photo|scene)))?';
/**
 * Things picked by colour, no noun named: "is there anything red?", "anything green?", "are there any red
 * things?", "what is white?", "which things are blue?", "what red things are there?". "Is there any orange?"
 * stays the fruit: a bare colour after "any" needs "thing" or "anything" around it.
 */
export const COLOUR_SEARCH = new RegExp(
  [
    `^(?:(?:is|are) there |do you see |can you see |is )?(?:anything|something)(?: (?:that is|that looks|which is))? ${COLOUR_GROUP}${IN_VIEW}\\W*$`,
    `^(?:(?:is|are) there |do you see |can you see )?(?:any|some) ${COLOUR_GROUP} (?:things|objects|stuff)${IN_VIEW}\\W*$`,
    `^(?:what|which)(?: (?:things?|objects?|ones?))? (?:is|are|looks?) ${COLOUR_GROUP}${IN_VIEW}\\W*$`,
    `^(?:what|which) ${COLOUR_GROUP} (?:things|objects|stuff) (?:are there|do you see|can you see|are in (?:the|this) (?:image|picture|photo))\\W*$`,
  ].join('|'),
);
/** "What is the main colour?", "what colour is the picture?": the colour covering most of the view. */
export const MAIN_COLOUR =
  /^(?:what|which) (?:is |are )?(?:the )?(?:main|dominant|predominant|most common|overall) colou?rs?\b|^(?:what|which) colou?r is (?:the |this )?(?:image|picture|photo|scene)\W*$|^which colou?r is (?:the )?most common\b/;
/** "black and white": two colours asked together. */
export const COLOUR_PAIR = new RegExp(`\\b(${COLOUR_NAMES.join('|')}|gray) and (${COLOUR_NAMES.join('|')}|gray)\\b`);
/** "red or blue": two colours offered to choose from. */
export const COLOUR_CHOICE = new RegExp(`\\b(${COLOUR_NAMES.join('|')}|gray) or (${COLOUR_NAMES.join('|')}|gray)\\b`);
/** "the bottom one", "the one on the left", "which one" refer back too, like "it". */
export const PRONOUN =
  /\b(it|its|they|them|their|those|these|he|she|him|her|that one|this one|which ones?|the (?:[a-z]+ )?ones?)\b/;
/** "Is the car red?", "are they white or grey?": the colour ends the question ("is the red car parked?" is not a colour check). */
export const ASKED_COLOUR = new RegExp(
  `^(is|are) (the|that|this|those|these|it|they|his|her|their|its)\\b.*\\b(${COLOUR_NAMES.join('|')}|gray)\\b(?: or [a-z]+)?\\W*$`,
);

/** Words after "is there a", "do you see any"… that name what is asked about, for labels we do not know. */
export const THING_AFTER =
  /\b(?:is there|are there|do you see|can you see|can you spot|can you find|contain|have|show|include|any)\s+(?:(?:a|an|any|some|the)\s+)?([a-z][a-z -]*?)(?:\s+(?:in|on|at|here|there|anywhere)\b|[?.!,]|$)/;

/** "… on the table", "… in the boot", "… next to the car": where a count question counts. */
/** "How many people are near them?": a relation to a pronoun, resolved against the conversation. */
export const COUNT_WHERE_PRONOUN =
  / (to the left of|to the right of|above|on top of|on|in|inside|under|next to|beside|near|behind|in front of) (them|it|him|her)\s*[?.!]*$/;
export const COUNT_WHERE =
  / (to the left of|to the right of|above|on top of|on|in|inside|under|next to|beside|near|behind|in front of) (?:the|a|an|this|that) ([a-z]+(?: [a-z]+)?)\s*[?.!]*$/;

export const COMPARATIVE =
  /^(closer|closest|nearer|nearest|farther|further|farthest|furthest|bigger|biggest|smaller|smallest|taller|tallest|longer|longest|wider|widest|narrower|higher|highest|lower|lowest)$/;

/** "what is on the desk?": a relation word and the noun it points at, nothing after. */
export const RELATION_TO_NOUN =
  /^(?:what|who)(?:'s| is| are)? (?:there )?(?:[a-z]+(?:ed|ing) )?(to the left of|to the right of|above|on top of|on|next to|beside|near|in front of|behind|under|inside|in) (?:the|a|an|this|that) ([a-z]+(?: [a-z]+)?)(?: (?:on|at|in) the (?:left|right|top|bottom|middle|centre|center|front|back|background|foreground))?\s*[?.!]*$/;
/** Words for the photo itself: "what is in the picture?" asks for a description. */
export const IMAGE_WORDS = /^(image|picture|photo|photograph|pic|scene|frame|shot|view)$/;
