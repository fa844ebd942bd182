import { parseUpstreams } from './upstreams.js';

describe('parseUpstreams', () => {
  it('reads name=url pairs, keeping only the origin', () => {
    expect(parseUpstreams('ideas=http://10.0.0.1:3001/, metrics=https://metrics.internal')).toEqual([
      { name: 'ideas', url: 'http://10.0.0.1:3001' },
      { name: 'metrics', url: 'https://metrics.internal' },
    ]);
  });

  it.each([
    ['', /at least one/],
    ['ideas', /not name=url/],
    ['Ideas=http://x', /not name=url/],
    ['ideas=ftp://x', /not an http/],
    ['ideas=http://a,ideas=http://b', /unique/],
    ['ideas=not a url', /Invalid URL/],
  ])('refuses %j', (value, message) => {
    expect(() => parseUpstreams(value)).toThrow(message);
  });
});
