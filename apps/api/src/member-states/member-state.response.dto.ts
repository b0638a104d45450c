import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { MemberStateView } from '@coalition/read-side';

@ApiSchema({ name: 'MemberState' })
export class MemberStateResponse implements MemberStateView {
  @ApiProperty({ pattern: '^[A-Z]{2}$', example: 'WA' }) code!: string;
  @ApiProperty({ example: 'Washington' }) name!: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 7812880 }) population!: number;
  @ApiProperty({ description: 'Its stream in the audit log (GET /audit/streams/{streamId})', example: 'member-state-WA' }) streamId!: string;
}
