import type { FastifyRequest } from 'fastify';
import { type Language, requestLanguage } from '../language.ts';

/** `?lang=` (or a form's `lang` field) wins over the browser's preference. */
export function pageLanguage(request: FastifyRequest, chosen: unknown): Language {
  return chosen === 'en' || chosen === 'ru' ? chosen : requestLanguage(request);
}
