import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CustomerRules } from '../../../shared/customer.js';
import '../../../widget/checkout/resmark-customer-form.js';
import type { ResmarkCustomerForm } from '../../../widget/checkout/resmark-customer-form.js';
import { cart } from '../fixtures.js';
import { expectFitsPhone, expectOwnTypography, loudPage } from './layout.js';
import { expectBusyKeepsFocus } from '../keyboard.js';

const rules: CustomerRules = {
  requiredCustomerFields: cart.requiredCustomerFields!,
  customFields: cart.customFields!,
};

const $ = <T extends HTMLElement = HTMLInputElement>(el: ResmarkCustomerForm, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const byId = (el: ResmarkCustomerForm, id: string) => $(el, `#${id}`);
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const labelOf = (el: ResmarkCustomerForm, id: string) => text(byId(el, id).labels![0]!);

/** Types into a control the way a browser reports it: value, then an input or change event. */
function enter(el: ResmarkCustomerForm, id: string, value: string) {
  const control = byId(el, id);
  control.value = value;
  control.dispatchEvent(
    new Event(control.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true, composed: true }),
  );
}

function check(el: ResmarkCustomerForm, id: string) {
  byId(el, id).click();
}

async function form(value?: object, extra: Partial<CustomerRules> = {}) {
  return fixture<ResmarkCustomerForm>(
    html`<resmark-customer-form
      locale="en-US"
      .rules=${{ ...rules, ...extra }}
      .value=${value}
    ></resmark-customer-form>`,
  );
}

async function submit(el: ResmarkCustomerForm) {
  $(el, 'button[part=submit]').click();
  await el.updateComplete;
}

function fillValid(el: ResmarkCustomerForm, wetsuit = true) {
  enter(el, 'firstName', ' Ana ');
  enter(el, 'lastName', 'Lopez');
  enter(el, 'email', 'ana@example.com');
  enter(el, 'phone', '(555) 123-4567');
  if (wetsuit) enter(el, 'x2', 'M');
}

describe('<resmark-customer-form>', () => {
  describe('when empty', () => {
    it('labels every field, marks the required ones and fills autocomplete', async () => {
      const el = await form();
      expect(labelOf(el, 'firstName')).to.equal('First name *');
      expect(labelOf(el, 'lastName')).to.equal('Last name *');
      expect(labelOf(el, 'email')).to.equal('Email *');
      expect(labelOf(el, 'phone')).to.equal('Phone *');
      expect(labelOf(el, 'country')).to.equal('Country');
      expect(labelOf(el, 'x0')).to.equal('Arrival Flight Number');
      expect(labelOf(el, 'x2')).to.equal('Wetsuit Size *');
      for (const id of ['firstName', 'lastName', 'email', 'phone', 'x2'])
        expect(byId(el, id).required, id).to.equal(true);
      for (const id of ['country', 'x0']) expect(byId(el, id).required, id).to.equal(false);
      expect(
        ['firstName', 'lastName', 'email', 'phone', 'dialCode', 'country'].map((id) =>
          byId(el, id).getAttribute('autocomplete'),
        ),
      ).to.deep.equal([
        'given-name',
        'family-name',
        'email',
        'tel-national',
        'tel-country-code',
        'country',
      ]);
      expect(byId(el, 'email').type).to.equal('email');
      expect(byId(el, 'phone').type).to.equal('tel');
      await expect(el).to.be.accessible();
    });

    it('offers the dial codes with +1 first and chosen', async () => {
      const el = await form();
      const select = $<HTMLSelectElement>(el, '#dialCode');
      expect(select.options[0]!.value).to.equal('+1');
      expect(select.value).to.equal('+1');
      expect(select.getAttribute('aria-label')).to.equal('Dial code');
      expect([...select.options].map((o) => o.value)).to.include.members(['+44', '+49', '+61']);
    });

    it('offers 3-letter country codes with the USA first, named in the locale', async () => {
      const el = await form();
      const options = [...$<HTMLSelectElement>(el, '#country').options];
      expect(options[0]!.value).to.equal('');
      expect([options[1]!.value, options[1]!.text]).to.deep.equal(['USA', 'United States']);
      const canada = options.find((o) => o.value === 'CAN')!;
      expect(canada.text).to.equal('Canada');
      expect(options.every((o) => /^([A-Z]{3})?$/.test(o.value))).to.equal(true);
    });

    it('groups a checkbox field under its name', async () => {
      const el = await form();
      const group = $(el, 'fieldset');
      expect(text(group.querySelector('legend'))).to.equal('Dietary Needs');
      expect([...group.querySelectorAll('label')].map(text)).to.deep.equal([
        'Vegetarian',
        'Vegan',
        'Gluten-free',
      ]);
    });

    it('marks a required checkbox group in its legend', async () => {
      const el = await form(undefined, {
        customFields: [{ name: 'Waiver', type: 'checkbox', required: true, options: ['I agree'] }],
      });
      expect(text($(el, 'legend'))).to.equal('Waiver * (required)');
      await expect(el).to.be.accessible();
    });

    it('asks for any other field the account requires', async () => {
      const el = await form(undefined, {
        requiredCustomerFields: [...rules.requiredCustomerFields!, 'city'],
      });
      expect(labelOf(el, 'city')).to.equal('City *');
      expect(byId(el, 'city').getAttribute('autocomplete')).to.equal('address-level2');
    });
  });

  describe('with the USA as country', () => {
    it('asks for the state, required', async () => {
      const el = await form();
      expect(byId(el, 'state')).to.equal(null);
      enter(el, 'country', 'USA');
      await el.updateComplete;
      expect(labelOf(el, 'state')).to.equal('State *');
      expect(byId(el, 'state').required).to.equal(true);
      expect(byId(el, 'state').getAttribute('autocomplete')).to.equal('address-level1');
      await expect(el).to.be.accessible();
    });

    it('asks for the state anywhere when the account requires it', async () => {
      const el = await form(undefined, {
        requiredCustomerFields: [...rules.requiredCustomerFields!, 'state'],
      });
      expect(labelOf(el, 'state')).to.equal('State *');
    });

    it('refuses a missing state and accepts a typed one', async () => {
      const el = await form();
      fillValid(el);
      enter(el, 'country', 'USA');
      await el.updateComplete;
      await submit(el);
      expect(byId(el, 'state').getAttribute('aria-invalid')).to.equal('true');
      expect(text(byId(el, 'state-e'))).to.equal('Enter the 2-letter state code, like UT');
      enter(el, 'state', 'ut');
      setTimeout(() => submit(el));
      const { detail } = await oneEvent(el, 'resmark-customer-submit');
      expect(detail.customer).to.include({ country: 'USA', state: 'ut' });
    });
  });

  describe('with validation errors', () => {
    it('names each problem at its field, lists them and focuses the first', async () => {
      const el = await form();
      let sent = false;
      el.addEventListener('resmark-customer-submit', () => (sent = true));
      enter(el, 'email', 'ana@');
      enter(el, 'phone', '555');
      await submit(el);
      expect(sent).to.equal(false);
      for (const [id, message] of [
        ['firstName', 'Enter a first name'],
        ['lastName', 'Enter a last name'],
        ['email', 'Enter an email address like name@example.com'],
        ['phone', 'Enter the 10-digit phone number with its area code'],
        ['x2', 'Choose one option for Wetsuit Size'],
      ]) {
        const control = byId(el, id!);
        expect(control.getAttribute('aria-invalid'), id).to.equal('true');
        expect(text(byId(el, control.getAttribute('aria-describedby')!)), id).to.equal(message);
      }
      expect(byId(el, 'x0').getAttribute('aria-invalid')).to.equal('false');
      const summary = $(el, '[part=error-summary]');
      expect(summary.getAttribute('role')).to.equal('alert');
      expect([...summary.querySelectorAll('a')].map(text)).to.deep.equal([
        'Enter a first name',
        'Enter a last name',
        'Enter an email address like name@example.com',
        'Enter the 10-digit phone number with its area code',
        'Choose one option for Wetsuit Size',
      ]);
      expect(el.shadowRoot!.activeElement).to.equal(byId(el, 'firstName'));
      await expect(el).to.be.accessible();
    });

    it('gives each summary link a target of at least 24 × 24 px', async () => {
      const el = await form();
      await submit(el);
      const links = [...$(el, '[part=error-summary]').querySelectorAll('a')];
      expect(links).to.have.length(5);
      for (const link of links) {
        const box = link.getBoundingClientRect();
        expect(box.height, text(link)).to.be.at.least(24);
        expect(box.width, text(link)).to.be.at.least(24);
      }
      await expect(el).to.be.accessible();
    });

    it('moves to a field from its link in the summary', async () => {
      const el = await form();
      await submit(el);
      const links = [...$(el, '[part=error-summary]').querySelectorAll('a')];
      links.at(-1)!.click();
      expect(el.shadowRoot!.activeElement).to.equal(byId(el, 'x2'));
    });

    it('names a required checkbox group’s problem at the group', async () => {
      const el = await form(undefined, {
        customFields: [{ name: 'Waiver', type: 'checkbox', required: true, options: ['I agree'] }],
      });
      fillValid(el, false);
      await submit(el);
      const group = $(el, 'fieldset');
      expect(text(byId(el, group.getAttribute('aria-describedby')!))).to.equal(
        'Choose at least one option for Waiver',
      );
      expect(byId(el, 'x0-0').getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(byId(el, 'x0-0'));
      await expect(el).to.be.accessible();
    });
  });

  describe('with errors from the API', () => {
    it('shows them the same way and focuses the first', async () => {
      const el = await form(cart.customer);
      el.errors = { email: 'This email address is blocked', 'Wetsuit Size': 'Sold out in M' };
      await el.updateComplete;
      expect(byId(el, 'email').getAttribute('aria-invalid')).to.equal('true');
      expect(text(byId(el, 'email-e'))).to.equal('This email address is blocked');
      expect(text(byId(el, 'x2-e'))).to.equal('Sold out in M');
      expect([...$(el, '[part=error-summary]').querySelectorAll('a')].map(text)).to.deep.equal([
        'This email address is blocked',
        'Sold out in M',
      ]);
      expect(el.shadowRoot!.activeElement).to.equal(byId(el, 'email'));
      await expect(el).to.be.accessible();
    });

    it('lists a problem without a field in the summary', async () => {
      const el = await form();
      el.errors = { customer: 'Enter the customer’s name and email address' };
      await el.updateComplete;
      expect(text($(el, '[part=error-summary] li'))).to.equal(
        'Enter the customer’s name and email address',
      );
    });
  });

  describe('when the last save failed without naming a field', () => {
    it('says so right after Continue, as an alert that describes the button', async () => {
      const el = await form(cart.customer);
      el.error = 'The booking service cannot be reached. Check your connection and try again.';
      await el.updateComplete;
      const button = $(el, 'button[part=submit]');
      const error = $(el, '[part=error]');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.equal(el.error);
      expect(button.nextElementSibling === error, 'right after Continue').to.equal(true);
      expect(button.getAttribute('aria-describedby')).to.equal(error.id);
      await expect(el).to.be.accessible();
    });
  });

  describe('when valid', () => {
    it('sends what was typed: phone and dial code as typed, custom fields as arrays', async () => {
      const el = await form();
      fillValid(el);
      enter(el, 'dialCode', '+44');
      enter(el, 'phone', '20 7946 0958');
      enter(el, 'x0', 'UA 123');
      check(el, 'x1-1');
      check(el, 'x1-2');
      setTimeout(() => submit(el));
      const { detail } = await oneEvent(el, 'resmark-customer-submit');
      expect(detail.customer).to.deep.equal({
        firstName: ' Ana ',
        lastName: 'Lopez',
        email: 'ana@example.com',
        phone: '20 7946 0958',
        dialCode: '+44',
        'Arrival Flight Number': 'UA 123',
        'Dietary Needs': ['Vegan', 'Gluten-free'],
        'Wetsuit Size': ['M'],
      });
      expect($(el, '[part=error-summary]')).to.equal(null);
    });

    it('is filled from the keyboard and submitted with Enter', async () => {
      const el = await form();
      byId(el, 'firstName').focus();
      await sendKeys({ type: 'Ana' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Lopez' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'ana@example.com' });
      await sendKeys({ press: 'Tab' }); // the dial code keeps +1
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '555 123 4567' });
      enter(el, 'x2', 'L');
      byId(el, 'x0').focus();
      const sent = oneEvent(el, 'resmark-customer-submit');
      await sendKeys({ press: 'Enter' });
      expect((await sent).detail.customer).to.deep.equal({
        firstName: 'Ana',
        lastName: 'Lopez',
        email: 'ana@example.com',
        phone: '555 123 4567',
        dialCode: '+1',
        'Wetsuit Size': ['L'],
      });
    });

    it('starts from the given details', async () => {
      const el = await form(cart.customer);
      expect(byId(el, 'firstName').value).to.equal('Ana');
      expect(byId(el, 'phone').value).to.equal('5551234567');
      expect($<HTMLSelectElement>(el, '#x2').value).to.equal('M');
      setTimeout(() => submit(el));
      const { detail } = await oneEvent(el, 'resmark-customer-submit');
      expect(detail.customer).to.deep.equal({
        firstName: 'Ana',
        lastName: 'Lopez',
        email: 'ana@example.com',
        phone: '5551234567',
        dialCode: '+1',
        'Wetsuit Size': ['M'],
      });
    });

    it('keeps a saved dial code or country the lists lack', async () => {
      const el = await form({ ...cart.customer, dialCode: '+850', country: 'PRK' });
      expect($<HTMLSelectElement>(el, '#dialCode').value).to.equal('+850');
      expect($<HTMLSelectElement>(el, '#country').value).to.equal('PRK');
    });
  });

  describe('with a phone from outside the short list (issue 11, item 1)', () => {
    const dial = (el: ResmarkCustomerForm) => $<HTMLSelectElement>(el, '#dialCode');
    const chosen = (el: ResmarkCustomerForm) => text(dial(el).selectedOptions[0]!);

    it('takes a Colombian number as typed with its +57, choosing Colombia', async () => {
      const el = await form();
      fillValid(el);
      enter(el, 'phone', '+57 300 123 4567');
      await el.updateComplete;
      expect(dial(el).value).to.equal('+57');
      expect(chosen(el)).to.equal('Colombia (+57)');
      setTimeout(() => submit(el));
      const { detail } = await oneEvent(el, 'resmark-customer-submit');
      expect(detail.customer).to.include({ phone: '+57 300 123 4567', dialCode: '+57' });
      expect($(el, '[part=error-summary]')).to.equal(null);
    });

    it('takes a pasted +44 number under +1 by choosing the United Kingdom', async () => {
      const el = await form();
      fillValid(el);
      enter(el, 'phone', '+44 20 7946 0958');
      await el.updateComplete;
      expect(chosen(el)).to.equal('United Kingdom (+44)');
      setTimeout(() => submit(el));
      const { detail } = await oneEvent(el, 'resmark-customer-submit');
      expect(detail.customer).to.include({ dialCode: '+44' });
    });

    it('offers every country’s dial code by the country’s name, the USA first', async () => {
      const el = await form();
      const options = [...dial(el).options];
      expect(options.length).to.be.at.least(240);
      expect(text(options[0]!)).to.equal('United States (+1)');
      expect(options.map(text)).to.include.members([
        'Colombia (+57)',
        'Kenya (+254)',
        'Canada (+1)',
        'Vietnam (+84)',
      ]);
      // Canada is +1 too: choosing it keeps Canada on screen, not the first +1.
      const canada = options.find((o) => text(o) === 'Canada (+1)')!;
      dial(el).selectedIndex = options.indexOf(canada);
      dial(el).dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(chosen(el)).to.equal('Canada (+1)');
      await expect(el).to.be.accessible();
    });

    it('follows the country chosen before a number is typed', async () => {
      const el = await form();
      enter(el, 'country', 'COL');
      await el.updateComplete;
      expect(chosen(el)).to.equal('Colombia (+57)');
    });

    it('lists every country, named in the shopper’s language', async () => {
      const el = await fixture<ResmarkCustomerForm>(
        html`<resmark-customer-form locale="es" .rules=${rules}></resmark-customer-form>`,
      );
      const countries = [...$<HTMLSelectElement>(el, '#country').options];
      expect(countries.length).to.be.at.least(240);
      const named = (code: string) => text(countries.find((o) => o.value === code)!);
      expect(named('DEU')).to.equal('Alemania');
      expect(named('COL')).to.equal('Colombia');
      expect(named('CIV')).to.equal('Côte d’Ivoire');
      expect(text(dial(el).options[0]!)).to.equal('Estados Unidos (+1)');
    });
  });

  describe('on a phone', () => {
    it('fits 320 px with 44 px targets, errors and all', async () => {
      const el = await form();
      enter(el, 'country', 'USA');
      await submit(el);
      await expectFitsPhone(el);
    });
  });

  describe('across re-renders', () => {
    it('keeps typed values when busy flips and when a new value arrives', async () => {
      const el = await form(cart.customer);
      enter(el, 'firstName', 'Anabel');
      el.busy = true;
      await el.updateComplete;
      el.busy = false;
      el.value = { ...cart.customer };
      el.errors = {};
      await el.updateComplete;
      expect(byId(el, 'firstName').value).to.equal('Anabel');
      expect(byId(el, 'lastName').value).to.equal('Lopez');
    });
  });

  describe('while busy', () => {
    it('waits, saying so, and sends nothing', async () => {
      const el = await form(cart.customer);
      el.busy = true;
      await el.updateComplete;
      const button = $<HTMLButtonElement>(el, 'button[part=submit]');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(getComputedStyle(button).opacity).to.equal('0.55');
      expect(text(button)).to.equal('Saving…');
      expect($(el, 'form').getAttribute('aria-busy')).to.equal('true');
      let sent = false;
      el.addEventListener('resmark-customer-submit', () => (sent = true));
      $<HTMLFormElement>(el, 'form').requestSubmit();
      expect(sent).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('keeps the focus on Continue pressed from the keyboard, and a second press sends nothing', async () => {
      const el = await form();
      fillValid(el);
      const button = $<HTMLButtonElement>(el, 'button[part=submit]');
      await expectBusyKeepsFocus(el, button, 'resmark-customer-submit', () => (el.busy = true));
      await expect(el).to.be.accessible();
    });
  });

  describe('inside a page with its own typography', () => {
    let page: ReturnType<typeof loudPage>;
    beforeEach(() => (page = loudPage()));
    afterEach(() => page.restore());

    it('keeps 16 px text, 44 px targets, 24 px summary links and its own case and alignment', async () => {
      const el = await fixture<ResmarkCustomerForm>(
        html`<resmark-customer-form locale="en-US" .rules=${rules}></resmark-customer-form>`,
        { parentNode: page.parent },
      );
      await submit(el);
      await expectOwnTypography(el);
      for (const link of $(el, '[part=error-summary]').querySelectorAll('a'))
        expect(link.getBoundingClientRect().height, text(link)).to.be.at.least(24);
      await expect(el).to.be.accessible();
    });
  });
});
