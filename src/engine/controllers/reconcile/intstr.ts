/**
 * scaledValue is intstr.GetScaledValueFromIntOrPercent: an integer stays as it is, "25%" of total is
 * rounded up or down as asked (maxSurge rounds up, maxUnavailable down). Anything else counts as 0.
 */
export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const match = /^(\d+)%$/.exec(value);
  if (!match) return 0;
  const exact = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}
