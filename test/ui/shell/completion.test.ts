import {describe, expect, it} from 'vitest';
import {CommandRegistry} from '../../../source/commands/registry';
import {complete, formatCandidates, type CompletionContext} from '../../../source/ui/shell/completion';
import {labOn, sandboxWorld} from '../helpers/worlds';

function ctx(cwd = '/root'): CompletionContext {
	const lab = labOn(sandboxWorld());
	const host = lab.world.host('lvs1')!;
	host.fs.put('/etc/ha.d/ha.cf', 'x');
	host.fs.put('/etc/ha.d/haresources', 'x');
	host.fs.put('/etc/hosts.allow', 'x');
	return {registry: lab.shell.registry, world: lab.world, host, cwd};
}

describe('tab completion', () => {
	it('completes command names in command position, after ; and |', () => {
		expect(complete(ctx(), 'hostn', 5)).toMatchObject({start: 0, text: 'hostname ', done: true});
		expect(complete(ctx(), 'echo x; hist', 12)).toMatchObject({start: 8, text: 'history ', done: true});
		const h = complete(ctx(), 'h', 1)!.candidates;
		expect(h).toEqual(expect.arrayContaining(['help', 'history', 'hostname']));
		expect(h.every((c) => c.startsWith('h'))).toBe(true);
		expect(h).toEqual([...h].sort());
	});

	it('leaves out tools that only their full path runs, and completes those paths', () => {
		const c = ctx();
		const onlyByPath = {name: 'hb_demo', paths: ['/usr/lib/heartbeat/hb_demo'], pathOnly: true, group: 'ha' as const, run: () => 0};
		const registry = new CommandRegistry([...c.registry.all(), onlyByPath]);
		expect(complete({...c, registry}, 'hb_de', 5)).toBeUndefined();
		expect(complete({...c, registry}, '/usr/lib/heartbeat/hb_d', 23)).toMatchObject({text: '/usr/lib/heartbeat/hb_demo ', done: true});
	});

	it('uses the command\'s own completion (ssh completes host names)', () => {
		expect(complete(ctx(), 'ssh r', 5)?.candidates).toEqual(['rs1', 'rs2', 'rs3', 'rs4']);
		expect(complete(ctx(), 'ssh cl', 6)).toMatchObject({text: 'client ', done: true});
	});

	it('offers host names to lab commands without a completion of their own', () => {
		const c = ctx();
		const lab = {name: 'flap', group: 'lab' as const, run: () => 0};
		const registry = new CommandRegistry([...c.registry.all(), lab]);
		expect(complete({...c, registry}, 'flap cl', 7)).toMatchObject({text: 'client ', done: true});
		expect(complete({...c, registry}, 'flap r', 6)?.candidates).toEqual(['rs1', 'rs2', 'rs3', 'rs4']);
		// A file tool keeps to files.
		expect(complete(c, 'cat r', 5)).toBeUndefined();
	});

	it('completes paths: directories end in /, common prefixes extend the word', () => {
		expect(complete(ctx(), 'cat /etc/ha', 11)).toMatchObject({start: 4, text: '/etc/ha.d/', done: true});
		expect(complete(ctx(), 'cat /etc/ha.d/h', 15)).toMatchObject({text: '/etc/ha.d/ha', done: false, candidates: ['/etc/ha.d/ha.cf', '/etc/ha.d/haresources']});
		expect(complete(ctx('/etc'), 'vi hosts.a', 10)).toMatchObject({text: 'hosts.allow ', done: true});
		expect(complete(ctx(), 'cat /nonexistent/x', 18)).toBeUndefined();
	});

	it('offers the screen\'s own words with the commands, only in command position and only when given', () => {
		const words = ['hint', 'solve', 'solution'];
		expect(complete({...ctx(), words}, 'hi', 2)?.candidates).toEqual(['hint', 'history']);
		expect(complete({...ctx(), words}, 'sol', 3)).toMatchObject({text: 'sol', done: false, candidates: ['solution', 'solve']});
		expect(complete({...ctx(), words}, 'echo x; solv', 12)).toMatchObject({start: 8, text: 'solve ', done: true});
		// As an argument it is just a word: nothing to offer.
		expect(complete({...ctx(), words}, 'cat solv', 8)).toBeUndefined();
		expect(complete(ctx(), 'solv', 4)).toBeUndefined();
	});

	it('lists candidates by name in columns', () => {
		expect(formatCandidates(['/etc/ha.d/ha.cf', '/etc/ha.d/haresources', '/etc/ha.d/x/'], 40)).toEqual(['ha.cf        haresources  x/']);
	});
});
