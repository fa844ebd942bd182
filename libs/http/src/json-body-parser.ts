import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { InvalidRequestException } from './validation.js';

/**
 * Deeper than any request body of the platform needs (theirs nest three or four levels), and far below
 * where recursion over a body (class-transformer, class-validator, serialisers) exhausts the stack.
 */
const MAX_JSON_NESTING = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether JSON text nests arrays and objects deeper than `max`, counted on the text before it is
 * parsed: JSON.parse spends about 4 µs per level (two seconds on a 1 MiB body of brackets) before any
 * check could see the result, and this pass stops at the first level too many. Brackets inside strings
 * do not count. The bytes are scanned as they came: UTF-8 never uses bytes below 0x80 inside a
 * multi-byte character, so quotes and brackets are never mistaken. Malformed text may be miscounted;
 * JSON.parse refuses it afterwards anyway.
 */
export function nestsDeeperThan(json: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < json.length; index++) {
    const code = json[index];
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

/**
 * Fastify's JSON body parser (prototype-poisoning checks included) behind a nesting bound, so that a
 * deeply nested body is a 400 naming the body, for every service, before validation recurses into it
 * (a 5,000-level array was a 500 "Maximum call stack size exceeded").
 */
export function useBoundedJsonParser(app: NestFastifyApplication, bodyLimit: number): void {
  const parseJson = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    if (nestsDeeperThan(body, MAX_JSON_NESTING)) {
      done(new InvalidRequestException([{ field: 'body', reason: `nests arrays and objects deeper than ${MAX_JSON_NESTING} levels` }]), undefined);
      return;
    }
    parseJson(request, body.toString('utf8'), done);
  });
}
