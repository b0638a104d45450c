const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const utc = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'long', timeZone: 'UTC' });

/** A time in the reader's own zone, with UTC on hover (and in the machine-readable attribute). */
export function DateTime({ value }: { value: string | undefined | null }) {
  if (!value) return <span>—</span>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  return (
    <time dateTime={date.toISOString()} title={utc.format(date)}>
      {local.format(date)}
    </time>
  );
}

/** "3 h 20 min left", or "closed" once past. */
export function timeLeft(until: string, now = Date.now()): string {
  const ms = new Date(until).getTime() - now;
  if (ms <= 0) return 'time is up';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'under a minute left';
  if (minutes < 60) return `${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min left`;
  return `${Math.floor(hours / 24)} days left`;
}
