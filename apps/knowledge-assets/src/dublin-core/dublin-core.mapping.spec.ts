import type { AssetMetadata } from '../asset/metadata/asset-metadata.js';
import { EMPTY_METADATA } from '../asset/metadata/metadata-input.js';
import { dublinCoreOf, metadataFromDublinCore } from './dublin-core.mapping.js';
import type { DublinCoreRecord } from './dublin-core-record.js';
import { readOaiDc, writeOaiDc } from './oai-dc.xml.js';

const CONCEPT = '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const LABELS = new Map([[CONCEPT, { en: 'Social protection', fr: 'Protection sociale' }]]);

const FULL: AssetMetadata = {
  type: 'policy_brief',
  title: { en: 'Social protection floors', fr: 'Socles de protection sociale' },
  abstract: { en: 'What floors cover.', fr: 'Ce que couvrent les socles.' },
  keywords: { en: ['pensions', 'health'], fr: ['retraites'] },
  creators: [
    { name: 'Doe, Jane', orcid: '0000-0002-1825-0097', staffId: null },
    { name: 'Roe, Richard', orcid: null, staffId: null },
  ],
  publishingUnit: 'SOCPRO',
  dateIssued: '2024-05-03',
  languages: ['en', 'fr'],
  subjects: [CONCEPT],
  countries: ['KE', 'FR'],
  regions: ['africa'],
  source: { platform: 'labordoc', identifier: '994945812302676', url: 'https://labordoc.ilo.org/permalink/41ILO_INST/1s2ok7o/alma994945812302676' },
  persistentIdentifier: { scheme: 'doi', value: '10.1234/ilo.2024.5' },
  licence: 'CC-BY-4.0',
  accessLevel: 'public',
  restrictedToUnits: [],
  restrictedToCommunities: [],
  embargoUntil: null,
  files: [{ url: 'https://example.org/brief.pdf', mediaType: 'application/pdf', size: 10, checksum: null }],
};

const URL = 'https://ikm.example.org/api/v1/knowledge-assets/assets/0b7c0d1e-0000-4000-8000-000000000001';

describe('Dublin Core mapping', () => {
  it('writes every element the metadata answers, with languages', () => {
    const sut = dublinCoreOf(FULL, { url: URL, conceptLabels: LABELS, relations: [`${URL}/versions/1`], today: '2026-12-08' });
    expect(sut).toEqual({
      title: [
        { value: 'Social protection floors', lang: 'en' },
        { value: 'Socles de protection sociale', lang: 'fr' },
      ],
      creator: [{ value: 'Doe, Jane (https://orcid.org/0000-0002-1825-0097)' }, { value: 'Roe, Richard' }],
      subject: [
        { value: 'pensions', lang: 'en' },
        { value: 'health', lang: 'en' },
        { value: 'retraites', lang: 'fr' },
        { value: 'Social protection', lang: 'en' },
        { value: 'Protection sociale', lang: 'fr' },
        { value: `urn:uuid:${CONCEPT}` },
      ],
      description: [
        { value: 'What floors cover.', lang: 'en' },
        { value: 'Ce que couvrent les socles.', lang: 'fr' },
      ],
      publisher: [{ value: 'SOCPRO' }],
      date: [{ value: '2024-05-03' }],
      type: [{ value: 'Text' }, { value: 'policy_brief' }],
      format: [{ value: 'application/pdf' }],
      identifier: [{ value: 'https://doi.org/10.1234/ilo.2024.5' }, { value: URL }],
      source: [{ value: 'labordoc:994945812302676' }, { value: FULL.source!.url! }],
      language: [{ value: 'en' }, { value: 'fr' }],
      relation: [{ value: `${URL}/versions/1` }],
      coverage: [{ value: 'KE' }, { value: 'FR' }, { value: 'Africa', lang: 'en' }],
      rights: [{ value: 'https://spdx.org/licenses/CC-BY-4.0.html' }, { value: 'info:eu-repo/semantics/openAccess' }],
    });
  });

  it('withholds the abstract and formats while the content is under embargo for the reader, and says the embargo', () => {
    const sut = dublinCoreOf({ ...FULL, embargoUntil: '2027-01-01' }, { url: URL, contentEmbargoed: true, today: '2026-12-08' });
    expect(sut.description).toBeUndefined();
    expect(sut.format).toBeUndefined();
    expect(sut.date).toEqual([{ value: '2024-05-03' }, { value: 'info:eu-repo/date/embargoEnd/2027-01-01' }]);
    expect(sut.rights).toContainEqual({ value: 'info:eu-repo/semantics/embargoedAccess' });
  });

  it('round-trips a full record through oai_dc XML, losing only what Dublin Core cannot say', () => {
    const record = readOaiDc(writeOaiDc(dublinCoreOf(FULL, { url: URL, conceptLabels: LABELS, relations: [`${URL}/versions/1`] })));
    const labelToConcept = (label: string) => ([...LABELS].find(([, labels]) => Object.values(labels).includes(label))?.[0] ?? null);

    const sut = metadataFromDublinCore(record, { conceptOf: labelToConcept });

    // Dublin Core names no files' URLs nor whom a restricted asset is for; no embargo is no date.
    const { files, restrictedToUnits, restrictedToCommunities, embargoUntil, ...said } = FULL;
    expect(sut.metadata).toEqual(said);
    expect({ files: files.length, restrictedToUnits, restrictedToCommunities, embargoUntil }).toEqual({ files: 1, restrictedToUnits: [], restrictedToCommunities: [], embargoUntil: null });
    // The reasons name each thing dropped: the file (no URL), our own URL (not a DOI), the version relation.
    expect(sut.errors.map((error) => error.field).sort()).toEqual(['format', 'identifier', 'relation']);
  });

  it('round-trips a minimal record, its texts in no language', () => {
    const minimal: AssetMetadata = { ...EMPTY_METADATA, type: 'dataset', title: { und: 'Untitled data' }, publishingUnit: 'STATISTICS', accessLevel: 'public' };
    expect(minimal.embargoUntil).toBeNull();
    const sut = metadataFromDublinCore(readOaiDc(writeOaiDc(dublinCoreOf(minimal, { url: null }))));
    expect(sut).toEqual({ metadata: { type: 'dataset', title: { und: 'Untitled data' }, publishingUnit: 'STATISTICS', accessLevel: 'public' }, errors: [] });
  });

  it('reads what DSpace sends: every date, Surname-Given creators, hdl identifiers, language names, citations', () => {
    const dspace: DublinCoreRecord = {
      title: [{ value: 'Labour inspection in Africa', lang: 'en_US' }],
      creator: [{ value: 'Mensah, Kofi' }, { value: 'Diallo, Awa 0000-0001-5109-3700' }],
      contributor: [{ value: 'ILO Regional Office for Africa' }],
      subject: [{ value: 'labour inspection', lang: 'en_US' }, { value: 'Africa' }],
      description: [{ value: 'A review of labour inspection systems.' }],
      date: [{ value: '2020-02-11T09:13:22Z' }, { value: '2020-02-11T09:13:22Z' }, { value: '2019' }],
      type: [{ value: 'Text' }, { value: 'Article' }],
      identifier: [{ value: 'http://hdl.handle.net/20.500.12345/678' }, { value: 'Journal of Labour, vol. 3' }],
      language: [{ value: 'English' }],
      publisher: [{ value: 'ILO' }],
      coverage: [{ value: 'Ghana' }, { value: 'SEN' }, { value: '2010-2015' }],
      rights: [{ value: 'http://creativecommons.org/licenses/by-nc-sa/4.0/' }, { value: 'Copyright ILO' }],
      source: [{ value: 'Journal of Labour, vol. 3' }],
      format: [{ value: '1.2 MB' }],
    };

    const sut = metadataFromDublinCore(dspace);

    expect(sut.metadata).toEqual({
      type: 'publication',
      title: { 'en-US': 'Labour inspection in Africa' },
      abstract: { en: 'A review of labour inspection systems.' },
      keywords: { 'en-US': ['labour inspection'], en: ['Africa'] },
      creators: [
        { name: 'Mensah, Kofi', orcid: null, staffId: null },
        { name: 'Diallo, Awa', orcid: '0000-0001-5109-3700', staffId: null },
      ],
      publishingUnit: 'ILO',
      dateIssued: '2019-01-01',
      languages: ['en'],
      persistentIdentifier: { scheme: 'handle', value: '20.500.12345/678' },
      countries: ['GH', 'SN'],
      licence: 'CC-BY-NC-SA-4.0',
    });
    expect(sut.errors).toEqual([
      { field: 'contributor', reason: expect.stringContaining('no contributors') },
      { field: 'format', reason: expect.stringContaining('"1.2 MB"') },
      { field: 'identifier', reason: expect.stringContaining('"Journal of Labour, vol. 3": not a DOI or Handle') },
      { field: 'source', reason: expect.stringContaining('a citation has no field') },
      { field: 'coverage', reason: expect.stringContaining('"2010-2015"') },
      { field: 'rights', reason: expect.stringContaining('"Copyright ILO"') },
    ]);
  });

  it('reads what InvenioRDM sends: info:eu-repo types and access, doi.org identifiers, ISO 639-3 languages, embargo ends', () => {
    const invenio: DublinCoreRecord = {
      title: [{ value: 'Wage survey microdata' }],
      creator: [{ value: 'Dupont, Marie' }],
      date: [{ value: '2021-06' }, { value: 'info:eu-repo/date/embargoEnd/2027-06-30' }],
      type: [{ value: 'info:eu-repo/semantics/other' }, { value: 'Dataset' }],
      identifier: [{ value: 'https://doi.org/10.5281/zenodo.1234567' }, { value: 'oai:zenodo.org:1234567' }, { value: 'https://hdl.handle.net/20.500.1/2' }],
      language: [{ value: 'fra' }, { value: 'eng' }],
      rights: [{ value: 'info:eu-repo/semantics/embargoedAccess' }, { value: 'https://spdx.org/licenses/CC0-1.0' }],
      relation: [{ value: 'doi:10.5281/zenodo.1234566' }],
    };

    const sut = metadataFromDublinCore(invenio);

    expect(sut.metadata).toEqual({
      type: 'dataset',
      title: { und: 'Wage survey microdata' },
      creators: [{ name: 'Dupont, Marie', orcid: null, staffId: null }],
      dateIssued: '2021-06-01',
      embargoUntil: '2027-06-30',
      languages: ['fr', 'en'],
      persistentIdentifier: { scheme: 'doi', value: '10.5281/zenodo.1234567' },
      accessLevel: 'public',
      licence: 'CC0-1.0',
    });
    expect(sut.errors.map((error) => error.field)).toEqual(['identifier', 'identifier', 'relation']);
  });

  it('tells each kind of type, language and date it meets', () => {
    const read = (record: DublinCoreRecord) => metadataFromDublinCore(record).metadata;
    expect(read({ type: [{ value: 'info:eu-repo/semantics/workingPaper' }, { value: 'Text' }] }).type).toBe('publication');
    expect(read({ type: [{ value: 'Text' }, { value: 'lesson_learned' }] }).type).toBe('lesson_learned');
    expect(read({ type: [{ value: 'Policy brief' }] }).type).toBe('policy_brief');
    expect(read({ type: [{ value: 'info:eu-repo/semantics/lecture' }] }).type).toBe('course_material');
    expect(metadataFromDublinCore({ type: [{ value: 'Image' }] })).toEqual({ metadata: {}, errors: [{ field: 'type', reason: expect.stringContaining('"Image"') }] });
    expect(read({ language: [{ value: 'eng' }, { value: 'Español' }, { value: 'ger' }, { value: 'en_GB' }, { value: 'français' }] }).languages).toEqual(['en', 'es', 'de', 'en-GB', 'fr']);
    expect(metadataFromDublinCore({ language: [{ value: 'Klingonese' }] }).errors).toEqual([{ field: 'language', reason: expect.stringContaining('Klingonese') }]);
    expect(read({ date: [{ value: '2019-05-03T10:00:00Z' }] }).dateIssued).toBe('2019-05-03');
    expect(metadataFromDublinCore({ date: [{ value: '2019-02-30' }, { value: 'spring 2019' }] }).errors.map((error) => error.field)).toEqual(['date', 'date']);
    expect(read({ identifier: [{ value: 'hdl:10568/1234' }] }).persistentIdentifier).toEqual({ scheme: 'handle', value: '10568/1234' });
    expect(read({ identifier: [{ value: 'doi:10.1234/ABC' }] }).persistentIdentifier).toEqual({ scheme: 'doi', value: '10.1234/ABC' });
    expect(read({ rights: [{ value: 'info:eu-repo/semantics/closedAccess' }] }).accessLevel).toBe('internal');
    expect(read({ coverage: [{ value: 'Asia and the Pacific' }, { value: 'arab_states' }] }).regions).toEqual(['asia_and_the_pacific', 'arab_states']);
  });

  it('keeps the first of two titles in one language and says so', () => {
    const sut = metadataFromDublinCore({ title: [{ value: 'Main', lang: 'en' }, { value: 'Alternative', lang: 'en' }, { value: 'Titre', lang: 'xx-bogus-tag-that-is-long' }] });
    expect(sut.metadata.title).toEqual({ en: 'Main', und: 'Titre' });
    expect(sut.errors.map((error) => error.field)).toEqual(['title', 'title']);
  });
});
