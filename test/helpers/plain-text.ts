// Issue 19's acceptance line for plain words: no text node on any screen holds a backtick (a
// markdown leftover), "undefined", "NaN" or a number of five or more digits written without its
// thousands separators. Ids, hashes and example records are data, not words: the app marks the
// element that shows one with `data-verbatim`, and its text is skipped; so is a video's id inside
// the element that shows that video (`data-item-id`).
import type { Page } from 'playwright-core';

/** What a text node must not contain. A 5+ digit run counts unless it is part of a time, a date or a decimal. */
export const LEFTOVER = /`|undefined|NaN|(?<![\d,.:-])\d{5,}(?!\d)/;

/**
 * Every text node under `root` (the whole page by default) that breaks the rule, with the tag of
 * its element so a failure says where ("code: sound:7906…"). Text in a closed `details` counts
 * too: it is one click away.
 */
export async function badTextNodes(page: Page, root = 'body'): Promise<string[]> {
  // A string, evaluated in the page: the test side is typed for Node, not the DOM.
  return page.evaluate<string[]>(`(() => {
    const leftover = new RegExp(${JSON.stringify(LEFTOVER.source)});
    const start = document.querySelector(${JSON.stringify(root)});
    if (!start) return ['no element matches ' + ${JSON.stringify(root)}];
    const walker = document.createTreeWalker(start, NodeFilter.SHOW_TEXT);
    const bad = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, [data-verbatim]')) continue;
      const item = parent.closest('[data-item-id]');
      if (item && node.textContent.trim() === item.getAttribute('data-item-id')) continue;
      if (leftover.test(node.textContent)) {
        bad.push(parent.tagName.toLowerCase() + ': ' + node.textContent.trim().slice(0, 200));
      }
    }
    return bad;
  })()`);
}
