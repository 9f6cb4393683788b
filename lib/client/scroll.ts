/**
 * Brings an element into view inside its own scrolling list, never scrolling the page: a page scroll would
 * move the phrase or mask under the pointer away, end the hover that caused it, and start a flicker.
 */
function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
    const overflow = getComputedStyle(parent).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && parent.scrollHeight > parent.clientHeight) return parent;
  }
  return null;
}

export function revealInList(element: HTMLElement): void {
  const list = scrollingAncestor(element);
  if (!list) return;
  const item = element.getBoundingClientRect();
  const view = list.getBoundingClientRect();
  if (item.top < view.top) list.scrollTop -= view.top - item.top;
  else if (item.bottom > view.bottom) list.scrollTop += item.bottom - view.bottom;
}
