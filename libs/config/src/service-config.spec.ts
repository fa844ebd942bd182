import { cleanEnv } from 'envalid';
import { baseEnvSpecs } from './service-config.js';

/** envalid's reporter exits the process; this one hands the refused variables to the test instead. */
function refusedVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  let refused: Record<string, string> = {};
  cleanEnv(env, baseEnvSpecs(3000), {
    reporter: ({ errors }) => {
      refused = Object.fromEntries(Object.entries(errors).map(([name, error]) => [name, String(error?.message)]));
    },
  });
  return refused;
}

const SECRET = { AUTH_JWT_SECRET: 'a-secret-of-at-least-32-characters-long' };

describe('baseEnvSpecs', () => {
  describe('issuer and audience', () => {
    it('are required in production, each named with the reason', () => {
      const sut = refusedVariables({ NODE_ENV: 'production', ...SECRET });
      expect(Object.keys(sut).sort()).toEqual(['AUTH_JWT_AUDIENCE', 'AUTH_JWT_ISSUER']);
      expect(sut.AUTH_JWT_ISSUER).toMatch(/required when NODE_ENV=production/);
      expect(sut.AUTH_JWT_AUDIENCE).toMatch(/required when NODE_ENV=production/);
    });

    it('are accepted in production when both are set', () => {
      expect(refusedVariables({ NODE_ENV: 'production', ...SECRET, AUTH_JWT_ISSUER: 'https://idp.example.org', AUTH_JWT_AUDIENCE: 'ikm' })).toEqual({});
    });

    it('are required in production even when only one is missing', () => {
      expect(Object.keys(refusedVariables({ NODE_ENV: 'production', ...SECRET, AUTH_JWT_ISSUER: 'https://idp.example.org' }))).toEqual(['AUTH_JWT_AUDIENCE']);
    });

    it('are optional in development and test', () => {
      expect(refusedVariables({ NODE_ENV: 'development' })).toEqual({});
      expect(refusedVariables({ NODE_ENV: 'test' })).toEqual({});
    });

    it('may not be empty, which would switch the check off as silently', () => {
      const sut = refusedVariables({ NODE_ENV: 'production', ...SECRET, AUTH_JWT_ISSUER: ' ', AUTH_JWT_AUDIENCE: 'ikm' });
      expect(sut).toEqual({ AUTH_JWT_ISSUER: expect.stringMatching(/must not be empty/) });
    });
  });

  describe('TRUSTED_PROXIES', () => {
    function parse(value?: string): string[] {
      return cleanEnv({ NODE_ENV: 'test', ...(value === undefined ? {} : { TRUSTED_PROXIES: value }) }, baseEnvSpecs(3000)).TRUSTED_PROXIES;
    }

    it('trusts no proxy by default', () => {
      expect(parse()).toEqual([]);
    });

    it('takes addresses, CIDR ranges and names, comma-separated', () => {
      expect(parse('10.0.0.1, 192.168.0.0/16,loopback ,::1')).toEqual(['10.0.0.1', '192.168.0.0/16', 'loopback', '::1']);
    });

    it('refuses what is not an address, naming it', () => {
      expect(refusedVariables({ NODE_ENV: 'test', TRUSTED_PROXIES: '10.0.0.1,gateway.local' })).toEqual({
        TRUSTED_PROXIES: expect.stringMatching(/IP addresses or CIDR ranges.*gateway\.local/),
      });
    });
  });
});
