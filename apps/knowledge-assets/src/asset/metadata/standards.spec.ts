import { CHECKSUM, isCountryCode, isOrcid, isSpdxLicence, MEDIA_TYPE, PERSISTENT_IDENTIFIER_PATTERNS } from './standards.js';

describe('identifier standards', () => {
  it('knows ISO 3166-1 alpha-2 countries, upper case only', () => {
    expect(['FR', 'KE', 'BR', 'TL'].map(isCountryCode)).toEqual([true, true, true, true]);
    expect(['fr', 'FRA', '250', 'ZZ', 'EU', '', 7].map(isCountryCode)).toEqual([false, false, false, false, false, false, false]);
  });

  it('checks the ORCID checksum (ISO 7064 MOD 11-2), X included', () => {
    expect(['0000-0002-1825-0097', '0000-0001-5109-3700', '0000-0002-1694-233X'].map(isOrcid)).toEqual([true, true, true]);
    expect(['0000-0002-1825-0098', '0000-0002-1694-2339', '0000000218250097', 'https://orcid.org/0000-0002-1825-0097'].map(isOrcid)).toEqual([false, false, false, false]);
  });

  it('knows SPDX licence identifiers as SPDX spells them', () => {
    expect(['CC-BY-4.0', 'MIT', 'Apache-2.0', 'CC0-1.0'].map(isSpdxLicence)).toEqual([true, true, true, true]);
    expect(['cc-by-4.0', 'CC-BY', 'proprietary', ''].map(isSpdxLicence)).toEqual([false, false, false, false]);
  });

  it('matches DOIs and Handles by their syntax', () => {
    expect(PERSISTENT_IDENTIFIER_PATTERNS.doi.test('10.1234/ilo.2026.5')).toBe(true);
    expect(PERSISTENT_IDENTIFIER_PATTERNS.doi.test('10.12/x')).toBe(false);
    expect(PERSISTENT_IDENTIFIER_PATTERNS.doi.test('doi:10.1234/x')).toBe(false);
    expect(PERSISTENT_IDENTIFIER_PATTERNS.handle.test('20.500.12345/678')).toBe(true);
    expect(PERSISTENT_IDENTIFIER_PATTERNS.handle.test('handle/678')).toBe(false);
  });

  it('matches checksums and media types', () => {
    expect(CHECKSUM.test(`sha256:${'a'.repeat(64)}`)).toBe(true);
    expect(CHECKSUM.test(`sha256:${'a'.repeat(63)}`)).toBe(false);
    expect(CHECKSUM.test(`crc32:${'a'.repeat(8)}`)).toBe(false);
    expect(MEDIA_TYPE.test('application/pdf')).toBe(true);
    expect(MEDIA_TYPE.test('pdf')).toBe(false);
  });
});
