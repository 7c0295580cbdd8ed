/** What a page's address may need: a case to open, a report to follow up. */
export type PageFixture = { caseId: string; followUpToken: string };

export type AuditedPage = { name: string; path: string | ((fixture: PageFixture) => string) };

/** A digital notice under appeal at the regional commission, as the guide's address carries it. */
const guideAnswers = new URLSearchParams({
  'a.detained-now': 'no',
  'a.region': 'moscow',
  'a.notice-kind': 'electronic',
  'a.notice-posted-on': '2026-11-01',
  'a.notice-appeared': 'not-yet',
  'a.decision-by': 'municipal',
  'a.decision-made-on': '2026-10-01',
  'a.appeal-level': 'regional-commission',
  'a.appeal-filed-on': '2026-10-15',
  'a.appeal-pending': 'yes',
}).toString();

/**
 * Every public page, audited by axe (no serious or critical violation) and by Lighthouse
 * (accessibility 100, performance ≥ 95, ≤ 150 KB, no JavaScript). A new page joins with a line.
 * The quick exit (`/exit`) is no page: it redirects to a neutral site; its button is on each.
 */
export const publicPages: AuditedPage[] = [
  { name: 'home', path: '/' },
  { name: 'report form', path: '/report' },
  { name: 'report form in English', path: '/report?lang=en' },
  { name: 'follow-up', path: ({ followUpToken }) => `/r/${followUpToken}` },
  { name: 'rights guide', path: '/guide' },
  { name: 'rights guide: personal page', path: `/guide/result?${guideAnswers}` },
  { name: 'statistics', path: '/stats' },
  { name: 'statistics in English', path: '/stats?lang=en' },
];

/** Every page of the staff app after sign-in, audited by axe. A new screen joins with a line. */
export const staffPages: AuditedPage[] = [
  { name: 'home', path: '/staff/' },
  { name: 'cases', path: '/staff/cases' },
  { name: 'case', path: ({ caseId }) => `/staff/cases/${caseId}` },
  { name: 'my day', path: '/staff/my-day' },
  { name: 'places', path: '/staff/places' },
  { name: 'roster', path: '/staff/roster' },
  { name: 'board', path: '/staff/board' },
  { name: 'imports', path: '/staff/imports' },
  { name: 'rules', path: '/staff/rules' },
  { name: 'legal position', path: '/staff/legal-position' },
];

export function pathOf(page: AuditedPage, fixture: PageFixture): string {
  return typeof page.path === 'string' ? page.path : page.path(fixture);
}
