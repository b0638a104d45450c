/**
 * Quantities are kept in hundredths and money in cents, as integers, in commands, events and
 * read models alike, so that sums of many offers or reimbursement categories never drift the
 * way binary fractions do (0.1 + 0.2 !== 0.3). Decimals exist only at the HTTP edge.
 */

/** Beyond this, hundredths would no longer be exact integers after summing a few thousand of them. */
export const MAX_DECIMAL_INPUT = 1_000_000_000_000;

/**
 * The exact number of hundredths in `value`, or undefined when it is not a finite number with at
 * most two decimal places. Read from the shortest round-trip decimal form of the number (what
 * the client wrote, for JSON input), never from `value * 100`, which is inexact for 0.29 and alike.
 */
export function toHundredths(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_DECIMAL_INPUT) return undefined;
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(value));
  if (!match) return undefined;
  const [, sign, whole, fraction = ''] = match;
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return sign ? -hundredths : hundredths;
}

/** The decimal the API shows for an integer count of hundredths (1250 → 12.5). */
export const fromHundredths = (hundredths: number): number => hundredths / 100;
