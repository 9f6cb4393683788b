/**
 * Connected components (4-connected) of a binary row-major mask, the building block for filling holes and
 * dropping islands. One breadth-first pass over the mask: every pixel enters the queue once, and each
 * component's pixels are a contiguous slice of that queue.
 */
export interface Component {
  /** Row-major indices of the component's pixels (a view; copy it to keep it past the callback). */
  pixels: Int32Array;
  /** Whether the component reaches the mask's edge (a background component there is not a hole). */
  touchesBorder: boolean;
}

export function forEachComponent(
  mask: Uint8Array,
  width: number,
  height: number,
  value: 0 | 1,
  visit: (component: Component) => void,
): void {
  const seen = new Uint8Array(width * height);
  const queue = new Int32Array(width * height);
  let tail = 0;
  for (let start = 0; start < mask.length; start++) {
    if (seen[start] || (mask[start] ? 1 : 0) !== value) continue;
    const head0 = tail;
    let head = tail;
    queue[tail++] = start;
    seen[start] = 1;
    let touchesBorder = false;
    while (head < tail) {
      const i = queue[head++];
      const x = i % width;
      const y = (i - x) / width;
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) touchesBorder = true;
      // Neighbours left, right, up, down when inside the mask, unseen and of the same value.
      if (x > 0) tail = enqueue(i - 1, mask, seen, queue, tail, value);
      if (x < width - 1) tail = enqueue(i + 1, mask, seen, queue, tail, value);
      if (y > 0) tail = enqueue(i - width, mask, seen, queue, tail, value);
      if (y < height - 1) tail = enqueue(i + width, mask, seen, queue, tail, value);
    }
    visit({ pixels: queue.subarray(head0, tail), touchesBorder });
  }
}

function enqueue(j: number, mask: Uint8Array, seen: Uint8Array, queue: Int32Array, tail: number, value: 0 | 1): number {
  if (seen[j] || (mask[j] ? 1 : 0) !== value) return tail;
  seen[j] = 1;
  queue[tail] = j;
  return tail + 1;
}
