import { readFileSync } from 'node:fs';
import { OaiPmhError, parseIdentify, parseListRecords } from './oai-pmh-response.js';
import { fromArgument } from './oai-pmh-client.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/oai-pmh/${name}`, import.meta.url), 'utf8');

describe('the OAI-PMH envelope', () => {
  it('reads headers, metadata as XML, and the resumption token with its list size and cursor', () => {
    const page = parseListRecords(fixture('list-records-1.xml'));
    expect(page.responseDate).toBe('2026-12-01T10:00:01Z');
    expect(page.records.map((record) => record.header)).toEqual([
      { identifier: 'oai:repository.example:20.500.12345/101', datestamp: '2026-11-02T08:15:00Z', deleted: false, setSpecs: ['com_20.500.12345_1', 'col_20.500.12345_2'] },
      { identifier: 'oai:repository.example:20.500.12345/102', datestamp: '2026-11-03T09:00:00Z', deleted: false, setSpecs: ['col_20.500.12345_2'] },
    ]);
    expect(page.records[0]!.metadataXml).toMatch(/^<oai_dc:dc [^>]*>[\s\S]*<dc:title xml:lang="fr">Salaires[\s\S]*<\/oai_dc:dc>$/);
    expect(page.resumption).toEqual({ token: 'page-2', completeListSize: 6, cursor: 0 });
  });

  it('reads a deleted record without metadata, and the empty token of the last page', () => {
    expect(parseListRecords(fixture('list-records-2.xml')).records[1]).toEqual({
      header: { identifier: 'oai:repository.example:20.500.12345/102', datestamp: '2026-11-12T07:00:00Z', deleted: true, setSpecs: [] },
      metadataXml: null,
    });
    expect(parseListRecords(fixture('list-records-3.xml')).resumption).toEqual({ token: null, completeListSize: 6, cursor: 4 });
  });

  it('throws the OAI error the repository answered, with its code', () => {
    expect(() => parseListRecords(fixture('no-records-match.xml'))).toThrow(expect.objectContaining({ code: 'noRecordsMatch' }) as OaiPmhError);
  });

  it('reads the granularity from Identify, and writes from in it', () => {
    expect(parseIdentify(fixture('identify.xml'))).toMatchObject({ granularity: 'YYYY-MM-DDThh:mm:ssZ', deletedRecord: 'persistent', earliestDatestamp: '2015-01-01T00:00:00Z' });
    expect(fromArgument('2026-11-20T11:11:11Z', 'YYYY-MM-DDThh:mm:ssZ')).toBe('2026-11-20T11:11:11Z');
    expect(fromArgument('2026-11-20T11:11:11Z', 'YYYY-MM-DD')).toBe('2026-11-20');
    expect(fromArgument('2026-11-20', 'YYYY-MM-DDThh:mm:ssZ')).toBe('2026-11-20T00:00:00Z');
  });
});
