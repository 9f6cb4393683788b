import { describe, expect, it } from 'vitest';
import type { Box, Rle } from '../../shared/analysis';
import { decodeRleInBox, encodeRle, maskStats } from '../../shared/rle';
import { encodeScaledRegion, scaleRleRunsToImage } from './scaled-rle';
import type { Region } from './upsample';

/** The reference for scaleRleRunsToImage: decode the mask's crop, then scale it as encodeScaledRegion does. */
function scaleRleToImage(rle: Rle, bbox: Box, width: number, height: number) {
  const frame = { width: rle.size[1], height: rle.size[0] };
  const crop = decodeRleInBox(rle, bbox);
  const region = { x0: crop.x0, y0: crop.y0, x1: crop.x0 + crop.width, y1: crop.y0 + crop.height };
  return encodeScaledRegion(crop.bits, region, frame, width, height);
}

/** The reference: paste the region into the frame, then give every image pixel the frame pixel under its centre. */
function bruteForce(
  mask: Uint8Array,
  region: Region,
  frame: { width: number; height: number },
  width: number,
  height: number,
) {
  const full = new Uint8Array(width * height);
  const regionWidth = region.x1 - region.x0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const fx = Math.floor(((x + 0.5) * frame.width) / width);
      const fy = Math.floor(((y + 0.5) * frame.height) / height);
      const inside = fx >= region.x0 && fx < region.x1 && fy >= region.y0 && fy < region.y1;
      if (inside && mask[(fy - region.y0) * regionWidth + (fx - region.x0)]) full[y * width + x] = 1;
    }
  }
  return { rle: encodeRle(full, height, width), ...maskStats(full, height, width) };
}

describe('encodeScaledRegion', () => {
  it.each([
    ['a 4:3 photo at 3.9×', { width: 64, height: 48 }, 250, 187],
    ['an odd scale', { width: 37, height: 23 }, 101, 59],
    ['a portrait photo', { width: 30, height: 40 }, 90, 121],
  ])('matches nearest-neighbour upsampling then encoding, for %s', (_name, frame, width, height) => {
    const region: Region = { x0: 3, y0: 2, x1: frame.width - 4, y1: frame.height - 1 };
    const regionWidth = region.x1 - region.x0;
    const regionHeight = region.y1 - region.y0;
    // A blob with a hole, a speck and a run touching the region's edge, from a fixed pseudo-random pattern.
    const mask = new Uint8Array(regionWidth * regionHeight).map((_, i) => {
      const x = i % regionWidth,
        y = Math.floor(i / regionWidth);
      const blob =
        (x - regionWidth / 2) ** 2 / (regionWidth / 3) ** 2 + (y - regionHeight / 2) ** 2 / (regionHeight / 3) ** 2 < 1;
      const hole = Math.abs(x - regionWidth / 2) < 2 && Math.abs(y - regionHeight / 2) < 2;
      return (blob && !hole) || (x === 1 && y === 1) || y === regionHeight - 1 ? 1 : 0;
    });
    expect(encodeScaledRegion(mask, region, frame, width, height)).toEqual(
      bruteForce(mask, region, frame, width, height),
    );
  });

  it('encodes an empty mask as all background', () => {
    const region: Region = { x0: 0, y0: 0, x1: 4, y1: 4 };
    const out = encodeScaledRegion(new Uint8Array(16), region, { width: 8, height: 8 }, 20, 20);
    expect(out).toEqual({ rle: { size: [20, 20], counts: [400] }, area: 0, bbox: [0, 0, 0, 0] });
  });
});

describe('scaleRleRunsToImage', () => {
  it('gives exactly what decoding the crop and encodeScaledRegion give', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 40; trial++) {
      const frame = { width: 20 + Math.floor(random() * 60), height: 20 + Math.floor(random() * 60) };
      const width = Math.round(frame.width * (1 + random() * 3));
      const height = Math.round(frame.height * (1 + random() * 3));
      const full = new Uint8Array(frame.width * frame.height);
      for (let b = 0; b < 3; b++) {
        const cx = random() * frame.width,
          cy = random() * frame.height,
          r = 2 + random() * 15;
        for (let y = 0; y < frame.height; y++)
          for (let x = 0; x < frame.width; x++)
            if ((x - cx) ** 2 + (y - cy) ** 2 < r * r) full[y * frame.width + x] = 1;
      }
      const rle = encodeRle(full, frame.height, frame.width);
      const tight = maskStats(full, frame.height, frame.width).bbox;
      const cut: typeof tight = [tight[0] + 1, tight[1] + 1.5, Math.max(0, tight[2] - 2.5), Math.max(0, tight[3] - 3)];
      for (const box of [tight, cut])
        expect(scaleRleRunsToImage(rle, box, width, height)).toEqual(scaleRleToImage(rle, box, width, height));
    }
  });
});
