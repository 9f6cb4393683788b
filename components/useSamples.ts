'use client';
/** The bundled samples of one kind from public/samples/index.json; null while loading, [] when none. */
import { useEffect, useState } from 'react';
import type { SampleInfo } from '@/lib/shared/samples';

export function useSamples(kind: SampleInfo['kind']): SampleInfo[] | null {
  const [samples, setSamples] = useState<SampleInfo[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetch('/samples/index.json')
      .then((response) => (response.ok ? (response.json() as Promise<SampleInfo[]>) : []))
      .then((entries) => !cancelled && setSamples(entries.filter((entry) => entry.kind === kind)))
      .catch(() => !cancelled && setSamples([]));
    return () => {
      cancelled = true;
    };
  }, [kind]);
  return samples;
}
