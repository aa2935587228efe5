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

  it('in English, keeps Resmark’s own precise words and hides the technical ones', () => {
    expect(shopperMessage(seats)).to.equal(seats.message);
    expect(shopperMessage(offline)).to.equal(
      'The booking service cannot be reached. Check your connection and try again.',
    );
    expect(shopperMessage(new Error('boom'))).to.equal('Something went wrong. Please try again.');
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
  });
});
