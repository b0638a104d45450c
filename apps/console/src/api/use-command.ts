import { useMutation, useQueryClient } from '@tanstack/react-query';
import { positions } from './positions';
import { ApiProblem } from './problem';

interface CommandAnswer {
  id?: string;
  position?: number;
}

/**
 * A command (POST or DELETE): on success its position becomes the `minPosition` of every
 * later read, and every query is refetched, so the page shows the write it just made.
 */
export function useCommand<TVariables, TAnswer extends CommandAnswer | undefined>(run: (variables: TVariables) => Promise<TAnswer>) {
  const queryClient = useQueryClient();
  return useMutation<TAnswer, ApiProblem | Error, TVariables>({
    mutationFn: run,
    onSuccess: async (answer) => {
      positions.record(answer?.position);
      await queryClient.invalidateQueries();
    },
  });
}
