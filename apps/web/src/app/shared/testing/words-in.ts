/**
 * The words of an element as a reader sees them: its text pieces joined by single spaces, so that
 * neighbouring elements ("Covered" in a badge, "until 18:00" beside it) do not run together as
 * `textContent` runs them.
 */
export function wordsIn(element: Element | null | undefined): string {
  if (!element) return '';
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const pieces: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) pieces.push(node.textContent ?? '');
  return pieces.join(' ').replace(/\s+/g, ' ').replace(/ ([),.])/g, '$1').replace(/\( /g, '(').trim();
}
