import type { TFunction } from 'i18next';
import { ApiError, clientErrorCodes } from '../api/api-client.ts';

/** The server's own message when it sent one (already in the UI language), else ours. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.message !== '') return error.message;
    if (error.code === clientErrorCodes.network) return t('errors.network');
  }
  return t('errors.unexpected');
}

export function fieldMessage(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}
