import { SignJWT, UnsecuredJWT, exportJWK, generateKeyPair } from 'jose';
import { signDevelopmentToken } from './development-token.js';
import { InvalidTokenError, JwtVerifier } from './jwt-verifier.js';

const secret = 'unit-test-secret-0123456789abcdef0123';
const sut = new JwtVerifier({ secret, issuer: 'https://idp.test', audience: 'ikm', clockToleranceSeconds: 5 });
const valid = { issuer: 'https://idp.test', audience: 'ikm' };

describe('JwtVerifier', () => {
  it('returns the caller from a valid token, claims mapped', async () => {
    const token = await signDevelopmentToken(secret, { sub: 'u1', roles: ['staff', 'reviewer'], duty_station: 'Geneva', region: 'Europe' }, valid);
    await expect(sut.verify(token)).resolves.toEqual({ sub: 'u1', roles: ['staff', 'reviewer'], dutyStation: 'Geneva', region: 'Europe' });
  });

  it('refuses alg none', async () => {
    const token = new UnsecuredJWT({ sub: 'u1', roles: ['ikmu_admin'] }).setIssuer(valid.issuer).setAudience('ikm').setExpirationTime('1h').encode();
    await expect(sut.verify(token)).rejects.toThrow(InvalidTokenError);
  });

  it('refuses a token signed with another secret', async () => {
    const token = await signDevelopmentToken('another-secret-0123456789abcdef01234', { sub: 'u1', roles: [] }, valid);
    await expect(sut.verify(token)).rejects.toThrow(/ERR_JWS_SIGNATURE_VERIFICATION_FAILED/);
  });

  it('refuses an RS256 token even when its key is known (no algorithm swap)', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ roles: [] }).setProtectedHeader({ alg: 'RS256', jwk: await exportJWK(publicKey) }).setSubject('u1').setIssuer(valid.issuer).setAudience('ikm').setExpirationTime('1h').sign(privateKey);
    await expect(sut.verify(token)).rejects.toThrow(InvalidTokenError);
  });

  it.each([
    ['expired', { ...valid, expiresIn: Math.floor(Date.now() / 1000) - 60 }],
    ['of another issuer', { ...valid, issuer: 'https://evil.test' }],
    ['for another audience', { ...valid, audience: 'other' }],
  ])('refuses a token %s', async (_, options) => {
    const token = await signDevelopmentToken(secret, { sub: 'u1', roles: [] }, options);
    await expect(sut.verify(token)).rejects.toThrow(InvalidTokenError);
  });

  it('refuses unknown roles', async () => {
    const token = await new SignJWT({ roles: ['emperor'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('u1').setIssuer(valid.issuer).setAudience('ikm').setExpirationTime('1h').sign(new TextEncoder().encode(secret));
    await expect(sut.verify(token)).rejects.toThrow(/invalid token claims/);
  });
});

describe('JwtVerifier remembering verified tokens', () => {
  it('answers a token seen before without checking it again, and forgets it once it expires', async () => {
    const local = new JwtVerifier({ secret, ...valid });
    const expiresAt = Math.floor(Date.now() / 1000) + 2;
    const token = await signDevelopmentToken(secret, { sub: 'u1', roles: ['staff'] }, { ...valid, expiresIn: expiresAt });
    const first = await local.verify(token);
    await expect(local.verify(token)).resolves.toBe(first); // the same object: served from memory
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const stricter = new JwtVerifier({ secret, ...valid, clockToleranceSeconds: 0 });
    await expect(stricter.verify(token)).rejects.toThrow(/ERR_JWT_EXPIRED/);
    await expect(local.verify(token)).resolves.not.toBe(first); // re-verified (within its 30 s tolerance)
  });

  it('never remembers a token that failed', async () => {
    const local = new JwtVerifier({ secret, ...valid });
    const forged = await signDevelopmentToken('another-secret-0123456789abcdef01234', { sub: 'u1', roles: [] }, valid);
    await expect(local.verify(forged)).rejects.toThrow(InvalidTokenError);
    await expect(local.verify(forged)).rejects.toThrow(InvalidTokenError);
  });
});
