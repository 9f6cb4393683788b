/**
 * Follows objects through the keyframes. Keyframes are seconds apart, so there is no motion to lean on:
 * an entity joins a track of the same class when their boxes overlap (IoU) or, failing that, when it sits
 * near where the track was last seen with a similar size (people and dogs move between keyframes). Each
 * keyframe's entities are matched greedily, best pair first, one entity per track; a track may miss one
 * keyframe (an occlusion, a missed detection) and be picked up again. A scene cut ends every track.
 */
import type { Box } from '../../shared/analysis';
import type { Track } from '../../shared/video';
import { boxIou } from '@/lib/shared/box';

export interface TrackedEntity {
  id: string;
  label: string;
  box: Box;
}

export interface TrackKeyframe {
  index: number;
  timeSec: number;
  width: number;
  height: number;
  /** A cut before this keyframe: nothing carries over. */
  sceneChange: boolean;
  entities: TrackedEntity[];
}

/** Below this a pair is not the same object. */
const MIN_SIMILARITY = 0.25;
/** Keyframes a track may be missing from before it ends. */
const MAX_MISSED = 1;

/** IoU, or, for boxes that moved apart, nearness (in image diagonals) scaled by how alike their sizes are. */
export function similarity(a: Box, b: Box, width: number, height: number): number {
  const iou = boxIou(a, b);
  const diagonal = Math.hypot(width, height);
  const dx = a[0] + a[2] / 2 - (b[0] + b[2] / 2);
  const dy = a[1] + a[3] / 2 - (b[1] + b[3] / 2);
  const near = Math.max(0, 1 - Math.hypot(dx, dy) / (0.5 * diagonal));
  const areas = [a[2] * a[3], b[2] * b[3]];
  const sizeRatio = Math.min(...areas) / Math.max(1, ...areas);
  return Math.max(iou, near * Math.sqrt(sizeRatio) * 0.8);
}

interface OpenTrack {
  label: string;
  entityIds: string[];
  keyframes: number[];
  lastBox: Box;
  lastSeen: number; // position in the keyframe list
}

export function buildTracks(keyframes: readonly TrackKeyframe[], analysedSec: number): Track[] {
  const done: OpenTrack[] = [];
  let open: OpenTrack[] = [];
  keyframes.forEach((frame, position) => {
    if (frame.sceneChange) done.push(...open), (open = []);
    const pairs: { track: OpenTrack; entity: TrackedEntity; score: number }[] = [];
    for (const track of open) {
      for (const entity of frame.entities) {
        if (entity.label !== track.label) continue;
        const score = similarity(track.lastBox, entity.box, frame.width, frame.height);
        if (score >= MIN_SIMILARITY) pairs.push({ track, entity, score });
      }
    }
    const usedTracks = new Set<OpenTrack>();
    const usedEntities = new Set<string>();
    for (const { track, entity } of pairs.sort((a, b) => b.score - a.score)) {
      if (usedTracks.has(track) || usedEntities.has(entity.id)) continue;
      usedTracks.add(track);
      usedEntities.add(entity.id);
      track.entityIds.push(entity.id);
      track.keyframes.push(frame.index);
      track.lastBox = entity.box;
      track.lastSeen = position;
    }
    for (const entity of frame.entities) {
      if (usedEntities.has(entity.id)) continue;
      open.push({
        label: entity.label,
        entityIds: [entity.id],
        keyframes: [frame.index],
        lastBox: entity.box,
        lastSeen: position,
      });
    }
    const stale = open.filter((t) => position - t.lastSeen > MAX_MISSED);
    done.push(...stale);
    open = open.filter((t) => !stale.includes(t));
  });
  done.push(...open);
  const timeOf = new Map(keyframes.map((k) => [k.index, k.timeSec]));
  const lastIndex = keyframes[keyframes.length - 1]?.index;
  return done
    .sort((a, b) => a.keyframes[0] - b.keyframes[0] || b.keyframes.length - a.keyframes.length)
    .map((t, i) => {
      const last = t.keyframes[t.keyframes.length - 1];
      return {
        id: `t${i + 1}`,
        label: t.label,
        entityIds: t.entityIds,
        keyframes: t.keyframes,
        startSec: timeOf.get(t.keyframes[0]) ?? 0,
        // Seen in the last keyframe: nothing says it leaves before the analysed end.
        endSec: last === lastIndex ? analysedSec : (timeOf.get(last) ?? 0),
      };
    });
}
