/** POST /api/results/<id>/points: clicks in image pixels → a mask preview (409 when a newer request superseded it). */
export { PointsPreviewSchema, PointsRequestSchema } from '@/lib/shared/points';

export const MAX_POINTS_BODY_BYTES = 8 * 1024;
