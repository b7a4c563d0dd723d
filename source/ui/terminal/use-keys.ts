import {useStdin} from 'ink';
import {useEffect, useRef} from 'react';
import {decodeKeys, type KeyPress} from './keys';

/**
 * Calls `handler` for every key press while `active`. Reads Ink's raw input
 * events (escape sequences and runs of text) and decodes them itself, so it can
 * tell Backspace from Delete and handle pasted or fast-typed text. Raw mode is
 * only requested on a real terminal: on a pipe Ink's flag is undefined, not false.
 */
export function useKeys(handler: (key: KeyPress) => void, active = true): void {
	const {internal_eventEmitter: events, setRawMode, isRawModeSupported} = useStdin();
	const ref = useRef(handler);
	ref.current = handler;
	useEffect(() => {
		if (!active || isRawModeSupported !== true) return;
		setRawMode(true);
		return () => setRawMode(false);
	}, [active, isRawModeSupported, setRawMode]);
	useEffect(() => {
		if (!active) return;
		const listener = (data: string) => {
			for (const key of decodeKeys(data)) ref.current(key);
		};
		events.on('input', listener);
		return () => {
			events.removeListener('input', listener);
		};
	}, [active, events]);
}
