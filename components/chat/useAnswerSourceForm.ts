'use client';
/** The answer-source settings, loaded from storage after mount (the server render has no storage) and saved on change. */
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

export function useAnswerSourceForm() {
  const [form, setForm] = useState<AnswerSourceForm>(DEFAULT_ANSWER_SOURCE_FORM);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    const storage = browserStorage();
    if (storage && hasStoredAnswerSource(storage)) {
      setForm(loadAnswerSourceForm(storage));
      setLoaded(true);
      return;
    }
    // First visit: offer the endpoint configured on the server (.env.local), if any.
    let cancelled = false;
    fetch('/api/config')
      .then((response) => response.json() as Promise<{ endpoint: { baseUrl: string; model: string; grounding: boolean } | null }>)
      .then(({ endpoint }) => {
        if (!cancelled && endpoint) setForm((current) => ({ ...current, kind: 'endpoint', ...endpoint }));
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

  const update = useCallback((patch: Partial<AnswerSourceForm>) => setForm((current) => ({ ...current, ...patch })), []);
  const validation = useMemo(() => validateAnswerSource(form), [form]);
  return { form, update, validation };
}
