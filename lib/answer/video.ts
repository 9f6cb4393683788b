/**
 * Questions about time in a video, answered from its tracks, keyframes and sound events before the photo
 * answerer sees them: "when does the dog appear?", "what happens in the video?", "what makes the sound at
 * 3 s?", "is the person there the whole time?". Every object named links to its track's entities in every
 * keyframe. Anything else returns undefined and goes to the built-in answerer (about the keyframe that stands
 * for the clip). Rules over what the models found, like the built-in answerer: no language model.
 */
import type { ChatMessage } from '../shared/chat';
import type { AudioSummary } from '../shared/audio';
import type { Track } from '../shared/video';
import { capitalizeMarked, ref, resolveMarkup, type LinkedText } from './links/markup';
import type { SceneVideo } from '../scene/video';
import { withArticle } from './articles';

export interface VideoQuestionInput {
  video?: SceneVideo;
  audio?: Pick<AudioSummary, 'soundEvents' | 'speech'>;
}

/** Words people use for a detector class (the COCO names are the labels). */
const SYNONYMS: Record<string, string[]> = {
  person: ['person', 'people', 'man', 'men', 'woman', 'women', 'boy', 'girl', 'guy', 'someone', 'child', 'kid'],
  'sports ball': ['ball', 'football', 'soccer ball'],
  airplane: ['airplane', 'plane', 'jet', 'aeroplane'],
  couch: ['couch', 'sofa', 'sofas'],
};

const sec = (t: number) => `${t.toFixed(1)} s`;
const plural = (label: string) =>
  label === 'person' ? 'people' : /(s|sh|ch|x)$/.test(label) ? `${label}es` : `${label}s`;

function mentionedLabel(question: string, tracks: Track[], keyframeLabels: string[]): string | undefined {
  const labels = [...new Set([...tracks.map((t) => t.label), ...keyframeLabels, ...Object.keys(SYNONYMS)])];
  const words = (label: string) => SYNONYMS[label] ?? [label, plural(label)];
  return labels.find((label) => words(label).some((w) => new RegExp(`\\b${w}\\b`).test(question)));
}

function trackRef(track: Track, text = `the ${track.label}`): string {
  return ref(track.entityIds, text);
}

/** A named sound the question mentions ("when is the music?", "when does someone speak?"), by its label or group. */
function heardAnswer(input: VideoQuestionInput & { video: SceneVideo }, question: string): string | undefined {
  const events = input.audio?.soundEvents ?? [];
  const named = (e: { label: string; group: string }) =>
    [e.label, e.group].some((name) =>
      name
        .toLowerCase()
        .split(/[ ,]+/)
        .some((word) => word.length > 2 && new RegExp(`\\b${word}`).test(question)),
    );
  const speaks = /\b(speak|speaks|speech|talk|talks|talking|says?|voice)\b/.test(question);
  const matched = events.filter((e) => named(e) || (speaks && e.source === 'silero-vad'));
  if (!matched.length) return undefined;
  const spans = matched.map((e) => {
    const link = input.video.soundLinks.find((l) => l.label === e.label && l.start === e.start && l.entityIds.length);
    return `${sec(e.start)}–${sec(e.end)}${link ? ` (${ref(link.entityIds, `the ${link.group.toLowerCase()} in view`)})` : ''}`;
  });
  return `${matched[0].label} is heard at ${spans.join(', ')}.`;
}

function whenAnswer(input: Required<Pick<VideoQuestionInput, 'video'>> & VideoQuestionInput, label: string): string {
  const { video } = input;
  const tracks = video.tracks.filter((t) => t.label === label);
  if (!tracks.length)
    return `No ${label} is seen in the ${video.keyframes.length} keyframes of the first ${sec(video.info.analysedSec)}.`;
  const span = (t: Track) =>
    t.startSec === t.endSec
      ? `at ${sec(t.startSec)} only`
      : `from ${sec(t.startSec)} to ${t.endSec >= video.info.analysedSec ? 'the end' : sec(t.endSec)}`;
  const sentences =
    tracks.length === 1
      ? [
          capitalizeMarked(
            `${trackRef(tracks[0])} is first seen at ${sec(tracks[0].startSec)} (keyframe ${tracks[0].keyframes[0] + 1}) and is in view ${span(tracks[0])}.`,
          ),
        ]
      : [
          `${tracks.length} ${plural(label)} are seen: ${tracks.map((t, i) => `${trackRef(t, i ? 'another' : 'one')} ${span(t)}`).join('; ')}.`,
        ];
  const ids = new Set(tracks.flatMap((t) => t.entityIds));
  const heard = video.soundLinks.filter((l) => l.entityIds.some((id) => ids.has(id)));
  if (heard.length)
    sentences.push(`It is heard too: ${heard.map((l) => `${l.label} at ${sec(l.start)}–${sec(l.end)}`).join(', ')}.`);
  return sentences.join(' ');
}

function wholeTimeAnswer(video: SceneVideo, label: string): string {
  const tracks = video.tracks.filter((t) => t.label === label);
  const seenIn = new Set(tracks.flatMap((t) => t.keyframes));
  const total = video.keyframes.length;
  if (!tracks.length) return `No: no ${label} is seen in any of the ${total} keyframes.`;
  const all = tracks.flatMap((t) => t.entityIds);
  if (seenIn.size === total)
    return `Yes: ${ref(all, withArticle(label))} is in all ${total} keyframes, from ${sec(video.keyframes[0].timeSec)} to ${sec(video.info.analysedSec)}.`;
  const missing = video.keyframes.filter((k) => !seenIn.has(k.index)).map((k) => sec(k.timeSec));
  return `No: ${ref(all, `the ${label}`)} is seen in ${seenIn.size} of ${total} keyframes; not at ${missing.join(', ')}.`;
}

function soundAtAnswer(input: VideoQuestionInput & { video: SceneVideo }, t: number): string {
  const { video } = input;
  const near = (s: { start: number; end: number }) => s.start - 0.5 <= t && t <= s.end + 0.5;
  const links = video.soundLinks.filter(near);
  const speech = input.audio?.speech.segments.some(near);
  const keyframe = video.keyframes.reduce((a, b) => (Math.abs(b.timeSec - t) < Math.abs(a.timeSec - t) ? b : a));
  const inView = video.tracks.filter((tr) => tr.keyframes.includes(keyframe.index));
  const view = inView.length
    ? `In view at ${sec(keyframe.timeSec)} (keyframe ${keyframe.index + 1}): ${inView.map((tr) => trackRef(tr, withArticle(tr.label))).join(', ')}.`
    : `Nothing is detected in view at ${sec(keyframe.timeSec)}.`;
  if (!links.length && !speech) return `No named sound is heard around ${sec(t)}. ${view}`;
  const parts = links.map((l) => {
    const source = video.tracks.find((tr) => tr.entityIds.some((id) => l.entityIds.includes(id)));
    const who = source
      ? trackRef(source)
      : l.entityIds.length
        ? ref(l.entityIds, `the ${l.group.toLowerCase()} in view`)
        : '';
    return `${l.label} (${sec(l.start)}–${sec(l.end)})${who ? `, most likely from ${who}` : ', from nothing recognised in view'}`;
  });
  if (speech) parts.push('speech');
  return `Around ${sec(t)} the sound is ${parts.join('; ')}. ${view}`;
}

function happensAnswer(input: VideoQuestionInput & { video: SceneVideo }): string {
  const { video } = input;
  const moments: { t: number; text: string }[] = [];
  const starts = new Map<number, Track[]>();
  for (const track of video.tracks) starts.set(track.startSec, [...(starts.get(track.startSec) ?? []), track]);
  for (const [t, tracks] of starts) {
    moments.push({
      t,
      text: `${t === 0 ? 'at the start' : `at ${sec(t)}`} ${tracks.map((tr) => trackRef(tr, withArticle(tr.label))).join(', ')} ${tracks.length > 1 ? 'are' : 'is'} in view`,
    });
  }
  for (const link of video.soundLinks)
    moments.push({
      t: link.start,
      text: `at ${sec(link.start)} ${link.label.toLowerCase()} is heard${link.entityIds.length ? ` (${ref(link.entityIds, `the ${link.group.toLowerCase()}`)})` : ''}`,
    });
  const speech = input.audio?.speech.segments ?? [];
  if (speech.length) moments.push({ t: speech[0].start, text: `someone speaks from ${sec(speech[0].start)}` });
  const told = moments
    .sort((a, b) => a.t - b.t)
    .slice(0, 10)
    .map((m) => m.text);
  const clip = `In the first ${sec(video.info.analysedSec)} (${video.keyframes.length} keyframes)`;
  if (!told.length) return `${clip} nothing is detected and no named sound is heard.`;
  return `${clip}: ${told.join('; ')}.${video.info.notes.length ? ` ${video.info.notes.join(' ')}` : ''}`;
}

/** The answer when the question is about time in a video; undefined to let the photo answerer take it. */
export function answerVideoQuestion(input: VideoQuestionInput, messages: ChatMessage[]): LinkedText | undefined {
  const video = input.video;
  const question = messages[messages.length - 1]?.content.toLowerCase() ?? '';
  if (!video?.keyframes.length) return undefined;
  const at = /\b(?:at|around|about|near)\s+(\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds?)\b/.exec(question);
  const label = mentionedLabel(
    question,
    video.tracks,
    video.keyframes.flatMap((k) => k.entities.map((e) => e.label)),
  );
  const withVideo = { ...input, video };
  if (at && /\b(sound|noise|hear|heard|bark|makes?|making|loud)\b/.test(question))
    return resolveMarkup(soundAtAnswer(withVideo, Number(at[1])));
  if (label && /\b(whole|entire|all the) (time|clip|video)\b|\bthroughout\b|\ball along\b|\balways\b/.test(question))
    return resolveMarkup(wholeTimeAnswer(video, label));
  const asksWhen = /^(when|at what (time|point)|what time|how long)\b|\bwhen\b/.test(question);
  if (label && asksWhen) return resolveMarkup(whenAnswer(withVideo, label));
  const heard = asksWhen ? heardAnswer(withVideo, question) : undefined;
  if (heard) return resolveMarkup(heard);
  // A thing nobody detected ("when does the cat appear?") is said to be absent rather than passed on.
  const thing =
    asksWhen && /\b(?:the|a|an|any)\s+([a-z]+)\s+(?:appear|show|come|enter|leave|visible|seen|there)/.exec(question);
  if (thing) return resolveMarkup(whenAnswer(withVideo, thing[1]));
  if (
    /\bwhat (happens|happened|is happening|goes on|is going on)\b|\b(describe|summari[sz]e)\b.*\b(video|clip)\b|\bwhat is in the (video|clip)\b/.test(
      question,
    )
  ) {
    return resolveMarkup(happensAnswer(withVideo));
  }
  return undefined;
}
