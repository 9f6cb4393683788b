/**
 * Role nouns name a person by what they do: the batter holds a bat, the skateboarder stands on a board, the
 * rider sits on a horse or bike. A role resolves to the people whose relations to such objects fit; with no
 * such person the role falls back to every person, and answers name them as "person" (the models never saw
 * the role itself). General knowledge about roles, not about any photo.
 */
import type { EntityFacts, SceneFacts } from './scene-facts';

/** Role noun → the COCO classes that mark it. */
export const ROLE_OBJECTS: Readonly<Record<string, readonly string[]>> = {
  batter: ['baseball bat'],
  batsman: ['baseball bat'],
  hitter: ['baseball bat'],
  catcher: ['baseball glove'],
  fielder: ['baseball glove'],
  pitcher: ['baseball glove', 'sports ball'],
  skateboarder: ['skateboard'],
  skater: ['skateboard'],
  surfer: ['surfboard'],
  skier: ['skis'],
  snowboarder: ['snowboard'],
  cyclist: ['bicycle'],
  biker: ['bicycle', 'motorcycle'],
  motorcyclist: ['motorcycle'],
  rider: ['horse', 'bicycle', 'motorcycle', 'skateboard', 'elephant'],
  horseman: ['horse'],
  jockey: ['horse'],
  equestrian: ['horse'],
  driver: ['car', 'truck', 'bus'],
  tennis: ['tennis racket'],
  diner: ['dining table', 'bowl', 'pizza', 'sandwich', 'cake'],
  cook: ['oven', 'bowl', 'knife'],
  chef: ['oven', 'bowl', 'knife'],
  reader: ['book'],
  typist: ['laptop', 'keyboard'],
  passenger: ['bus', 'train', 'airplane', 'car', 'boat'],
};

/** The people a role noun means: those holding, riding, on or touching a thing that marks the role. */
export function peopleInRole(facts: SceneFacts, role: string): EntityFacts[] {
  const objects = ROLE_OBJECTS[role];
  if (!objects) return [];
  const marks = new Set(
    [...facts.entities, ...facts.uncertain].filter((e) => objects.includes(e.label)).map((e) => e.id),
  );
  const people = new Map<string, EntityFacts>();
  for (const r of facts.relations) {
    if (r.kind === 'in front of') continue;
    const personId = marks.has(r.objectId) ? r.subjectId : marks.has(r.subjectId) ? r.objectId : null;
    const person = facts.entities.find((e) => e.id === personId && e.label === 'person');
    if (person) people.set(person.id, person);
  }
  // Relations only join shown things: a weak mark (a bat at 0.14) still points at the person holding it.
  for (const mark of facts.uncertain.filter((e) => marks.has(e.id))) {
    const holder = facts.entities.find(
      (p) =>
        p.label === 'person' &&
        mark.centre[0] >= p.box[0] &&
        mark.centre[0] <= p.box[0] + p.box[2] &&
        mark.centre[1] >= p.box[1] &&
        mark.centre[1] <= p.box[1] + p.box[3],
    );
    if (holder) people.set(holder.id, holder);
  }
  return [...people.values()];
}
