import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_KEY_SCOPES, ApiKeyScope, STATE_CODE_PATTERN } from '@coalition/domain';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class IssueApiKeyRequest {
  @ApiProperty({ example: 'WA emergency operations center' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;

  @ApiProperty({ example: 'WA' })
  @IsString()
  @Matches(STATE_CODE_PATTERN, { message: 'stateCode must be two upper-case letters' })
  stateCode!: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true })
  scopes!: ApiKeyScope[];

  @ApiPropertyOptional({ format: 'date-time', example: '2027-01-01T00:00:00Z', description: 'When the key stops working; never, if omitted' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt?: string;
}
