import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) currentPassword!: string;
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(1000) newPassword!: string;
}
