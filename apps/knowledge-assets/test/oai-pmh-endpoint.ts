import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OAI-PMH repository for the harvester's tests, answering from recorded responses
 * (fixtures/oai-pmh: DSpace- and InvenioRDM-style oai_dc, three pages of one list of six records).
 * Each base path is a repository of its own with its own request log; a test can make a page fail
 * once (503 with Retry-After), hold a page until released, or answer `noRecordsMatch` to a `from`.
 */
export const fixture = (name: string): string => readFileSync(new URL(`./fixtures/oai-pmh/${name}`, import.meta.url), 'utf8');

const PAGES: Record<string, string> = { '': 'list-records-1.xml', 'page-2': 'list-records-2.xml', 'page-3': 'list-records-3.xml' };

export interface RepositoryBehaviour {
  /** Tokens whose first request answers 503 (then the page). */
  failOnce?: Set<string>;
  /** A token whose requests wait until this resolves. */
  hold?: { token: string; until: Promise<void>; reached: () => void };
  /** Answer `noRecordsMatch` to a request with `from` (nothing new since then). */
  nothingSinceFrom?: boolean;
}

export class OaiPmhEndpoint {
  private server?: Server;
  readonly requests = new Map<string, URLSearchParams[]>();
  readonly behaviour = new Map<string, RepositoryBehaviour>();

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const log = this.requests.get(url.pathname) ?? [];
      this.requests.set(url.pathname, [...log, url.searchParams]);
      const behaviour = this.behaviour.get(url.pathname) ?? {};
      const answer = (file: string) => response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(fixture(file));
      const verb = url.searchParams.get('verb');
      if (verb === 'Identify') return answer('identify.xml');
      if (verb !== 'ListRecords') return response.writeHead(400).end();
      const token = url.searchParams.get('resumptionToken') ?? '';
      if (!token && url.searchParams.get('from') && behaviour.nothingSinceFrom) return answer('no-records-match.xml');
      if (behaviour.failOnce?.delete(token)) return response.writeHead(503, { 'retry-after': '0' }).end('busy');
      const page = PAGES[token];
      if (!page) return response.writeHead(400).end();
      if (behaviour.hold?.token === token) {
        behaviour.hold.reached();
        void behaviour.hold.until.then(() => answer(page));
        return;
      }
      answer(page);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}${path}`;
  }

  /** The ListRecords requests made of a repository, as `from=…` or `token=…` (empty: a full list). */
  listRequests(path: string): string[] {
    return (this.requests.get(path) ?? [])
      .filter((parameters) => parameters.get('verb') === 'ListRecords')
      .map((parameters) => (parameters.has('resumptionToken') ? `token=${parameters.get('resumptionToken')}` : parameters.has('from') ? `from=${parameters.get('from')}` : 'all'));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
