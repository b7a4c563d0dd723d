import {editorTool} from './editor/editor-tool';
import type {FullscreenTool} from './tool';

/**
 * Full-screen views by tool name: a command that emits the `fullscreen` effect
 * with `tool: NAME` opens the view registered here. The openMosix monitors
 * (mosmon, mtop) register their frame renderers in this table too.
 */
export const FULLSCREEN_TOOLS: Readonly<Record<string, FullscreenTool<any>>> = {
	vi: editorTool('vi'),
	vim: editorTool('vi'),
	nano: editorTool('nano'),
};
