export type { Cycle, DependencyEdge, FileView, PhaseRef, Readiness, UnresolvedReference, WorkspaceIndex } from './types';
export { buildWorkspaceIndex, buildWorkspaceIndexInSteps } from './workspaceIndex';
export { toDot, toMermaid } from './render';
export type { RenderOptions } from './render';
export { WorkspaceGraph, type GraphChange } from './workspaceGraph';
