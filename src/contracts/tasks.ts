import { z } from 'zod';
import { documentKinds } from '../domain/documents/document-template.ts';
import { confidence, text } from '../domain/rules/rule-pack.ts';
import { caseTaskStatuses } from '../domain/tasks/case-task.ts';

const calendarDate = z.iso.date();
const instant = z.iso.datetime({ offset: true });

export const caseTaskParams = z.strictObject({ caseId: z.uuid(), taskId: z.uuid() });

// Lengths, emptiness and the bounds of the due time are the domain's to judge, with messages
// naming the field: the contract only caps what a request may carry.
const title = z.string().max(2_000).meta({ description: 'One line; at most 200 characters' });

export const addCaseTaskRequest = z
  .strictObject({
    title,
    dueAt: instant.meta({ description: 'When it is due, with its offset' }),
    assigneeId: z.uuid().nullable().default(null).meta({
      description: 'A colleague who may open the case; null leaves it to the case’s team',
    }),
  })
  .meta({ id: 'AddCaseTaskRequest' });
export type AddCaseTaskRequest = z.input<typeof addCaseTaskRequest>;

export const changeCaseTaskRequest = z
  .strictObject({
    done: z.boolean().optional().meta({ description: 'true completes the task, false reopens it' }),
    dueAt: instant.optional(),
    assigneeId: z.uuid().nullable().optional(),
    title: title.optional(),
  })
  .refine((change) => Object.values(change).some((value) => value !== undefined), {
    message: 'nothing to change',
    params: { message: { ru: 'Нечего менять.', en: 'Nothing to change.' } },
  })
  .meta({ id: 'ChangeCaseTaskRequest' });
export type ChangeCaseTaskRequest = z.input<typeof changeCaseTaskRequest>;

const taskFrameFields = {
  id: z.string(),
  caseId: z.string(),
  dueAt: z.iso.datetime(),
  assigneeId: z.string().nullable(),
  status: z.enum(caseTaskStatuses),
  doneAt: z.iso.datetime().nullable(),
  doneBy: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
};

export const caseTaskFrameResponse = z
  .object(taskFrameFields)
  .meta({ id: 'CaseTaskFrame', description: 'A task without its title: nothing sealed opened' });
export type CaseTaskFrameResponse = z.infer<typeof caseTaskFrameResponse>;

export const caseTaskResponse = z
  .object({ ...taskFrameFields, title: z.string() })
  .meta({ id: 'CaseTask' });
export type CaseTaskResponse = z.infer<typeof caseTaskResponse>;

export const caseTasksResponse = z
  .object({ tasks: z.array(caseTaskResponse) })
  .meta({ id: 'CaseTasks', description: 'By due time; opened with the reader’s key, audited' });
export type CaseTasksResponse = z.infer<typeof caseTasksResponse>;

export const myDayQuery = z.strictObject({
  utcOffset: z.coerce
    .number()
    .int()
    .min(-720)
    .max(840)
    .default(180)
    .meta({ description: 'The reader’s clock in minutes east of UTC; default Moscow (180)' }),
});

export const myDayResponse = z
  .object({
    today: calendarDate,
    lastDay: calendarDate.meta({ description: 'The last day looked at, 7 days after today' }),
    tasks: z.array(
      caseTaskResponse.extend({
        bucket: z.enum(['overdue', 'today', 'soon']),
        caseCode: z.string().nullable(),
      }),
    ),
    deadlines: z.array(
      z.object({
        caseId: z.string(),
        caseCode: z.string().nullable(),
        ruleId: z.string(),
        versionId: z.string(),
        outcomeId: z.string(),
        title: text,
        label: text,
        statement: text,
        ruleStatement: text,
        date: calendarDate,
        confidence,
        bucket: z.enum(['today', 'soon']),
      }),
    ),
    documents: z.array(
      z.object({
        caseId: z.string(),
        caseCode: z.string().nullable(),
        documentId: z.string(),
        kind: z.enum(documentKinds),
        answerDue: calendarDate,
        stage: z.enum(['answer-due', 'overdue']),
        followUp: text.nullable(),
      }),
    ),
    unopenedCases: z
      .number()
      .int()
      .meta({ description: 'Cases with something for you that your role or key does not open' }),
    unevaluatedCases: z.number().int().meta({
      description: 'Cases whose recorded facts the rule pack in use no longer accepts',
    }),
  })
  .meta({
    id: 'MyDay',
    description:
      'Your open tasks overdue, due today or within 7 days, and the deadlines the rules compute for your cases; each case opened is an audited read',
  });
export type MyDayResponse = z.infer<typeof myDayResponse>;
