/** The staff app's pages and their addresses; the server answers every /staff/* with the app. */
export const screenPaths = {
  login: '/staff/login',
  verify: '/staff/verify',
  'enrol-totp': '/staff/enrol-totp',
  welcome: '/staff/welcome',
  reset: '/staff/reset',
  home: '/staff/',
  'legal-position': '/staff/legal-position',
  rules: '/staff/rules',
  cases: '/staff/cases',
  'my-day': '/staff/my-day',
  places: '/staff/places',
  roster: '/staff/roster',
  board: '/staff/board',
  imports: '/staff/imports',
} as const;

export type Screen = keyof typeof screenPaths;

/** A page whose address names what it shows: one case, at /staff/cases/<caseId>. */
export type CaseAddress = { caseId: string };

/** Where the app can be: a page with a fixed address, or one case. */
export type Address = Screen | CaseAddress;

const casePath = /^\/staff\/cases\/([^/]+)$/;

export function pathOf(address: Address): string {
  if (typeof address === 'string') return screenPaths[address];
  return `${screenPaths.cases}/${encodeURIComponent(address.caseId)}`;
}

export function isAt(address: Address): boolean {
  return window.location.pathname === pathOf(address);
}

/** The case the address points to, if it points to one. */
export function caseIdAt(): string | undefined {
  const match = casePath.exec(window.location.pathname);
  if (match?.[1] === undefined) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

/**
 * Replaces rather than pushes: each step of signing in supersedes the last, and Back should
 * not lead to a form whose stage the session has already left.
 */
export function showAddress(address: Address): void {
  if (!isAt(address)) window.history.replaceState(null, '', pathOf(address));
}
