import { TransparencyLog, TreeSizeUnavailable } from '@coalition/event-store';
import { validationProblem } from '../common/http/problem';

/** The size proofs default to: the latest checkpoint's, else the tree's. */
export async function defaultTreeSize(log: TransparencyLog): Promise<number> {
  return (await log.latestCheckpoint())?.size ?? (await log.treeSize());
}

/** A size beyond the tree is the caller's mistake: 400 naming the field. */
export async function proving<T>(field: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TreeSizeUnavailable) throw validationProblem(error.message, [{ field, message: `must be at most ${error.available}` }]);
    throw error;
  }
}
