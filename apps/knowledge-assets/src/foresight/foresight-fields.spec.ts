import { misplacedForesightFields, missingForesightFields, NO_FORESIGHT, ownForesightFields, readableAfterEdit, withForesightDefaults } from './foresight-fields.js';

describe('foresight fields by type', () => {
  it('names the fields given to a type that lacks them, an empty list or map saying nothing', () => {
    expect(misplacedForesightFields('policy_brief', { ...NO_FORESIGHT, drivers: [{ category: 'social', description: null }], sources: [], narrative: {} })).toEqual(['drivers']);
    expect(misplacedForesightFields('foresight_signal', { ...NO_FORESIGHT, signals: ['a'], narrative: { en: 'story' }, likelihood: 3 })).toEqual(['narrative', 'signals']);
    expect(misplacedForesightFields('foresight_scenario', { ...NO_FORESIGHT, impact: 2, horizon: { from: 2030, to: 2031 } })).toEqual(['impact']);
  });

  it('fills a type’s own empty fields and clears the others', () => {
    const sut = withForesightDefaults('foresight_scenario', { ...NO_FORESIGHT, drivers: [] });
    expect(sut).toEqual({ ...NO_FORESIGHT, narrative: {}, signals: [], sources: [] });
    expect(ownForesightFields('foresight_signal', withForesightDefaults('foresight_signal', NO_FORESIGHT))).toEqual({ drivers: [], horizon: null, likelihood: null, impact: null, sources: [] });
    expect(ownForesightFields('dataset', withForesightDefaults('dataset', NO_FORESIGHT))).toEqual({});
  });

  it('lists what submission needs of each foresight type, and nothing of others', () => {
    expect(missingForesightFields('foresight_signal', withForesightDefaults('foresight_signal', { ...NO_FORESIGHT, likelihood: 2 }))).toEqual(['drivers', 'horizon', 'impact']);
    expect(missingForesightFields('foresight_scenario', withForesightDefaults('foresight_scenario', NO_FORESIGHT))).toEqual(['narrative', 'horizon', 'signals']);
    expect(missingForesightFields('toolkit', NO_FORESIGHT)).toEqual([]);
  });

  it('shows after an edit only the references the reader saw before or the editor added', () => {
    expect(readableAfterEdit(['hidden', 'seen', 'added'], ['hidden', 'seen'], ['seen'], (id) => id)).toEqual(['seen', 'added']);
    expect(readableAfterEdit(null, ['seen'], ['seen'], (id) => id)).toBeNull();
    const url = { url: 'https://example.org', assetId: null, note: null };
    expect(readableAfterEdit([url, { url: null, assetId: 'hidden', note: null }], [{ url: null, assetId: 'hidden', note: null }], [], (source) => source.assetId)).toEqual([url]);
  });
});
