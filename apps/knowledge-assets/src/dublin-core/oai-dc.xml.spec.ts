import { XMLValidator } from 'fast-xml-parser';
import { parseXmlDocument } from './xml-document.js';
import { readOaiDc, writeOaiDc } from './oai-dc.xml.js';

describe('oai_dc XML', () => {
  it('writes the oai_dc:dc element with both namespaces, xml:lang and escaped text', () => {
    const sut = writeOaiDc({ title: [{ value: 'Wages & <prices>', lang: 'en' }], creator: [{ value: 'O\u0001Neil, Pat' }] });
    expect(XMLValidator.validate(sut)).toBe(true);
    expect(sut).toBe(
      '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">' +
        '<dc:title xml:lang="en">Wages &amp; &lt;prices&gt;</dc:title><dc:creator>ONeil, Pat</dc:creator></oai_dc:dc>',
    );
  });

  it('reads what it writes', () => {
    const record = { title: [{ value: 'A & B', lang: 'fr' }], subject: [{ value: 'x' }, { value: 'y', lang: 'en' }], rights: [{ value: 'info:eu-repo/semantics/openAccess' }] };
    expect(readOaiDc(writeOaiDc(record))).toEqual(record);
  });

  it('resolves names by namespace, not by prefix, and ignores other namespaces', () => {
    const xml = `<?xml version="1.0"?>
      <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:d="http://purl.org/dc/elements/1.1/">
        <GetRecord><record><metadata>
          <f:dc xmlns:f="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:x="urn:other">
            <d:title xml:lang="es">Trabajo decente</d:title>
            <x:title>not Dublin Core</x:title>
            <title>no namespace here either</title>
            <d:date> 2019-05 </d:date>
          </f:dc>
        </metadata></record></GetRecord>
      </OAI-PMH>`;
    expect(readOaiDc(xml)).toEqual({ title: [{ value: 'Trabajo decente', lang: 'es' }], date: [{ value: '2019-05' }] });
  });

  it('reads an element parsed elsewhere, with the prefixes in scope above it', () => {
    const document = parseXmlDocument('<r xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"><oai_dc:dc><dc:title>T</dc:title></oai_dc:dc></r>');
    const dc = (document['r'] as Array<Record<string, unknown>>)[0]!['oai_dc:dc'] as never[];
    expect(readOaiDc(dc[0]!, { oai_dc: 'http://www.openarchives.org/OAI/2.0/oai_dc/', dc: 'http://purl.org/dc/elements/1.1/' })).toEqual({ title: [{ value: 'T' }] });
  });

  it('refuses a document without oai_dc:dc, and XML that is not well formed', () => {
    expect(() => readOaiDc('<dc xmlns="urn:not-oai"/>')).toThrow(/no oai_dc:dc/);
    expect(() => readOaiDc('<oai_dc:dc')).toThrow();
  });

  it('expands no entity a DOCTYPE declares', () => {
    const xml = '<!DOCTYPE d [<!ENTITY e "boom">]><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&e;</dc:title></oai_dc:dc>';
    let title: string | undefined;
    try {
      title = readOaiDc(xml).title?.[0]?.value;
    } catch {
      title = 'refused';
    }
    expect(title).not.toBe('boom');
  });
});
