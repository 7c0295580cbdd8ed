import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Ports } from '../../../app/ports/ports.ts';
import { addCaseTask } from '../../../app/tasks/add-case-task.ts';
import { describeMyDay } from '../../../app/tasks/describe-my-day.ts';
import { listCaseTasks } from '../../../app/tasks/list-case-tasks.ts';
import { updateCaseTask } from '../../../app/tasks/update-case-task.ts';
import { caseIdParams } from '../../../contracts/cases.ts';
import { errorBody } from '../../../contracts/error-body.ts';
import {
  addCaseTaskRequest,
  caseTaskFrameResponse,
  caseTaskParams,
  caseTaskResponse,
  caseTasksResponse,
  changeCaseTaskRequest,
  myDayQuery,
  myDayResponse,
} from '../../../contracts/tasks.ts';
import type { CaseTask, CaseTaskFrame, TaskProblem } from '../../../domain/tasks/case-task.ts';
import { InputValidationError } from '../errors/input-validation.ts';
import { requireStaff } from '../plugins/staff-session.ts';

const tags = ['tasks'];
const errors = { '4xx': errorBody };

/** The domain's refusals, reported like the contract's own: a 400 naming each body field. */
function taskRefused(problems: TaskProblem[]): InputValidationError {
  return new InputValidationError(
    problems.map(
      (problem): z.core.$ZodIssue => ({
        code: 'custom',
        path: [problem.field],
        message: problem.message.en,
        params: { message: problem.message },
        input: undefined,
      }),
    ),
  );
}

function frameBody(task: CaseTaskFrame) {
  return {
    id: task.id,
    caseId: task.caseId,
    dueAt: task.dueAt.toISOString(),
    assigneeId: task.assigneeId,
    status: task.status,
    doneAt: task.doneAt?.toISOString() ?? null,
    doneBy: task.doneBy,
    createdBy: task.createdBy,
    createdAt: task.createdAt.toISOString(),
  };
}

function taskBody(task: CaseTask) {
  return { ...frameBody(task), title: task.title };
}

export const tasksRoutes: FastifyPluginAsyncZod<{ ports: Ports }> = async (app, { ports }) => {
  app.get(
    '/api/v1/cases/:caseId/tasks',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'A case’s tasks by due time, titles opened with your key (an audited read)',
        params: caseIdParams,
        response: { 200: caseTasksResponse, ...errors },
      },
    },
    async (request) => {
      const tasks = await listCaseTasks(ports, requireStaff(request), request.params.caseId);
      return { tasks: tasks.map(taskBody) };
    },
  );

  app.post(
    '/api/v1/cases/:caseId/tasks',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'Add a task with a due time to an open case; its title is sealed',
        params: caseIdParams,
        body: addCaseTaskRequest,
        response: { 201: caseTaskResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await addCaseTask(ports, requireStaff(request), {
        caseId: request.params.caseId,
        title: request.body.title,
        dueAt: new Date(request.body.dueAt),
        assigneeId: request.body.assigneeId,
      });
      if (!result.ok) throw taskRefused(result.problems);
      return reply.status(201).send(taskBody(result.task));
    },
  );

  app.patch(
    '/api/v1/cases/:caseId/tasks/:taskId',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary:
          'Complete or reopen a task, move its due time, hand it to someone, rename it; the assignee may tick it done',
        params: caseTaskParams,
        body: changeCaseTaskRequest,
        response: { 200: caseTaskFrameResponse, ...errors },
      },
    },
    async (request) => {
      const { done, dueAt, assigneeId, title } = request.body;
      const result = await updateCaseTask(ports, requireStaff(request), {
        caseId: request.params.caseId,
        taskId: request.params.taskId,
        change: {
          ...(done === undefined ? {} : { done }),
          ...(dueAt === undefined ? {} : { dueAt: new Date(dueAt) }),
          ...(assigneeId === undefined ? {} : { assigneeId }),
          ...(title === undefined ? {} : { title }),
        },
      });
      if (!result.ok) throw taskRefused(result.problems);
      return frameBody(result.task);
    },
  );

  app.get(
    '/api/v1/my-day',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary:
          'Your open tasks overdue, due today or within 7 days, and the deadlines of the law on your cases',
        querystring: myDayQuery,
        response: { 200: myDayResponse, ...errors },
      },
    },
    async (request) => {
      const day = await describeMyDay(ports, requireStaff(request), {
        utcOffsetMinutes: request.query.utcOffset,
      });
      return {
        ...day,
        tasks: day.tasks.map(({ bucket, caseCode, ...task }) => ({
          ...taskBody(task),
          bucket,
          caseCode,
        })),
      };
    },
  );
};
