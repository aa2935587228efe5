/**
 * The files a confirmation offers (issue 11, item 4): an iCalendar file with one event per dated
 * item, and a page to print. Both are built from what the shopper sees on the confirmation, so
 * they say the same (pickups named, times in the shopper's language), and kept as `blob:` URLs, so
 * nothing is sent anywhere to make them.
 */
import type { Order } from '../../shared/order.js';

// RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT values.
const icsText = (value: string) =>
  value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

// "20261125T090000Z": the UTC form, so every calendar places it at the same instant.
const icsTime = (iso: string) => new Date(iso).toISOString().replace(/[-:]|\.\d{3}/g, '');

/**
 * An iCalendar (RFC 5545) file of the order's dated items; `undefined` when none is dated (a day
 * pass). `lines[i]` is what the confirmation shows for item `i` (people, pickup), as plain lines.
 */
export function calendarFile(
  order: Order,
  lines: readonly string[][],
  now = Date.now(),
): string | undefined {
  const events = order.items.flatMap((item, i) => {
    const { startTime, endTime } = item.date;
    if (!startTime) return [];
    const description = [`#${order.confirmation}`, ...(lines[i] ?? [])].join('\n');
    return [
      'BEGIN:VEVENT',
      `UID:${order.id}-${i}@resmark-checkout`,
      `DTSTAMP:${icsTime(new Date(now).toISOString())}`,
      `DTSTART:${icsTime(startTime)}`,
      ...(endTime ? [`DTEND:${icsTime(endTime)}`] : []),
      `SUMMARY:${icsText(item.productName)}`,
      `DESCRIPTION:${icsText(description)}`,
      'END:VEVENT',
    ];
  });
  if (!events.length) return undefined;
  // CRLF line ends, as the RFC requires (Outlook refuses LF alone).
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//resmark-checkout//booking//EN',
    'METHOD:PUBLISH',
    ...events,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/**
 * A page to print: the confirmation's own markup (`body`, already escaped by the DOM that
 * serialised it) with plain print styles, in the shopper's language.
 */
export function printPage(title: string, body: string, lang: string): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="${escape(lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em;color:#111}
ul{list-style:none;padding:0}li{border-bottom:1px solid #999;padding:.5em 0}p{margin:.25em 0}
.row{display:flex;justify-content:space-between;gap:1em}dl,dd{margin:0}
dl .row:last-child{font-weight:700}[part=number]{font-size:1.5em;font-weight:700}</style>
</head><body>${body}</body></html>`;
}
