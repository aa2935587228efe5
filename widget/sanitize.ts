/**
 * Makes a product's HTML (`highlights`, `overview`, typed by the operator in their Resmark account)
 * inert before it is rendered. Not DOMPurify: that costs ~8 KiB gzip of the widget's 30 KiB, and
 * product HTML needs a handful of tags. An allowlist REBUILD instead of a cleanup: nothing of the
 * parsed tree reaches the page; only elements and attributes named here are created anew.
 */

// Copied (with only the attributes below); everything else is unwrapped to its text.
const ALLOWED = new Set(['p', 'br', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'span', 'a']);
// Dropped with their content: code, styles and foreign trees whose text is no prose.
const DROPPED = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'svg',
  'math',
  'head',
  'title',
]);
const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:'];
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * An absolute http(s), mailto or tel URL, normalised; anything else (relative, `javascript:`,
 * `data:`, entity-encoded tricks, which the parser has already decoded) is `undefined`.
 */
export function safeHref(href: string | null): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href);
    return SAFE_PROTOCOLS.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function rebuild(from: Node, to: Node): void {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.appendChild(document.createTextNode(node.textContent ?? ''));
      continue;
    }
    if (!(node instanceof Element)) continue; // comments, processing instructions
    const tag = node.localName;
    if (DROPPED.has(tag)) continue;
    const href = tag === 'a' ? safeHref(node.getAttribute('href')) : undefined;
    // Foreign (SVG/MathML) elements that share a name with an allowed one are not ours either;
    // a link without a safe target is just its text.
    if (!ALLOWED.has(tag) || node.namespaceURI !== HTML_NS || (tag === 'a' && !href)) {
      rebuild(node, to);
      continue;
    }
    const copy = document.createElement(tag);
    if (href) {
      copy.setAttribute('href', href);
      copy.setAttribute('rel', 'noopener noreferrer');
      copy.setAttribute('target', '_blank');
    }
    to.appendChild(copy);
    rebuild(node, copy);
  }
}

/**
 * Product HTML as a new fragment of allowed elements (`p br ul ol li strong b em i span a`), with
 * `href` only on links to http(s)/mailto/tel. Parsing with `DOMParser` runs no script and loads
 * no image. Render the result as a node (`${sanitize(html)}` in Lit), never through innerHTML.
 */
export function sanitize(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const out = document.createDocumentFragment();
  rebuild(parsed.body, out);
  return out;
}
