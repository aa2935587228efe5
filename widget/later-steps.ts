/**
 * What `<resmark-checkout>` shows after the product list: the booker, the cart, the customer's
 * details, the review and the confirmation, each over the booking flow. Here rather than in the
 * shell so the first view does not download these templates (issue 11, "The first view"); the
 * shell renders them once widget/steps.ts has loaded.
 */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { Cart } from '../shared/cart.js';
import type { BookingFlow } from './controllers/booking-flow.js';
import type { ResmarkEvent } from './events.js';

/** What the later steps are drawn from, and what they tell the shell. */
export interface LaterStepView {
  flow: BookingFlow;
  locale: string | undefined;
  currency: string;
  /** How the shopper pays, as the review and the confirmation say it. */
  payment: 'on-arrival' | undefined;
  /** The booker learnt a product's availability (the list shows it). */
  learn: (event: ResmarkEvent<'resmark-availability-change'>) => void;
  /** "Book something else" or "Start over": the shell's `reset()`. */
  reset: () => void;
}

/** The flow's current step, past the product list. */
export function laterStep(view: LaterStepView): TemplateResult {
  const { flow, locale, currency } = view;
  const session = flow.session;
  const cart = session?.cart;
  if (flow.step === 'product')
    return html`<resmark-product-booker
      .client=${flow.bookerClient}
      .product=${flow.product}
      .locale=${locale}
      .currency=${currency}
      .busy=${flow.busy === 'add'}
      .error=${flow.error}
      @resmark-item-request=${(e: ResmarkEvent<'resmark-item-request'>) =>
        void flow.add(e.detail.item)}
      @resmark-availability-change=${view.learn}
    ></resmark-product-booker>`;
  if (flow.step === 'done')
    return html`<resmark-confirmation
      .order=${session?.order}
      .pickups=${flow.pickups}
      .payment=${view.payment}
      .locale=${locale}
      .currency=${currency}
      @resmark-booking-restart=${view.reset}
    ></resmark-confirmation>`;
  if (!session || !cart || session.state === 'failed')
    return html`<p>${msg('This cart is no longer available.')}</p>
      <button class="primary" @click=${view.reset}>${msg('Start over')}</button>`;
  const expired = session.state === 'expired';
  // Expired: the timer shows the notice and its "Hold my seats again"; nothing else may go on,
  // but the step stays (hidden), so what the shopper typed is there when the seats are back.
  return html`<resmark-hold-timer
      .expiresAt=${expired ? 0 : session.expiresAt}
      .now=${flow.now}
      .renewing=${flow.busy === 'renew'}
      renews-while-active
      @resmark-hold-renew=${() => void flow.renew()}
    ></resmark-hold-timer>
    <div class="step" ?hidden=${expired}>${holdingStep(view, cart)}</div>`;
}

/** The steps on a cart that holds seats: the cart, the customer's details, the review. */
function holdingStep({ flow, locale, currency, payment }: LaterStepView, cart: Cart) {
  switch (flow.step) {
    case 'cart':
      return cartStep(flow, cart, { locale, currency });
    case 'details':
      return html`<resmark-customer-form
        .rules=${cart}
        .value=${cart.customer}
        .errors=${flow.fields}
        .busy=${flow.busy === 'customer'}
        .error=${flow.error}
        .locale=${locale}
        @resmark-customer-submit=${(e: ResmarkEvent<'resmark-customer-submit'>) =>
          void flow.setCustomer(e.detail.customer)}
      ></resmark-customer-form>`;
    default:
      return html`<resmark-order-review
        .cart=${cart}
        .pickups=${flow.pickups}
        .payment=${payment}
        .customer=${cart.customer}
        .placing=${flow.busy === 'order'}
        .error=${flow.error}
        .locale=${locale}
        .currency=${currency}
        @resmark-order-place=${() => void flow.place()}
      ></resmark-order-review>`;
  }
}

/** What {@link cartStep} labels its two buttons with (the extension's own, in English). */
export interface CartStepLabels {
  another: string;
  next: string;
}

/**
 * The cart step of both shells: the cart with its steppers and remove buttons, the promo code,
 * "Add another…" back to the products, and "Continue" to the customer's details.
 */
export function cartStep(
  flow: BookingFlow,
  cart: Cart,
  { locale, currency }: { locale: string | undefined; currency: string },
  labels: CartStepLabels = { another: msg('Add another tour'), next: msg('Continue') },
): TemplateResult {
  return html`<resmark-cart-summary
      .cart=${cart}
      .pickups=${flow.pickups}
      .editable=${true}
      .adjustable=${true}
      .busy=${flow.changingCart}
      .locale=${locale}
      .currency=${currency}
      @resmark-item-remove=${(e: ResmarkEvent<'resmark-item-remove'>) =>
        void flow.remove(e.detail.itemId)}
      @resmark-item-change=${(e: ResmarkEvent<'resmark-item-change'>) =>
        void flow.change(e.detail.itemId, e.detail.participants)}
    ></resmark-cart-summary>
    <resmark-promo-code
      .status=${flow.promo.status}
      .code=${flow.promo.code}
      .message=${flow.promo.message}
      @resmark-promo-apply=${(e: ResmarkEvent<'resmark-promo-apply'>) =>
        void flow.applyPromo(e.detail.promoCode)}
    ></resmark-promo-code>
    <div class="actions">
      <button @click=${() => flow.go('products')}>${labels.another}</button>
      <button
        class="primary"
        ?disabled=${!cart.items.length}
        aria-disabled=${flow.changingCart}
        @click=${() => flow.checkout()}
      >
        ${labels.next}
      </button>
    </div>`;
}
