import {afterEach, it} from 'vitest';
import {KEY} from '../helpers/render';
import {closeAll, mountStudy} from './helpers';
afterEach(closeAll);
it('shows', async () => {
	for (const [c, rr] of [[100, 30], [80, 24], [140, 40], [100, 44]] as const) {
		const {r} = mountStudy({columns: c, rows: rr});
		const f = await r.waitFor((f) => f.includes('root@lvs1'));
		console.log(`--- ${c}x${rr}\n` + f);
		if (c === 100 && rr === 30) {
			await r.press('hostname -I', KEY.enter);
			console.log(await r.waitFor((f) => f.includes('[✓]')));
			await r.press('hint', KEY.enter);
			await r.press('\x1bOS');
			console.log(await r.waitFor((f) => f.includes('(y/n)')));
		}
	}
});
