/**
 * Head nouns that never name a visible thing, however WordNet or GloVe relate them to a label: "object" is a
 * hypernym of everything, "source" and "frame" sit near "person" in GloVe, "centre" and "side" are places.
 * Linking them lights up entities the sentence does not mean, so they are never linked (test table:
 * non-things.test.ts).
 */
const NON_THINGS = new Set([
  // generic names for any thing
  'object', 'thing', 'item', 'entity', 'stuff', 'element', 'something', 'anything', 'everything', 'kind', 'type', 'sort',
  // places in the frame
  'centre', 'center', 'middle', 'side', 'left', 'right', 'top', 'bottom', 'front', 'back', 'background',
  'foreground', 'corner', 'edge', 'area', 'region', 'part', 'portion', 'section', 'place', 'spot', 'position',
  'location', 'distance', 'direction',
  // the picture itself and its analysis
  'frame', 'image', 'picture', 'photo', 'photograph', 'scene', 'view', 'shot', 'detection', 'detector', 'mask',
  'box', 'label', 'source', 'model', 'answer', 'question', 'threshold', 'score', 'confidence', 'percent',
  // measures and qualities
  'colour', 'color', 'shade', 'size', 'shape', 'number', 'lot', 'bit', 'piece', 'amount', 'moderate', 'level',
  'degree', 'way', 'time', 'moment', 'sound', 'noise',
]);

/** Is the phrase's head (lemmatised words) one of the non-things? */
export function isNonThing(headLemma: string[]): boolean {
  return headLemma.length === 1 && NON_THINGS.has(headLemma[0]);
}
