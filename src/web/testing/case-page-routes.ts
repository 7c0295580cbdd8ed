import { documentRoutes } from './document-fixtures.ts';
import type { FakeReply } from './fake-server.ts';

/**
 * What the case page asks for beside the case itself, answered with nothing: no tasks, alerts,
 * files or documents, no places, and no consent to publish. A test spreads its own answers for
 * the panel it looks at after these.
 */
export function casePageRoutes(caseId: string): Record<string, () => FakeReply> {
  const casePath = `/api/v1/cases/${caseId}`;
  return {
    ...documentRoutes(caseId),
    [`GET ${casePath}/tasks`]: () => ({ status: 200, body: { tasks: [] } }),
    [`GET ${casePath}/alerts`]: () => ({ status: 200, body: [] }),
    [`GET ${casePath}/evidence`]: () => ({ status: 200, body: { items: [] } }),
    [`GET ${casePath}/publication`]: () => ({
      status: 200,
      body: { publishable: false, changedAt: null, changedBy: null },
    }),
    'GET /api/v1/places': () => ({ status: 200, body: { places: [] } }),
  };
}
