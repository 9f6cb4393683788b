'use client';
/**
 * Point mode without a mouse: with the image focused, the arrow keys move a cursor over it (Shift: five
 * times as far), its mask is previewed as a hover would be, Space (or +) adds a positive point there and
 * Delete (or -) a negative one; Enter then names the mask (PointModeBar), Escape clears the points.
 */
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { usePointMode } from './PointModeProvider';

/** One arrow press moves the cursor this share of the image's longer side. */
const STEP_SHARE = 1 / 50;

export function usePointKeys(image: { width: number; height: number } | null) {
  const mode = usePointMode();
  const [cursor, setCursor] = useState<{ x: number; y: number } | null>(null);

  // A new image (or point mode switched off) starts without a keyboard cursor.
  useEffect(() => setCursor(null), [image?.width, image?.height, mode.active]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (!mode.active || !image) return;
      const step = Math.max(1, Math.round(Math.max(image.width, image.height) * STEP_SHARE)) * (event.shiftKey ? 5 : 1);
      const at = cursor ?? { x: Math.floor(image.width / 2), y: Math.floor(image.height / 2) };
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [-step, 0],
        ArrowRight: [step, 0],
        ArrowUp: [0, -step],
        ArrowDown: [0, step],
      };
      const move = moves[event.key];
      if (move) {
        event.preventDefault(); // the page must not scroll
        const next = {
          x: Math.min(image.width - 1, Math.max(0, at.x + move[0])),
          y: Math.min(image.height - 1, Math.max(0, at.y + move[1])),
        };
        setCursor(next);
        mode.hoverAt(next);
        return;
      }
      const positive = event.key === ' ' || event.key === '+';
      const negative = event.key === 'Delete' || event.key === '-';
      if (positive || negative) {
        event.preventDefault();
        setCursor(at);
        mode.addPoint({ ...at, positive });
      }
    },
    [mode, image, cursor],
  );

  return { cursor, onKeyDown, focusable: mode.active };
}
