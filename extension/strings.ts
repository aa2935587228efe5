/**
 * The words of the extension's own screens (sign-in, the panel's shell, the settings), in one
 * place: the panel is English only for now, and a translation starts here. The widget's booking
 * elements bring their own (`@lit/localize`).
 */

/** Sign-in: the form, and one message per way it can fail. */
export const signInText = {
  heading: 'Sign in to Resmark',
  intro: 'Book your suppliers’ products for your customers with your own Resmark account.',
  environment: 'Environment',
  production: 'Production',
  sandbox: 'Sandbox (Resmark’s test copy)',
  localSandbox: 'Local sandbox (127.0.0.1:4010)',
  custom: 'Custom base URL',
  baseUrl: 'Base URL',
  baseUrlHint: 'Ends in /public/api. https, or http on this computer (127.0.0.1, localhost).',
  username: 'Username',
  usernameHint: 'Your e-mail, or your AlternativeId.',
  apiKey: 'API key',
  remember: 'Remember API key on this device',
  rememberHint:
    'Without it you enter the key again when your session ends (after 24 hours or a browser restart).',
  submit: 'Sign in',
  busy: 'Signing in…',
  missingUsername: 'Enter your username: your e-mail or your AlternativeId.',
  missingKey: 'Enter your API key.',
  address:
    'Enter the base URL of a Resmark API: https://…/public/api, or http:// on 127.0.0.1 or localhost.',
  credentials:
    'Resmark did not accept this username and API key. Check both: Resmark answers the same for an unknown user and a wrong key.',
  unreachable: (host: string) =>
    `Could not reach ${host}. Check the address and your connection, then try again.`,
  notResmark: (host: string) =>
    `${host} did not answer like the Resmark API. Check the base URL: it ends in /public/api.`,
  unavailable: (host: string) => `${host} is busy or having trouble. Try again in a moment.`,
  permission: (host: string) =>
    `The extension needs your permission to reach ${host}. Sign in again and allow it when the browser asks.`,
  revoked: (host: string) =>
    `The permission to reach ${host} was removed in the browser’s extension settings. Sign in again to grant it, or choose another environment.`,
  expired: 'Your Resmark session has ended. Enter your API key to continue.',
  noAgency: (username: string) =>
    `${username} is not an agent of any reseller agency, and this extension is a reseller tool: it books other operators’ products through your agency.`,
  noAgencyHelp:
    'Ask your agency’s Resmark administrator to add you as an agent, then sign in again. If you sell your own tours, use the Resmark app or the checkout widget instead.',
  unexpected: 'Something went wrong while signing in. Try again.',
};

/** The panel's shell: header, tabs, supplier choice. */
export const panelText = {
  loading: 'Loading…',
  signedInAs: (username: string) => `Signed in as ${username}`,
  signOut: 'Sign out',
  customerFacing: 'Customer-facing mode',
  customerFacingHint: 'Hides agent-only data (internal comment, reference, payment memo).',
  views: 'Views',
  book: 'Book',
  orders: 'Orders',
  chooseSupplier: 'Choose a supplier',
  loadingSuppliers: 'Loading your suppliers…',
  suppliersFailed: 'Could not load the suppliers you can book.',
  retry: 'Try again',
  manageSuppliers: 'Manage suppliers',
  doneManaging: 'Done',
  change: 'Change supplier',
  booking: (name: string) => `Booking for ${name}`,
  openCarts: 'Open carts',
  viewFailed: 'This part of the panel could not be loaded.',
};

/** The settings page. */
export const optionsText = {
  heading: 'Resmark for resellers: settings',
  environment: 'Environment to sign in to',
  rememberKey: 'Remember API key on this device (ticked by default on the sign-in form)',
  follow: 'Follow me from tab to tab',
  followHint:
    'Offer the supplier of whichever tab you are on, not only the one you opened the panel from. Your browser asks to let the extension read your tabs.',
  followRefused:
    'Following tabs needs the browser’s permission to read your tabs; it was not given.',
  signOut: 'Sign out and forget everything',
  signOutHint:
    'Forgets your session, API key, suppliers, favourites and open carts on this device.',
  signedOut: 'Signed out. Nothing is kept.',
  saved: 'Saved.',
};
