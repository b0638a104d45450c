import { ErrorMessage, FormGroup, Label, Textarea } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import { ApiProblem } from '../api/problem';

interface FieldProps {
  /** The form field's name, and the body field the api names in its problem. */
  name: string;
  label: string;
  /** The last failed command: its message for this field is shown under the label. */
  error?: unknown;
  /** A message of the console's own (a check before submitting). */
  message?: string;
  hint?: ReactNode;
  idPrefix?: string;
}

function messageFor(props: FieldProps): string | undefined {
  return props.message ?? (props.error instanceof ApiProblem ? props.error.forField(props.name) : undefined);
}

/** A labelled USWDS text field; the api's problem for it appears next to it, in words. */
export function TextField(props: FieldProps & {
  type?: 'text' | 'number' | 'date' | 'datetime-local' | 'email' | 'password';
  required?: boolean;
  defaultValue?: string | number;
  multiline?: boolean;
  step?: string;
  min?: string;
  max?: string;
  inputMode?: 'decimal' | 'numeric';
  onChange?: (value: string) => void;
}) {
  const id = `${props.idPrefix ?? 'field'}-${props.name.replace(/\W/g, '-')}`;
  const message = messageFor(props);
  const describedBy = [props.hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: props.name,
    required: props.required,
    defaultValue: props.defaultValue,
    'aria-describedby': describedBy,
    onChange: props.onChange ? (event: { target: { value: string } }) => props.onChange?.(event.target.value) : undefined,
  };
  return (
    <FormGroup error={Boolean(message)}>
      <Label htmlFor={id} error={Boolean(message)}>
        {props.label}
      </Label>
      {props.hint && (
        <span className="usa-hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {message && <ErrorMessage id={`${id}-error`}>{message}</ErrorMessage>}
      {props.multiline ? (
        <Textarea {...common} error={Boolean(message)} />
      ) : (
        <input
          {...common}
          className={`usa-input${message ? ' usa-input--error' : ''}`}
          type={props.type ?? 'text'}
          step={props.step}
          min={props.min}
          max={props.max}
          inputMode={props.inputMode}
        />
      )}
    </FormGroup>
  );
}

/** A labelled select of fixed options. */
export function SelectField(props: FieldProps & { options: { value: string; label: string }[]; defaultValue?: string; required?: boolean; onChange?: (value: string) => void }) {
  const id = `${props.idPrefix ?? 'field'}-${props.name.replace(/\W/g, '-')}`;
  const message = messageFor(props);
  return (
    <FormGroup error={Boolean(message)}>
      <Label htmlFor={id} error={Boolean(message)}>
        {props.label}
      </Label>
      {message && <ErrorMessage id={`${id}-error`}>{message}</ErrorMessage>}
      <select
        className="usa-select"
        id={id}
        name={props.name}
        defaultValue={props.defaultValue}
        required={props.required}
        aria-describedby={message ? `${id}-error` : undefined}
        onChange={props.onChange ? (event) => props.onChange?.(event.target.value) : undefined}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}

/** The value of a form field as text ('' when absent). */
export const text = (form: FormData, name: string): string => String(form.get(name) ?? '').trim();
/** The value of a form field as a number, or undefined when empty. */
export const numberOf = (form: FormData, name: string): number | undefined => {
  const value = text(form, name);
  return value === '' ? undefined : Number(value);
};
/** A datetime-local value (the user's zone) as an ISO instant. */
export const instantOf = (form: FormData, name: string): string | undefined => {
  const value = text(form, name);
  return value === '' ? undefined : new Date(value).toISOString();
};
