import { Alert, ErrorMessage } from '@trussworks/react-uswds';
import { ApiProblem, describeError } from '../api/problem';

/** The api's problem for one field, in words, next to that field. */
export function FieldProblem({ error, field, id }: { error: unknown; field: string; id: string }) {
  const message = error instanceof ApiProblem ? error.forField(field) : undefined;
  return message ? <ErrorMessage id={id}>{message}</ErrorMessage> : null;
}

/** What went wrong with an action, in words, next to the action (never raw JSON). */
export function ActionProblem({ error, heading = 'That did not work' }: { error: unknown; heading?: string }) {
  if (!error) return null;
  const fields = error instanceof ApiProblem ? error.errors : [];
  return (
    <Alert type="error" headingLevel="h3" heading={heading} slim role="alert" className="margin-y-1">
      {describeError(error)}
      {fields.length > 0 && (
        <ul>
          {fields.map((field) => (
            <li key={field.field}>
              {field.field}: {field.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
