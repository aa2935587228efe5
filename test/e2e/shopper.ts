/**
 * What a shopper does on the demo page, with the pointer, for the runs whose subject comes after
 * the booking form (the hold, the order): the keyboard run spells every step out itself.
 */
import type { Locator, Page } from 'playwright-core';

/** The multi-tier tour with pickups (README, "Seed"). */
export const TOUR = {
  number: 94175,
  name: 'Half-Day Canyon Kayak Tour',
  /** "Page hotels" → "Morning pickup" 08:15 → the first hotel. */
  zone: '5f1d00000000000000000001',
  pickup: '5f1e00000000000000000001',
  hotel: '5f1f00000000000000000001',
};

/** The customer every run books for; Canyon Kayak requires the phone and a wetsuit size. */
export const CUSTOMER = {
  firstName: 'Ana',
  lastName: 'Lopez',
  email: 'ana@example.com',
  phone: '(555) 123-4567',
  wetsuit: 'M',
};

const DAY_MS = 86_400_000;

/**
 * A day whose 09:00 slot of the tour has all 16 seats: two days or more after the sandbox's seed
 * day (so the calendar has to move) and not a day of the month divisible by 5 (whose first slot
 * the seed sells out).
 */
export function bookableDay(sandboxNow: number): number {
  let day = sandboxNow + 2 * DAY_MS;
  while (new Date(day).getUTCDate() % 5 === 0) day += DAY_MS;
  return day;
}

/** `YYYYMMDD` of an epoch-ms day (UTC), as in an `activityId`. */
export const compactDate = (ms: number) =>
  new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');

/** The calendar's accessible name for a day: "Thursday, November 26" (en-US, UTC). */
export function dayName(ms: number): string {
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(ms);
}

/** The calendar's name for a day's month: "November 2026" (en-US, UTC). */
export function monthName(ms: number): string {
  return new Intl.DateTimeFormat('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(ms);
}

/** The calendar's button for `ms`, by the name a screen reader reads (open days have no suffix). */
export function dayButton(widget: Locator, ms: number): Locator {
  return widget.getByRole('button', { name: dayName(ms), exact: true });
}

/** The inline widget of the demo page. */
export const inlineWidget = (page: Page) => page.locator('#book-inline');

/**
 * Books the tour for 2 adults and a child with a hotel pickup on `day` at 09:00 and adds it to
 * the cart; ends on the cart step.
 */
export async function addTourToCart(widget: Locator, day: number): Promise<void> {
  await widget.getByRole('button', { name: `Book ${TOUR.name}` }).click();
  await chooseTourSeats(widget, day);
  await widget.getByRole('heading', { name: 'Your cart' }).waitFor();
}

/**
 * In the tour's booker (the widget's, or the agents' panel's, which composes the same one): 2
 * adults and a child with a hotel pickup on `day` at 09:00, then "Add to cart".
 */
export async function chooseTourSeats(widget: Locator, day: number): Promise<void> {
  // The calendar opens on the first month with seats, once they are known; the day may be later.
  await widget.getByRole('grid').getByRole('button', { disabled: false }).first().waitFor();
  while ((await widget.getByRole('grid', { name: monthName(day) }).count()) === 0)
    await widget.getByRole('button', { name: 'Next month' }).click();
  // Its name is only the date once its month's seats are known.
  await dayButton(widget, day).click();
  await widget.getByRole('button', { name: /^9:00/ }).click();
  await widget.getByRole('button', { name: 'Add one Adult' }).click();
  await widget.getByRole('button', { name: 'Add one Adult' }).click();
  await widget.getByRole('button', { name: 'Add one Child' }).click();
  await widget.getByLabel('Pickup area').selectOption(TOUR.zone);
  await widget.getByLabel('Pickup time').selectOption(TOUR.pickup);
  await widget.getByLabel('Pickup place').selectOption(TOUR.hotel);
  await widget.getByRole('button', { name: 'Add to cart' }).click();
}

/** From the cart step: Continue, the customer's details, Continue; ends on the review step. */
export async function checkOutToReview(widget: Locator): Promise<void> {
  await widget.getByRole('button', { name: 'Continue' }).click();
  await widget.getByRole('heading', { name: 'Your details' }).waitFor();
  await fillCustomer(widget);
  await widget.getByRole('button', { name: 'Continue' }).click();
  await widget.getByRole('heading', { name: 'Review and book' }).waitFor();
}

/** Types {@link CUSTOMER} into the customer form (the widget's, composed by the panel too). */
export async function fillCustomer(widget: Locator): Promise<void> {
  await widget.getByLabel('First name').fill(CUSTOMER.firstName);
  await widget.getByLabel('Last name').fill(CUSTOMER.lastName);
  await widget.getByLabel('Email').fill(CUSTOMER.email);
  await widget.getByRole('textbox', { name: 'Phone', exact: true }).fill(CUSTOMER.phone);
  await widget.getByLabel('Wetsuit Size').selectOption(CUSTOMER.wetsuit);
}

/** The confirmation number the confirmation step shows, once it shows. */
export async function shownConfirmation(widget: Locator): Promise<number> {
  const line = widget.getByText(/^\s*Confirmation number/);
  await line.waitFor();
  const number = /\d+/.exec((await line.textContent()) ?? '')?.[0];
  if (!number) throw new Error(`No number in "${await line.textContent()}"`);
  return Number(number);
}
