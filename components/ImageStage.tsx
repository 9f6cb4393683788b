'use client';
/**
 * The grounded image: photo, masks and boxes in three Konva layers. Loaded with next/dynamic (ssr: false)
 * because Konva needs a real canvas. Everything is drawn in CSS-pixel coordinates (shapes scaled by hand)
 * so outlines and labels keep their size on any image; Konva multiplies by devicePixelRatio for HiDPI.
 * Hover is a pixel hit-test on the decoded masks, not Konva's shape hit graph, so the smallest object under
 * the pointer wins even where boxes overlap. Clicks are Konva's `pointerclick`, one per press of a mouse, pen
 * or finger: listening to both `click` and `tap` ran a tap twice (the touch, then the browser's emulated
 * mouse click), selecting and at once deselecting. In point mode clicks place points instead.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Group, Image as KonvaImage, Label, Layer, Rect, Stage, Tag, Text } from 'react-konva';
import Konva from 'konva';
import { formatScore, type Entity } from '@/lib/shared/analysis';
import { hitTest, hitTestBoxes } from '@/lib/shared/mask-bitmap';
import { textColorOn } from '@/lib/shared/color';
import { placeLabels, type LabelPlacement, type LabelRequest } from '@/lib/shared/labels';
import { useAnalysis } from './analysis/AnalysisProvider';
import { usePointMode } from './point/PointModeProvider';
import { PointLayer } from './point/PointLayer';

interface ImageStageProps {
  width: number;
  height: number;
  /** Display pixels per image pixel. */
  scale: number;
}

function useLoadedImage(url: string | null): HTMLImageElement | null {
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  useEffect(() => {
    setImage(null);
    if (!url) return;
    const element = new window.Image();
    element.onload = () => setImage(element);
    element.src = url;
    return () => {
      element.onload = null;
    };
  }, [url]);
  return image;
}

type Emphasis = 'normal' | 'emphasised' | 'dimmed';

const LABEL_FONT_SIZE = 12;
const LABEL_PADDING = 3;
const LABEL_HEIGHT = LABEL_FONT_SIZE + 2 * LABEL_PADDING;
const LABEL_FONT_FAMILY = 'ui-sans-serif, system-ui, sans-serif';

/** "truck 0.90 · pickup 0.24": the detector's name, then the classifier's finer one when WordNet agreed. */
function labelText(entity: Entity, badge: string | undefined): string {
  const fine = entity.fineName && `· ${entity.fineName.label} ${formatScore(entity.fineName.score)}`;
  return [entity.label, formatScore(entity.score), fine, badge && `· ${badge}`].filter(Boolean).join(' ');
}

/** Stuff (wall, road, sky) is background: its masks are drawn fainter, and its box only when it is pointed at. */
const STUFF_OPACITY = 0.55;
const isStuff = (entity: Entity) => entity.kind === 'stuff';

let measureContext: CanvasRenderingContext2D | null = null;
/** Width of a label as drawn (bold, the widest state) so placement never underestimates it. */
function labelWidth(text: string): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * 7 + 2 * LABEL_PADDING;
  measureContext.font = `bold ${LABEL_FONT_SIZE}px ${LABEL_FONT_FAMILY}`;
  return Math.ceil(measureContext.measureText(text).width) + 2 * LABEL_PADDING;
}

export default function ImageStage({ width, height, scale }: ImageStageProps) {
  const store = useAnalysis();
  const { analysis, view, visible, highlightedEntityId, spotlightEntityIds, badges } = store;
  const soundSourceIds = useMemo(
    () => new Set(analysis.soundSources.flatMap((s) => s.entityIds)),
    [analysis.soundSources],
  );
  const photo = useLoadedImage(analysis.imageUrl);
  const pointMode = usePointMode();

  const emphasisOf = (id: string): Emphasis => {
    // A phrase linked to several entities ("two people") spotlights them all, not only the first.
    if (spotlightEntityIds) return spotlightEntityIds.includes(id) ? 'emphasised' : 'dimmed';
    if (id === highlightedEntityId) return 'emphasised';
    return highlightedEntityId ? 'dimmed' : 'normal';
  };
  // Stuff first (beneath the things), and the emphasised entity last so it sits on top of its neighbours.
  const drawOrder = useMemo(
    () =>
      [...visible].sort(
        (a, b) =>
          Number(!isStuff(a)) - Number(!isStuff(b)) ||
          Number(a.id === highlightedEntityId) - Number(b.id === highlightedEntityId),
      ),
    [visible, highlightedEntityId],
  );
  const boxed = useMemo(() => visible.filter((e) => !isStuff(e)), [visible]);

  // Placed in score order, independent of hover, so labels never jump while the pointer moves.
  const { labelPlacement, labelBoxes } = useMemo(() => {
    const requests = boxed.map((entity): LabelRequest => {
      const [x, y, w, h] = entity.box;
      return {
        id: entity.id,
        box: [x * scale, y * scale, w * scale, h * scale],
        width: labelWidth(labelText(entity, badges[entity.id])),
        height: LABEL_HEIGHT,
      };
    });
    const placement = placeLabels(requests, width, height);
    const boxes = requests.flatMap(({ id, width: w, height: h }) =>
      placement[id] ? [[placement[id].x, placement[id].y, w, h]] : [],
    );
    return { labelPlacement: placement, labelBoxes: boxes };
  }, [boxed, badges, scale, width, height]);
  // Published on the canvas's container (like StageFrame's data attributes) so tests can check for overlaps.
  const stageRef = useRef<Konva.Stage>(null);
  useEffect(() => {
    stageRef.current?.container().setAttribute('data-label-boxes', JSON.stringify(labelBoxes));
  }, [labelBoxes]);

  const entityAt = (stage: Konva.Stage | null): string | null => {
    const pointer = stage?.getPointerPosition();
    if (!pointer || scale <= 0) return null;
    const x = pointer.x / scale;
    const y = pointer.y / scale;
    const masks = visible.map((e) => analysis.masks[e.id]).filter((m) => m !== undefined);
    const scoreOf = (id: string) => visible.find((e) => e.id === id)?.score ?? 0;
    return (
      hitTest(masks, x, y, scoreOf) ??
      hitTestBoxes(
        visible.filter((e) => !analysis.masks[e.id]),
        x,
        y,
      )
    );
  };

  /** The pointer in whole image pixels, inside the image. */
  const imagePointer = (stage: Konva.Stage | null): { x: number; y: number } | null => {
    const pointer = stage?.getPointerPosition();
    if (!pointer || scale <= 0 || !analysis.image) return null;
    const clamp = (value: number, size: number) => Math.min(size - 1, Math.max(0, Math.floor(value / scale)));
    return { x: clamp(pointer.x, analysis.image.width), y: clamp(pointer.y, analysis.image.height) };
  };

  const onPointerMove = (event: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
    const container = event.target.getStage()?.container();
    // Konva also reports moves made outside the canvas (it listens on the window); those must not clear a
    // hover that a phrase or list row just set.
    if (!container?.contains(event.evt.target as Node)) return;
    if (pointMode.active) {
      container.style.cursor = 'crosshair';
      pointMode.hoverAt(imagePointer(event.target.getStage()));
      return;
    }
    const id = entityAt(event.target.getStage());
    // No equality guard: the store's value can be stale here, and React skips a same-value update anyway.
    store.hoverEntity(id, 'stage');
    container.style.cursor = id ? 'pointer' : 'default';
  };
  const onPointerClick = (event: Konva.KonvaEventObject<PointerEvent>) => {
    if (event.evt.button !== 0) return; // a right-click is the context menu's (a negative point in point mode)
    if (pointMode.active) {
      const point = imagePointer(event.target.getStage());
      if (point) pointMode.addPoint({ ...point, positive: !event.evt.altKey });
      return;
    }
    const id = entityAt(event.target.getStage());
    if (id) store.toggleEntity(id);
    else store.selectEntity(null);
  };
  const onContextMenu = (event: Konva.KonvaEventObject<PointerEvent>) => {
    if (!pointMode.active) return;
    event.evt.preventDefault();
    const point = imagePointer(event.target.getStage());
    if (point) pointMode.addPoint({ ...point, positive: false });
  };

  return (
    <Stage
      ref={stageRef}
      width={width}
      height={height}
      onMouseMove={onPointerMove}
      onMouseLeave={() => (pointMode.active ? pointMode.hoverAt(null) : store.hoverEntity(null, 'stage'))}
      onPointerClick={onPointerClick}
      onContextMenu={onContextMenu}
    >
      <Layer listening={false}>{photo && <KonvaImage image={photo} width={width} height={height} />}</Layer>
      <Layer listening={false} visible={view.showMasks}>
        {drawOrder.map((entity) => {
          const mask = analysis.masks[entity.id];
          if (!mask?.canvas) return null;
          const [x, y, w, h] = mask.bbox;
          const emphasis = emphasisOf(entity.id);
          const base = isStuff(entity) ? view.maskOpacity * STUFF_OPACITY : view.maskOpacity;
          const opacity =
            emphasis === 'emphasised' ? Math.min(1, view.maskOpacity + 0.3) : emphasis === 'dimmed' ? base * 0.3 : base;
          const placement = { image: mask.canvas, x: x * scale, y: y * scale, width: w * scale, height: h * scale };
          return soundSourceIds.has(entity.id) ? (
            <PulsingMask key={entity.id} {...placement} baseOpacity={opacity} />
          ) : (
            <KonvaImage key={entity.id} {...placement} opacity={opacity} />
          );
        })}
      </Layer>
      <Layer listening={false} visible={view.showBoxes}>
        {drawOrder
          .filter((entity) => !isStuff(entity) || emphasisOf(entity.id) === 'emphasised')
          .map((entity) => (
            <EntityBox
              key={entity.id}
              entity={entity}
              scale={scale}
              emphasis={emphasisOf(entity.id)}
              badge={badges[entity.id]}
              labelAt={labelPlacement[entity.id]}
            />
          ))}
      </Layer>
      {pointMode.active && <PointLayer mode={pointMode} scale={scale} />}
    </Stage>
  );
}

/** The sound source's mask breathes (about once a second) so it reads as "this is making the sound". */
function PulsingMask({
  baseOpacity,
  ...placement
}: {
  image: HTMLCanvasElement;
  x: number;
  y: number;
  width: number;
  height: number;
  baseOpacity: number;
}) {
  const ref = useRef<Konva.Image>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
      node.opacity(Math.min(1, baseOpacity + 0.2));
      return;
    }
    const animation = new Konva.Animation((frame) => {
      node.opacity(Math.min(1, baseOpacity + 0.3 * (0.5 + 0.5 * Math.sin((frame?.time ?? 0) / 160))));
    }, node.getLayer());
    animation.start();
    return () => {
      animation.stop();
    };
  }, [baseOpacity]);
  return <KonvaImage ref={ref} {...placement} opacity={baseOpacity} />;
}

interface EntityBoxProps {
  entity: Entity;
  scale: number;
  emphasis: Emphasis;
  badge?: string;
  /** Where the label goes; absent when it would cover another label (it then shows only while emphasised). */
  labelAt: LabelPlacement[string] | undefined;
}

function EntityBox({ entity, scale, emphasis, badge, labelAt }: EntityBoxProps) {
  const [bx, by, bw, bh] = entity.box;
  const x = bx * scale;
  const y = by * scale;
  const strong = entity.color.strong;
  return (
    <Group opacity={emphasis === 'dimmed' ? 0.25 : 1}>
      {emphasis === 'emphasised' && (
        // A dark halo under the outline keeps the emphasised box readable on any background.
        <Rect x={x} y={y} width={bw * scale} height={bh * scale} stroke="rgba(0,0,0,0.55)" strokeWidth={6} />
      )}
      <Rect
        x={x}
        y={y}
        width={bw * scale}
        height={bh * scale}
        stroke={strong}
        strokeWidth={emphasis === 'emphasised' ? 3.5 : 2}
        dash={isStuff(entity) ? [8, 6] : undefined}
      />
      {(labelAt || emphasis === 'emphasised') && (
        <Label x={labelAt?.x ?? x} y={labelAt?.y ?? Math.max(0, y - LABEL_HEIGHT)}>
          <Tag fill={strong} cornerRadius={2} />
          <Text
            text={labelText(entity, badge)}
            fontSize={LABEL_FONT_SIZE}
            fontStyle={emphasis === 'emphasised' ? 'bold' : 'normal'}
            fontFamily={LABEL_FONT_FAMILY}
            fill={textColorOn(strong)}
            padding={LABEL_PADDING}
          />
        </Label>
      )}
    </Group>
  );
}
