import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { API_KEY_SCOPES, ApiKeyScope, Role, ROLES } from '@coalition/domain';
import { ApiKeyView, UserView } from '@coalition/read-side';
import { CommandResultDto } from '../common/commands/command-result.dto';
import { AccessToken } from './auth-tokens';

@ApiSchema({ name: 'AccessToken' })
export class AccessTokenDto implements AccessToken {
  @ApiProperty({ description: 'A JWT: send it as `Authorization: Bearer <accessToken>`' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ type: 'integer', description: 'Seconds until it expires', example: 900 }) expiresIn!: number;
}

@ApiSchema({ name: 'Me', description: 'The caller, as the api sees it' })
export class MeDto {
  @ApiProperty({ description: 'User id or API key id' }) id!: string;
  @ApiProperty({ enum: ['user', 'api-key'] }) kind!: 'user' | 'api-key';
  @ApiPropertyOptional({ description: 'Users only' }) username?: string;
  @ApiProperty({ enum: ROLES, isArray: true, description: 'Empty for an API key' }) roles!: Role[];
  @ApiProperty({ type: 'string', nullable: true, example: 'WA', description: 'The state it acts for; null for admins and auditors' }) stateCode!: string | null;
  @ApiPropertyOptional({ enum: API_KEY_SCOPES, isArray: true, description: 'API keys only' }) scopes?: ApiKeyScope[];
}

@ApiSchema({ name: 'User' })
export class UserDto implements UserView {
  @ApiProperty({ description: 'Random, revealing nothing of the username (users registered before 2026-12 keep ids derived from theirs)' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ type: 'string', nullable: true, example: 'WA' }) stateCode!: string | null;
  @ApiProperty({ description: 'False once deactivated: its tokens no longer work' }) active!: boolean;
  @ApiProperty({ description: 'Its stream in the audit log (GET /audit/streams/{streamId})', example: 'user-wa.coordinator' }) streamId!: string;
}

@ApiSchema({ name: 'ApiKey', description: 'An API key as its managers see it: never the key or its hash' })
export class ApiKeyDto implements ApiKeyView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'WA' }) stateCode!: string;
  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true }) scopes!: ApiKeyScope[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ description: 'Id of the user who issued it; the key stops working when that user is deactivated' }) issuedBy!: string;
  @ApiProperty({ description: 'Its stream in the audit log' }) streamId!: string;
}

@ApiSchema({ name: 'IssuedApiKey' })
export class IssuedApiKeyDto extends CommandResultDto {
  @ApiPropertyOptional({ description: 'The key itself, shown only in this answer (an Idempotency-Key replay answers without it): send it as X-API-Key' })
  key?: string;
}

@ApiSchema({ name: 'ChangePasswordResult', description: "The command's result and a fresh token: every earlier token of the user stops working" })
export class ChangePasswordResultDto extends CommandResultDto implements AccessToken {
  @ApiProperty({ description: 'A JWT issued after the change: send it as `Authorization: Bearer <accessToken>`' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ type: 'integer', description: 'Seconds until it expires', example: 900 }) expiresIn!: number;
}
