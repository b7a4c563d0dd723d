import type {Translate} from '../i18n/i18n';
import {describeGoal} from './describe';
import type {Lesson} from './model';
import {letterOf, predictionSize} from './quiz';

/**
 * A lesson as plain text, for reading outside the study screen (or piping to
 * a file): intro, each step with its goals and questions, the summary.
 * Hints and solutions stay hidden; they are for when a learner asks.
 */
export function renderLessonText(lesson: Lesson, t: Translate): string {
	const out: string[] = [];
	const rule = (title: string) => `── ${title} ${'─'.repeat(Math.max(3, 72 - title.length))}`;
	out.push(t('lesson.title', {number: lesson.number, title: lesson.title}));
	out.push(lesson.minutes ? t('lesson.meta', {minutes: lesson.minutes, scenario: lesson.scenario}) : t('lesson.metaNoTime', {scenario: lesson.scenario}));
	out.push('', lesson.intro, '');
	for (const step of lesson.steps) {
		out.push(rule(t('lesson.step', {n: step.index + 1, total: lesson.steps.length, title: step.title})), '');
		if (step.text) out.push(step.text, '');
		if (step.goals.length > 0) {
			out.push(t('lesson.goals'));
			for (const goal of step.goals) out.push(`  [ ] ${describeGoal(goal, t)}`);
			out.push('');
		}
		for (const quiz of step.quiz) {
			if (quiz.predict !== undefined) {
				const n = predictionSize(quiz);
				out.push(t('lesson.predict'), `  ${quiz.predict}${n > 1 ? ' ' + t('lesson.predictCount', {count: n}) : ''}`);
			} else {
				out.push(t('lesson.quiz'), `  ${quiz.ask}`);
			}
			quiz.choices.forEach((c, i) => out.push(`    ${letterOf(i)}) ${c}`));
			out.push('');
		}
	}
	out.push(rule(t('lesson.summary')), '', lesson.summary, '');
	return out.join('\n');
}
