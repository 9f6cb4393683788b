/**
 * "How big is the pizza?", "how tall is the giraffe?": the share of the image its mask covers (or its box
 * spans, for height and width) and how it ranks among what was found. A photo has no scale, so the real size
 * is never guessed.
 */
import type { EntityFacts } from '../scene-facts';
import type { ComposeContext } from './compose-overview';
import { targets } from './compose-details';
import { afterHedge, capitalize, percentOfImage, theEntities } from './phrasing';
import { SIZE_CHECKED } from './question-patterns';
import { decapitalizeMarked } from '../links/markup';

function measured(e: EntityFacts, asked: string, width: number, height: number): string {
  if (/^(tall|high)$/.test(asked)) return `spans ${percentOfImage(e.box[3] / height)} of the image's height`;
  if (/^(wide|long)$/.test(asked)) return `spans ${percentOfImage(e.box[2] / width)} of the image's width`;
  return `covers ${percentOfImage(e.areaFraction)} of the image`;
}

export function sizeAnswer(ctx: ComposeContext): string {
  const found = targets(ctx, 'the size of');
  if ('answer' in found) return found.answer;
  const { facts, question } = ctx;
  const asked = /^how ([a-z]+)/.exec(question.question.toLowerCase())?.[1] ?? 'big';
  const shown = found.entities.slice(0, 3);
  const names = theEntities(shown, facts.entities);
  const sentences = shown.map((e, i) => {
    const others = e.kind === 'stuff' ? facts.stuff : facts.entities;
    const biggest =
      e.sizeRank === 1 && others.length > 1 && measured(e, asked, 1, 1).startsWith('covers')
        ? `, more than anything else ${e.kind === 'stuff' ? 'of the scene' : 'I detected'}`
        : '';
    return `${capitalize(names[i])} ${measured(e, asked, facts.width, facts.height)}${biggest}.`;
  });
  const it = shown.length > 1 || shown[0].label === 'person' ? 'their' : 'its';
  const verdict = checkedSize(question.question, shown[0]);
  const said = verdict ? decapitalizeMarked(sentences.join(' ')) : sentences.join(' ');
  return afterHedge(found.hedge, `${verdict}${said} I can't tell ${it} real size: nothing in the photo gives a scale.`);
}

const BIG = /^(big|large|huge)$/;

/**
 * "Is the dog big?": yes or no as the picture shows it, by the scene graph's size class (its share of the
 * image); "small or large?" gets the size. Empty when no size was checked.
 */
function checkedSize(question: string, entity: EntityFacts): string {
  const checked = SIZE_CHECKED.exec(question.toLowerCase().trim());
  if (!checked) return '';
  const size = entity.size === 'large' ? 'large' : entity.size === 'small' ? 'small' : 'medium-sized';
  if (/ or /.test(checked[0])) return `${capitalize(size)} in the picture: `;
  const askedBig = BIG.test(checked[1]);
  if (size === 'medium-sized') return 'Medium-sized in the picture: ';
  return `${(size === 'large') === askedBig ? 'Yes' : 'No'}, ${size} in the picture: `;
}
