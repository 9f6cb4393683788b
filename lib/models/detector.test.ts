import { describe, expect, it, vi } from 'vitest';
import { chooseDetector } from './detector';

describe('chooseDetector', () => {
  it('keeps yolox-nano by default and takes yolov5s only when asked and made', () => {
    expect(chooseDetector('', () => true)).toBe('yolox-nano');
    expect(chooseDetector('auto', () => true)).toBe('yolox-nano');
    expect(chooseDetector('YOLOv5s', () => true)).toBe('yolov5s');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(chooseDetector('yolov5s', () => false)).toBe('yolox-nano');
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('refuses a detector it does not have', () => {
    expect(() => chooseDetector('yolov8x', () => true)).toThrow(/STRIX_DETECTOR/);
  });
});
