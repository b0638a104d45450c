import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ReadQuery } from '../common/http/list-query.dto';

const SIZE = /^[1-9]\d{0,14}$/;

export class InclusionProofQuery extends ReadQuery {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Global position of the event (its leaf index is position - 1)' })
  @Matches(SIZE, { message: 'position must be a positive integer' })
  position!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: "Tree size to prove against; the latest checkpoint's size when omitted" })
  @IsOptional()
  @Matches(SIZE, { message: 'treeSize must be a positive integer' })
  treeSize?: string;
}

export class ConsistencyProofQuery extends ReadQuery {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The older tree size (a checkpoint you kept)' })
  @Matches(SIZE, { message: 'from must be a positive integer' })
  from!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: "The newer tree size; the latest checkpoint's size when omitted" })
  @IsOptional()
  @Matches(SIZE, { message: 'to must be a positive integer' })
  to?: string;
}

export class InclusionProofResponse {
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty({ type: 'integer', description: 'position - 1' }) leafIndex!: number;
  @ApiProperty({ type: 'integer' }) treeSize!: number;
  @ApiPropertyOptional({ description: "Base64 of the event's canonical bytes (RFC 8785 JSON), the leaf data; withheld for events holding credentials" })
  leaf?: string;
  @ApiProperty({ description: 'Base64 SHA-256(0x00 || leaf)' }) leafHash!: string;
  @ApiProperty({ type: [String], description: 'Base64 hashes, in RFC 9162 order (leaf to root)' }) proof!: string[];
  @ApiPropertyOptional({ type: [String], description: 'Credential fields that make the leaf withheld' }) redactedFields?: string[];
}

export class ConsistencyProofResponse {
  @ApiProperty({ type: 'integer' }) from!: number;
  @ApiProperty({ type: 'integer' }) to!: number;
  @ApiProperty({ type: [String], description: 'Base64 hashes, RFC 9162 §2.1.4' }) proof!: string[];
}

@ApiSchema({ name: 'Witness', description: 'A witness the log asks to cosign its checkpoints' })
export class WitnessResponse {
  @ApiProperty({ example: 'wa.example.gov/witness', description: "The witness key's name, as its cosignature lines name it" }) name!: string;
  @ApiProperty({ description: 'Its C2SP signed-note verifier key `<name>+<hex key ID>+<base64(0x04 || Ed25519 public key)>` (c2sp.org/tlog-cosignature)' })
  verifierKey!: string;
}

@ApiSchema({ name: 'Witnesses' })
export class WitnessesResponse {
  @ApiProperty({ type: [WitnessResponse], description: 'In the order configured (WITNESSES); empty when no witness is configured' }) witnesses!: WitnessResponse[];
}
