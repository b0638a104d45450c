import { Tag } from '@trussworks/react-uswds';

// Dark backgrounds only: every pairing meets WCAG AA contrast with white text.
const COLOURS: Record<string, string> = {
  active: 'bg-green', ratified: 'bg-green', passed: 'bg-green', accepted: 'bg-green', received: 'bg-green', paid: 'bg-green', fulfilled: 'bg-green',
  open: 'bg-primary', offered: 'bg-primary', claimed: 'bg-primary', approved: 'bg-primary', admitted: 'bg-primary', applied: 'bg-primary',
  draft: 'bg-base-dark', withdrawing: 'bg-secondary-dark', failed: 'bg-secondary-dark', declined: 'bg-base-dark', withdrawn: 'bg-base-dark', dissolved: 'bg-base-dark', cancelled: 'bg-base-dark',
};

export function StatusTag({ status }: { status: string }) {
  return <Tag className={COLOURS[status] ?? 'bg-base-dark'}>{status}</Tag>;
}
