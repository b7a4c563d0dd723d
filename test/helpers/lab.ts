import {transcript} from '../../source/cli/transcript';
import {createLab, type Lab} from '../../source/lab/lab';
import {loadScenario} from '../../source/scenario/load';

/** A fresh lab on a built-in scenario, as `cluster-lab run --scenario NAME` builds it. */
export function lab(scenario = 'sandbox', seed = 1): Lab {
	const found = loadScenario(scenario);
	if (!found.ok) throw new Error(found.message + '\n' + JSON.stringify(found.errors));
	return createLab(found.config, {seed, lang: 'en', interactive: false});
}

/** The full transcript of a script, exactly as `cluster-lab run` prints it. */
export function run(script: string, scenario = 'sandbox', seed = 1): string {
	const l = lab(scenario, seed);
	let text = '';
	for (const piece of iterate(transcript(l, script))) text += piece;
	return text;
}

function* iterate(gen: Generator<string, number>): Generator<string> {
	for (;;) {
		const step = gen.next();
		if (step.done) return;
		yield step.value;
	}
}

/** Output of one command typed at the shell (stdout and stderr together) and its status. */
export function sh(l: Lab, line: string): {out: string; status: number} {
	const result = l.shell.execute(line + '\n');
	return {out: result.output.map((c) => c.text).join(''), status: result.status};
}
