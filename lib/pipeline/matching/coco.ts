/**
 * The 80 COCO detection classes, in the detector's class order. Matching uses them twice: the GloVe trim
 * keeps every word of them even when rare, and the GloVe matcher uses them as the reference classes a word
 * must be nearest to before it may be linked (see lexicon.ts). Kept here, not imported from the detector,
 * so the models-time trim script does not pull in ONNX code.
 */
export const COCO_CLASSES: readonly string[] = [
  'person', 'bicycle', 'car', 'motorcycle', 'airplane', 'bus', 'train', 'truck', 'boat', 'traffic light',
  'fire hydrant', 'stop sign', 'parking meter', 'bench', 'bird', 'cat', 'dog', 'horse', 'sheep', 'cow',
  'elephant', 'bear', 'zebra', 'giraffe', 'backpack', 'umbrella', 'handbag', 'tie', 'suitcase', 'frisbee',
  'skis', 'snowboard', 'sports ball', 'kite', 'baseball bat', 'baseball glove', 'skateboard', 'surfboard',
  'tennis racket', 'bottle', 'wine glass', 'cup', 'fork', 'knife', 'spoon', 'bowl', 'banana', 'apple',
  'sandwich', 'orange', 'broccoli', 'carrot', 'hot dog', 'pizza', 'donut', 'cake', 'chair', 'couch',
  'potted plant', 'bed', 'dining table', 'toilet', 'tv', 'laptop', 'mouse', 'remote', 'keyboard',
  'cell phone', 'microwave', 'oven', 'toaster', 'sink', 'refrigerator', 'book', 'clock', 'vase', 'scissors',
  'teddy bear', 'hair drier', 'toothbrush',
];

/** Every single word that appears in a COCO class name ("traffic light" gives "traffic" and "light"). */
export function cocoWords(): string[] {
  return [...new Set(COCO_CLASSES.flatMap((label) => label.split(' ')))];
}
