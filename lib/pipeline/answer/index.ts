/** Answer sources: the built-in grounded answerer and OpenAI-compatible endpoints, with fallback between them. */
export { answerWithFallback, BUILTIN_SOURCE_LABEL, FALLBACK_SEPARATOR } from './answer-with-fallback';
export type { AnswerEvent, AnswerWithFallbackParams } from './answer-with-fallback';
export { answerBuiltin, composeBuiltinAnswer } from './builtin/answer-builtin';
export { endpointFromEnv } from './endpoint/config';
export { EndpointError } from './endpoint/errors';
export { extractGroundedBoxes, stripGroundingBlock, GroundingStreamFilter } from './endpoint/grounding';
export { buildEndpointMessages } from './endpoint/messages';
export type { EndpointMessage, SentImage } from './endpoint/messages';
export { streamChatCompletion } from './endpoint/stream-chat-completion';
export { computeSceneFacts } from './scene-facts';
export type { SceneFacts, EntityFacts } from './scene-facts';
export type { AnswerSceneInput, SoundSummaryInput } from './types';
