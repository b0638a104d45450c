import { applyDecorators } from '@nestjs/common';
import { IsISO8601, IsString, Matches, MaxLength } from 'class-validator';

/** A non-blank string of at most `max` characters. */
export const Text = (max: number) => applyDecorators(IsString(), MaxLength(max), Matches(/\S/, { message: '$property must not be blank' }));

/** A calendar date `YYYY-MM-DD` that exists (no February 30). */
export const CalendarDate = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
  );

export const SHA256_HEX = /^[0-9a-fA-F]{64}$/;
export const Sha256 = () => Matches(SHA256_HEX, { message: '$property must be 64 hexadecimal characters (a SHA-256 digest)' });
