import {describe, expect, it} from 'vitest';
import {splitLesson} from '../../source/lessons/markdown';
import {errorsOf, lesson, lessonText} from './helpers';

const STEP = `## Look around {#look}

Some text with a code block:

\`\`\`
## not a heading, inside code
\`\`\`

\`\`\`step
goals:
  - text: You listed the hosts
    command-ran: '^cat /etc/hosts$'
hints:
  - Look in /etc.
  - cat prints files.
  - cat /etc/hosts
solution:
  - cat /etc/hosts
\`\`\``;

describe('lesson files', () => {
	it('splits front matter, intro, steps and summary, keeping the lines', () => {
		const l = lesson(STEP);
		expect(l.id).toBe('test');
		expect(l.number).toBe(1);
		expect(l.title).toBe('Test lesson');
		expect(l.scenario).toBe('sandbox');
		expect(l.intro).toBe('Intro text.');
		expect(l.summary).toBe('- Done.');
		expect(l.steps).toHaveLength(1);
		const step = l.steps[0]!;
		expect(step.id).toBe('look');
		expect(step.title).toBe('Look around');
		// The code block stays in the text; the step block does not.
		expect(step.text).toContain('## not a heading, inside code');
		expect(step.text).not.toContain('goals:');
		expect(step.hints).toEqual(['Look in /etc.', 'cat prints files.', 'cat /etc/hosts']);
		// Line numbers point into the .md file.
		const lines = lessonText(STEP).split('\n');
		expect(lines[step.lines.heading - 1]).toBe('## Look around {#look}');
		expect(lines[step.lines.block - 1]).toBe('```step');
		expect(lines[step.lines.goals[0]! - 1]).toBe('  - text: You listed the hosts');
		expect(lines[step.lines.solution[0]! - 1]).toBe('  - cat /etc/hosts');
	});

	it('reports bad front matter at its line', () => {
		const text = lessonText(STEP, 'title: Test\ntitel: typo\nscenario: sandbox');
		expect(errorsOf(text)).toEqual(['lessons/en/01-test.md:3: unknown field titel']);
		expect(errorsOf('---\ntitle: [unclosed\n---\n\nIntro\n\n' + STEP + '\n\n## Summary {#summary}\n\nx\n')[0]).toMatch(/^lessons\/en\/01-test\.md:2: /);
		expect(errorsOf('no front matter\n')[0]).toBe('lessons/en/01-test.md:1: a lesson starts with YAML front matter between --- lines (title: …)');
	});

	it('reports an unknown predicate at the line of the goal', () => {
		const text = lessonText(STEP.replace("    command-ran: '^cat /etc/hosts$'", '    comand-ran: x'));
		const line = text.split('\n').findIndex((l) => l.includes('comand-ran')) + 1;
		const errors = errorsOf(text);
		expect(errors[0]).toMatch(new RegExp(`^lessons/en/01-test\\.md:${line}: goals\\.0: unknown predicate comand-ran \\(known: ipvs-service, `));
	});

	it('reports broken regular expressions, answers and structure with file:line', () => {
		const badRegex = lessonText(STEP.replace("'^cat /etc/hosts$'", "'cat ('"));
		expect(errorsOf(badRegex).join('\n')).toMatch(/01-test\.md:\d+: goals\.0\.command-ran: not a valid regular expression/);

		const quiz = lessonText(`## Q {#q}\n\n\`\`\`step\nquiz:\n  - id: one\n    ask: Which?\n    choices: [a, b]\n    answer: c\n\`\`\``);
		expect(errorsOf(quiz)).toEqual(['lessons/en/01-test.md:15: quiz.0.answer: answer c is not one of the choices (a, b)']);

		const noId = lessonText('## Step without id\n\ntext\n');
		expect(errorsOf(noId)).toEqual(['lessons/en/01-test.md:8: step heading needs an id at its end, like: ## Step without id {#step-id}']);

		const noBlock = lessonText('## Step {#s}\n\ntext\n');
		expect(errorsOf(noBlock)).toEqual(['lessons/en/01-test.md:8: step s has no ```step block (goals, hints, solution)']);

		const noSummary = '---\ntitle: T\n---\n\nIntro\n\n' + STEP + '\n';
		expect(errorsOf(noSummary).join('\n')).toContain('a lesson ends with a summary section: ## Summary {#summary}');

		const nothingToCheck = lessonText('## Step {#s}\n\n```step\nhints: [x]\n```');
		expect(errorsOf(nothingToCheck)).toEqual(['lessons/en/01-test.md:11: a step needs goals or a quiz: something the lab can check']);

		const twoPredicates = lessonText(STEP.replace("    command-ran: '^cat /etc/hosts$'", "    command-ran: 'x'\n    shell-on: lvs1"));
		expect(errorsOf(twoPredicates).join('\n')).toMatch(/:1\d: goals\.0: a goal has exactly one predicate, found command-ran and shell-on/);

		expect(errorsOf(lessonText(STEP), 'lessons/en/intro.md')[0]).toBe('lessons/en/intro.md:1: lesson files are named NN-lesson-id.md (two digits, a dash, lower-case words joined by dashes)');
	});

	it('rejects duplicate step ids and a summary that is not last', () => {
		const dup = lessonText(`${STEP}\n\n${STEP}`);
		expect(errorsOf(dup).join('\n')).toMatch(/step id look is already used on line 8/);
		const early = lessonText(`## Summary {#summary}\n\nx\n\n${STEP}`);
		expect(errorsOf(early).join('\n')).toContain(":8: the summary must be the last section");
	});

	it('ignores fences that only look like step blocks inside other code', () => {
		const raw = splitLesson('---\ntitle: t\n---\nintro\n\n## A {#a}\n\n````md\n```step\ngoals: []\n```\n````\n');
		expect(raw.sections[0]!.blocks).toHaveLength(0);
		expect(raw.sections[0]!.text).toContain('```step');
	});
});
