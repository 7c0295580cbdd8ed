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
} as const;

export type Screen = keyof typeof screenPaths;

export function isAt(screen: Screen): boolean {
  return window.location.pathname === screenPaths[screen];
}

/**
 * Replaces rather than pushes: each step of signing in supersedes the last, and Back should
 * not lead to a form whose stage the session has already left.
 */
export function showAddress(screen: Screen): void {
  if (!isAt(screen)) window.history.replaceState(null, '', screenPaths[screen]);
}
