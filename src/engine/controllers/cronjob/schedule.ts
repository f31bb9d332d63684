/**
 * Cron schedules as robfig/cron v3's ParseStandard reads them (the parser kube-apiserver validates
 * with and the CronJob controller schedules with): five fields — minute, hour, day of month, month,
 * day of week — each a list of ranges with optional steps, names for months and weekdays, `*` and
 * `?`, and the @yearly … @hourly and @every descriptors. Errors use the library's words.
 */
export interface CronSchedule {
  /** next is the first instant strictly after `after` (ms) that matches, in the schedule's time zone. */
  next(after: number): number;
}

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 },
};
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

/** A field is the set of values it allows; `star` marks `*`/`?` (which changes how day of month and week combine). */
interface Field {
  values: Set<number>;
  star: boolean;
}

export class CronSyntaxError extends Error {}

function parseInt10(expr: string): number {
  if (!/^[+-]?\d+$/.test(expr))
    throw new CronSyntaxError(`failed to parse int from ${expr}: strconv.Atoi: parsing "${expr}": invalid syntax`);
  const n = Number(expr);
  if (n < 0) throw new CronSyntaxError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, bounds: Bounds): number {
  const named = bounds.names?.[expr.toLowerCase()];
  return named ?? parseInt10(expr);
}

function parseRange(expr: string, bounds: Bounds): Field {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = (rangeAndStep[0] ?? '').split('-');
  const single = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = bounds.min;
    end = bounds.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0] ?? '', bounds);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1] ?? '', bounds);
    else throw new CronSyntaxError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = parseInt10(rangeAndStep[1] ?? '');
    if (single) end = bounds.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) throw new CronSyntaxError(`too many slashes: ${expr}`);
  if (start < bounds.min)
    throw new CronSyntaxError(`beginning of range (${start}) below minimum (${bounds.min}): ${expr}`);
  if (end > bounds.max) throw new CronSyntaxError(`end of range (${end}) above maximum (${bounds.max}): ${expr}`);
  if (start > end) throw new CronSyntaxError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronSyntaxError(`step of range should be a positive number: ${expr}`);
  const values = new Set<number>();
  for (let v = start; v <= end; v += step) values.add(v);
  return { values, star };
}

function parseField(field: string, bounds: Bounds): Field {
  const out: Field = { values: new Set(), star: false };
  for (const expr of field.split(',').filter((e) => e !== '')) {
    const part = parseRange(expr, bounds);
    for (const v of part.values) out.values.add(v);
    if (part.star) out.star = true;
  }
  return out;
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/**
 * parseSchedule is cron.ParseStandard. It throws CronSyntaxError with the parser's message, which
 * the API server puts after `spec.schedule: Invalid value: "…": `.
 */
export function parseSchedule(spec: string, timeZone?: string): CronSchedule {
  if (spec.length === 0) throw new CronSyntaxError('empty spec string');
  let zone = timeZone;
  let text = spec;
  if (text.startsWith('TZ=') || text.startsWith('CRON_TZ=')) {
    const space = text.indexOf(' ');
    if (space === -1) throw new CronSyntaxError(`invalid location descriptior: ${spec}`);
    const name = text.slice(text.indexOf('=') + 1, space);
    if (!isKnownTimeZone(name)) throw new CronSyntaxError(`provided bad location ${name}: unknown time zone ${name}`);
    zone = name;
    text = text.slice(space).trim();
  }
  if (text.startsWith('@')) {
    if (text.startsWith('@every ')) {
      const every = parseGoDuration(text.slice('@every '.length));
      if (every === undefined)
        throw new CronSyntaxError(`failed to parse duration ${text}: time: invalid duration "${text.slice(7)}"`);
      const interval = Math.max(1000, Math.floor(every / 1000) * 1000);
      return { next: (after) => Math.floor(after / 1000) * 1000 + interval };
    }
    const expanded = DESCRIPTORS[text];
    if (!expanded) throw new CronSyntaxError(`unrecognized descriptor: ${text}`);
    text = expanded;
  }
  const fields = text.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5)
    throw new CronSyntaxError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const [minute, hour, dom, month, dow] = [
    parseField(fields[0] as string, MINUTES),
    parseField(fields[1] as string, HOURS),
    parseField(fields[2] as string, DOM),
    parseField(fields[3] as string, MONTHS),
    parseField(fields[4] as string, DOW),
  ];
  return { next: (after) => nextMatch(after, zone, { minute, hour, dom, month, dow }) };
}

interface Fields {
  minute: Field;
  hour: Field;
  dom: Field;
  month: Field;
  dow: Field;
}

/** dayMatches is robfig's rule: with `*` in either day field both must match, otherwise either may. */
function dayMatches(f: Fields, day: Date): boolean {
  const domMatch = f.dom.values.has(day.getUTCDate());
  const dowMatch = f.dow.values.has(day.getUTCDay());
  if (f.dom.star || f.dow.star) return domMatch && dowMatch;
  return domMatch || dowMatch;
}

/**
 * nextMatch walks local wall-clock time (held as a UTC Date) month by month, day by day, hour by
 * hour and minute by minute, then turns the match back into an instant with the zone's offset.
 */
function nextMatch(after: number, zone: string | undefined, f: Fields): number {
  const local = new Date(Math.floor((after + offsetOf(after, zone)) / 60_000) * 60_000 + 60_000);
  const limit = local.getTime() + 5 * 366 * 86_400_000;
  while (local.getTime() < limit) {
    if (!f.month.values.has(local.getUTCMonth() + 1)) {
      local.setUTCMonth(local.getUTCMonth() + 1, 1);
      local.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!dayMatches(f, local)) {
      local.setUTCDate(local.getUTCDate() + 1);
      local.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!f.hour.values.has(local.getUTCHours())) {
      local.setUTCHours(local.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (!f.minute.values.has(local.getUTCMinutes())) {
      local.setUTCMinutes(local.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    const wall = local.getTime();
    let instant = wall - offsetOf(wall, zone);
    instant = wall - offsetOf(instant, zone);
    if (instant > after) return instant;
    local.setUTCMinutes(local.getUTCMinutes() + 1, 0, 0);
  }
  return Number.POSITIVE_INFINITY;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** offsetOf is the zone's UTC offset at an instant, in ms (0 for UTC or no zone). */
export function offsetOf(instant: number, zone: string | undefined): number {
  if (!zone || zone === 'UTC' || zone === 'Etc/UTC') return 0;
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(instant)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    (parts.hour ?? 0) % 24,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** isKnownTimeZone is time.LoadLocation succeeding, judged by the IANA zones the runtime knows. */
export function isKnownTimeZone(zone: string): boolean {
  if (zone === '' || zone === 'UTC') return true;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** formatInZone prints an instant as RFC 3339 with the zone's offset ("2026-01-05T04:01:00-05:00"), as Go's Format(time.RFC3339) does. */
export function formatInZone(instant: number, zone: string | undefined): string {
  const offset = offsetOf(instant, zone);
  const wall = new Date(Math.floor(instant / 1000) * 1000 + offset).toISOString().slice(0, 19);
  if (offset === 0) return `${wall}Z`;
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / 60_000;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${wall}${sign}${hh}:${mm}`;
}

/** parseGoDuration reads "1h30m", "90s" for @every. */
function parseGoDuration(text: string): number | undefined {
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const re = /(\d+(?:\.\d*)?)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let i = 0;
  if (!text) return undefined;
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return undefined;
    total += Number(m[1]) * (unit[m[2] as string] ?? 0);
    i = re.lastIndex;
  }
  return total;
}
