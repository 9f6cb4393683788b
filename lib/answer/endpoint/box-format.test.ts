import { describe, expect, it } from 'vitest';
import { extractGroundedBoxes } from './box-reply';
import { boxFrame, qwenResizedSize } from './box-format';

// The analysed photo is 2000 × 1500; it was sent at 1024 × 768. The car truly sits at [400, 300, 800, 600].
const IMAGE = { width: 2000, height: 1500 };
const SENT = { width: 1024, height: 768 };
const block = (box: number[]) => `The car.\n\`\`\`json\n[{"bbox_2d": [${box.join(', ')}], "label": "car"}]\n\`\`\``;
const convert = (format: Parameters<typeof boxFrame>[0], box: number[]) =>
  extractGroundedBoxes(block(box), IMAGE.width, IMAGE.height, boxFrame(format, SENT))[0].box;

describe('endpoint box conventions', () => {
  it('Qwen2.5-VL: absolute pixels of its resized input (multiples of 28)', () => {
    const frame = qwenResizedSize(1024, 768);
    expect(frame).toEqual({ width: 1036, height: 756 });
    // The model saw the car at the same relative place in its 1036 × 756 input.
    const box = [400, 300, 1200, 900].map((v, i) => (v / (i % 2 ? 1500 : 2000)) * (i % 2 ? 756 : 1036));
    expect(convert('qwen2.5-vl', box)).toEqual([400, 300, 800, 600]);
  });

  it('Qwen3-VL: 0–1000 on both axes', () => {
    expect(convert('qwen3-vl', [200, 200, 600, 600])).toEqual([400, 300, 800, 600]);
  });

  it('plain pixels of the sent image', () => {
    expect(convert('pixels', [204.8, 153.6, 614.4, 460.8])).toEqual([400, 300, 800, 600]);
  });

  it('keeps small and huge inputs within the pixel limits, as smart_resize does', () => {
    expect(qwenResizedSize(20, 20)).toEqual({ width: 56, height: 56 });
    const big = qwenResizedSize(8000, 6000);
    expect(big.width * big.height).toBeLessThanOrEqual(12_845_056);
    expect(big.width % 28).toBe(0);
  });
});
