import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_SECRET_GRACE_SECONDS } from '@coalition/domain';

export const DEFAULT_SECRET_GRACE_SECONDS = 24 * 3600;

export class RotateWebhookSecretRequest {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_SECRET_GRACE_SECONDS,
    default: DEFAULT_SECRET_GRACE_SECONDS,
    description: 'How long deliveries stay signed with the previous secret too (0: stop at once, as after a leak)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_SECRET_GRACE_SECONDS)
  gracePeriodSeconds?: number;
}
