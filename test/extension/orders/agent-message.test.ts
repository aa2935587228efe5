import { expect } from '@open-wc/testing';
import { agentProblem } from '../../../extension/orders/agent-message.js';
import { ResmarkError } from '../../../shared/errors.js';

const http = (status: number) => new ResmarkError('http', `HTTP ${status}`, { status });

describe('agentProblem', () => {
  describe('for a read (find, list, reload)', () => {
    it('words each failure for an agent, with nothing to reload', () => {
      const cases: [unknown, string][] = [
        [
          new ResmarkError('network', 'x'),
          'Resmark cannot be reached. Check the connection and try again.',
        ],
        [
          new ResmarkError('timeout', 'x'),
          'Resmark is taking too long to answer. Try again in a moment.',
        ],
        [http(401), 'Your sign-in has run out. Sign in again, then try once more.'],
        [http(403), 'Your account may not see this order.'],
        [http(404), 'Resmark does not know this order.'],
        [http(429), 'Too many requests in a short time. Wait a moment and try again.'],
        [http(500), 'Resmark is not answering as expected right now. Try again in a moment.'],
        [new Error('boom'), 'Something went wrong. Please try again.'],
      ];
      for (const [error, message] of cases)
        expect(agentProblem(error, 'find')).to.deep.equal({ message, reload: false });
      expect(agentProblem(http(403), 'list').message).to.equal(
        'Your account may not list these orders.',
      );
    });

    it('gives Resmark’s own words for a refusal', () => {
      const refusal = new ResmarkError('api', 'toCreatedDate must be used with fromCreatedDate', {
        status: 400,
      });
      expect(agentProblem(refusal, 'list').message).to.equal(
        'Resmark refused: toCreatedDate must be used with fromCreatedDate',
      );
    });
  });

  describe('for a cancellation', () => {
    it('offers a reload whenever the outcome is unknown', () => {
      for (const error of [
        new ResmarkError('network', 'x'),
        new ResmarkError('timeout', 'x'),
        new ResmarkError('response', 'x', { status: 200 }),
        http(500),
        new Error('boom'),
      ]) {
        const problem = agentProblem(error, 'cancel');
        expect(problem.reload, String(error)).to.equal(true);
        expect(problem.message).to.include('it is not known whether the cancellation was made');
      }
    });

    it('says 502, 503 and 504 did nothing', () => {
      for (const status of [502, 503, 504])
        expect(agentProblem(http(status), 'cancel')).to.deep.equal({
          message: 'Resmark is not answering as expected right now. Try again in a moment.',
          reload: false,
        });
    });

    it('explains a 409 as already cancelled, with no fee added', () => {
      const problem = agentProblem(
        new ResmarkError('api', 'already cancelled', { status: 409 }),
        'cancel',
      );
      expect(problem.reload).to.equal(true);
      expect(problem.message).to.match(/already cancelled .* no fee was added/);
    });

    it('gives Resmark’s words for a 400 (a participant of a rental)', () => {
      const refusal = new ResmarkError('api', 'Item a-95101 is a rental: cancel one of its units', {
        status: 400,
      });
      expect(agentProblem(refusal, 'cancel')).to.deep.equal({
        message: 'Resmark refused: Item a-95101 is a rental: cancel one of its units',
        reload: false,
      });
    });
  });
});
