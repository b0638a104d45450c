import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { RESOURCE_TYPE_PATTERN, UNIT_PATTERN } from './resource-validation';

/** What a pledge and a request both name: the resource type of the pool and the unit it is counted in. */
export abstract class PoolResourceRequest {
  @ApiProperty({ example: 'water-tanker', description: 'A slug: lower-case letters, digits and single hyphens' })
  @Matches(RESOURCE_TYPE_PATTERN, { message: 'resourceType must be a slug (lower-case letters, digits, single hyphens)' })
  @MaxLength(64)
  resourceType!: string;

  @ApiProperty({ example: 'each' })
  @IsString()
  @Matches(UNIT_PATTERN, { message: 'unit must be 1 to 40 visible characters' })
  unit!: string;
}
