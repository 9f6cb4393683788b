/**
 * A tiny OpenAI-compatible server for tests (127.0.0.1, random port) that speaks the streaming
 * chat-completions protocol with scripted behaviours: a normal stream, HTTP errors, junk bodies, stalls and
 * slow starts. It records every request body (to assert what the client sent: image, history, entity context)
 * and whether the client closed the connection before the response ended (to assert aborts reach upstream).
 * Serves POST /v1/chat/completions only; anything else is a 404 with an OpenAI-style error body.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AnswerSource } from '@/lib/shared/chat';

export type FakeBehaviour =
  | {
      kind: 'stream';
      tokens: string[];
      /** Pause before the first event (slow first token). */
      firstTokenDelayMs?: number;
      /** Pause between tokens. */
      tokenDelayMs?: number;
      /** Send this many tokens, then keep the connection open and silent (a stalled model). */
      stallAfter?: number;
      /** Send ": keep-alive" comments every few ms while stalled (still a stall: no data). */
      keepAliveWhileStalled?: boolean;
      /** Leave out the final [DONE] (and the finish_reason chunk). */
      omitDone?: boolean;
      /** Write each event in two halves, split mid-line, to exercise the client's buffering. */
      splitMidLine?: boolean;
      /** Send this data payload instead of the next token after `at` tokens (e.g. an error object). */
      inject?: { at: number; data: string };
    }
  | { kind: 'http-error'; status: number; body: unknown }
  /** A 3xx to `location` (the client must not follow it). */
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'junk'; body: string; contentType?: string }
  /** A non-streaming completion object, as servers that ignore stream:true send. */
  | { kind: 'json'; content: string };

export type FakeScript = FakeBehaviour | ((request: RecordedRequest, index: number) => FakeBehaviour);

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body (undefined if it did not parse). */
  body: any;
  /** Set when the client closed the connection before the response was complete. */
  clientAborted: boolean;
  /** Resolves when the connection closes, either way. */
  closed: Promise<void>;
}

export interface FakeOpenAIServer {
  /** Base URL including /v1, e.g. http://127.0.0.1:51234/v1. */
  url: string;
  /** Without /v1, to test base-URL normalisation. */
  origin: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function chunk(content: string | null, finishReason: string | null = null): string {
  return JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'fake-model',
    choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finishReason }],
  });
}

export async function startFakeOpenAIServer(script: FakeScript): Promise<FakeOpenAIServer> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<ReturnType<typeof setInterval>>();

  const server = http.createServer(async (req, res) => {
    let resolveClosed!: () => void;
    const record: RecordedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body: undefined,
      clientAborted: false,
      closed: new Promise((resolve) => (resolveClosed = resolve)),
    };
    res.on('close', () => {
      if (!res.writableFinished) record.clientAborted = true;
      resolveClosed();
    });
    let raw = '';
    for await (const part of req) raw += part;
    try {
      record.body = JSON.parse(raw);
    } catch {
      record.body = undefined;
    }
    const index = requests.push(record) - 1;

    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `No route ${req.method} ${req.url}`, type: 'not_found' } }));
      return;
    }
    const behaviour = typeof script === 'function' ? script(record, index) : script;
    const alive = () => !res.destroyed && !res.writableEnded;

    switch (behaviour.kind) {
      case 'http-error':
        res.writeHead(behaviour.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(behaviour.body));
        return;
      case 'redirect':
        res.writeHead(behaviour.status, { location: behaviour.location });
        res.end();
        return;
      case 'junk':
        res.writeHead(200, { 'content-type': behaviour.contentType ?? 'text/html' });
        res.end(behaviour.body);
        return;
      case 'json':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'chatcmpl-fake',
            object: 'chat.completion',
            choices: [{ index: 0, message: { role: 'assistant', content: behaviour.content }, finish_reason: 'stop' }],
          }),
        );
        return;
      case 'stream': {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-cache',
          connection: 'keep-alive',
        });
        res.flushHeaders();
        const send = async (data: string) => {
          const event = `data: ${data}\n\n`;
          if (behaviour.splitMidLine) {
            const middle = Math.floor(event.length / 2);
            res.write(event.slice(0, middle));
            await sleep(3);
            if (alive()) res.write(event.slice(middle));
          } else {
            res.write(event);
          }
        };
        if (behaviour.firstTokenDelayMs) await sleep(behaviour.firstTokenDelayMs);
        if (!alive()) return;
        res.write(': connected\n\n'); // a comment first, as some servers do
        for (let i = 0; i < behaviour.tokens.length; i++) {
          if (!alive()) return;
          if (behaviour.stallAfter !== undefined && i >= behaviour.stallAfter) {
            if (behaviour.keepAliveWhileStalled) {
              const timer = setInterval(() => alive() && res.write(': keep-alive\n\n'), 20);
              timers.add(timer);
              res.on('close', () => clearInterval(timer));
            }
            return; // stay open and silent until the client gives up
          }
          if (behaviour.inject && behaviour.inject.at === i) await send(behaviour.inject.data);
          await send(chunk(behaviour.tokens[i]));
          if (behaviour.tokenDelayMs) await sleep(behaviour.tokenDelayMs);
        }
        if (!alive()) return;
        if (!behaviour.omitDone) {
          await send(chunk(null, 'stop'));
          await send('[DONE]');
        }
        res.end();
        return;
      }
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/v1`,
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The chat's endpoint answer source pointed at a fake server, with the form's defaults; `extra` overrides them. */
export function endpointSource(
  baseUrl: string,
  extra: Partial<Extract<AnswerSource, { kind: 'endpoint' }>> = {},
): AnswerSource {
  return {
    kind: 'endpoint',
    baseUrl,
    model: 'fake-model',
    temperature: 0.2,
    topP: 0.9,
    maxTokens: 300,
    grounding: false,
    boxFormat: 'pixels',
    llmMatching: false,
    audioInput: false,
    ...extra,
  };
}
