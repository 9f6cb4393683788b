/**
 * The OpenAI-format conversation sent to an endpoint: a system prompt carrying what the local pipeline found
 * (so the model's answer uses the same words for the same things, and the matcher can link them), the chat
 * history, and the image as an image_url content part with a data URL on the first user turn (where the
 * reference demo puts it too: the conversation is about that image).
 */
import type { ChatMessage } from '@/lib/shared/chat';
import type { Box } from '@/lib/shared/analysis';
import { entityById, type SceneFacts } from '../scene-facts';
import type { SoundSummaryInput } from '../types';
import { boxFrameWords, type BoxFormat } from './box-format';

export type EndpointContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string } }
  | { type: 'input_audio'; input_audio: { data: string; format: 'wav' } };

/** Images and sound go in user turns only, as the chat-completions protocol has it. */
export type EndpointMessage =
  | { role: 'system' | 'assistant'; content: string }
  | { role: 'user'; content: string | EndpointContentPart[] };

/** The image as it is sent: a JPEG data URL and its size, which may be smaller than the analysed image. */
export interface SentImage {
  dataUrl: string;
  width: number;
  height: number;
}

/** Entities listed in the prompt, highest score first: keeps the prompt short for small local models. */
export const MAX_PROMPT_ENTITIES = 40;

export interface EndpointMessageOptions {
  /** Ask for boxes as a fenced JSON block of {bbox_2d, label} (see grounding.ts). */
  grounding?: boolean;
  /** The sound as base64 WAV, sent as an OpenAI input_audio part beside the image. */
  audioWavBase64?: string;
  /** The frame the model writes grounding boxes in (box-format.ts). */
  boxFormat?: BoxFormat;
}

/** [x1, y1, x2, y2] in the sent image's pixels: the convention vision-language models are trained on. */
function sentCorners(box: Box, scaleX: number, scaleY: number): [number, number, number, number] {
  return [box[0] * scaleX, box[1] * scaleY, (box[0] + box[2]) * scaleX, (box[1] + box[3]) * scaleY].map(Math.round) as [
    number,
    number,
    number,
    number,
  ];
}

export function buildSystemPrompt(
  facts: SceneFacts,
  sentSize: { width: number; height: number },
  soundSummary: SoundSummaryInput | undefined,
  options: EndpointMessageOptions = {},
): string {
  const scaleX = sentSize.width / Math.max(1, facts.width);
  const scaleY = sentSize.height / Math.max(1, facts.height);
  const listed = [...facts.entities, ...facts.stuff].slice(0, MAX_PROMPT_ENTITIES);
  const lines = [
    `You answer questions about one image${soundSummary ? ' and the sound recorded with it' : ''}. ` +
      `The image is ${sentSize.width}×${sentSize.height} pixels.`,
  ];
  if (listed.length) {
    lines.push(
      'Local models found these things and regions (id: label, confidence, box [x1, y1, x2, y2] in pixels, position, main colour):',
      ...listed.map((e) => {
        const corners = sentCorners(e.box, scaleX, scaleY).join(', ');
        const kind = e.kind === 'stuff' ? ' (region)' : '';
        return `- ${e.id}: ${e.label}${kind}, ${e.score === null ? 'no confidence given' : e.score.toFixed(2)}, [${corners}], ${e.position}${e.colour ? `, ${e.colour}` : ''}`;
      }),
    );
    const relations = facts.relations
      .filter((r) => r.kind !== 'overlapping')
      .slice(0, 20)
      .map(
        (r) =>
          `${entityById(facts, r.subjectId)?.label} (${r.subjectId}) is ${r.kind} ${entityById(facts, r.objectId)?.label} (${r.objectId})`,
      );
    if (relations.length) lines.push(`Spatial relations from the boxes: ${relations.join('; ')}.`);
  } else {
    lines.push('The local object detector found no objects above the confidence threshold.');
  }
  if (facts.texts?.length) {
    const quoted = facts.texts
      .slice(0, 20)
      .map((t) => `"${t.text}"`)
      .join(', ');
    lines.push(`Text read in the image by OCR (PP-OCRv4, may contain mistakes): ${quoted}.`);
  }
  if (soundSummary) lines.push(...soundPromptLines(soundSummary));
  lines.push(
    'Answer in a few plain sentences. When you mention one of the listed things, cite it with its id in this ' +
      'markup: [the red car](e3), or [two people](e1, e2) for several; the markup is turned into a highlight and ' +
      'hidden from the reader. Do not mention ids or coordinates otherwise. ' +
      'The detector only knows 80 everyday object classes, so you may mention other things you clearly see, ' +
      'but do not invent objects, and say so when you are not sure.',
  );
  if (options.grounding) {
    lines.push(
      'After your answer, add a fenced ```json block listing the objects you mentioned with their boxes, as ' +
        `[{"bbox_2d": [x1, y1, x2, y2], "label": "..."}], with ${boxFrameWords(options.boxFormat ?? 'pixels', sentSize)}. ` +
        'Write nothing after the block.',
    );
  }
  return lines.join('\n');
}

/** Sound events listed in the prompt, strongest first: enough for a minute of busy sound. */
export const MAX_PROMPT_SOUND_EVENTS = 30;

/**
 * What was heard: the named events with their times and the model that named them (so "When does the dog
 * bark?" can be answered), then the technical description.
 */
export function soundPromptLines(sound: SoundSummaryInput): string[] {
  const lines: string[] = [];
  if (sound.plainSummary) lines.push(`What the sound contains: ${sound.plainSummary}`);
  const events = [...(sound.soundEvents ?? [])].sort((a, b) => b.score - a.score).slice(0, MAX_PROMPT_SOUND_EVENTS);
  if (events.length) {
    lines.push(
      'Sound events (AudioSet class, group, time span, confidence, model):',
      ...events
        .sort((a, b) => a.start - b.start)
        .map(
          (e) =>
            `- ${e.label} (${e.group}), ${e.start.toFixed(1)}–${e.end.toFixed(1)} s, ${e.score.toFixed(2)}, ${e.source}`,
        ),
    );
  }
  const keywords = sound.keywords.length ? ` (keywords: ${sound.keywords.join(', ')})` : '';
  lines.push(`Sound analysis of the audio: ${sound.description}${keywords}.`);
  return lines;
}

/**
 * Messages for /chat/completions. `image` is the JPEG data URL (then it is taken to be at the analysed size)
 * or a SentImage with its own size; null sends text only (for text-only models).
 */
export function buildEndpointMessages(
  facts: SceneFacts,
  history: ChatMessage[],
  image: string | SentImage | null,
  soundSummary?: SoundSummaryInput,
  options: EndpointMessageOptions = {},
): EndpointMessage[] {
  const sent: SentImage | null =
    typeof image === 'string' ? { dataUrl: image, width: facts.width, height: facts.height } : image;
  const sentSize = sent ?? { width: facts.width, height: facts.height };
  const messages: EndpointMessage[] = [
    { role: 'system', content: buildSystemPrompt(facts, sentSize, soundSummary ?? facts.sound, options) },
  ];
  const media: EndpointContentPart[] = [];
  if (sent) media.push({ type: 'image_url', image_url: { url: sent.dataUrl } });
  if (options.audioWavBase64)
    media.push({ type: 'input_audio', input_audio: { data: options.audioWavBase64, format: 'wav' } });
  let mediaAttached = false;
  for (const message of history) {
    if (message.role === 'user' && media.length > 0 && !mediaAttached) {
      messages.push({ role: 'user', content: [...media, { type: 'text', text: message.content }] });
      mediaAttached = true;
    } else {
      messages.push({ role: message.role, content: message.content });
    }
  }
  return messages;
}
