import { expect, fixture, html } from '@open-wc/testing';
import type { ResmarkClient } from '../../shared/client.js';
import type { CustomerRules } from '../../shared/customer.js';
import type { Inventory, PickupZone, Product } from '../../shared/product.js';
import '../../widget/booking/resmark-product-booker.js';
import type { ResmarkProductBooker } from '../../widget/booking/resmark-product-booker.js';
import '../../widget/checkout/resmark-customer-form.js';
import type { ResmarkCustomerForm } from '../../widget/checkout/resmark-customer-form.js';
import { useLocale } from '../../widget/localize.js';
import { cart, kayakInventory, kayakPickups, products } from './fixtures.js';

const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const inner = <T extends HTMLElement = HTMLInputElement>(host: Element | null, selector: string) =>
  host!.shadowRoot!.querySelector<T>(selector)!;

// ---- <resmark-customer-form> ----

const rules: CustomerRules = {
  requiredCustomerFields: cart.requiredCustomerFields!,
  customFields: cart.customFields!,
};

async function form(extra: Partial<CustomerRules> = {}, value?: object) {
  return fixture<ResmarkCustomerForm>(
    html`<resmark-customer-form
      locale="es"
      .rules=${{ ...rules, ...extra }}
      .value=${value}
    ></resmark-customer-form>`,
  );
}

/** Types into a control the way a browser reports it: value, then an input or change event. */
function enter(el: ResmarkCustomerForm, id: string, value: string) {
  const control = inner(el, `#${id}`);
  control.value = value;
  control.dispatchEvent(
    new Event(control.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true, composed: true }),
  );
}

async function submit(el: ResmarkCustomerForm) {
  inner<HTMLButtonElement>(el, 'button[part=submit]').click();
  await el.updateComplete;
}

/** The problem a control announces: the text its `aria-describedby` points at, if invalid. */
function problemAt(el: ResmarkCustomerForm, id: string): string {
  const control = inner(el, `#${id}`);
  expect(control.getAttribute('aria-invalid'), id).to.equal('true');
  return text(inner(el, `#${control.getAttribute('aria-describedby')!}`));
}

const summary = (el: ResmarkCustomerForm) =>
  [...inner(el, '[part=error-summary]').querySelectorAll('li')].map(text);

/** A customer form with everything right but the phone, sent as typed with this dial code. */
async function phoneProblem(phone: string, dialCode = '+1', dialLast = false): Promise<string> {
  const el = await form();
  enter(el, 'firstName', 'Ana');
  enter(el, 'lastName', 'López');
  enter(el, 'email', 'ana@example.com');
  enter(el, 'x2', 'M');
  if (!dialLast) enter(el, 'dialCode', dialCode);
  enter(el, 'phone', phone);
  // A number with its own +code chooses that code; a code picked after it can still disagree.
  if (dialLast) enter(el, 'dialCode', dialCode);
  await submit(el);
  expect(summary(el)).to.have.length(1);
  return problemAt(el, 'phone');
}

// ---- <resmark-product-booker> ----

const kayak = products[0] as Product;
const T0 = Date.parse('2026-11-24T21:00:00Z');

/** The two product endpoints the booker calls, answered from the fixtures. */
function client(): Pick<ResmarkClient, 'product'> {
  const product = {
    inventory: (_: unknown, query: { from: string }): Promise<Inventory> =>
      Promise.resolve(query.from === '2026-11' ? kayakInventory : { items: [] }),
    pickups: (): Promise<PickupZone[]> => Promise.resolve(kayakPickups),
  };
  // Only the two endpoints the booker calls exist; the cast says so instead of faking the rest.
  return { product } as unknown as Pick<ResmarkClient, 'product'>;
}

async function settle(el: ResmarkProductBooker) {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
  }
}

async function booker(): Promise<ResmarkProductBooker> {
  const el = await fixture<ResmarkProductBooker>(
    html`<resmark-product-booker
      .client=${client()}
      .product=${kayak}
      .now=${() => T0}
      locale="es"
    ></resmark-product-booker>`,
  );
  await settle(el);
  return el;
}

const quantities = (el: ResmarkProductBooker) =>
  el.shadowRoot!.querySelector('resmark-tier-quantities');
const pickup = (el: ResmarkProductBooker) => el.shadowRoot!.querySelector('resmark-pickup-picker');

async function pickSlot(el: ResmarkProductBooker, date: string, index: number) {
  const calendar = el.shadowRoot!.querySelector('resmark-availability-calendar');
  inner<HTMLButtonElement>(calendar, `[data-date="${date}"]`).click();
  await settle(el);
  const slots = el.shadowRoot!.querySelector('resmark-slot-picker')!;
  slots.shadowRoot!.querySelectorAll('button')[index]!.click();
  await settle(el);
}

async function choose(el: ResmarkProductBooker, id: string, value: string) {
  const select = inner<HTMLSelectElement>(pickup(el), `#${id}`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await settle(el);
}

async function add(el: ResmarkProductBooker) {
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part=add]')!.click();
  await settle(el);
}

describe('problems in the shopper’s language', () => {
  // The locale is global to the page: every test leaves it in English, as the other files expect.
  afterEach(async () => {
    await useLocale('en');
  });

  describe('in Spanish', () => {
    beforeEach(async () => {
      await useLocale('es');
    });

    describe('<resmark-customer-form>', () => {
      it('names each problem of an empty form at its field and in the summary', async () => {
        const el = await form();
        await submit(el);
        const expected: [string, string][] = [
          ['firstName', 'Ingresa el nombre'],
          ['lastName', 'Ingresa el apellido'],
          ['email', 'Ingresa un correo electrónico como nombre@example.com'],
          ['phone', 'Ingresa un número de teléfono'],
          ['x2', 'Elige una opción para Wetsuit Size'],
        ];
        for (const [id, message] of expected) expect(problemAt(el, id), id).to.equal(message);
        expect(text(inner(el, '[part=error-summary] strong'))).to.equal('Revisa estos datos');
        expect(summary(el)).to.deep.equal(expected.map(([, message]) => message));
        await expect(el).to.be.accessible();
      });

      it('says what is wrong with a typed email, and a US state left out', async () => {
        const el = await form();
        enter(el, 'email', 'ana@');
        enter(el, 'country', 'USA');
        await el.updateComplete;
        await submit(el);
        expect(problemAt(el, 'email')).to.equal(
          'Ingresa un correo electrónico como nombre@example.com',
        );
        expect(problemAt(el, 'state')).to.equal(
          'Ingresa el código de 2 letras del estado, como UT',
        );
        await expect(el).to.be.accessible();
      });

      it('tells the phone’s problems apart as the rules do', async () => {
        expect(await phoneProblem('555')).to.equal(
          'Ingresa el número de teléfono de 10 dígitos con su código de área',
        );
        expect(await phoneProblem('555-CALL-NOW')).to.equal(
          'Ingresa el número de teléfono solo con dígitos (puedes usar espacios, guiones y paréntesis)',
        );
        expect(await phoneProblem('+44 20 7946 0958', '+1', true)).to.equal(
          'El número empieza con +44, pero el código de país es +1: haz que coincidan',
        );
        expect(await phoneProblem('12', '+44')).to.equal(
          'Ingresa el número de teléfono completo, sin el código de país',
        );
      });

      it('says how to write a saved dial code the rules refuse', async () => {
        const el = await form({}, { ...cart.customer, dialCode: '+0', phone: '5551234567' });
        await submit(el);
        expect(problemAt(el, 'phone')).to.equal(
          'Ingresa el código de país como + y de 1 a 4 dígitos, como +1',
        );
      });

      it('asks for a required checkbox group and another required field by name', async () => {
        const el = await form({
          requiredCustomerFields: [...rules.requiredCustomerFields!, 'city'],
          customFields: [
            { name: 'Waiver', type: 'checkbox', required: true, options: ['I agree'] },
            { name: 'Room', type: 'text', required: true },
          ],
        });
        await submit(el);
        expect(problemAt(el, 'city')).to.equal('Revisa el campo Ciudad');
        expect(problemAt(el, 'x1')).to.equal('Completa el campo Room');
        const group = inner(el, 'fieldset');
        expect(text(inner(el, `#${group.getAttribute('aria-describedby')!}`))).to.equal(
          'Elige al menos una opción para Waiver',
        );
        await expect(el).to.be.accessible();
      });

      it('words the API’s problems by field, and keeps the English of a field it does not know', async () => {
        const el = await form({}, cart.customer);
        el.errors = {
          email: 'This email address is blocked',
          'Wetsuit Size': 'Sold out in M',
          loyaltyId: 'Unknown loyalty id',
        };
        await el.updateComplete;
        expect(problemAt(el, 'email')).to.equal(
          'Ingresa un correo electrónico como nombre@example.com',
        );
        expect(problemAt(el, 'x2')).to.equal('Elige una opción para Wetsuit Size');
        expect(summary(el)).to.deep.equal([
          'Ingresa un correo electrónico como nombre@example.com',
          'Elige una opción para Wetsuit Size',
          'Unknown loyalty id',
        ]);
        await expect(el).to.be.accessible();
      });

      it('goes back to the rules’ English when the page switches to English', async () => {
        const el = await form();
        await submit(el);
        expect(problemAt(el, 'firstName')).to.equal('Ingresa el nombre');
        await useLocale('en');
        await el.updateComplete;
        expect(problemAt(el, 'firstName')).to.equal('Enter a first name');
        expect(problemAt(el, 'phone')).to.equal('Enter a phone number');
      });
    });

    describe('<resmark-product-booker>', () => {
      it('asks for a guest and a pickup at their fields', async () => {
        const el = await booker();
        await pickSlot(el, '2026-11-25', 0);
        await add(el);
        expect(text(inner(quantities(el), '#whole'))).to.equal('Elige al menos una persona');
        const zone = inner(pickup(el), '#zone');
        expect(zone.getAttribute('aria-invalid')).to.equal('true');
        expect(text(inner(pickup(el), `#${zone.getAttribute('aria-describedby')!}`))).to.equal(
          'Elige una opción de recogida de la lista',
        );
        await expect(el).to.be.accessible();
      });

      it('says how many seats are left when the guests do not fit the time', async () => {
        const el = await booker();
        await pickSlot(el, '2026-11-25', 0);
        for (let i = 0; i < 3; i++) {
          inner<HTMLButtonElement>(quantities(el), '[aria-label="Agregar 1 Adult"]').click();
          await settle(el);
        }
        // The 27th's afternoon has 2 seats: the 3 adults carry over to it.
        await pickSlot(el, '2026-11-27', 1);
        // Its pickup is the 13:15 one, the one that reaches a 2:00 PM departure (item 3).
        await choose(el, 'zone', '5f1d00000000000000000001');
        await choose(el, 'detail', '5f1e00000000000000000002');
        await choose(el, 'location', '5f1f00000000000000000001');
        await add(el);
        expect(text(inner(quantities(el), '#whole'))).to.equal(
          'Solo quedan 2 lugares en este horario: elige como máximo 2 personas',
        );
        await expect(el).to.be.accessible();
      });

      it('asks where to be picked up when "somewhere else" is left blank', async () => {
        const el = await booker();
        await pickSlot(el, '2026-11-25', 0);
        inner<HTMLButtonElement>(quantities(el), '[aria-label="Agregar 1 Adult"]').click();
        await settle(el);
        await choose(el, 'zone', '5f1d00000000000000000002');
        await choose(el, 'detail', '5f1e00000000000000000003');
        await choose(el, 'location', '\u0000other');
        const other = inner(pickup(el), '#other');
        other.value = '   ';
        other.dispatchEvent(new Event('input'));
        await settle(el);
        await add(el);
        expect(other.getAttribute('aria-invalid')).to.equal('true');
        expect(text(inner(pickup(el), '#other-error'))).to.equal('Escribe dónde te recogemos');
        await expect(el).to.be.accessible();
      });

      it('goes back to the rules’ English when the page switches to English', async () => {
        const el = await booker();
        await pickSlot(el, '2026-11-25', 0);
        await add(el);
        await useLocale('en');
        await settle(el);
        expect(text(inner(quantities(el), '#whole'))).to.equal('Choose at least one guest');
        expect(text(inner(pickup(el), '#zone-error'))).to.equal(
          'Choose a pickup option from the list',
        );
      });
    });
  });
});
