'use client';
/**
 * Microphone recording with a live level meter. MediaRecorder produces WebM/Opus (or MP4 in Safari), which
 * the server does not decode, so the finished recording is decoded by the browser and handed over as WAV.
 * Recording stops by itself after MAX_RECORD_SECONDS, the length the server analyses.
 */
import { useEffect, useRef, useState } from 'react';
import { toWavFile } from '@/lib/client/audio/convert';

const MAX_RECORD_SECONDS = 60;
/** Meter range: −60 dBFS (empty) to 0 dBFS (full); speech at a normal distance sits around −30 to −15. */
const METER_FLOOR_DB = -60;

interface Session {
  recorder: MediaRecorder;
  stream: MediaStream;
  context: AudioContext;
  frame: number;
  timer: ReturnType<typeof setTimeout>;
}

export function Recorder({ onRecorded, onError }: { onRecorded(file: File): void; onError(message: string): void }) {
  const [state, setState] = useState<'idle' | 'recording' | 'converting'>('idle');
  const [levelDb, setLevelDb] = useState(METER_FLOOR_DB);
  const [elapsed, setElapsed] = useState(0);
  const session = useRef<Session | null>(null);

  const release = () => {
    const current = session.current;
    if (!current) return;
    cancelAnimationFrame(current.frame);
    clearTimeout(current.timer);
    current.stream.getTracks().forEach((track) => track.stop());
    void current.context.close();
    session.current = null;
  };
  useEffect(() => release, []);

  const start = async () => {
    if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
      onError('This browser cannot record audio (no MediaRecorder).');
      return;
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      onError(`Microphone unavailable: ${(error as Error).message}`);
      return;
    }
    const recorder = new MediaRecorder(stream);
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => event.data.size > 0 && chunks.push(event.data);
    recorder.onstop = async () => {
      release();
      setState('converting');
      try {
        const blob = new Blob(chunks, { type: recorder.mimeType || 'audio/webm' });
        const stamp = new Date().toISOString().slice(11, 19).replace(/:/g, '');
        onRecorded(await toWavFile(blob, `recording-${stamp}.wav`));
      } catch (error) {
        onError(`Could not convert the recording: ${(error as Error).message}`);
      } finally {
        setState('idle');
      }
    };

    // Level meter: RMS of the analyser's time-domain buffer, once per animation frame.
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(stream).connect(analyser);
    const buffer = new Float32Array(analyser.fftSize);
    const startedAt = performance.now();
    const tick = () => {
      analyser.getFloatTimeDomainData(buffer);
      let sum = 0;
      for (const x of buffer) sum += x * x;
      const rms = Math.sqrt(sum / buffer.length);
      setLevelDb(rms > 0 ? Math.max(METER_FLOOR_DB, 20 * Math.log10(rms)) : METER_FLOOR_DB);
      setElapsed((performance.now() - startedAt) / 1000);
      if (session.current) session.current.frame = requestAnimationFrame(tick);
    };
    const timer = setTimeout(() => recorder.state === 'recording' && recorder.stop(), MAX_RECORD_SECONDS * 1000);
    session.current = { recorder, stream, context, frame: requestAnimationFrame(tick), timer };
    recorder.start();
    setElapsed(0);
    setState('recording');
  };

  const stop = () => {
    const current = session.current;
    if (current && current.recorder.state === 'recording') current.recorder.stop();
  };

  if (state === 'recording') {
    const percent = ((levelDb - METER_FLOOR_DB) / -METER_FLOOR_DB) * 100;
    return (
      <div className="flex items-center gap-3">
        <button
          type="button"
          data-testid="stop-button"
          onClick={stop}
          className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-500 focus-visible:outline-2 focus-visible:outline-red-400"
        >
          ■ Stop
        </button>
        {/* biome-ignore lint/a11y/useSemanticElements: <meter> draws differently in every browser; the bar is ours, with the meter's role and values. */}
        <div
          role="meter"
          aria-label="Microphone level"
          aria-valuemin={METER_FLOOR_DB}
          aria-valuemax={0}
          aria-valuenow={Math.round(levelDb)}
          className="h-2 flex-1 overflow-hidden rounded bg-neutral-800"
        >
          <div className="h-full bg-emerald-500 transition-[width] duration-75" style={{ width: `${percent}%` }} />
        </div>
        <span className="w-12 text-right text-xs tabular-nums text-neutral-400">{elapsed.toFixed(1)} s</span>
      </div>
    );
  }
  return (
    <button
      type="button"
      data-testid="record-button"
      onClick={start}
      disabled={state === 'converting'}
      className="rounded-md border border-neutral-700 px-3 py-1.5 text-sm text-neutral-200 hover:bg-neutral-800 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-sky-400"
    >
      {state === 'converting' ? 'Converting…' : '● Record'}
    </button>
  );
}
