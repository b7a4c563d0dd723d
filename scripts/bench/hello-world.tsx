// The baseline for the lab's startup: the smallest Ink program, bundled the same way.
import {render, Text} from 'ink';
import {writeFileSync} from 'node:fs';

let firstFrameMs: number | undefined;
const app = render(<Text>Hello, world</Text>, {
	onRender() {
		if (firstFrameMs !== undefined) return;
		firstFrameMs = performance.now();
		setImmediate(() => app.unmount());
	},
});
await app.waitUntilExit();
writeFileSync(process.env['CLUSTER_LAB_METRICS']!, JSON.stringify({firstFrameMs}));
