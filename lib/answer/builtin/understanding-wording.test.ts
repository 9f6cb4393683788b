/**
 * Wording on painted scenes: words that name a label in view or only modify a noun, broad and mass nouns,
 * articles, whole-image tags, a colour asked with the thing, and small phrasings found by probing.
 */
import { describe, expect, it } from 'vitest';
import { paintScene, BLUE, BROWN, RED, WHITE } from '../../scene/test-fixtures';
import { personHolding, talk, yard } from './understanding-fixtures';

describe('a broad word with nothing of it in view', () => {
  it('names every class of the model that would have seen it, and keeps a mass noun singular', () => {
    const field = paintScene(300, 200, [{ id: 'g', label: 'giraffe', rect: [100, 40, 60, 120], rgb: BROWN }]);
    expect(talk(field, 'How many vehicles are there?').text).toMatch(
      /The object detector has classes for them \(bicycles, cars, .*trucks.*\) and found none/,
    );
    expect(talk(field, 'Is there any furniture?').text).toMatch(/^No, I (don't see|can't find) any furniture\b/);
  });
});

describe('articles', () => {
  it('no "a" before a noun that stays plural', () => {
    expect(talk(yard(), 'How many drawers are there?').text).toMatch(
      /^I can't tell whether there are any drawers: .* has a class for them, so I can't rule them in or out\.$/,
    );
  });

  it('"an" before a vowel in a crop-classifier name', () => {
    const wall = paintScene(300, 200, [
      {
        id: 'c',
        label: 'clock',
        rect: [100, 40, 60, 60],
        rgb: BROWN,
        fineName: { label: 'analog clock', score: 0.6, source: 'imagenet-mobilenetv2' },
      },
    ]);
    expect(talk(wall, 'Describe the image').text).toMatch(/looks like an analog clock to the crop classifier/);
  });
});

describe('a word that is the last word of a label in view', () => {
  it('names that label when it is a kind of the word, never a teddy bear for "bear" or a hot dog for "dog"', () => {
    const street = paintScene(300, 200, [
      { id: 's', label: 'stop sign', rect: [100, 40, 50, 50], rgb: RED },
      { id: 'h', label: 'hot dog', rect: [200, 120, 40, 20], rgb: BROWN },
    ]);
    expect(talk(street, 'What colour is the sign?').text).toMatch(/^The stop sign (looks|is mostly|appears) red/);
    expect(talk(street, 'Is there a dog?').text).toMatch(/^No\b/);
  });

  it("leaves the detector's weak boxes out of the place's evidence", () => {
    const room = {
      ...paintScene(300, 200, [{ id: 'c', label: 'couch', rect: [40, 100, 200, 80], rgb: BLUE }]),
      tags: [{ label: 'potted plant', score: 0.25, source: 'yolox-nano (COCO classes)' }],
    };
    expect(talk(room, 'What room is this?').text).not.toMatch(/plant/);
  });
});

describe('a label word that only modifies the next noun', () => {
  it('is no mention: "the dog bowl" is the bowl, "a lifeguard tower" no person', () => {
    const yardWithBowl = paintScene(300, 200, [
      { id: 'd', label: 'dog', rect: [20, 100, 80, 60], rgb: BROWN },
      { id: 'b', label: 'bowl', rect: [200, 150, 40, 20], rgb: RED },
      { id: 'p', label: 'person', rect: [130, 20, 30, 120], rgb: BLUE },
    ]);
    expect(talk(yardWithBowl, 'What colour is the dog bowl?').text).toMatch(/^The bowl (looks|is mostly|appears) red/);
    expect(talk(yardWithBowl, 'Is there a lifeguard tower?').text).not.toMatch(/^Yes/);
    expect(talk(yardWithBowl, 'Is anybody there?').text).toMatch(/^Yes/);
  });
});

describe('whole-image classifier tags', () => {
  const bathroom = () => ({
    ...paintScene(300, 200, [{ id: 's', label: 'sink', rect: [40, 100, 60, 40], rgb: WHITE }]),
    tags: [
      { label: 'bathtub', score: 0.35, source: 'imagenet-mobilenetv2' },
      { label: 'shower curtain', score: 0.1, source: 'imagenet-mobilenetv2' },
    ],
  });

  it('answer "is there a bathtub?" with a hedged lead, and a faint one is not named as found', () => {
    expect(talk(bathroom(), 'Is there a bathtub?').text).toMatch(
      /^Possibly: the whole-image classifier tags this photo "bathtub" \(0\.35\)/,
    );
    expect(talk(bathroom(), 'What room is this?').text).not.toMatch(/shower curtain/);
  });

  it('a tag whose last word is the thing is a kind of it: "an arch" and "triumphal arch"', () => {
    const square = {
      ...paintScene(300, 200, [{ id: 'p', label: 'person', rect: [40, 100, 20, 60], rgb: WHITE }]),
      tags: [{ label: 'triumphal arch', score: 0.8, source: 'imagenet-mobilenetv2' }],
    };
    expect(talk(square, 'Is there an arch?').text).toMatch(
      /^Possibly: the whole-image classifier tags this photo "triumphal arch"/,
    );
  });
});

describe('a colour asked with the thing', () => {
  it('is checked: "is there a green horse?" is a no that says the colours there are', () => {
    expect(talk(yard(), 'Is there a green horse?').text).toBe(
      'No, I see no green horses: they look red and white (three horses).',
    );
    expect(talk(yard(), 'Is there a white horse?').text).toMatch(/^Yes/);
  });

  it('says first when no one has the colour asked: "where is the person in red?"', () => {
    expect(talk(yard(), 'Where is the person in red?').text).toMatch(
      /^I see no person in red, so this is about each one I see\. The person in blue /,
    );
    expect(talk(yard(), 'How many green horses are there?').text).toMatch(/^I see no green horse, so /);
    expect(talk(yard(), 'Where is the white horse?').text).not.toMatch(/I see no/);
  });

  it('an attribute no model sees is left unconfirmed ("is there a horse with a saddle?")', () => {
    expect(talk(yard(), 'Is there a horse with a saddle?').text).toMatch(
      /But I can't tell whether any of them has a saddle: no model here sees that\.$/,
    );
    expect(talk(yard(), 'Is there a salad?').text).not.toMatch(/^No\b/);
  });

  it('"is it a white horse?" checks the kind and the colour', () => {
    expect(talk(yard(), 'Is the white horse a horse?').text).toMatch(/^Yes/);
    expect(talk(yard(), 'Is the big bus a white bus?').text).toMatch(/^Yes.* It looks white too\.$/);
    expect(talk(yard(), 'Is the big bus a red bus?').text).toMatch(/^Partly.* But it looks white, not red\.$/);
  });

  it('a colour asked of a thing no model knows is about that thing ("is the propeller red?")', () => {
    expect(talk(yard(), 'Is the propeller red?').text).toMatch(/^I can't tell whether there is a propeller/);
  });

  it('keeps a place after a relation word a place: "is the person on the left smiling?"', () => {
    expect(talk(yard(), 'Is the person on the left smiling?').text).not.toMatch(/as such/);
  });
});

describe('small wordings', () => {
  it('"is it outside?" is the place question, "is the sky clear?" the sky\'s, "monitor" the tv', () => {
    const room = paintScene(300, 200, [
      { id: 'f', label: 'floor', rect: [0, 150, 300, 50], rgb: BROWN, kind: 'stuff' },
      { id: 'c', label: 'ceiling', rect: [0, 0, 300, 30], rgb: WHITE, kind: 'stuff' },
      { id: 't', label: 'tv', rect: [100, 60, 80, 50], rgb: [20, 20, 20] },
    ]);
    expect(talk(room, 'Is it outside?').text).toMatch(/^It looks indoors/);
    expect(talk(room, 'Is the sky clear?').text).toMatch(/^I can't tell: it looks indoors/);
    expect(talk(room, 'Where is the monitor?').text).toMatch(/\btv\b/);
  });

  it('"where are they?" gives each alike one its place, even when told apart by order', () => {
    const clocks = paintScene(300, 200, [
      { id: 'c1', label: 'clock', rect: [200, 10, 20, 20], rgb: WHITE },
      { id: 'c2', label: 'clock', rect: [240, 10, 20, 20], rgb: WHITE },
    ]);
    expect(talk(clocks, 'Where are the clocks?').text).toBe(
      'There are two clocks: the first white clock from the left, at the top right and the second white clock from the left, at the top right.',
    );
  });
});

describe('what someone eats, and other everyday wordings of an activity', () => {
  // A person holding a doughnut at hand height.
  const snack = () => personHolding('donut', BROWN, [120, 90, 20, 16]);

  it('"what is he eating?" is the food in his hands, hedged; none is "can\'t tell", not a guess', () => {
    expect(talk(snack(), 'What is he eating?').text).toBe(
      'The person in blue is holding a brown donut, so probably eating it.',
    );
    expect(talk(snack(), 'What is the man drinking?').text).toMatch(
      /^I can't tell what the person in blue is drinking/,
    );
  });

  it('"is he on the phone?" asks whether he is using one', () => {
    expect(talk(snack(), 'Is he on the phone?').text).toMatch(
      /^I can't tell whether the person in blue is using a phone/,
    );
  });
});

describe('the photo or the occasion asked about as "this"', () => {
  it('"is this a birthday party?", "a black and white photo?" are about the photo, never about a thing in it', () => {
    for (const [question, kind] of [
      ['Is this a birthday party?', 'a birthday party'],
      ['Is it a professional match?', 'a professional match'],
    ])
      expect(talk(yard(), 'Where is the bus?', question).text).toBe(
        `I can't tell whether this is ${kind}: my models find things and regions in the photo, not occasions or kinds of photo.`,
      );
    expect(talk(yard(), 'Is it a horse?').text).not.toMatch(/occasion/);
  });

  it('"is this a black and white photo?" is read off the colours the masks voted for', () => {
    expect(talk(yard(), 'Is this a black and white photo?').text).toMatch(/^No, it is in colour: .*red/);
    const snow = paintScene(300, 200, [
      { id: 'a', label: 'horse', rect: [10, 100, 50, 40], rgb: WHITE },
      { id: 'b', label: 'dog', rect: [120, 100, 50, 40], rgb: [40, 40, 40] },
      { id: 'c', label: 'car', rect: [200, 100, 60, 40], rgb: [128, 128, 128] },
    ]);
    expect(talk(snow, 'Is this a black and white photo?').text).toMatch(/^Probably yes: all three things/);
  });
});

describe('counts and lists that agree with themselves', () => {
  it('one sure and one weaker: never "just one" beside the weaker one', () => {
    const pair = paintScene(300, 200, [
      { id: 'd1', label: 'dog', rect: [20, 100, 60, 60], rgb: BROWN },
      { id: 'd2', label: 'dog', rect: [200, 100, 60, 60], rgb: WHITE, score: 0.12 },
    ]);
    const text = talk(pair, 'How many dogs are there?').text;
    expect(text).not.toMatch(/just|only/);
    expect(text).toMatch(/one more I am less sure of|one more that I am less sure about/);
  });

  it('"is there snow?" asked without an article keeps it so', () => {
    expect(talk(yard(), 'Is there snow?').text).toMatch(/^I can't tell whether there is any snow/);
  });
});

describe('a sport from the classifiers when no gear was found', () => {
  it('names the crop classifier\'s "ballplayer" as the evidence, hedged', () => {
    const field = paintScene(300, 200, [
      {
        id: 'p',
        label: 'person',
        rect: [100, 40, 40, 120],
        rgb: WHITE,
        fineName: { label: 'ballplayer', score: 0.7, source: 'imagenet-mobilenetv2' },
      },
    ]);
    expect(talk(field, 'What sport is this?').text).toMatch(
      /^Possibly baseball, or another bat-and-ball game .*: the crop classifier calls the person in white a ballplayer/,
    );
    expect(talk(field, 'What are they playing?').text).toMatch(/^Possibly baseball/);
  });

  it('the strongest evidence wins: a sure classifier tag over a doubtful glove', () => {
    const pitch = {
      ...paintScene(300, 200, [
        { id: 'p', label: 'person', rect: [100, 40, 40, 120], rgb: WHITE },
        { id: 'g', label: 'baseball glove', rect: [110, 150, 12, 10], rgb: BROWN, score: 0.35 },
      ]),
      tags: [{ label: 'soccer ball', score: 0.9, source: 'imagenet-mobilenetv2' }],
    };
    expect(talk(pitch, 'What sport is this?').text).toMatch(
      /^Possibly football \(soccer\): .*"soccer ball" \(0\.90\), while the detector found a brown baseball glove\.$/,
    );
    // Gear and a tag naming the same sport back each other: the gear is said, never "no model found the gear".
    const ballpark = { ...pitch, tags: [{ label: 'ballplayer', score: 0.9, source: 'imagenet-mobilenetv2' }] };
    expect(talk(ballpark, 'What sport is this?').text).toMatch(/^It looks like baseball.*glove.*; .*"ballplayer"/);
  });

  it('"is she playing a video game?" checks the activity, not which sport this is', () => {
    const room = personHolding('remote', WHITE, [120, 90, 14, 8]);
    expect(talk(room, 'Is she playing a video game?').text).toMatch(/^Probably yes\. .*holding a white remote/);
  });
});

describe('what an animal wears', () => {
  it('"what is the horse wearing?" is about the horse, never a person\'s clothes', () => {
    expect(talk(yard(), 'What is the white horse wearing?').text).toMatch(
      /^I can't tell what the white horse is wearing/,
    );
    expect(talk(yard(), 'Is the white horse wearing a saddle?').text).toMatch(
      /^I can't tell whether the white horse is wearing a saddle/,
    );
  });
});

describe('the object of a verb no model sees', () => {
  it('"what is the white horse looking at?" says it can\'t tell, never "there is a horse"', () => {
    expect(talk(yard(), 'What is the white horse looking at?').text).toBe(
      "I can't tell what the white horse is looking at: my models show where things are, not what they do or look at.",
    );
    expect(talk(yard(), 'What is the person chasing?').text).toMatch(
      /^I can't tell what the person in blue is chasing/,
    );
  });
});

describe('where the photo was taken, asked of someone in it', () => {
  it('"is he in a park?" and "is this a forest?" ask the place', () => {
    expect(talk(yard(), 'Is he in a park?').text).toMatch(/^I can't tell whether this is a park/);
    expect(talk(yard(), 'Is this a forest?').text).toMatch(/^I can't tell whether this is a forest/);
  });
});

describe('are they …?', () => {
  it('"are they zebras?" asks what the things talked about are, as "is it a zebra?" does', () => {
    expect(talk(yard(), 'How many horses are there?', 'Are they zebras?').text).toMatch(
      /^No: .* calls the red horse a horse/,
    );
  });
});

describe('a whole-image tag named by the head of a label', () => {
  it('"is there a tennis racket?" with only the tag "racket" is a hedged lead, not a no', () => {
    const court = {
      ...paintScene(300, 200, [{ id: 'p', label: 'person', rect: [40, 100, 20, 60], rgb: WHITE }]),
      tags: [{ label: 'racket', score: 0.3, source: 'imagenet-mobilenetv2' }],
    };
    expect(talk(court, 'Is there a tennis racket?').text).toMatch(/^Possibly: .*tags this photo "racket"/);
  });
});

describe('plurals in part and object words', () => {
  it('"leaves" is leaf, "hair" has no plural, "tv" is a TV', () => {
    expect(talk(yard(), "What colour is the person's hair?").text).toMatch(/a class for hair,/);
    expect(talk(yard(), 'Is there a tv?').text).toMatch(/any TVs/);
    expect(talk(yard(), "What colour are the bus's leaves?").text).toMatch(
      /a class for leaves, so I can't make out the [a-z ]*bus's leaf/,
    );
  });
});

describe("an activity whose gear is in view but in nobody's hands", () => {
  it('"is anyone flying a kite?" with a kite in the sky is a possibly, not a can\'t-tell', () => {
    const beach = paintScene(300, 200, [
      { id: 'kite', label: 'kite', rect: [200, 10, 30, 20], rgb: RED },
      { id: 'p', label: 'person', rect: [40, 100, 20, 80], rgb: BLUE },
    ]);
    expect(talk(beach, 'Is anyone flying a kite?').text).toMatch(
      /^Possibly: I see a red kite at the top right, though nobody/,
    );
  });
});
