import * as z from 'zod';
import {parseCidr, parseIp} from '../sim/net/ipv4';

/**
 * The lesson format, as data. Front matter (YAML at the top of each lesson
 * file) and the ```step blocks inside it are checked against these schemas;
 * `lessons/schema.json` is generated from them for instructors' editors.
 */

const hostName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'host names use lower-case letters, digits and dashes').meta({description: 'A host of the scenario, e.g. lvs1 or rs2.'});

const ip = z.string().refine((s) => parseIp(s) !== undefined, {message: 'expected an IPv4 address like 10.0.0.100'});

const ipOrCidr = z.string().refine((s) => parseIp(s) !== undefined || parseCidr(s) !== undefined, {message: 'expected an address like 10.0.0.100 or 10.0.0.100/32'});

/** `10.0.0.11:80` */
export const endpoint = z
	.string()
	.refine((s) => /^[^:]+:\d{1,5}$/.test(s) && parseIp(s.split(':')[0]!) !== undefined && Number(s.split(':')[1]) <= 65535, {
		message: 'expected ADDRESS:PORT like 10.0.0.11:80',
	})
	.meta({description: 'A real server as ADDRESS:PORT, e.g. 10.0.0.11:80.'});

/** `tcp 10.0.0.100:80`, `udp 10.0.0.100:53` or `fwm 1`. */
export const serviceSpec = z
	.string()
	.refine(
		(s) => {
			const m = /^(tcp|udp|sctp) (.+)$/.exec(s);
			if (m) return endpoint.safeParse(m[2]).success;
			return /^fwm [1-9]\d*$/.test(s);
		},
		{message: "expected a virtual service like 'tcp 10.0.0.100:80' or 'fwm 1'"},
	)
	.meta({description: "A virtual service: 'tcp ADDRESS:PORT', 'udp ADDRESS:PORT', 'sctp ADDRESS:PORT' or 'fwm MARK'."});

function validRegex(s: string): boolean {
	try {
		new RegExp(s);
		return true;
	} catch {
		return false;
	}
}

const regex = z.string().min(1).refine(validRegex, {message: 'not a valid regular expression'}).meta({description: 'A JavaScript regular expression.'});

/** A count to compare: `3` (exactly), or a comparison such as `'>= 3'`, `'> 0'`, `'!= 2'`. */
export const count = z
	.union([z.number().int().nonnegative(), z.string().regex(/^(==|!=|>=|<=|>|<)\s*\d+$/, "expected a number or a comparison like '>= 3'")])
	.meta({description: "A number, or a comparison such as '>= 3', '> 0', '< 2', '!= 1'."});

const forward = z.enum(['masq', 'route', 'tunnel', 'local', 'nat', 'dr', 'tun']).meta({
	description: 'Forwarding method: masq (= nat, ipvsadm -m), route (= dr, -g), tunnel (= tun, -i) or local.',
});

const strict = <T extends z.core.$ZodLooseShape>(shape: T) =>
	z.strictObject(shape, {
		error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` : undefined),
	});

// ── State predicates ────────────────────────────────────────────────────────

const ipvsService = strict({
	host: hostName,
	service: serviceSpec,
	exists: z.boolean().optional().describe('false: the service must not exist.'),
	scheduler: z.string().regex(/^[a-z]+$/).optional(),
	persistent: z.union([z.boolean(), z.number().int().positive()]).optional().describe('true/false, or the persistence timeout in seconds.'),
	dests: z.array(endpoint).optional().describe('Exactly these real servers, in any order.'),
	weights: z.record(endpoint, z.number().int().nonnegative()).optional().describe('Weights of some real servers.'),
}).meta({description: 'A virtual service in the IPVS table of a host (what ipvsadm -L -n lists).'});

const ipvsDest = strict({
	host: hostName,
	service: serviceSpec,
	dest: endpoint,
	exists: z.boolean().optional(),
	forward: forward.optional(),
	weight: count.optional(),
	active: count.optional().describe('ActiveConn column.'),
	inactive: count.optional().describe('InActConn column.'),
}).meta({description: 'A real server of a virtual service, with its forwarding method, weight and connection counters.'});

const ipvsStats = strict({
	host: hostName,
	service: serviceSpec,
	dest: endpoint.optional().describe("A real server's counters instead of the whole service's."),
	conns: count.optional(),
	inpkts: count.optional(),
	outpkts: count.optional(),
	inbytes: count.optional(),
	outbytes: count.optional(),
}).meta({description: 'Packet and byte counters of a service or real server (ipvsadm -L -n --stats).'});

const connections = strict({
	host: hostName,
	service: serviceSpec.optional(),
	dest: endpoint.optional(),
	client: ip.optional(),
	state: z.string().regex(/^[A-Z_]+$/).optional().describe('Kernel state name: ESTABLISHED, FIN_WAIT, TIME_WAIT, SYN_RECV, NONE, …'),
	template: z.boolean().optional().describe('Count persistence templates instead of connections.'),
	count,
}).meta({description: 'Entries of the IPVS connection table of a host (ipvsadm -L -n -c).'});

const fileContains = strict({
	host: hostName,
	path: z.string().regex(/^\//, 'paths must be absolute'),
	text: z.string().min(1).optional().describe('Plain text the file must contain.'),
	match: regex.optional().describe('Regular expression (multiline: ^ and $ match at line ends).'),
}).meta({description: 'A file on a host contains a text or matches a regular expression.'});

const fileExists = strict({
	host: hostName,
	path: z.string().regex(/^\//, 'paths must be absolute'),
}).meta({description: 'A file or directory exists on a host.'});

const sysctl = strict({
	host: hostName,
	key: z.string().regex(/^[a-z0-9_.\-]+$/, 'expected a sysctl key like net.ipv4.ip_forward'),
	value: z.union([z.string(), z.number()]),
}).meta({description: 'A kernel setting (sysctl, /proc/sys) has a value.'});

const addressOn = strict({
	host: hostName,
	address: ipOrCidr.describe('Address, or address/prefix to also check the mask.'),
	dev: z.string().optional().describe('Physical device: eth0, lo, tunl0.'),
	label: z.string().optional().describe('Alias label such as eth0:0 or lo:0.'),
}).meta({description: 'An address is configured on a host (optionally on a device or alias label).'});

const route = strict({
	host: hostName,
	to: z.union([z.literal('default'), ipOrCidr]).describe('default, or a network like 10.0.0.0/24.'),
	via: ip.optional(),
	dev: z.string().optional(),
}).meta({description: 'A host has a route (for example its default gateway).'});

const neighbor = strict({
	host: hostName,
	ip,
	owner: hostName.optional().describe('The MAC address belongs to this host.'),
	mac: z.string().regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/).optional(),
}).meta({description: "An entry of a host's ARP cache (ip neigh): which machine's MAC it holds for an address."});

const hostState = strict({
	host: hostName,
	powered: z.boolean().optional(),
	plugged: z.boolean().optional().describe('Cable state of `iface`, or of every ethernet interface.'),
	iface: z.string().optional(),
}).meta({description: 'A host is powered on or off, its cables plugged or unplugged.'});

const processRunning = strict({
	host: hostName.describe("The process's home host: the one whose process table (ps) lists it."),
	match: regex.describe('Regular expression over the process command line (as ps shows it).'),
	on: hostName.optional().describe('Only processes executing on this host now (openMosix migrates processes away from their home; mps shows where).'),
	count: count.optional().describe('How many matching processes (default: at least one).'),
}).meta({description: 'Processes whose command line matches are running on a host (optionally: executing on another host, that many).'});

// ── History predicates ──────────────────────────────────────────────────────

const commandRan = z
	.union([
		regex,
		strict({
			match: regex.describe('Regular expression over the command line (blanks squeezed to one space).'),
			host: hostName.optional().describe('Host the command ran on (`ssh HOST CMD` counts for HOST too).'),
			success: z.boolean().optional().describe('true: it must have exited 0; false: it must have failed.'),
			count: count.optional().describe('How many matching commands (default: at least one).'),
		}),
	])
	.meta({description: 'The learner ran a matching command during this step (a regular expression, or an object with options).'});

const outputMatched = z
	.union([
		regex,
		strict({
			match: regex,
			command: regex.optional().describe('Look at the last command matching this instead of the last command.'),
			stream: z.enum(['out', 'err', 'any']).optional(),
		}),
	])
	.meta({description: 'The output of the last command (or the last matching command) of this step matches a regular expression.'});

const timelineEvent = z
	.union([
		regex,
		strict({
			match: regex,
			source: z.enum(['lab', 'net', 'ipvs', 'heartbeat', 'ldirectord', 'sync', 'mosix', 'http', 'traffic']).optional(),
			host: hostName.optional(),
		}),
	])
	.meta({description: 'An event matching the expression appeared on the event timeline during this step.'});

/** Every predicate, by the key that names it in a goal. */
export const PREDICATE_SCHEMAS = {
	'ipvs-service': ipvsService,
	'ipvs-dest': ipvsDest,
	'ipvs-stats': ipvsStats,
	connections,
	'file-contains': fileContains,
	'file-exists': fileExists,
	sysctl,
	'address-on': addressOn,
	route,
	neighbor,
	'host-state': hostState,
	'shell-on': hostName.meta({description: 'The shell is logged in on this host right now.'}),
	'process-running': processRunning,
	'command-ran': commandRan,
	'output-matched': outputMatched,
	'timeline-event': timelineEvent,
} as const;

export type PredicateName = keyof typeof PREDICATE_SCHEMAS | 'all' | 'any' | 'not';

export const PREDICATE_NAMES: readonly PredicateName[] = [...(Object.keys(PREDICATE_SCHEMAS) as PredicateName[]), 'all', 'any', 'not'];

type Args<K extends keyof typeof PREDICATE_SCHEMAS> = z.output<(typeof PREDICATE_SCHEMAS)[K]>;

/** A goal: exactly one predicate, plus an optional text shown to the learner. */
export type Goal = {text?: string} & {
	[K in keyof typeof PREDICATE_SCHEMAS]?: Args<K>;
} & {all?: Goal[]; any?: Goal[]; not?: Goal};

const predicateShape = Object.fromEntries(Object.entries(PREDICATE_SCHEMAS).map(([k, s]) => [k, s.optional()])) as {
	[K in keyof typeof PREDICATE_SCHEMAS]: z.ZodOptional<(typeof PREDICATE_SCHEMAS)[K]>;
};

export const goalSchema: z.ZodType<Goal> = z
	.strictObject(
		{
			text: z.string().min(1).optional().describe('What the learner reads in the checklist; generated from the predicate when absent.'),
			...predicateShape,
			get all() {
				return z.array(goalSchema).min(1).optional();
			},
			get any() {
				return z.array(goalSchema).min(1).optional();
			},
			get not() {
				return goalSchema.optional();
			},
		},
		{
			error: (issue) =>
				issue.code === 'unrecognized_keys'
					? `unknown predicate ${issue.keys.join(', ')} (known: ${PREDICATE_NAMES.join(', ')})`
					: issue.code === 'invalid_type' && issue.input === null
						? 'a goal needs a predicate'
						: undefined,
		},
	)
	.check((ctx) => {
		// Unknown keys are already reported, as unknown predicates, by the strict object.
		if (ctx.issues.some((i) => i.code === 'unrecognized_keys' && (i.path?.length ?? 0) === 0)) return;
		const names = Object.keys(ctx.value)
			.filter((k) => k !== 'text')
			.sort();
		if (names.length !== 1) {
			ctx.issues.push({
				code: 'custom',
				input: ctx.value,
				message: names.length === 0 ? `a goal needs one predicate (${PREDICATE_NAMES.join(', ')})` : `a goal has exactly one predicate, found ${names.join(' and ')}`,
			});
		}
	})
	.meta({id: 'goal', description: 'Exactly one predicate (and an optional text). all/any take a list of goals, not takes one goal.'});

// ── Quizzes ─────────────────────────────────────────────────────────────────

const letter = z.string().regex(/^[a-h]$/, 'answers are choice letters a-h');

export const quizSchema = strict({
	id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'quiz ids use lower-case letters, digits and dashes').describe('Names the quiz in progress files; unique within the lesson.'),
	ask: z.string().min(1).optional().describe('A multiple-choice question.'),
	predict: z.string().min(1).optional().describe('A prediction asked before the learner runs commands, checked against what then happens.'),
	choices: z.array(z.string().min(1)).min(2).max(8).describe('Shown with letters a), b), c)…; for predictions, the values the learner picks among.'),
	answer: z.union([letter, z.array(letter).min(1)]).optional().describe('ask: the correct letter, or letters when several are right.'),
	count: z.number().int().positive().max(20).optional().describe('predict: how many values the learner predicts (default 1).'),
	observe: strict({command: regex, output: regex}).optional().describe('predict: where the outcome is read: commands run after the prediction, and a regex whose first group (or whole match) is a value.'),
	expect: z.array(z.string().min(1)).min(1).optional().describe('predict: the outcome the reference solution produces (validate checks it).'),
	explain: z.string().min(1).optional().describe('Shown after answering.'),
})
	.check((ctx) => {
		const q = ctx.value;
		const fail = (path: string[], message: string) => ctx.issues.push({code: 'custom', input: q, path, message});
		if ((q.ask === undefined) === (q.predict === undefined)) fail([], 'a quiz has either ask (multiple choice) or predict (predict-then-observe)');
		const letters = 'abcdefgh'.slice(0, q.choices.length);
		if (q.ask !== undefined) {
			if (q.answer === undefined) fail(['ask'], 'a multiple-choice quiz needs answer (a letter)');
			for (const a of q.answer === undefined ? [] : Array.isArray(q.answer) ? q.answer : [q.answer]) {
				if (!letters.includes(a)) fail(['answer'], `answer ${a} is not one of the choices (${[...letters].join(', ')})`);
			}
			for (const key of ['count', 'observe', 'expect'] as const) if (q[key] !== undefined) fail([key], `${key} belongs to predict quizzes`);
		}
		if (q.predict !== undefined) {
			if (q.observe === undefined) fail(['predict'], 'a prediction needs observe: {command, output}');
			if (q.expect === undefined) fail(['predict'], 'a prediction needs expect: the values the reference solution produces');
			if (q.answer !== undefined) fail(['answer'], 'predictions are checked against what happens; use expect instead of answer');
			const n = q.count ?? 1;
			if (q.expect && q.expect.length !== n) fail(['expect'], `expect has ${q.expect.length} value${q.expect.length === 1 ? '' : 's'} but count is ${n}`);
			for (const v of q.expect ?? []) if (!q.choices.includes(v)) fail(['expect'], `expected value ${v} is not one of the choices`);
		}
	})
	.meta({id: 'quiz'});

// ── Setup, timed events, solutions ──────────────────────────────────────────

/** `10s`, `1.5s`, `500ms`, `2m`, or a number of seconds. */
const duration = z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?(ms|s|m)$/, "expected a time like '10s', '500ms' or '2m'")]);

export const eventSchema = strict({
	at: duration.describe('When, counted from the moment the step starts.'),
	unplug: z.string().regex(/^[a-z][a-z0-9-]*(:[a-z0-9]+)?$/).optional().describe('Pull the cable: `host` (every ethernet interface) or `host:eth0`.'),
	plug: z.string().regex(/^[a-z][a-z0-9-]*(:[a-z0-9]+)?$/).optional(),
	'power-off': hostName.optional(),
	'power-on': hostName.optional(),
	'arp-flush': hostName.optional().describe("Empty a host's ARP cache (as if its entries had expired)."),
	run: z.string().min(1).optional().describe("Run a command line (on `host`, default the scenario's start host)."),
	host: hostName.optional(),
})
	.check((ctx) => {
		const actions = ['unplug', 'plug', 'power-off', 'power-on', 'arp-flush', 'run'].filter((k) => (ctx.value as Record<string, unknown>)[k] !== undefined);
		if (actions.length !== 1) {
			ctx.issues.push({
				code: 'custom',
				input: ctx.value,
				message: actions.length === 0 ? 'an event needs one action: unplug, plug, power-off, power-on, arp-flush or run' : `an event has one action, found ${actions.join(' and ')}`,
			});
		}
		if (ctx.value.host !== undefined && ctx.value.run === undefined) ctx.issues.push({code: 'custom', input: ctx.value, path: ['host'], message: 'host goes with run'});
	})
	.meta({id: 'event'});

export const setupSchema = strict({
	commands: z.array(z.string().min(1)).optional().describe("Command lines run quietly before the step (on `host`), not shown in the learner's history."),
	host: hostName.optional(),
	events: z.array(eventSchema).optional().describe('Things that happen by themselves while the learner works.'),
});

export const solutionItem = z.union([
	z.string().min(1),
	strict({
		run: z.string().min(1),
		status: z.union([z.number().int().min(0).max(255), z.literal('any')]).optional().describe("Exit status this command is expected to have (default 0); 'any' to accept every status."),
	}),
]);

/** The ```step block that follows a step's text. */
export const stepBlockSchema = strict({
	scenario: z.string().min(1).optional().describe("Start this step on a fresh copy of this scenario instead of continuing the previous step's cluster."),
	fresh: z.boolean().optional().describe("Start this step on a fresh copy of the lesson's scenario."),
	setup: setupSchema.optional().describe('Quiet commands and timed events that prepare the step.'),
	goals: z.array(goalSchema).optional().describe('What the lab checks; the step is done when every goal holds at once.'),
	quiz: z.array(quizSchema).optional().describe('Multiple-choice questions and predictions.'),
	hints: z.array(z.string().min(1)).max(5).optional().describe('The hint ladder: a nudge, then the concept, then the exact command.'),
	solution: z.array(solutionItem).optional().describe("Reference solution: command lines that reach every goal from the step's start."),
})
	.check((ctx) => {
		const s = ctx.value;
		if ((s.goals?.length ?? 0) + (s.quiz?.length ?? 0) === 0) ctx.issues.push({code: 'custom', input: s, message: 'a step needs goals or a quiz: something the lab can check'});
		if ((s.goals?.length ?? 0) > 0 && (s.solution?.length ?? 0) === 0) ctx.issues.push({code: 'custom', input: s, path: ['goals'], message: 'a step with goals needs a reference solution'});
		if ((s.goals?.length ?? 0) > 0 && (s.hints?.length ?? 0) === 0) ctx.issues.push({code: 'custom', input: s, path: ['goals'], message: 'a step with goals needs at least one hint'});
		const ids = new Set<string>();
		(s.quiz ?? []).forEach((q, i) => {
			if (ids.has(q.id)) ctx.issues.push({code: 'custom', input: q, path: ['quiz', i, 'id'], message: `quiz id ${q.id} is used twice`});
			ids.add(q.id);
		});
		if (s.scenario !== undefined && s.fresh === false) ctx.issues.push({code: 'custom', input: s, path: ['fresh'], message: 'a step with its own scenario always starts fresh'});
	})
	.meta({id: 'step'});

/** The YAML front matter at the top of a lesson file. */
export const frontMatterSchema = strict({
	title: z.string().min(1).describe("The lesson's title, as the lesson list shows it."),
	scenario: z.string().min(1).default('sandbox').describe("Built-in scenario name, or a YAML file relative to the lesson folder's root."),
	seed: z.number().int().min(0).max(0xffffffff).default(1).describe("Seed of the simulation for this lesson's steps (default 1)."),
	requires: z.array(z.string().regex(/^[A-Za-z0-9_.\-]+$/)).default([]).describe('Commands the lesson needs; validate reports the lesson as waiting while one is missing.'),
	minutes: z.number().int().positive().optional().describe('Rough time to work through it.'),
}).meta({id: 'front-matter'});

export type FrontMatter = z.output<typeof frontMatterSchema>;
export type StepBlock = z.output<typeof stepBlockSchema>;
export type Quiz = z.output<typeof quizSchema>;
export type TimedEvent = z.output<typeof eventSchema>;
export type SolutionItem = z.output<typeof solutionItem>;
export type Setup = z.output<typeof setupSchema>;
