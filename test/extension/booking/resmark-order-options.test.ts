import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../extension/booking/resmark-order-options.js';
import {
  emptyOrderFields,
  orderOptionsOf,
  type ResmarkOrderOptions,
} from '../../../extension/booking/resmark-order-options.js';

const root = (el: ResmarkOrderOptions) => el.shadowRoot!;
const field = (el: ResmarkOrderOptions, name: string) =>
  root(el).querySelector<HTMLInputElement>(`[name=${name}]`)!;

describe('orderOptionsOf', () => {
  it('sends the e-mail choice always, and the other switches only when set', () => {
    expect(orderOptionsOf(emptyOrderFields())).to.deep.equal({
      billing: { memo: 'Collected by the agent' },
      disableConfirmationEmail: true,
    });
    expect(
      orderOptionsOf({
        ...emptyOrderFields(),
        reference: '  SUN-7 ',
        memo: 'Paid by card at the desk',
        emailCustomer: true,
        noProductNotification: true,
        noPendingNotification: true,
        noPendingResponse: true,
      }),
    ).to.deep.equal({
      referenceId: 'SUN-7',
      billing: { memo: 'Paid by card at the desk' },
      disableConfirmationEmail: false,
      disableNotification: true,
      disablePendingOrderNotification: true,
      disablePendingOrderNotificationResponse: true,
    });
  });
});

describe('<resmark-order-options>', () => {
  let el: ResmarkOrderOptions;
  beforeEach(async () => {
    el = await fixture<ResmarkOrderOptions>(html`<resmark-order-options></resmark-order-options>`);
  });

  it('names every field, says it is not shown to the customer, and passes axe', async () => {
    expect(root(el).querySelector('legend')!.textContent).to.contain('not shown to the customer');
    expect(root(el).querySelector('select')!.value).to.equal('Collected by the agent');
    await expect(el).to.be.accessible();
  });

  it('fires the whole set on each change, typed or ticked by keyboard', async () => {
    field(el, 'reference').focus();
    const typed = oneEvent(el, 'resmark-order-fields-change');
    await sendKeys({ type: 'V' });
    expect((await typed).detail.fields.reference).to.equal('V');
    field(el, 'emailCustomer').focus();
    const ticked = oneEvent(el, 'resmark-order-fields-change');
    await sendKeys({ press: 'Space' });
    const { fields } = (await ticked).detail;
    expect(fields).to.include({ reference: 'V', emailCustomer: true });
  });

  it('takes the agent’s own payment note under "Other"', async () => {
    const select = root(el).querySelector('select')!;
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const memo = field(el, 'memo');
    expect(memo, 'a text field for the note').to.not.equal(null);
    memo.focus();
    await sendKeys({ type: 'Voucher 18' });
    await el.updateComplete;
    expect(el.fields.memo).to.equal('Voucher 18');
    expect(select.value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('shows a field’s problem under it, tied to the field', async () => {
    el.errors = { reference: 'Order 100001 already has this reference: use another.' };
    await el.updateComplete;
    const input = field(el, 'reference');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('reference-error');
    expect(root(el).querySelector('#reference-error')!.textContent).to.contain('100001');
    await expect(el).to.be.accessible();
  });
});
