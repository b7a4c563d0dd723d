/**
 * IPVS connection states and the TCP state tables of ip_vs_proto_tcp.c.
 * The director follows a connection only from the packets it sees: both
 * directions for NAT, client to server only ("input only") for DR and TUN.
 */

/** State numbers as the kernel orders them (IP_VS_TCP_S_*), then UDP's single state. */
export const S_NONE = 0;
export const S_ESTABLISHED = 1;
export const S_SYN_SENT = 2;
export const S_SYN_RECV = 3;
export const S_FIN_WAIT = 4;
export const S_TIME_WAIT = 5;
export const S_CLOSE = 6;
export const S_CLOSE_WAIT = 7;
export const S_LAST_ACK = 8;
export const S_LISTEN = 9;
export const S_SYNACK = 10;
/** UDP entries have one state, shown as `UDP`. */
export const S_UDP = 11;

export const STATE_NAMES: readonly string[] = [
	'NONE',
	'ESTABLISHED',
	'SYN_SENT',
	'SYN_RECV',
	'FIN_WAIT',
	'TIME_WAIT',
	'CLOSE',
	'CLOSE_WAIT',
	'LAST_ACK',
	'LISTEN',
	'SYNACK',
	'UDP',
];

/** Default timeouts in seconds (tcp_timeouts[]); ESTABLISHED, FIN_WAIT and UDP follow `ipvsadm --set`. */
export const STATE_TIMEOUTS: readonly number[] = [2, 900, 120, 60, 120, 120, 10, 60, 30, 120, 120, 300];

/** TCP flag classes in the order the kernel tests them: RST, then SYN, then FIN, then ACK. */
export const F_SYN = 0;
export const F_FIN = 1;
export const F_ACK = 2;
export const F_RST = 3;

/** Directions: which third of the table applies. */
export const DIR_INPUT = 0;
export const DIR_OUTPUT = 1;
export const DIR_INPUT_ONLY = 2;

const sNO = S_NONE,
	sES = S_ESTABLISHED,
	sSS = S_SYN_SENT,
	sSR = S_SYN_RECV,
	sFW = S_FIN_WAIT,
	sTW = S_TIME_WAIT,
	sCL = S_CLOSE,
	sCW = S_CLOSE_WAIT,
	sLA = S_LAST_ACK,
	sLI = S_LISTEN,
	sSA = S_SYNACK;
void sNO;

// Rows: [direction][flag], columns: current state sNO..sSA.
const NORMAL: number[][][] = [
	[
		/*syn*/ [sSR, sES, sES, sSR, sSR, sSR, sSR, sSR, sSR, sSR, sSR],
		/*fin*/ [sCL, sCW, sSS, sTW, sTW, sTW, sCL, sCW, sLA, sLI, sTW],
		/*ack*/ [sCL, sES, sSS, sES, sFW, sTW, sCL, sCW, sCL, sLI, sES],
		/*rst*/ [sCL, sCL, sCL, sSR, sCL, sCL, sCL, sCL, sLA, sLI, sSR],
	],
	[
		/*syn*/ [sSS, sES, sSS, sSR, sSS, sSS, sSS, sSS, sSS, sLI, sSR],
		/*fin*/ [sTW, sFW, sSS, sTW, sFW, sTW, sCL, sTW, sLA, sLI, sTW],
		/*ack*/ [sES, sES, sSS, sES, sFW, sTW, sCL, sCW, sLA, sES, sES],
		/*rst*/ [sCL, sCL, sSS, sCL, sCL, sTW, sCL, sCL, sCL, sCL, sCL],
	],
	[
		/*syn*/ [sSR, sES, sES, sSR, sSR, sSR, sSR, sSR, sSR, sSR, sSR],
		/*fin*/ [sCL, sFW, sSS, sTW, sFW, sTW, sCL, sCW, sLA, sLI, sTW],
		/*ack*/ [sCL, sES, sSS, sES, sFW, sTW, sCL, sCW, sCL, sLI, sES],
		/*rst*/ [sCL, sCL, sCL, sSR, sCL, sCL, sCL, sCL, sLA, sLI, sCL],
	],
];

/** The stricter table `secure_tcp` switches in (net.ipv4.vs.secure_tcp >= 3 in the kernel's "DoS" defense). */
const SECURE: number[][][] = [
	[
		[sSR, sES, sES, sSR, sSR, sSR, sSR, sSR, sSR, sSR, sSA],
		[sCL, sCW, sSS, sTW, sTW, sTW, sCL, sCW, sLA, sLI, sSA],
		[sCL, sES, sSS, sSR, sFW, sTW, sCL, sCW, sCL, sLI, sSA],
		[sCL, sCL, sCL, sSR, sCL, sCL, sCL, sCL, sLA, sLI, sCL],
	],
	[
		[sSS, sES, sSS, sSA, sSS, sSS, sSS, sSS, sSS, sLI, sSA],
		[sTW, sFW, sSS, sTW, sFW, sTW, sCL, sTW, sLA, sLI, sTW],
		[sES, sES, sSS, sES, sFW, sTW, sCL, sCW, sLA, sES, sES],
		[sCL, sCL, sSS, sCL, sCL, sTW, sCL, sCL, sCL, sCL, sCL],
	],
	[
		[sSA, sES, sES, sSR, sSA, sSA, sSA, sSA, sSA, sSA, sSA],
		[sCL, sFW, sSS, sTW, sFW, sTW, sCL, sCW, sLA, sLI, sTW],
		[sCL, sES, sSS, sES, sFW, sTW, sCL, sCW, sCL, sLI, sES],
		[sCL, sCL, sCL, sSR, sCL, sCL, sCL, sCL, sLA, sLI, sCL],
	],
];

function flatten(table: number[][][]): Uint8Array {
	const out = new Uint8Array(3 * 4 * 11);
	for (let d = 0; d < 3; d++) for (let f = 0; f < 4; f++) for (let s = 0; s < 11; s++) out[(d * 4 + f) * 11 + s] = table[d]![f]![s]!;
	return out;
}

const NORMAL_FLAT = flatten(NORMAL);
const SECURE_FLAT = flatten(SECURE);

/** The next state for a packet with flag class `flag` seen in direction `dir`. */
export function nextTcpState(state: number, dir: number, flag: number, secure = false): number {
	return (secure ? SECURE_FLAT : NORMAL_FLAT)[(dir * 4 + flag) * 11 + state]!;
}
