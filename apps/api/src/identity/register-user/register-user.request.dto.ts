import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, Role, STATE_CODE_PATTERN } from '@coalition/domain';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class RegisterUserRequest {
  @ApiProperty({ example: 'wa.coordinator' })
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{3,100}$/, { message: 'username must be 3 to 100 letters, digits or . _ @ -' })
  username!: string;

  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(1000) password!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ example: 'WA' })
  @IsOptional()
  @Matches(STATE_CODE_PATTERN, { message: 'stateCode must be two upper-case letters' })
  stateCode?: string;
}
