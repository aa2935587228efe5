import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collapseTemplateWhitespace } from '../../scripts/build-widget.js';

describe('the widget build collapses its templates’ whitespace', () => {
  it('turns line breaks and indentation in html templates into one space', () => {
    const source = [
      'const view = html`',
      '  <p class="a',
      '     b">',
      '    Hello',
      '  </p>',
      '`;',
    ].join('\n');
    assert.equal(
      collapseTemplateWhitespace(source),
      'const view = html` <p class="a b"> Hello </p> `;',
    );
  });

  it('keeps expressions as they are, nested templates and backticks in them included', () => {
    const source = [
      'html`<ul>',
      '  ${items.map((item) => html`',
      '    <li title=${`a ${item}\n b`}>${item}</li>',
      '  `)}',
      '</ul>`',
    ].join('\n');
    assert.equal(
      collapseTemplateWhitespace(source),
      'html`<ul> ${items.map((item) => html` <li title=${`a ${item}\n b`}>${item}</li> `)} </ul>`',
    );
  });

  it('leaves other templates alone: css, untagged and other tags', () => {
    const source = 'const a = css`\n  p {}\n`;\nconst b = `\n  x`;\nconst c = msg(str`\n  y`);';
    assert.equal(collapseTemplateWhitespace(source), source);
  });

  it('leaves a template without line breaks as it is', () => {
    const source = 'html`<span>a</span> <span>b</span>`';
    assert.equal(collapseTemplateWhitespace(source), source);
  });
});
