import {memo} from 'react';
import type {HomeAction} from '../home/home-screen';
import {fill} from '../messages';
import {useSettings} from '../settings';
import {useTerminalSize} from '../terminal/use-terminal-size';
import {line, seg} from '../text/segments';
import {Lines} from '../text/lines';

/**
 * What the screen shows while a scenario's cluster (or a lesson's) is being built: the engine
 * loads after this first frame, so the terminal answers at once.
 */
export const Starting = memo(function Starting({action}: {action: HomeAction}) {
	const {theme, t} = useSettings();
	const size = useTerminalSize();
	const width = Math.max(20, size.columns);
	const lines = [line(width, seg(t.home.title, theme.paint.title), '  ', seg(t.home.subtitle, theme.paint.dim)), '', line(width, seg(action.kind === 'lesson' ? fill(t.startingLesson, action.id) : fill(t.starting, action.name), theme.paint.dim))];
	return <Lines lines={lines} width={width} height={lines.length} />;
});
