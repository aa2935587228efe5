import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../extension/suppliers/resmark-supplier-manager.js';
import type { ResmarkSupplierManager } from '../../../extension/suppliers/resmark-supplier-manager.js';
import type { Supplier } from '../../../extension/suppliers/supplier-match.js';

const CANYON = '5f1a00000000000000000001';
const HARBOR = '5f1a00000000000000000002';
const GONE = '5f1a00000000000000000009';

const saved: Supplier[] = [
  { entityId: CANYON, name: 'Canyon Kayak', patterns: ['*.canyonkayak.com', '127.0.0.1/demo/*'] },
  { entityId: GONE, name: 'Old Rafting', patterns: ['oldrafting.com'] },
];

const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <E extends Element = HTMLElement>(el: ResmarkSupplierManager, selector: string) =>
  el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: ResmarkSupplierManager, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<E>(selector),
];
const card = (el: ResmarkSupplierManager, entityId: string) =>
  $(el, `[data-entity="${entityId}"]`)!;
const inCard = <E extends Element = HTMLElement>(
  el: ResmarkSupplierManager,
  entityId: string,
  selector: string,
) => card(el, entityId).querySelector<E>(selector)!;
const focused = (el: ResmarkSupplierManager) => el.shadowRoot!.activeElement;
const statuses = (el: ResmarkSupplierManager) => $$(el, '[role=status]').map(text);
/** Types into the focused field, one key at a time, as the agent would. */
const type = (value: string) => sendKeys({ type: value });

async function manager(suppliers: Supplier[], known: string[]) {
  return fixture<ResmarkSupplierManager>(
    html`<resmark-supplier-manager
      .suppliers=${suppliers}
      .known=${known}
    ></resmark-supplier-manager>`,
  );
}

describe('<resmark-supplier-manager>', () => {
  describe('when empty', () => {
    let el: ResmarkSupplierManager;
    beforeEach(async () => {
      el = await manager([], []);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('says there are no suppliers yet, and still offers import', () => {
      expect(text($(el, '.empty'))).to.equal(
        'No suppliers yet. The suppliers you may book appear here once you are signed in; you can also import a list you exported before.',
      );
      expect($$(el, '[part=supplier]')).to.have.length(0);
      expect(text($(el, 'label[for=paste]'))).to.equal('Or paste JSON');
      expect(text($(el, 'label[for=file]'))).to.equal('Import from a file');
    });

    it('says there is nothing to export, and fires nothing', async () => {
      let fired = 0;
      el.addEventListener('resmark-suppliers-change', () => fired++);
      $(el, '.download')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(text($(el, '#transfer-status'))).to.equal(
        'Nothing to export yet: name a supplier or add a website first.',
      );
      expect(fired).to.equal(0);
    });
  });

  describe('with suppliers', () => {
    let el: ResmarkSupplierManager;
    beforeEach(async () => {
      el = await manager(saved, [HARBOR, CANYON]);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('lists the bookable suppliers by name, then the ones no longer offered', () => {
      expect($$(el, '[part=supplier] h3').map(text)).to.deep.equal([
        'Canyon Kayak',
        'Supplier …0002',
        'Old Rafting',
      ]);
      expect(text(inCard(el, GONE, '.gone'))).to.equal(
        'Your agency cannot book this supplier now. Its settings are kept until you forget them.',
      );
      expect(card(el, CANYON).querySelector('.gone')).to.equal(null);
    });

    it('shows each supplier’s name field, websites and their buttons, all named', () => {
      const name = inCard<HTMLInputElement>(el, CANYON, '.name');
      expect(name.value).to.equal('Canyon Kayak');
      expect(text(el.shadowRoot!.querySelector(`label[for=${name.id}]`))).to.equal(
        'Name of Canyon Kayak',
      );
      const add = inCard<HTMLInputElement>(el, HARBOR, '.add-pattern');
      expect(text(el.shadowRoot!.querySelector(`label[for=${add.id}]`))).to.equal(
        'Add a website to Supplier …0002',
      );
      const harborName = inCard<HTMLInputElement>(el, HARBOR, '.name');
      expect([harborName.value, harborName.placeholder]).to.deep.equal(['', 'Supplier …0002']);
      expect($$(el, `[data-entity="${CANYON}"] [part=pattern] code`).map(text)).to.deep.equal([
        '*.canyonkayak.com',
        '127.0.0.1/demo/*',
      ]);
      expect(
        $$(el, `[data-entity="${CANYON}"] [part=pattern] button`).map((b) =>
          b.getAttribute('aria-label'),
        ),
      ).to.deep.equal([
        'Edit *.canyonkayak.com',
        'Remove *.canyonkayak.com',
        'Edit 127.0.0.1/demo/*',
        'Remove 127.0.0.1/demo/*',
      ]);
      expect(text(inCard(el, HARBOR, 'p.muted'))).to.equal('No websites yet.');
      expect(inCard(el, CANYON, '.forget').getAttribute('aria-label')).to.equal(
        'Forget settings of Canyon Kayak',
      );
      expect(card(el, HARBOR).querySelector('.forget'), 'nothing to forget').to.equal(null);
    });

    it('names a supplier from the keyboard: type, then Enter', async () => {
      inCard(el, HARBOR, '.name').focus();
      await type('Harbor Rentals ');
      const changed = oneEvent(el, 'resmark-suppliers-change');
      await sendKeys({ press: 'Enter' });
      const { detail } = await changed;
      expect(detail.suppliers).to.deep.equal([
        ...saved,
        { entityId: HARBOR, name: 'Harbor Rentals', patterns: [] },
      ]);
      expect(el.suppliers).to.equal(detail.suppliers);
      await el.updateComplete;
      expect(statuses(el)[0]).to.equal('Named Harbor Rentals.');
      expect($$(el, '[part=supplier] h3').map(text)).to.deep.equal([
        'Canyon Kayak',
        'Harbor Rentals',
        'Old Rafting',
      ]);
    });

    it('an event bubbles out of the shadow root and the page', async () => {
      const heard = oneEvent(document.body, 'resmark-suppliers-change');
      const name = inCard<HTMLInputElement>(el, CANYON, '.name');
      name.value = 'Canyon Kayak Co.';
      name.dispatchEvent(new Event('change'));
      const event = await heard;
      expect([event.bubbles, event.composed]).to.deep.equal([true, true]);
    });

    it('clearing a name keeps the websites and falls back to the id', async () => {
      const name = inCard<HTMLInputElement>(el, CANYON, '.name');
      name.select();
      const changed = oneEvent(el, 'resmark-suppliers-change');
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Tab' });
      expect((await changed).detail.suppliers[0]).to.deep.equal({
        entityId: CANYON,
        name: '',
        patterns: saved[0]!.patterns,
      });
      await el.updateComplete;
      expect(statuses(el)[0]).to.equal('Name cleared: listed as Supplier …0001 again.');
    });

    it('adds a website with Enter, saved in its normal form, focus kept to add another', async () => {
      inCard(el, HARBOR, '.add-pattern').focus();
      await type('*.Harbor-Rentals.example:8443');
      const changed = oneEvent(el, 'resmark-suppliers-change');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail.suppliers.at(-1)).to.deep.equal({
        entityId: HARBOR,
        name: '',
        patterns: ['*.harbor-rentals.example'],
      });
      await el.updateComplete;
      expect(statuses(el)[0]).to.equal('Added *.harbor-rentals.example to Supplier …0002.');
      const add = inCard<HTMLInputElement>(el, HARBOR, '.add-pattern');
      expect(add.value).to.equal('');
      expect(focused(el) === add, 'focus stays in the field').to.equal(true);
      expect(text(inCard(el, HARBOR, '[part=pattern] code'))).to.equal('*.harbor-rentals.example');
    });

    it('removes a website, and puts focus in the add field', async () => {
      inCard(el, CANYON, '[part=pattern] .remove').focus();
      const changed = oneEvent(el, 'resmark-suppliers-change');
      await sendKeys({ press: 'Space' });
      expect((await changed).detail.suppliers[0]!.patterns).to.deep.equal(['127.0.0.1/demo/*']);
      await el.updateComplete;
      expect(statuses(el)[0]).to.equal('Removed *.canyonkayak.com from Canyon Kayak.');
      expect(focused(el) === inCard(el, CANYON, '.add-pattern')).to.equal(true);
    });

    it('edits a website: Edit, type, Enter; focus back on its Edit button', async () => {
      inCard(el, CANYON, '[data-index="1"] .edit').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const field = inCard<HTMLInputElement>(el, CANYON, '.edit-pattern');
      expect(focused(el) === field, 'focus in the field').to.equal(true);
      expect(field.value).to.equal('127.0.0.1/demo/*');
      expect(text(el.shadowRoot!.querySelector(`label[for="${field.id}"]`))).to.equal(
        'Edit website 127.0.0.1/demo/*',
      );
      await expect(el).to.be.accessible();
      field.select();
      await type('localhost:4000/demo/*');
      const changed = oneEvent(el, 'resmark-suppliers-change');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail.suppliers[0]!.patterns).to.deep.equal([
        '*.canyonkayak.com',
        'localhost/demo/*',
      ]);
      await el.updateComplete;
      expect(statuses(el)[0]).to.equal('Changed 127.0.0.1/demo/* to localhost/demo/*.');
      expect(focused(el) === inCard(el, CANYON, '[data-index="1"] .edit')).to.equal(true);
    });

    it('Escape leaves an edited website unchanged', async () => {
      let fired = 0;
      el.addEventListener('resmark-suppliers-change', () => fired++);
      inCard(el, CANYON, '[data-index="0"] .edit').click();
      await el.updateComplete;
      await type('zzz');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(card(el, CANYON).querySelector('.edit-pattern')).to.equal(null);
      expect(text(inCard(el, CANYON, '[part=pattern] code'))).to.equal('*.canyonkayak.com');
      expect(focused(el) === inCard(el, CANYON, '[data-index="0"] .edit')).to.equal(true);
      expect(fired).to.equal(0);
    });

    it('forgets a bookable supplier’s settings: it stays, unnamed, focus on its name', async () => {
      inCard(el, CANYON, '.forget').focus();
      const changed = oneEvent(el, 'resmark-suppliers-change');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail.suppliers).to.deep.equal([saved[1]]);
      await el.updateComplete;
      expect(statuses(el)[0]).to.equal(
        'Forgot the settings of Canyon Kayak: no name and no websites.',
      );
      expect(text(inCard(el, CANYON, 'h3'))).to.equal('Supplier …0001');
      expect(focused(el) === inCard(el, CANYON, '.name')).to.equal(true);
    });

    it('undoes a forget with the button after the status', async () => {
      inCard(el, GONE, '.forget').click();
      await el.updateComplete;
      const undo = $(el, '.undo')!;
      expect(undo.getAttribute('aria-label')).to.equal('Undo: restore Old Rafting');
      undo.focus();
      const changed = oneEvent(el, 'resmark-suppliers-change');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail.suppliers).to.equal(saved);
      await el.updateComplete;
      expect(statuses(el)[0]).to.equal('Restored the settings of Old Rafting.');
      expect($(el, '.undo'), 'undone once').to.equal(null);
      expect(focused(el) === inCard(el, GONE, '.name')).to.equal(true);
      expect(inCard<HTMLInputElement>(el, GONE, '.name').value).to.equal('Old Rafting');
    });

    it('offers no undo once something else changed', async () => {
      inCard(el, GONE, '.forget').click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      inCard(el, CANYON, '[part=pattern] .remove').click();
      await el.updateComplete;
      expect($(el, '.undo')).to.equal(null);
    });

    it('forgets a supplier no longer offered: it goes, focus on the heading', async () => {
      inCard(el, GONE, '.forget').click();
      await el.updateComplete;
      expect(el.suppliers).to.deep.equal([saved[0]]);
      expect(card(el, GONE)).to.equal(null);
      expect(statuses(el)[0]).to.equal('Forgot Old Rafting.');
      expect(focused(el) === $(el, '#heading')).to.equal(true);
    });

    it('does not change the list it was given', async () => {
      inCard(el, CANYON, '[part=pattern] .remove').click();
      await el.updateComplete;
      expect(saved[0]!.patterns).to.have.length(2);
      expect(el.suppliers).not.to.equal(saved);
    });
  });

  describe('when a website pattern has an error', () => {
    let el: ResmarkSupplierManager;
    beforeEach(async () => {
      el = await manager(saved, [CANYON]);
      inCard(el, CANYON, '.add-pattern').focus();
      await type('canyon*.com');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('says what is wrong beside the field, marks it, keeps focus and what was typed', () => {
      const field = inCard<HTMLInputElement>(el, CANYON, '.add-pattern');
      const error = inCard(el, CANYON, '.add .error');
      expect(text(error)).to.equal(
        'A * in the host goes only at its start, as in *.canyonkayak.com.',
      );
      expect(error.getAttribute('role')).to.equal('alert');
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(field.getAttribute('aria-describedby')!.split(' ')).to.include(error.id);
      expect(field.value).to.equal('canyon*.com');
      expect(focused(el) === field).to.equal(true);
      expect(el.suppliers).to.equal(saved);
    });

    it('clears the message as soon as the typing fixes it, then adds', async () => {
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'Delete' });
      await sendKeys({ press: 'Delete' });
      await sendKeys({ press: 'Delete' });
      await sendKeys({ press: 'Delete' });
      await sendKeys({ press: 'Delete' });
      await sendKeys({ press: 'Delete' });
      await sendKeys({ press: 'Delete' });
      await el.updateComplete;
      const field = inCard<HTMLInputElement>(el, CANYON, '.add-pattern');
      expect(field.value).to.equal('.com');
      expect(text(inCard(el, CANYON, '.add .error'))).to.match(/is not a host name/);
      await type('www.canyon');
      await el.updateComplete;
      expect(card(el, CANYON).querySelector('.add .error')).to.equal(null);
      expect(field.getAttribute('aria-invalid')).to.equal('false');
    });

    it('refuses a website the supplier already has, in any spelling', async () => {
      const field = inCard<HTMLInputElement>(el, CANYON, '.add-pattern');
      field.select();
      await type('*.CANYONKAYAK.com/');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(text(inCard(el, CANYON, '.add .error'))).to.equal(
        'This supplier already has *.canyonkayak.com.',
      );
    });

    it('checks an edited website the same way, beside its field', async () => {
      inCard(el, CANYON, '[data-index="0"] .edit').click();
      await el.updateComplete;
      const field = inCard<HTMLInputElement>(el, CANYON, '.edit-pattern');
      field.select();
      await type('ftp://canyonkayak.com');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const error = inCard(el, CANYON, '.edit .error');
      expect(text(error)).to.equal('Only http and https sites can be matched, not ftp.');
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(field.getAttribute('aria-describedby')!.split(' ')).to.include(error.id);
      expect(focused(el) === field).to.equal(true);
      await expect(el).to.be.accessible();
      field.select();
      await type('127.0.0.1/demo/');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(text(inCard(el, CANYON, '.edit .error'))).to.equal(
        'This supplier already has 127.0.0.1/demo/*.',
      );
    });
  });

  describe('importing', () => {
    let el: ResmarkSupplierManager;
    beforeEach(async () => {
      el = await manager(saved, [CANYON, HARBOR]);
    });

    const paste = async (value: string) => {
      const area = $<HTMLTextAreaElement>(el, '#paste')!;
      area.focus();
      area.value = value;
      area.dispatchEvent(new Event('input'));
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
    };

    describe('when the pasted JSON is wrong', () => {
      beforeEach(async () => {
        await paste('{"version": 1, "suppliers": [{"entityId": "x", "name": "X"}]}');
      });

      it('passes axe', async () => {
        await expect(el).to.be.accessible();
      });

      it('says what is wrong, marks the field, keeps the text and changes nothing', () => {
        const status = $(el, '#transfer-status')!;
        expect(text(status)).to.equal('Nothing imported. Supplier 1 of 1: "patterns" is missing.');
        expect(status.className).to.equal('error');
        const area = $<HTMLTextAreaElement>(el, '#paste')!;
        expect(area.getAttribute('aria-invalid')).to.equal('true');
        expect(area.getAttribute('aria-describedby')).to.equal('transfer-status');
        expect(area.value).to.contain('"entityId": "x"');
        expect(el.suppliers).to.equal(saved);
      });

      it('clears the mark when a good import follows', async () => {
        await paste(
          JSON.stringify({
            version: 1,
            suppliers: [{ entityId: HARBOR, name: 'Harbor Rentals', patterns: [] }],
          }),
        );
        expect($(el, '#paste')!.getAttribute('aria-invalid')).to.equal('false');
      });
    });

    it('imports pasted JSON with the keyboard, merged by entityId', async () => {
      const changed = oneEvent(el, 'resmark-suppliers-change');
      await paste(
        JSON.stringify({
          version: 1,
          suppliers: [
            { entityId: HARBOR, name: 'Harbor Rentals', patterns: ['harbor.example'] },
            { entityId: CANYON, name: '', patterns: ['canyonkayak.net'] },
          ],
        }),
      );
      const expected = [
        { ...saved[0]!, patterns: [...saved[0]!.patterns, 'canyonkayak.net'] },
        saved[1],
        { entityId: HARBOR, name: 'Harbor Rentals', patterns: ['harbor.example'] },
      ];
      expect((await changed).detail.suppliers).to.deep.equal(expected);
      expect(el.suppliers).to.deep.equal(expected);
      expect(text($(el, '#transfer-status'))).to.equal('Imported 2 suppliers: 1 new, 1 updated.');
      expect($<HTMLTextAreaElement>(el, '#paste')!.value).to.equal('');
      expect(text(inCard(el, HARBOR, 'h3'))).to.equal('Harbor Rentals');
    });

    it('says so when the export lists no suppliers, and fires nothing', async () => {
      let fired = 0;
      el.addEventListener('resmark-suppliers-change', () => fired++);
      await paste('{"version": 1, "suppliers": []}');
      expect(text($(el, '#transfer-status'))).to.equal(
        'The export lists no suppliers: nothing changed.',
      );
      expect(fired).to.equal(0);
    });

    const choose = (file: File) => {
      const input = $<HTMLInputElement>(el, '#file')!;
      const files = new DataTransfer();
      files.items.add(file);
      input.files = files.files;
      input.dispatchEvent(new Event('change'));
    };

    it('imports a file, naming it in the status', async () => {
      const changed = oneEvent(el, 'resmark-suppliers-change');
      choose(
        new File(
          [
            JSON.stringify({
              version: 1,
              suppliers: [{ entityId: 'n1', name: 'N', patterns: [] }],
            }),
          ],
          'kayak.json',
          { type: 'application/json' },
        ),
      );
      expect((await changed).detail.suppliers).to.have.length(3);
      await el.updateComplete;
      expect(text($(el, '#transfer-status'))).to.equal(
        'Imported 1 supplier from kayak.json: 1 new, 0 updated.',
      );
      expect($<HTMLInputElement>(el, '#file')!.value, 'cleared for the next file').to.equal('');
    });

    describe('when the file is wrong', () => {
      beforeEach(async () => {
        choose(new File(['not json'], 'notes.txt', { type: 'text/plain' }));
        await new Promise((resolve) => setTimeout(resolve, 50));
        await el.updateComplete;
      });

      it('passes axe', async () => {
        await expect(el).to.be.accessible();
      });

      it('names the file and what is wrong, beside the file field', () => {
        expect(text($(el, '#transfer-status'))).to.match(
          /^Nothing imported from notes\.txt\. This is not valid JSON \(.+\)\.$/,
        );
        const input = $(el, '#file')!;
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(input.getAttribute('aria-describedby')).to.equal('transfer-status');
        expect(el.suppliers).to.equal(saved);
      });
    });

    it('refuses a file far too large to be an export, without reading it', async () => {
      choose(new File([new Uint8Array(1024 * 1024 + 1)], 'photo.jpg'));
      await el.updateComplete;
      expect(text($(el, '#transfer-status'))).to.equal(
        'Nothing imported from photo.jpg. It is 1.0 MB; a supplier export is a few KB. Choose the file Download JSON saved.',
      );
    });
  });

  describe('exporting', () => {
    let el: ResmarkSupplierManager;
    beforeEach(async () => {
      el = await manager(saved, [CANYON]);
    });

    it('passes axe', async () => {
      await expect(el).to.be.accessible();
    });

    it('downloads the saved list as resmark-suppliers.json from a Blob URL', async () => {
      let link: HTMLAnchorElement | undefined;
      el.shadowRoot!.addEventListener('click', (event) => {
        const target = event.target as HTMLElement;
        if (target instanceof HTMLAnchorElement) {
          link = target;
          event.preventDefault(); // no file on the test machine's disk
        }
      });
      $(el, '.download')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(link?.download).to.equal('resmark-suppliers.json');
      expect(link!.href).to.match(/^blob:/);
      const file = await (await fetch(link!.href)).json();
      expect(file).to.deep.equal({ version: 1, suppliers: saved });
      expect(text($(el, '#transfer-status'))).to.equal(
        'Downloaded 2 suppliers as resmark-suppliers.json.',
      );
      expect(link!.isConnected, 'the link is not left behind').to.equal(false);
    });

    describe('copying', () => {
      const clipboard = navigator.clipboard;
      const original = clipboard.writeText;
      afterEach(() => {
        clipboard.writeText = original;
      });

      it('copies the saved list as JSON', async () => {
        let copied = '';
        clipboard.writeText = async (value: string) => {
          copied = value;
        };
        $(el, '.copy')!.focus();
        await sendKeys({ press: 'Enter' });
        await new Promise((resolve) => setTimeout(resolve));
        await el.updateComplete;
        expect(JSON.parse(copied)).to.deep.equal({ version: 1, suppliers: saved });
        expect(text($(el, '#transfer-status'))).to.equal('Copied 2 suppliers as JSON.');
      });

      it('says when the browser refuses, and what to do instead', async () => {
        clipboard.writeText = async () => {
          throw new DOMException('Write permission denied.', 'NotAllowedError');
        };
        $(el, '.copy')!.click();
        await new Promise((resolve) => setTimeout(resolve));
        await el.updateComplete;
        const status = $(el, '#transfer-status')!;
        expect(text(status)).to.equal(
          'Could not copy (Write permission denied.). Download JSON instead.',
        );
        expect(status.className).to.equal('error');
        await expect(el).to.be.accessible();
      });
    });
  });
});
