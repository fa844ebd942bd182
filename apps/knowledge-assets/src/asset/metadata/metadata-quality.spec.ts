import type { AssetMetadata } from './asset-metadata.js';
import { EMPTY_METADATA } from './metadata-input.js';
import { metadataQuality } from './metadata-quality.js';

// The defaults of a new draft, with only what this test's record sets.
const minimal: AssetMetadata = { ...EMPTY_METADATA, type: 'publication', title: { en: 'Title' }, abstract: {}, publishingUnit: 'DIALOGUE' };

const complete: AssetMetadata = {
  ...minimal,
  abstract: { en: 'Abstract' },
  keywords: { en: ['dialogue'] },
  creators: [{ name: 'Ana', orcid: null, staffId: 'ana' }],
  dateIssued: '2026-01-01',
  languages: ['en'],
  regions: ['africa'],
  source: { platform: 'labordoc', identifier: '99123', url: null },
  licence: 'CC-BY-4.0',
  files: [{ url: 'https://example.org/a.pdf', mediaType: 'application/pdf', size: null, checksum: null }],
};

describe('metadata quality', () => {
  it('scores a complete record 100 with nothing missing', () => {
    expect(metadataQuality(complete)).toEqual({ score: 100, missing: [], missingRequired: [] });
  });

  it('names the Dublin Core elements and required fields a minimal record lacks', () => {
    expect(metadataQuality(minimal)).toEqual({
      score: 23, // title, publisher and type: 3 of 13
      missing: ['creator', 'subject', 'description', 'date', 'format', 'identifier', 'source', 'language', 'coverage', 'rights'],
      missingRequired: ['creators', 'dateIssued', 'languages'],
    });
  });

  it('requires someone to restrict to when the record is restricted', () => {
    expect(metadataQuality({ ...complete, accessLevel: 'restricted' }).missingRequired).toEqual(['restrictedToUnits']);
    expect(metadataQuality({ ...complete, accessLevel: 'restricted', restrictedToUnits: ['DIALOGUE'] }).missingRequired).toEqual([]);
  });

  it('counts a persistent identifier or a source identifier as the identifier, countries or regions as coverage', () => {
    const other = { ...complete, source: null, persistentIdentifier: { scheme: 'doi' as const, value: '10.1234/x' }, regions: [], countries: ['KE'] };
    expect(metadataQuality(other).missing).toEqual(['source']);
  });
});
