/**
 * The toolbar button opens the panel, and tells it which site the agent is on. Chrome: from
 * `action.onClicked`, which grants `activeTab` for that tab (`openPanelOnActionClick` would open
 * the panel too but grant nothing, so the panel could not read the site's URL). Firefox: the button
 * toggles the sidebar. Both calls must run inside the click's user gesture: no await before them.
 */
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { activeTab, followTabs } from '../utils/storage.js';

/** Firefox's sidebar, which `@wxt-dev/browser` (Chrome's types) does not describe. */
interface FirefoxSidebar {
  toggle(): Promise<void>;
}

/** Keeps the tab's URL for the panel; pages without one (a new tab) say nothing. */
function remember(tab: Browser.tabs.Tab | undefined): void {
  if (tab?.url && /^https?:/.test(tab.url))
    void activeTab.setValue({ url: tab.url, at: Date.now() });
}

export default defineBackground(() => {
  if (import.meta.env.FIREFOX) {
    const sidebar = (browser as unknown as { sidebarAction: FirefoxSidebar }).sidebarAction;
    // MV2 has browserAction, MV3 action: take whichever exists.
    const button =
      (browser as unknown as { browserAction?: typeof browser.action }).browserAction ??
      browser.action;
    button.onClicked.addListener((tab) => {
      void sidebar.toggle();
      remember(tab);
    });
  } else {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false });
    browser.action.onClicked.addListener((tab) => {
      void browser.sidePanel.open({ windowId: tab.windowId });
      remember(tab);
    });
  }

  // Following the agent from tab to tab: only once they opted in, which also granted `tabs`
  // (without it these events carry no URL). Listeners are added at the top level, as a service
  // worker woken by the event needs them there.
  const follow = async (tabId: number) => {
    if (!(await followTabs.getValue())) return;
    remember(await browser.tabs.get(tabId).catch(() => undefined));
  };
  browser.tabs.onActivated.addListener(({ tabId }) => void follow(tabId));
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url && tab.active) void follow(tabId);
  });
});
