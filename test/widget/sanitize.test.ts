import { expect, fixture, html } from '@open-wc/testing';
import { safeHref, sanitize } from '../../widget/sanitize.js';

declare global {
  interface Window {
    pwned?: string[];
  }
}

// Each payload, if it ever ran, would push its name onto window.pwned.
const payloads: Record<string, string> = {
  'img onerror': '<img src=x onerror="(window.pwned ??= []).push(\'img\')">',
  script: '<script>(window.pwned ??= []).push("script")</script>',
  'javascript: link': '<a href="javascript:(window.pwned ??= []).push(\'a\')">click</a>',
  'svg onload':
    '<svg onload="(window.pwned ??= []).push(\'svg\')"><a href="javascript:x"><text>t</text></a></svg>',
  'iframe srcdoc': '<iframe srcdoc="<script>parent.pwned=[\'iframe\']</script>"></iframe>',
  style: '<style>*{background:url(javascript:alert(1))}</style><p style="color:red">styled</p>',
  'nested script': '<scr<script>ipt>(window.pwned ??= []).push("nested")</scr</script>ipt>',
  'data: URL': '<a href="data:text/html,<script>alert(1)</script>">data</a>',
  'entity-encoded javascript':
    '<a href="javascript&colon;(window.pwned ??= []).push(\'ent\')">ent</a>',
  'tab in scheme': '<a href="java\tscript:(window.pwned ??= []).push(\'tab\')">tab</a>',
  'details ontoggle':
    '<details open ontoggle="(window.pwned ??= []).push(\'details\')">d</details>',
  'form action':
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>',
  'math href': '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
  'object data': '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  template: '<template><img src=x onerror="(window.pwned ??= []).push(\'tpl\')"></template>',
  'onclick on allowed tag': '<p onclick="alert(1)" id="x" class="y">p</p>',
};

async function render(source: string): Promise<HTMLElement> {
  return fixture(html`<div>${sanitize(source)}</div>`);
}

// Lit leaves its marker comments beside what it rendered.
const markup = (root: HTMLElement) => root.innerHTML.replace(/<!--.*?-->/g, '');

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

function assertInert(root: HTMLElement) {
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      expect(attr.name, `${el.localName}[${attr.name}]`).to.not.match(/^on/i);
      expect(['href', 'rel', 'target'], `${el.localName}[${attr.name}]`).to.include(attr.name);
    }
    expect(['p', 'br', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'span', 'a']).to.include(
      el.localName,
    );
  }
  for (const a of root.querySelectorAll('a')) expect(a.href).to.match(/^(https?|mailto|tel):/);
}

describe('sanitize', () => {
  beforeEach(() => {
    delete window.pwned;
  });

  describe('with hostile HTML', () => {
    it('the detector works: the img payload does run when set as innerHTML', async () => {
      const root = await fixture<HTMLElement>(html`<div></div>`);
      root.innerHTML = payloads['img onerror']!;
      await settle();
      expect(window.pwned).to.deep.equal(['img']);
    });

    for (const [name, source] of Object.entries(payloads)) {
      it(`renders ${name} inert`, async () => {
        const root = await render(source);
        await settle(); // let any handler or late script get its chance to run
        expect(window.pwned, 'a payload ran').to.equal(undefined);
        assertInert(root);
        expect(root.querySelector('script, img, iframe, svg, style, object, embed')).to.equal(null);
      });
    }

    it('drops script and style content but keeps other text', async () => {
      const root = await render(
        '<p>Hi <script>evil()</script><style>p{}</style><font color=red>there</font></p>',
      );
      expect(markup(root)).to.equal('<p>Hi there</p>');
    });

    it('unwraps a link without a safe URL to its text', async () => {
      const root = await render('<a href="javascript:alert(1)">click</a> <a href="/x">rel</a>');
      expect(markup(root)).to.equal('click rel');
    });
  });

  describe('with the HTML products really carry', () => {
    it('keeps lists and emphasis', async () => {
      const root = await render(
        '<ul><li><strong>Small</strong> groups</li><li><em>Lunch</em></li></ul><p>a<br>b</p>',
      );
      expect(markup(root)).to.equal(
        '<ul><li><strong>Small</strong> groups</li><li><em>Lunch</em></li></ul><p>a<br>b</p>',
      );
    });

    it('keeps safe links and opens them in a new tab without an opener', async () => {
      const root = await render(
        '<a href="https://example.com/x" title="t">site</a><a href="mailto:a@b.c">mail</a><a href="tel:+15551234567">call</a>',
      );
      const links = [...root.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
        'https://example.com/x',
        'mailto:a@b.c',
        'tel:+15551234567',
      ]);
      for (const a of links) {
        expect(a.rel).to.equal('noopener noreferrer');
        expect(a.target).to.equal('_blank');
        expect(a.hasAttribute('title')).to.equal(false);
      }
    });
  });

  describe('safeHref', () => {
    it('allows only absolute http(s), mailto and tel URLs', () => {
      expect(safeHref('https://a.test/')).to.equal('https://a.test/');
      expect(safeHref(' HTTP://a.test')).to.equal('http://a.test/');
      for (const bad of [
        'javascript:x',
        'JaVaScRiPt:x',
        'data:text/html,x',
        'vbscript:x',
        '/rel',
        '',
        null,
      ])
        expect(safeHref(bad), String(bad)).to.equal(undefined);
    });
  });
});
