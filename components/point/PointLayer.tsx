'use client';
/** Point mode's drawing on the stage: the previewed mask, and each point (＋ green, − red) where it was placed. */
import { Circle, Group, Image as KonvaImage, Layer, Text } from 'react-konva';
import type { PointMode } from './PointModeProvider';

const POINT_RADIUS = 7;

export function PointLayer({ mode, scale }: { mode: PointMode; scale: number }) {
  const preview = mode.preview;
  return (
    <Layer listening={false}>
      {preview?.canvas && (
        <KonvaImage
          image={preview.canvas}
          x={preview.bbox[0] * scale}
          y={preview.bbox[1] * scale}
          width={preview.bbox[2] * scale}
          height={preview.bbox[3] * scale}
          opacity={0.6}
        />
      )}
      {mode.points.map((point, index) => (
        <Group key={index} x={point.x * scale} y={point.y * scale}>
          <Circle
            radius={POINT_RADIUS}
            fill={point.positive ? '#16a34a' : '#dc2626'}
            stroke="#ffffff"
            strokeWidth={2}
          />
          <Text
            text={point.positive ? '+' : '−'}
            fontSize={12}
            fontStyle="bold"
            fill="#ffffff"
            width={2 * POINT_RADIUS}
            height={2 * POINT_RADIUS}
            offsetX={POINT_RADIUS}
            offsetY={POINT_RADIUS}
            align="center"
            verticalAlign="middle"
          />
        </Group>
      ))}
    </Layer>
  );
}
