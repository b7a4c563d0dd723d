import type {Lab} from '../../lab/lab';
import type {CommandRecord} from '../record';

/** What a goal is checked against: the live lab and what happened during the step. */
export interface GoalContext {
	readonly lab: Lab;
	/** Commands run during this step, oldest first. */
	readonly records: readonly CommandRecord[];
	/** Timeline sequence number when the step started: only later events count. */
	readonly timelineSince: number;
}
