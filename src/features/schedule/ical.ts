import type { ScheduleEntryRow } from '../../kernel/db/tables/schedule.js';
import { weekOfDate } from './week.js';

/**
 * The schedule as an iCalendar feed (RFC 5545): CRLF line ends, lines folded at 75 octets without
 * cutting a UTF-8 character, TEXT values escaped, local times with TZID and the matching VTIMEZONE
 * (Vietnam keeps UTC+7 all year), a stable UID per entry and DTSTAMP from its last change.
 */
export const TZID = 'Asia/Ho_Chi_Minh';

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Splits a content line into lines of at most 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (octets + n > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n');
}

/** "2026-11-23" + "07:30" → "20261123T073000" */
function localStamp(day: string, time: string): string {
  return `${day.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

/** ISO UTC → "20261123T003000Z" */
export function utcStamp(iso: string): string {
  return `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;
}

export interface CalendarInfo {
  /** Calendar name, e.g. "Lịch công tác - Cổng thông tin điện tử thị xã Hồng Lĩnh". */
  name: string;
  /** Stable domain part of every UID (the site's code). */
  uidDomain: string;
  /** Absolute URL of the public schedule page. */
  pageUrl: string;
}

export function renderCalendar(info: CalendarInfo, entries: ScheduleEntryRow[]): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cong//Lich cong tac//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(info.name)}`,
    `X-WR-TIMEZONE:${TZID}`,
    'BEGIN:VTIMEZONE',
    `TZID:${TZID}`,
    'BEGIN:STANDARD',
    'DTSTART:19750613T000000',
    'TZOFFSETFROM:+0700',
    'TZOFFSETTO:+0700',
    'TZNAME:ICT',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
  for (const e of entries) {
    const description = [
      e.leader && `Chủ trì: ${e.leader}`,
      e.participants && `Thành phần: ${e.participants}`,
      e.note && `Ghi chú: ${e.note}`,
    ].filter(Boolean).join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:lich-cong-tac-${e.id}@${info.uidDomain}`,
      `DTSTAMP:${utcStamp(e.updated_at)}`,
      `LAST-MODIFIED:${utcStamp(e.updated_at)}`,
      `DTSTART;TZID=${TZID}:${localStamp(e.day, e.start_time)}`,
      ...(e.end_time ? [`DTEND;TZID=${TZID}:${localStamp(e.day, e.end_time)}`] : []),
      `SUMMARY:${escapeText(e.content)}`,
      ...(e.place ? [`LOCATION:${escapeText(e.place)}`] : []),
      ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
      `URL:${info.pageUrl}?tuan=${weekOfDate(e.day).key}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
