import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Grid, GridContainer } from '@trussworks/react-uswds';
import { FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { DateTime } from '../../../components/date-time';
import { instantOf, TextField } from '../../../components/fields';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { StatusTag } from '../../../components/status-tag';
import { compactQuery } from '../queries';
import { MyStateActions } from './compact-actions';
import { Charter } from './compact-charter';
import { Members } from './compact-members';
import { Proposals } from './compact-proposals';

export default function CompactPage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const asOf = search.get('asOf') ?? undefined;
  const compact = useQuery(compactQuery(id, asOf));

  const showAsOf = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const at = instantOf(new FormData(event.currentTarget), 'asOf');
    setSearch(at ? { asOf: at } : {});
  };

  return (
    <QueryState query={compact} what="the compact">
      {(data) => (
        <>
          <PageTitle title={data.title}>{data.title}</PageTitle>
          <p>
            <StatusTag status={data.status} /> {data.purpose}
          </p>
          {asOf && (
            <Alert type="info" headingLevel="h2" heading="A past view" slim>
              The compact as it stood at <DateTime value={asOf} />, folded from its events. <Link to={`/compacts/${id}`}>Show it as it is now</Link>.
            </Alert>
          )}
          <GridContainer className="padding-x-0">
            <Grid row gap>
              <Grid tablet={{ col: 7 }}>
                <Charter compact={data} />
                <Members compact={data} />
              </Grid>
              <Grid tablet={{ col: 5 }}>
                <section aria-labelledby="as-of-heading">
                  <h2 id="as-of-heading">As of a date and time</h2>
                  <Form onSubmit={showAsOf}>
                    <TextField name="asOf" label="Show the compact as it stood at (your time zone)" type="datetime-local" step="1" required />
                    <Button type="submit" outline>
                      Show
                    </Button>
                  </Form>
                </section>
                {!asOf && <MyStateActions compact={data} />}
                <p className="margin-top-3">
                  <Link to={`/compacts/${id}/resources`}>Resource board of this compact</Link>
                </p>
              </Grid>
            </Grid>
          </GridContainer>
          {!asOf && <Proposals compactId={id} />}
        </>
      )}
    </QueryState>
  );
}
