import {writeFileSync} from 'node:fs';

/**
 * Frame timings for `npm run bench`, switched on by environment variables:
 * CLUSTER_LAB_METRICS=FILE writes, on exit, when the first frame was drawn
 * (ms since the process started), when the first frame with the lab in it
 * was drawn (the screen may say "starting" before that), and Ink's render time
 * of every frame; CLUSTER_LAB_EXIT_AFTER_FIRST_FRAME=1 leaves as soon as the
 * first frame of the lab (or, with no lab opening, the first frame) is out.
 */
export function startMetrics(env: NodeJS.ProcessEnv = process.env) {
	const file = env['CLUSTER_LAB_METRICS'];
	if (!file) return undefined;
	const exitAfterFirst = env['CLUSTER_LAB_EXIT_AFTER_FIRST_FRAME'] === '1';
	const renderTimes: number[] = [];
	const marks: Record<string, number> = {};
	let firstFrameMs: number | undefined;
	let labFrameMs: number | undefined;
	let labExpected = false;
	let quit: (() => void) | undefined;
	return {
		onRender({renderTime}: {renderTime: number}) {
			renderTimes.push(renderTime);
			const now = performance.now();
			firstFrameMs ??= now;
			if (labFrameMs === undefined && (!labExpected || marks['lab built'] !== undefined)) {
				labFrameMs = now;
				if (exitAfterFirst) setImmediate(() => quit?.());
			}
		},
		/** The screen opens a lab after its first frame: wait for the lab's own frame. */
		expectLab() {
			labExpected = true;
		},
		/** Records when a startup step finished (ms since the process started). */
		mark(name: string) {
			marks[name] = performance.now();
		},
		attach(unmount: () => void) {
			quit = unmount;
		},
		finish() {
			writeFileSync(file, JSON.stringify({firstFrameMs, labFrameMs, marks, renderTimes}));
		},
	};
}
