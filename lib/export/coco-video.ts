/**
 * A video result as COCO: one image per keyframe (its file name and `time_sec` say when it was taken), the
 * keyframe's entities as annotations with their masks, and, in `strix`, the clip's facts, the tracks (each
 * annotation names its track) and the sound events. Built from the stored event stream, which holds every
 * keyframe's entities and masks; each keyframe goes through the photo exporter (coco.ts) and the parts are
 * merged with one category list and one annotation numbering.
 */
import { passesThreshold, type AnalyzeEvent, type Entity } from '@/lib/shared/analysis';
import type { AudioSummary } from '@/lib/shared/audio';
import type { Keyframe, Track, VideoInfo } from '@/lib/shared/video';
import { decodeMask } from '@/lib/shared/mask-bitmap';
import { cocoExport, type CocoAnnotation, type CocoCategory } from './coco';
import { soundForExport, type ExportMask, type ExportSound } from './scene';

export interface CocoVideoImage {
  id: number;
  file_name: string;
  width: number;
  height: number;
  /** Seconds from the clip's start. */
  time_sec: number;
}

export interface CocoVideoExport {
  info: { description: string; date_created: string };
  images: CocoVideoImage[];
  categories: CocoCategory[];
  annotations: (Omit<CocoAnnotation, 'image_id' | 'strix'> & {
    image_id: number;
    strix: CocoAnnotation['strix'] & { trackId?: string };
  })[];
  strix: { video: VideoInfo; tracks: Track[]; sound?: ExportSound };
}

/** "keyframe-03-4.0s.jpg": sorts in time order and says the time. */
const keyframeName = (k: Omit<Keyframe, 'url'>) =>
  `keyframe-${String(k.index + 1).padStart(2, '0')}-${k.timeSec.toFixed(1)}s.jpg`;

export function cocoVideoExport(
  events: readonly AnalyzeEvent[],
  threshold: number,
  now = new Date(),
): CocoVideoExport | undefined {
  let video: VideoInfo | undefined;
  let audio: AudioSummary | undefined;
  const keyframes: Keyframe[] = [];
  const entities = new Map<string, Entity>();
  const masks: Record<string, ExportMask | undefined> = {};
  const tracks: Track[] = [];
  for (const event of events) {
    if (event.type === 'video') video = event.video;
    else if (event.type === 'keyframe') keyframes.push(event.keyframe);
    else if (event.type === 'entity')
      entities.set(event.entity.id, event.entity); // a later event says more
    else if (event.type === 'mask') masks[event.entityId] = decodeMask(event.entityId, event.mask) ?? undefined;
    else if (event.type === 'track') tracks.push(event.track);
    else if (event.type === 'audio') audio = event.audio;
  }
  if (!video) return undefined;
  const trackOf = new Map(tracks.flatMap((t) => t.entityIds.map((id) => [id, t.id] as const)));
  const categories: CocoCategory[] = [];
  const out: CocoVideoExport = {
    info: {
      description: 'Strix grounding of a video (keyframes, tags, boxes, SAM masks, tracks)',
      date_created: now.toISOString(),
    },
    images: [],
    categories,
    annotations: [],
    strix: { video, tracks, ...(audio && { sound: soundForExport(audio) }) },
  };
  for (const keyframe of keyframes) {
    const own = [...entities.values()].filter((e) => e.keyframe === keyframe.index && passesThreshold(e, threshold));
    const image = { name: keyframeName(keyframe), width: keyframe.width, height: keyframe.height };
    const part = cocoExport({ image, entities: own, masks }, now);
    const imageId = keyframe.index + 1;
    out.images.push({
      id: imageId,
      file_name: image.name,
      width: image.width,
      height: image.height,
      time_sec: keyframe.timeSec,
    });
    for (const annotation of part.annotations) {
      const name = part.categories.find((c) => c.id === annotation.category_id)!;
      let category = categories.find((c) => c.name === name.name);
      if (!category) categories.push((category = { ...name, id: categories.length + 1 }));
      const trackId = trackOf.get(annotation.strix.entityId);
      out.annotations.push({
        ...annotation,
        id: out.annotations.length + 1,
        image_id: imageId,
        category_id: category.id,
        strix: { ...annotation.strix, ...(trackId && { trackId }) },
      });
    }
  }
  return out;
}
