import type {Localized} from '../../i18n/lang';
import type {Host} from '../host';
import type {HttpResponse} from '../http/types';
import type {Decision, IpvsDataPlane} from '../ipvs/data-plane';
import type {Dest} from '../ipvs/types';
import type {Ip} from '../net/ipv4';
import type {DropReason, Hop} from '../net/path';
import type {Micros} from '../time';
import type {Leg, Plan} from './paths';

/** How a request ended when it did not get a response. */
export type FailureKind =
	/** RST or ICMP port unreachable while connecting (ECONNREFUSED). */
	| 'refused'
	/** The client gave up: no answer to its SYNs, or its own time limit. */
	| 'timeout'
	/** The connection was reset after it was established. */
	| 'reset'
	/** No route, or nobody answered ARP (ENETUNREACH / EHOSTUNREACH). */
	| 'unreachable'
	/** The server closed the connection without a response. */
	| 'empty';

export interface Failure {
	readonly kind: FailureKind;
	/** The errno text the client's kernel reports (`Connection refused`, `No route to host`…). */
	readonly errno: string;
	/** Plain words on what happened, with the actual hosts and addresses. */
	readonly detail: Localized;
	/** True when the client's own time limit ended it (curl -m, ab -s). */
	readonly deadline?: boolean;
	/** Still connecting when it ended (curl tells "Failed to connect" from a timed-out transfer). */
	readonly connecting: boolean;
}

/** The HTTP request a client sends on a flow. */
export interface RequestSpec {
	readonly method: 'GET' | 'HEAD';
	readonly path: string;
	readonly hostHeader: string;
	readonly userAgent: string;
	readonly version: 'HTTP/1.0' | 'HTTP/1.1';
	/** Asks for a persistent connection (ab -k sends a Keep-Alive token; HTTP/1.1 is persistent anyway). */
	readonly keepAlive: boolean;
	/** Size of the request as sent (request line and headers). */
	readonly bytes: number;
}

/** Who started a flow and hears how it ends. */
export interface FlowOwner {
	/**
	 * The flow finished (a response arrived, or it failed: `flow.failure`).
	 * Return true to send another request on the same connection at once, or a
	 * number of microseconds to wait on the open connection before sending it.
	 */
	finished(flow: Flow): boolean | number;
	/** The connection was established (for tools that print it, such as curl -v). */
	connected?(flow: Flow): void;
	/** The client is done with the connection (closed, or failed): nothing more will happen to it. */
	closed?(flow: Flow): void;
}

/** Progress of a flow. */
export const FS_CONNECTING = 0;
export const FS_CONNECTED = 1;
export const FS_WAITING = 2;
export const FS_CLOSING = 3;
export const FS_DONE = 4;
/** Connected and idle between two requests (keep-alive with think time). */
export const FS_IDLE = 5;

/** What went where, for `explain` and `curl -v`. */
export interface FlowPathInfo {
	/** Hops of the client's first packet. */
	clientHops?: readonly Hop[];
	/** Hops from the director to the real server. */
	forwardHops?: readonly Hop[];
	/** Hops of the server's answer. */
	replyHops?: readonly Hop[];
	/** The last time a packet of this flow was lost, and why. */
	lastDrop?: {readonly reason: DropReason | 'wrong-source' | 'no-listener' | 'nodest' | 'backlog'; readonly detail: Localized};
}

/**
 * One TCP connection from a client to IP:port carrying HTTP requests. Flows are
 * pooled by the engine; `gen` changes when an object is reused.
 */
export class Flow {
	id = 0;
	gen = 0;
	timerGen = 0;
	/** The timerGen for which a timer is already queued. */
	armedGen = -1;
	client!: Host;
	cip: Ip = 0;
	cport = 0;
	dst: Ip = 0;
	dport = 0;
	owner!: FlowOwner;
	/** Owner's own number for the flow (ab's slot, load's client index). */
	tag = 0;
	request!: RequestSpec;
	/** Record the scheduler's reasoning for this connection. */
	trace = false;
	/** Abort when the whole transfer is not done by this time (curl -m). */
	deadline = Infinity;
	/** Abort when still not connected by this time (curl --connect-timeout). */
	connectDeadline = Infinity;
	/** Keep the connection open this long after the response before closing (load --hold). */
	hold: Micros = 0;
	state = FS_CONNECTING;
	synTries = 0;
	/** When the last SYN left. */
	synAt: Micros = 0;
	start: Micros = 0;
	connectedAt: Micros = 0;
	sentAt: Micros = 0;
	firstByteAt: Micros = 0;
	doneAt: Micros = 0;
	/** Requests completed on this connection. */
	requests = 0;
	/** Director handling the connection, its entry and the entry's generation. */
	director: IpvsDataPlane | null = null;
	slot = -1;
	slotGen = 0;
	/** Director whose IPVS rewrites the replies (NAT). */
	outDirector: IpvsDataPlane | null = null;
	/** The host whose TCP stack holds the server end, the address it answers from, and the real server entry. */
	server: Host | null = null;
	serverIp: Ip = 0;
	serverPort = 0;
	dest: Dest | null = null;
	decision?: Decision;
	response?: HttpResponse;
	/** Bytes of the response: all of it, and the body. */
	respBytes = 0;
	bodyBytes = 0;
	failure?: Failure;
	info: FlowPathInfo = {};
	/** The engine's cached paths for this client and destination, and the leg to the real server in use. */
	plan: Plan | undefined = undefined;
	leg: Leg | null = null;
	legKey = -1;
	legEpoch = -1;

	reset(): void {
		this.gen++;
		this.timerGen++;
		this.trace = false;
		this.deadline = Infinity;
		this.connectDeadline = Infinity;
		this.hold = 0;
		this.state = FS_CONNECTING;
		this.synTries = 0;
		this.start = this.connectedAt = this.sentAt = this.firstByteAt = this.doneAt = 0;
		this.requests = 0;
		this.director = null;
		this.slot = -1;
		this.slotGen = 0;
		this.outDirector = null;
		this.server = null;
		this.serverIp = 0;
		this.serverPort = 0;
		this.dest = null;
		this.decision = undefined;
		this.response = undefined;
		this.respBytes = 0;
		this.bodyBytes = 0;
		this.failure = undefined;
		const info = this.info;
		info.clientHops = info.forwardHops = info.replyHops = undefined;
		info.lastDrop = undefined;
		this.leg = null;
	}
}
