import {describe, expect, it} from 'vitest';
import {takeSnapshot} from '../../../source/lab/snapshot';
import {powerOff, unplug} from '../../../source/sim/net/faults';
import {SEC} from '../../../source/sim/time';
import {EventsPanel} from '../../../source/ui/panels/events-panel';
import {renderPanel} from '../helpers/render';
import {sandboxWorld} from '../helpers/worlds';

const rows = (frame: string) => frame.split('\n').map((l) => l.trimEnd());

/** The sandbox's boot, a cable pulled out of rs2 at 1:02 and rs3 powered off a second later, as the engine logs them. */
function faults() {
	const world = sandboxWorld();
	world.advance(62 * SEC);
	unplug(world, world.host('rs2')!);
	world.advance(SEC);
	powerOff(world, world.host('rs3')!);
	return takeSnapshot(world).events;
}

describe('events panel language', () => {
	it('shows the engine sentences in Spanish with lang es', async () => {
		const r = renderPanel(<EventsPanel events={faults()} width={70} height={4} />, {lang: 'es'});
		const lines = rows(await r.waitFor((f) => f.includes('EVENTOS')));
		expect(lines).toEqual(['EVENTOS', '00:00:00 http rs4: apache2 arrancado (Apache/2.4.57 (Debian))', '00:01:02 lab rs2: cable desconectado de rs2 eth0', '00:01:03 lab rs3: rs3 apagado']);
		r.unmount();
	});

	it('keeps English with lang en', async () => {
		const r = renderPanel(<EventsPanel events={faults()} width={70} height={4} />);
		const lines = rows(await r.waitFor((f) => f.includes('EVENTS')));
		expect(lines).toEqual(['EVENTS', '00:00:00 http rs4: apache2 started (Apache/2.4.57 (Debian))', '00:01:02 lab rs2: cable pulled out of rs2 eth0', '00:01:03 lab rs3: rs3 powered off']);
		r.unmount();
	});

	it('reads as Spanish sentences in plain mode', async () => {
		const r = renderPanel(<EventsPanel events={faults()} width={80} height={4} />, {lang: 'es', plain: true});
		const frame = await r.waitFor((f) => f.includes('A las'));
		expect(frame).toContain('A las 00:01:02 (rs2, lab): cable desconectado de rs2 eth0');
		expect(frame).toContain('A las 00:01:03 (rs3, lab): rs3 apagado');
		r.unmount();
	});
});
