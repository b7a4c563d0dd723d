import {mosmonLive, mtopLive} from '../../commands/mosix/live-tools';
import {editorTool} from './editor/editor-tool';
import type {FullscreenTool} from './tool';

/**
 * Full-screen views by tool name: a command that emits the `fullscreen` effect
 * with `tool: NAME` opens the view registered here: the lab's editor for vi and
 * nano, the openMosix monitors' live frame renderers for mosmon and mtop.
 */
export const FULLSCREEN_TOOLS: Readonly<Record<string, FullscreenTool<any>>> = {
	vi: editorTool('vi'),
	vim: editorTool('vi'),
	nano: editorTool('nano'),
	mosmon: mosmonLive,
	mtop: mtopLive,
};
