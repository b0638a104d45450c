import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** Only the password: the route cannot change roles, state or anything else about the user. */
export class ResetPasswordRequest {
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(1000) password!: string;
}
