import type { Kysely, Selectable } from 'kysely';
import type { RecordSealing } from '../../app/ports/key-crypto.ts';
import type { CaseTaskRepository } from '../../app/ports/repositories.ts';
import type { CaseTask, CaseTaskFrame, CaseTaskStatus } from '../../domain/tasks/case-task.ts';
import { openCaseDataKey, recordSealer } from './case-keys.ts';
import { fromIso, fromIsoOrNull, toIso, toIsoOrNull } from './columns.ts';
import type { CaseTasksTable, Database } from './database.ts';

function toFrame(row: Selectable<CaseTasksTable>): CaseTaskFrame {
  return {
    id: row.id,
    orgId: row.org_id,
    caseId: row.case_id,
    dueAt: fromIso(row.due_at),
    assigneeId: row.assignee_id,
    status: row.status as CaseTaskStatus,
    doneAt: fromIsoOrNull(row.done_at),
    doneBy: row.done_by,
    createdBy: row.created_by,
    createdAt: fromIso(row.created_at),
  };
}

export function caseTasksRepository(
  db: Kysely<Database>,
  sealing: RecordSealing,
): CaseTaskRepository {
  function caseRows(caseFile: { orgId: string; id: string }) {
    return db
      .selectFrom('case_tasks')
      .selectAll()
      .where('org_id', '=', caseFile.orgId)
      .where('case_id', '=', caseFile.id);
  }

  return {
    async add(caseFile, opener, task) {
      const key = await openCaseDataKey(db, sealing, caseFile, opener);
      if (key === null) return false;
      const sealer = recordSealer(sealing, key, 'case_tasks', task.id);
      await db
        .insertInto('case_tasks')
        .values({
          id: task.id,
          org_id: caseFile.orgId,
          case_id: caseFile.id,
          title: sealer.seal('title', task.title) ?? '',
          due_at: toIso(task.dueAt),
          assignee_id: task.assigneeId,
          status: task.status,
          done_at: toIsoOrNull(task.doneAt),
          done_by: task.doneBy,
          created_by: task.createdBy,
          created_at: toIso(task.createdAt),
        })
        .execute();
      return true;
    },

    async findFrame(caseFile, taskId) {
      const row = await caseRows(caseFile).where('id', '=', taskId).executeTakeFirst();
      return row === undefined ? null : toFrame(row);
    },

    async updateFrame(task) {
      await db
        .updateTable('case_tasks')
        .set({
          due_at: toIso(task.dueAt),
          assignee_id: task.assigneeId,
          status: task.status,
          done_at: toIsoOrNull(task.doneAt),
          done_by: task.doneBy,
        })
        .where('org_id', '=', task.orgId)
        .where('case_id', '=', task.caseId)
        .where('id', '=', task.id)
        .execute();
    },

    async retitle(caseFile, opener, taskId, title) {
      const key = await openCaseDataKey(db, sealing, caseFile, opener);
      if (key === null) return false;
      const sealer = recordSealer(sealing, key, 'case_tasks', taskId);
      await db
        .updateTable('case_tasks')
        .set({ title: sealer.seal('title', title) ?? '' })
        .where('org_id', '=', caseFile.orgId)
        .where('case_id', '=', caseFile.id)
        .where('id', '=', taskId)
        .execute();
      return true;
    },

    async listOpened(caseFile, opener) {
      const key = await openCaseDataKey(db, sealing, caseFile, opener);
      if (key === null) return null;
      const rows = await caseRows(caseFile).orderBy('due_at').orderBy('id').execute();
      return rows.map(
        (row): CaseTask => ({
          ...toFrame(row),
          title: recordSealer(sealing, key, 'case_tasks', row.id).open('title', row.title) ?? '',
        }),
      );
    },

    async openTitles(caseFile, opener, taskIds) {
      const key = await openCaseDataKey(db, sealing, caseFile, opener);
      if (key === null) return null;
      const titles = new Map<string, string>();
      if (taskIds.length === 0) return titles;
      const rows = await caseRows(caseFile)
        .where('id', 'in', [...taskIds])
        .execute();
      for (const row of rows) {
        const sealer = recordSealer(sealing, key, 'case_tasks', row.id);
        titles.set(row.id, sealer.open('title', row.title) ?? '');
      }
      return titles;
    },

    async listDueFor(orgId, userId, until, limit) {
      const rows = await db
        .selectFrom('case_tasks as task')
        .innerJoin('case_files', 'case_files.id', 'task.case_id')
        .selectAll('task')
        .select((eb) =>
          eb
            .selectFrom('reports')
            .select('reports.case_code')
            .whereRef('reports.org_id', '=', 'task.org_id')
            .whereRef('reports.case_id', '=', 'task.case_id')
            .orderBy('reports.received_at')
            .limit(1)
            .as('case_code'),
        )
        .where('task.org_id', '=', orgId)
        .where('task.status', '=', 'open')
        .where('task.due_at', '<', toIso(until))
        .where('case_files.status', '=', 'open')
        .where((eb) =>
          eb.or([
            eb('task.assignee_id', '=', userId),
            eb.and([
              eb('task.assignee_id', 'is', null),
              eb.exists(
                eb
                  .selectFrom('case_assignments')
                  .select('case_assignments.case_id')
                  .whereRef('case_assignments.org_id', '=', 'task.org_id')
                  .whereRef('case_assignments.case_id', '=', 'task.case_id')
                  .where('case_assignments.user_id', '=', userId),
              ),
            ]),
          ]),
        )
        .orderBy('task.due_at')
        .orderBy('task.id')
        .limit(limit)
        .execute();
      return rows.map(({ case_code, ...row }) => ({
        task: toFrame(row),
        caseCode: case_code ?? null,
      }));
    },
  };
}
