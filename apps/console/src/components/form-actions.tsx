import { Button } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import { ActionProblem } from './problem';

/**
 * The end of a form: what went wrong with its last submission, in words, right above the
 * button that submits it; the button is disabled while the command runs.
 */
export function FormActions({ command, problem, secondary, disabled, children }: {
  command: { error: unknown; isPending: boolean };
  /** The heading of the problem shown when the command failed. */
  problem: string;
  secondary?: boolean;
  /** Disables the button for a reason of the form's own, besides a running command. */
  disabled?: boolean;
  /** The button's label. */
  children: ReactNode;
}) {
  return (
    <>
      <ActionProblem error={command.error} heading={problem} />
      <Button type="submit" secondary={secondary} disabled={disabled || command.isPending}>
        {children}
      </Button>
    </>
  );
}
