import { useQuery } from '@tanstack/react-query';
import { statesQuery } from './admin.queries';

/** The member states as options of a select, each as "name (code)". */
export function StateOptions() {
  const states = useQuery(statesQuery());
  return (
    <>
      {(states.data ?? []).map((state) => (
        <option key={state.code} value={state.code}>
          {state.name} ({state.code})
        </option>
      ))}
    </>
  );
}
