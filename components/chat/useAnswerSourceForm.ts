'use client';
/**
 * The answer-source settings, loaded from storage after mount (the server render has no storage) and saved on
 * change, and what this server allows (GET /api/config): a model endpoint is offered only where one can be
 * used (the server's own, or user endpoints allowed), so a refusal never first shows after sending.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  DEFAULT_ANSWER_SOURCE_FORM,
  hasStoredAnswerSource,
  loadAnswerSourceForm,
  saveAnswerSourceForm,
  validateAnswerSource,
  type AnswerSourceForm,
  type SettingsStorage,
} from '@/lib/client/chat/answerSourceForm';

function browserStorage(): SettingsStorage | null {
  try {
    return { local: window.localStorage, session: window.sessionStorage };
  } catch {
    return null; // storage disabled: settings last for this page view
  }
}

interface ServerConfig {
  endpoint: { baseUrl: string; model: string; grounding: boolean } | null;
  userEndpoints?: { allowed: boolean; hosts: string[] };
}

export function useAnswerSourceForm() {
  const [form, setForm] = useState<AnswerSourceForm>(DEFAULT_ANSWER_SOURCE_FORM);
  const [loaded, setLoaded] = useState(false);
  // Offered until the server says otherwise: an older server without the field allowed endpoints.
  const [endpointOffered, setEndpointOffered] = useState(true);

  useEffect(() => {
    const storage = browserStorage();
    const stored = storage && hasStoredAnswerSource(storage);
    if (stored) setForm(loadAnswerSourceForm(storage));
    let cancelled = false;
    fetch('/api/config')
      .then((response) => response.json() as Promise<ServerConfig>)
      .then(({ endpoint, userEndpoints }) => {
        if (cancelled) return;
        const offered = Boolean(endpoint) || !userEndpoints || userEndpoints.allowed || userEndpoints.hosts.length > 0;
        setEndpointOffered(offered);
        if (!offered) setForm((current) => ({ ...current, kind: 'builtin' }));
        // First visit: offer the endpoint configured on the server (.env.local), if any.
        else if (!stored && endpoint) setForm((current) => ({ ...current, kind: 'endpoint', ...endpoint }));
      })
      .catch(() => undefined) // no config: the built-in default stands
      .finally(() => !cancelled && setLoaded(true));
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    // Saving before the load finished would overwrite the stored settings with the defaults.
    const storage = loaded ? browserStorage() : null;
    if (storage) saveAnswerSourceForm(storage, form);
  }, [form, loaded]);

  const update = useCallback(
    (patch: Partial<AnswerSourceForm>) => setForm((current) => ({ ...current, ...patch })),
    [],
  );
  const validation = useMemo(() => validateAnswerSource(form), [form]);
  return { form, update, validation, endpointOffered };
}
