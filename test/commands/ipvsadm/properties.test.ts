import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {lab, run, sh} from '../../helpers/lab';

// Random and mutated ipvsadm command lines: whatever is typed, ipvsadm answers like the
// real tool would (an exit status it can return, a message whenever it fails), never
// crashes the lab, and leaves a table that still lists, saves and restores.

// Few services and real servers, so random lines keep hitting the same entries and build up a table.
const VIPS = ['10.0.0.100', 'lvs1', '0x0a000064'];
const VPORTS = ['80', '443', 'http', '0'];
const REALS = ['10.0.0.11', 'rs2', '10.0.0.13', '127.0.0.1', '10.1'];
const RPORTS = ['80', '8080', 'http-alt', '0'];
const SCHEDULERS = ['rr', 'wrr', 'lc', 'wlc', 'sh', 'dh', 'sed', 'nq', 'lblc', 'lblcr', 'fo', 'ovf', 'mh', 'twos'];
const BAD = [
	'',
	'-',
	'--',
	':',
	'::',
	'[::1]:80',
	'[10.0.0.1]:80',
	'999.1.1.1',
	'10.0.0.100:65536',
	'10.0.0.100:-1',
	'-1',
	'0',
	'2147483648',
	'99999999999999999999999',
	'1e9',
	'0x10',
	'ñandú',
	'日本:80',
	'💥',
	"it's",
	'a b',
	'-Lnc',
	'--set',
	'-R',
	'-h',
	'--nosuch',
	'-b',
	',',
	'sh-port,',
	'flag-1,,flag-2',
	'master',
	'backup',
	'!#:+',
	'%s%n',
	'\t',
];

const token = (values: readonly string[]) => fc.constantFrom(...values);
const service = fc.oneof(
	{weight: 4, arbitrary: fc.tuple(token(['-t', '-u', '--tcp-service']), token(VIPS), token(VPORTS)).map(([o, a, p]) => [o, `${a}:${p}`])},
	{weight: 1, arbitrary: fc.tuple(token(['--sctp-service', '-t']), token(VIPS)).map(([o, a]) => [o, a])},
	{weight: 2, arbitrary: fc.tuple(token(['-f', '--fwmark-service']), fc.constantFrom(1, 2, 258)).map(([o, m]) => [o, String(m)])},
);
const serviceOptions = fc.array(
	fc.oneof(
		token(SCHEDULERS).map((s) => ['-s', s]),
		fc.option(fc.oneof(fc.integer({min: 1, max: 900}), fc.integer({min: 0, max: 3000000})), {nil: undefined}).map((t) => (t === undefined ? ['-p'] : ['-p', String(t)])),
		token(['255.255.255.0', '255.255.0.0', '255.255.255.255']).map((m) => ['-M', m]),
		fc.constant(['-o']),
		token(['sh-fallback', 'sh-port', 'flag-1', 'mh-port']).map((b) => ['-b', b]),
		fc.constant(['--pe', 'sip']),
	),
	{maxLength: 4},
);
const destOptions = fc.array(
	fc.oneof(
		token(['-g', '-i', '-m']).map((m) => [m]),
		fc.oneof(fc.integer({min: 0, max: 5}), fc.integer({min: -2, max: 70000})).map((w) => ['-w', String(w)]),
		fc.integer({min: 0, max: 500}).map((x) => ['-x', String(x)]),
		fc.integer({min: 0, max: 500}).map((y) => ['-y', String(y)]),
		fc.tuple(token(['ipip', 'gue', 'gre']), token(['--tun-csum', '--tun-nocsum', '--tun-remcsum'])).map(([t, f]) => ['-i', '--tun-type', t, '--tun-port', '6080', f]),
		token(['--tun-csum', '--tun-nocsum', '--tun-remcsum']).map((t) => [t]),
	),
	{maxLength: 4},
);
const real = fc.tuple(token(REALS), fc.option(token(RPORTS), {nil: undefined})).map(([a, p]) => ['-r', p === undefined ? a : `${a}:${p}`]);

/** Command lines the real tool would accept (most of the time: the kernel may still refuse them). */
const validLine: fc.Arbitrary<string[]> = fc.oneof(
	{weight: 4, arbitrary: fc.tuple(token(['-A', '-E', '--add-service', '--edit-service']), service, serviceOptions).map(([c, s, o]) => [c, ...s, ...o.flat()])},
	{weight: 6, arbitrary: fc.tuple(token(['-a', '-e', '--add-server', '--edit-server']), service, real, destOptions).map(([c, s, r, o]) => [c, ...s, ...r, ...o.flat()])},
	fc.tuple(token(['-d', '--delete-server']), service, real).map(([c, s, r]) => [c, ...s, ...r]),
	fc.tuple(token(['-D', '-Z']), service).map(([c, s]) => [c, ...s]),
	fc.tuple(
		token(['-L', '-l', '--list']),
		fc.subarray(['-n', '--stats', '--rate', '--exact', '--thresholds', '--persistent-conn', '--nosort', '--tun-info', '-c', '--timeout', '--daemon']),
	).map(([c, o]) => [c, ...o]),
	fc.tuple(fc.constant('-L'), service, fc.subarray(['-n', '--stats'])).map(([c, s, o]) => [c, ...s, ...o]),
	fc.constantFrom<string[]>(['-C'], ['-S'], ['-S', '-n'], ['-Z'], ['-Lnc'], ['-v'], ['--timeout', '-L']),
	fc.tuple(fc.integer({min: 0, max: 3000000}), fc.integer({min: 0, max: 100}), fc.integer({min: 0, max: 999})).map(([a, b, c]) => ['--set', String(a), String(b), String(c)]),
	fc.tuple(token(['--start-daemon', '--stop-daemon']), token(['master', 'backup']), fc.subarray([['--syncid', '5'], ['--mcast-interface', 'eth0']])).map(([c, s, o]) => [c, s, ...o.flat()]),
);

/** Adds that mostly succeed, so every run starts from a populated table. */
const SERVICES = [['-t', '10.0.0.100:80'], ['-t', 'lvs1:https'], ['-u', '10.0.0.100:53'], ['-f', '1'], ['-f', '2']];
const buildUp: fc.Arbitrary<string[][]> = fc
	.tuple(
		fc.subarray(SERVICES, {minLength: 1}),
		fc.array(fc.tuple(fc.nat(4), token(REALS), token(['80', '8080', '0'])), {maxLength: 8}),
		token(['rr', 'wlc', 'sh', 'lc']),
		fc.array(fc.tuple(token(['-g', '-m', '-i']), fc.integer({min: 0, max: 5})), {minLength: 8, maxLength: 8}),
	)
	.map(([services, reals, scheduler, methods]) => [
		...services.map((svc, i) => ['-A', ...svc, '-s', scheduler, ...(i % 2 ? ['-p', String(60 * i)] : [])]),
		...reals.map(([which, addr, port], i) => ['-a', ...services[which % services.length]!, '-r', `${addr}:${port}`, methods[i]![0], '-w', String(methods[i]![1])]),
	]);

/** Valid lines with tokens dropped, duplicated, swapped, replaced or added. */
const mutatedLine: fc.Arbitrary<string[]> = fc
	.tuple(
		validLine,
		fc.array(
			fc.record({
				kind: fc.constantFrom('drop', 'duplicate', 'swap', 'replace', 'insert', 'garbage'),
				at: fc.nat(),
				other: fc.nat(),
				bad: token(BAD),
				garbage: fc.string({unit: 'grapheme', maxLength: 12}),
			}),
			{minLength: 1, maxLength: 3},
		),
	)
	.map(([line, mutations]) => {
		const words = [...line];
		for (const m of mutations) {
			const i = words.length ? m.at % words.length : 0;
			const j = words.length ? m.other % words.length : 0;
			if (m.kind === 'drop') words.splice(i, 1);
			else if (m.kind === 'duplicate' && words.length) words.splice(i, 0, words[i]!);
			else if (m.kind === 'swap' && words.length) [words[i], words[j]] = [words[j]!, words[i]!];
			else if (m.kind === 'replace' && words.length) words[i] = m.bad;
			else if (m.kind === 'insert') words.splice(i, 0, m.bad);
			else words.splice(i, 0, m.garbage);
		}
		return words;
	});

/** Quotes a word for the lab shell so ipvsadm receives it unchanged. */
function quote(word: string): string {
	return `'${word.replace(/'/g, `'\\''`)}'`;
}

function commandLine(words: readonly string[]): string {
	return ['ipvsadm', ...words].map(quote).join(' ');
}

const STATUSES = new Set([0, 1, 2, 139, 255]);

function checkRun(l: ReturnType<typeof lab>, words: readonly string[]): void {
	const {out, status} = sh(l, commandLine(words));
	expect(out, words.join(' ')).not.toMatch(/internal error/);
	expect(STATUSES.has(status), `status ${status} for ${words.join(' ')}`).toBe(true);
	if (status !== 0) expect(out.length, `no message for ${words.join(' ')}`).toBeGreaterThan(0);
}

/**
 * The table still lists, and what -S prints restores to the same table in a fresh lab.
 * (The generators never set flag-3 on an sh or mh service: ipvsadm -S writes that as a
 * bare `-b`, which -R cannot read back, in the real tool as here.)
 */
function checkUsable(l: ReturnType<typeof lab>): void {
	const list = sh(l, 'ipvsadm -L -n');
	expect(list.status).toBe(0);
	expect(list.out).toMatch(/^IP Virtual Server version 1\.2\.1 \(size=4096\)\n/);
	const saved = sh(l, 'ipvsadm -S -n');
	expect(saved.status).toBe(0);
	const fresh = lab();
	fresh.world.host('lvs1')!.fs.put('/root/rules', saved.out);
	const restored = sh(fresh, 'ipvsadm -R < /root/rules');
	expect(restored, saved.out).toEqual({out: '', status: 0});
	expect(sh(fresh, 'ipvsadm -S -n').out).toBe(saved.out);
	expect(sh(l, 'echo still here').out).toBe('still here\n');
}

describe('ipvsadm under random input', () => {
	it('answers valid command lines like the real tool and keeps the table consistent', () => {
		fc.assert(
			fc.property(buildUp, fc.array(validLine, {minLength: 1, maxLength: 25}), (setup, lines) => {
				const l = lab();
				for (const words of [...setup, ...lines]) checkRun(l, words);
				checkUsable(l);
			}),
			{numRuns: 80, seed: 20260101},
		);
	});

	it('never crashes on mutated, garbled or unicode command lines', () => {
		fc.assert(
			fc.property(buildUp, fc.array(fc.oneof(validLine, mutatedLine, mutatedLine), {minLength: 1, maxLength: 20}), (setup, lines) => {
				const l = lab();
				for (const words of [...setup, ...lines]) checkRun(l, words);
				checkUsable(l);
			}),
			{numRuns: 100, seed: 7},
		);
	});

	it('restores any input without crashing and keeps going after kernel errors', () => {
		fc.assert(
			fc.property(buildUp, fc.array(fc.oneof(validLine, mutatedLine), {maxLength: 15}), fc.constantFrom('\n', '\r\n', '  \n'), (setup, lines, eol) => {
				const l = lab();
				l.world.host('lvs1')!.fs.put('/root/in', [...setup, ...lines].map((w) => w.join(' ')).join(eol) + eol);
				const {out, status} = sh(l, 'ipvsadm -R < /root/in');
				expect(out).not.toMatch(/internal error/);
				expect(STATUSES.has(status)).toBe(true);
				checkUsable(l);
			}),
			{numRuns: 100, seed: 99},
		);
	});

	it('prints the same bytes for the same seed and script', () => {
		fc.assert(
			fc.property(buildUp, fc.array(fc.oneof(validLine, mutatedLine), {minLength: 1, maxLength: 12}), fc.nat(1000), (setup, lines, seed) => {
				const script = [...setup, ...lines].map((w) => commandLine(w) + '; echo $?').join('\n') + '\nipvsadm -L -n --stats\nipvsadm -S\n';
				expect(run(script, 'sandbox', seed)).toBe(run(script, 'sandbox', seed));
			}),
			{numRuns: 40, seed: 3},
		);
	});
});
