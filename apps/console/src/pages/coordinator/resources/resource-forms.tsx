import { Form } from '@trussworks/react-uswds';
import { FormEvent, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { MakeOfferBody, MakePledgeBody, MakeRequestBody, Pledge, ResourceRequest } from '../../../api/types';
import { useCommand } from '../../../api/use-command';
import { numberOf, SelectField, text, TextField } from '../../../components/fields';
import { FormActions } from '../../../components/form-actions';

export function MakePledge({ compactId }: { compactId: string }) {
  const pledge = useCommand((body: MakePledgeBody) => unwrap(api.POST('/api/v1/compacts/{id}/pledges', { params: { path: { id: compactId } }, body })));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const note = text(form, 'note');
    pledge.mutate(
      { resourceType: text(form, 'resourceType'), unit: text(form, 'unit'), quantity: numberOf(form, 'quantity') ?? 0, ...(note ? { note } : {}) },
      { onSuccess: () => element.reset() },
    );
  };
  return (
    <Form onSubmit={submit}>
      <h2>Pledge</h2>
      <TextField name="resourceType" label="Resource type" hint="A slug, such as water-tanker" idPrefix="pledge" required error={pledge.error} />
      <TextField name="unit" label="Unit" idPrefix="pledge" required error={pledge.error} />
      <TextField name="quantity" label="Quantity" idPrefix="pledge" type="number" step="0.01" min="0.01" required error={pledge.error} />
      <TextField name="note" label="Note (optional)" idPrefix="pledge" error={pledge.error} />
      <FormActions command={pledge} problem="The pledge was not made">
        Make pledge
      </FormActions>
    </Form>
  );
}

export function MakeRequest({ compactId }: { compactId: string }) {
  const request = useCommand((body: MakeRequestBody) => unwrap(api.POST('/api/v1/compacts/{id}/requests', { params: { path: { id: compactId } }, body })));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const neededBy = text(form, 'neededBy');
    request.mutate(
      {
        resourceType: text(form, 'resourceType'),
        unit: text(form, 'unit'),
        quantity: numberOf(form, 'quantity') ?? 0,
        justification: text(form, 'justification'),
        ...(neededBy ? { neededBy } : {}),
      },
      { onSuccess: () => element.reset() },
    );
  };
  return (
    <Form onSubmit={submit}>
      <h2>Request</h2>
      <TextField name="resourceType" label="Resource type" idPrefix="request" required error={request.error} />
      <TextField name="unit" label="Unit" idPrefix="request" required error={request.error} />
      <TextField name="quantity" label="Quantity" idPrefix="request" type="number" step="0.01" min="0.01" required error={request.error} />
      <TextField name="justification" label="Justification" idPrefix="request" required multiline error={request.error} />
      <TextField name="neededBy" label="Needed by (optional)" idPrefix="request" type="date" error={request.error} />
      <FormActions command={request} problem="The request was not made">
        Make request
      </FormActions>
    </Form>
  );
}

/** The request offered on, and the offer: from which pledge, how much, at what cost and on what terms. */
function offerVariables(form: FormData): { id: string; body: MakeOfferBody } {
  const cost = numberOf(form, 'costEstimate.amount');
  const terms = text(form, 'terms');
  return {
    id: text(form, 'requestId'),
    body: {
      pledgeId: text(form, 'pledgeId'),
      quantity: numberOf(form, 'quantity') ?? 0,
      ...(cost !== undefined ? { costEstimate: { amount: cost, currency: 'USD' } } : {}),
      ...(terms ? { terms } : {}),
    },
  };
}

export function MakeOffer({ state, pledges, requests }: { state: string; pledges: Pledge[]; requests: ResourceRequest[] }) {
  const [requestId, setRequestId] = useState<string>();
  const open = requests.filter((r) => r.stateCode !== state && r.status === 'open');
  const mine = pledges.filter((p) => p.stateCode === state && p.status === 'open' && p.remaining > 0);
  const offer = useCommand(({ id, body }: { id: string; body: MakeOfferBody }) => unwrap(api.POST('/api/v1/requests/{id}/offers', { params: { path: { id } }, body })));
  if (open.length === 0 || mine.length === 0) {
    return (
      <section aria-labelledby="offer-heading">
        <h2 id="offer-heading">Offer</h2>
        <p>An offer commits part of one of your pledges to another state's open request; {open.length === 0 ? 'there is no open request' : 'your state has no pledge with capacity left'}.</p>
      </section>
    );
  }
  const chosen = open.find((r) => r.id === requestId) ?? open[0];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    offer.mutate(offerVariables(new FormData(element)), { onSuccess: () => element.reset() });
  };
  return (
    <Form onSubmit={submit}>
      <h2 id="offer-heading">Offer</h2>
      <SelectField
        name="requestId"
        label="To the request"
        idPrefix="offer"
        error={offer.error}
        onChange={setRequestId}
        options={open.map((r) => ({ value: r.id, label: `${r.stateCode}: ${r.outstanding} ${r.unit} of ${r.resourceType}` }))}
      />
      <SelectField
        name="pledgeId"
        label="From your pledge"
        idPrefix="offer"
        error={offer.error}
        options={mine.map((p) => ({ value: p.id, label: `${p.remaining} ${p.unit} of ${p.resourceType} remaining${p.resourceType === chosen.resourceType && p.unit === chosen.unit ? '' : ' (another resource)'}` }))}
      />
      <TextField name="quantity" label="Quantity" idPrefix="offer" type="number" step="0.01" min="0.01" required error={offer.error} />
      <TextField name="costEstimate.amount" label="Cost estimate in USD (optional)" idPrefix="offer" type="number" step="0.01" min="0" error={offer.error} />
      <TextField name="terms" label="Terms (optional)" idPrefix="offer" multiline error={offer.error} />
      <FormActions command={offer} problem="The offer was not made">
        Make offer
      </FormActions>
    </Form>
  );
}
