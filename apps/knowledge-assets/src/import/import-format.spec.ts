import { headerProblem, recordFromCsv, recordFromJson } from './import-format.js';

describe('the CSV import format', () => {
  it('maps multilingual columns, lists and creators to the API fields', () => {
    const record = recordFromCsv(
      {
        identifier: ' 42 ',
        url: '',
        deleted: '',
        'title@en': 'Decent work',
        'title@fr': 'Travail décent',
        'keywords@en': 'wages; ; hours',
        creators: 'Ana García <0000-0002-1825-0097>; Li Wei',
        languages: 'en;fr',
        doi: '10.54394/ABC',
      },
      'labordoc',
    );
    expect(record).toEqual({
      source: { platform: 'labordoc', identifier: '42', url: null },
      datestamp: null,
      deleted: false,
      metadata: {
        title: { en: 'Decent work', fr: 'Travail décent' },
        keywords: { en: ['wages', 'hours'] },
        creators: [
          { name: 'Ana García', orcid: '0000-0002-1825-0097', staffId: null },
          { name: 'Li Wei', orcid: null, staffId: null },
        ],
        languages: ['en', 'fr'],
        persistentIdentifier: { scheme: 'doi', value: '10.54394/ABC' },
      },
    });
    expect(recordFromCsv({ identifier: '1', deleted: 'TRUE', platform: 'i_eval_discovery' }, 'labordoc')).toMatchObject({ deleted: true, source: { platform: 'i_eval_discovery' } });
  });

  it('refuses a header without identifier, with unknown or repeated columns', () => {
    expect(headerProblem(['identifier', 'title@en', 'creators'])).toBeNull();
    expect(headerProblem(['title@en'])).toMatch(/identifier/);
    expect(headerProblem(['identifier', 'colour'])).toMatch(/unknown columns: colour/);
    expect(headerProblem(['identifier', 'title', 'summary@en'])).toMatch(/unknown columns: title, summary@en/);
    expect(headerProblem(['identifier', 'type', 'type'])).toMatch(/repeated columns: type/);
  });
});

describe('the JSON import format', () => {
  it('takes the REST create body with source and deleted; anything else has no identifier', () => {
    expect(recordFromJson({ source: { identifier: 'x', url: 'https://a.example/x' }, type: 'dataset', deleted: true }, 'labordoc')).toEqual({
      source: { platform: 'labordoc', identifier: 'x', url: 'https://a.example/x' },
      datestamp: null,
      deleted: true,
      metadata: { type: 'dataset' },
    });
    expect(recordFromJson(7, 'labordoc').source.identifier).toBe('');
  });
});
