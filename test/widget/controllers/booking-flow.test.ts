import { expect } from '@open-wc/testing';
import { waitUntil } from '../../wait-until.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Cart } from '../../../shared/cart.js';
import { ResmarkError } from '../../../shared/errors.js';
import type { Order } from '../../../shared/order.js';
import { BookingFlow, type FlowClient } from '../../../widget/controllers/booking-flow.js';
import { cart, order } from '../fixtures.js';

/** The least a controller needs of its host. */
function host(): ReactiveControllerHost {
  return {
    addController: (_: ReactiveController) => undefined,
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  };
}

/** A client whose cart reads give `reads` in turn (the last one again) and whose orders `place`. */
function client(options: {
  reads: Cart[];
  place: () => Promise<Order>;
  find: () => Promise<Order | undefined>;
}) {
  const calls: string[] = [];
  let read = 0;
  const fake = {
    product: {},
    cart: {
      get: async () => {
        calls.push('GET /cart/{id}');
        return options.reads[Math.min(read++, options.reads.length - 1)]!;
      },
      renew: async () => {
        calls.push('GET /cart/{id}/renew');
        return { expDateTime: Date.now() + 30 * 60_000, errors: [] };
      },
    },
    order: {
      create: () => {
        calls.push('POST /order');
        return options.place();
      },
      findByReferenceId: () => {
        calls.push('GET /order?referenceId');
        return options.find();
      },
    },
  };
  return { client: fake as unknown as FlowClient, calls };
}

const ready = { ...cart, expDateTime: Date.now() + 20 * 60_000 };
const saved = { version: 1, state: 'customer-set', cartId: cart.id } as const;

describe('BookingFlow and the checkout proxy (issue 10)', () => {
  describe('when the cart changed after the review (412)', () => {
    it('reads the cart again and shows the review again with it, saying why', async () => {
      const changed: Cart = {
        ...ready,
        items: [{ ...ready.items[0]!, participants: { Adult: 5 } }],
        total: 175,
      };
      const { client: api } = client({
        reads: [ready, changed],
        place: () =>
          Promise.reject(
            new ResmarkError('api', 'The cart changed after it was reviewed', {
              status: 412,
              endpoint: 'POST /order',
              detail: { reason: 'cart-changed' },
            }),
          ),
        find: async () => undefined,
      });
      const steps: string[] = [];
      const flow = new BookingFlow(host(), { step: (step) => steps.push(step) });
      await flow.open(api, { saved });
      flow.go('review');
      expect(await flow.place()).to.equal(undefined);
      expect(flow.step).to.equal('review');
      expect(flow.session!.cart!.total, 'the review shows the cart as it is now').to.equal(175);
      expect(flow.error).to.equal(
        'Your cart changed after you reviewed it. Please check it again before you book.',
      );
      expect(steps.at(-1)).to.equal('review');
    });
  });

  describe('when the answer to the order was lost', () => {
    const realSetTimeout = window.setTimeout;
    beforeEach(() => {
      // The flow's own looks (5, 15 and 30 s after) come at once; every other timer is as it was.
      window.setTimeout = ((fn: () => void, ms?: number, ...rest: unknown[]) =>
        realSetTimeout(
          fn,
          [5_000, 15_000, 30_000].includes(ms ?? 0) ? 1 : ms,
          ...rest,
        )) as typeof setTimeout;
    });
    afterEach(() => (window.setTimeout = realSetTimeout));

    it('looks again by itself and shows the order once it is found', async () => {
      let looks = 0;
      let orders = 0;
      const { client: api } = client({
        reads: [ready],
        place: () =>
          ++orders === 1
            ? Promise.reject(new ResmarkError('timeout', 'no answer', { endpoint: 'POST /order' }))
            : Promise.reject(new ResmarkError('api', 'Cart not found', { status: 404 })),
        // The session's own look right after finds nothing yet; the order is made by the third.
        find: async () => (++looks >= 3 ? order : undefined),
      });
      const completed: Order[] = [];
      const flow = new BookingFlow(host(), { complete: (o) => completed.push(o) });
      await flow.open(api, { saved });
      flow.go('review');
      await flow.place();
      expect(flow.error).to.match(/checking/);
      await waitUntil(() => completed.length === 1, 'the order is found without a press');
      expect(flow.step).to.equal('done');
      expect(completed[0]!.id).to.equal(order.id);
      expect(orders, 'never a second order: the retry settles on the found one').to.equal(2);
    });

    it('says the order was not made when every look finds nothing', async () => {
      const { client: api, calls } = client({
        reads: [ready],
        place: () =>
          Promise.reject(new ResmarkError('network', 'offline', { endpoint: 'POST /order' })),
        find: async () => undefined,
      });
      const flow = new BookingFlow(host());
      await flow.open(api, { saved });
      flow.go('review');
      await flow.place();
      await waitUntil(() => flow.error === 'Your order was not made. Please try again.');
      // The session's own look, then the flow's three.
      expect(calls.filter((c) => c === 'GET /order?referenceId')).to.have.length(4);
      expect(calls.filter((c) => c === 'POST /order')).to.have.length(1);
    });
  });
});
