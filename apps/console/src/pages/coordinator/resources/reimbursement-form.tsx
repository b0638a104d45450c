import { Fieldset, Form } from '@trussworks/react-uswds';
import { FormEvent, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { ClaimReimbursementBody, ReimbursementCategories } from '../../../api/types';
import { useCommand } from '../../../api/use-command';
import { TextField } from '../../../components/fields';
import { FormActions } from '../../../components/form-actions';

export const CATEGORIES = ['personnel', 'travel', 'equipment', 'commodities', 'other'] as const;
const cents = (value: string) => (value.trim() === '' ? 0 : Math.round(Number(value) * 100));

/** Sum of the categories against the amount, in cents so that 0.1 + 0.2 is 0.3. */
export function categoriesMismatch(amount: string, categories: Record<string, string>): string | undefined {
  const total = Object.values(categories).reduce((sum, value) => sum + cents(value), 0);
  const claimed = cents(amount);
  if (claimed <= 0) return undefined;
  if (total === claimed) return undefined;
  return `The categories add up to $${(total / 100).toFixed(2)}, not the amount of $${(claimed / 100).toFixed(2)}.`;
}

/** The offering state's claim: the categories must sum to the amount before the form submits. */
export function ReimbursementForm({ offerId }: { offerId: string }) {
  const [amount, setAmount] = useState('');
  const [categories, setCategories] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const claim = useCommand((body: ClaimReimbursementBody) => unwrap(api.POST('/api/v1/offers/{id}/reimbursements', { params: { path: { id: offerId } }, body })));
  const mismatch = categoriesMismatch(amount, categories);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (mismatch) return;
    const element = event.currentTarget;
    const chosen: ReimbursementCategories = {};
    for (const category of CATEGORIES) if ((categories[category] ?? '').trim() !== '') chosen[category] = Number(categories[category]);
    claim.mutate(
      { amount: Number(amount), currency: 'USD', categories: chosen },
      {
        onSuccess: () => {
          element.reset();
          setAmount('');
          setCategories({});
          setTried(false);
        },
      },
    );
  };

  return (
    <Form onSubmit={submit}>
      <h2>Claim a reimbursement</h2>
      <TextField name="amount" label="Amount in USD" idPrefix="claim" type="number" step="0.01" min="0.01" required error={claim.error} onChange={setAmount} />
      <Fieldset legend="Categories (they must add up to the amount)">
        {CATEGORIES.map((category) => (
          <TextField
            key={category}
            name={category}
            idPrefix="claim"
            label={category[0].toUpperCase() + category.slice(1)}
            type="number"
            step="0.01"
            min="0"
            error={claim.error}
            message={tried && mismatch && category === 'other' ? mismatch : undefined}
            onChange={(value) => setCategories((current) => ({ ...current, [category]: value }))}
          />
        ))}
      </Fieldset>
      <p aria-live="polite" className={mismatch ? 'text-secondary-dark' : 'text-base'}>
        {mismatch ?? 'The categories add up to the amount.'}
      </p>
      <FormActions command={claim} problem="The claim was not made">
        Claim reimbursement
      </FormActions>
    </Form>
  );
}
