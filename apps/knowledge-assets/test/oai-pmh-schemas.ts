import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Checks an answer with libxml2's xmllint (scripts/ensure-xmllint.sh installs it), a parser independent
 * of fast-xml-parser, which writes it: well formed always; against OAI-PMH.xsd or oai_dc.xsd when local
 * copies of the schemas are in OAI_SCHEMA_DIR (default `.run/oai-schemas`). No copy of them was found in
 * a package this machine can fetch (see README, Known limitations), so the schema check runs only where
 * someone placed them.
 */
const SCHEMA_DIR = process.env.OAI_SCHEMA_DIR ?? path.resolve('.run/oai-schemas');

export function validateOaiPmh(xml: string, root: 'OAI-PMH' | 'oai_dc' = 'OAI-PMH'): Promise<string> {
  const schema = path.join(SCHEMA_DIR, root === 'OAI-PMH' ? 'OAI-PMH.xsd' : 'oai_dc.xsd');
  const args = ['--noout', '--nonet', ...(existsSync(schema) ? ['--schema', schema] : []), '-'];
  return new Promise((resolve) => {
    const child = execFile('xmllint', args, (error, _stdout, stderr) => resolve(error ? `invalid: ${stderr || error.message}` : 'valid'));
    child.stdin?.end(xml);
  });
}
