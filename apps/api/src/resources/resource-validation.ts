import { toHundredths } from '@coalition/domain';
import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';
import { validationProblem } from '../common/http/problem';

export const RESOURCE_TYPE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A unit is free text ("each", "crew-days", "m³"), without control characters or outer spaces. */
export const UNIT_PATTERN = /^[^\s\p{C}](?:[^\p{C}]{0,38}[^\s\p{C}])?$/u;

/** A decimal with at most 2 places: a quantity (hundredths of its unit) or USD (cents). */
export function IsTwoPlaceDecimal(sign: 'positive' | 'non-negative', options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTwoPlaceDecimal',
      validator: {
        validate: (value: unknown) => {
          const hundredths = toHundredths(value);
          return hundredths !== undefined && (sign === 'positive' ? hundredths > 0 : hundredths >= 0);
        },
        defaultMessage: buildMessage((each) => `${each}$property must be a ${sign} number with at most 2 decimal places`),
      },
    },
    options,
  );
}

/** The integer the domain works in; the DTO has already validated the decimal. */
export function hundredths(value: number, field = 'quantity'): number {
  const exact = toHundredths(value);
  if (exact === undefined) throw validationProblem('The request is invalid', [{ field, message: `${field} must have at most 2 decimal places` }]);
  return exact;
}
