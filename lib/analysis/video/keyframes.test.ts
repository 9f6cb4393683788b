import { describe, expect, it } from 'vitest';
import { chooseKeyframes, keyframeInterval, keyframeSize, parseSelectedFrames, type Candidate } from './keyframes';

const c = (timeSec: number, sceneScore = 0): Candidate => ({ timeSec, sceneScore });

describe('keyframe choice', () => {
  it('keeps every candidate under the cap, naming why each was chosen', () => {
    const chosen = chooseKeyframes([c(0), c(2), c(3.1, 0.8), c(5.1)], 12);
    expect(chosen.map((f) => f.reason)).toEqual(['first', 'interval', 'scene-change', 'interval']);
  });

  it('over the cap keeps the first frame and the sharpest cuts, then spreads interval frames over the gaps', () => {
    const candidates = [c(0), c(2), c(4), c(6), c(7, 0.9), c(9), c(11), c(13, 0.4), c(15), c(17)];
    const chosen = chooseKeyframes(candidates, 5);
    expect(chosen).toHaveLength(5);
    expect(chosen[0].timeSec).toBe(0);
    expect(chosen.filter((f) => f.reason === 'scene-change').map((f) => f.timeSec)).toEqual([7, 13]);
    // The remaining two fill the longest stretches: the end (17 s, 4 s after the last cut) and the start's gap.
    expect(chosen.map((f) => f.timeSec)).toEqual([0, 4, 7, 13, 17]);
    expect(chosen.map((f) => f.candidate)).toEqual([0, 2, 4, 7, 9]);
  });

  it('prefers the strongest cuts when there are more cuts than room', () => {
    const chosen = chooseKeyframes([c(0), c(1, 0.35), c(2, 0.9), c(3, 0.5)], 3);
    expect(chosen.map((f) => f.timeSec)).toEqual([0, 2, 3]);
  });

  it('forces a frame every 2 s on short clips and spreads them on long ones', () => {
    expect(keyframeInterval(7.2, 12)).toBe(2);
    expect(keyframeInterval(60, 12)).toBe(6);
  });

  it('scales the long side to 960 px with even sides, portrait too', () => {
    expect(keyframeSize(1280, 720)).toEqual({ width: 960, height: 540 });
    expect(keyframeSize(576, 1024)).toEqual({ width: 540, height: 960 });
    expect(keyframeSize(854, 480)).toEqual({ width: 854, height: 480 });
  });

  it("reads the frames ffmpeg's select filter passed, with their scene scores", () => {
    const stderr = [
      '[Parsed_metadata_1 @ 0x1] frame:0    pts:3       pts_time:0.003',
      '[Parsed_metadata_1 @ 0x1] lavfi.scene_score=0.000000',
      'frame=    1 fps=0.0 q=-0.0 size=     675kB [Parsed_metadata_1 @ 0x1] frame:1    pts:11795    pts_time:11.795',
      '[Parsed_metadata_1 @ 0x1] lavfi.scene_score=0.612000',
    ].join('\n');
    expect(parseSelectedFrames(stderr)).toEqual([c(0.003, 0), c(11.795, 0.612)]);
  });
});
