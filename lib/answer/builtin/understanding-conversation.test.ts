/**
 * The conversation around a question, on painted scenes: pronouns (he and she, after a "no"), counts that name
 * nothing or check a number, and what someone is doing.
 */
import { describe, expect, it } from 'vitest';
import { paintScene, BLUE, BROWN, RED, WHITE } from '../../scene/test-fixtures';
import { personHolding, talk, yard } from './understanding-fixtures';

describe('activities no model can see', () => {
  it("echo the whole asked activity in the can't-tell, not the verb and one more word", () => {
    expect(talk(yard(), 'Is the white horse looking at the camera?').text).toMatch(
      /^I can't tell whether the white horse is looking at the camera: /,
    );
  });

  it('say what the thing is on, where the graph knows it, in place of an activity', () => {
    const carTop = paintScene(300, 200, [
      { id: 'car', label: 'car', rect: [60, 80, 180, 90], rgb: BLUE },
      { id: 'cat', label: 'cat', rect: [120, 50, 50, 35], rgb: BROWN },
    ]);
    expect(talk(carTop, 'What is the cat doing?').text).toMatch(/\. It is on the blue car\./);
  });
});

describe('he and she', () => {
  it('mean someone: the last person talked about, or the one in view, never the thing named last', () => {
    // yard(): one person p; "the bus" was named last.
    expect(talk(yard(), 'What colour is the big bus?', 'Where is she?').text).toMatch(/^The person in blue /);
    expect(
      talk(yard(), 'What colour is the person?', 'What colour is the big bus?', 'What is he holding?').text,
    ).toMatch(/^The person in blue /);
  });

  it('may mean an animal just talked about', () => {
    expect(talk(yard(), 'What colour is the white horse?', 'Where is she?').text).toMatch(/^The white horse /);
  });
});

describe('what someone is doing, from what they ride or hold', () => {
  it('a bowl held beside a dog is probably the dog\'s meal, and backs "is she feeding the dog?"', () => {
    const feeding = paintScene(300, 200, [
      { id: 'p', label: 'person', rect: [100, 20, 80, 170], rgb: BLUE },
      { id: 'bowl', label: 'bowl', rect: [150, 90, 30, 15], rgb: WHITE },
      { id: 'd', label: 'dog', rect: [182, 80, 90, 110], rgb: BROWN },
    ]);
    expect(talk(feeding, 'What is the person doing?').text).toMatch(/so probably feeding the brown dog\.$/);
    expect(talk(feeding, 'Is the person feeding the dog?').text).toMatch(/^Probably yes\./);
    expect(talk(feeding, 'Is the person feeding the cat?').text).toMatch(/^I can't tell whether/);
  });

  it('says a rider rides once, and backs "is he riding?"', () => {
    const ride = paintScene(200, 120, [
      { id: 'p', label: 'person', rect: [40, 0, 20, 60], rgb: BLUE },
      { id: 'h', label: 'horse', rect: [20, 30, 70, 50], rgb: BROWN },
    ]);
    expect(talk(ride, 'What is the person doing?').text).toMatch(/^The person in \w+ is riding a brown horse\.$/);
    expect(talk(ride, 'Is the person riding?').text).toMatch(
      /^Probably yes\. The person in \w+ is riding a brown horse\.$/,
    );
  });
});

describe('a pronoun after a "no"', () => {
  it('still means the thing that is not there, not what the "no" listed instead', () => {
    expect(talk(yard(), 'Is there a laptop?', 'Where is it?').text).toMatch(/^I (can't find|don't see) any laptops\b/);
    expect(talk(yard(), 'Are there any cats?', 'What colour are they?').text).toMatch(/\bany cats\b/);
  });
});

describe('a number to check', () => {
  it('"are there two horses?" says yes or no before the count, also for a count in a place', () => {
    // yard(): three horses, one person.
    expect(talk(yard(), 'Are there two horses?').text).toMatch(/^No\. .*\bthree horses\b/i);
    expect(talk(yard(), 'Are there three horses?').text).toMatch(/^Yes\. /);
    expect(talk(yard(), 'Do you see 1 person?').text).toMatch(/^Yes\. /);
    expect(talk(yard(), 'Are there two horses to the right of the white horse?').text).toMatch(/^No\. One: /);
    expect(talk(yard(), 'Are there any horses?').text).toMatch(/^Yes, /);
  });

  it('"is he alone?" checks that he is the only person', () => {
    expect(talk(yard(), 'Is he alone?').text).toMatch(/^Yes\. /);
    expect(talk(yard(), 'Is the white horse alone?').text).toMatch(/^No\. /);
  });

  it('"more / fewer than N" checks the bound, also with the noun left to the conversation', () => {
    expect(talk(yard(), 'Are there more than two horses?').text).toMatch(/^Yes\. /);
    expect(talk(yard(), 'Are there fewer than three horses?').text).toMatch(/^No\. /);
    expect(talk(yard(), 'How many horses are there?', 'Are there more than five?').text).toMatch(
      /^Not that I can count\. .*\bthree horses\b/i,
    );
  });

  it('"in the picture" is the photo itself, not a place to count in', () => {
    expect(talk(yard(), 'How many horses are in the picture?').text).toMatch(/\bthree horses\b/i);
  });
});

describe('people tied to nothing', () => {
  it('are "they" in a superlative too', () => {
    const two = paintScene(300, 200, [
      { id: 'p1', label: 'person', rect: [40, 20, 30, 170], rgb: RED },
      { id: 'p2', label: 'person', rect: [200, 40, 30, 100], rgb: BLUE },
    ]);
    expect(talk(two, 'Which person is closest?').text).toMatch(/judged from how low they stand in the frame/);
  });

  it('are "they", never "it"', () => {
    expect(talk(yard(), 'What is the person doing?').text).toMatch(/nothing they hold or ride hints at it\. They are /);
  });
});

describe('people tied to nothing, with sports gear in view', () => {
  it('get the gear as a hedged lead', () => {
    const park = paintScene(300, 200, [
      { id: 'k', label: 'kite', rect: [200, 10, 30, 20], rgb: RED },
      { id: 'p', label: 'person', rect: [60, 80, 30, 100], rgb: BLUE },
    ]);
    expect(talk(park, 'What is the person doing?').text).toBe(
      'Nothing they hold or ride says so for sure, but what is in view points to a sport or game. It looks like kite flying: I see a red kite with a person in blue.',
    );
  });
});

describe('who, asked of everyone or of the other one', () => {
  const pair = () =>
    paintScene(300, 200, [
      { id: 'left', label: 'person', rect: [10, 40, 40, 150], rgb: RED },
      { id: 'right', label: 'person', rect: [220, 40, 40, 150], rgb: BLUE },
    ]);

  it('"who is in the photo?" lists the people; "and the other one?" names the one not named before', () => {
    expect(talk(pair(), 'Who is in the photo?').text).toBe(
      'There are two people: the person in red on the left and the person in blue on the right.',
    );
    expect(talk(pair(), 'Who is on the left?', 'And the other one?').text).toBe('The person in blue on the right.');
    expect(talk(pair(), 'Who is smiling?').text).toMatch(/^I can't tell which of the two people that is/);
  });

  it('"him" after a thing that is not there is someone, not that thing', () => {
    expect(talk(pair(), 'Is there a ball?', "What's next to him?").text).not.toMatch(/ball/);
  });
});

describe('counts asked in few words', () => {
  it('counts what was just talked of: "how many?", "how many in total?"', () => {
    expect(talk(yard(), 'Are there any buses?', 'How many?').text).toMatch(/\btwo\b.*\bbuses\b/i);
    expect(talk(yard(), 'Are there any horses?', 'How many in total?').text).toMatch(/\bthree\b.*\bhorses\b/i);
  });

  it('reads "is the man in red alone?" as whether he is the only one, and "anyone else?" as more than one', () => {
    expect(talk(yard(), 'Is the person in blue alone?').text).toMatch(/^Yes\. /);
    expect(talk(yard(), 'Is the person in blue alone?').text).not.toMatch(/in the blue alone/);
    expect(talk(yard(), 'Is anyone else here?').text).toMatch(/^Not that I can count\. /);
  });
});

describe('states and measures asked in other words', () => {
  it('answers "is the bus parked?" as a state no model sees, not as an open question', () => {
    expect(talk(yard(), 'Is the big bus parked?').text).toMatch(
      /^I can't tell whether the white bus is parked: my models show where things are/,
    );
  });

  it('compares length by the longer side of the boxes and width across the frame', () => {
    // yard(): the big bus is 140 px wide, a horse 50.
    expect(talk(yard(), 'Is the big bus longer than the white horse?').text).toMatch(
      /^Yes, .* is longer than the white horse/,
    );
    expect(talk(yard(), 'Is the white horse wider than the big bus?').text).toMatch(
      /^No, the white horse is narrower than/,
    );
  });
});

describe('games without sports gear', () => {
  it("takes a remote in someone's hands as a lead for a video game, said as a possibility", () => {
    const player = personHolding('remote', [240, 240, 240], [120, 90, 12, 20]);
    expect(talk(player, 'What game are they playing?').text).toMatch(
      /^Possibly a video game: the person in blue is holding/,
    );
    expect(talk(yard(), 'What game are they playing?').text).toMatch(/^I can't tell which sport or game/);
  });
});

describe('the scene in other words', () => {
  it('reads "what\'s in the kitchen?" as what the photo shows, and "the main object" as the biggest thing', () => {
    expect(talk(yard(), "What's in the kitchen?").text).toMatch(/three horses/);
    expect(talk(yard(), 'What is the main object?').text).toMatch(/^The biggest (thing|one) is the .*white bus/);
  });
});

describe('a kind in a place or a relation', () => {
  it('keeps to the kind named: "what vehicle is on the left?", "which horses are on the right?"', () => {
    // yard(): the person p stands lowest on the left but is no animal.
    expect(talk(yard(), 'What vehicle is on the left?').text).toMatch(/^On the left (there is|I see) the white bus\./);
    expect(talk(yard(), 'Which horses are on the right?').text).toMatch(/^On the right I see the (second )?red horse/);
    expect(talk(yard(), 'Which horses are on the right?').text).not.toMatch(/\bbus\b/);
  });

  it('keeps to the kind named before the relation word when depth comes from the ground line', () => {
    // A bus further back; a person and a dog standing lower in the frame, both in front of it.
    const street = paintScene(300, 200, [
      { id: 'bus', label: 'bus', rect: [60, 20, 180, 60], rgb: RED },
      { id: 'p', label: 'person', rect: [80, 100, 20, 60], rgb: BLUE },
      { id: 'dog', label: 'dog', rect: [180, 110, 40, 30], rgb: BROWN },
    ]);
    const answer = talk(street, 'What animal is in front of the bus?').text;
    expect(answer).toMatch(/^The brown dog is in front of the red bus/);
    expect(answer).not.toMatch(/person/);
  });
});

describe('sizes and materials checked', () => {
  it('answers "is it big?" by its share of the picture, and never its real size', () => {
    // yard(): the person covers under 1 % of the image.
    expect(talk(yard(), 'Is the person big?').text).toMatch(/^No, small in the picture: the person in blue covers/);
    expect(talk(yard(), 'Is the person small or large?').text).toMatch(/^Small in the picture: /);
    expect(talk(yard(), 'Is the person small?').text).toMatch(/^Yes, .*I can't tell their real size/);
  });

  it('answers "is the bowl empty?" as a state no model sees', () => {
    expect(talk(yard(), 'Is the big bus empty?').text).toMatch(
      /^I can't tell whether .*bus is empty: .*not what state they are in/,
    );
  });

  it('says no model sees materials', () => {
    expect(talk(yard(), 'Is the bus metallic?').text).toMatch(/materials/);
  });
});

describe('two colours asked together', () => {
  it('checks both against the colour and the second colour of a coat', () => {
    const dog = paintScene(300, 200, [
      { id: 'd', label: 'dog', rect: [60, 40, 120, 100], rgb: BROWN, lowerRgb: [245, 245, 245] },
    ]);
    expect(talk(dog, 'Is the dog brown and white?').text).toMatch(/^Yes: the dog looks brown and white/);
    expect(talk(dog, 'Is the dog black and white?').text).toMatch(/^Partly: /);
    expect(talk(yard(), 'Is the big bus red and blue?').text).toMatch(/^No: /);
    expect(talk(yard(), 'Is it a black and white photo?').text).not.toMatch(/^(Yes|No|Partly):/);
  });
});

describe('where, asked of many or as an imperative', () => {
  const shelf = () =>
    paintScene(300, 200, [
      { id: 'c1', label: 'cup', rect: [10, 160, 20, 20], rgb: [245, 245, 245] },
      { id: 'c2', label: 'cup', rect: [40, 160, 20, 20], rgb: [245, 245, 245] },
      { id: 'c3', label: 'cup', rect: [70, 160, 20, 20], rgb: [245, 245, 245] },
      { id: 'c4', label: 'cup', rect: [250, 20, 20, 20], rgb: RED },
    ]);

  it('says many alike by place, each place linked, with its colours', () => {
    const answer = talk(shelf(), 'Where are the cups?');
    expect(answer.text).toMatch(
      /^There are four cups: three at the bottom left \(all white\) and one at the top right \(red\)\.$/,
    );
    expect(answer.ids).toContainEqual(['c1', 'c2', 'c3']);
  });

  it('reads "show me", "point to" and "find" as where', () => {
    expect(talk(shelf(), 'Show me the red cup').text).toMatch(/^The red cup (is|can be seen) at the top right/);
    expect(talk(yard(), 'Point to the person').text).toMatch(/^The person in blue (is|can be seen) on the left/);
    expect(talk(yard(), 'Find the dog').text).toMatch(/\bdogs?\b/);
  });
});

describe('counts and superlatives of weak detections', () => {
  it('says "possibly" with the score when every one counted is too weak to state', () => {
    const lot = paintScene(300, 200, [
      { id: 'a', label: 'car', score: 0.4, rect: [10, 120, 60, 40], rgb: BLUE },
      { id: 'b', label: 'car', score: 0.35, rect: [200, 120, 60, 40], rgb: RED },
    ]);
    expect(talk(lot, 'How many cars are there?').text).toMatch(
      /^Possibly two cars, though the detector is unsure of them \(0\.40 at most\)/,
    );
    expect(talk(lot, 'Which car is the biggest?').text).toMatch(
      /though the detector is unsure it is a car \(0\.\d\d\)\.$/,
    );
    expect(talk(yard(), 'How many horses are there?').text).not.toMatch(/^Possibly/);
  });
});
