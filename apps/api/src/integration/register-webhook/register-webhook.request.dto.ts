import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength, MinLength } from 'class-validator';

export class RegisterWebhookRequest {
  @ApiProperty({ example: 'https://hooks.wa.gov/coalition', description: 'http(s); private and loopback addresses only where WEBHOOK_ALLOW_PRIVATE=true' })
  @IsString()
  @MinLength(1)
  @MaxLength(2048)
  url!: string;

  @ApiProperty({ example: ['*'], description: '["*"], or event type names (StateRegistered) or CloudEvent types (coalition.member-state.state-registered.v1)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  eventTypes!: string[];

  @ApiProperty({ description: 'Signs every delivery (X-Coalition-Signature: sha256=<hex HMAC-SHA256 of the raw body>); never returned', minLength: 16 })
  @IsString()
  @MinLength(16)
  @MaxLength(256)
  secret!: string;
}
