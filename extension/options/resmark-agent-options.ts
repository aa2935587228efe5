import { LitElement, css, html, nothing } from 'lit';
import { browser, type Browser } from 'wxt/browser';
import { base } from '../../widget/styles.js';
import {
  AgentSession,
  LOCAL_SANDBOX,
  baseUrlOf,
  environmentOf,
  isAcceptableBaseUrl,
} from '../auth/agent-session.js';
import { optionsText as text, signInText } from '../strings.js';
import { followTabs, rememberedKey, settings, type Settings } from '../utils/storage.js';

const PRESETS = ['production', 'sandbox', LOCAL_SANDBOX];
const TABS: Browser.permissions.Permissions = { permissions: ['tabs'] };

/**
 * The extension's settings: the environment the sign-in starts with, whether "remember API key"
 * starts ticked (unticking it forgets a remembered key), following the agent from tab to tab (asks
 * for `tabs` from the click), and signing out, which forgets everything the extension stored.
 * @tag resmark-agent-options
 * @summary The reseller extension's settings page.
 * @csspart status - What the last change did.
 * @csspart sign-out - The sign-out button.
 */
export class ResmarkAgentOptions extends LitElement {
  static override properties = {
    agent: { attribute: false },
    _settings: { state: true },
    _follow: { state: true },
    _custom: { state: true },
    _status: { state: true },
  };

  static override styles = [
    base,
    css`
      :host {
        max-width: 40em;
        margin: 0 auto;
        padding: 1em;
      }
      form {
        display: grid;
        gap: 1.25em;
      }
      h1 {
        font-size: 1.4em;
        margin: 0;
      }
      .field {
        display: grid;
        gap: 0.25em;
      }
      .field > label {
        font-weight: 600;
      }
      .check {
        display: flex;
        gap: 0.5em;
        align-items: start;
      }
      .check input {
        width: auto;
        min-height: 1.25em;
        margin-top: 0.2em;
      }
      .hint {
        font-size: 0.875em;
      }
    `,
  ];

  /** Signs out; a test gives its own. */
  declare agent: AgentSession;
  declare _settings: Settings;
  declare _follow: boolean;
  /** The custom base URL field is shown. */
  declare _custom: boolean;
  declare _status: { text: string; error: boolean } | undefined;

  #stops: (() => void)[] = [];

  constructor() {
    super();
    this.agent = new AgentSession();
    this._settings = settings.fallback;
    this._follow = false;
    this._custom = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const stop of this.#stops.splice(0)) stop();
  }

  async #load() {
    const [value, follow] = await Promise.all([settings.getValue(), followTabs.getValue()]);
    this._settings = value;
    this._custom = !PRESETS.includes(value.environment);
    // Following needs the permission too: the agent may have taken it back since.
    this._follow = follow && (await browser.permissions.contains(TABS));
    this.#stops.push(
      settings.watch((next) => (this._settings = next)),
      followTabs.watch((next) => (this._follow = next)),
    );
  }

  override render() {
    const { environment, rememberKey } = this._settings;
    const choice = this._custom ? 'custom' : environment;
    return html`<form novalidate @submit=${(e: Event) => e.preventDefault()}>
      <h1>${text.heading}</h1>
      <div class="field">
        <label for="environment">${text.environment}</label>
        <select id="environment" @change=${this.#chooseEnvironment}>
          ${[
            ['production', signInText.production],
            ['sandbox', signInText.sandbox],
            [LOCAL_SANDBOX, signInText.localSandbox],
            ['custom', signInText.custom],
          ].map(
            ([value, label]) =>
              html`<option value=${value!} ?selected=${choice === value}>${label}</option>`,
          )}
        </select>
      </div>
      ${
        this._custom
          ? html`<div class="field">
              <label for="baseUrl">${signInText.baseUrl}</label>
              <input
                id="baseUrl"
                type="url"
                spellcheck="false"
                .value=${PRESETS.includes(environment) ? '' : environment}
                aria-describedby="baseUrl-hint"
                @change=${this.#setBaseUrl}
              />
              <p id="baseUrl-hint" class="hint muted">${signInText.baseUrlHint}</p>
            </div>`
          : nothing
      }
      <div class="check">
        <input id="remember" type="checkbox" .checked=${rememberKey} @change=${this.#setRemember} />
        <label for="remember">${text.rememberKey}</label>
      </div>
      <div class="check">
        <input
          id="follow"
          type="checkbox"
          .checked=${this._follow}
          aria-describedby="follow-hint"
          @change=${this.#setFollow}
        />
        <div>
          <label for="follow">${text.follow}</label>
          <p id="follow-hint" class="hint muted">${text.followHint}</p>
        </div>
      </div>
      <div class="field">
        <button
          type="button"
          part="sign-out"
          aria-describedby="sign-out-hint"
          @click=${this.#signOut}
        >
          ${text.signOut}
        </button>
        <p id="sign-out-hint" class="hint muted">${text.signOutHint}</p>
      </div>
      <p part="status" role="status" class=${this._status?.error ? 'error' : ''}>
        ${this._status?.text ?? ''}
      </p>
    </form>`;
  }

  async #save(change: Partial<Settings>) {
    const next = { ...this._settings, ...change };
    this._settings = next;
    await settings.setValue(next);
    this._status = { text: text.saved, error: false };
  }

  #chooseEnvironment(event: Event) {
    const value = (event.target as HTMLSelectElement).value;
    this._custom = value === 'custom';
    if (!this._custom) void this.#save({ environment: value });
  }

  #setBaseUrl(event: Event) {
    const url = baseUrlOf((event.target as HTMLInputElement).value);
    if (!isAcceptableBaseUrl(url)) {
      this._status = { text: signInText.address, error: true };
      return;
    }
    void this.#save({ environment: environmentOf(url) });
  }

  async #setRemember(event: Event) {
    const rememberKey = (event.target as HTMLInputElement).checked;
    // Unticked: a key kept until now goes at once, not at the next sign-in.
    if (!rememberKey) await rememberedKey.setValue(null);
    await this.#save({ rememberKey });
  }

  #setFollow(event: Event) {
    const box = event.target as HTMLInputElement;
    if (!box.checked) {
      this._follow = false;
      void followTabs.setValue(false);
      void browser.permissions.remove(TABS);
      this._status = { text: text.saved, error: false };
      return;
    }
    // Asked from the click itself (no await before it): the browser refuses it elsewhere.
    const asked = browser.permissions.request(TABS);
    void asked.then(
      async (granted) => {
        this._follow = granted;
        box.checked = granted;
        await followTabs.setValue(granted);
        this._status = granted
          ? { text: text.saved, error: false }
          : { text: text.followRefused, error: true };
      },
      () => {
        box.checked = false;
        this._status = { text: text.followRefused, error: true };
      },
    );
  }

  async #signOut() {
    await this.agent.signOut();
    this._settings = settings.fallback;
    this._custom = false;
    this._follow = false;
    this._status = { text: text.signedOut, error: false };
  }
}

void (
  customElements.get('resmark-agent-options') ??
  customElements.define('resmark-agent-options', ResmarkAgentOptions)
);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-agent-options': ResmarkAgentOptions;
  }
}
