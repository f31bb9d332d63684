const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FULL_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FULL_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number, width = 2, fill = '0'): string => String(n).padStart(width, fill);

/** formatDate is strftime in UTC (containers run with TZ unset), for `date +…` and server log prefixes. */
export function formatDate(ms: number, format: string): string {
  const d = new Date(ms);
  const fields: Record<string, () => string> = {
    Y: () => String(d.getUTCFullYear()),
    y: () => pad(d.getUTCFullYear() % 100),
    m: () => pad(d.getUTCMonth() + 1),
    d: () => pad(d.getUTCDate()),
    e: () => pad(d.getUTCDate(), 2, ' '),
    H: () => pad(d.getUTCHours()),
    I: () => pad(((d.getUTCHours() + 11) % 12) + 1),
    p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    M: () => pad(d.getUTCMinutes()),
    S: () => pad(d.getUTCSeconds()),
    N: () => pad(d.getUTCMilliseconds(), 3) + '000000',
    s: () => String(Math.floor(ms / 1000)),
    a: () => DAYS[d.getUTCDay()] ?? '',
    A: () => FULL_DAYS[d.getUTCDay()] ?? '',
    b: () => MONTHS[d.getUTCMonth()] ?? '',
    h: () => MONTHS[d.getUTCMonth()] ?? '',
    B: () => FULL_MONTHS[d.getUTCMonth()] ?? '',
    j: () => pad(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1, 3),
    u: () => String(d.getUTCDay() === 0 ? 7 : d.getUTCDay()),
    w: () => String(d.getUTCDay()),
    Z: () => 'UTC',
    z: () => '+0000',
    T: () => `${fields['H']?.()}:${fields['M']?.()}:${fields['S']?.()}`,
    R: () => `${fields['H']?.()}:${fields['M']?.()}`,
    F: () => `${fields['Y']?.()}-${fields['m']?.()}-${fields['d']?.()}`,
    D: () => `${fields['m']?.()}/${fields['d']?.()}/${fields['y']?.()}`,
    c: () => defaultDate(ms),
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };
  return format.replace(/%(\d*)([A-Za-z%])/g, (whole, _width: string, key: string) => {
    const fn = fields[key];
    return fn ? fn() : whole;
  });
}

/** defaultDate is `date` without arguments: `Mon Jan  5 09:00:00 UTC 2026`. */
export function defaultDate(ms: number): string {
  return formatDate(ms, '%a %b %e %H:%M:%S %Z %Y');
}
