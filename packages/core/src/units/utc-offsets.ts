const OFFSET = /^(?<sign>[+-])(?<hours>\d{2})(?<colon>:?)(?<minutes>\d{2})(?:\k<colon>(?<seconds>\d{2}))?$/;

/**
 * Milliseconds east of UTC for `Z`, `±HH:MM` or `±HHMM` (and the `±HH:MM:SS` that
 * {@link formatUtcOffset} writes for historical local mean times); undefined for anything else.
 */
export function parseUtcOffset(text: string): number | undefined {
  if (text === 'Z' || text === 'z') return 0;
  const groups = OFFSET.exec(text)?.groups;
  if (groups === undefined) return undefined;
  const hours = Number(groups['hours']);
  const minutes = Number(groups['minutes']);
  const seconds = Number(groups['seconds'] ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const magnitude = ((hours * 60 + minutes) * 60 + seconds) * 1000;
  return groups['sign'] === '-' ? -magnitude : magnitude;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** `+05:30`, `-08:00`; seconds are added only for the odd historical offset that has them. */
export function formatUtcOffset(offsetMs: number): string {
  const totalSeconds = Math.abs(offsetMs) / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return `${offsetMs < 0 ? '-' : '+'}${pad2(hours)}:${pad2(minutes)}${seconds === 0 ? '' : `:${pad2(seconds)}`}`;
}
