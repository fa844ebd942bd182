import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { isCountryCode, isOrcid, isSpdxLicence, PERSISTENT_IDENTIFIER_PATTERNS } from './standards.js';

/** The asset-specific identifier standards as validators; language tags and maps are #ikm/http's (`LanguageTag`, `LanguageMap`). */

export function CountryCode(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    { name: 'countryCode', validator: { validate: isCountryCode, defaultMessage: (args) => `${args?.property} must be ISO 3166-1 alpha-2 country codes, e.g. FR, KE` } },
    options,
  );
}

export function Orcid(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    { name: 'orcid', validator: { validate: isOrcid, defaultMessage: (args) => `${args?.property} must be an ORCID iD with a valid checksum, e.g. 0000-0002-1825-0097` } },
    options,
  );
}

export function SpdxLicence(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    { name: 'spdxLicence', validator: { validate: isSpdxLicence, defaultMessage: (args) => `${args?.property} must be an SPDX licence identifier, e.g. CC-BY-4.0` } },
    options,
  );
}

/** The `value` of a persistent identifier, checked against the syntax of its sibling `scheme`. */
export function PersistentIdentifierValue(options: ValidationOptions = {}): PropertyDecorator {
  const patternOf = (args?: ValidationArguments) => PERSISTENT_IDENTIFIER_PATTERNS[(args?.object as { scheme?: string }).scheme as 'doi' | 'handle'];
  return ValidateBy(
    {
      name: 'persistentIdentifier',
      validator: {
        validate: (value: unknown, args) => typeof value === 'string' && value.length <= 300 && (patternOf(args)?.test(value) ?? false),
        defaultMessage: (args) => `${args?.property} must be a ${(args?.object as { scheme?: string }).scheme === 'handle' ? 'Handle such as 20.500.12345/678' : 'DOI such as 10.1234/abc-5'}`,
      },
    },
    options,
  );
}
