// The two modules it needs rather than #ikm/auth's entry, which loads NestJS for the guard and module:
// three quarters of the command's time.
import { ROLES, type Role } from '../libs/auth/src/authenticated-user.js';
import { signDevelopmentToken } from '../libs/auth/src/development-token.js';
import { loadServiceConfig } from '#ikm/config';
import { parseArgs } from 'node:util';

/**
 * `npm run token -- --sub u1 --roles staff,reviewer`: prints a development bearer token signed with
 * AUTH_JWT_SECRET (or the development default). Refuses to run against a real identity provider.
 */
if (process.env.AUTH_JWKS_URL) {
  console.error('AUTH_JWKS_URL is set: tokens come from the identity provider, not from this command.');
  process.exit(1);
}
const { values } = parseArgs({
  options: {
    sub: { type: 'string' },
    roles: { type: 'string', default: 'staff' },
    name: { type: 'string' },
    email: { type: 'string' },
    unit: { type: 'string' },
    'duty-station': { type: 'string' },
    region: { type: 'string' },
    ttl: { type: 'string', default: '8h' },
  },
});
if (!values.sub) {
  console.error('usage: npm run token -- --sub <subject> [--roles staff,reviewer] [--name ..] [--unit ..] [--region ..] [--ttl 8h]');
  process.exit(2);
}
const roles = values.roles.split(',').map((role) => role.trim()).filter(Boolean);
const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
if (unknown.length) {
  console.error(`unknown role(s): ${unknown.join(', ')}; known: ${ROLES.join(', ')}`);
  process.exit(2);
}
const config = loadServiceConfig({ port: 0, database: 'unused' }, { NODE_ENV: 'development', ...process.env });
if (!config.AUTH_JWT_SECRET) {
  console.error('AUTH_JWT_SECRET is not set (it has a development default only when NODE_ENV is development or test).');
  process.exit(1);
}
const token = await signDevelopmentToken(
  config.AUTH_JWT_SECRET,
  {
    sub: values.sub,
    roles: roles as Role[],
    name: values.name,
    email: values.email,
    unit: values.unit,
    duty_station: values['duty-station'],
    region: values.region,
  },
  { issuer: config.AUTH_JWT_ISSUER, audience: config.AUTH_JWT_AUDIENCE, expiresIn: values.ttl },
);
console.log(token);
