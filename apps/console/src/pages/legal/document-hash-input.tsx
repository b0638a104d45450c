import { ErrorMessage, Label } from '@trussworks/react-uswds';
import { ChangeEvent, useState } from 'react';
import { documentSha256 } from './document-sha256';

/**
 * A file chooser that hashes the chosen document in the browser. The file is read here and
 * never uploaded: only its SHA-256 is sent, which anyone holding the filed document can check.
 */
export function DocumentHashInput({ id, label, required, onHash }: { id: string; label: string; required?: boolean; onHash: (hash: string | undefined) => void }) {
  const [state, setState] = useState<{ name: string; hash?: string; error?: string; busy?: boolean }>();

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    onHash(undefined);
    if (!file) return setState(undefined);
    setState({ name: file.name, busy: true });
    try {
      const hash = await documentSha256(file);
      setState({ name: file.name, hash });
      onHash(hash);
    } catch (caught) {
      setState({ name: file.name, error: `Could not read ${file.name}: ${caught instanceof Error ? caught.message : String(caught)}` });
    }
  };

  return (
    <>
      <Label htmlFor={id}>{label}</Label>
      <span className="usa-hint" id={`${id}-hint`}>
        The document stays on this computer: only its SHA-256 fingerprint is sent.
      </span>
      {state?.error && <ErrorMessage id={`${id}-error`}>{state.error}</ErrorMessage>}
      <input
        id={id}
        className="usa-input"
        type="file"
        required={required}
        aria-describedby={`${id}-hint ${id}-hash`}
        onChange={(event) => void choose(event)}
      />
      <output id={`${id}-hash`} htmlFor={id} aria-live="polite" className="display-block margin-top-1 font-mono-2xs text-wrap" style={{ overflowWrap: 'anywhere' }}>
        {state?.busy && `Computing the SHA-256 of ${state.name}…`}
        {state?.hash && `SHA-256 of ${state.name}: ${state.hash}`}
      </output>
    </>
  );
}
