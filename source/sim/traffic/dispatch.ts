import type {Micros} from '../time';
import {clientDone, clientClose, clientFailed, connected, deadlineReached, sendRequest, synTimer} from './client';
import {directorFin, directorOut, directorReq, directorSyn} from './director';
import type {TrafficEngine} from './engine';
import {
	EV_CLIENT_FAIL,
	EV_CLIENT_RESP,
	EV_CLIENT_SYNACK,
	EV_DEADLINE,
	EV_DIR_FIN,
	EV_DIR_REQ,
	EV_DIR_SYN,
	EV_HOLD_CLOSE,
	EV_NEXT_REQ,
	EV_OUT_LASTACK,
	EV_OUT_RESP,
	EV_OUT_RST,
	EV_OUT_SYNACK,
	EV_SYN_TIMER,
} from './event-kinds';
import {FS_CLOSING, FS_IDLE, FS_WAITING, type Flow} from './flow';

/**
 * Runs one event of a flow. Events carry the flow's generation when queued: a
 * stale one (the flow moved on, or its object was reused) does nothing.
 * The SYN retransmit timer carries timerGen instead, which changes whenever
 * the client no longer waits for it.
 */
export function dispatch(e: TrafficEngine, kind: number, stamp: number, flow: Flow, t: Micros): void {
	if (stamp !== (kind === EV_SYN_TIMER ? flow.timerGen : flow.gen)) return;
	switch (kind) {
		case EV_DIR_SYN:
			directorSyn(e, flow, t);
			break;
		case EV_DIR_REQ:
			directorReq(e, flow, t);
			break;
		case EV_DIR_FIN:
			directorFin(e, flow, t);
			break;
		case EV_OUT_SYNACK:
		case EV_OUT_RESP:
		case EV_OUT_LASTACK:
		case EV_OUT_RST:
			directorOut(e, flow, kind, t);
			break;
		case EV_CLIENT_SYNACK:
			connected(e, flow, t);
			break;
		case EV_CLIENT_RESP:
			if (flow.state === FS_WAITING) clientDone(e, flow, t);
			break;
		case EV_CLIENT_FAIL:
			clientFailed(e, flow);
			break;
		case EV_SYN_TIMER:
			synTimer(e, flow, t);
			break;
		case EV_DEADLINE:
			deadlineReached(e, flow, t);
			break;
		case EV_HOLD_CLOSE:
			if (flow.state === FS_CLOSING) clientClose(e, flow, t);
			break;
		case EV_NEXT_REQ:
			if (flow.state === FS_IDLE) sendRequest(e, flow, t);
			break;
	}
}
