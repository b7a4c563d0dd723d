/**
 * The lab's own texts in English. Tools keep their real output; this is
 * everything the lab itself says. `es.ts` must have exactly the same keys
 * (its type is derived from this object).
 */
export const en = {
	help: {
		intro: 'Commands of the lab shell. Real tools print what the real ones print; lab commands are marked as such.\nType a command with -h or --help for its options.\n',
		groups: {
			shell: 'Shell',
			files: 'Files',
			process: 'Processes',
			network: 'Network',
			system: 'System (kernel modules, packages, boot)',
			lvs: 'Linux Virtual Server',
			ha: 'High availability (heartbeat, ldirectord)',
			traffic: 'Traffic from the client PC',
			mosix: 'openMosix',
			lab: 'Lab (time, faults, explanations)',
		},
	},
	cli: {
		description: 'An interactive terminal lab for learning how computer clusters work: LVS, UltraMonkey (heartbeat + ldirectord) and openMosix on a live simulated mini-cluster.',
		usage: `
  Usage
    $ cluster-lab                              open the lab (choose a scenario)
    $ cluster-lab --scenario NAME|FILE         open the lab on that scenario
    $ cluster-lab sandbox [--scenario NAME|FILE] [--seed N]
                                               open the lab on a scenario
    $ cluster-lab run [--scenario NAME|FILE] [--seed N] [SCRIPT|-]
                                               run commands from a script (or stdin)
                                               and print the transcript
    $ cluster-lab scenarios                    list the built-in scenarios
    $ cluster-lab lessons [--json]             list the lessons and your progress
    $ cluster-lab lesson ID                    study a lesson (its number or name)
    $ cluster-lab validate [DIR]               check a folder of lessons
    $ cluster-lab lang [en|es|auto]            show or save the lab's language

  Options
    --scenario, -s NAME|FILE  scenario to load (default: sandbox)
    --seed N                  seed of the simulation's random numbers (default: 1)
    --lang en|es              language of the lab's own texts
    --lessons DIR             use the lessons in DIR instead of the built-in ones
    --json                    machine-readable output (lessons)
    --plain                   numbers instead of graphs, words instead of symbols (ASCII)
    --no-color                no colours (NO_COLOR=1 does the same)
    --help                    show this help
    --version                 show the version

  Examples
    $ cluster-lab run --scenario sandbox my-lvs-setup.txt
    $ echo 'ipvsadm -L -n' | cluster-lab run -
    $ cluster-lab lesson 4
`,
		unknownLang: "unknown language '{{lang}}' (use en or es)",
		badSeed: "--seed needs a whole number from 0 to 4294967295, not '{{seed}}'",
		needsTerminal: 'the lab needs a terminal; to run commands from a script use: cluster-lab run SCRIPT',
		unknownOption: 'unknown option {{option}} (see cluster-lab --help)',
		repeatedOption: '{{option}} given more than once (see cluster-lab --help)',
		unknownCommand: "unknown command '{{command}}'; see cluster-lab --help",
		tooManyScripts: 'run takes one script, got {{count}}: {{list}}',
		cannotReadScript: 'cannot read script {{file}}: {{reason}}',
		noSuchFile: 'no such file',
		isDirectory: 'is a directory',
		extraArguments: '{{command}} takes {{max}} argument(s), got: {{list}}',
	},
	lang: {
		current: 'language: {{lang}} ({{source}})',
		sources: {
			flag: 'from --lang',
			saved: 'saved setting',
			env: 'from the locale environment',
			default: 'default',
		},
		saved: 'language saved: {{lang}}',
		cleared: 'saved language removed; the locale environment decides now ({{lang}})',
		usage: 'usage: cluster-lab lang [en|es|auto]',
	},
	lessons: {
		heading: 'Lessons',
		lesson: 'Lesson',
		status: {
			new: 'not started',
			started: 'in progress {{done}}/{{total}}',
			done: 'done',
		},
		waiting: 'coming soon (needs {{commands}})',
		resume: 'Resume with: cluster-lab lesson {{id}}',
		start: 'Start with: cluster-lab lesson {{id}}',
		none: 'No lessons found.',
		unknown: "no lesson '{{id}}' (see cluster-lab lessons)",
		invalid: 'some lesson files have problems (cluster-lab validate shows them all):',
		onlyLanguage: 'these lessons exist only in {{lang}}',
	},
	lesson: {
		title: 'Lesson {{number}} · {{title}}',
		meta: 'about {{minutes}} minutes · scenario: {{scenario}}',
		metaNoTime: 'scenario: {{scenario}}',
		step: 'Step {{n}}/{{total}} · {{title}}',
		goals: 'Goals:',
		quiz: 'Question:',
		predict: 'Predict, then run the commands and see:',
		predictCount: '(choose {{count}}, in order)',
		summary: 'Summary',
		studyInTerminal: 'In a terminal, cluster-lab lesson {{id}} opens this lesson beside its live cluster (the {{scenario}} scenario), with goals that check themselves.',
	},
	study: {
		correct: 'Correct.',
		wrong: 'Not quite. Try again.',
		predicted: 'Prediction noted: {{values}}. Now run the commands and watch.',
		observedRight: 'You predicted {{predicted}} and saw {{observed}}: well done.',
		observedWrong: 'You predicted {{predicted}} but saw {{observed}}.',
		waitingFor: 'Seen so far: {{values}}',
		answerEmpty: 'Type a letter (or several), or the choice itself.',
		answerUnknown: "'{{word}}' is not one of the choices.",
		answerCount: 'Give {{count}} values, in order.',
		alreadyPredicted: 'You already made this prediction; run the commands to see what happens.',
		hint: 'Hint {{n}}/{{total}}',
		noMoreHints: 'No more hints: the reference solution is next.',
		solution: 'Reference solution:',
		stepDone: 'Step complete.',
		lessonDone: 'Lesson complete.',
	},
	goals: {
		all: 'all of: {{list}}',
		any: 'any of: {{list}}',
		not: 'not: {{goal}}',
		ipvsService: '{{host}} has the virtual service {{service}}{{details}}',
		ipvsServiceGone: '{{host}} no longer has the virtual service {{service}}',
		ipvsDest: '{{host}}: {{service}} sends to real server {{dest}}{{details}}',
		ipvsDestGone: '{{host}}: {{service}} no longer has real server {{dest}}',
		ipvsStats: '{{host}}: counters of {{target}}{{details}}',
		connections: '{{host}}: {{count}} entries in the connection table{{details}}',
		fileContains: '{{host}}: {{path}} contains {{text}}',
		fileExists: '{{host}}: {{path}} exists',
		sysctl: '{{host}}: {{key}} = {{value}}',
		addressOn: '{{host}} has the address {{address}}{{details}}',
		route: '{{host}} has a route to {{to}}{{details}}',
		neighbor: "{{host}}'s ARP cache has {{ip}}{{details}}",
		hostState: '{{host}} is{{details}}',
		shellOn: 'you are logged in on {{host}}',
		processRunning: '{{host}} runs a process matching {{match}}{{details}}',
		commandRan: 'you ran a command matching {{match}}{{details}}',
		outputMatched: 'the output matched {{match}}{{details}}',
		timelineEvent: 'an event matching {{match}} happened{{details}}',
	},
	validate: {
		ok: '{{lessons}} lessons, {{steps}} steps: every check passed.',
		summary: '{{errors}} problem(s), {{passed}} step check(s) passed (each language is checked).',
		summaryWaiting: '{{errors}} problem(s), {{passed}} step check(s) passed, {{waiting}} not run because they need commands not in this build yet (each language is checked).',
		missingLang: 'no {{lang}} version of lesson {{id}}',
		numberDiffers: 'lesson number differs from {{other}}',
		fieldDiffers: '{{field}} differs from {{other}}',
		stepsDiffer: 'steps {{mine}} differ from {{other}} ({{theirs}})',
		goalCount: '{{mine}} goal(s) here but {{theirs}} in {{other}}',
		goalDiffers: 'goal {{n}} differs from {{other}}',
		quizCount: '{{mine}} quiz question(s) here but {{theirs}} in {{other}}',
		quizDiffers: 'quiz {{id}} differs from {{other}} (kind, number of choices, answer or what is observed)',
		hintCount: '{{mine}} hint(s) here but {{theirs}} in {{other}}',
		scenario: "scenario '{{name}}': {{message}}",
		waiting: 'step {{step}} is waiting for commands not in this build yet: {{commands}} (not checked)',
		waitingLesson: 'the lesson needs commands not in this build yet: {{commands}}',
		cannotOpen: 'step {{step}} cannot start: {{message}}',
		setupFailed: "setup command '{{command}}' exited with {{status}}: {{output}}",
		passesAtStart: 'step {{step}} already passes before the learner does anything (its goals hold at the start)',
		solutionStatus: "solution command '{{command}}' exited with {{status}} (expected {{expected}}): {{output}}",
		goalFails: 'step {{step}}: goal {{n}} does not hold after the reference solution: {{goal}}',
		predictionUnseen: 'prediction {{id}}: the reference solution shows only {{seen}} of {{count}} values ({{values}})',
		predictionDiffers: 'prediction {{id}}: the reference solution shows {{seen}}, but expect says {{expect}}',
	},
	progress: {
		corrupt: 'your progress file {{file}} could not be read; it was kept as {{keptAs}} and the lab starts clean',
		corruptStuck: 'your progress file {{file}} could not be read and could not be moved aside; progress will not be saved this time',
		newer: 'your progress file {{file}} was written by a newer cluster-lab; it was kept as {{keptAs}} and the lab starts clean',
		newerStuck: 'your progress file {{file}} was written by a newer cluster-lab; it is left untouched and progress will not be saved this time',
		unwritable: 'cannot save progress to {{file}} ({{detail}})',
	},
	ui: {
		quitHint: 'Ctrl+D to quit',
	},
};

/** The shape every language's catalog has. */
export type Catalog = Shape<typeof en>;

type Shape<T> = {readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]>};
