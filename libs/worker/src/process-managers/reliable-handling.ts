import { Logger } from '@nestjs/common';
import { isTransientDatabaseError } from '@coalition/platform';
import { EventTopic, StoredEvent } from '@coalition/event-store';
import { DeadLetterQueue } from '@coalition/read-side';

/**
 * Runs a process manager's reaction to each event in order. A database outage is thrown back
 * to the transport, which redelivers the batch later (reactions are idempotent, so the events
 * already handled change nothing the second time). Any other failure is retried a few times
 * and then parked as a dead letter, so one poisoned event cannot stall the partition.
 */
export async function reactToEach<T extends StoredEvent>(
  consumer: string,
  topic: EventTopic,
  partition: number,
  events: readonly T[],
  react: (event: T) => Promise<void>,
  deadLetters: DeadLetterQueue,
  retries = 3,
): Promise<void> {
  for (const event of events) {
    for (let attempt = 1; ; attempt++) {
      try {
        await react(event);
        break;
      } catch (error) {
        if (isTransientDatabaseError(error)) throw error;
        if (attempt < retries) {
          await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
          continue;
        }
        new Logger(consumer).error(`giving up on position ${event.position} (${event.type}): ${(error as Error).message}`);
        await deadLetters.park({ consumer, topic, partition, event, error });
        break;
      }
    }
  }
}
