import { LitElement, css, html, nothing } from 'lit';
import { base } from '../../widget/styles.js';
import { signInText as text } from '../strings.js';
import {
  AgentSession,
  LOCAL_SANDBOX,
  SignInError,
  baseUrlOf,
  isAcceptableBaseUrl,
  problemMessage,
  problemOf,
  type SignInProblem,
  type SignInRequest,
  type SignedIn,
} from './agent-session.js';
import { requestHostPermission } from './host-permission.js';

/** The environments offered; anything else is a custom base URL. */
const PRESETS = ['production', 'sandbox', LOCAL_SANDBOX] as const;

/** Which field a problem is about: it gets the message and the focus. */
type Field = 'baseUrl' | 'username' | 'apiKey' | 'form';

/**
 * The agent's sign-in: environment (Production, Sandbox, the local sandbox or a custom base URL),
 * username, API key and "remember". Submitting authenticates at once and reads the agent's
 * agencies; a custom host's permission is asked for from the same click. Every failure has its own
 * message beside the field it is about, and nothing typed is cleared by one.
 * @tag resmark-agent-sign-in
 * @summary The reseller agent's Resmark sign-in form.
 * @fires resmark-agent-sign-in - Signed in; `detail.signedIn` has the session and its client.
 * @csspart form - The form.
 * @csspart notice - Why the agent is asked to sign in again (session ended, permission removed).
 * @csspart problem - What went wrong with the last try.
 * @csspart submit - The Sign in button.
 * @cssprop --resmark-color-danger - The problem's colour.
 */
export class ResmarkAgentSignIn extends LitElement {
  static override properties = {
    agent: { attribute: false },
    environment: {},
    username: {},
    remember: { type: Boolean },
    notice: {},
    noticeBaseUrl: { attribute: false },
    _busy: { state: true },
    _problem: { state: true },
  };

  static override styles = [
    base,
    css`
      form {
        display: grid;
        gap: 1em;
      }
      h2 {
        font-size: 1.25em;
      }
      .field {
        display: grid;
        gap: 0.25em;
      }
      label {
        font-weight: 600;
      }
      .hint {
        font-size: 0.875em;
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
      .check label {
        font-weight: 400;
      }
      [part='notice'],
      [part='problem'] {
        border-left: 4px solid var(--_danger);
        padding: 0.5em 0.75em;
        background: var(--_subtle);
      }
      [part='notice'] {
        border-color: var(--_warning);
      }
    `,
  ];

  /** Signs in and stores the session; the panel gives its own. */
  declare agent: AgentSession;
  /** The environment to start with: `production`, `sandbox` or a base URL. */
  declare environment: string;
  /** The username to start with (kept from the session that ended). */
  declare username: string;
  /** Whether "Remember API key on this device" starts ticked. */
  declare remember: boolean;
  /** Why the agent is asked again: `expired` (session ended) or `revoked` (host permission removed). */
  declare notice: SignInProblem | undefined;
  /** The base URL the notice is about. */
  declare noticeBaseUrl: string | undefined;
  declare _busy: boolean;
  declare _problem: { problem: SignInProblem; field: Field; message: string } | undefined;

  // What the agent typed, kept across every render and every failure.
  #typed: { choice?: string; baseUrl?: string; username?: string; apiKey: string } = {
    apiKey: '',
  };
  #remember: boolean | undefined;

  constructor() {
    super();
    this.agent = new AgentSession();
    this.environment = 'production';
    this.username = '';
    this.remember = false;
    this._busy = false;
  }

  /** The environment select's value: a preset, or `custom`. */
  get #choice(): string {
    if (this.#typed.choice) return this.#typed.choice;
    const environment = this.environment;
    return (PRESETS as readonly string[]).includes(environment) ? environment : 'custom';
  }

  get #baseUrlTyped(): string {
    return (
      this.#typed.baseUrl ??
      ((PRESETS as readonly string[]).includes(this.environment) ? '' : this.environment)
    );
  }

  override render() {
    const choice = this.#choice;
    const problem = this._problem;
    const invalid = (field: Field) => problem?.field === field;
    const describedBy = (field: Field, hint?: string) =>
      [hint, invalid(field) ? 'problem' : undefined].filter(Boolean).join(' ') || nothing;
    return html`<form part="form" novalidate aria-busy=${this._busy} @submit=${this.#submit}>
      <h2>${text.heading}</h2>
      <p class="muted">${text.intro}</p>
      ${
        this.notice
          ? html`<p part="notice" role="status">
              ${problemMessage(this.notice, this.noticeBaseUrl ?? '', this.username)}
            </p>`
          : nothing
      }
      <div class="field">
        <label for="environment">${text.environment}</label>
        <select id="environment" name="environment" @change=${this.#chooseEnvironment}>
          <option value="production" ?selected=${choice === 'production'}>
            ${text.production}
          </option>
          <option value="sandbox" ?selected=${choice === 'sandbox'}>${text.sandbox}</option>
          <option value=${LOCAL_SANDBOX} ?selected=${choice === LOCAL_SANDBOX}>
            ${text.localSandbox}
          </option>
          <option value="custom" ?selected=${choice === 'custom'}>${text.custom}</option>
        </select>
      </div>
      ${
        choice === 'custom'
          ? html`<div class="field">
              <label for="baseUrl">${text.baseUrl}</label>
              <input
                id="baseUrl"
                name="baseUrl"
                type="url"
                inputmode="url"
                autocomplete="url"
                spellcheck="false"
                placeholder="https://…/public/api"
                .value=${this.#baseUrlTyped}
                aria-invalid=${invalid('baseUrl')}
                aria-describedby=${describedBy('baseUrl', 'baseUrl-hint')}
                @input=${(e: InputEvent) => (this.#typed.baseUrl = this.#value(e))}
              />
              <p id="baseUrl-hint" class="hint muted">${text.baseUrlHint}</p>
            </div>`
          : nothing
      }
      <div class="field">
        <label for="username">${text.username}</label>
        <input
          id="username"
          name="username"
          autocomplete="username"
          spellcheck="false"
          autocapitalize="off"
          .value=${this.#typed.username ?? this.username}
          aria-invalid=${invalid('username')}
          aria-describedby=${describedBy('username', 'username-hint')}
          @input=${(e: InputEvent) => (this.#typed.username = this.#value(e))}
        />
        <p id="username-hint" class="hint muted">${text.usernameHint}</p>
      </div>
      <div class="field">
        <label for="apiKey">${text.apiKey}</label>
        <input
          id="apiKey"
          name="apiKey"
          type="password"
          autocomplete="current-password"
          spellcheck="false"
          .value=${this.#typed.apiKey}
          aria-invalid=${invalid('apiKey')}
          aria-describedby=${describedBy('apiKey')}
          @input=${(e: InputEvent) => (this.#typed.apiKey = this.#value(e))}
        />
      </div>
      <div class="check">
        <input
          id="remember"
          name="remember"
          type="checkbox"
          .checked=${this.#remember ?? this.remember}
          aria-describedby="remember-hint"
          @change=${(e: Event) => (this.#remember = (e.target as HTMLInputElement).checked)}
        />
        <div>
          <label for="remember">${text.remember}</label>
          <p id="remember-hint" class="hint muted">${text.rememberHint}</p>
        </div>
      </div>
      <div role="alert">
        ${
          problem
            ? html`<div part="problem" id="problem">
                <p class="error">${problem.message}</p>
                ${problem.problem === 'no-agency' ? html`<p>${text.noAgencyHelp}</p>` : nothing}
              </div>`
            : nothing
        }
      </div>
      <button part="submit" class="primary" type="submit" aria-disabled=${this._busy}>
        ${this._busy ? text.busy : text.submit}
      </button>
    </form>`;
  }

  #value(event: InputEvent): string {
    return (event.target as HTMLInputElement).value;
  }

  #chooseEnvironment(event: Event) {
    this.#typed.choice = (event.target as HTMLSelectElement).value;
    this.requestUpdate();
  }

  /** What the form holds now: the typed values over the starting ones. */
  #request(): SignInRequest {
    const choice = this.#choice;
    return {
      baseUrl: choice === 'custom' ? this.#baseUrlTyped.trim() : baseUrlOf(choice),
      username: (this.#typed.username ?? this.username).trim(),
      apiKey: this.#typed.apiKey.trim(),
      remember: this.#remember ?? this.remember,
    };
  }

  #submit(event: SubmitEvent) {
    event.preventDefault();
    // Busy: the button keeps its focus (aria-disabled) and presses do nothing.
    if (this._busy) return;
    const request = this.#request();
    if (!isAcceptableBaseUrl(request.baseUrl))
      return this.#show({ problem: 'not-resmark', field: 'baseUrl', message: text.address });
    if (!request.username)
      return this.#show({
        problem: 'credentials',
        field: 'username',
        message: text.missingUsername,
      });
    if (!request.apiKey)
      return this.#show({ problem: 'credentials', field: 'apiKey', message: text.missingKey });
    // Inside the click's user gesture, before any await: the browser asks only from there.
    const permission = requestHostPermission(request.baseUrl);
    void this.#signIn(permission, request);
  }

  async #signIn(permission: Promise<boolean>, request: SignInRequest) {
    this._busy = true;
    this._problem = undefined;
    let signedIn: SignedIn | undefined;
    try {
      if (!(await permission.catch(() => false))) throw new SignInError('permission');
      signedIn = await this.agent.signIn(request);
    } catch (error) {
      const problem = problemOf(error);
      const field: Field =
        problem === 'credentials'
          ? 'apiKey'
          : problem === 'no-agency'
            ? 'username'
            : problem === 'not-resmark' || problem === 'permission'
              ? 'baseUrl'
              : 'form';
      this._busy = false;
      return this.#show({
        problem,
        // The environment select stands for a preset's URL: a custom one has its own field.
        field: field === 'baseUrl' && this.#choice !== 'custom' ? 'form' : field,
        message: problemMessage(problem, request.baseUrl, request.username),
      });
    }
    this._busy = false;
    this.dispatchEvent(
      new CustomEvent('resmark-agent-sign-in', {
        detail: { signedIn },
        bubbles: true,
        composed: true,
      }),
    );
  }

  async #show(problem: NonNullable<ResmarkAgentSignIn['_problem']>) {
    this._problem = problem;
    await this.updateComplete;
    // The field at fault takes the focus; a problem with no field leaves it on the button.
    if (problem.field !== 'form')
      this.renderRoot.querySelector<HTMLInputElement>(`#${problem.field}`)?.focus();
  }
}

void (
  customElements.get('resmark-agent-sign-in') ??
  customElements.define('resmark-agent-sign-in', ResmarkAgentSignIn)
);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-agent-sign-in': ResmarkAgentSignIn;
  }
  interface HTMLElementEventMap {
    'resmark-agent-sign-in': CustomEvent<{ signedIn: SignedIn }>;
  }
}
