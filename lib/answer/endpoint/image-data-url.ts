/** The analysed image as a JPEG data URL for a remote model, shrunk so the request stays small. */
import sharp from 'sharp';
import type { SentImage } from './messages';
import type { DecodedImage } from '../../image/types';

/** Vision-language models work at about this size; larger only costs upload time and tokens. */
const MAX_SENT_SIDE = 1024;

export async function imageForEndpoint(image: DecodedImage): Promise<SentImage> {
  const scale = Math.min(1, MAX_SENT_SIDE / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const jpeg = await sharp(image.rgb, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(width, height)
    .jpeg({ quality: 85 })
    .toBuffer();
  return { dataUrl: `data:image/jpeg;base64,${jpeg.toString('base64')}`, width, height };
}
