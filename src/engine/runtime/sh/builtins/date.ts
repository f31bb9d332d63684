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

/** field renders one strftime conversion in UTC; a switch rather than a table of closures keeps it cheap on hot paths (access logs). */
function field(key: string, d: Date, ms: number): string | undefined {
  switch (key) {
    case 'Y':
      return String(d.getUTCFullYear());
    case 'y':
      return pad(d.getUTCFullYear() % 100);
    case 'm':
      return pad(d.getUTCMonth() + 1);
    case 'd':
      return pad(d.getUTCDate());
    case 'e':
      return pad(d.getUTCDate(), 2, ' ');
    case 'H':
      return pad(d.getUTCHours());
    case 'I':
      return pad(((d.getUTCHours() + 11) % 12) + 1);
    case 'p':
      return d.getUTCHours() < 12 ? 'AM' : 'PM';
    case 'M':
      return pad(d.getUTCMinutes());
    case 'S':
      return pad(d.getUTCSeconds());
    case 'N':
      return pad(d.getUTCMilliseconds(), 3) + '000000';
    case 's':
      return String(Math.floor(ms / 1000));
    case 'a':
      return DAYS[d.getUTCDay()] ?? '';
    case 'A':
      return FULL_DAYS[d.getUTCDay()] ?? '';
    case 'b':
    case 'h':
      return MONTHS[d.getUTCMonth()] ?? '';
    case 'B':
      return FULL_MONTHS[d.getUTCMonth()] ?? '';
    case 'j':
      return pad(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1, 3);
    case 'u':
      return String(d.getUTCDay() === 0 ? 7 : d.getUTCDay());
    case 'w':
      return String(d.getUTCDay());
    case 'Z':
      return 'UTC';
    case 'z':
      return '+0000';
    case 'T':
      return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    case 'R':
      return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    case 'F':
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    case 'D':
      return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCFullYear() % 100)}`;
    case 'c':
      return defaultDate(ms);
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case '%':
      return '%';
    default:
      return undefined;
  }
}

/** formatDate is strftime in UTC (containers run with TZ unset), for `date +…` and server log prefixes. */
export function formatDate(ms: number, format: string): string {
  const d = new Date(ms);
  return format.replace(/%(\d*)([A-Za-z%])/g, (whole, _width: string, key: string) => field(key, d, ms) ?? whole);
}

/** defaultDate is `date` without arguments: `Mon Jan  5 09:00:00 UTC 2026`. */
export function defaultDate(ms: number): string {
  return formatDate(ms, '%a %b %e %H:%M:%S %Z %Y');
}
