import { Button } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { beginSignIn, SignInProvider } from './oidc-flow';

export const signInWith = (provider: SignInProvider) => `Sign in with ${provider.displayName}'s identity provider`;

/** One button per state identity provider the deployment offers; none at all when it offers none. */
export function ProviderButtons({ onError }: { onError: (message: string | undefined) => void }) {
  const providers = useQuery({ queryKey: ['sign-in-providers'], queryFn: () => unwrap(api.GET('/api/v1/auth/providers')), staleTime: Infinity });
  const [leaving, setLeaving] = useState<string>();
  if (!providers.data?.length) return null;

  const start = async (provider: SignInProvider) => {
    setLeaving(provider.name);
    onError(undefined);
    try {
      await beginSignIn(provider, '/');
    } catch (caught) {
      onError(caught instanceof Error ? caught.message : String(caught));
      setLeaving(undefined);
    }
  };

  return (
    <section aria-labelledby="providers-heading" className="margin-top-4">
      <h2 id="providers-heading" className="font-heading-md">
        Or with your state&apos;s identity provider
      </h2>
      <ul className="usa-button-group usa-button-group--stacked" aria-label="Identity providers">
        {providers.data.map((provider) => (
          <li key={provider.name} className="usa-button-group__item">
            <Button type="button" outline disabled={leaving !== undefined} onClick={() => void start(provider)}>
              {leaving === provider.name ? `Going to ${provider.displayName}'s identity provider…` : signInWith(provider)}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
