import { z } from 'zod';
import {
  csrfTokenResponse,
  type LoginRequest,
  type PasswordResetRequest,
  passwordResetAccepted,
  revokedSessionsResponse,
  type SecondFactorRequest,
  type SessionStageResponse,
  type SetPasswordRequest,
  sessionStageResponse,
  type TotpConfirmRequest,
  type TotpConfirmResponse,
  type TotpEnrolmentResponse,
  totpConfirmResponse,
  totpEnrolmentResponse,
} from '../../contracts/auth.ts';
import {
  type AcknowledgementResponse,
  acknowledgementResponse,
  type BoardResponse,
  boardResponse,
  type CaseAlertsResponse,
  caseAlertsResponse,
  raisedAlertResponse,
} from '../../contracts/board.ts';
import {
  type CampaignListResponse,
  type CaseFileResponse,
  campaignListResponse,
  caseFileResponse,
  caseListResponse,
} from '../../contracts/cases.ts';
import {
  type CaseDocumentResponse,
  type CaseDocumentsResponse,
  caseDocumentResponse,
  caseDocumentsResponse,
  type DocumentTemplatesResponse,
  type DocumentTracking,
  documentTemplatesResponse,
  type NewCaseDocument,
  type PreparedDocumentResponse,
  preparedDocumentResponse,
} from '../../contracts/documents.ts';
import { errorBody } from '../../contracts/error-body.ts';
import {
  type EvidenceItemResponse,
  type EvidenceListResponse,
  evidenceItemResponse,
  evidenceListResponse,
  type PublicationReviewChange,
} from '../../contracts/evidence.ts';
import {
  formatColumns,
  type ImportPreviewResponse,
  type ImportStreamLine,
  importPreviewResponse,
  importStreamLine,
  spreadsheetContentTypes,
} from '../../contracts/imports.ts';
import {
  type NewPlaceRequest,
  type PlaceDetailsRequest,
  type PlaceListResponse,
  type PlaceResponse,
  placeListResponse,
  placeResponse,
} from '../../contracts/places.ts';
import {
  type RosterResponse,
  rosterResponse,
  type ShiftBody,
  shiftResponse,
} from '../../contracts/roster.ts';
import {
  type EvaluateRulesRequest,
  type EvaluationResponse,
  evaluationResponse,
  type RuleSettingsResponse,
  raisedRuleDisputeResponse,
  type raiseRuleDisputeRequest,
  ruleSettingsResponse,
  type setRuleChoiceRequest,
} from '../../contracts/rules.ts';
import {
  type CurrentStaffResponse,
  currentStaffResponse,
  type TelegramLinkCodeResponse,
  type TelegramLinkResponse,
  telegramLinkCodeResponse,
  telegramLinkResponse,
} from '../../contracts/staff.ts';
import { casePublicationResponse } from '../../contracts/stats.ts';
import {
  type AddCaseTaskRequest,
  type CaseTaskFrameResponse,
  type CaseTaskResponse,
  type CaseTasksResponse,
  type ChangeCaseTaskRequest,
  caseTaskFrameResponse,
  caseTaskResponse,
  caseTasksResponse,
  type MyDayResponse,
  myDayResponse,
} from '../../contracts/tasks.ts';
import {
  type DraftMatterBody,
  type NewTimelineEventRequest,
  type TimelineEventResponse,
  timelineEventResponse,
} from '../../contracts/timeline.ts';
import type { ColumnMapping } from '../../domain/imports/import-fields.ts';
import { type Questionnaire, questionnaire } from '../../domain/intake/questionnaire.ts';
import type { PlaceKind } from '../../domain/places/place.ts';

// The server's Content-Security-Policy forbids eval; without this, zod probes for it with
// `new Function` and the browser reports a policy violation on every page load.
z.config({ jitless: true });

export type FieldProblem = { path: string; message: string };

/** Codes made up on this side, for failures that never produced a server error body. */
export const clientErrorCodes = {
  network: 'NETWORK_ERROR',
  unexpectedResponse: 'UNEXPECTED_RESPONSE',
  /** The connection broke while an import was writing: it may have finished on the server. */
  importOutcomeUnknown: 'IMPORT_OUTCOME_UNKNOWN',
} as const;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: readonly FieldProblem[];

  constructor(status: number, code: string, message: string, fields: readonly FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** The server names body fields by their dotted path within the request part. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((problem) => problem.path === `body.${field}`)?.message;
  }
}

export type RevokedSessionsResponse = z.infer<typeof revokedSessionsResponse>;
export type PasswordResetAcceptedResponse = z.infer<typeof passwordResetAccepted>;
export type RaiseRuleDisputeRequest = z.input<typeof raiseRuleDisputeRequest>;
export type RaisedRuleDisputeResponse = z.infer<typeof raisedRuleDisputeResponse>;
export type SetRuleChoiceRequest = z.input<typeof setRuleChoiceRequest>;

export type CaseListResponse = z.infer<typeof caseListResponse>;
export type { CampaignListResponse };
export type CaseStatusFilter = CaseListResponse['cases'][number]['status'];
export type CaseListFilter = {
  status: CaseStatusFilter;
  mine?: boolean;
  dueSoon?: boolean;
  placeId?: string;
  campaign?: string;
};
export type CaseFile = CaseFileResponse;
export type CaseTask = CaseTaskResponse;
export type EvidenceItem = EvidenceItemResponse;
/** What of an item a link downloads or shows. */
export type EvidenceFile = 'original' | 'custody-sheet' | 'publication-copy' | 'preview';
export type MyDay = MyDayResponse;

export type SpreadsheetUpload = { file: Blob; format: keyof typeof spreadsheetContentTypes };
export type ImportProgressLine = Extract<ImportStreamLine, { type: 'progress' }>;
export type ImportDoneLine = Extract<ImportStreamLine, { type: 'done' }>;
export type CasesExportFile = { file: Blob; fileName: string; exported: number; unopened: number };
export type CaseDocument = CaseDocumentResponse;
export type DocumentTemplate = DocumentTemplatesResponse['templates'][number];
export type PreparedDocument = PreparedDocumentResponse;
export type { DocumentTracking };

export type ApiClient = {
  me(): Promise<CurrentStaffResponse>;
  /** Whether the reader's alerts also reach his Telegram. */
  telegramLink(): Promise<TelegramLinkResponse>;
  /** A single-use code to send to the organisation's bot from the chat alerts should reach. */
  telegramLinkCode(): Promise<TelegramLinkCodeResponse>;
  unlinkTelegram(): Promise<TelegramLinkResponse>;
  logIn(body: LoginRequest): Promise<SessionStageResponse>;
  verifySecondFactor(body: SecondFactorRequest): Promise<SessionStageResponse>;
  startTotpEnrolment(): Promise<TotpEnrolmentResponse>;
  confirmTotpEnrolment(body: TotpConfirmRequest): Promise<TotpConfirmResponse>;
  setPassword(body: SetPasswordRequest): Promise<SessionStageResponse>;
  requestPasswordReset(body: PasswordResetRequest): Promise<PasswordResetAcceptedResponse>;
  logOut(): Promise<void>;
  logOutEverywhere(): Promise<RevokedSessionsResponse>;
  evaluateRules(body: EvaluateRulesRequest): Promise<EvaluationResponse>;
  raiseRuleDispute(body: RaiseRuleDisputeRequest): Promise<RaisedRuleDisputeResponse>;
  ruleSettings(): Promise<RuleSettingsResponse>;
  /** `choice: null` goes back to the pack's default version. */
  setRuleChoice(ruleId: string, body: SetRuleChoiceRequest): Promise<void>;
  /** Newest first; lawyers and volunteers get only the cases assigned to them. */
  cases(filter: CaseListFilter): Promise<CaseListResponse>;
  campaigns(): Promise<CampaignListResponse>;
  /** Opens the case with the reader's own key; the server records every opening. */
  caseFile(caseId: string): Promise<CaseFile>;
  closeCase(caseId: string): Promise<void>;
  /** Refused (FACTS_REFUSED) when it cannot be true, e.g. a transfer before the detention. */
  recordTimelineEvent(
    caseId: string,
    body: NewTimelineEventRequest,
  ): Promise<TimelineEventResponse>;
  saveDraftMatter(caseId: string, body: DraftMatterBody): Promise<void>;
  /** Coordinators only: the duplicate's records move into this case and it is closed. */
  mergeCase(caseId: string, duplicateCaseId: string): Promise<void>;
  /** Asked once per client: it labels the answers of every report. */
  hotlineQuestionnaire(): Promise<Questionnaire>;
  /** The case's tasks by due time; the server records the opening of their titles. */
  caseTasks(caseId: string): Promise<CaseTasksResponse>;
  addCaseTask(caseId: string, body: AddCaseTaskRequest): Promise<CaseTaskResponse>;
  /** Answers with the task's clear part only: the title the client already has. */
  changeCaseTask(
    caseId: string,
    taskId: string,
    body: ChangeCaseTaskRequest,
  ): Promise<CaseTaskFrameResponse>;
  /** `utcOffset`: the reader's clock in minutes east of UTC, which decides where today ends. */
  myDay(utcOffset: number): Promise<MyDayResponse>;
  /** Alphabetical; every kind when none is given; `query` matches names in either script. */
  places(filter: { kinds?: readonly PlaceKind[]; query?: string }): Promise<PlaceListResponse>;
  place(placeId: string): Promise<PlaceResponse>;
  addPlace(body: NewPlaceRequest): Promise<PlaceResponse>;
  /** Any change makes the place unverified until it is confirmed again. */
  editPlace(placeId: string, body: PlaceDetailsRequest): Promise<PlaceResponse>;
  confirmPlace(placeId: string): Promise<PlaceResponse>;
  /** Shifts overlapping the period, its coverage gaps, and who is on duty now. */
  roster(period: { from: string; to: string }): Promise<RosterResponse>;
  addShift(body: ShiftBody): Promise<void>;
  removeShift(shiftId: string): Promise<void>;
  setEscalationMinutes(minutes: number): Promise<void>;
  /** Who is held where now, by case code, and the alerts nobody has taken. */
  board(): Promise<BoardResponse>;
  acknowledgeAlert(alertId: string): Promise<AcknowledgementResponse>;
  caseAlerts(caseId: string): Promise<CaseAlertsResponse>;
  /** Pages the lawyer on duty about the case, as a new detention would. */
  markCaseUrgent(caseId: string): Promise<void>;
  /** Whether the case counts in public statistics. */
  casePublication(caseId: string): Promise<CasePublicationResponse>;
  /** Counts the case in public statistics, or withdraws it (coordinators). */
  setCasePublication(caseId: string, publishable: boolean): Promise<CasePublicationResponse>;
  /** A dry run of an import; without `columns`, with the mapping the headers suggest. */
  previewImport(upload: SpreadsheetUpload, columns?: ColumnMapping): Promise<ImportPreviewResponse>;
  /** Imports with a mapping, reporting each progress line as the server writes. */
  importCases(
    upload: SpreadsheetUpload,
    options: {
      columns: ColumnMapping;
      invalidRows: 'refuse' | 'skip';
      onProgress: (progress: ImportProgressLine) => void;
    },
  ): Promise<ImportDoneLine>;
  /** The reader's own cases as an XLSX file; every case in it was audited as read. */
  exportMyCases(): Promise<CasesExportFile>;
  /** The kinds of document with their fields; asked once per client. */
  documentTemplates(): Promise<DocumentTemplatesResponse>;
  caseDocuments(caseId: string): Promise<CaseDocumentsResponse>;
  /** What the case gives for a template, and every field still missing. */
  prepareCaseDocument(caseId: string, kind: string): Promise<PreparedDocument>;
  /** Refused (DOCUMENT_FIELDS_MISSING) naming each missing field. */
  generateCaseDocument(caseId: string, body: NewCaseDocument): Promise<CaseDocument>;
  /** One file of a document; the server records the download. */
  caseDocumentFile(
    caseId: string,
    documentId: string,
    format: 'docx' | 'pdf',
  ): Promise<{ file: Blob; fileName: string }>;
  trackCaseDocument(
    caseId: string,
    documentId: string,
    body: DocumentTracking,
  ): Promise<CaseDocument>;
  /** The case's photos, videos and scans; the server records the opening of their names. */
  evidence(caseId: string): Promise<EvidenceListResponse>;
  /** Checked by content on the server; refused files come back as errors with the reason. */
  addEvidence(
    caseId: string,
    upload: { file: Blob; fileName: string; timelineEventId: string | null },
  ): Promise<EvidenceItemResponse>;
  reviewEvidence(
    caseId: string,
    evidenceId: string,
    body: PublicationReviewChange,
  ): Promise<EvidenceItemResponse>;
};

/** Where a link fetches an item's file: every fetch of it is an audited read on the server. */
export function evidenceFileUrl(caseId: string, evidenceId: string, file: EvidenceFile): string {
  const item = `/api/v1/cases/${encodeURIComponent(caseId)}/evidence/${encodeURIComponent(evidenceId)}`;
  return file === 'preview' ? `${item}/publication-copy?preview=true` : `${item}/${file}`;
}

/** `kind` repeats for several kinds, as the API reads it. */
function placesPath(filter: { kinds?: readonly PlaceKind[]; query?: string }): string {
  const params = new URLSearchParams();
  for (const kind of filter.kinds ?? []) params.append('kind', kind);
  const query = filter.query?.trim() ?? '';
  if (query !== '') params.set('q', query);
  const search = params.toString();
  return search === '' ? '/places' : `/places?${search}`;
}

export type {
  BoardResponse,
  CaseAlertsResponse,
  RosterResponse,
  TelegramLinkCodeResponse,
  TelegramLinkResponse,
};
export type CasePublicationResponse = z.infer<typeof casePublicationResponse>;

type Call<T> = {
  path: string;
  schema: z.ZodType<T>;
  /** Present for a POST or PUT; GETs carry no body. */
  body?: object;
  /** How a body is sent; POST unless said otherwise. */
  method?: WriteMethod;
  /** The session cookie is replaced, so a CSRF token bound to the old one is stale. */
  renewsSession?: boolean;
};

type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const noContent = z.undefined();

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  try {
    return await response.json();
  } catch {
    throw new ApiError(response.status, clientErrorCodes.unexpectedResponse, '');
  }
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, clientErrorCodes.network, '');
  }
}

function parsed<T>(schema: z.ZodType<T>, data: unknown, status: number): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new ApiError(status, clientErrorCodes.unexpectedResponse, '');
  return result.data;
}

function errorFrom(status: number, data: unknown): ApiError {
  const { error } = parsed(errorBody, data, status);
  return new ApiError(status, error.code, error.message, error.fields);
}

/**
 * The one way the staff app talks to the API. `language` is asked on every call, so server
 * messages follow the language switch at once.
 */
export function createApiClient(options: { language: () => string }): ApiClient {
  let csrfToken: Promise<string> | undefined;
  let hotline: Promise<Questionnaire> | undefined;
  let templates: Promise<DocumentTemplatesResponse> | undefined;

  function headers(extra: Record<string, string> = {}): Record<string, string> {
    return { accept: 'application/json', 'accept-language': options.language(), ...extra };
  }

  async function fetchCsrfToken(): Promise<string> {
    const response = await send('/api/v1/auth/csrf', { method: 'GET', headers: headers() });
    const data = await readJson(response);
    if (!response.ok) throw errorFrom(response.status, data);
    return parsed(csrfTokenResponse, data, response.status).csrfToken;
  }

  function cachedCsrfToken(): Promise<string> {
    csrfToken ??= fetchCsrfToken().catch((error: unknown) => {
      csrfToken = undefined;
      throw error;
    });
    return csrfToken;
  }

  async function write(method: WriteMethod, path: string, body: object): Promise<Response> {
    const token = await cachedCsrfToken();
    return send(path, {
      method,
      headers: headers({ 'content-type': 'application/json', 'x-csrf-token': token }),
      body: JSON.stringify(body),
    });
  }

  async function upload(url: string, { file, format }: SpreadsheetUpload): Promise<Response> {
    const attempt = async () =>
      send(url, {
        method: 'POST',
        headers: headers({
          'content-type': spreadsheetContentTypes[format],
          'x-csrf-token': await cachedCsrfToken(),
        }),
        body: file,
      });
    const response = await attempt();
    if (response.status !== 403) return response;
    const data = await readJson(response.clone());
    if (!isCsrfRejection(data)) return response;
    csrfToken = undefined;
    return attempt();
  }

  async function uploadForm(url: string, form: FormData): Promise<Response> {
    // No content type of our own: the browser writes the multipart boundary into it.
    const attempt = async () =>
      send(url, {
        method: 'POST',
        headers: headers({ 'x-csrf-token': await cachedCsrfToken() }),
        body: form,
      });
    const response = await attempt();
    if (response.status !== 403) return response;
    const data = await readJson(response.clone());
    if (!isCsrfRejection(data)) return response;
    csrfToken = undefined;
    return attempt();
  }

  async function readLines(
    response: Response,
    onLine: (line: ImportStreamLine) => void,
  ): Promise<void> {
    const reader = response.body?.getReader();
    if (reader === undefined)
      throw new ApiError(response.status, clientErrorCodes.unexpectedResponse, '');
    const decoder = new TextDecoder();
    let pending = '';
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        throw new ApiError(0, clientErrorCodes.importOutcomeUnknown, '');
      }
      pending += decoder.decode(chunk.value, { stream: !chunk.done });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() === '') continue;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          throw new ApiError(response.status, clientErrorCodes.unexpectedResponse, '');
        }
        onLine(parsed(importStreamLine, value, response.status));
      }
      if (chunk.done) return;
    }
  }

  async function request<T>({
    path,
    schema,
    body,
    method = 'POST',
    renewsSession = false,
  }: Call<T>): Promise<T> {
    const url = `/api/v1${path}`;
    let response =
      body === undefined
        ? await send(url, { method: 'GET', headers: headers() })
        : await write(method, url, body);
    let data = await readJson(response);
    if (body !== undefined && response.status === 403 && isCsrfRejection(data)) {
      // The token outlived its cookie (expired, or cleared by a logout in another tab): the
      // server refused before doing anything, so one retry with a fresh token is safe.
      csrfToken = undefined;
      response = await write(method, url, body);
      data = await readJson(response);
    }
    if (!response.ok) throw errorFrom(response.status, data);
    const result = parsed(schema, data, response.status);
    if (renewsSession) csrfToken = undefined;
    return result;
  }

  return {
    me: () => request({ path: '/me', schema: currentStaffResponse }),
    telegramLink: () => request({ path: '/me/telegram', schema: telegramLinkResponse }),
    telegramLinkCode: () =>
      request({ path: '/me/telegram/link-code', schema: telegramLinkCodeResponse, body: {} }),
    unlinkTelegram: () =>
      request({ path: '/me/telegram', schema: telegramLinkResponse, body: {}, method: 'DELETE' }),
    logIn: (body) =>
      request({ path: '/auth/login', schema: sessionStageResponse, body, renewsSession: true }),
    verifySecondFactor: (body) =>
      request({
        path: '/auth/second-factor',
        schema: sessionStageResponse,
        body,
        renewsSession: true,
      }),
    startTotpEnrolment: () =>
      request({ path: '/auth/totp/enrolment', schema: totpEnrolmentResponse, body: {} }),
    confirmTotpEnrolment: (body) =>
      request({
        path: '/auth/totp/enrolment/confirm',
        schema: totpConfirmResponse,
        body,
        renewsSession: true,
      }),
    setPassword: (body) =>
      request({ path: '/auth/password', schema: sessionStageResponse, body, renewsSession: true }),
    requestPasswordReset: (body) =>
      request({ path: '/auth/password-reset', schema: passwordResetAccepted, body }),
    logOut: () =>
      request({ path: '/auth/logout', schema: noContent, body: {}, renewsSession: true }),
    logOutEverywhere: () =>
      request({
        path: '/auth/logout-everywhere',
        schema: revokedSessionsResponse,
        body: {},
        renewsSession: true,
      }),
    evaluateRules: (body) => request({ path: '/rules/evaluate', schema: evaluationResponse, body }),
    raiseRuleDispute: (body) =>
      request({ path: '/rules/disputes', schema: raisedRuleDisputeResponse, body }),
    ruleSettings: () => request({ path: '/rules/settings', schema: ruleSettingsResponse }),
    setRuleChoice: (ruleId, body) =>
      request({
        path: `/rules/choices/${encodeURIComponent(ruleId)}`,
        schema: noContent,
        body,
        method: 'PUT',
      }),
    cases: ({ status, mine, dueSoon, placeId, campaign }) =>
      request({
        path: `/cases?${new URLSearchParams({
          status,
          ...(mine ? { mine: 'true' } : {}),
          ...(dueSoon ? { dueSoon: 'true' } : {}),
          ...(placeId ? { placeId } : {}),
          ...(campaign ? { campaign } : {}),
        }).toString()}`,
        schema: caseListResponse,
      }),
    campaigns: () => request({ path: '/campaigns', schema: campaignListResponse }),
    caseFile: (caseId) =>
      request({ path: `/cases/${encodeURIComponent(caseId)}`, schema: caseFileResponse }),
    closeCase: (caseId) =>
      request({
        path: `/cases/${encodeURIComponent(caseId)}/close`,
        schema: noContent,
        body: {},
      }),
    recordTimelineEvent: (caseId, body) =>
      request({
        path: `/cases/${encodeURIComponent(caseId)}/timeline`,
        schema: timelineEventResponse,
        body,
      }),
    saveDraftMatter: (caseId, body) =>
      request({
        path: `/cases/${encodeURIComponent(caseId)}/draft-matter`,
        schema: noContent,
        body,
        method: 'PUT',
      }),
    mergeCase: (caseId, duplicateCaseId) =>
      request({
        path: `/cases/${encodeURIComponent(caseId)}/merge`,
        schema: noContent,
        body: { duplicateCaseId },
      }),
    previewImport: async (file, columns) => {
      const query =
        columns === undefined ? '' : `?columns=${encodeURIComponent(formatColumns(columns))}`;
      const response = await upload(`/api/v1/imports/preview${query}`, file);
      const data = await readJson(response);
      if (!response.ok) throw errorFrom(response.status, data);
      return parsed(importPreviewResponse, data, response.status);
    },
    importCases: async (file, { columns, invalidRows, onProgress }) => {
      const query = new URLSearchParams({ columns: formatColumns(columns), invalidRows });
      const response = await upload(`/api/v1/imports?${query.toString()}`, file);
      if (!response.ok) throw errorFrom(response.status, await readJson(response));
      let done: ImportDoneLine | undefined;
      await readLines(response, (line) => {
        if (line.type === 'progress') onProgress(line);
        else if (line.type === 'done') done = line;
        else throw new ApiError(response.status, line.error.code, line.error.message);
      });
      if (done === undefined)
        throw new ApiError(response.status, clientErrorCodes.importOutcomeUnknown, '');
      return done;
    },
    exportMyCases: async () => {
      const response = await send('/api/v1/exports/my-cases.xlsx', {
        method: 'GET',
        headers: headers({ accept: spreadsheetContentTypes.xlsx }),
      });
      if (!response.ok) throw errorFrom(response.status, await readJson(response));
      const disposition = response.headers.get('content-disposition') ?? '';
      return {
        file: await response.blob(),
        fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'habeas-cases.xlsx',
        exported: Number(response.headers.get('x-habeas-exported') ?? 0),
        unopened: Number(response.headers.get('x-habeas-unopened') ?? 0),
      };
    },
    documentTemplates: () => {
      templates ??= request({
        path: '/documents/templates',
        schema: documentTemplatesResponse,
      }).catch((error: unknown) => {
        templates = undefined;
        throw error;
      });
      return templates;
    },
    caseDocuments: (caseId) =>
      request({
        path: `/cases/${encodeURIComponent(caseId)}/documents`,
        schema: caseDocumentsResponse,
      }),
    prepareCaseDocument: (caseId, kind) =>
      request({
        path: `/cases/${encodeURIComponent(caseId)}/documents/prepare?${new URLSearchParams({ kind }).toString()}`,
        schema: preparedDocumentResponse,
      }),
    generateCaseDocument: (caseId, body) =>
      request({
        path: `/cases/${encodeURIComponent(caseId)}/documents`,
        schema: caseDocumentResponse,
        body,
      }),
    caseDocumentFile: async (caseId, documentId, format) => {
      const response = await send(
        `/api/v1/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}/files/${format}`,
        { method: 'GET', headers: headers() },
      );
      if (!response.ok) throw errorFrom(response.status, await readJson(response));
      const disposition = response.headers.get('content-disposition') ?? '';
      return {
        file: await response.blob(),
        fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? `document.${format}`,
      };
    },
    trackCaseDocument: (caseId, documentId, body) =>
      request({
        path: `/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}/tracking`,
        schema: caseDocumentResponse,
        body,
      }),
    hotlineQuestionnaire: () => {
      hotline ??= request({ path: '/questionnaires/hotline', schema: questionnaire }).catch(
        (error: unknown) => {
          hotline = undefined;
          throw error;
        },
      );
      return hotline;
    },
    evidence: (caseId) =>
      request({
        path: `/cases/${encodeURIComponent(caseId)}/evidence`,
        schema: evidenceListResponse,
      }),
    addEvidence: async (caseId, { file, fileName, timelineEventId }) => {
      const form = new FormData();
      if (timelineEventId !== null) form.append('timelineEventId', timelineEventId);
      form.append('file', file, fileName);
      const response = await uploadForm(
        `/api/v1/cases/${encodeURIComponent(caseId)}/evidence`,
        form,
      );
      const data = await readJson(response);
      if (!response.ok) throw errorFrom(response.status, data);
      return parsed(evidenceItemResponse, data, response.status);
    },
    reviewEvidence: (caseId, evidenceId, body) =>
      request({
        path: `/cases/${encodeURIComponent(caseId)}/evidence/${encodeURIComponent(evidenceId)}/review`,
        schema: evidenceItemResponse,
        body,
        method: 'PUT',
      }),
    caseTasks: (caseId) =>
      request({ path: `/cases/${encodeURIComponent(caseId)}/tasks`, schema: caseTasksResponse }),
    addCaseTask: (caseId, body) =>
      request({
        path: `/cases/${encodeURIComponent(caseId)}/tasks`,
        schema: caseTaskResponse,
        body,
      }),
    changeCaseTask: (caseId, taskId, body) =>
      request({
        path: `/cases/${encodeURIComponent(caseId)}/tasks/${encodeURIComponent(taskId)}`,
        schema: caseTaskFrameResponse,
        body,
        method: 'PATCH',
      }),
    myDay: (utcOffset) =>
      request({
        path: `/my-day?${new URLSearchParams({ utcOffset: String(utcOffset) }).toString()}`,
        schema: myDayResponse,
      }),
    places: (filter) => request({ path: placesPath(filter), schema: placeListResponse }),
    place: (placeId) =>
      request({ path: `/places/${encodeURIComponent(placeId)}`, schema: placeResponse }),
    addPlace: (body) => request({ path: '/places', schema: placeResponse, body }),
    editPlace: (placeId, body) =>
      request({
        path: `/places/${encodeURIComponent(placeId)}`,
        schema: placeResponse,
        body,
        method: 'PUT',
      }),
    confirmPlace: (placeId) =>
      request({
        path: `/places/${encodeURIComponent(placeId)}/confirm`,
        schema: placeResponse,
        body: {},
      }),
    roster: ({ from, to }) =>
      request({
        path: `/roster?${new URLSearchParams({ from, to }).toString()}`,
        schema: rosterResponse,
      }),
    addShift: async (body) => {
      await request({ path: '/roster/shifts', schema: shiftResponse, body });
    },
    removeShift: (shiftId) =>
      request({
        path: `/roster/shifts/${encodeURIComponent(shiftId)}`,
        schema: noContent,
        body: {},
        method: 'DELETE',
      }),
    setEscalationMinutes: (escalationMinutes) =>
      request({
        path: '/roster/escalation',
        schema: noContent,
        body: { escalationMinutes },
        method: 'PUT',
      }),
    board: () => request({ path: '/board', schema: boardResponse }),
    acknowledgeAlert: (alertId) =>
      request({
        path: `/alerts/${encodeURIComponent(alertId)}/acknowledge`,
        schema: acknowledgementResponse,
        body: {},
      }),
    caseAlerts: (caseId) =>
      request({ path: `/cases/${encodeURIComponent(caseId)}/alerts`, schema: caseAlertsResponse }),
    markCaseUrgent: async (caseId) => {
      await request({
        path: `/cases/${encodeURIComponent(caseId)}/alerts`,
        schema: raisedAlertResponse,
        body: {},
      });
    },
    casePublication: (caseId) =>
      request({
        path: `/cases/${encodeURIComponent(caseId)}/publication`,
        schema: casePublicationResponse,
      }),
    setCasePublication: (caseId, publishable) =>
      request({
        path: `/cases/${encodeURIComponent(caseId)}/publication`,
        schema: casePublicationResponse,
        body: { publishable },
        method: 'PUT',
      }),
  };
}

function isCsrfRejection(data: unknown): boolean {
  const result = errorBody.safeParse(data);
  return result.success && result.data.error.code === 'CSRF_REJECTED';
}
