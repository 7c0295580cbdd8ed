import type { Answers } from '../intake/answers.ts';

function text(answers: Answers, id: string): string | undefined {
  const value = Object.hasOwn(answers, id) ? answers[id] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function set(target: Record<string, string>, id: string, value: string | undefined): void {
  if (value !== undefined) target[id] = value;
}

/**
 * The hotline report's answers that the guide already knows, by the hotline questionnaire's
 * question ids: the report form opens with them filled in, and the person checks each page
 * before sending. Nothing is sent from here: he still reads, changes and submits every step.
 */
export function reportPrefill(answers: Answers): Record<string, string> {
  const prefill: Record<string, string> = {};
  const appealLevel = text(answers, 'appeal-level');
  const courtPending = appealLevel === 'court' && text(answers, 'appeal-pending') === 'yes';
  if (text(answers, 'detained-now') === 'yes') {
    prefill.situation = 'detained';
    set(prefill, 'taken-from', text(answers, 'detained-place'));
    set(prefill, 'detained-at', text(answers, 'detained-at'));
    set(prefill, 'taken-to', text(answers, 'taken-to'));
    if (appealLevel !== undefined) prefill['pending-appeal'] = courtPending ? 'yes' : 'no';
    if (courtPending) set(prefill, 'appeal-case-number', text(answers, 'appeal-case-number'));
    return prefill;
  }
  const noticeKind = text(answers, 'notice-kind');
  if (noticeKind === 'paper' || noticeKind === 'electronic') {
    prefill.situation = 'notice';
    prefill['notice-kind'] = noticeKind;
    set(prefill, 'notice-region', text(answers, 'region'));
    set(prefill, 'notice-appearance-date', text(answers, 'notice-appearance-date'));
    set(prefill, 'notice-posted-on', text(answers, 'notice-posted-on'));
    set(prefill, 'notice-received-on', text(answers, 'notice-signed-on'));
    return prefill;
  }
  const decision = text(answers, 'decision-by');
  if (decision === 'municipal' || decision === 'regional') {
    prefill.situation = 'appeal';
    prefill['appeal-against'] = 'draft-decision';
    set(prefill, 'appeal-region', text(answers, 'region'));
    set(prefill, 'appeal-decision-date', text(answers, 'decision-made-on'));
    set(prefill, 'appeal-learned-on', text(answers, 'decision-learned-on'));
  }
  return prefill;
}
