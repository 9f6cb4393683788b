/**
 * Colour naming on real mask crops: for each object (box as fractions of the photo, from looking at it), the
 * colour words a person would use for it. The entity of the pipeline whose box has IoU ≥ 0.5 with the box is
 * looked up, and its scene-graph colour must be one of them.
 */
import type { Box } from '@/lib/shared/analysis';
import type { ColourName } from '@/lib/scene/graph/colour';

export interface ColourCase {
  image: string;
  what: string;
  box: Box;
  say: ColourName[];
}

export const COLOUR_TABLE: ColourCase[] = [
  { image: '01', what: 'white pickup', box: [0.05, 0.23, 0.9, 0.48], say: ['white'] },
  { image: '02', what: 'white bulldog', box: [0, 0.41, 0.52, 0.59], say: ['white'] },
  { image: '02', what: 'stainless steel bowl', box: [0.61, 0.26, 0.23, 0.24], say: ['silver', 'grey', 'white'] },
  { image: '02', what: 'person in blue jeans', box: [0.72, 0, 0.28, 0.83], say: ['blue'] },
  { image: '06', what: 'giraffe on the right', box: [0.67, 0.26, 0.32, 0.6], say: ['brown', 'orange'] },
  { image: '07', what: 'white airport bus', box: [0.72, 0.33, 0.28, 0.64], say: ['white'] },
  { image: '08', what: 'chestnut horse', box: [0.3, 0.475, 0.485, 0.525], say: ['brown'] },
  { image: '08', what: 'red car', box: [0.73, 0.465, 0.235, 0.22], say: ['red'] },
  { image: '08', what: 'white pickup', box: [0.4, 0.43, 0.16, 0.1], say: ['white'] },
  { image: '09', what: 'black TV', box: [0, 0.39, 0.09, 0.35], say: ['black'] },
  { image: '09', what: 'white sofa', box: [0.54, 0.41, 0.4, 0.35], say: ['white'] },
  { image: '10', what: 'man in a dark blue suit', box: [0.07, 0.01, 0.49, 0.87], say: ['blue'] },
  { image: '11', what: 'batsman in whites (number 23)', box: [0.53, 0.33, 0.1, 0.35], say: ['white'] },
  { image: '11', what: 'fielder in whites, right', box: [0.8, 0.23, 0.1, 0.21], say: ['white'] },
  { image: '12', what: 'man in a red T-shirt', box: [0.11, 0.11, 0.43, 0.54], say: ['red'] },
  { image: '12', what: 'blue-and-white bowl', box: [0.39, 0.68, 0.1, 0.11], say: ['white', 'blue'] },
];
