import { describe, expect, it } from 'vitest';
import { imagenetClasses } from '../models/mobilenet';
import { DEEPLAB_ADE151, segmenterLabels, type SceneSegmentation } from '../models/ade-segmenter';
import { voteOn } from './votes';

/** A 10×10 class map filled with one ADE20K class. */
function segmentation(label: string): SceneSegmentation {
  const labels = segmenterLabels(DEEPLAB_ADE151);
  const classes = new Int32Array(100).fill(labels.indexOf(label));
  return {
    spec: DEEPLAB_ADE151,
    geometry: { inputSize: 10, resizedWidth: 10, resizedHeight: 10 },
    labels,
    classes,
    lowres: { data: new Float32Array(0), classCount: 0, side: 0 },
  };
}

function confident(name: string): Float32Array {
  const p = new Float32Array(imagenetClasses().length);
  p[imagenetClasses().findIndex((c) => c.names[0] === name)] = 0.9;
  return p;
}

describe('votes', () => {
  const box: [number, number, number, number] = [0, 0, 100, 100];
  it('demotes a box only when both the classifier and the segmenter contradict it', () => {
    const both = voteOn('person', box, confident('table lamp'), segmentation('building'), 100, 100);
    expect(both.contradicted).toBe(true);
    expect(both.alternatives.map((a) => a.label)).toEqual(['table lamp', 'building']);
    expect(voteOn('person', box, confident('table lamp'), segmentation('person'), 100, 100).contradicted).toBe(false);
    expect(voteOn('cat', box, confident('tabby'), segmentation('building'), 100, 100).contradicted).toBe(false);
  });
  it('lets a segmenter without a class for the label abstain', () => {
    expect(voteOn('tie', box, confident('table lamp'), segmentation('wall'), 100, 100).contradicted).toBe(false);
  });
});
