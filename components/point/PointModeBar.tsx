'use client';
/**
 * Point mode's controls under the image: the toggle, what clicks do, and — once there are points — a name
 * box whose Enter keeps the mask as a new entity. Enter pressed elsewhere (not in a text field) jumps to it.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { usePointMode } from './PointModeProvider';

const MAX_LABEL_CHARS = 60;

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function PointModeBar() {
  const mode = usePointMode();
  const [label, setLabel] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);
  const hasPoints = mode.points.length > 0;

  useEffect(() => {
    if (!mode.active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') mode.clearPoints();
      if (event.key === 'Enter' && hasPoints && !isTextField(event.target)) {
        event.preventDefault();
        nameRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [mode, hasPoints]);

  if (!mode.available) return null;
  const keep = (event: FormEvent) => {
    event.preventDefault();
    const name = label.trim();
    if (!name || !hasPoints) return;
    void mode.keep(name).then(() => setLabel(''));
  };

  return (
    <div className="contents text-sm text-neutral-200" data-testid="point-mode">
      <label className="flex items-center gap-1.5">
        <input
          type="checkbox"
          data-testid="point-mode-toggle"
          checked={mode.active}
          onChange={(e) => mode.setActive(e.currentTarget.checked)}
          className="accent-sky-500"
        />
        Point mode
      </label>
      {mode.active && !hasPoints && (
        <span className="text-xs text-neutral-300">
          Click adds a point on the object, Alt+click or right-click one off it.
        </span>
      )}
      {mode.active && hasPoints && (
        <form onSubmit={keep} className="flex flex-wrap items-center gap-2">
          <span className="text-xs text-neutral-300 tabular-nums" data-testid="point-count">
            {mode.points.filter((p) => p.positive).length} on, {mode.points.filter((p) => !p.positive).length} off
          </span>
          <label className="sr-only" htmlFor="point-label">
            Name of the new object
          </label>
          <input
            ref={nameRef}
            id="point-label"
            data-testid="point-label"
            value={label}
            maxLength={MAX_LABEL_CHARS}
            placeholder="Name it, then Enter"
            onChange={(e) => setLabel(e.currentTarget.value)}
            className="w-40 rounded-md border border-neutral-600 bg-neutral-950 px-2 py-1 text-sm text-neutral-100 placeholder:text-neutral-400"
          />
          <button
            type="submit"
            data-testid="point-keep"
            disabled={!label.trim() || mode.busy}
            className="rounded-md bg-sky-700 px-2 py-1 text-xs font-medium text-white hover:bg-sky-700 disabled:opacity-60"
          >
            Keep
          </button>
          <button
            type="button"
            onClick={mode.clearPoints}
            className="rounded-md border border-neutral-600 px-2 py-1 text-xs text-neutral-100 hover:bg-neutral-800"
          >
            Clear points
          </button>
        </form>
      )}
      {mode.error && (
        <span role="alert" className="text-xs text-red-300">
          {mode.error}
        </span>
      )}
    </div>
  );
}
