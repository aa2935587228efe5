import { fakeBrowser, resetFakeBrowser } from '../fake-browser.js';
import { expect } from '@open-wc/testing';
import {
  AgentSession,
  SignInError,
  baseUrlOf,
  environmentOf,
  isAcceptableBaseUrl,
  problemOf,
} from '../../../extension/auth/agent-session.js';
import {
  hasHostPermission,
  originPattern,
  requestHostPermission,
  watchHostPermission,
} from '../../../extension/auth/host-permission.js';
import { ResmarkError } from '../../../shared/errors.js';
import { TOKEN_LIFETIME_MS } from '../../../shared/limits.js';
import {
  agentSession,
  favourites,
  rememberedKey,
  suppliers,
} from '../../../extension/utils/storage.js';
import { AGENT, STAFF, fakeResmark, type FakeResmark } from '../fake-resmark.js';

const PRODUCTION = 'https://app.resmarksystems.com/public/api';
const LOCAL = 'http://127.0.0.1:4010/public/api';

describe('agent session', () => {
  let resmark: FakeResmark;
  let clock: { now: number };
  let agent: AgentSession;
  let ended: number;

  beforeEach(async () => {
    await resetFakeBrowser();
    resmark = fakeResmark();
    clock = { now: 1_000_000 };
    ended = 0;
    agent = new AgentSession({
      fetch: resmark.fetch,
      now: () => clock.now,
      onExpired: () => ended++,
    });
  });

  const signIn = (remember = false) => agent.signIn({ baseUrl: PRODUCTION, ...AGENT, remember });

  describe('environments', () => {
    it('names Resmark’s two base URLs and keeps any other as typed, without a trailing /', () => {
      expect(baseUrlOf('sandbox')).to.equal('https://sandbox.resmarksystems.com/public/api');
      expect(baseUrlOf(' http://127.0.0.1:4010/public/api/ ')).to.equal(LOCAL);
      expect(environmentOf(PRODUCTION)).to.equal('production');
      expect(environmentOf(LOCAL)).to.equal(LOCAL);
    });

    it('takes https, or http on this computer only', () => {
      expect(isAcceptableBaseUrl('https://staging.example.com/public/api')).to.equal(true);
      expect(isAcceptableBaseUrl(LOCAL)).to.equal(true);
      expect(isAcceptableBaseUrl('http://localhost:4010/public/api')).to.equal(true);
      expect(isAcceptableBaseUrl('http://example.com/public/api')).to.equal(false);
      expect(isAcceptableBaseUrl('not a url')).to.equal(false);
    });
  });

  describe('problems', () => {
    it('tells each failure apart', () => {
      const at = (status: number, endpoint = 'GET /product') =>
        new ResmarkError('api', 'x', { status, endpoint });
      expect(problemOf(at(401, 'POST /authenticate'))).to.equal('credentials');
      expect(problemOf(at(401))).to.equal('expired');
      expect(problemOf(at(503))).to.equal('unavailable');
      expect(problemOf(at(429))).to.equal('unavailable');
      expect(problemOf(at(404))).to.equal('not-resmark');
      expect(problemOf(new ResmarkError('network', 'x'))).to.equal('unreachable');
      expect(problemOf(new ResmarkError('timeout', 'x'))).to.equal('unreachable');
      expect(problemOf(new ResmarkError('response', 'x', { status: 200 }))).to.equal('not-resmark');
      expect(problemOf(new SignInError('no-agency'))).to.equal('no-agency');
      expect(problemOf(new Error('?'))).to.equal('unexpected');
    });
  });

  describe('signing in', () => {
    it('keeps the token and its end in session storage', async () => {
      const { session } = await signIn();
      expect(session.token).to.equal('token-1');
      expect(session.expiresAt).to.equal(clock.now + TOKEN_LIFETIME_MS);
      expect(await agentSession.getValue()).to.deep.equal(session);
      expect(fakeBrowser.storage.local.data.has('remembered-key')).to.equal(false);
    });

    it('refuses a user of no agency, storing nothing', async () => {
      const error = await agent
        .signIn({ baseUrl: PRODUCTION, ...STAFF, remember: true })
        .catch((e: unknown) => e);
      expect(problemOf(error)).to.equal('no-agency');
      expect(await agentSession.getValue()).to.equal(null);
      expect(await rememberedKey.getValue()).to.equal(null);
    });
  });

  describe('restoring', () => {
    it('is signed out when nothing was stored', async () => {
      expect(await agent.restore()).to.deep.equal({});
    });

    it('reuses the stored token while it lasts, without authenticating', async () => {
      await signIn();
      resmark.seen.length = 0;
      const restored = await new AgentSession({
        fetch: resmark.fetch,
        now: () => clock.now,
      }).restore();
      await restored.signedIn!.client.product.list();
      expect(resmark.seen).to.deep.equal(['GET /product']);
    });

    it('asks for the key again, keeping the username, once the token runs out', async () => {
      await signIn();
      clock.now += TOKEN_LIFETIME_MS;
      expect(await agent.restore()).to.deep.equal({
        username: AGENT.username,
        baseUrl: PRODUCTION,
        problem: 'expired',
      });
    });

    it('renews with a remembered key, and stores the new token', async () => {
      await signIn(true);
      clock.now += TOKEN_LIFETIME_MS;
      const restored = await agent.restore();
      await restored.signedIn!.client.product.list();
      expect((await agentSession.getValue())!.token).to.equal('token-2');
      expect(ended).to.equal(0);
    });

    it('signs in again with a remembered key after a browser restart (session storage gone)', async () => {
      await signIn(true);
      await fakeBrowser.storage.session.clear();
      const restored = await agent.restore();
      expect(restored.signedIn?.session.agencies[0]!.name).to.equal('Sunset Travel');
    });

    it('says why when that sign-in fails, with the username kept', async () => {
      await signIn(true);
      await fakeBrowser.storage.session.clear();
      resmark.unreachable = true;
      expect(await agent.restore()).to.deep.equal({
        username: AGENT.username,
        baseUrl: PRODUCTION,
        problem: 'unreachable',
      });
    });
  });

  describe('when the token runs out during use', () => {
    it('without a key: the next call fails as expired and the panel hears it once', async () => {
      const { client } = await signIn();
      clock.now += TOKEN_LIFETIME_MS;
      const error = await client.product.list().catch((e: unknown) => e);
      expect(problemOf(error)).to.equal('expired');
      await client.product.list().catch(() => undefined);
      expect(ended).to.equal(1);
      expect(resmark.seen.filter((r) => r === 'GET /product')).to.deep.equal([]);
    });

    it('without a key: a token Resmark refuses ends the session too', async () => {
      const { client } = await signIn();
      resmark.valid.clear();
      await client.product.list().catch(() => undefined);
      expect(ended).to.equal(1);
    });
  });

  describe('signing out', () => {
    it('forgets everything stored, here and in the session', async () => {
      await signIn(true);
      await suppliers.setValue([{ entityId: 'e', name: 'E', patterns: [] }]);
      await favourites.setValue(['p1']);
      await agent.signOut();
      expect(fakeBrowser.storage.local.data.size).to.equal(0);
      expect(fakeBrowser.storage.session.data.size).to.equal(0);
    });
  });
});

describe('host permission', () => {
  beforeEach(resetFakeBrowser);

  it('needs none for Resmark’s hosts, granted at install', async () => {
    expect(await requestHostPermission(PRODUCTION)).to.equal(true);
    expect(await hasHostPermission(PRODUCTION)).to.equal(true);
    expect(fakeBrowser.permissions.requests).to.deep.equal([]);
  });

  it('asks for a custom host without its port, which match patterns ignore', async () => {
    expect(originPattern(LOCAL)).to.equal('http://127.0.0.1/*');
    expect(await hasHostPermission(LOCAL)).to.equal(false);
    expect(await requestHostPermission(LOCAL)).to.equal(true);
    expect(await hasHostPermission(LOCAL)).to.equal(true);
  });

  it('notices its removal', async () => {
    await requestHostPermission(LOCAL);
    let lost = 0;
    const stop = watchHostPermission(LOCAL, () => lost++);
    await fakeBrowser.permissions.remove({ origins: ['http://127.0.0.1/*'] });
    await new Promise((r) => setTimeout(r));
    expect(lost).to.equal(1);
    stop();
    expect(fakeBrowser.permissions.onRemoved.listeners.size).to.equal(0);
  });
});
