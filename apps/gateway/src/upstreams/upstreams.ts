/** A service behind the gateway: `/api/v1/<name>/...` is forwarded to `<url>/<name>/...`. */
export interface Upstream {
  name: string;
  url: string;
}

export const API_PREFIX = '/api/v1';

export function parseUpstreams(value: string): Upstream[] {
  const upstreams = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [name, url, ...rest] = entry.split('=');
      if (!name || !url || rest.length || !/^[a-z][a-z0-9-]*$/.test(name)) {
        throw new Error(`"${entry}" is not name=url with a lowercase service name`);
      }
      const parsed = new URL(url);
      if (!['http:', 'https:'].includes(parsed.protocol)) throw new Error(`"${url}" is not an http(s) URL`);
      return { name, url: parsed.origin };
    });
  if (upstreams.length === 0) throw new Error('at least one upstream is needed');
  if (new Set(upstreams.map((upstream) => upstream.name)).size !== upstreams.length) throw new Error('service names must be unique');
  return upstreams;
}
