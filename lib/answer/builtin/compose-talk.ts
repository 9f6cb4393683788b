/** Greetings, help, and the plain "I can't know that" answers (one sentence, nothing linked). */
import { countPhrase, joinList, numberWord, pick, withArticle } from './phrasing';
import type { ComposeContext } from './compose-overview';
import { limitation } from './compose-overview';
import { ageByWords } from '../people-words';
import { PURPOSE } from './question-patterns';

export function greetingAnswer(ctx: ComposeContext, help: boolean): string {
  const { facts, seed } = ctx;
  const hello = help ? '' : `${pick(['Hello!', 'Hi!', 'Hello there!'], seed, 'hi')} `;
  const found = facts.entities.length
    ? `I found ${joinList(facts.counts.map((c) => countPhrase(c.label, c.count)))} in this image.`
    : 'I found nothing above the current threshold in this image.';
  return (
    `${hello}I'm Strix's built-in answerer, not a language model: I answer from what the detector, the segmenters` +
    ` and the sound analysis found. ${found} Ask me what is in it, how many of something there are, where or what` +
    ' colour something is, which is biggest or nearest, what is next to or held by something, what the text says, or what makes the sound.'
  );
}

const CANNOT: [RegExp, string[]][] = [
  [
    /think|thought|feel|mood|happy|sad|angry|hungry|tired|believe|want|intend|favou?rite/,
    [
      "I can't tell what anyone is thinking or feeling from a photo.",
      "I can't read thoughts or feelings from an image, only what is where.",
    ],
  ],
  [
    /\bwhy\b/,
    [
      "I can't tell why from the image; my models say what is where, not the reasons for it.",
      "I can't know the reason from a photo alone.",
    ],
  ],
  // Before "who": "who is older?" asks about age.
  [
    /\b(how old|older|younger|oldest|youngest|age)\b/,
    ["I can't tell anyone's age from this image.", "I can't judge ages from a photo."],
  ],
  // Before "who": "who owns the dog?" asks about ownership, not who someone is.
  [
    /^whose\b(?! hands?)|\bwho owns\b|\bbelongs? to\b/,
    [
      "I can't tell whose it is: who owns a thing is not something a photo shows, and my models only see what is where.",
    ],
  ],
  [
    /who|name/,
    [
      "I can't tell who anyone is; nothing here recognises people or reads names off faces.",
      "I can't identify people, so I don't know who that is.",
    ],
  ],
  [
    /made of|made from|material|wooden|plastic|metallic|leather/,
    [
      "I can't tell what it is made of: my models name things and regions and their colour, not materials.",
      "I can't judge materials from the image; my models say what is where and what colour it is.",
    ],
  ],
  [
    /\b(old|new|vintage|antique|modern|broken|damaged|dirty|clean|tidy|untidy|messy|neat|cluttered|organi[sz]ed|rusty|worn|used)\W*$/,
    [
      "I can't judge age or condition: my models name things, where they are and their colour, not whether they are old, new, clean, tidy or worn.",
    ],
  ],
  [
    /\b(on|off)\W*$/,
    [
      "I can't tell whether it is switched on: my models name things, where they are and their colour, not whether a screen or a light is on.",
    ],
  ],
  [
    PURPOSE,
    [
      "I can't tell what it is for: my models name things, where they are and their colour, not what they are used for.",
    ],
  ],
  [
    /going to|will|would/,
    ["I can't tell what will happen next from a single photo.", "I can't predict what happens next from one image."],
  ],
];

export function cannotAnswer(ctx: ComposeContext): string {
  const text = ctx.question.question.toLowerCase();
  const byWords = ageByWords(text);
  if (byWords) return byWords;
  const occasion = ctx.question.askedKind;
  if (occasion && /\b(black and white|black-and-white|monochrome|gr[ae]yscale)\b/.test(occasion))
    return monochromeAnswer(ctx);
  if (occasion)
    return `I can't tell whether this is ${withArticle(occasion)}: my models find things and regions in the photo, not occasions or kinds of photo.`;
  const options = CANNOT.find(([pattern]) => pattern.test(text))?.[1] ?? [
    "I can't tell that from the image: it shows what is where, not that.",
  ];
  return pick(options, ctx.seed, 'cannot');
}

export function unknownAnswer(ctx: ComposeContext): string {
  return `${limitation(ctx.facts)}; I can't tell that from them. For open questions, connect a vision-language model endpoint in the settings.`;
}

const ACHROMATIC = new Set(['black', 'white', 'grey', 'silver']);

/** "Is this a black and white photo?": whether every colour the masks voted for is a grey, black or white. */
function monochromeAnswer(ctx: ComposeContext): string {
  const coloured = [...ctx.facts.entities, ...ctx.facts.stuff].filter((e) => e.colour);
  if (coloured.length < 3) return "I can't tell: too little of the photo was outlined to judge its colours.";
  const hues = coloured.filter((e) => !ACHROMATIC.has(e.colour!));
  if (!hues.length)
    return `Probably yes: all ${numberWord(coloured.length)} things and regions whose colours I read are black, white or grey.`;
  return `No, it is in colour: ${joinList([...new Set(hues.map((e) => e.colour!))].slice(0, 3))} ${hues.length > 1 ? 'are' : 'is'} among the colours the masks show.`;
}
