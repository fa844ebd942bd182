import proxyAddr from '@fastify/proxy-addr';
import { cleanEnv, makeValidator, port, str, url } from 'envalid';

const DEVELOPMENT_JWT_SECRET = 'ikm-development-secret-change-me-0123456789';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** HS256 needs a key at least as long as its hash output (RFC 7518, 3.2). */
const jwtSecret = makeValidator<string>((value) => {
  if (value.length < 32) throw new Error('must be at least 32 characters long');
  return value;
});

const brokerList = makeValidator<string[]>((value) => {
  const brokers = value.split(',').map((broker) => broker.trim()).filter(Boolean);
  if (brokers.length === 0 || brokers.some((broker) => !/^[\w.-]+:\d{1,5}$/.test(broker))) {
    throw new Error('must be a comma-separated list of host:port');
  }
  return brokers;
});

const positiveMilliseconds = makeValidator<number>((value) => {
  const milliseconds = Number(value);
  if (!Number.isInteger(milliseconds) || milliseconds < 1) throw new Error('must be a whole number of milliseconds, at least 1');
  return milliseconds;
});

/** An empty value would switch a check off as silently as an absent one: leave the variable unset instead. */
const nonEmpty = makeValidator<string>((value) => {
  if (value.trim() === '') throw new Error('must not be empty (leave it unset instead)');
  return value;
});

/** Addresses, CIDR ranges or proxy-addr's names (loopback, linklocal, uniquelocal), as Fastify's trustProxy takes them. */
const proxyList = makeValidator<string[]>((value) => {
  const proxies = value.split(',').map((proxy) => proxy.trim()).filter(Boolean);
  try {
    proxyAddr.compile(proxies);
  } catch (error) {
    throw new Error(`must be comma-separated IP addresses or CIDR ranges (${(error as Error).message})`);
  }
  return proxies;
});

/** Without both, a token that another issuer signed for another audience passes as long as the key matches. */
const requiredInProduction = (env: Record<string, unknown>) => env.NODE_ENV === 'production';

/** Variables every HTTP process of the platform reads, the gateway included. */
export function baseEnvSpecs(defaultPort: number) {
  return {
    NODE_ENV: str({ choices: ['development', 'test', 'production'], default: 'development' }),
    HOST: str({ default: '127.0.0.1', desc: 'interface to listen on' }),
    PORT: port({ default: defaultPort }),
    AUTH_JWKS_URL: url({ default: undefined, desc: 'JWKS of the identity provider (production, RS256)' }),
    AUTH_JWT_SECRET: jwtSecret({ default: undefined, devDefault: DEVELOPMENT_JWT_SECRET, desc: 'HS256 secret (development)' }),
    AUTH_JWT_ISSUER: nonEmpty({
      default: undefined,
      requiredWhen: requiredInProduction,
      desc: 'the issuer (iss) every token must carry; required when NODE_ENV=production',
    }),
    AUTH_JWT_AUDIENCE: nonEmpty({
      default: undefined,
      requiredWhen: requiredInProduction,
      desc: 'the audience (aud) every token must carry; required when NODE_ENV=production',
    }),
    TRUSTED_PROXIES: proxyList({
      default: [],
      desc: 'comma-separated addresses or CIDR ranges of the proxies whose X-Forwarded-* headers this process believes',
    }),
    LOG_LEVEL: str({ choices: LOG_LEVELS, default: 'info' }),
  };
}

export interface ServiceDefaults {
  port: number;
  database: string;
}

/**
 * Reads and validates a service's environment once, at boot. Invalid or missing values stop the
 * process with a message naming each variable and what is wrong with it (envalid's reporter).
 * The same names are used by docker-compose.yml and the local launcher.
 */
export function loadServiceConfig(defaults: ServiceDefaults, env: NodeJS.ProcessEnv = process.env) {
  return requireTokenVerification(
    cleanEnv(env, {
      ...baseEnvSpecs(defaults.port),
      DATABASE_URL: url({ default: `postgres://postgres@127.0.0.1:5432/${defaults.database}` }),
      KAFKA_BROKERS: brokerList({ default: ['127.0.0.1:9092'], desc: 'comma-separated host:port' }),
      OUTBOX_POLL_INTERVAL_MS: positiveMilliseconds({
        default: 1_000,
        desc: 'how often the outbox relay looks for rows no commit of its process signalled',
      }),
    }),
  );
}

/** What a service's migrate command needs: only its database, so it can run before secrets are issued. */
export function loadMigrationConfig(defaults: ServiceDefaults, env: NodeJS.ProcessEnv = process.env) {
  return cleanEnv(env, {
    DATABASE_URL: url({ default: `postgres://postgres@127.0.0.1:5432/${defaults.database}` }),
    LOG_LEVEL: str({ choices: LOG_LEVELS, default: 'info' }),
  });
}

interface AuthSettings {
  AUTH_JWKS_URL?: string;
  AUTH_JWT_SECRET?: string;
  AUTH_JWT_ISSUER?: string;
  AUTH_JWT_AUDIENCE?: string;
}

/** A rule across two variables, which envalid cannot express: one way to verify tokens must be set. */
export function requireTokenVerification<C extends AuthSettings>(config: C): C {
  if (!config.AUTH_JWKS_URL && !config.AUTH_JWT_SECRET) {
    // Same shape and exit code as envalid's own report.
    console.error('Invalid environment variables:\n    AUTH_JWKS_URL (production) or AUTH_JWT_SECRET (development) must be set\n\n Exiting with error code 1');
    process.exit(1);
  }
  return config;
}

/** The token verification settings, as libs/auth's AuthModule takes them. */
export function authOptionsOf(config: AuthSettings) {
  return {
    jwksUrl: config.AUTH_JWKS_URL,
    secret: config.AUTH_JWT_SECRET,
    issuer: config.AUTH_JWT_ISSUER,
    audience: config.AUTH_JWT_AUDIENCE,
  };
}

export type ServiceConfig = ReturnType<typeof loadServiceConfig>;
