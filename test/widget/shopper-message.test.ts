import { expect } from '@open-wc/testing';
import { ResmarkError } from '../../shared/errors.js';
import { useLocale } from '../../widget/localize.js';
import { shopperMessage } from '../../widget/shopper-message.js';

const seats = new ResmarkError('api', 'Only 2 seats are left at this time: choose 2 or fewer', {
  status: 409,
});
const offline = new ResmarkError('network', 'Could not reach Resmark for POST /cart', {});

describe('shopperMessage', () => {
  afterEach(() => useLocale('en'));

  it('in English, gives the shopper a sentence of its own, never Resmark’s or the client’s', () => {
    expect(shopperMessage(seats)).to.equal(
      'Those seats are no longer available. Please choose another time or fewer people.',
    );
    expect(shopperMessage(offline)).to.equal(
      'The booking service cannot be reached. Check your connection and try again.',
    );
    expect(shopperMessage(new Error('boom'))).to.equal('Something went wrong. Please try again.');
  });

  it('tells an order on a lapsed lock, and the session’s refusals, by what they are', () => {
    const lapsedOrder = new ResmarkError(
      'api',
      'The seat lock of cart 2958 expired; renew the cart before ordering',
      { status: 409, endpoint: 'POST /order' },
    );
    const held = 'Your seats are no longer held. Hold them again to go on.';
    expect(shopperMessage(lapsedOrder)).to.equal(held);
    const expired = new ResmarkError(
      'input',
      'The seats are no longer held: renew the cart first',
      {
        detail: { refused: 'placeOrder', state: 'expired' },
      },
    );
    expect(shopperMessage(expired)).to.equal(held);
    const empty = new ResmarkError('input', 'Cannot setCustomer while the session is empty', {
      detail: { refused: 'setCustomer', state: 'empty' },
    });
    expect(shopperMessage(empty)).to.equal('Your cart has changed. Please check it and try again.');
  });

  it('explains each of the proxy’s hold limits, and a cart handed over or changed (issue 10)', () => {
    const limit = (name: string, max: number) =>
      shopperMessage(
        new ResmarkError('api', 'One cart holds at most 20 seats.', {
          status: 403,
          endpoint: 'POST /cart/{id}/item',
          detail: { limit: name, max },
        }),
      );
    expect(limit('seats-per-cart', 20)).to.equal(
      'One booking can hold at most 20 seats. Please choose fewer people, or contact us for a group.',
    );
    expect(limit('items-per-cart', 10)).to.equal(
      'One booking can hold at most 10 times. Please book the others separately.',
    );
    expect(limit('carts-per-client', 5)).to.equal(
      'At most 5 bookings can be open at once here. Please finish or empty another one first.',
    );
    expect(limit('seats-per-client', 40)).to.equal(
      'At most 40 seats can be held at once here. Please finish your other booking first, or choose fewer people.',
    );
    expect(limit('hold-minutes', 60)).to.equal(
      'Seats can be held for at most 60 minutes in all. Please place your order now, or start again.',
    );
    // A 403 without a known limit stays what it was.
    expect(limit('something-new', 1)).to.equal('This cannot be done online. Please contact us.');
    const handedOver = new ResmarkError('api', 'This cart was opened from a resume link', {
      status: 401,
      detail: { token: 'handed-over' },
    });
    expect(shopperMessage(handedOver)).to.equal(
      'This cart was opened from its link in another browser. Please start again here.',
    );
    const changed = new ResmarkError('api', 'The cart changed after it was reviewed', {
      status: 412,
      endpoint: 'POST /order',
      detail: { reason: 'cart-changed' },
    });
    expect(shopperMessage(changed)).to.equal(
      'Your cart changed after you reviewed it. Please check it again before you book.',
    );
  });

  it('in Spanish, says every failure in Spanish, Resmark’s English refusals too', async () => {
    await useLocale('es');
    expect(shopperMessage(seats)).to.equal(
      'Esas plazas ya no están disponibles. Elige otro horario o menos personas.',
    );
    expect(shopperMessage(new ResmarkError('input', 'Renew the cart first', {}))).to.equal(
      'Revisa lo que has elegido e inténtalo de nuevo.',
    );
    expect(shopperMessage(offline)).to.equal(
      'No se puede contactar con el servicio de reservas. Revisa tu conexión e inténtalo de nuevo.',
    );
    const lapsedOrder = new ResmarkError('api', 'The seat lock of cart 2958 expired', {
      status: 409,
      endpoint: 'POST /order',
    });
    expect(shopperMessage(lapsedOrder)).to.equal(
      'Tus plazas ya no están retenidas. Vuelve a retenerlas para continuar.',
    );
    const seatsPerCart = new ResmarkError('api', 'One cart holds at most 20 seats.', {
      status: 403,
      detail: { limit: 'seats-per-cart', max: 20 },
    });
    expect(shopperMessage(seatsPerCart)).to.equal(
      'Una reserva puede retener como máximo 20 plazas. Elige menos personas o contáctanos para un grupo.',
    );
  });
});
