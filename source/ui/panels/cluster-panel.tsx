import {memo, useMemo} from 'react';
import type {LabSnapshot} from '../../lab/snapshot';
import {useSettings} from '../settings';
import {Lines} from '../text/lines';
import {clusterLines, type NodeMeasure} from './cluster-lines';

/** Topology and per-server bars: who holds the VIP, traffic paths, every host's state and load. */
export const ClusterPanel = memo(function ClusterPanel(props: {snapshot: LabSnapshot; selected?: string; focused: boolean; nodeMeasure: NodeMeasure; width: number; height: number}) {
	const {theme, t} = useSettings();
	const {snapshot, selected, focused, nodeMeasure, width, height} = props;
	const lines = useMemo(() => clusterLines({snapshot, selected, focused, nodeMeasure, width, height, theme, t}), [snapshot, selected, focused, nodeMeasure, width, height, theme, t]);
	return <Lines lines={lines} width={width} height={height} />;
});
