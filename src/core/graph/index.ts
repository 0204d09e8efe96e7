export type { Cycle, DependencyEdge, PhaseRef, Readiness, UnresolvedReference, WorkspaceIndex } from './types';
export { buildWorkspaceIndex } from './workspaceIndex';
export { toDot, toMermaid } from './render';
export type { RenderOptions } from './render';
