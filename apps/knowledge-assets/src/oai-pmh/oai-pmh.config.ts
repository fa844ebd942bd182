import { cleanEnv, email, makeValidator, str, url } from 'envalid';

const DEVELOPMENT_TOKEN_SECRET = 'ikm-development-oai-resumption-secret-0123456789';

const secret = makeValidator<string>((value) => {
  if (value.length < 32) throw new Error('must be at least 32 characters long');
  return value;
});

const positiveInteger = (max: number) =>
  makeValidator<number>((value) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1 || number > max) throw new Error(`must be a whole number from 1 to ${max}`);
    return number;
  });

/** A repository identifier as OAI-PMH's oai-identifier scheme shapes it (a domain name). */
const repositoryIdentifier = makeValidator<string>((value) => {
  if (!/^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/.test(value)) throw new Error('must be a domain name (the oai-identifier scheme: ilo.org)');
  return value;
});

/** The OAI-PMH data provider: how it names itself, where it is reached, and how its resumption tokens are signed. */
export function loadOaiPmhSettings(env: NodeJS.ProcessEnv = process.env) {
  return cleanEnv(env, {
    PUBLIC_BASE_URL: url({ default: 'http://127.0.0.1:3000', desc: "the gateway's public URL: OAI-PMH's baseURL and the records' URLs are under it" }),
    OAI_REPOSITORY_NAME: str({ default: 'ILO knowledge assets', desc: 'repositoryName answered to Identify' }),
    OAI_REPOSITORY_IDENTIFIER: repositoryIdentifier({ default: 'ikm.ilo.org', desc: 'the repository identifier of oai:<identifier>:<asset id>' }),
    OAI_ADMIN_EMAIL: email({ default: 'ikmu@ilo.org', desc: 'adminEmail answered to Identify' }),
    OAI_TOKEN_SECRET: secret({ devDefault: DEVELOPMENT_TOKEN_SECRET, desc: 'HMAC key of resumption tokens (at least 32 characters); the same on every instance' }),
    OAI_TOKEN_TTL_SECONDS: positiveInteger(7 * 24 * 3600)({ default: 24 * 3600, desc: 'how long a resumption token stays valid' }),
    OAI_PAGE_SIZE: positiveInteger(1000)({ default: 100, desc: 'records or headers per ListRecords / ListIdentifiers answer' }),
  });
}

export type OaiPmhSettings = ReturnType<typeof loadOaiPmhSettings>;
