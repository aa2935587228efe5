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
  });
});
