/**
 * Kinds of event the traffic engine queues for a flow. Each names the moment
 * something a user can see changes: a packet group reaching a director, a
 * reply reaching the client, a timer running out.
 */

/** The client's SYN, request, or closing ACKs and FIN reach a director. */
export const EV_DIR_SYN = 1;
export const EV_DIR_REQ = 2;
export const EV_DIR_FIN = 3;
/** A server's SYN-ACK, response, last ACK or reset reaches the director that rewrites it (NAT). */
export const EV_OUT_SYNACK = 4;
export const EV_OUT_RESP = 5;
export const EV_OUT_LASTACK = 6;
export const EV_OUT_RST = 7;
/** The whole response reached the client. */
export const EV_CLIENT_RESP = 8;
/** The client's connect() or transfer failed (flow.failure says how). */
export const EV_CLIENT_FAIL = 9;
/** A fixed-delay timer: SYN retransmission, or giving up on an unanswered request. */
export const EV_SYN_TIMER = 10;
/** The client's own time limit (curl -m, --connect-timeout). */
export const EV_DEADLINE = 11;
/** The end of load --hold: the client closes the connection. */
export const EV_HOLD_CLOSE = 12;
/** The SYN-ACK reached the client. */
export const EV_CLIENT_SYNACK = 13;
/** Think time on a keep-alive connection is over: the next request leaves. */
export const EV_NEXT_REQ = 14;
/** A traffic source's tick (see TrafficEngine.tickAt), not a flow's event. */
export const EV_TICK = 15;
