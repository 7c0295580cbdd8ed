import { formatColumns } from '../../src/contracts/imports.ts';
import { type Action, type Actor, can } from '../../src/domain/access/can.ts';
import { suggestMapping } from '../../src/domain/imports/import-fields.ts';
import { caseListHeaders, caseListRow } from '../support/case-lists.ts';

/**
 * The permission matrix's rows: one per staff route. A route registered without a row fails the
 * matrix, so a new feature joins it by adding its row here.
 */

/** Whose thing a request is about, from the acting staff member's point of view. */
export type Scope =
  /** Nothing of anyone's: the organisation itself. */
  | 'organisation'
  /** A case the actor is assigned to and holds the key of. */
  | 'own-case'
  /** A case of the same organisation the actor is not assigned to. */
  | 'other-case'
  /** A case of another organisation. */
  | 'foreign-case'
  /** The actor's own account, or an alert paged to him. */
  | 'self'
  /** A colleague's account, or an alert paged to a colleague. */
  | 'colleague';

export const caseScopes: readonly Scope[] = ['own-case', 'other-case', 'foreign-case'];
export const personScopes: readonly Scope[] = ['self', 'colleague'];

/** Personal fields of the fixture case, each with a value found nowhere else. */
export type PersonalField = 'fullName' | 'phone' | 'notes' | 'taskTitle';
export const caseFileFields: readonly PersonalField[] = ['fullName', 'phone', 'notes'];

/** What a cell's request may use: the ids of the fixture made for it. */
export type CellFixture = {
  actor: Actor;
  /** The case of the cell's scope (fresh for every cell), or of the actor's own when none. */
  caseId: string;
  /** A second case in the same scope, for merging. */
  secondCaseId(): Promise<string>;
  /** The open task on the case. */
  taskId: string;
  /** A colleague of the actor who signed in nowhere. */
  colleagueId: string;
  /** The user the cell is about: the actor for `self`, a colleague otherwise. */
  subjectUserId: string;
  /** An alert paged to the actor (`self`) or to a colleague. */
  alertId(): Promise<string>;
  placeId(): Promise<string>;
  shiftId(): Promise<string>;
  /** A number unique to the cell, for names that must not repeat. */
  serial: number;
};

export type CellRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
};

export type PermissionRow = {
  method: CellRequest['method'];
  /** The route as registered, with `:params`. */
  route: string;
  scopes: readonly Scope[];
  /** An organisation-wide permission the use case checks before it looks the case up. */
  gate?: Action;
  /** Whether the actor may do it in this scope: answered with `status`, else refused. */
  allowed(actor: Actor, scope: Scope): boolean;
  status: number;
  request(fixture: CellFixture): Promise<CellRequest> | CellRequest;
  /** Personal fields of the scope's case the answer carries when `discloses` says so. */
  reveals?: readonly PersonalField[];
  /** When the answer carries the case's personal fields and records a read of it. */
  discloses?(actor: Actor, scope: Scope): boolean;
  /** When a read of the scope's case is audited; `discloses` unless said otherwise. */
  reads?(actor: Actor, scope: Scope): boolean;
  /** The case ids the answer lists: the scope's case must be there exactly when this holds. */
  lists?(actor: Actor, scope: Scope): boolean;
  /** The answer is a spreadsheet to read, not text. */
  spreadsheet?: true;
  /** The answer is a stream that stays open. */
  stream?: true;
  /** A cell that ends the actor's sessions gets an actor of its own. */
  endsSession?: true;
};

const orgOf = (actor: Actor) => ({ type: 'organisation' as const, orgId: actor.orgId });

/** The subject `can()` is asked about for a scope. */
export function subjectOf(actor: Actor, scope: Scope) {
  switch (scope) {
    case 'own-case':
      return { type: 'case' as const, orgId: actor.orgId, assigneeIds: [actor.userId] };
    case 'other-case':
      return { type: 'case' as const, orgId: actor.orgId, assigneeIds: [] };
    case 'foreign-case':
      return { type: 'case' as const, orgId: `${actor.orgId}-other`, assigneeIds: [] };
    case 'self':
      return { type: 'user' as const, orgId: actor.orgId, userId: actor.userId };
    case 'colleague':
      return { type: 'user' as const, orgId: actor.orgId, userId: `${actor.userId}-other` };
    case 'organisation':
      return orgOf(actor);
  }
}

/** Any signed-in staff member. */
const signedIn = () => true;
/** The organisation-wide permission the route declares. */
const holds = (action: Action) => (actor: Actor) => can(actor, action, orgOf(actor));
/** The permission on the scope's subject (a case, an account). */
const on = (action: Action) => (actor: Actor, scope: Scope) =>
  can(actor, action, subjectOf(actor, scope));
const both =
  (
    first: (actor: Actor, scope: Scope) => boolean,
    second: (actor: Actor, scope: Scope) => boolean,
  ) =>
  (actor: Actor, scope: Scope) =>
    first(actor, scope) && second(actor, scope);

const organisation: readonly Scope[] = ['organisation'];
/** A document or file id no case has. */
const absentId = '01930000-0000-7000-8000-0000000000ff';
const multipartBoundary = 'matrix';
const svgUpload = Buffer.from(
  [
    `--${multipartBoundary}`,
    'Content-Disposition: form-data; name="file"; filename="door.svg"',
    'Content-Type: image/svg+xml',
    '',
    '<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>',
    `--${multipartBoundary}--`,
    '',
  ].join('\r\n'),
);
const at = '2026-11-29T11:00:00+03:00';

export const permissionRows: PermissionRow[] = [
  {
    method: 'POST',
    route: '/api/v1/auth/logout-everywhere',
    scopes: organisation,
    allowed: signedIn,
    status: 200,
    endsSession: true,
    request: () => ({ method: 'POST', url: '/api/v1/auth/logout-everywhere', body: {} }),
  },
  {
    method: 'GET',
    route: '/api/v1/me',
    scopes: organisation,
    allowed: signedIn,
    status: 200,
    request: () => ({ method: 'GET', url: '/api/v1/me' }),
  },
  {
    method: 'POST',
    route: '/api/v1/staff-users/:userId/sessions/revoke',
    scopes: personScopes,
    allowed: on('session.revoke'),
    status: 200,
    endsSession: true,
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/staff-users/${f.subjectUserId}/sessions/revoke`,
      body: {},
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases',
    scopes: organisation,
    allowed: holds('case.create'),
    status: 201,
    request: () => ({
      method: 'POST',
      url: '/api/v1/cases',
      body: { person: { fullName: 'Сидоров Павел' } },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/matches',
    scopes: organisation,
    allowed: holds('case.list'),
    status: 200,
    request: () => ({
      method: 'POST',
      url: '/api/v1/cases/matches',
      body: { fullName: 'Сидоров Павел', birthDate: '2005-03-04' },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases',
    scopes: caseScopes,
    allowed: holds('case.list'),
    lists: on('case.list'),
    status: 200,
    request: () => ({ method: 'GET', url: '/api/v1/cases' }),
  },
  {
    method: 'GET',
    route: '/api/v1/campaigns',
    scopes: organisation,
    allowed: signedIn,
    status: 200,
    request: () => ({ method: 'GET', url: '/api/v1/campaigns' }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId',
    scopes: caseScopes,
    allowed: on('case.read'),
    status: 200,
    reveals: caseFileFields,
    discloses: on('case.read'),
    request: (f) => ({ method: 'GET', url: `/api/v1/cases/${f.caseId}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/grants',
    scopes: caseScopes,
    allowed: on('case.read'),
    status: 204,
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/cases/${f.caseId}/grants`,
      body: { userId: f.colleagueId },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/merge',
    scopes: caseScopes,
    allowed: both(holds('case.merge'), on('case.update')),
    status: 204,
    request: async (f) => ({
      method: 'POST',
      url: `/api/v1/cases/${f.caseId}/merge`,
      body: { duplicateCaseId: await f.secondCaseId() },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/close',
    scopes: caseScopes,
    allowed: on('case.update'),
    status: 204,
    request: (f) => ({ method: 'POST', url: `/api/v1/cases/${f.caseId}/close`, body: {} }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/cases/:caseId',
    scopes: caseScopes,
    allowed: both(holds('case.delete'), on('case.delete')),
    status: 204,
    request: (f) => ({ method: 'DELETE', url: `/api/v1/cases/${f.caseId}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/timeline',
    scopes: caseScopes,
    allowed: on('case.update'),
    status: 201,
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/cases/${f.caseId}/timeline`,
      body: { kind: 'detained', occurredAt: at },
    }),
  },
  {
    method: 'PUT',
    route: '/api/v1/cases/:caseId/draft-matter',
    scopes: caseScopes,
    allowed: on('case.update'),
    status: 204,
    request: (f) => ({
      method: 'PUT',
      url: `/api/v1/cases/${f.caseId}/draft-matter`,
      body: { draftDecision: { by: 'municipal', madeOn: '2026-10-01' } },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/imports/preview',
    scopes: organisation,
    allowed: holds('case.create'),
    status: 200,
    request: (f) => ({
      method: 'POST',
      url: '/api/v1/imports/preview',
      body: Buffer.from(csvOf(f.serial), 'utf8'),
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/imports',
    scopes: organisation,
    allowed: holds('case.create'),
    status: 200,
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/imports?columns=${formatColumns(suggestMapping(caseListHeaders))}`,
      body: Buffer.from(csvOf(f.serial), 'utf8'),
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/exports/my-cases.xlsx',
    scopes: caseScopes,
    allowed: signedIn,
    status: 200,
    spreadsheet: true,
    reveals: caseFileFields,
    discloses: on('case.read'),
    request: () => ({ method: 'GET', url: '/api/v1/exports/my-cases.xlsx' }),
  },
  {
    method: 'POST',
    route: '/api/v1/rules/evaluate',
    scopes: organisation,
    allowed: holds('case.list'),
    status: 200,
    request: () => ({ method: 'POST', url: '/api/v1/rules/evaluate', body: { facts: {} } }),
  },
  {
    method: 'GET',
    route: '/api/v1/rules/settings',
    scopes: organisation,
    allowed: signedIn,
    status: 200,
    request: () => ({ method: 'GET', url: '/api/v1/rules/settings' }),
  },
  {
    method: 'PUT',
    route: '/api/v1/rules/choices/:ruleId',
    scopes: organisation,
    allowed: holds('rules.manage'),
    status: 204,
    request: () => ({
      method: 'PUT',
      url: '/api/v1/rules/choices/APL-06',
      body: { choice: 'under-review', note: null },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/rules/disputes',
    scopes: organisation,
    allowed: holds('rules.dispute'),
    status: 201,
    request: () => ({
      method: 'POST',
      url: '/api/v1/rules/disputes',
      body: { ruleId: 'APL-06', versionId: 'until-127-fz', note: 'Суды решают иначе.' },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/legal-positions',
    scopes: caseScopes,
    // The facts are evaluated (case.list) before the position is recorded on the case.
    gate: 'case.list',
    allowed: both(holds('case.list'), on('case.update')),
    status: 201,
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/cases/${f.caseId}/legal-positions`,
      body: { facts: {}, asOf: '2026-11-28' },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/legal-positions',
    scopes: caseScopes,
    allowed: on('case.read'),
    status: 200,
    // The recorded facts are sealed: listing them opens the case.
    reads: on('case.read'),
    request: (f) => ({ method: 'GET', url: `/api/v1/cases/${f.caseId}/legal-positions` }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/tasks',
    scopes: caseScopes,
    allowed: on('case.read'),
    status: 200,
    reveals: ['taskTitle'],
    discloses: on('case.read'),
    request: (f) => ({ method: 'GET', url: `/api/v1/cases/${f.caseId}/tasks` }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/tasks',
    scopes: caseScopes,
    allowed: on('case.update'),
    status: 201,
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/cases/${f.caseId}/tasks`,
      body: { title: 'Позвонить в военкомат', dueAt: '2026-11-30T10:00:00+03:00' },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/cases/:caseId/tasks/:taskId',
    scopes: caseScopes,
    // The task is given to nobody: only those who may update the case change it.
    allowed: on('case.update'),
    status: 200,
    request: (f) => ({
      method: 'PATCH',
      url: `/api/v1/cases/${f.caseId}/tasks/${f.taskId}`,
      body: { done: true },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/my-day',
    scopes: caseScopes,
    allowed: signedIn,
    status: 200,
    reveals: ['taskTitle'],
    // "My day" holds the tasks of the cases one is assigned to, not of every case one may open.
    discloses: (actor, scope) => scope === 'own-case' && on('case.read')(actor, scope),
    request: () => ({ method: 'GET', url: '/api/v1/my-day?utcOffset=180' }),
  },
  {
    method: 'GET',
    route: '/api/v1/places',
    scopes: organisation,
    allowed: holds('place.list'),
    status: 200,
    request: () => ({ method: 'GET', url: '/api/v1/places?q=%D1%81%D1%83%D0%B4' }),
  },
  {
    method: 'GET',
    route: '/api/v1/places/:placeId',
    scopes: organisation,
    allowed: holds('place.list'),
    status: 200,
    request: async (f) => ({ method: 'GET', url: `/api/v1/places/${await f.placeId()}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/places',
    scopes: organisation,
    allowed: holds('place.edit'),
    status: 201,
    request: (f) => ({
      method: 'POST',
      url: '/api/v1/places',
      body: { kind: 'court', nameRu: `Районный суд № ${f.serial}`, addressRu: 'Москва' },
    }),
  },
  {
    method: 'PUT',
    route: '/api/v1/places/:placeId',
    scopes: organisation,
    allowed: holds('place.edit'),
    status: 200,
    request: async (f) => ({
      method: 'PUT',
      url: `/api/v1/places/${await f.placeId()}`,
      body: {
        nameRu: `Суд № ${f.serial}`,
        nameEn: `Court No. ${f.serial}`,
        addressRu: 'Москва, ул. Каланчёвская, 43',
        location: null,
        metroLines: [],
      },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/places/:placeId/confirm',
    scopes: organisation,
    allowed: holds('place.manage'),
    status: 200,
    request: async (f) => ({
      method: 'POST',
      url: `/api/v1/places/${await f.placeId()}/confirm`,
      body: {},
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/roster',
    scopes: organisation,
    allowed: holds('roster.read'),
    status: 200,
    request: () => ({
      method: 'GET',
      url: '/api/v1/roster?from=2026-11-30T00:00:00%2B03:00&to=2026-12-07T00:00:00%2B03:00',
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/roster/shifts',
    scopes: organisation,
    allowed: holds('roster.manage'),
    status: 201,
    request: (f) => ({
      method: 'POST',
      url: '/api/v1/roster/shifts',
      body: shiftOf(f.colleagueId),
    }),
  },
  {
    method: 'PUT',
    route: '/api/v1/roster/shifts/:shiftId',
    scopes: organisation,
    allowed: holds('roster.manage'),
    status: 200,
    request: async (f) => ({
      method: 'PUT',
      url: `/api/v1/roster/shifts/${await f.shiftId()}`,
      body: shiftOf(f.colleagueId),
    }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/roster/shifts/:shiftId',
    scopes: organisation,
    allowed: holds('roster.manage'),
    status: 204,
    request: async (f) => ({ method: 'DELETE', url: `/api/v1/roster/shifts/${await f.shiftId()}` }),
  },
  {
    method: 'PUT',
    route: '/api/v1/roster/escalation',
    scopes: organisation,
    allowed: holds('roster.manage'),
    status: 204,
    request: () => ({
      method: 'PUT',
      url: '/api/v1/roster/escalation',
      body: { escalationMinutes: 5 },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/board',
    scopes: organisation,
    allowed: holds('board.read'),
    status: 200,
    request: () => ({ method: 'GET', url: '/api/v1/board' }),
  },
  {
    method: 'GET',
    route: '/api/v1/board/events',
    scopes: organisation,
    allowed: holds('board.read'),
    status: 200,
    stream: true,
    request: () => ({ method: 'GET', url: '/api/v1/board/events' }),
  },
  {
    method: 'POST',
    route: '/api/v1/alerts/:alertId/acknowledge',
    scopes: personScopes,
    // Whoever was paged takes the alert; taking one paged to a colleague is taking it over.
    allowed: (actor, scope) => scope === 'self' || holds('alert.manage')(actor),
    status: 200,
    request: async (f) => ({
      method: 'POST',
      url: `/api/v1/alerts/${await f.alertId()}/acknowledge`,
      body: {},
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/alerts',
    scopes: caseScopes,
    allowed: on('case.read'),
    status: 200,
    request: (f) => ({ method: 'GET', url: `/api/v1/cases/${f.caseId}/alerts` }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/alerts',
    scopes: caseScopes,
    allowed: on('case.update'),
    status: 201,
    request: (f) => ({ method: 'POST', url: `/api/v1/cases/${f.caseId}/alerts`, body: {} }),
  },
  {
    method: 'GET',
    route: '/api/v1/me/telegram',
    scopes: organisation,
    allowed: signedIn,
    status: 200,
    request: () => ({ method: 'GET', url: '/api/v1/me/telegram' }),
  },
  {
    method: 'POST',
    route: '/api/v1/me/telegram/link-code',
    scopes: organisation,
    allowed: signedIn,
    // The test server runs no bot: the code is refused, to everyone alike.
    status: 409,
    request: () => ({ method: 'POST', url: '/api/v1/me/telegram/link-code', body: {} }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/me/telegram',
    scopes: organisation,
    allowed: signedIn,
    status: 200,
    request: () => ({ method: 'DELETE', url: '/api/v1/me/telegram', body: {} }),
  },
  {
    method: 'GET',
    route: '/api/v1/documents/templates',
    scopes: organisation,
    allowed: signedIn,
    status: 200,
    request: () => ({ method: 'GET', url: '/api/v1/documents/templates' }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/documents',
    scopes: caseScopes,
    allowed: on('case.read'),
    status: 200,
    reads: on('case.read'),
    request: (f) => ({ method: 'GET', url: `/api/v1/cases/${f.caseId}/documents` }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/documents/prepare',
    scopes: caseScopes,
    allowed: on('case.read'),
    status: 200,
    reveals: ['fullName'],
    discloses: on('case.read'),
    request: (f) => ({
      method: 'GET',
      url: `/api/v1/cases/${f.caseId}/documents/prepare?kind=lawyer-access-complaint`,
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/documents',
    scopes: caseScopes,
    allowed: on('case.update'),
    // The fixture case lacks what the complaint needs: refused naming the fields, after access,
    // and nothing is recorded as read since nothing was made.
    status: 422,
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/cases/${f.caseId}/documents`,
      body: { kind: 'lawyer-access-complaint', values: {} },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/documents/batch',
    scopes: caseScopes,
    allowed: on('case.update'),
    status: 422,
    reads: on('case.update'),
    request: (f) => ({
      method: 'POST',
      url: '/api/v1/documents/batch',
      body: { kind: 'lawyer-access-complaint', caseIds: [f.caseId], values: {} },
    }),
  },
  // Routes about one document or file of a case: the fixture case has none, so those allowed
  // are told it is not there (404), and the others are refused before anything is looked up.
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/documents/:documentId/files/:format',
    scopes: caseScopes,
    allowed: on('case.read'),
    status: 404,
    request: (f) => ({
      method: 'GET',
      url: `/api/v1/cases/${f.caseId}/documents/${absentId}/files/pdf`,
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/documents/:documentId/tracking',
    scopes: caseScopes,
    allowed: on('case.update'),
    status: 404,
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/cases/${f.caseId}/documents/${absentId}/tracking`,
      body: { step: 'extended' },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/evidence',
    scopes: caseScopes,
    allowed: on('case.read'),
    status: 200,
    reads: on('case.read'),
    request: (f) => ({ method: 'GET', url: `/api/v1/cases/${f.caseId}/evidence` }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/evidence',
    scopes: caseScopes,
    allowed: on('case.update'),
    // An SVG: those allowed get the file refused by content (415), the others are refused first.
    status: 415,
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/cases/${f.caseId}/evidence`,
      headers: { 'content-type': `multipart/form-data; boundary=${multipartBoundary}` },
      body: svgUpload,
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/evidence/:evidenceId/original',
    scopes: caseScopes,
    allowed: on('case.read'),
    status: 404,
    request: (f) => ({
      method: 'GET',
      url: `/api/v1/cases/${f.caseId}/evidence/${absentId}/original`,
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/evidence/:evidenceId/custody-sheet',
    scopes: caseScopes,
    allowed: on('case.read'),
    status: 404,
    request: (f) => ({
      method: 'GET',
      url: `/api/v1/cases/${f.caseId}/evidence/${absentId}/custody-sheet`,
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/evidence/:evidenceId/publication-copy',
    scopes: caseScopes,
    allowed: on('case.read'),
    status: 404,
    request: (f) => ({
      method: 'GET',
      url: `/api/v1/cases/${f.caseId}/evidence/${absentId}/publication-copy`,
    }),
  },
  {
    method: 'PUT',
    route: '/api/v1/cases/:caseId/evidence/:evidenceId/review',
    scopes: caseScopes,
    allowed: on('case.update'),
    status: 404,
    request: (f) => ({
      method: 'PUT',
      url: `/api/v1/cases/${f.caseId}/evidence/${absentId}/review`,
      body: { boxes: [], publishable: false },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/publication',
    scopes: caseScopes,
    allowed: on('case.read'),
    status: 200,
    request: (f) => ({ method: 'GET', url: `/api/v1/cases/${f.caseId}/publication` }),
  },
  {
    method: 'PUT',
    route: '/api/v1/cases/:caseId/publication',
    scopes: caseScopes,
    allowed: both(holds('case.publish'), on('case.read')),
    status: 200,
    request: (f) => ({
      method: 'PUT',
      url: `/api/v1/cases/${f.caseId}/publication`,
      body: { publishable: true },
    }),
  },
];

function shiftOf(userId: string) {
  return {
    userId,
    startsAt: '2026-11-30T09:00:00+03:00',
    endsAt: '2026-11-30T21:00:00+03:00',
  };
}

function csvOf(serial: number): string {
  return [caseListHeaders.join(';'), caseListRow(serial).join(';')].join('\r\n');
}
